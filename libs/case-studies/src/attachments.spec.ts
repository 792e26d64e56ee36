import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  ATTACHMENTS_PER_OWNER,
  attachmentTypeOf,
  formatFileSize,
} from './attachments';

describe('attachments contract', () => {
  it('limits files to 30 MB each and 20 per case or session', () => {
    expect(ATTACHMENT_MAX_BYTES).toBe(31_457_280);
    expect(ATTACHMENTS_PER_OWNER).toBe(20);
  });

  it('accepts no type that can carry script into a page (SVG, HTML, XML)', () => {
    for (const t of ATTACHMENT_TYPES) expect(t.mimeType).not.toMatch(/svg|html|xml$/);
    expect(ATTACHMENT_ACCEPT).not.toMatch(/svg|html/);
  });

  it('knows each type once, with what the search can read', () => {
    expect(new Set(ATTACHMENT_TYPES.map((t) => t.mimeType)).size).toBe(ATTACHMENT_TYPES.length);
    expect(attachmentTypeOf('application/pdf')).toMatchObject({ kind: 'PDF', textExtracted: true });
    expect(attachmentTypeOf('image/png')).toMatchObject({ kind: 'IMAGE', textExtracted: false });
    expect(attachmentTypeOf('application/zip')).toBeUndefined();
  });

  it('formats sizes as file managers count them (1 KB = 1,024 bytes)', () => {
    expect(formatFileSize(512, 'ja')).toBe('512 バイト');
    expect(formatFileSize(512, 'en')).toBe('512 bytes');
    expect(formatFileSize(88_092, 'ja')).toBe('86 KB');
    expect(formatFileSize(1_572_864, 'ja')).toBe('1.5 MB');
    expect(formatFileSize(ATTACHMENT_MAX_BYTES, 'en')).toBe('30 MB');
  });
});
