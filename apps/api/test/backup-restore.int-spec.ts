import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { writeBackup } from '../src/backup/backup';
import type { BackupHeader } from '../src/backup/backup-format';
import { restoreBackup, RestoreRefusedError } from '../src/backup/restore';
import { rebuildSearchIndex } from '../src/backup/search-rebuild';
import { EXCLUDED_TABLES } from '../src/backup/table-catalog';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../src/database/migrations';
import { LoginSessions1795281310000 } from '../src/database/migrations/1795281310000-LoginSessions';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(300_000);

async function query<T extends Record<string, unknown>>(url: string, sql: string, params: unknown[] = []) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SET DateStyle = 'ISO, YMD'`); // comparable text whatever the database's own setting
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** Every table of `public`, from the catalog (not from the backup code under test). */
async function publicTables(url: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    url,
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Row count and an md5 of the rows' text in primary-key order (every column, generated ones too). */
async function fingerprint(url: string, table: string): Promise<{ rows: number; md5: string }> {
  const pk = await query<{ col: string }>(
    url,
    `SELECT a.attname AS col FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [`"${table}"`],
  );
  const order = pk.length ? pk.map((p) => `t."${p.col}"`).join(', ') : 't::text';
  const [row] = await query<{ rows: number; md5: string }>(
    url,
    `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY ${order}), '')) AS md5
       FROM "${table}" t`,
  );
  return row as { rows: number; md5: string };
}

