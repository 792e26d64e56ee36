/**
 * Parts of `npm run test:scale`: API processes in process groups of their own (stopped whatever happens), a
 * GraphQL client that says which process answered, and an SMTP sink that counts every mail the processes
 * send (so "sent once" is observed on the wire, not inferred from the outbox).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface ApiProcess {
  index: number;
  url: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code (null: killed by a signal) once the process has exited. */
  exited: Promise<number | null>;
  /** The log lines that are JSON objects (the API logs one JSON object per event). */
  events(): Array<Record<string, unknown>>;
}

/**
 * The entry point: swc-registered TypeScript, or the build (`nx run api:build`) with `--built`; `preload`
 * modules (TypeScript too, swc entry only) load before it.
 */
export function entryArgs(built: boolean, preload: string[] = []): string[] {
  const required = preload.flatMap((m) => ['-r', m]);
  return built
    ? [...required, 'dist/apps/api/apps/api/src/main.js']
    : ['-r', '@swc-node/register', ...required, 'apps/api/src/main.ts'];
}

/**
 * Spawns one API process in a process group of its own (detached), stdout and stderr to `logFile`, so that
 * `stopGroup` takes down whatever it started too.
 */
export function spawnApi(
  index: number,
  port: number,
  env: Record<string, string>,
  logFile: string,
  built: boolean,
  preload: string[] = [],
): ApiProcess {
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, entryArgs(built, preload), {
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.json', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      setTimeout(() => out.end(), 50);
      resolve(code);
    }),
  );
  return {
    index,
    url: `http://127.0.0.1:${port}`,
    child,
    logFile,
    exited,
    events() {
      const events: Array<Record<string, unknown>> = [];
      for (const line of readFileSync(logFile, 'utf8').split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          events.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // a banner line or a partial line
        }
      }
      return events;
    },
  };
}

/** SIGTERM to the process group, SIGKILL after `graceMs`; resolves with the exit code. */
export async function stopGroup(api: ApiProcess, graceMs = 15_000): Promise<number | null> {
  const pid = api.child.pid;
  if (api.child.exitCode !== null || api.child.signalCode !== null || pid === undefined) return api.exited;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // the group is gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  const code = await api.exited;
  clearTimeout(timer);
  // Anything the process left behind in its group.
  signal('SIGKILL');
  return code;
}

/** Waits until `GET path` answers `status`, or the process exits, or `ms` pass. */
export async function waitForStatus(
  api: ApiProcess,
  path: string,
  status: number,
  ms: number,
): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (api.child.exitCode !== null) throw new Error(`API ${api.index} exited with ${api.child.exitCode}`);
    try {
      const res = await fetch(`${api.url}${path}`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === status) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`API ${api.index}: ${path} did not answer ${status} in time`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** One GraphQL request (Bearer token, client address when given); network errors become an error result, not a throw. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  clientIp?: string,
): Promise<GqlResult<T>> {
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        // As a load balancer on loopback forwards it (TRUST_PROXY=loopback, the default, believes it).
        ...(clientIp ? { 'x-forwarded-for': clientIp } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await res.json()) as Omit<GqlResult<T>, 'status'>;
    return { status: res.status, ...body };
  } catch (e) {
    return { status: 0, errors: [{ message: e instanceof Error ? e.message : String(e) }] };
  }
}

export const errorCode = (r: GqlResult): string | undefined => r.errors?.[0]?.extensions?.code;

export interface CapturedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  kind: string;
  subject: string;
  /** sha256 of the body (after the headers): the same mail sent twice has the same one. */
  bodyHash: string;
  at: number;
}

/**
 * A minimal SMTP server (RFC 5321 without extensions: no TLS, no auth, no pipelining) that accepts every
 * mail and keeps its envelope and headers: the API processes send through it with SMTP_URL, as they would
 * through a real relay in production.
 */
export class SmtpSink {
  readonly mails: CapturedMail[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  async listen(): Promise<number> {
    this.server = createServer((socket) => this.session(socket));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  private session(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let rcpts: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 yokoten-scale-sink ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          this.capture(buffer.slice(0, end), rcpts);
          buffer = buffer.slice(end + 5);
          inData = false;
          rcpts = [];
          reply('250 2.0.0 queued');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250 yokoten-scale-sink');
        else if (verb === 'HELO') reply('250 yokoten-scale-sink');
        else if (verb === 'MAIL') reply('250 2.1.0 ok');
        else if (verb === 'RCPT') {
          rcpts.push((/<([^>]*)>/.exec(line)?.[1] ?? '').toLowerCase());
          reply('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'RSET') {
          rcpts = [];
          reply('250 ok');
        } else if (verb === 'NOOP') reply('250 ok');
        else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
          return;
        } else reply('502 5.5.2 not implemented');
      }
    });
  }

  private capture(message: string, rcpts: string[]): void {
    const split = message.indexOf('\r\n\r\n');
    const head = split >= 0 ? message.slice(0, split) : message;
    const body = split >= 0 ? message.slice(split + 4) : '';
    const header = (name: string) =>
      new RegExp(`^${name}:\\s*(.*(?:\\r\\n[ \\t].*)*)`, 'im').exec(head)?.[1]?.replace(/\r\n[ \t]/g, ' ') ??
      '';
    this.mails.push({
      to: [...rcpts],
      kind: header('X-Yokoten-Kind').trim(),
      subject: header('Subject').trim(),
      bodyHash: createHash('sha256').update(body).digest('hex'),
      at: Date.now(),
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Polls `probe` until it returns true or `ms` pass; returns whether it did. */
export async function eventually(probe: () => Promise<boolean>, ms: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await probe().catch(() => false)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
