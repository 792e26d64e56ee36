import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MailService } from '../src/modules/mail/mail.service';
import { eventually } from './search-fixtures';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);

/**
 * How mail goes out, as /health reports it, and who may read the development mail viewer: only in
 * development or test, only from this machine or as a signed-in organiser; production without SMTP_URL
 * sends nothing and writes no files.
 */
const health = async (t: TestApp) =>
  (await (await fetch(`${t.url}/health`)).json()) as Record<string, unknown>;
const FORWARDED = { 'x-forwarded-for': '203.0.113.9' };

describe('mail in development (files) and the /dev/mail viewer', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yokoten-mail-'));
    // TRUST_PROXY=loopback: a request through a local proxy is seen from the address it forwards.
    t = await createTestApp({ seedDemo: true, env: { MAIL_DIR: dir, TRUST_PROXY: 'loopback' } });
    await apply(t);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('/health says mail goes to files', async () => {
    expect((await health(t)).mail).toBe('file');
  });

  it('serves /dev/mail to a loopback client', async () => {
    await eventually(
      async () =>
        t.app
          .get(MailService)
          .recent()
          .filter((m) => m.file).length,
      (n) => n > 0,
    );
    const res = await fetch(`${t.url}/dev/mail`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('.eml');
  });

  it('is a 404 to an anonymous client from elsewhere, and served to a signed-in organiser from elsewhere', async () => {
    const anonymous = await fetch(`${t.url}/dev/mail`, { headers: FORWARDED });
    expect(anonymous.status).toBe(404);
    const officer = await t.login(`officer.${await memberCode(t)}@yokoten.example`);
    const asOfficer = await fetch(`${t.url}/dev/mail`, {
      headers: { ...FORWARDED, authorization: `Bearer ${officer}` },
    });
    expect(asOfficer.status).toBe(404);
    const organiser = await t.login('organiser@yokoten.example');
    const asOrganiser = await fetch(`${t.url}/dev/mail`, {
      headers: { ...FORWARDED, authorization: `Bearer ${organiser}` },
    });
    expect(asOrganiser.status).toBe(200);
  });
});

async function firstCode(t: TestApp, where: string): Promise<string> {
  const sql = new Client({ connectionString: t.databaseUrl });
  await sql.connect();
  try {
    const { rows } = await sql.query(
      `SELECT m.code FROM municipalities m WHERE ${where} ORDER BY m.code LIMIT 1`,
    );
    return rows[0].code;
  } finally {
    await sql.end();
  }
}
const memberCode = (t: TestApp) =>
  firstCode(
    t,
    `m.membership_status = 'MEMBER' AND EXISTS (SELECT 1 FROM users u WHERE u.municipality_id = m.id)`,
  );

/** A 参加申込 (it mails the applicant and the organisers). */
async function apply(t: TestApp): Promise<unknown> {
  const code = await firstCode(t, `m.membership_status = 'APPLICANT'`);
  const res = await t.gql<{ applyToJoin: boolean }>(
    `mutation($code: String!) { applyToJoin(input: { municipalityCode: $code, applicantName: "山田", department: "DX推進課", email: "dx@city.example.lg.jp" }) }`,
    { code },
  );
  if (!res.data?.applyToJoin) throw new Error(JSON.stringify(res.errors));
  return res.data.applyToJoin;
}

describe('mail in production without SMTP_URL', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yokoten-mail-'));
    t = await createTestApp({
      seedDemo: true,
      env: { NODE_ENV: 'production', MAIL_DIR: dir, COOKIE_SECURE: 'false' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('/health says mail is not configured; a mail stays queued, no file is written', async () => {
    expect((await health(t)).mail).toBe('not configured');
    const mail = t.app.get(MailService);
    expect(mail.directory).toBeNull();
    expect(await apply(t)).toBe(true);
    const sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM mail_outbox`);
    await sql.end();
    expect(rows[0].n).toBeGreaterThan(0);
    expect(mail.recent()).toHaveLength(0);
    expect((await health(t)).pendingMails).toBe(rows[0].n);
  });

  it('does not serve /dev/mail, not even to a loopback client', async () => {
    expect((await fetch(`${t.url}/dev/mail`)).status).toBe(404);
  });
});
