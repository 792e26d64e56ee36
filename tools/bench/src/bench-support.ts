/**
 * Shared parts of the search benchmarks: their own embedded PostgreSQL and Meilisearch in a temp dir (never
 * .data/), the API as a child process (so the load generator does not share its event loop), keep-alive
 * HTTP for the clients, percentiles and Markdown output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { runMigrations } from '@yokoten/api/bootstrap';
import { loadConfig, type AppConfig } from '@yokoten/api/config/app-config';
import { dataSourceOptions } from '@yokoten/api/database/data-source-options';
import {
  ensureDatabase,
  findFreePort,
  startEmbeddedMeilisearch,
  startEmbeddedPostgres,
} from '@yokoten/embedded-runtime';
import { createSearchStack, type SearchStack } from '@yokoten/api/search/search-stack';
import { log } from './bench-cli';
import { seedSyntheticCases, type SeedReport } from './synthetic-cases';

export { benchOptions, log, writeSection } from './bench-cli';
const quiet = { log: () => undefined, error: () => undefined, warn: () => undefined } as never;

export interface BenchServices {
  root: string;
  /** Process id of the engine, for CPU accounting. */
  meiliPid: number;
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string;
  config: AppConfig;
  dataSource: DataSource;
  search: SearchStack;
  stop(): Promise<void>;
}

/** Embedded PostgreSQL + Meilisearch in a fresh temp dir, migrated, with the search stack wired. */
export async function startBenchServices(): Promise<BenchServices> {
  const root = mkdtempSync(join(tmpdir(), 'yokoten-bench-'));
  const stops: Array<() => Promise<void>> = [];
  try {
    const [pg, meili] = await Promise.all([
      startEmbeddedPostgres({ dataDir: join(root, 'postgres'), port: 'auto' }),
      startEmbeddedMeilisearch({ dataDir: join(root, 'meilisearch'), port: 'auto' }),
    ]);
    stops.push(pg.stop, meili.stop);
    const databaseUrl = await ensureDatabase(pg.url, 'yokoten');
    await runMigrations(databaseUrl, quiet);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
    });
    const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
    const search = createSearchStack(dataSource, { url: meili.url, apiKey: meili.masterKey }, config);
    return {
      root,
      meiliPid: meili.pid,
      databaseUrl,
      meiliUrl: meili.url,
      meiliKey: meili.masterKey,
      config,
      dataSource,
      search,
      async stop() {
        search.close();
        await dataSource.destroy().catch(() => undefined);
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

/** A child process of a benchmark (the API, the floor proxy): its URL, the process, and how to stop it. */
export interface BenchProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A TypeScript entry point of this repo as a child process, ready once `readyPath` answers 2xx. */
async function startChild(
  label: string,
  script: string,
  port: number,
  env: Record<string, string>,
  readyPath: string,
  nodeArgs: string[] = [],
  preloads: string[] = [],
): Promise<BenchProcess> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '-r', '@swc-node/register', ...preloads.flatMap((p) => ['-r', p]), script],
    {
      env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.json', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}${readyPath}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${label} did not start within 120 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The real API (apps/api/src/main.ts, production mode, no demo data) on the bench's services; `env` adds to or
 * overrides its environment.
 */
export async function startApi(
  services: BenchServices,
  env: Record<string, string> = {},
): Promise<BenchProcess> {
  const port = await findFreePort();
  // BENCH_API_NODE_ARGS, e.g. --cpu-prof, profiles the API process (its whole life, start-up included).
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // BENCH_PROFILE=1 (npm run bench:profile): the probe profiles only the windows a bench marks (profileWindow).
  const control = process.env.BENCH_PROFILE === '1' ? join(services.root, 'profile-control.json') : null;

  const api = await startChild(
    'API',
    'apps/api/src/main.ts',
    port,
    {
      NODE_ENV: 'production',
      DATABASE_URL: services.databaseUrl,
      MEILI_URL: services.meiliUrl,
      MEILI_MASTER_KEY: services.meiliKey,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      // The benches' clients all come from 127.0.0.1: the per-client budget (300/min in production) would
      // answer most of their requests 429. Off, as for a load test from one machine behind the balancer.
      GRAPHQL_RATE_LIMIT_PER_MINUTE: '0',
      DATA_DIR: services.root,
      WEB_DIST_DIR: join(services.root, 'no-web'),
      ...(control ? { BENCH_PROFILE_CONTROL: control } : {}),
      ...env,
    },
    '/health',
    nodeArgs,
    control ? ['./tools/bench/src/bench-profile-probe.ts'] : [],
  );
  if (control) profileControls.set(api, control);
  return api;
}

const profileControls = new WeakMap<BenchProcess, string>();
let profileOrders = 0;

async function orderProfile(api: BenchProcess, order: { action: 'start' | 'stop'; out?: string }) {
  const control = profileControls.get(api);
  if (!control) return;
  const id = (profileOrders += 1);
  rmSync(`${control}.done`, { force: true });
  writeFileSync(control, JSON.stringify({ ...order, id }));
  api.child.kill('SIGUSR2');
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      const answer = JSON.parse(readFileSync(`${control}.done`, 'utf8')) as {
        id: number;
        ok: boolean;
        error?: string;
      };
      if (answer.id === id) {
        if (!answer.ok) throw new Error(`profile probe: ${answer.error}`);
        return;
      }
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('profile probe')) throw e;
    }
    if (Date.now() > until) throw new Error('profile probe did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Profiles the API process (started with BENCH_PROFILE=1) while `body` runs, writing a V8 .cpuprofile to
 * `out`; without BENCH_PROFILE it only runs `body`. Summarised by profile-summary.ts.
 */
export async function profileWindow<T>(api: BenchProcess, out: string, body: () => Promise<T>): Promise<T> {
  await orderProfile(api, { action: 'start' });
  const result = await body();
  await orderProfile(api, { action: 'stop', out });
  return result;
}

/** True when the benches' API processes carry the profile probe (BENCH_PROFILE=1). */
export const profiling = () => process.env.BENCH_PROFILE === '1';

/** bench-floor-proxy.ts in front of the live index: the least any API adds (one more HTTP hop). */
export async function startFloorProxy(services: BenchServices): Promise<BenchProcess> {
  const port = await findFreePort();
  return startChild(
    'floor proxy',
    'tools/bench/src/bench-floor-proxy.ts',
    port,
    {
      FLOOR_PORT: String(port),
      FLOOR_TARGET: `${services.meiliUrl}/indexes/${services.search.index.liveName}/search`,
      FLOOR_KEY: services.meiliKey,
    },
    '/',
  );
}

/** A keep-alive agent for a load generator: one socket per concurrent client. */
export function agent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: 4_000 });
}

