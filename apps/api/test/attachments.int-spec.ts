import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_OWNER } from '@yokoten/case-studies';
import { writeBackup } from '../src/backup/backup';
import { restoreBackup } from '../src/backup/restore';
import { createSession } from './exchange-session.fixtures';
import { docx, pptx, xlsx, zip } from './fixtures/ooxml';
import { requestStatements } from './query-count';
import {
  dataOf,
  eventually,
  indexSynced,
  insertCases,
  officerLogin,
  seedMunicipalities,
  SEARCH_TEST_PASSWORD,
} from './search-fixtures';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(300_000);

/**
 * Files of cases and sessions (issue #13, docs/attachments.md) against the real PostgreSQL and Meilisearch:
 * streamed upload and byte-exact download, the type from the content, the size limit and the quota with
 * nothing stored on refusal, visibility under the rules of what a file belongs to, text extraction off the
 * request path made searchable (members-only text never), and a backup that carries the bytes.
 *
 * The PDF fixture (test/fixtures/japanese-report.pdf, 88 kB) was printed once by Chromium from a Japanese
 * HTML page set in Noto Sans CJK JP (test/fixtures/make-japanese-pdf.mjs): an embedded CID font subset,
 * as Word and most PDF makers write Japanese.
 */
const PUBLISHER = '312011'; // 鳥取市
const OTHER = '401005'; // 北九州市, another member
const PDF = readFileSync(join(__dirname, 'fixtures', 'japanese-report.pdf'));
const PDF_NAME = '雪下ろし支援 実施報告書（令和6年度）.pdf';

interface UploadResult {
  status: number;
  body: { attachment?: AttachmentView; error?: { code: string; message: string } };
}
interface AttachmentView {
  id: string;
  name: string;
  caption: string;
  mimeType: string;
  kind: string;
  sizeBytes: number;
  membersOnly: boolean;
  purpose: string | null;
  textStatus: string;
  downloadUrl: string;
}

const ATTACHMENT_FIELDS =
  'id name caption mimeType kind sizeBytes membersOnly purpose textStatus downloadUrl';