async function sequences(url: string): Promise<Record<string, string>> {
  const rows = await query<{ name: string; value: string }>(
    url,
    `SELECT sequencename AS name, coalesce(last_value, 0)::text AS value FROM pg_sequences
      WHERE schemaname = 'public' ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

function adminUrl(): string {
  return process.env.TEST_DATABASE_URL as string;
}

/** A database straight from CREATE DATABASE: no schema at all (the restore has to migrate it). */
async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `yokoten_restore_${randomBytes(5).toString('hex')}`;
  await query(adminUrl(), `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await query(adminUrl(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Rewrites a backup's decompressed text (tests of damaged and foreign files). */
function rewrite(from: string, to: string, edit: (data: Buffer) => Buffer): void {
  writeFileSync(to, gzipSync(edit(gunzipSync(readFileSync(from)))));
}

interface Section {
  name: string;
  line: Buffer;
  body: Buffer;
}

/** Splits a decompressed backup into magic, header, table sections (framing kept) and the END line. */
function sections(data: Buffer): { magic: Buffer; header: BackupHeader; tables: Section[]; end: Buffer } {
  let at = 0;
  const line = () => {
    const nl = data.indexOf(0x0a, at);
    const text = data.subarray(at, nl + 1);
    at = nl + 1;
    return text;
  };
  const magic = line();
  const header = JSON.parse(line().toString('utf8')) as BackupHeader;
  const tables: Section[] = [];
  while (data.subarray(at, at + 6).toString() === 'TABLE ') {
    const tableLine = line();
    const name = (JSON.parse(tableLine.subarray(6).toString('utf8')) as { name: string }).name;
    const start = at;
    for (;;) {
      const size = Number(line().toString('utf8'));
      if (size === 0) break;
      at += size;
    }
    tables.push({ name, line: tableLine, body: data.subarray(start, at) });
  }
  return { magic, header, tables, end: data.subarray(at) };
}

function assemble(parts: { magic: Buffer; header: BackupHeader; tables: Section[]; end: Buffer }): Buffer {
  return Buffer.concat([
    parts.magic,
    Buffer.from(`${JSON.stringify(parts.header)}\n`),
    ...parts.tables.flatMap((t) => [t.line, t.body]),
    parts.end,
  ]);
}

/** Tables a backup leaves out by design: the named ones and UNLOGGED ones (see table-catalog.ts). */
async function excludedByDesign(url: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    url,
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND (c.relpersistence = 'u' OR c.relname = ANY($1))
      ORDER BY 1`,
    [Object.keys(EXCLUDED_TABLES)],
  );
  return rows.map((r) => r.name);
}

/**
 * Rows for the tables the demo seed leaves empty, so that every table's COPY is exercised. A new table
 * that the demo does not fill makes the first test fail by name: give it a row here.
 */
async function fillTablesTheDemoLeavesEmpty(t: TestApp): Promise<void> {
  await t.login('organiser@yokoten.example').catch(() => undefined);
  const db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
  try {
    const empty = async (table: string) =>
      (await publicTables(t.databaseUrl)).includes(table) &&
      (await db.query(`SELECT 1 FROM "${table}" LIMIT 1`)).rowCount === 0;
    if (await empty('login_sessions'))
      await db.query(
        `INSERT INTO login_sessions (token_hash, user_id, expires_at) SELECT repeat('a', 64), id, now() + interval '1 day' FROM users ORDER BY email LIMIT 1`,
      );
    if (await empty('mail_outbox'))
      await db.query(
        `INSERT INTO mail_outbox (kind, recipients, subject, text, available_at)
         VALUES ('test', '["a@example.jp"]', '件名', '本文: 改行\n	タブ \\ バックスラッシュ', now() + interval '1 day')`,
      );
    if (await empty('search_outbox'))
      await db.query(
        `INSERT INTO search_outbox (entity_type, entity_id, available_at)
         VALUES ('case_study', gen_random_uuid(), now() + interval '1 day')`,
      );
    if (await empty('password_resets'))
      await db.query(
        `INSERT INTO password_resets (user_id, token_hash, expires_at) SELECT id, repeat('b', 64), now() + interval '1 hour' FROM users ORDER BY email LIMIT 1`,
      );
    if (await empty('password_reset_limits'))
      await db.query(`INSERT INTO password_reset_limits (key, points, expire) VALUES ('test', 1, 0)`);
    if (await empty('app_settings'))
      await db.query(`INSERT INTO app_settings (key, value) VALUES ('test', '{"a": [1, "二"]}')`);
    if (await empty('invitations'))
      await db.query(
        `INSERT INTO invitations (email, role, name, purpose, token_hash, invited_by, expires_at)
         SELECT 'new@example.jp', 'ORGANISER', '新人', 'INVITATION', repeat('c', 64), id, now() + interval '7 days'
           FROM users ORDER BY email LIMIT 1`,
      );
    if (await empty('join_applications'))
      await db.query(
        `INSERT INTO join_applications (municipality_id, applicant_name, department, email)
         SELECT id, '申請 太郎', 'DX推進課', 'apply@example.jp' FROM municipalities ORDER BY code LIMIT 1`,
      );
    if (await empty('municipality_profiles'))
      await db.query(
        `INSERT INTO municipality_profiles (municipality_id, plan_links, focus_themes)
         SELECT id, '[]', '["RESKILLING"]' FROM municipalities ORDER BY code LIMIT 1`,
      );
    if (await empty('rate_limits'))
      await db.query(`INSERT INTO rate_limits (key, points, expire) VALUES ('test', 1, 0)`);
    if (await empty('join_application_limits'))
      await db.query(`INSERT INTO join_application_limits (key, points, expire) VALUES ('test', 1, 0)`);
    // Files: a row with every byte value, so the COPY of bytea is checked byte for byte.
    if (await empty('attachments')) {
      await db.query(
        `INSERT INTO attachments (id, case_study_id, name, caption, mime_type, size_bytes, sha256, text_status, text_content, text_folded)
         SELECT '00000000-0000-4000-8000-0000000000a1', id, '報告書 "最終".pdf', E'説明\t改行\nあり', 'application/pdf', 256,
                encode(sha256(decode(string_agg(lpad(to_hex(b), 2, '0'), '' ORDER BY b), 'hex')), 'hex'), 'DONE', '本文', '本文'
           FROM case_studies, generate_series(0, 255) AS b
          WHERE id = (SELECT id FROM case_studies ORDER BY id LIMIT 1) GROUP BY id`,
      );
      await db.query(
        `INSERT INTO attachment_chunks (attachment_id, seq, data)
         SELECT '00000000-0000-4000-8000-0000000000a1', 0, decode(string_agg(lpad(to_hex(b), 2, '0'), '' ORDER BY b), 'hex')
           FROM generate_series(0, 255) AS b`,
      );
    }
    if (await empty('attachment_text_outbox'))
      await db.query(
        `INSERT INTO attachment_text_outbox (attachment_id, available_at)
         VALUES ('00000000-0000-4000-8000-0000000000a1', now() + interval '1 day')`,
      );
    // Watching, 参考になった and saved searches (jsonb filter with Japanese text).
    if (await empty('case_watches'))
      await db.query(
        `INSERT INTO case_watches (user_id, case_study_id)
         SELECT (SELECT id FROM users ORDER BY email LIMIT 1), (SELECT id FROM case_studies ORDER BY id LIMIT 1)`,
      );
    if (await empty('case_helpful_votes'))
      await db.query(
        `INSERT INTO case_helpful_votes (case_study_id, user_id)
         SELECT (SELECT id FROM case_studies ORDER BY id LIMIT 1), (SELECT id FROM users ORDER BY email LIMIT 1)`,
      );
    if (await empty('saved_searches'))
      await db.query(
        `INSERT INTO saved_searches (user_id, name, query, filter, last_digest_at, next_digest_at)
         SELECT id, '人材育成の事例', 'リスキリング', '{"themes": ["RESKILLING"]}', now(), now() + interval '7 days'
           FROM users ORDER BY email LIMIT 1`,
      );
    // Questionnaires: a survey, one question and one answer.
    if (await empty('session_surveys'))
      await db.query(
        `INSERT INTO session_surveys (session_id, closes_at)
         SELECT id, now() + interval '14 days' FROM exchange_sessions ORDER BY id LIMIT 1`,
      );
    if (await empty('session_questions'))
      await db.query(
        `INSERT INTO session_questions (session_id, phase, kind, label, options, required, position)
         SELECT id, 'SURVEY', 'RATING', '満足度を教えてください', '[]', true, 0 FROM exchange_sessions ORDER BY id LIMIT 1`,
      );
    if (await empty('questionnaire_responses'))
      await db.query(
        `INSERT INTO questionnaire_responses (session_id, phase, user_id, answers)
         SELECT (SELECT id FROM exchange_sessions ORDER BY id LIMIT 1), 'SURVEY', (SELECT id FROM users ORDER BY email LIMIT 1),
                '[{"questionId": "q", "rating": 5, "text": "とても参考になりました"}]'`,
      );
    if (await empty('audit_log'))
      await db.query(
        `INSERT INTO audit_log (actor_user_id, actor_label, action, subject_type, subject_id, subject_label, before, after)
         SELECT id, 'test', 'TEST', 'user', id::text, 'test', NULL, '{"x": 1}' FROM users ORDER BY email LIMIT 1`,
      );
  } finally {
    await db.end();
  }
}

describe('db:backup and db:restore', () => {
  let t: TestApp;
  let dir: string;
  let file: string;
  let header: BackupHeader;
  let target: { url: string; drop(): Promise<void> };
  let appLike: Client;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    await fillTablesTheDemoLeavesEmpty(t);
    // The app's workers (mail, search sync and healing) would change the source under the comparison:
    // stop them. A connection stays open, as an API process's would.
    await t.app.close();
    appLike = new Client({ connectionString: t.databaseUrl, application_name: 'yokoten' });
    await appLike.connect();
    // A server whose dates print day-first: the backup must still write dates any server reads the same.
    const source = new URL(t.databaseUrl).pathname.slice(1);
    await query(adminUrl(), `ALTER DATABASE "${source}" SET DateStyle = 'SQL, DMY'`);
    dir = mkdtempSync(join(tmpdir(), 'yokoten-backup-'));
    file = join(dir, 'demo.backup.gz');
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      header = (await writeBackup(client, file)).header;
    } finally {
      await client.end();
    }
    target = await emptyDatabase();
  });
  afterAll(async () => {
    await appLike?.end();
    await target?.drop();
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('restores every table of the schema into an empty database, row for row', async () => {
    const tables = await publicTables(t.databaseUrl);
    const excluded = await excludedByDesign(t.databaseUrl);
    const included = tables.filter((name) => !excluded.includes(name));
    // Derived from the database: a table added by a later migration is in the backup, or this fails.
    expect(header.tables.map((x) => x.name).sort()).toEqual(included);
    expect(header.excluded.map((x) => x.name).sort()).toEqual(excluded);
    const migrations = await query<{ name: string }>(
      t.databaseUrl,
      'SELECT name FROM migrations ORDER BY id',
    );
    expect(header.migrations.map((m) => m.name)).toEqual(migrations.map((m) => m.name));

    // Every backed-up table has rows, so every COPY is exercised (a new table the demo leaves empty: give
    // it a row in fillTablesTheDemoLeavesEmpty).
    const emptyInBackup = header.tables.filter((x) => x.rows === 0).map((x) => x.name);
    expect({ emptyInBackup }).toEqual({ emptyInBackup: [] });

    const result = await restoreBackup(target.url, file);
    expect(result.migrated).toEqual(migrations.map((m) => m.name));

    expect(await publicTables(target.url)).toEqual(tables);
    for (const name of included) {
      const [source, restored] = [
        await fingerprint(t.databaseUrl, name),
        await fingerprint(target.url, name),
      ];
      expect({ table: name, ...restored }).toEqual({ table: name, ...source });
    }
    for (const name of excluded.filter((n) => n !== 'migrations'))
      expect({ table: name, rows: (await fingerprint(target.url, name)).rows }).toEqual({
        table: name,
        rows: 0,
      });
    const restoredMigrations = await query<{ name: string }>(target.url, 'SELECT name FROM migrations');
    expect(restoredMigrations.map((m) => m.name).sort()).toEqual(migrations.map((m) => m.name).sort());

    // Sequences of restored tables continue where the source's were (no key reused on the next insert).
    const [src, dst] = [await sequences(t.databaseUrl), await sequences(target.url)];
    for (const s of header.sequences)
      expect({ seq: s.name, value: dst[s.name] }).toEqual({ seq: s.name, value: src[s.name] });

    // User triggers are back on after the load.
    const disabled = await query(
      target.url,
      `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`,
    );
    expect(disabled).toEqual([]);
  });

  it('rebuilds the search index from the restored data', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: target.url,
      MEILI_URL: process.env.TEST_MEILI_URL,
      MEILI_MASTER_KEY: process.env.TEST_MEILI_MASTER_KEY,
      MEILI_INDEX_PREFIX: `r${randomBytes(4).toString('hex')}_`,
      LOG_LEVEL: 'error',
    });
    const search = { url: process.env.TEST_MEILI_URL as string, apiKey: process.env.TEST_MEILI_MASTER_KEY };
    const result = await rebuildSearchIndex(target.url, search, config);
    const [{ n }] = (await query<{ n: number }>(
      target.url,
      `SELECT count(*)::int AS n FROM case_studies WHERE status = 'PUBLISHED'`,
    )) as Array<{ n: number }>;
    expect(n).toBeGreaterThan(0);
    expect(result.documents).toBe(n);
  });

  it('refuses a database that holds data, and one an API process is connected to', async () => {
    await expect(restoreBackup(target.url, file)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreBackup(target.url, file)).rejects.toThrow(/already holds data \(.*rows/);
    await expect(restoreBackup(t.databaseUrl, file)).rejects.toThrow(
      /1 other connection\(s\).*\(yokoten\): stop the API processes/,
    );
  });

  it('replaces everything with --force', async () => {
    await query(target.url, `UPDATE municipalities SET name = name || '（改）'`);
    await query(target.url, `CREATE TABLE stray (x int)`);
    await restoreBackup(target.url, file, { force: true });
    expect(await publicTables(target.url)).toEqual(await publicTables(t.databaseUrl));
    expect(await fingerprint(target.url, 'municipalities')).toEqual(
      await fingerprint(t.databaseUrl, 'municipalities'),
    );
  });

  it('refuses a backup made by migrations this build does not know, before touching the target', async () => {
    const future = join(dir, 'future.backup.gz');
    rewrite(file, future, (data) => {
      const start = data.indexOf(0x0a) + 1;
      const end = data.indexOf(0x0a, start);
      const h = JSON.parse(data.subarray(start, end).toString('utf8')) as BackupHeader;
      h.migrations.push({ name: 'FromTheFuture2999999999999', timestamp: 2999999999999 });
      return Buffer.concat([data.subarray(0, start), Buffer.from(JSON.stringify(h)), data.subarray(end)]);
    });
    const fresh = await emptyDatabase();
    try {
      await expect(restoreBackup(fresh.url, future)).rejects.toThrow(
        /newer Yokoten.*FromTheFuture2999999999999/,
      );
      expect(await publicTables(fresh.url)).toEqual([]);
    } finally {
      await fresh.drop();
    }
  });

  it('restores a backup made before login_sessions was renamed; migrating on renames the empty table', async () => {
    // A database of the build before the rename: every migration up to LoginSessions1795281310000.
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(LoginSessions1795281310000));
    const [older, fresh] = [await emptyDatabase(), await emptyDatabase()];
    const migrate = async (url: string, migrations: typeof MIGRATIONS) => {
      const ds = await new DataSource({ ...dataSourceOptions(url), migrations }).initialize();
      try {
        return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
      } finally {
        await ds.destroy();
      }
    };
    try {
      await migrate(older.url, before);
      await query(
        older.url,
        `WITH u AS (INSERT INTO users (email, name, role, password_hash)
                    VALUES ('before.rename@test.yokoten.example', '改名前', 'ORGANISER', 'not-a-hash') RETURNING id)
         INSERT INTO sessions (token_hash, user_id, expires_at) SELECT repeat('b', 64), id, now() + interval '1 day' FROM u`,
      );
      const oldFile = join(dir, 'before-rename.backup.gz');
      const client = new Client({ connectionString: older.url });
      await client.connect();
      let oldHeader: BackupHeader;
      try {
        oldHeader = (await writeBackup(client, oldFile)).header;
      } finally {
        await client.end();
      }
      // Its sign-ins are left out under the table's old name too.
      expect(oldHeader.excluded.map((x) => x.name)).toContain('sessions');
      expect(oldHeader.tables.map((x) => x.name)).not.toContain('sessions');

      const result = await restoreBackup(fresh.url, oldFile);
      expect(result.migrated).toEqual(before.map((M) => new M().name));
      expect(await publicTables(fresh.url)).toContain('sessions');
      expect(await fingerprint(fresh.url, 'users')).toEqual(await fingerprint(older.url, 'users'));

      // The app's next start migrates on: the rename and whatever came after it.
      expect(await migrate(fresh.url, MIGRATIONS)).toEqual(
        MIGRATIONS.slice(before.length).map((M) => new M().name),
      );
      const tables = await publicTables(fresh.url);
      expect(tables).toContain('login_sessions');
      expect(tables).not.toContain('sessions');
      expect((await fingerprint(fresh.url, 'login_sessions')).rows).toBe(0);
    } finally {
      await older.drop();
      await fresh.drop();
    }
  });

  it('refuses a file cut short and leaves no rows behind (one transaction)', async () => {
    const cut = join(dir, 'cut.backup.gz');
    rewrite(file, cut, (data) => data.subarray(0, data.lastIndexOf('\nTABLE ') + 1));
    const fresh = await emptyDatabase();
    try {
      await expect(restoreBackup(fresh.url, cut)).rejects.toThrow(/ends early|incomplete/);
      expect((await fingerprint(fresh.url, 'municipalities')).rows).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
  it('loads a file whose order puts children first: the keys pointing forward are dropped, then re-checked', async () => {
    const reordered = join(dir, 'reordered.backup.gz');
    rewrite(file, reordered, (data) => {
      const parts = sections(data);
      parts.tables.reverse();
      parts.header.tables.reverse();
      return assemble(parts);
    });
    const fresh = await emptyDatabase();
    try {
      const result = await restoreBackup(fresh.url, reordered);
      expect(result.foreignKeysRechecked).toEqual(expect.arrayContaining(['FK_case_studies_municipality']));
      for (const name of ['municipalities', 'case_studies', 'session_registrations'])
        expect(await fingerprint(fresh.url, name)).toEqual(await fingerprint(t.databaseUrl, name));
      const constraints = async (url: string) =>
        (
          await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f'`)
        )[0];
      expect(await constraints(fresh.url)).toEqual(await constraints(t.databaseUrl));
    } finally {
      await fresh.drop();
    }
  });

  it('refuses rows whose parents are missing (foreign keys stay enforced), leaving nothing behind', async () => {
    const orphaned = join(dir, 'orphaned.backup.gz');
    rewrite(file, orphaned, (data) => {
      const parts = sections(data);
      const users = parts.tables.find((x) => x.name === 'users') as Section;
      users.line = Buffer.from(users.line.toString('utf8').replace(/"rows":\d+/, '"rows":0'));
      users.body = Buffer.from('0\n');
      (parts.header.tables.find((x) => x.name === 'users') as { rows: number }).rows = 0;
      const total = parts.header.tables.reduce((n, x) => n + x.rows, 0);
      parts.end = Buffer.from(`END ${JSON.stringify({ tables: parts.header.tables.length, rows: total })}\n`);
      return assemble(parts);
    });
    const fresh = await emptyDatabase();
    try {
      await expect(restoreBackup(fresh.url, orphaned)).rejects.toThrow(/foreign key/);
      expect((await fingerprint(fresh.url, 'municipalities')).rows).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
  // Last: it writes to the source database the tests above compare with.
  it('takes one snapshot while writes go on: every copied child row has its parent in the file', async () => {
    const writer = new Client({ connectionString: t.databaseUrl });
    await writer.connect();
    let writing = true;
    let pairs = 0;
    // Each transaction adds a municipality and a user of it. Municipalities are copied before users, so a
    // backup reading each table at its own moment would hold users whose municipality it missed.
    const writes = (async () => {
      while (writing) {
        const code = String(900000 + pairs).padStart(6, '0');
        await writer.query('BEGIN');
        const { rows } = await writer.query<{ id: string }>(
          `INSERT INTO municipalities (code, name, kana, prefecture_code, kind, search_text)
           VALUES ($1, '試験町', 'しけんちょう', '01', 'TOWN', '') RETURNING id`,
          [code],
        );
        await writer.query(
          `INSERT INTO users (email, name, role, municipality_id, password_hash) VALUES ($1, '試験', 'OFFICER', $2, 'x')`,
          [`w${pairs}@example.jp`, rows[0]?.id],
        );
        await writer.query('COMMIT');
        pairs += 1;
      }
    })();
    const during = join(dir, 'during-writes.backup.gz');
    const fresh = await emptyDatabase();
    try {
      while (pairs < 5) await new Promise((r) => setTimeout(r, 10));
      const before = pairs;
      const client = new Client({ connectionString: t.databaseUrl });
      await client.connect();
      const backup = await writeBackup(client, during).finally(() => client.end());
      writing = false;
      await writes;
      expect(pairs).toBeGreaterThan(before); // writes did go on during the backup
      await restoreBackup(fresh.url, during); // foreign keys enforced: an orphan would fail here
      const count = async (url: string, sql: string) => (await query<{ n: number }>(url, sql))[0]?.n;
      const added = `SELECT count(*)::int AS n FROM municipalities WHERE code >= '900000'`;
      const addedUsers = `SELECT count(*)::int AS n FROM users WHERE email LIKE 'w%@example.jp'`;
      expect(await count(fresh.url, added)).toBe(await count(fresh.url, addedUsers));
      expect(backup.header.tables.find((x) => x.name === 'users')?.rows).toBe(
        await count(fresh.url, 'SELECT count(*)::int AS n FROM users'),
      );
    } finally {
      writing = false;
      await writes.catch(() => undefined);
      await writer.end();
      await fresh.drop();
    }
  });
});