export interface Timed {
  status: number;
  body: string;
  ms: number;
}

/** POST JSON over node:http; resolves with the status, the body and the milliseconds to the last byte. */
export function postJson(
  via: http.Agent,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, {
      method: 'POST',
      agent: via,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
    });
    req.setNoDelay(true);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

/** Fields of /proc/<pid>/stat after the command: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
function procStat(pid: number | string | undefined): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return null;
  }
}

/** CPU time a process has used so far, in ms (user, system); NaN where /proc is not there. */
export function cpuMs(pid: number | undefined): { user: number; system: number } {
  const fields = procStat(pid);
  if (!fields) return { user: NaN, system: NaN };
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 }; // clock ticks of 10 ms
}

/**
 * CPU (ms) used so far by the PostgreSQL server that `backendPid` (a connection's `pg_backend_pid()`) belongs
 * to: the postmaster, its live processes (backends, WAL writer, …) and the ones it has reaped, from /proc
 * (clock ticks of 10 ms, as cpuMs). The database's side of a request's cost, on the same cores as the API.
 */
export function postgresCpuMs(backendPid: number): number {
  const postmaster = procStat(backendPid)?.[1];
  const own = postmaster ? procStat(postmaster) : null;
  if (!postmaster || !own) return NaN;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = procStat(pid);
    if (stat?.[1] === postmaster) ticks += Number(stat[11]) + Number(stat[12]);
  }
  return ticks * 10;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '—');

export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function machine(): { cores: number; cpu: string; node: string; date: string; load: string } {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown';
  return {
    cores: cpus().length,
    cpu,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    load: loadavg()
      .map((l) => l.toFixed(1))
      .join(' / '),
  };
}

/** Seeds `count` synthetic published cases (database + index, bulk path), logging progress every 5 s. */
export async function seedBenchCases(services: BenchServices, count: number): Promise<SeedReport> {
  log('services up; seeding…');
  let lastLog = 0;
  const seed = await seedSyntheticCases(services.dataSource, services.search, count, {
    onProgress: (phase, done, total) => {
      if (done === total || Date.now() - lastLog > 5000) {
        lastLog = Date.now();
        log(`  ${phase} ${done}/${total}`);
      }
    },
  });
  log(`seeded ${seed.inserted} cases; bulk indexing ${seed.docsPerSecond} docs/s`);
  return seed;
}

/** Fails the whole run after `ms` (benchmarks are bounded in time), stopping what was started. */
export function deadline(msLimit: number, cleanup: () => Promise<void>): NodeJS.Timeout {
  const timer = setTimeout(() => {
    log(`benchmark exceeded its time limit (${Math.round(msLimit / 1000)} s); stopping`);
    void cleanup().finally(() => process.exit(3));
  }, msLimit);
  timer.unref();
  return timer;
}

/**
 * The frame of a benchmark: fresh services, the API (and the floor proxy) when the body asks for them, all stopped whatever
 * happens, the whole run bounded in time, a non-zero exit on error.
 */
export function runBench(
  body: (
    services: BenchServices,
    startApi: () => Promise<BenchProcess>,
    startFloor: () => Promise<BenchProcess>,
  ) => Promise<void>,
  limitMs = 30 * 60_000,
): void {
  let services: BenchServices | undefined;
  let api: BenchProcess | undefined;
  let floor: BenchProcess | undefined;
  const cleanup = async () => {
    await api?.stop().catch(() => undefined);
    await floor?.stop().catch(() => undefined);
    await services?.stop().catch(() => undefined);
  };
  const timer = deadline(limitMs, cleanup);
  const run = async () => {
    try {
      const started = await startBenchServices();
      services = started;
      await body(
        started,
        async () => (api = await startApi(started)),
        async () => (floor = await startFloorProxy(started)),
      );
    } finally {
      clearTimeout(timer);
      await cleanup();
    }
  };
  run().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
