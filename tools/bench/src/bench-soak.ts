/**
 * `npm run bench:soak -- [--seconds 60] [--clients 8] [--write docs/benchmarks.md]` (issue #11): mixed traffic
 * against one API process on the demo data for a set time. Its own embedded PostgreSQL and Meilisearch in a
 * temp dir, the API as a child process in production mode (demo seed, SMTP to a sink in this process, the
 * /graphql budget off as in every bench: all clients share one address). Each client loops over a weighted
 * mix: searches with Japanese queries, case pages, the precedent finder, registrations and cancellations
 * (officers of their own, on a session of 20 seats, so waitlists and promotions happen), edits of published
 * cases and publishes of drafts by their officers. Reports errors (must be 0), latency percentiles per kind,
 * throughput, and the API process's RSS (from /proc) and heap (from a preloaded probe) at start, every 10 s
 * and at the end, with the slope of RSS and heap over the second half. Exits non-zero on any error.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { termOf } from '@yokoten/case-studies';
import { findFreePort } from '@yokoten/embedded-runtime';
import {
  agent,
  benchOptions,
  log,
  machine,
  ms,
  postJson,
  startBenchServices,
  summarize,
  table,
  writeSection,
  type BenchServices,
} from './bench-support';
import { eventually, SmtpSink, spawnApi, stopGroup, waitForStatus, type ApiProcess } from './scale-support';
import { prng } from './synthetic-cases';

const { seconds: SECONDS, clients: CLIENTS, write: WRITE } = benchOptions({ seconds: 60, clients: 8 });
const SAMPLE_MS = 10_000;

const QUERIES = [
  'リスキリング',
  'DX人材育成',
  '中小企業 DX',
  'テレワーク 移住',
  'ロボット',
  '資格取得支援',
  '北九州市',
  '学び直し',
  'デジタルトランスフォーメーション',
  '企業誘致',
  'ITパスポート 補助',
  'eラーニング',
  'Uターン',
  '庁内 研修',
  '副業 人材',
  'ものづくり IoT',
];
const SITUATIONS = [
  '職員のデジタル研修を始めたいが、講師も予算も足りない',
  '地元の中小企業にDXを広めたいが、相談窓口の作り方が分からない',
  '若者のUターンを増やすためにテレワーク移住を進めたい',
  '市民向けのリスキリング講座を企業と一緒に作りたい',
  '資格取得の補助制度を作りたい。他の自治体の実績を知りたい',
  '副業人材を受け入れてDXを進めたい',
];

type Kind = 'search' | 'case page' | 'finder' | 'register/cancel' | 'edit/publish';
const MIX: Array<[Kind, number]> = [
  ['search', 40],
  ['case page', 25],
  ['finder', 10],
  ['register/cancel', 15],
  ['edit/publish', 10],
];

interface Officer {
  id: string;
  email: string;
  token: string;
  registrationId: string | null;
}
interface EditableCase {
  id: string;
  token: string;
  status: string;
  summary: string;
  edits: number;
}

interface MemorySample {
  t: number;
  /** RSS from /proc just before the collection (what the process holds while serving). */
  rssMb: number;
  /** After the probe's full collection. */
  heapUsedMb: number;
  heapTotalMb: number;
  rssAfterGcMb: number;
  gcMs: number;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Asks the probe in the API process for a full collection and its figures (SIGUSR2), and waits for them. */
async function measure(pid: number, file: string, t0: number): Promise<MemorySample> {
  const rss = rssMb(pid);
  const asked = Date.now();
  process.kill(pid, 'SIGUSR2');
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    try {
      const m = JSON.parse(readFileSync(file, 'utf8')) as {
        at: number;
        gcMs: number;
        rss: number;
        heapUsed: number;
        heapTotal: number;
      };
      if (m.at >= asked)
        return {
          t: asked - t0,
          rssMb: rss,
          heapUsedMb: m.heapUsed / 2 ** 20,
          heapTotalMb: m.heapTotal / 2 ** 20,
          rssAfterGcMb: m.rss / 2 ** 20,
          gcMs: m.gcMs,
        };
    } catch {
      // not written yet
    }
    if (Date.now() - asked > 10_000) throw new Error('the memory probe did not answer');
  }
}

/** Least-squares slope of y over t (t in ms), in units of y per minute. */
function slopePerMinute(points: Array<{ t: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.t - mt) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60_000;
}

