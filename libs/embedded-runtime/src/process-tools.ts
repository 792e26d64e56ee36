/**
 * Small process helpers shared by the embedded-service launchers (no Nest, no globals registered).
 *
 * The only module state is the registry of children started by this process (`trackChild`), which
 * `installShutdown` uses for its synchronous best-effort kill on 'exit' and on a forced second Ctrl-C.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants as fsConstants,
  existsSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
} from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Readable } from 'node:stream';

export type RuntimeLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A structured log event. Never carries a password, a key or a URL with credentials. */
export interface RuntimeLogEvent {
  service: string;
  level: RuntimeLogLevel;
  msg: string;
  [field: string]: unknown;
}

export type RuntimeLog = (event: RuntimeLogEvent) => void;

export const noopLog: RuntimeLog = () => undefined;

/** Calls the user's log callback, never letting it break a launcher. */
export function safeLog(log: RuntimeLog | undefined): RuntimeLog {
  const target = log ?? noopLog;
  return (event) => {
    try {
      target(event);
    } catch {
      /* a failing logger must not take the service down */
    }
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err
    ? String((err as { code: unknown }).code)
    : undefined;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// ---------------------------------------------------------------------------------------------
// /proc inspection (Linux); elsewhere these degrade to "unknown".
// ---------------------------------------------------------------------------------------------

export interface ProcInfo {
  pid: number;
  ppid: number;
  /** Kernel state letter: R, S, D, Z (zombie), T… */
  state: string;
  /** Executable name as the kernel sees it (at most 15 characters). */
  comm: string;
  cmdline: string[];
  /** Working directory, when readable. */
  cwd?: string;
}

export function procInfo(pid: number): ProcInfo | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid …" — comm may contain spaces and parentheses: take the last ')'.
  const close = stat.lastIndexOf(')');
  const comm = stat.slice(stat.indexOf('(') + 1, close);
  const rest = stat.slice(close + 2).split(' ');
  let cmdline: string[] = [];
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((s) => s.length > 0);
  } catch {
    /* not readable */
  }
  let cwd: string | undefined;
  try {
    cwd = readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    /* not ours to inspect */
  }
  return { pid, ppid: Number(rest[1]), state: rest[0] ?? '?', comm, cmdline, cwd };
}

/** True when a process with this pid exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (errorCode(err) !== 'EPERM') return false;
  }
  const info = procInfo(pid);
  return info === undefined ? true : info.state !== 'Z' && info.state !== 'X';
}

/** Direct children of a pid (Linux only; empty elsewhere). */
export function childPids(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid) out.push(Number(entry));
    } catch {
      /* raced with its exit */
    }
  }
  return out;
}

/** Sends a signal, ignoring "no such process". */
export function signalPid(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

export async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Stops a process that is not our child (a leftover of a crashed run): each step sends its signal
 * and waits; the last resort kills the process and its direct children with SIGKILL.
 */
export async function terminatePid(
  pid: number,
  steps: Array<{ signal: NodeJS.Signals; waitMs: number }>,
): Promise<boolean> {
  for (const step of steps) {
    if (!isAlive(pid)) return true;
    signalPid(pid, step.signal);
    if (await waitForPidExit(pid, step.waitMs)) return true;
  }
  const children = childPids(pid);
  signalPid(pid, 'SIGKILL');
  for (const child of children) signalPid(child, 'SIGKILL');
  return waitForPidExit(pid, 5_000);
}

export function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

// ---------------------------------------------------------------------------------------------
// Owner files: which process started the service for a data directory.
// ---------------------------------------------------------------------------------------------

export interface OwnerRecord {
  /** The service process (postmaster / meilisearch). */
  pid: number;
  /** The Node process that started it. */
  ownerPid: number;
  port: number;
  startedAt: string;
}

export function ownerFilePath(dataDir: string): string {
  return `${path.resolve(dataDir)}.owner.json`;
}

export async function readOwnerFile(dataDir: string): Promise<OwnerRecord | undefined> {
  try {
    const parsed = JSON.parse(await readFile(ownerFilePath(dataDir), 'utf8')) as Partial<OwnerRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.ownerPid !== 'number') return undefined;
    return {
      pid: parsed.pid,
      ownerPid: parsed.ownerPid,
      port: Number(parsed.port),
      startedAt: String(parsed.startedAt),
    };
  } catch {
    return undefined;
  }
}