describe('attachments: files of case studies and exchange sessions', () => {
  let t: TestApp;
  let ds: DataSource;
  let ids: Record<string, string>;
  let publisher: string;
  let other: string;
  let organiser: string;
  let pdf: AttachmentView;

  /** POST /attachments over node:http, so a test decides how the body goes (declared length or chunked). */
  function upload(
    owner: { type?: string; id: string },
    name: string,
    body: Buffer | Buffer[],
    opts: {
      token?: string;
      query?: Record<string, string>;
      chunked?: boolean;
      headers?: Record<string, string>;
    } = {},
  ): Promise<UploadResult> {
    const params = new URLSearchParams({
      ownerType: owner.type ?? 'CASE_STUDY',
      ownerId: owner.id,
      ...opts.query,
    });
    const chunks = Array.isArray(body) ? body : [body];
    const length = chunks.reduce((n, c) => n + c.length, 0);
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${t.url}/attachments?${params}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(name),
          ...(opts.chunked ? {} : { 'content-length': String(length) }),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
      });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8')) }),
        );
      });
      // The server answers a refused upload without reading the rest: writing on may then fail.
      req.on('error', (e) => {
        if (!answered) reject(e);
      });
      (async () => {
        for (const c of chunks) {
          if (answered || req.destroyed) return;
          if (!req.write(c)) await new Promise((r) => req.once('drain', r));
        }
        req.end();
      })().catch(() => undefined);
    });
  }

  async function download(id: string, token?: string) {
    const res = await fetch(`${t.url}/attachments/${id}/download`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  const stored = async () => {
    const [row] = (await ds.query(
      `SELECT (SELECT count(*)::int FROM attachments) AS files, (SELECT count(*)::int FROM attachment_chunks) AS chunks`,
    )) as [{ files: number; chunks: number }];
    return row;
  };

  const caseFiles = async (id: string, token?: string) =>
    dataOf(
      await t.gql<{ caseStudy: { attachments: AttachmentView[] } | null }>(
        `query($id: ID!) { caseStudy(id: $id) { attachments { ${ATTACHMENT_FIELDS} } } }`,
        { id },
        token,
      ),
    ).caseStudy?.attachments;

  const textStatusOf = async (id: string) =>
    (
      (await ds.query(`SELECT text_status FROM attachments WHERE id = $1`, [id])) as Array<{
        text_status: string;
      }>
    )[0]?.text_status;

  const extracted = async (id: string) => {
    await eventually(
      () => textStatusOf(id),
      (s) => s !== 'PENDING',
      60_000,
      100,
    );
    return (
      (await ds.query(`SELECT text_status, text_content FROM attachments WHERE id = $1`, [id])) as Array<{
        text_status: string;
        text_content: string | null;
      }>
    )[0];
  };

  const searchHits = async (query: string, token?: string) =>
    dataOf(
      await t.gql<{
        searchCaseStudies: {
          hits: Array<{ caseStudy: { id: string }; matchedAttachment: { id: string; name: string } | null }>;
        };
      }>(
        `query($q: String) { searchCaseStudies(query: $q) { hits { caseStudy { id } matchedAttachment { id name } } } }`,
        { q: query },
        token,
      ),
    ).searchCaseStudies.hits;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    await seedMunicipalities(t, [PUBLISHER, OTHER]);
    await ds.query(
      `INSERT INTO users (email, name, role, password_hash)
       SELECT 'organiser@attachments.example', '事務局', 'ORGANISER', password_hash FROM users LIMIT 1`,
    );
    ids = await insertCases(t, [
      { key: 'public', municipalityCode: PUBLISHER, title: '高齢者世帯の冬の暮らし支援' },
      { key: 'draft', municipalityCode: PUBLISHER, title: '下書き：除排雪の情報発信', status: 'DRAFT' },
      { key: 'quota', municipalityCode: PUBLISHER, title: '添付の上限を確かめる事例' },
      { key: 'other', municipalityCode: OTHER, title: '北九州市の別の事例' },
    ]);
    publisher = await officerLogin(t, PUBLISHER);
    other = await officerLogin(t, OTHER);
    organiser = await t.login('organiser@attachments.example', SEARCH_TEST_PASSWORD);
    await indexSynced(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('uploads a Japanese PDF to a case (201) and serves it back byte for byte, as an attachment', async () => {
    const res = await upload({ id: ids.public }, PDF_NAME, PDF, {
      token: publisher,
      query: { caption: '令和6年度の実施報告' },
    });
    expect(res.status).toBe(201);
    pdf = res.body.attachment as AttachmentView;
    expect(pdf).toMatchObject({
      name: PDF_NAME,
      caption: '令和6年度の実施報告',
      mimeType: 'application/pdf',
      kind: 'PDF',
      sizeBytes: PDF.length,
      membersOnly: false,
      downloadUrl: `/attachments/${pdf.id}/download`,
    });

    const got = await download(pdf.id); // anonymous: the case is PUBLISHED and PUBLIC
    expect(got.status).toBe(200);
    expect(got.bytes.equals(PDF)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-length')).toBe(String(PDF.length));
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = got.headers.get('content-disposition') as string;
    expect(disposition.startsWith('attachment; ')).toBe(true);
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent(PDF_NAME).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect(/filename="[\x20-\x7e]+\.pdf"/.test(disposition)).toBe(true);
    const [row] = (await ds.query(`SELECT sha256 FROM attachments WHERE id = $1`, [pdf.id])) as [
      { sha256: string },
    ];
    expect(row.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));

    expect(await caseFiles(ids.public)).toEqual([expect.objectContaining({ id: pdf.id, name: PDF_NAME })]);
  });

  it('extracts the PDF’s Japanese text off the request path; a Japanese search finds the case and names the file', async () => {
    const row = await extracted(pdf.id);
    expect(row.text_status).toBe('DONE');
    // 支援 and 高齢者 as the kanji, not the look-alike Kangxi radicals the font maps some glyphs to.
    expect(row.text_content).toContain('雪下ろし支援の実施報告');
    expect(row.text_content).toContain(
      '高齢者世帯の屋根の雪下ろしを、地域の除雪ボランティアと事業者が分担して行いました。',
    );
    await indexSynced(t);

    // Words only in the file, not in the case itself.
    const hits = await eventually(
      () => searchHits('除雪ボランティア'),
      (h) => h.length > 0,
    );
    expect(hits).toEqual([
      { caseStudy: { id: ids.public }, matchedAttachment: { id: pdf.id, name: PDF_NAME } },
    ]);
    expect(await searchHits('三百十二件')).toEqual([
      { caseStudy: { id: ids.public }, matchedAttachment: { id: pdf.id, name: PDF_NAME } },
    ]);
    // A match in the case itself names no file.
    expect(await searchHits('冬の暮らし')).toEqual([
      { caseStudy: { id: ids.public }, matchedAttachment: null },
    ]);
  });

  it('keeps a members-only file from anonymous readers: not listed, not served, its text not searchable', async () => {
    const before = await stored();
    const res = await upload(
      { id: ids.public },
      '会員向け_雪室の運用メモ.docx',
      docx(['雪室貯蔵の温度記録と運用の工夫']),
      {
        token: publisher,
        query: { membersOnly: 'true' },
      },
    );
    expect(res.status).toBe(201);
    const file = res.body.attachment as AttachmentView;
    expect(file).toMatchObject({ kind: 'WORD', membersOnly: true });
    expect(await stored()).toEqual({ files: before.files + 1, chunks: before.chunks + 1 });

    expect((await caseFiles(ids.public))?.map((f) => f.id)).toEqual([pdf.id]);
    expect((await caseFiles(ids.public, other))?.map((f) => f.id)).toEqual([pdf.id, file.id]);
    const anonymous = await download(file.id);
    expect(anonymous.status).toBe(404);
    expect(JSON.parse(anonymous.bytes.toString('utf8')).error.code).toBe('NOT_FOUND');
    const member = await download(file.id, other);
    expect(member.status).toBe(200);
    expect(member.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );

    expect((await extracted(file.id)).text_content).toContain('雪室貯蔵の温度記録');
    await indexSynced(t);
    // Members-only text is never in the index: neither anonymous nor member searches match on it.
    expect(await searchHits('雪室貯蔵')).toEqual([]);
    expect(await searchHits('雪室貯蔵', other)).toEqual([]);
  });

  it('serves a draft’s files to its editors and the organisers only', async () => {
    const res = await upload({ id: ids.draft }, 'draft.pdf', PDF, { token: publisher });
    expect(res.status).toBe(201);
    const id = (res.body.attachment as AttachmentView).id;
    expect((await download(id)).status).toBe(404);
    expect((await download(id, other)).status).toBe(404);
    expect((await download(id, publisher)).status).toBe(200);
    expect((await download(id, organiser)).status).toBe(200);
    // Another municipality's officer cannot add files to it either (it does not exist for them).
    expect((await upload({ id: ids.draft }, 'x.pdf', PDF, { token: other })).status).toBe(404);
  });

  it('refuses uploads from those who may not edit the case, and from another site', async () => {
    const before = await stored();
    const anonymous = await upload({ id: ids.public }, 'a.pdf', PDF);
    expect(anonymous).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    const stranger = await upload({ id: ids.public }, 'a.pdf', PDF, { token: other });
    expect(stranger).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const organiserOnCase = await upload({ id: ids.public }, 'a.pdf', PDF, { token: organiser });
    expect(organiserOnCase).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const crossSite = await upload({ id: ids.public }, 'a.pdf', PDF, {
      token: publisher,
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const fetchMetadata = await upload({ id: ids.public }, 'a.pdf', PDF, {
      token: publisher,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchMetadata.status).toBe(403);
    const noName = await upload({ id: ids.public }, '', PDF, { token: publisher });
    expect(noName).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', field: 'name' } } });
    expect(await stored()).toEqual(before);
  });

  it('refuses a wrong type (checked from the content, not the name) with ATTACHMENT_TYPE_NOT_ALLOWED; nothing stored', async () => {
    const before = await stored();
    const cases: Array<[string, Buffer]> = [
      ['report.pdf', Buffer.from('<html><script>alert(1)</script></html>')],
      ['setup.pdf', Buffer.concat([Buffer.from('MZ'), randomBytes(4000)])],
      ['archive.zip', zip([['readme.txt', 'ただのzip']])],
      ['slides.pptx', zip([['readme.txt', 'OOXML ではない zip']])],
      ['image.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ];
    for (const [name, body] of cases) {
      const res = await upload({ id: ids.public }, name, body, { token: publisher });
      expect({ name, status: res.status, code: res.body.error?.code }).toEqual({
        name,
        status: 415,
        code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      });
    }
    expect(await stored()).toEqual(before);
  });

  it('tells OOXML files apart by their content, whatever their name, and extracts their text', async () => {
    const made: Array<[string, Buffer, string, string]> = [
      [
        '発表資料.pptx',
        pptx(['一枚目：雪下ろしの安全講習', '二枚目：参加者の声']),
        'POWERPOINT',
        '参加者の声',
      ],
      ['集計表.xlsx', xlsx(['地区名', '申込件数', '南部地区']), 'EXCEL', '南部地区'],
      ['名前が.zip の文書.zip', docx(['議事録：除雪計画の見直し']), 'WORD', '除雪計画の見直し'],
    ];
    for (const [name, body, kind, text] of made) {
      const res = await upload({ id: ids.other }, name, body, { token: other });
      expect({ name, status: res.status, kind: res.body.attachment?.kind }).toEqual({
        name,
        status: 201,
        kind,
      });
      const row = await extracted((res.body.attachment as AttachmentView).id);
      expect({ name, status: row.text_status, has: row.text_content?.includes(text) }).toEqual({
        name,
        status: 'DONE',
        has: true,
      });
    }
  });

  it('refuses a file over 30 MB with ATTACHMENT_TOO_LARGE, declared or streamed, and stores nothing', async () => {
    const before = await stored();
    const head = PDF.subarray(0, 1024);
    const piece = Buffer.alloc(1024 * 1024, 0x20);
    const over: Buffer[] = [head];
    let size = head.length;
    while (size <= ATTACHMENT_MAX_BYTES) {
      over.push(piece);
      size += piece.length;
    }
    // Declared: refused from the Content-Length, before the body is read.
    const declared = await upload({ id: ids.public }, 'big.pdf', over, { token: publisher });
    expect(declared).toMatchObject({ status: 413, body: { error: { code: 'ATTACHMENT_TOO_LARGE' } } });
    // Streamed without a length: reading stops at the limit and the transaction rolls back.
    const streamed = await upload({ id: ids.public }, 'big.pdf', over, { token: publisher, chunked: true });
    expect(streamed).toMatchObject({ status: 413, body: { error: { code: 'ATTACHMENT_TOO_LARGE' } } });
    expect(await stored()).toEqual(before);
    // Exactly at the limit is accepted.
    const exact = Buffer.concat([head, Buffer.alloc(ATTACHMENT_MAX_BYTES - head.length, 0x20)]);
    const ok = await upload({ id: ids.quota }, 'exact.pdf', exact, { token: publisher, chunked: true });
    expect(ok.status).toBe(201);
    expect(ok.body.attachment?.sizeBytes).toBe(ATTACHMENT_MAX_BYTES);
    const got = await download((ok.body.attachment as AttachmentView).id);
    expect(createHash('sha256').update(got.bytes).digest('hex')).toBe(
      createHash('sha256').update(exact).digest('hex'),
    );
  });

  it(`allows ${ATTACHMENTS_PER_OWNER} files per case and refuses the next with ATTACHMENT_QUOTA_EXCEEDED`, async () => {
    const have = (await caseFiles(ids.quota, publisher))?.length ?? 0;
    for (let i = have; i < ATTACHMENTS_PER_OWNER; i++) {
      const res = await upload({ id: ids.quota }, `メモ${i + 1}.txt`, Buffer.from(`メモ ${i + 1}`), {
        token: publisher,
      });
      expect(res.status).toBe(201);
    }
    const before = await stored();
    const next = await upload({ id: ids.quota }, 'one-more.txt', Buffer.from('もう一つ'), {
      token: publisher,
    });
    expect(next).toMatchObject({
      status: 409,
      body: { error: { code: 'ATTACHMENT_QUOTA_EXCEEDED', maxFiles: 20 } },
    });
    expect(await stored()).toEqual(before);
    expect(await caseFiles(ids.quota, publisher)).toHaveLength(ATTACHMENTS_PER_OWNER);
  });

  it('edits the caption and members-only flag, deletes, and records each change in the audit log', async () => {
    const res = await upload({ id: ids.other }, '手順書.pdf', PDF, { token: other });
    const id = (res.body.attachment as AttachmentView).id;
    const UPDATE = `mutation($id: ID!, $input: UpdateAttachmentInput!) { updateAttachment(id: $id, input: $input) { ${ATTACHMENT_FIELDS} } }`;
    const denied = await t.gql(UPDATE, { id, input: { caption: '横取り' } }, publisher);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const long = await t.gql(UPDATE, { id, input: { caption: 'あ'.repeat(301) } }, other);
    expect(long.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const updated = dataOf(
      await t.gql<{ updateAttachment: AttachmentView }>(
        UPDATE,
        { id, input: { caption: '作業手順', membersOnly: true } },
        other,
      ),
    ).updateAttachment;
    expect(updated).toMatchObject({ caption: '作業手順', membersOnly: true });
    expect((await download(id)).status).toBe(404);
    const purposeOnCase = await t.gql(UPDATE, { id, input: { purpose: 'AGENDA' } }, other);
    expect(purposeOnCase.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });

    const DELETE = `mutation($id: ID!) { deleteAttachment(id: $id) { id name } }`;
    expect((await t.gql(DELETE, { id }, publisher)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      dataOf(await t.gql<{ deleteAttachment: { id: string } }>(DELETE, { id }, other)).deleteAttachment.id,
    ).toBe(id);
    expect((await download(id, other)).status).toBe(404);
    expect(await ds.query(`SELECT 1 FROM attachment_chunks WHERE attachment_id = $1`, [id])).toEqual([]);
    const audit = (await ds.query(
      `SELECT action FROM audit_log WHERE subject_id = $1 AND action LIKE 'attachment.%' AND subject_label LIKE '手順書.pdf%' ORDER BY id`,
      [ids.other],
    )) as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual([
      'attachment.upload',
      'attachment.update',
      'attachment.delete',
    ]);
  });

  it('a file that cannot be read stays downloadable, its text FAILED, and the worker goes on', async () => {
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2000)]);
    const res = await upload({ id: ids.other }, '壊れた.pdf', broken, { token: other });
    expect(res.status).toBe(201);
    const id = (res.body.attachment as AttachmentView).id;
    expect((await extracted(id)).text_status).toBe('FAILED');
    expect((await download(id)).bytes.equals(broken)).toBe(true);
    const next = await upload({ id: ids.other }, 'after.txt', Buffer.from('壊れたファイルの後の議事メモ'), {
      token: other,
    });
    expect((await extracted((next.body.attachment as AttachmentView).id)).text_status).toBe('DONE');
  });

  it('session files: the organiser adds an agenda to a draft session, public once registration opens', async () => {
    const session = await createSession(t, organiser, { open: false });
    const denied = await upload({ type: 'EXCHANGE_SESSION', id: session.id }, '次第.pdf', PDF, {
      token: publisher,
    });
    expect(denied.status).toBe(404); // a draft session does not exist for an officer
    const wrongPurpose = await upload({ type: 'EXCHANGE_SESSION', id: session.id }, '次第.pdf', PDF, {
      token: organiser,
      query: { purpose: 'MINUTES' },
    });
    expect(wrongPurpose).toMatchObject({ status: 400, body: { error: { field: 'purpose' } } });
    const res = await upload({ type: 'EXCHANGE_SESSION', id: session.id }, '次第.pdf', PDF, {
      token: organiser,
      query: { purpose: 'AGENDA', caption: '当日の進行' },
    });
    expect(res.status).toBe(201);
    const file = res.body.attachment as AttachmentView;
    expect(file).toMatchObject({ purpose: 'AGENDA', caption: '当日の進行' });
    expect((await download(file.id)).status).toBe(404);
    await t.gql(
      `mutation($id: ID!) { openRegistration(sessionId: $id) { id } }`,
      { id: session.id },
      organiser,
    );
    const listed = dataOf(
      await t.gql<{ exchangeSession: { attachments: AttachmentView[] } }>(
        `query($id: ID!) { exchangeSession(id: $id) { attachments { ${ATTACHMENT_FIELDS} } } }`,
        { id: session.id },
      ),
    ).exchangeSession.attachments;
    expect(listed).toEqual([expect.objectContaining({ id: file.id, purpose: 'AGENDA', kind: 'PDF' })]);
    expect((await download(file.id)).bytes.equals(PDF)).toBe(true);
  });

  it('lists the files of many cases in one query (DataLoader, no N+1)', async () => {
    const QUERY = `{ searchCaseStudies(pageSize: 20) { hits { caseStudy { id attachments { id name } } } } }`;
    let hits: unknown[] = [];
    const statements = await requestStatements('client', async () => {
      hits = dataOf(await t.gql<{ searchCaseStudies: { hits: unknown[] } }>(QUERY, undefined, other))
        .searchCaseStudies.hits;
    });
    expect(hits.length).toBeGreaterThanOrEqual(3);
    expect(statements.filter((s) => /FROM "attachments"/i.test(s))).toHaveLength(1);
  });

  it('a backup and restore carry the files, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yokoten-attachments-'));
    const file = join(dir, 'backup.gz');
    const name = `yokoten_att_restore_${randomBytes(4).toString('hex')}`;
    const admin = process.env.TEST_DATABASE_URL as string;
    const adminClient = new Client({ connectionString: admin });
    await adminClient.connect();
    try {
      const source = new Client({ connectionString: t.databaseUrl });
      await source.connect();
      try {
        await writeBackup(source, file);
      } finally {
        await source.end();
      }
      await adminClient.query(`CREATE DATABASE ${name}`);
      const target = new URL(admin);
      target.pathname = `/${name}`;
      await restoreBackup(target.toString(), file);
      const restored = new Client({ connectionString: target.toString() });
      await restored.connect();
      try {
        const rows = (
          await restored.query<{ data: Buffer }>(
            `SELECT data FROM attachment_chunks WHERE attachment_id = $1 ORDER BY seq`,
            [pdf.id],
          )
        ).rows;
        expect(Buffer.concat(rows.map((r) => r.data)).equals(PDF)).toBe(true);
        const [meta] = (
          await restored.query(`SELECT name, sha256, text_status FROM attachments WHERE id = $1`, [pdf.id])
        ).rows;
        expect(meta).toEqual({
          name: PDF_NAME,
          sha256: createHash('sha256').update(PDF).digest('hex'),
          text_status: 'DONE',
        });
      } finally {
        await restored.end();
      }
    } finally {
      await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminClient.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
