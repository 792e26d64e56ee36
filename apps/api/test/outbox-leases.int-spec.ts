import { createServer, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { enqueueMails } from '../src/modules/mail/mail-outbox';
import { MailOutboxProcessor } from '../src/modules/mail/mail-outbox.processor';
import { CaseIndex } from '../src/search/case-index';
import { SEARCH_REBUILD_LOCK } from '../src/search/case-index.reindexer';
import { SearchOutboxProcessor } from '../src/search/search-outbox.processor';
import { createSearchStack } from '../src/search/search-stack';
import { enqueueIndexUpdate } from '../src/search/search-outbox';
import { eventually, indexSynced, insertCases, search, seedMunicipalities } from './search-fixtures';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(90_000);

/**
 * Issue #11: no outbox transaction is held open across a network call. The outboxes claim rows with a lease
 * (`locked_until`) in a short statement, send with no transaction open, then delete or back off; the lease
 * keeps a second consumer off the row meanwhile, and an expired one hands it over (crash safety).
 */

/** A minimal SMTP server that says nothing until `open()`: a send in progress, stalled for as long as we look. */
class StallingSmtp {
  readonly messages: string[] = [];
  connections = 0;
  private server: Server = createServer((s) => this.accept(s));
  private gate: Promise<void>;
  private release!: () => void;

  constructor() {
    this.gate = new Promise((r) => (this.release = r));
  }

  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return (this.server.address() as { port: number }).port;
  }

  open(): void {
    this.release();
  }

  stall(): void {
    this.gate = new Promise((r) => (this.release = r));
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }

  private accept(socket: Socket): void {
    this.connections += 1;
    let buffer = '';
    let data: string | null = null;
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data !== null) {
          if (line === '.') {
            this.messages.push(data);
            data = null;
            socket.write('250 queued\r\n');
          } else data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 fake.example\r\n');
        else if (verb === 'DATA') {
          data = '';
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
    void this.gate.then(() => socket.write('220 fake.example ESMTP\r\n'));
  }
}

/** Sessions of this database (other than `probe`'s own) sitting in an open transaction. */
async function idleInTransaction(probe: Client): Promise<Array<{ application_name: string; query: string }>> {
  const { rows } = await probe.query<{ application_name: string; query: string }>(
    `SELECT application_name, query FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
  );
  return rows;
}

/** Whether another session can lock the rows right now (they are not row-locked by whoever holds them). */
async function lockableNow(probe: Client, table: string, ids: readonly string[]): Promise<boolean> {
  await probe.query('BEGIN');
  try {
    const { rows } = await probe.query(
      `SELECT id FROM ${table} WHERE id = ANY($1::bigint[]) FOR UPDATE NOWAIT`,
      [ids],
    );
    return rows.length === ids.length;
  } finally {
    await probe.query('ROLLBACK');
  }
}

describe('mail outbox: a lease, not a transaction, across the SMTP send', () => {
  const smtp = new StallingSmtp();
  let t: TestApp;
  let probe: Client;
  let outbox: MailOutboxProcessor;
  let ds: DataSource;

  beforeAll(async () => {
    const port = await smtp.listen();
    t = await createTestApp({
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'noreply@example.jp' },
    });
    probe = new Client({ connectionString: t.databaseUrl });
    await probe.connect();
    outbox = t.app.get(MailOutboxProcessor);
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    smtp.open();
    await probe?.end();
    await t?.close();
    await smtp.close();
  });

  it('holds no transaction and no row lock while the SMTP server stalls, and no second consumer takes the row', async () => {
    await ds.transaction((m) =>
      enqueueMails(m, [{ kind: 'test', to: 'stall@example.jp', subject: 'stalled', text: 'slow server' }]),
    );
    // The worker has claimed the row and is waiting for the server's greeting.
    await eventually(
      async () => smtp.connections,
      (n) => n === 1,
    );
    const [row] = (
      await probe.query<{ id: string; leased: boolean; attempts: number }>(
        `SELECT id, locked_until > now() AS leased, attempts FROM mail_outbox`,
      )
    ).rows;
    expect(row.leased).toBe(true);
    expect(row.attempts).toBe(0);
    // Before: the claiming transaction sat `idle in transaction` with the row locked FOR UPDATE.
    expect(await idleInTransaction(probe)).toEqual([]);
    expect(await lockableNow(probe, 'mail_outbox', [row.id])).toBe(true);
    // Another consumer (another process) finds nothing to claim while the lease runs.
    expect(await outbox.processBatch()).toEqual({ claimed: 0, sent: 0, failures: [] });
    expect(await outbox.secondsUntilNextDue()).toBeGreaterThan(200);

    smtp.open();
    await eventually(
      () => outbox.backlog(),
      (n) => n === 0,
    );
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toContain('slow server');
  });

  it('leaves a row leased by a live consumer alone, and sends it once the lease has expired (the consumer died)', async () => {
    smtp.open();
    const before = smtp.messages.length;
    await ds.transaction((m) =>
      enqueueMails(m, [{ kind: 'test', to: 'crash@example.jp', subject: 'orphan', text: 'left by a crash' }]),
    );
    // Claimed by "another process" first, as a worker claims: only a row nobody holds (the app's own worker
    // may have been faster than us and be sending it right now; then there is nothing to simulate).
    const [leased] = (await ds.query(
      `UPDATE mail_outbox SET locked_until = now() + interval '1 hour'
        WHERE subject = 'orphan' AND (locked_until IS NULL OR locked_until <= now()) RETURNING id`,
    )) as [Array<{ id: string }>, number];
    if (leased.length === 1) {
      expect((await outbox.processBatch()).claimed).toBe(0);
      expect(smtp.messages.slice(before).some((m) => m.includes('left by a crash'))).toBe(false);
      // That process died: its lease runs out.
      await ds.query(`UPDATE mail_outbox SET locked_until = now() - interval '1 second' WHERE id = $1`, [
        leased[0].id,
      ]);
      expect((await outbox.processBatch()).sent).toBe(1);
    }
    await eventually(
      () => outbox.backlog(),
      (n) => n === 0,
    );
    expect(smtp.messages.slice(before).filter((m) => m.includes('left by a crash'))).toHaveLength(1);
  });
});

describe('search outbox: no transaction or row lock across the engine call, one batch at a time', () => {
  let t: TestApp;
  let probe: Client;

  beforeAll(async () => {
    t = await createTestApp();
    await seedMunicipalities(t);
    probe = new Client({ connectionString: t.databaseUrl });
    await probe.connect();
  });
  afterAll(async () => {
    await probe?.end();
    await t?.close();
  });

  it('writes to Meilisearch with the rows leased, not locked, while a second batch finds the sync busy', async () => {
    const index = t.app.get(CaseIndex);
    const processor = t.app.get(SearchOutboxProcessor);
    const seen: Array<{ idle: unknown[]; lockable: boolean; leased: number; second: unknown }> = [];
    const write = index.write.bind(index);
    const spy = jest.spyOn(index, 'write').mockImplementation(async (...args) => {
      if (seen.length === 0) {
        const { rows } = await probe.query<{ id: string }>(
          `SELECT id FROM search_outbox WHERE locked_until > now()`,
        );
        seen.push({
          idle: await idleInTransaction(probe),
          lockable: await lockableNow(
            probe,
            'search_outbox',
            rows.map((r) => r.id),
          ),
          leased: rows.length,
          second: await processor.processBatch(),
        });
      }
      return write(...args);
    });
    try {
      const ids = await insertCases(t, [
        { key: 'a', municipalityCode: '401005', title: '貸出期間リース検証事例' },
      ]);
      await indexSynced(t);
      expect(seen).toEqual([
        {
          idle: [],
          lockable: true,
          leased: 1,
          second: { busy: true, claimed: 0, failed: 0, unreachable: false },
        },
      ]);
      const res = await search(t, { query: 'リース検証' });
      expect(res.hits.map((h) => h.caseStudy.id)).toContain(ids.a);
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps a row another consumer holds until its lease expires, then applies it', async () => {
    const processor = t.app.get(SearchOutboxProcessor);
    const ids = await insertCases(t, [
      { key: 'b', municipalityCode: '401005', title: '期限切れ貸出事例', status: 'DRAFT' },
    ]);
    await indexSynced(t);
    await t.app.get(DataSource).transaction(async (m) => {
      await m.query(`UPDATE case_studies SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [
        ids.b,
      ]);
      await enqueueIndexUpdate(m, 'case_study', ids.b);
      // As if a process had claimed it and lost its connection before applying it.
      await m.query(
        `UPDATE search_outbox SET locked_until = now() + interval '1 hour' WHERE entity_id = $1`,
        [ids.b],
      );
    });
    expect(await processor.hasDue()).toBe(false);
    expect((await processor.processBatch()).claimed).toBe(0);
    await probe.query(
      `UPDATE search_outbox SET locked_until = now() - interval '1 second' WHERE entity_id = $1`,
      [ids.b],
    );
    expect(await processor.hasDue()).toBe(true);
    await eventually(
      async () => (await processor.processBatch()).claimed + ((await processor.backlog()) === 0 ? 1 : 0),
      (n) => n > 0,
    );
    await indexSynced(t);
    const res = await search(t, { query: '期限切れ貸出' });
    expect(res.hits.map((h) => h.caseStudy.id)).toContain(ids.b);
  });
});

