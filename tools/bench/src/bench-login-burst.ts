/**
 * `npm run bench:login-burst`: what a burst of logins does to everyone else. Against the real API (production
 * mode, its own embedded PostgreSQL and Meilisearch), a client times `{ __typename }` one request after the
 * other while 100 wrong-password logins arrive at the same moment (distinct emails and client addresses, so the
 * login limits do not answer first: every one costs an argon2 verification). Run twice: with the argon2 work
 * unbounded (ARGON2_CONCURRENCY=64 and an unbounded queue: as before, libuv's 4 threads run them and the rest
 * wait without limit) and with the defaults (2 at a time, 50 waiting, the rest TOO_MANY_REQUESTS).
 *
 *   npm run bench:login-burst [-- --burst 100 --rounds 3 --write]
 */
import http from 'node:http';
import {
  benchOptions,
  log,
  machine,
  ms,
  postJson,
  runBench,
  startApi,
  summarize,
  table,
  writeSection,
  type BenchProcess,
  type BenchServices,
  type Summary,
} from './bench-support';

const { burst: BURST, rounds: ROUNDS, write: WRITE } = benchOptions({ burst: 100, rounds: 3 });
const TYPENAME = JSON.stringify({ query: '{ __typename }' });
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

interface Mode {
  label: string;
  env: Record<string, string>;
}

const MODES: Mode[] = [
  { label: 'unbounded (before)', env: { ARGON2_CONCURRENCY: '64', ARGON2_QUEUE: '1000000' } },
  { label: 'ARGON2_CONCURRENCY=2, ARGON2_QUEUE=50 (after)', env: {} },
];

interface RoundResult {
  idle: Summary;
  during: Summary;
  burstMs: number;
  logins: Summary;
  outcomes: Record<string, number>;
  retryAfter: number[];
}

/** Times `{ __typename }` one after the other until `until` resolves (and for at least `minMs`). */
async function timeOther(api: BenchProcess, via: http.Agent, until: Promise<unknown>, minMs = 0) {
  let done = false;
  void until.finally(() => (done = true)).catch(() => undefined);
  const started = performance.now();
  const samples: number[] = [];
  while (!done || performance.now() - started < minMs) {
    const res = await postJson(via, `${api.url}/graphql`, TYPENAME);
    if (res.status !== 200) throw new Error(`{ __typename } answered ${res.status}: ${res.body}`);
    samples.push(res.ms);
  }
  return summarize(samples);
}

let serial = 0;

/** Keep-alive sockets without bench-support's 4 s idle timeout: an unbounded burst keeps requests waiting longer. */
function agent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

async function round(api: BenchProcess): Promise<RoundResult> {
  const other = agent(1);
  const burstAgent = agent(BURST);
  try {
    const idle = await timeOther(api, other, new Promise((r) => setTimeout(r, 2_000)));
    const outcomes: Record<string, number> = {};
    const retryAfter: number[] = [];
    const loginMs: number[] = [];
    const burstStarted = performance.now();
    const burst = Promise.all(
      Array.from({ length: BURST }, async () => {
        serial += 1;
        const n = serial;
        const body = JSON.stringify({
          query: LOGIN,
          variables: { email: `burst-${n}@example.lg.jp`, password: 'not-the-password' },
        });
        // One client address per attempt (TRUST_PROXY=loopback believes X-Forwarded-For from 127.0.0.1).
        const res = await postJson(burstAgent, `${api.url}/graphql`, body, {
          'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        }).catch((err: unknown) => ({ status: 0, body: '{}', ms: NaN, err }));
        if ('err' in res) {
          outcomes['no answer within 30 s'] = (outcomes['no answer within 30 s'] ?? 0) + 1;
          return;
        }
        loginMs.push(res.ms);
        const parsed = JSON.parse(res.body) as {
          errors?: Array<{ extensions?: { code?: string; retryAfterSeconds?: number } }>;
        };
        const ext = parsed.errors?.[0]?.extensions;
        const code = ext?.code ?? `HTTP ${res.status}`;
        outcomes[code] = (outcomes[code] ?? 0) + 1;
        if (ext?.retryAfterSeconds !== undefined) retryAfter.push(ext.retryAfterSeconds);
      }),
    );
    const during = await timeOther(api, other, burst);
    const burstMs = performance.now() - burstStarted;
    return { idle, during, burstMs, logins: summarize(loginMs), outcomes, retryAfter };
  } finally {
    other.destroy();
    burstAgent.destroy();
  }
}

async function measure(services: BenchServices, mode: Mode): Promise<RoundResult[]> {
  const api = await startApi(services, mode.env);
  try {
    // Warm up: the first requests compile resolvers, open connections, make the dummy hash.
    const warm = agent(1);
    for (let i = 0; i < 50; i += 1) await postJson(warm, `${api.url}/graphql`, TYPENAME);
    await postJson(
      warm,
      `${api.url}/graphql`,
      JSON.stringify({ query: LOGIN, variables: { email: 'warm@example.lg.jp', password: 'x' } }),
    );
    warm.destroy();
    const results: RoundResult[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      const result = await round(api);
      log(
        `  ${mode.label} round ${r + 1}: other client p50 ${ms(result.during.p50)} p95 ${ms(result.during.p95)} max ${ms(result.during.max)} ` +
          `(idle p95 ${ms(result.idle.p95)}); burst ${Math.round(result.burstMs)} ms; ${JSON.stringify(result.outcomes)}`,
      );
      results.push(result);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    return results;
  } finally {
    await api.stop();
  }
}

runBench(async (services) => {
  const m = machine();
  log(
    `login burst: ${BURST} wrong-password logins at once, ${ROUNDS} rounds per mode; ${m.cores} cores, ${m.cpu}`,
  );
  const rows: string[][] = [];
  for (const mode of MODES) {
    for (const [i, r] of (await measure(services, mode)).entries()) {
      rows.push([
        i === 0 ? mode.label : '',
        String(i + 1),
        ms(r.idle.p95),
        `${ms(r.during.p50)} / ${ms(r.during.p95)} / ${ms(r.during.max)} (${r.during.n})`,
        `${(r.burstMs / 1000).toFixed(1)} s`,
        `${ms(r.logins.p50)} / ${ms(r.logins.p95)}`,
        Object.entries(r.outcomes)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') +
          (r.retryAfter.length
            ? ` (retryAfterSeconds ${Math.min(...r.retryAfter)}–${Math.max(...r.retryAfter)})`
            : ''),
      ]);
    }
  }
  const markdown = [
    `### Login burst (\`npm run bench:login-burst\`)`,
    '',
    `${m.date}, ${m.cores} cores (${m.cpu}), Node ${m.node}, load average ${m.load} at the end. ` +
      `${BURST} wrong-password logins sent at once (distinct emails and client addresses: each costs one argon2id ` +
      `verification, 64 MiB, t=3) while another client sends \`{ __typename }\` one request after the other; ` +
      `its latency idle just before, and during the burst (p50 / p95 / max, requests).`,
    '',
    table(
      [
        'argon2 work',
        'round',
        'other client idle p95',
        'other client during the burst p50 / p95 / max (n)',
        'burst done in',
        'login p50 / p95',
        'login answers',
      ],
      rows,
    ),
  ].join('\n');
  log(`\n${markdown}\n`);
  // Always the repository's docs/benchmarks.md, whatever --write names.
  if (WRITE) writeSection('docs/benchmarks.md', 'login-burst', markdown);
}, 10 * 60_000);
