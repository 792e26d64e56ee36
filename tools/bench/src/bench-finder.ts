/**
 * `npm run bench:finder`: latency of findPrecedents through the real API at 20,000 cases. Starts its own
 * embedded PostgreSQL and Meilisearch in a temp dir (never .data/), seeds the demo municipalities and N
 * synthetic cases (variations of the 130 demo cases, spread over every member) plus some adoptions, builds
 * the index with the reindexer, runs the API as a child process (so the clients do not share its event
 * loop) and sends findPrecedents over HTTP from 1 and from 16 concurrent clients.
 *
 *   npm run bench:finder -- [--cases 20000] [--requests 400] [--write docs/benchmarks.md]
 */
import type { DataSource } from 'typeorm';
import { themesInText } from '@yokoten/case-studies';
import { DEMO_CASE_STUDIES, DEMO_MUNICIPALITIES } from '@yokoten/demo-data';
import { finderQueries } from '@yokoten/api/search/case-queries';
import type { SearchStack } from '@yokoten/api/search/search-stack';
import {
  benchOptions,
  cpuMs,
  log,
  machine,
  percentile,
  postgresCpuMs,
  runBench,
  writeSection,
} from './bench-support';
import { insertMembers } from './synthetic-cases';

const { cases: CASES, requests: REQUESTS, write: WRITE } = benchOptions({ cases: 20000, requests: 400 });

/** What officials type into the finder: situations, not keywords. */
export const DESCRIPTIONS: readonly string[] = [
  '大学を卒業した若者のUターン就職を増やし、地元企業で活躍してもらいたい',
  '市内の中小企業の社員にリスキリングの機会をつくりたいが、予算が少ない',
  '職員のデジタルスキルを底上げする研修体系を、小さな町役場でも回せる形でつくりたい',
  'ITパスポートなどの資格取得を支援して、地域のデジタル人材を増やしたい',
  '首都圏の副業人材と地元企業をつなぎ、新しい事業づくりを後押ししたい',
  '高校生がプログラミングやデータ活用を学べる場を、地元の大学や高専と一緒につくりたい',
  '空き店舗を活用してサテライトオフィスを誘致し、移住者を増やしたい',
  '製造業の現場にロボットやIoTを導入したいが、使いこなせる人材がいない',
  '求職中の市民がオンラインで学び直して、IT企業に就職できるようにしたい',
  '高齢者がスマートフォンを使えるように、地域のボランティアと講座を開きたい',
  '生成AIを庁内で安全に使うためのガイドラインと研修を整えたい',
  '農家がネット販売を学んで、直販の売上を伸ばせるよう支援したい',
];

const VARIANTS = [
  '（第2期）',
  '（拡充版）',
  '（令和6年度）',
  '（試行）',
  '（連携事業）',
  '（地域版）',
  '（改訂）',
];

export async function seed(dataSource: DataSource, n: number): Promise<void> {
  await insertMembers(dataSource, DEMO_MUNICIPALITIES);
  const ids = (
    (await dataSource.query(`SELECT id FROM municipalities ORDER BY code`)) as Array<{ id: string }>
  ).map((r) => r.id);
  const BATCH = 1000;
  for (let start = 0; start < n; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, n - start) }, (_, k) => {
      const i = start + k;
      const base = DEMO_CASE_STUDIES[i % DEMO_CASE_STUDIES.length];
      return {
        municipalityId: ids[(i * 7 + Math.floor(i / DEMO_CASE_STUDIES.length)) % ids.length],
        title: `${base.title}${VARIANTS[Math.floor(i / DEMO_CASE_STUDIES.length) % VARIANTS.length]}`.slice(
          0,
          200,
        ),
        summary: base.summary,
        body: base.body,
        themes: [...base.themes],
        targets: [...base.targets],
        tags: [...base.tags],
        fiscalYears: [...base.fiscalYears],
        publishedAt: new Date(Date.UTC(2022, 0, 1) + i * 3_600_000),
        visibility: i % 5 === 0 ? 'MEMBERS' : 'PUBLIC',
      };
    });
    await dataSource.query(
      `INSERT INTO case_studies (municipality_id, title, summary, body, themes, targets, tags, fiscal_years,
                                 status, visibility, published_at, stage)
       SELECT x.m, x.t, x.s, x.b, string_to_array(x.th, ','), string_to_array(x.tg, ','),
              string_to_array(x.tags, '|'), string_to_array(x.fy, ',')::int[], 'PUBLISHED', x.v, x.p, 'IN_PROGRESS'
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::timestamptz[]) AS x(m, t, s, b, th, tg, tags, fy, v, p)`,
      [
        rows.map((r) => r.municipalityId),
        rows.map((r) => r.title),
        rows.map((r) => r.summary),
        rows.map((r) => r.body),
        rows.map((r) => r.themes.join(',')),
        rows.map((r) => r.targets.join(',')),
        rows.map((r) => r.tags.join('|')),
        rows.map((r) => r.fiscalYears.join(',')),
        rows.map((r) => r.visibility),
        rows.map((r) => r.publishedAt),
      ],
    );
  }
  // One case in fifty is followed by a few other municipalities, so adoption counts vary.
  await dataSource.query(
    `INSERT INTO adoptions (case_study_id, municipality_id, status)
     SELECT c.id, m.id, (ARRAY['CONSIDERING','PILOTING','ADOPTED'])[1 + (abs(hashtext(c.id::text || m.id::text)) % 3)]
       FROM (SELECT id, municipality_id FROM case_studies ORDER BY published_at LIMIT $1) c
       JOIN LATERAL (SELECT id FROM municipalities WHERE id <> c.municipality_id
                      ORDER BY hashtext(c.id::text || id::text) LIMIT 3) m ON true
      WHERE abs(hashtext(c.id::text)) % 50 = 0`,
    [n],
  );
}

