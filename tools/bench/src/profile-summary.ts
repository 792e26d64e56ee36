/**
 * Summarises V8 CPU profiles (`.cpuprofile`, from `node --cpu-prof` or the bench profile probe) by package:
 * self time (the frames of that package on top of the stack) and total time (samples with a frame of that
 * package anywhere on the stack, counted once), then the top functions by self and by total time. Used in
 * process by `npm run bench:profile`; on its own (also through `node scripts/profile-summary.mjs`):
 *
 *   node -r @swc-node/register tools/bench/src/profile-summary.ts <file.cpuprofile> [--requests N]
 *        [--cpu-per-request MS] [--title "…"] [--top 15] [--write docs/benchmarks.md --section profile-search]
 *
 * --requests divides the times by the requests served in the profiled window (ms per request). --write replaces
 * the section between `<!-- bench:<section>:begin -->` and `<!-- bench:<section>:end -->` of that file, so the
 * tables in docs/benchmarks.md are generated, never edited by hand.
 */
import { readFileSync } from 'node:fs';
import { benchOptions, writeSection } from './bench-cli';

/** The parts of a V8 `.cpuprofile` read here. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Busy and idle milliseconds, and self and total milliseconds by package and by function. */
export interface ProfileSummary {
  busy: number;
  idle: number;
  pkgSelf: Map<string, number>;
  pkgTotal: Map<string, number>;
  fnSelf: Map<string, number>;
  fnTotal: Map<string, number>;
  fnPkg: Map<string, string>;
}

/** Packages reported under one name: the families the issue asks about. */
const FAMILIES: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'express',
    /^(express|router|body-parser|raw-body|finalhandler|on-finished|on-headers|type-is|content-type|qs|iconv-lite|send|mime-types|mime-db|accepts|negotiator|vary|encodeurl|escape-html|parseurl|statuses|depd|http-errors|media-typer|path-to-regexp|cookie|cookie-signature|fresh|etag|range-parser|proxy-addr|forwarded|ipaddr\.js|merge-descriptors|content-disposition|serve-static|unpipe|bytes|ee-first|destroy|side-channel.*|call-bound|get-intrinsic|es-errors|object-inspect)$/,
  ],
  // The HTTP server since #12: Fastify, its plugins and its own small libraries (the ones it shares with
  // Express above, proxy-addr, cookie, content-disposition, …, are still counted under 'express').
  [
    'fastify',
    /^(fastify|@fastify\/.+|fastify-plugin|avvio|find-my-way|light-my-request|fast-json-stringify|fast-querystring|fast-content-type-parse|fast-decode-uri-component|fast-uri|toad-cache|secure-json-parse|process-warning|rfdc|abstract-logging|json-schema-ref-resolver|safe-regex2|ret|minipass|pump|duplexify|readable-stream|mime|@lukeed\/ms)$/,
  ],
  ['@nestjs', /^@nestjs\//],
  ['@apollo/server', /^(@apollo\/|@as-integrations\/|@graphql-tools\/|@escape\.tech\/)/],
  ['pg', /^(pg|pg-.*|postgres-.*|pgpass|buffer-writer|packet-reader|split2)$/],
  ['typeorm', /^typeorm$/],
  ['graphql', /^graphql$/],
];

export function packageOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return '(garbage collector)';
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(program)') return '(program: V8/native, not attributed)';
    if (functionName === '(root)') return '(root)';
    return '(V8 built-ins: JSON, RegExp, …)';
  }
  const at = url.lastIndexOf('node_modules/');
  if (at >= 0) {
    const rest = url.slice(at + 'node_modules/'.length).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    for (const [family, test] of FAMILIES) if (test.test(name)) return family;
    return name;
  }
  if (url.startsWith('node:') || !url.includes('/')) return 'node (http, net, streams, …)';
  if (/\/apps\/api\/src\//.test(url)) return 'our code: apps/api';
  if (/\/libs\/case-studies\//.test(url)) return 'our code: libs/case-studies';
  return 'other';
}

/** Self and total milliseconds by package and by function, over the whole profile. */
export function summarize(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fnKey = (n: ProfileNode) => {
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '') : '';
    const short = file.replace(/^.*\/(apps|libs)\//, '$1/');
    return `${f.functionName || '(anonymous)'} ${short ? `${short}:${f.lineNumber + 1}` : ''}`.trim();
  };
  const pkgSelf = new Map<string, number>();
  const pkgTotal = new Map<string, number>();
  const fnSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  const fnPkg = new Map<string, string>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let busy = 0;
  let idle = 0;
  // timeDeltas[i] is the time since the previous sample: sample i stands for that interval.
  const stackCache = new Map<number, { pkgs: Set<string>; fns: Set<string> }>();
  // The probe's own frames (starting and stopping the profiler) are not the API's work.
  const probe = new Set<number>();
  const up = (n: ProfileNode) => byId.get(parent.get(n.id) ?? -1);
  const isProbe = (n: ProfileNode) => {
    for (let at: ProfileNode | undefined = n; at; at = up(at))
      if (at.callFrame.url.includes('bench-profile-probe')) return true;
    return false;
  };
  for (const n of profile.nodes) if (isProbe(n)) probe.add(n.id);
  // The first sample's delta runs from the start of the profile, not from a previous sample.
  for (let i = 1; i < profile.samples.length; i += 1) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]);
    if (!node || probe.has(node.id)) continue;
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    if (pkg === '(idle)') {
      idle += ms;
      continue;
    }
    busy += ms;
    add(pkgSelf, pkg, ms);
    const key = fnKey(node);
    fnPkg.set(key, pkg);
    add(fnSelf, key, ms);
    let stack = stackCache.get(node.id);
    if (!stack) {
      const pkgs = new Set<string>();
      const fns = new Set<string>();
      for (let at: ProfileNode | undefined = node; at; at = up(at)) {
        const p = packageOf(at.callFrame.url, at.callFrame.functionName);
        if (p === '(root)') continue;
        pkgs.add(p);
        const k = fnKey(at);
        fns.add(k);
        fnPkg.set(k, p);
      }
      stack = { pkgs, fns };
      stackCache.set(node.id, stack);
    }
    for (const p of stack.pkgs) add(pkgTotal, p, ms);
    for (const f of stack.fns) add(fnTotal, f, ms);
  }
  return { busy, idle, pkgSelf, pkgTotal, fnSelf, fnTotal, fnPkg };
}