export async function writeOwnerFile(dataDir: string, record: OwnerRecord): Promise<void> {
  await writeFile(ownerFilePath(dataDir), `${JSON.stringify(record)}\n`, { mode: 0o644 });
}

export async function removeOwnerFile(dataDir: string, pid: number): Promise<void> {
  const current = await readOwnerFile(dataDir);
  if (current === undefined || current.pid === pid) await rm(ownerFilePath(dataDir), { force: true });
}

/**
 * Decides what to do with a live service process found for our data directory. Returns when it is
 * an orphan of a crashed run (so it may be stopped); throws when a live process still owns it:
 * - recorded in the owner file: its recorded parent (another app instance, or this process) is alive;
 * - not recorded: it has a live parent other than init (something else runs it: do not touch).
 */
export function assertOrphan(
  service: string,
  info: ProcInfo,
  owner: OwnerRecord | undefined,
  dataDir: string,
): void {
  if (owner !== undefined && owner.pid === info.pid) {
    if (info.ppid !== owner.ownerPid || !isAlive(owner.ownerPid)) return;
    if (owner.ownerPid === process.pid) {
      throw new Error(
        `${service} for ${dataDir} is already running in this process (pid ${info.pid}); stop it before starting it again.`,
      );
    }
    throw new Error(
      `${service} for ${dataDir} is already running (pid ${info.pid}, started by the live process ${owner.ownerPid}). ` +
        'Stop that process or use another data directory.',
    );
  }
  if (info.ppid > 1 && isAlive(info.ppid)) {
    throw new Error(
      `${service} is already running on ${dataDir} (pid ${info.pid}, parent process ${info.ppid}), not started by this launcher. ` +
        'Stop it or use another data directory.',
    );
  }
}