async function main(): Promise<void> {
  log(
    `bench:soak — ${CLIENTS} clients, ${SECONDS} s of mixed traffic against one API process on the demo data`,
  );
  let services: BenchServices | undefined;
  let api: ApiProcess | undefined;
  const sink = new SmtpSink();
  const cleanup = async () => {
    if (api) await stopGroup(api).catch(() => undefined);
    await sink.close().catch(() => undefined);
    await services?.stop().catch(() => undefined);
  };
  const limit = setTimeout(
    () => {
      log('bench:soak exceeded its time limit; stopping');
      void cleanup().finally(() => process.exit(3));
    },
    (SECONDS + 600) * 1000,
  );
  limit.unref();
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => void cleanup().finally(() => process.exit(130)));
  try {
    services = await startBenchServices();
    const root = services.root;
    const smtpPort = await sink.listen();
    const port = await findFreePort();
    const demoPassword = `soak-${randomBytes(9).toString('base64url')}`;
    const memoryFile = join(root, 'api-memory.json');
    api = spawnApi(
      0,
      port,
      {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        DATABASE_URL: services.databaseUrl,
        MEILI_URL: services.meiliUrl,
        MEILI_MASTER_KEY: services.meiliKey,
        SEED_DEMO: 'true',
        DEMO_PASSWORD: demoPassword,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        LOG_LEVEL: 'warn',
        GRAPHQL_RATE_LIMIT_PER_MINUTE: '0',
        DATA_DIR: root,
        WEB_DIST_DIR: join(root, 'no-web'),
        SOAK_MEMORY_FILE: memoryFile,
      },
      join(root, 'api.log'),
      false,
      ['./tools/bench/src/soak-memory-probe.ts'],
    );
    await waitForStatus(api, '/health/ready', 200, 240_000);
    const ds: DataSource = services.dataSource;
    const indexed = await eventually(
      async () => {
        const [{ n }] = (await ds.query('SELECT count(*)::int AS n FROM search_outbox')) as [{ n: number }];
        const health = (await (await fetch(`${api?.url}/health`)).json()) as { search?: string };
        return n === 0 && health.search === 'up';
      },
      120_000,
      500,
    );
    if (!indexed) throw new Error('the demo data was not indexed within 120 s');
    const url = api.url;
    const pool = agent(CLIENTS + 2);
    const gql = (query: string, variables: Record<string, unknown>, token?: string) =>
      postJson(
        pool,
        `${url}/graphql`,
        JSON.stringify({ query, variables }),
        token ? { authorization: `Bearer ${token}` } : {},
      );
    const login = async (email: string): Promise<string> => {
      const r = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
        e: email,
        p: demoPassword,
      });
      const token = (JSON.parse(r.body) as { data?: { login?: { token: string } } }).data?.login?.token;
      if (!token) throw new Error(`login of ${email} failed: ${r.body}`);
      return token;
    };

    // The demo's people and cases.
    const publicCases = (
      (await ds.query(
        `SELECT id FROM case_studies WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' ORDER BY id`,
      )) as Array<{ id: string }>
    ).map((r) => r.id);
    const codes = (
      (await ds.query(
        `SELECT code FROM municipalities WHERE membership_status = 'MEMBER' ORDER BY code`,
      )) as Array<{ code: string }>
    ).map((r) => r.code);
    const officerRows = (await ds.query(
      `SELECT u.id, u.email, u.municipality_id FROM users u JOIN municipalities m ON m.id = u.municipality_id
        WHERE u.role = 'OFFICER' AND u.status = 'ACTIVE' AND m.membership_status = 'MEMBER'
          AND u.email LIKE 'officer.%' ORDER BY u.email`,
    )) as Array<{ id: string; email: string; municipality_id: string }>;
    const organiser = await login('organiser@yokoten.example');
    const officers: Officer[] = [];
    for (const o of officerRows)
      officers.push({ id: o.id, email: o.email, token: await login(o.email), registrationId: null });
    const caseRows = (await ds.query(
      `SELECT id, status, summary, municipality_id FROM case_studies WHERE status IN ('PUBLISHED', 'DRAFT') ORDER BY id`,
    )) as Array<{ id: string; status: string; summary: string; municipality_id: string }>;
    const officerOf = new Map(officerRows.map((o, i) => [o.municipality_id, officers[i]]));
    const editable: EditableCase[] = caseRows
      .filter((c) => officerOf.has(c.municipality_id))
      .map((c) => ({
        id: c.id,
        token: (officerOf.get(c.municipality_id) as Officer).token,
        status: c.status,
        summary: c.summary,
        edits: 0,
      }));

    const startsAt = new Date(Date.now() + 30 * 24 * 3600_000);
    const created = await gql(
      `mutation($input: CreateExchangeSessionInput!) { createExchangeSession(input: $input) { id } }`,
      {
        input: {
          title: '耐久試験 定期共有会',
          term: termOf(startsAt),
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
          format: 'ONLINE',
          meetingUrl: 'https://meet.example.jp/soak',
          capacity: 20,
          registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
          registrationClosesAt: new Date(startsAt.getTime() - 3600_000).toISOString(),
          tables: [],
        },
      },
      organiser,
    );
    const sessionId = (JSON.parse(created.body) as { data?: { createExchangeSession?: { id: string } } }).data
      ?.createExchangeSession?.id;
    if (!sessionId) throw new Error(`createExchangeSession failed: ${created.body}`);
    await gql(`mutation($id: ID!) { openRegistration(sessionId: $id) { id } }`, { id: sessionId }, organiser);
    log(
      `API up on ${url}; ${publicCases.length} public cases, ${officers.length} officers signed in, ${editable.length} cases they may edit (${editable.filter((c) => c.status === 'DRAFT').length} drafts)`,
    );

    // Traffic.
    const latencies = new Map<Kind, number[]>(MIX.map(([k]) => [k, []]));
    const errors = new Map<Kind, number>(MIX.map(([k]) => [k, 0]));
    const firstErrors: string[] = [];
    const totalWeight = MIX.reduce((s, [, w]) => s + w, 0);
    const record = (kind: Kind, status: number, body: string, took: number) => {
      latencies.get(kind)?.push(took);
      let failedRequest = status !== 200;
      if (!failedRequest) {
        try {
          failedRequest = !!(JSON.parse(body) as { errors?: unknown }).errors;
        } catch {
          failedRequest = true;
        }
      }
      if (failedRequest) {
        errors.set(kind, (errors.get(kind) ?? 0) + 1);
        if (firstErrors.length < 5) firstErrors.push(`${kind}: HTTP ${status} ${body.slice(0, 300)}`);
      }
      return !failedRequest;
    };

    const loadBefore = machine().load;
    const memory: MemorySample[] = [];
    const pid = api.child.pid as number;
    const t0 = Date.now();
    let sampling: Promise<unknown> = Promise.resolve();
    const sample = () =>
      (sampling = sampling.then(() => measure(pid, memoryFile, t0).then((m) => memory.push(m))));
    await sample();
    const sampler = setInterval(() => void sample(), SAMPLE_MS);
    const endAt = t0 + SECONDS * 1000;

    const client = async (c: number) => {
      // Deterministic, so runs send the same mix.
      const random = prng(1000 + c);
      const mine = officers.filter((_, i) => i % CLIENTS === c);
      const myCases = editable.filter((_, i) => i % CLIENTS === c);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
      while (Date.now() < endAt) {
        let roll = random() * totalWeight;
        let kind: Kind = 'search';
        for (const [k, w] of MIX) {
          if ((roll -= w) < 0) {
            kind = k;
            break;
          }
        }
        if (kind === 'register/cancel' && mine.length === 0) kind = 'search';
        if (kind === 'edit/publish' && myCases.length === 0) kind = 'search';
        if (kind === 'search') {
          const r = await gql(
            `query($q: String!, $p: Int!) { searchCaseStudies(query: $q, page: $p, pageSize: 20) { totalHits hits { caseStudy { id title municipality { name } } highlights { title summary } } facets { field values { value count } } } }`,
            { q: pick(QUERIES), p: random() < 0.2 ? 2 : 1 },
          );
          record(kind, r.status, r.body, r.ms);
        } else if (kind === 'case page') {
          const r = await gql(
            `query($id: ID!) { caseStudy(id: $id) { id title summary body themes targets tags fiscalYears budgetYen outcomes { label before after unit } lessonsLearned publishedAt updatedAt adoptionCount municipality { code name population prefecture { code name } } } similarCaseStudies(id: $id, limit: 5) { id title } }`,
            { id: pick(publicCases) },
          );
          record(kind, r.status, r.body, r.ms);
        } else if (kind === 'finder') {
          const r = await gql(
            `query($input: FindPrecedentsInput!) { findPrecedents(input: $input) { score reasons caseStudy { id title municipality { name } } } }`,
            { input: { description: pick(SITUATIONS), municipalityCode: pick(codes) } },
          );
          record(kind, r.status, r.body, r.ms);
        } else if (kind === 'register/cancel') {
          const o = pick(mine);
          if (o.registrationId) {
            const r = await gql(
              `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id status } }`,
              { id: o.registrationId },
              o.token,
            );
            if (record(kind, r.status, r.body, r.ms)) o.registrationId = null;
          } else {
            const r = await gql(
              `mutation($s: ID!) { registerForSession(sessionId: $s) { id status waitlistPosition } }`,
              { s: sessionId },
              o.token,
            );
            if (record(kind, r.status, r.body, r.ms))
              o.registrationId =
                (JSON.parse(r.body) as { data: { registerForSession: { id: string } } }).data
                  .registerForSession.id ?? null;
          }
        } else {
          const k = pick(myCases);
          if (k.status === 'DRAFT') {
            const r = await gql(
              `mutation($id: ID!) { publishCaseStudy(id: $id) { id status } }`,
              { id: k.id },
              k.token,
            );
            if (record(kind, r.status, r.body, r.ms)) k.status = 'PUBLISHED';
          } else {
            k.edits += 1;
            const r = await gql(
              `mutation($id: ID!, $input: UpdateCaseStudyInput!) { updateCaseStudy(id: $id, input: $input) { id updatedAt } }`,
              { id: k.id, input: { summary: `${k.summary}（耐久試験 改訂${k.edits % 10}）` } },
              k.token,
            );
            record(kind, r.status, r.body, r.ms);
          }
        }
      }
    };
    const reporter = setInterval(() => {
      const done = [...latencies.values()].reduce((s, l) => s + l.length, 0);
      const m = memory.at(-1);
      log(
        `  ${Math.round((Date.now() - t0) / 1000)} s: ${done} requests, ${[...errors.values()].reduce((a, b) => a + b, 0)} errors, RSS ${m?.rssMb.toFixed(0)} MB, heap after GC ${m?.heapUsedMb.toFixed(0)} MB`,
      );
    }, 10_000);
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const elapsed = Date.now() - t0;
    clearInterval(reporter);
    clearInterval(sampler);
    await sample();

    // The queues drain after the traffic: nothing piles up.
    const drained = await eventually(
      async () => {
        const [{ s, m }] = (await ds.query(
          'SELECT (SELECT count(*) FROM search_outbox)::int AS s, (SELECT count(*) FROM mail_outbox)::int AS m',
        )) as [{ s: number; m: number }];
        return s === 0 && m === 0;
      },
      60_000,
      500,
    );
    // Every 10 s for the table; the slope uses every sample of the second half.
    const second = memory.filter((s) => s.t >= elapsed / 2);
    const rssSlope = slopePerMinute(second.map((s) => ({ t: s.t, y: s.rssMb })));
    const heapSlope = slopePerMinute(second.map((s) => ({ t: s.t, y: s.heapUsedMb })));
    const shown = memory.filter((s, i) => i === 0 || s.t - memory[i - 1].t > 1_000);
    const totalRequests = [...latencies.values()].reduce((s, l) => s + l.length, 0);
    const totalErrors = [...errors.values()].reduce((a, b) => a + b, 0);
    // Thresholds: the heap that survives a full collection is the leak signal (1 MB/min would be 1.4 GB a
    // day); RSS also follows V8's and malloc's reservations, so it gets a wider band.
    const growth = heapSlope > 1 || rssSlope > 5;
    const [first, last] = [memory[0], memory[memory.length - 1]];

    const kindRows = MIX.map(([kind]) => {
      const s = summarize(latencies.get(kind) ?? []);
      return [
        kind,
        String(s.n),
        `${((s.n / elapsed) * 1000).toFixed(1)}/s`,
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        ms(s.max),
        String(errors.get(kind) ?? 0),
      ];
    });
    const all = summarize([...latencies.values()].flat());
    kindRows.push([
      '**all**',
      String(all.n),
      `${((all.n / elapsed) * 1000).toFixed(1)}/s`,
      ms(all.p50),
      ms(all.p95),
      ms(all.p99),
      ms(all.max),
      String(totalErrors),
    ]);
    const kindTable = table(
      ['kind', 'requests', 'throughput', 'p50', 'p95', 'p99', 'max', 'errors'],
      kindRows,
    );
    const memoryTable = table(
      ['t', 'RSS', 'heap used after a full GC', 'heap total', 'RSS after the GC', 'GC pause'],
      shown.map((s) => [
        `${Math.round(s.t / 1000)} s`,
        `${s.rssMb.toFixed(1)} MB`,
        `${s.heapUsedMb.toFixed(1)} MB`,
        `${s.heapTotalMb.toFixed(1)} MB`,
        `${s.rssAfterGcMb.toFixed(1)} MB`,
        ms(s.gcMs),
      ]),
    );
    const mails = sink.mails.length;
    const m = machine();
    log(`\n${kindTable}\n\n${memoryTable}\n`);
    log(
      `${totalRequests} requests in ${(elapsed / 1000).toFixed(0)} s (${((totalRequests / elapsed) * 1000).toFixed(1)}/s), ${totalErrors} errors; RSS slope over the second half ${rssSlope.toFixed(2)} MB/min, heap after GC ${heapSlope.toFixed(2)} MB/min: ${growth ? 'GROWTH' : 'no growth trend'}; queues drained: ${drained}; ${mails} mails sent`,
    );
    for (const e of firstErrors) log(`  error: ${e}`);

    if (WRITE) {
      const section = [
        '## Soak: mixed traffic against one process (`npm run bench:soak`)',
        '',
        `\`npm run bench:soak -- --seconds ${SECONDS} --clients ${CLIENTS}\`: one API process (production mode, swc entry) on the demo data (60 municipalities, 130 cases) with its own embedded PostgreSQL and Meilisearch in a temp dir, mail through SMTP to a sink in the bench process; ${CLIENTS} concurrent keep-alive clients, each looping over a weighted mix: ${MIX.map(([k, w]) => `${k} ${w} %`).join(', ')}. Searches are ${QUERIES.length} Japanese queries with facets and highlights (one in five the second page); case pages are \`caseStudy\` with its municipality and \`similarCaseStudies\`; the finder is one of ${SITUATIONS.length} Japanese situations for a random member; registrations and cancellations are by the client's own officers on a session of 20 seats (so waitlists, promotions and their mails happen); edits change a published case's summary by its municipality's officer, and the demo drafts get published. The /graphql budget is off (GRAPHQL_RATE_LIMIT_PER_MINUTE=0: every client has the same address). Memory at the start (before the traffic), every ${SAMPLE_MS / 1000} s and at the end: RSS from /proc, then a probe preloaded into the API process (\`soak-memory-probe.ts\`, on SIGUSR2) runs a full garbage collection and reports the heap that survives it (the live heap saw-tooths between about 100 and 300 MB with V8's lazy old-space collections, which says nothing about a leak); the trend is a least-squares slope over the samples of the second half. The forced collections (the GC pause column: wall time, on a loaded machine mostly waiting for a core) stop the API while they run, so they are inside the latencies above.`,
        '',
        `Machine: ${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.date}; load average (1 / 5 / 15 min) before ${loadBefore}, at the end ${m.load} (the machine is shared with other work).`,
        '',
        kindTable,
        '',
        `${totalRequests} requests in ${(elapsed / 1000).toFixed(0)} s: ${((totalRequests / elapsed) * 1000).toFixed(1)} requests/s, **${totalErrors} errors**. Afterwards the search and mail outboxes drained${drained ? '' : ' **not**'} within a minute; ${mails} mails went out.`,
        '',
        memoryTable,
        '',
        `RSS ${first.rssMb.toFixed(0)} MB at the start, ${last.rssMb.toFixed(0)} MB at the end (at most ${Math.max(...memory.map((x) => x.rssMb)).toFixed(0)} MB); the heap that survives a full GC ${first.heapUsedMb.toFixed(1)} MB at the start, ${last.heapUsedMb.toFixed(1)} MB at the end. ` +
          `Trend over the second half (least-squares slope): RSS ${rssSlope >= 0 ? '+' : ''}${rssSlope.toFixed(2)} MB/min, heap after a full GC ${heapSlope >= 0 ? '+' : ''}${heapSlope.toFixed(2)} MB/min: ${growth ? '**a growth trend**' : 'no growth trend'} (the bench flags a heap slope above 1 MB/min or an RSS slope above 5 MB/min).`,
      ].join('\n');
      writeSection(WRITE, 'soak', section);
    }
    if (totalErrors > 0 || !drained) process.exitCode = 1;
  } finally {
    clearTimeout(limit);
    await cleanup();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  async (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
