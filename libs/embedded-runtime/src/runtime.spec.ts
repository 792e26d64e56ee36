/**
 * Starts the real embedded PostgreSQL and Meilisearch in a temporary directory on free ports.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { childPids } from './process-tools';
import {
  ensureDatabase,
  installShutdown,
  isAlive,
  runningChildren,
  startEmbeddedMeilisearch,
  startEmbeddedPostgres,
  type EmbeddedMeilisearch,
  type EmbeddedPostgres,
  type RuntimeLogEvent,
} from './index';

jest.setTimeout(120_000);

const gone = (pid: number): boolean => !isAlive(pid) && !existsSync(`/proc/${pid}/cmdline`);

async function waitGone(pids: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pids.every(gone)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return pids.every(gone);
}

/** Minimal Meilisearch API calls (the JS client's ESM-only types need node16 resolution). */
async function meiliApi<T>(
  url: string,
  key: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function waitTask(url: string, key: string, taskUid: number): Promise<{ status: string }> {
  for (;;) {
    const task = await meiliApi<{ status: string }>(url, key, 'GET', `/tasks/${taskUid}`);
    if (task.status !== 'enqueued' && task.status !== 'processing') return task;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function query<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded runtime', () => {
  let root: string;
  const events: RuntimeLogEvent[] = [];
  const log = (e: RuntimeLogEvent) => events.push(e);
  let pg: EmbeddedPostgres | undefined;
  let meili: EmbeddedMeilisearch | undefined;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'yokoten-runtime-'));
  });

  afterAll(async () => {
    await meili?.stop();
    await pg?.stop();
    await rm(root, { recursive: true, force: true });
  });

  // The same directories, port choice and password on every start, so a restart finds the data.
  const startPostgres = () =>
    startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port: 'auto', password: 's3cret-pw', log });
  const startMeilisearch = () =>
    startEmbeddedMeilisearch({ dataDir: path.join(root, 'meilisearch'), port: 0, log });

  it('starts PostgreSQL (UTF8, C locale, 127.0.0.1) and creates databases', async () => {
    pg = await startPostgres();
    expect(pg.initialised).toBe(true);
    expect(pg.url).toBe(`postgres://postgres:s3cret-pw@127.0.0.1:${pg.port}/postgres`);

    const [row] = await query<{ one: number; enc: string; collate: string; listen: string }>(
      pg.url,
      `select 1 as one, pg_encoding_to_char(encoding) as enc, datcollate as collate, current_setting('listen_addresses') as listen
         from pg_database where datname = 'postgres'`,
    );
    expect(row).toEqual({ one: 1, enc: 'UTF8', collate: 'C', listen: '127.0.0.1' });
    await query(
      pg.url,
      'create table kept (id int primary key, label text); insert into kept values (1, $$横展開$$)',
    );

    const dbUrl = await ensureDatabase(pg.url, 'yokoten_spec');
    expect(await ensureDatabase(pg.url, 'yokoten_spec')).toBe(dbUrl); // idempotent
    expect(new URL(dbUrl).pathname).toBe('/yokoten_spec');
    expect(await query(dbUrl, 'select current_database() as db')).toEqual([{ db: 'yokoten_spec' }]);
  });

  it('starts Meilisearch with a master key that is stored for the next start', async () => {
    meili = await startMeilisearch();
    expect(meili.url).toBe(`http://127.0.0.1:${meili.port}`);
    expect((await readFile(path.join(root, 'meili-master-key'), 'utf8')).trim()).toBe(meili.masterKey);

    const health = await fetch(`${meili.url}/health`);
    expect(await health.json()).toEqual({ status: 'available' });
    expect((await fetch(`${meili.url}/indexes`)).status).toBe(401); // production mode: key required

    const version = await meiliApi<{ pkgVersion: string }>(meili.url, meili.masterKey, 'GET', '/version');
    expect(version.pkgVersion).toBe('1.21.0');
    const enqueued = await meiliApi<{ taskUid: number }>(meili.url, meili.masterKey, 'POST', '/indexes', {
      uid: 'spec_cases',
      primaryKey: 'id',
    });
    expect((await waitTask(meili.url, meili.masterKey, enqueued.taskUid)).status).toBe('succeeded');
  });

  it('keeps the data across restarts and leaves no process behind', async () => {
    if (!pg || !meili) throw new Error('previous tests did not start the services');
    const pgPids = [pg.pid, ...childPids(pg.pid)];
    expect(pgPids.length).toBeGreaterThan(1); // postmaster + its workers
    await pg.stop();
    await pg.stop(); // idempotent
    expect(await waitGone(pgPids, 5_000)).toBe(true);

    pg = await startPostgres();
    expect(pg.initialised).toBe(false);
    expect(await query(pg.url, 'select label from kept where id = 1')).toEqual([{ label: '横展開' }]);

    const meiliPid = meili.pid;
    const key = meili.masterKey;
    await meili.stop();
    expect(await waitGone([meiliPid], 5_000)).toBe(true);
    meili = await startMeilisearch();
    expect(meili.masterKey).toBe(key);
    const index = await meiliApi<{ primaryKey: string }>(
      meili.url,
      meili.masterKey,
      'GET',
      '/indexes/spec_cases',
    );
    expect(index.primaryKey).toBe('id');

    const last = [pg.pid, ...childPids(pg.pid), meili.pid];
    await meili.stop();
    await pg.stop();
    expect(await waitGone(last, 5_000)).toBe(true);
    expect(runningChildren()).toEqual([]);
    expect(existsSync(path.join(root, 'postgres.owner.json'))).toBe(false);
    expect(existsSync(path.join(root, 'meilisearch.owner.json'))).toBe(false);
    pg = undefined;
    meili = undefined;
  });

  it('fails on a wrong password with a clear message instead of hanging', async () => {
    await expect(
      startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port: 'auto', password: 'wrong', log }),
    ).rejects.toThrow(/initialised with other credentials/);
    expect(runningChildren()).toEqual([]);
  });

  it('never logs the password or the master key', async () => {
    const key = (await readFile(path.join(root, 'meili-master-key'), 'utf8')).trim();
    const text = JSON.stringify(events);
    expect(events.length).toBeGreaterThan(10);
    expect(text).not.toContain('s3cret-pw');
    expect(text).not.toContain(key);
    expect(
      events.every(
        (e) => typeof e.service === 'string' && typeof e.level === 'string' && typeof e.msg === 'string',
      ),
    ).toBe(true);
  });

  describe('in a separate Node process', () => {
    const runtimeIndex = path.join(__dirname, 'index.ts');
    let harness: string;

    beforeAll(async () => {
      harness = path.join(root, 'harness.ts');
      await writeFile(
        harness,
        `import { installShutdown, startEmbeddedMeilisearch, startEmbeddedPostgres } from ${JSON.stringify(runtimeIndex)};
const dir = process.argv[2] as string;
const log = (e: object) => process.stderr.write(JSON.stringify(e) + '\\n');
(async () => {
  const pg = await startEmbeddedPostgres({ dataDir: dir + '/postgres', port: 'auto', log });
  const meili = await startEmbeddedMeilisearch({ dataDir: dir + '/meilisearch', port: 0, log });
  if (process.argv[3] === 'shutdown') installShutdown([pg.stop, meili.stop], log);
  process.stdout.write(JSON.stringify({ pg: pg.pid, meili: meili.pid }) + '\\n');
  setInterval(() => undefined, 60_000);
})().catch((err) => { process.stderr.write(String(err) + '\\n'); process.exit(1); });
`,
      );
    });

    function launch(dir: string, mode: 'shutdown' | 'plain') {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', harness, dir, mode], {
        cwd: path.resolve(__dirname, '../../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const pids = new Promise<{ pg: number; meili: number }>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n'))
            resolve(JSON.parse(out.split('\n')[0] as string) as { pg: number; meili: number });
        });
        child.once('exit', (code) =>
          reject(new Error(`harness exited early (${code}): ${stderr.slice(-2000)}`)),
        );
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      return { child, pids, exited };
    }

    it('SIGTERM runs the stops and exits 0', async () => {
      const run = launch(path.join(root, 'graceful'), 'shutdown');
      const pids = await run.pids;
      const all = [pids.pg, ...childPids(pids.pg), pids.meili];
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(await waitGone(all, 5_000)).toBe(true);
    });

    it('the services die with a SIGKILLed parent, and the next start reuses the data', async () => {
      const dir = path.join(root, 'crash');
      const run = launch(dir, 'plain');
      const pids = await run.pids;
      const all = [pids.pg, ...childPids(pids.pg), pids.meili];
      run.child.kill('SIGKILL');
      await run.exited;
      expect(await waitGone(all, 15_000)).toBe(true);

      const again = launch(dir, 'shutdown');
      const next = await again.pids;
      again.child.kill('SIGINT');
      expect(await again.exited).toBe(0);
      expect(await waitGone([next.pg, next.meili], 5_000)).toBe(true);
    });
  });
});

describe('installShutdown', () => {
  it('runs the stops once, in reverse order, then exits 0; a second signal forces exit', async () => {
    const order: string[] = [];
    const codes: number[] = [];
    let clock = 1_000_000;
    let release: () => void = () => undefined;
    const slow = new Promise<void>((r) => (release = r));
    const uninstall = installShutdown(
      [
        async () => void order.push('postgres'),
        async () => {
          order.push('meilisearch');
          await slow;
        },
      ],
      () => undefined,
      { exit: (code) => codes.push(code), now: () => clock },
    );
    try {
      process.emit('SIGTERM', 'SIGTERM');
      expect(order).toEqual(['meilisearch']);
      process.emit('SIGINT', 'SIGINT'); // the same Ctrl-C, forwarded by npm a moment later: ignored
      expect(codes).toEqual([]);
      clock += 2_000;
      process.emit('SIGINT', 'SIGINT'); // a second press while stopping
      expect(codes).toEqual([130]);
      release();
      await new Promise((r) => setTimeout(r, 20));
      expect(order).toEqual(['meilisearch', 'postgres']);
      expect(codes).toEqual([130, 0]);
    } finally {
      uninstall();
    }
  });
});