/** Processes whose command line mentions the path (Linux; empty elsewhere). */
export function findProcessesUsing(pathArg: string, comm: (name: string) => boolean): ProcInfo[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const wanted = realpathOrSelf(pathArg);
  const out: ProcInfo[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const info = procInfo(Number(entry));
    if (!info || info.state === 'Z' || !comm(info.comm)) continue;
    if (
      info.cmdline.some((arg) => arg === pathArg || (arg.startsWith('/') && realpathOrSelf(arg) === wanted))
    )
      out.push(info);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ports
// ---------------------------------------------------------------------------------------------

export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('Could not pick a free port'))));
    });
  });
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function resolvePort(port: number | 'auto' | undefined, fallback: number): Promise<number> {
  if (port === undefined) return fallback;
  if (port === 0 || port === 'auto') return findFreePort();
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Invalid port: ${String(port)}`);
  return port;
}

// ---------------------------------------------------------------------------------------------
// Executables
// ---------------------------------------------------------------------------------------------

const whichCache = new Map<string, string | undefined>();

/** Looks a command up in PATH (and the usual sbin/bin directories), like `which`. */
export function which(command: string): string | undefined {
  if (whichCache.has(command)) return whichCache.get(command);
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/bin', '/usr/sbin', '/sbin'];
  let found: string | undefined;
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, fsConstants.X_OK);
      found = candidate;
      break;
    } catch {
      /* next */
    }
  }
  whichCache.set(command, found);
  return found;
}

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
}

/** A local account by name, via getent (NSS) or /etc/passwd. */
export function lookupUser(name: string): PasswdEntry | undefined {
  const parse = (line: string): PasswdEntry | undefined => {
    const f = line.trim().split(':');
    if (f.length < 4 || f[0] !== name) return undefined;
    const uid = Number(f[2]);
    const gid = Number(f[3]);
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : undefined;
  };
  const getent = which('getent');
  if (getent) {
    const res = spawnSync(getent, ['passwd', name], { encoding: 'utf8', timeout: 5_000 });
    if (res.status === 0) {
      const entry = parse(res.stdout);
      if (entry) return entry;
    }
  }
  if (existsSync('/etc/passwd')) {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const entry = parse(line);
      if (entry) return entry;
    }
  }
  return undefined;
}

/**
 * Prefixes a command with `setpriv --pdeathsig <signal>` when available (util-linux, Linux): the
 * kernel then signals the service when this Node process dies, even by SIGKILL, so children do not
 * outlive their parent. The signal is set on the thread that spawns, i.e. Node's main thread.
 */
export function withParentDeathSignal(command: string[], signal: 'INT' | 'TERM' | 'KILL'): string[] {
  if (process.platform !== 'linux') return command;
  const setpriv = which('setpriv');
  return setpriv ? [setpriv, '--pdeathsig', signal, '--', ...command] : command;
}

// ---------------------------------------------------------------------------------------------
// Output handling
// ---------------------------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/** Calls onLine for every complete line of a stream (ANSI colours stripped, trailing CR removed). */
export function forEachLine(stream: Readable | null | undefined, onLine: (line: string) => void): void {
  if (!stream) return;
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      onLine(buffer.slice(0, nl).replace(/\r$/, '').replace(ANSI, ''));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
  });
  stream.on('end', () => {
    if (buffer.length > 0) onLine(buffer.replace(ANSI, ''));
    buffer = '';
  });
}

/** Keeps the last N lines of a child's output for error messages. */
export class LastLines {
  private readonly lines: string[] = [];
  constructor(private readonly max = 40) {}
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
  }
  toString(): string {
    return this.lines.length ? this.lines.map((l) => `  ${l}`).join('\n') : '  (no output)';
  }
}

// ---------------------------------------------------------------------------------------------
// Managed children
// ---------------------------------------------------------------------------------------------

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A spawned service process with an exit promise and a tolerant, idempotent stop. */
export class ManagedChild {
  readonly pid: number;
  readonly exited: Promise<ExitInfo>;
  private exitInfo: ExitInfo | undefined;
  private stopping: Promise<void> | undefined;

  constructor(
    readonly service: string,
    readonly child: ChildProcess,
    /** Signal for a clean stop (also sent by the synchronous 'exit' hook). */
    readonly gracefulSignal: NodeJS.Signals,
  ) {
    if (child.pid === undefined) throw new Error(`${service} did not start (no pid)`);
    this.pid = child.pid;
    // A failed kill() is reported as an 'error' event; without a listener it would crash the process.
    child.on('error', () => undefined);
    this.exited = new Promise<ExitInfo>((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        liveChildren.delete(this);
        resolve(this.exitInfo);
      });
    });
    liveChildren.add(this);
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  get exitStatus(): ExitInfo | undefined {
    return this.exitInfo;
  }

  /** Resolves true if the process exited within the time. */
  async waitExit(timeoutMs: number): Promise<boolean> {
    if (this.hasExited) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const result = await Promise.race([this.exited.then(() => true as const), timeout]);
    if (timer) clearTimeout(timer);
    return result;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.hasExited) return;
    try {
      this.child.kill(signal);
    } catch {
      /* already gone */
    }
  }

  /**
   * Sends each signal in turn, waiting for the exit; finally SIGKILLs the process and its direct
   * children. No error if the process has already exited (e.g. after a Ctrl-C to the group).
   */
  stop(steps: Array<{ signal: NodeJS.Signals; waitMs: number }>): Promise<void> {
    this.stopping ??= (async () => {
      for (const step of steps) {
        if (this.hasExited) return;
        this.signal(step.signal);
        if (await this.waitExit(step.waitMs)) return;
      }
      if (this.hasExited) return;
      const children = childPids(this.pid);
      this.signal('SIGKILL');
      for (const pid of children) signalPid(pid, 'SIGKILL');
      await this.waitExit(5_000);
    })();
    return this.stopping;
  }

  /** Synchronous, best effort: used from process 'exit' handlers. */
  killSync(force: boolean): void {
    if (this.hasExited) return;
    const children = force ? childPids(this.pid) : [];
    this.signal(force ? 'SIGKILL' : this.gracefulSignal);
    for (const pid of children) signalPid(pid, 'SIGKILL');
  }
}

/** A freshly spawned server process and what its launcher needs while starting and stopping it. */
export interface ServerLaunch {
  service: string;
  /** How a failed spawn names the program, e.g. `postgres` or `meilisearch (<binary>)`. */
  label: string;
  proc: ChildProcess;
  dataDir: string;
  port: number;
  gracefulSignal: NodeJS.Signals;
  stopSteps: Array<{ signal: NodeJS.Signals; waitMs: number }>;
  /** Lines of output kept for the error messages. */
  keepLines: number;
  /** A line of the server's output as a log event (the service is added). */
  parseLine: (line: string) => { level: RuntimeLogLevel; msg: string; [field: string]: unknown };
  log: RuntimeLog;
}

export interface SupervisedServer {
  child: ManagedChild;
  lines: LastLines;
  /** Stops the server (the launch's steps), removes the owner file, logs `stopped` if it was running. */
  stop(): Promise<void>;
}

/**
 * Takes charge of a spawned server: fails if it could not be spawned, tracks it, records the owner file,
 * turns its output into log events (keeping the last lines) and gives it a stop.
 */
export async function superviseServer(launch: ServerLaunch): Promise<SupervisedServer> {
  const { service, proc, dataDir, log } = launch;
  const spawnError = new Promise<Error>((resolve) => proc.once('error', resolve));
  if (proc.pid === undefined)
    throw new Error(`Could not start ${launch.label}: ${errorMessage(await spawnError)}`);
  const child = new ManagedChild(service, proc, launch.gracefulSignal);
  await writeOwnerFile(dataDir, {
    pid: child.pid,
    ownerPid: process.pid,
    port: launch.port,
    startedAt: new Date().toISOString(),
  });
  const lines = new LastLines(launch.keepLines);
  const onLine = (line: string) => {
    if (!line.trim()) return;
    lines.push(line);
    log({ service, ...launch.parseLine(line) });
  };
  forEachLine(proc.stdout, onLine);
  forEachLine(proc.stderr, onLine);
  const stop = async (): Promise<void> => {
    const t0 = Date.now();
    const wasRunning = !child.hasExited;
    await child.stop(launch.stopSteps);
    await removeOwnerFile(dataDir, child.pid);
    if (wasRunning) log({ service, level: 'info', msg: 'stopped', pid: child.pid, ms: Date.now() - t0 });
  };
  return { child, lines, stop };
}

/**
 * Asks `ready` every 50 ms until it answers true. If the server exits first, or `timeoutMs` passes, stops it
 * and fails with its last lines of output (`<name> exited during start …` / `<name> <notReady> within …`).
 */
export async function waitUntilReady(
  server: SupervisedServer,
  wait: { name: string; notReady: string; dataDir: string; timeoutMs: number; ready: () => Promise<boolean> },
): Promise<void> {
  const deadline = Date.now() + wait.timeoutMs;
  for (;;) {
    if (server.child.hasExited) {
      await server.stop();
      const status = server.child.exitStatus;
      throw new Error(
        `${wait.name} exited during start (exit ${status?.code ?? status?.signal}) for ${wait.dataDir}. Last log lines:\n${server.lines.toString()}`,
      );
    }
    if (await wait.ready()) return;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(
        `${wait.name} ${wait.notReady} within ${wait.timeoutMs} ms (${wait.dataDir}). Last log lines:\n${server.lines.toString()}`,
      );
    }
    await sleep(50);
  }
}

const liveChildren = new Set<ManagedChild>();

/** The service processes started by this Node process that are still running. */
export function runningChildren(): ManagedChild[] {
  return [...liveChildren];
}

/**
 * Synchronously signals every running child: their clean-stop signal (postgres: SIGINT = fast
 * shutdown, meilisearch: SIGTERM), or SIGKILL when `force`.
 */
export function killChildrenSync(force = false): void {
  for (const child of liveChildren) child.killSync(force);
}