describe('search:reindex waits for another rebuild longer than the statement timeout', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedMunicipalities(t);
    await insertCases(t, [{ key: 'r', municipalityCode: '401005', title: '待機再構築事例' }]);
    await indexSynced(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes the rebuild lock after 2.5 s of waiting with a statement timeout of 1 s', async () => {
    // The CLI's stack on a pool whose statements are cut off after 1 s (production: DB_STATEMENT_TIMEOUT_MS).
    const ds = new DataSource(dataSourceOptions(t.databaseUrl, { statementTimeoutMs: 1_000 }));
    await ds.initialize();
    const stack = createSearchStack(
      ds,
      { url: t.config.MEILI_URL as string, apiKey: t.config.MEILI_MASTER_KEY },
      t.config,
    );
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [SEARCH_REBUILD_LOCK]);
      const started = Date.now();
      const rebuilding = stack.reindexer.reindex();
      setTimeout(() => void holder.query('SELECT pg_advisory_unlock($1)', [SEARCH_REBUILD_LOCK]), 2_500);
      // Before: `canceling statement due to statement timeout` after 1 s.
      const result = await rebuilding;
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_400);
      expect(result.documents).toBe(1);
    } finally {
      await holder.end();
      stack.close();
      await ds.destroy();
    }
  });
});