export const FINDER_QUERY = `query($input: FindPrecedentsInput!) {
  findPrecedents(input: $input) { score reasons caseStudy { id title adoptionCount municipality { code name } } }
}`;

export async function findOnce(url: string, i: number): Promise<{ ms: number; ok: boolean }> {
  const municipality = DEMO_MUNICIPALITIES[(i * 11) % DEMO_MUNICIPALITIES.length];
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: FINDER_QUERY,
        variables: {
          input: { description: DESCRIPTIONS[i % DESCRIPTIONS.length], municipalityCode: municipality.code },
        },
      }),
    });
    const body = (await res.json()) as { data?: { findPrecedents: unknown[] }; errors?: unknown[] };
    return { ms: performance.now() - t0, ok: !body.errors && (body.data?.findPrecedents.length ?? 0) > 0 };
  } catch {
    return { ms: performance.now() - t0, ok: false };
  }
}

export interface Run {
  clients: number;
  requests: number;
  ms: number;
  latencies: number[];
  errors: number;
}

export async function run(url: string, clients: number, requests: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const i = next++;
        if (i >= requests) return;
        const r = await findOnce(url, i);
        latencies.push(r.ms);
        if (!r.ok) errors += 1;
      }
    }),
  );
  return {
    clients,
    requests,
    ms: performance.now() - t0,
    latencies: latencies.sort((a, b) => a - b),
    errors,
  };
}

/** The same engine queries sent straight to Meilisearch (one client): what the API adds on top. */
async function runDirect(search: SearchStack, requests: number): Promise<Run> {
  const latencies: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < requests; i += 1) {
    const description = DESCRIPTIONS[i % DESCRIPTIONS.length];
    const municipality = DEMO_MUNICIPALITIES[(i * 11) % DEMO_MUNICIPALITIES.length];
    const s = performance.now();
    await search.index.multiSearch({
      queries: finderQueries(
        search.index.liveName,
        description,
        municipality.code,
        ['PUBLIC'],
        themesInText(description),
      ),
    });
    latencies.push(performance.now() - s);
  }
  return {
    clients: 1,
    requests,
    ms: performance.now() - t0,
    latencies: latencies.sort((a, b) => a - b),
    errors: 0,
  };
}