const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);

export function markdown(
  s: ProfileSummary,
  {
    requests,
    cpuPerRequest,
    top = 15,
    title,
  }: { requests?: number; cpuPerRequest?: number; top?: number; title?: string } = {},
): string {
  // The profiler's samples are wall-clock intervals: on a loaded machine a thread descheduled in the middle of
  // a frame still counts it. With the CPU per request measured from /proc, the shares are scaled to that.
  const scale = requests && cpuPerRequest ? (cpuPerRequest * requests) / s.busy : 1;
  const per = (v: number) => (requests ? `${((v * scale) / requests).toFixed(3)} ms` : `${v.toFixed(0)} ms`);
  const pct = (v: number) => `${((100 * v) / s.busy).toFixed(1)} %`;
  const unit = requests ? 'per request' : 'in the window';
  const lines: string[] = [];
  if (title) lines.push(title, '');
  lines.push(
    `Samples in the profiled window: ${s.busy.toFixed(0)} ms busy, ${s.idle.toFixed(0)} ms idle (wall clock)` +
      (requests ? `; ${requests} requests, ${(s.busy / requests).toFixed(2)} ms busy per request` : '') +
      (scale !== 1
        ? `; the times below are the shares of the **${(cpuPerRequest ?? 0).toFixed(2)} ms of CPU per request** measured from /proc`
        : '') +
      '. Self: the package’s own frames on top of the stack; total: samples with the package anywhere on the stack (so totals overlap: Nest calls our resolvers, which call TypeORM, which calls pg).',
    '',
    `| package | self ${unit} | self share | total ${unit} | total share |`,
    '|---|---|---|---|---|',
  );
  for (const [pkg, self] of sorted(s.pkgSelf)) {
    if (self / s.busy < 0.005 && (s.pkgTotal.get(pkg) ?? 0) / s.busy < 0.02) continue;
    const total = s.pkgTotal.get(pkg) ?? 0;
    lines.push(`| ${pkg} | ${per(self)} | ${pct(self)} | ${per(total)} | ${pct(total)} |`);
  }
  const fnTable = (label: string, m: Map<string, number>) => {
    lines.push(
      '',
      `Top ${top} functions by ${label}:`,
      '',
      `| function | package | ${label} ${unit} | share |`,
      '|---|---|---|---|',
    );
    for (const [fn, v] of sorted(m).slice(0, top))
      lines.push(`| \`${fn.replace(/\|/g, '\\|')}\` | ${s.fnPkg.get(fn)} | ${per(v)} | ${pct(v)} |`);
  };
  fnTable('self time', s.fnSelf);
  // Total time: skip the frames every sample has (the event loop's own entry points) by showing from the
  // first that is below 95 %.
  const totals = new Map([...s.fnTotal].filter(([, v]) => v / s.busy < 0.95));
  fnTable('total time', totals);
  return lines.join('\n');
}

/** Reads a `.cpuprofile` file. */
export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file || file.startsWith('--')) {
    process.stderr.write(
      'usage: node scripts/profile-summary.mjs <file.cpuprofile> [--requests N] [--cpu-per-request MS] [--title T] [--top N] [--write FILE --section NAME]\n',
    );
    process.exit(2);
  }
  const options = benchOptions({ requests: 0, 'cpu-per-request': 0, title: '', top: 15, section: 'profile' });
  const md = markdown(summarize(readProfile(file)), {
    requests: options.requests || undefined,
    cpuPerRequest: options['cpu-per-request'] || undefined,
    top: options.top,
    title: options.title || undefined,
  });
  process.stdout.write(`${md}\n`);
  if (options.write) writeSection(options.write, options.section, md);
}
