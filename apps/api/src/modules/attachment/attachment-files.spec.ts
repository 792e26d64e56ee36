import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { docx, pptx, xlsx, zip } from '../../../test/fixtures/ooxml';
import { contentDisposition } from './attachment.controller';
import { rechunk } from './attachment-storage';
import { cleanFileName } from './attachment.service';
import { sniffAttachmentType } from './content-type';
import { ExtractionError, extractText } from './extract-text';

const PDF = readFileSync(join(__dirname, '../../../test/fixtures/japanese-report.pdf'));
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('sniffAttachmentType: the type from the content, never the name', () => {
  it.each([
    ['report.pdf', PDF, 'application/pdf'],
    ['写真.png', PNG, 'image/png'],
    [
      '議事録.docx',
      docx(['議事録']),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['集計.xlsx', xlsx(['件数']), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [
      '発表.pptx',
      pptx(['表紙']),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    // A Word file named .zip (or .xlsx) is still a Word file.
    [
      'renamed.zip',
      docx(['中身は文書']),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'renamed.xlsx',
      docx(['中身は文書']),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['メモ.txt', Buffer.from('会議のメモ\r\n次回は5月'), 'text/plain'],
    ['名簿.csv', Buffer.from('自治体,人数\n北九州市,3\n'), 'text/csv'],
  ])('%s → %s', async (name, bytes, mime) => {
    expect((await sniffAttachmentType(bytes, name))?.mimeType).toBe(mime);
  });

  it.each([
    ['a zip that is not an Office file', 'slides.pptx', zip([['readme.txt', 'hello']])],
    ['HTML named .pdf', 'report.pdf', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['an executable named .pdf', 'report.pdf', Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)])],
    ['SVG (could carry script)', 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ['binary named .txt', 'data.txt', Buffer.from([0, 1, 2, 3, 0, 5])],
    ['text without a text extension', 'notes.md', Buffer.from('# 見出し')],
    ['an empty file', 'empty.pdf', Buffer.alloc(0)],
  ])('refuses %s', async (_what, name, bytes) => {
    expect(await sniffAttachmentType(bytes, name)).toBeUndefined();
  });
});

describe('rechunk', () => {
  it('cuts any stream into pieces of exactly the chunk size, the last shorter, bytes unchanged', async () => {
    const input = [Buffer.from('abc'), Buffer.from('defghij'), Buffer.from(''), Buffer.from('k')];
    const out: string[] = [];
    for await (const c of rechunk(Readable.from(input), 4)) out.push(c.toString());
    expect(out).toEqual(['abcd', 'efgh', 'ijk']);
  });
});

describe('contentDisposition (RFC 6266 / 5987)', () => {
  it('says attachment, with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('報告書 (最終).pdf')).toBe(
      `attachment; filename="___ (__).pdf"; filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8%20%28%E6%9C%80%E7%B5%82%29.pdf`,
    );
    expect(contentDisposition('a"b\\c.pdf')).toBe(
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
    );
  });
});

describe('cleanFileName', () => {
  it('keeps the last path segment, NFC, without control characters', () => {
    expect(cleanFileName('C:\\Users\\職員\\資料.pdf')).toBe('資料.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('ﾃｽﾄ\u0000\u0007.pdf')).toBe('ﾃｽﾄ.pdf');
    expect(cleanFileName('か\u3099.pdf')).toBe('が.pdf');
  });
});

describe('extractText (child process)', () => {
  jest.setTimeout(60_000);
  const run = (mime: string, bytes: Buffer, limits?: Parameters<typeof extractText>[2]) =>
    extractText(mime, Readable.from([bytes]), limits);

  it('reads the Japanese text of a PDF with an embedded CID font, as kanji (not Kangxi radicals)', async () => {
    const text = await run('application/pdf', PDF);
    expect(text).toContain('雪下ろし支援の実施報告');
    expect(text).toContain('延べ三百十二件に対応しました。');
    expect(text).not.toMatch(/[\u2f00-\u2fdf]/);
  });

  it('reads docx paragraphs, pptx slides in order and xlsx shared strings', async () => {
    expect(
      await run(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        docx(['第一段落 & 記号', '第二段落']),
      ),
    ).toBe('第一段落 & 記号\n第二段落');
    const slides = Array.from({ length: 11 }, (_, i) => `スライド${i + 1}`);
    expect(
      await run('application/vnd.openxmlformats-officedocument.presentationml.presentation', pptx(slides)),
    ).toBe(slides.join('\n'));
    expect(
      await run('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx(['地区', '件数'])),
    ).toBe('地区\n件数');
  });

  it('reads UTF-8 and Shift_JIS text files', async () => {
    expect(await run('text/plain', Buffer.from('\ufeff会議メモ'))).toBe('会議メモ');
    expect(await run('text/csv', Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]))).toBe('日本語');
  });

  it('keeps at most maxChars characters', async () => {
    const text = await run('text/plain', Buffer.from('あ'.repeat(500)), {
      timeoutMs: 30_000,
      maxOldSpaceMb: 256,
      maxChars: 100,
    });
    expect(text).toBe('あ'.repeat(100));
  });

  it('fails with an ExtractionError on a malformed file (the caller goes on)', async () => {
    await expect(run('application/pdf', Buffer.from('%PDF-1.7\nnot really'))).rejects.toBeInstanceOf(
      ExtractionError,
    );
  });

  it('stops a zip bomb: an OOXML part expanding beyond the XML limit fails, bounded', async () => {
    const huge = Buffer.alloc(70 * 1024 * 1024, 0x20);
    const bomb = zip([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', huge],
    ]);
    expect(bomb.length).toBeLessThan(deflateRawSync(huge).length + 1000);
    await expect(
      run('application/vnd.openxmlformats-officedocument.wordprocessingml.document', bomb),
    ).rejects.toThrow(/64 MB/);
  });

  it('stops a file that takes longer than the time limit', async () => {
    await expect(
      run('application/pdf', PDF, { timeoutMs: 1, maxOldSpaceMb: 256, maxChars: 1000 }),
    ).rejects.toBeInstanceOf(ExtractionError);
  });
});