// Imported by bench-profile.ts for its seed and load: run only when started as the bench itself.
if (require.main === module)
  runBench(async (services, startApi) => {
    log(`bench:finder — findPrecedents at ${CASES} cases, 1 and 16 clients`);
    let t = performance.now();
    await seed(services.dataSource, CASES);
    log(`seeded ${CASES} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const search = services.search;
    t = performance.now();
    const built = await search.reindexer.reindex({});
    log(`indexed ${built.documents} documents in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const api = await startApi();
    const url = api.url;
    log(`API up on ${url}`);
    await run(url, 4, 100); // warm-up: JIT, pools, engine caches
    const direct = await runDirect(search, REQUESTS);
    log(
      `engine alone (same multi-search, 1 client): p50 ${percentile(direct.latencies, 50).toFixed(1)} ms, p95 ${percentile(direct.latencies, 95).toFixed(1)} ms`,
    );
    const [{ pid: backendPid }] = (await services.dataSource.query('SELECT pg_backend_pid() AS pid')) as [
      { pid: number },
    ];
    const results: Run[] = [];
    for (const clients of [1, 16]) {
      // The API's CPU over the run from /proc (user + system): the figure that depends least on the load.
      // The engine's and PostgreSQL's too: the three share the two cores with the clients.
      const before = cpuMs(api.child.pid);
      const engineBefore = cpuMs(services.meiliPid);
      const databaseBefore = postgresCpuMs(backendPid);
      const r = await run(url, clients, REQUESTS);
      const after = cpuMs(api.child.pid);
      const engineAfter = cpuMs(services.meiliPid);
      const database = (postgresCpuMs(backendPid) - databaseBefore) / r.requests;
      results.push(r);
      const cpu = (after.user - before.user + after.system - before.system) / r.requests;
      const system = (after.system - before.system) / r.requests;
      const engine =
        (engineAfter.user - engineBefore.user + engineAfter.system - engineBefore.system) / r.requests;
      log(
        `${clients} client(s): ${r.requests} requests, ${((r.requests / r.ms) * 1000).toFixed(0)} req/s, p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p95 ${percentile(r.latencies, 95).toFixed(1)} ms, max ${r.latencies.at(-1)?.toFixed(1)} ms, errors ${r.errors}; CPU per request: API ${cpu.toFixed(2)} ms (system ${system.toFixed(2)}), engine ${engine.toFixed(2)} ms, PostgreSQL ${database.toFixed(2)} ms`,
      );
    }
    if (WRITE) {
      const m = machine();
      const p50 = percentile(results[0].latencies, 50);
      const engineP50 = percentile(direct.latencies, 50);
      const section = [
        '## Precedent finder (`npm run bench:finder`)',
        '',
        `\`findPrecedents\` over HTTP (\`/graphql\`, anonymous, a different municipality and one of ${DESCRIPTIONS.length} Japanese situation descriptions per request) against ${CASES.toLocaleString('en')} published cases (variations of the demo cases spread over the 60 demo municipalities, one in five members-only, about one in fifty followed by three municipalities). The API runs as its own process on embedded PostgreSQL and Meilisearch in a temp dir; the clients run in the bench process. Each request is one statement for the seeker (its municipality and profile's focus themes), one multi-search (text with ranking scores, plus the description's themes), one statement for the candidates' adoptions, the re-ranking and one hydration statement for the shown cases.`,
        '',
        '| date | machine | Node | cases | clients | requests | throughput | p50 | p95 | max | errors |',
        '|---|---|---|---|---|---|---|---|---|---|---|',
        ...results.map(
          (r) =>
            `| ${m.date} | ${m.cores} cores (${m.cpu}) | ${m.node} | ${CASES} | ${r.clients} | ${r.requests} | ${((r.requests / r.ms) * 1000).toFixed(0)} req/s | ${percentile(r.latencies, 50).toFixed(1)} ms | ${percentile(r.latencies, 95).toFixed(1)} ms | ${r.latencies.at(-1)?.toFixed(1)} ms | ${r.errors} |`,
        ),
        '',
        `The same engine queries sent straight to Meilisearch from the bench process, one client: p50 ${percentile(direct.latencies, 50).toFixed(1)} ms, p95 ${percentile(direct.latencies, 95).toFixed(1)} ms.`,
        '',
        `Latency is per request from the client, queueing included. At 16 clients the two cores are saturated (the API, PostgreSQL, Meilisearch and the load generator share them), so latency there is mostly queueing; throughput is the figure to compare. Of the ${p50.toFixed(0)} ms of one request at p50 (1 client), about ${engineP50.toFixed(0)} ms is the engine (the multi-search above); the rest is the API: the seeker, the candidates' adoptions, reading the shown cases and their municipalities (three prepared statements), and GraphQL.`,
      ].join('\n');
      writeSection(WRITE, 'finder', section);
    }
    if (results.some((r) => r.errors > 0)) process.exitCode = 1;
  });
