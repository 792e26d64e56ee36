/**
 * `npm run bench:search -- [--cases 20000] [--seconds 20] [--write docs/benchmarks.md]`
 *
 * Search latency through the API against the same search sent straight to Meilisearch. Starts its own
 * embedded PostgreSQL and Meilisearch in a temp dir, seeds N synthetic cases (bulk path), runs the API as a
 * child process, then, for 1 and 16 concurrent clients, sends a fixed set of Japanese queries (words,
 * filters, sorts, facets) three ways INTERLEAVED in one run: a direct engine request with exactly the
 * parameters the API sends (`searchParams`); the same bytes through the floor proxy (bench-floor-proxy.ts,
 * one more HTTP hop and nothing else: the least any API adds); and the same search as `searchCaseStudies`
 * over HTTP. Also compares Node's fetch with node:http keep-alive as the engine transport.
 */
import 'reflect-metadata';
import type http from 'node:http';
import { Meilisearch } from 'meilisearch';
import { searchParams, type SearchRequest } from '@yokoten/api/search/case-queries';
import { createNodeHttpClient } from '@yokoten/api/search/node-http-client';
import {
  agent,
  benchOptions,
  cpuMs,
  log,
  machine,
  ms,
  postJson,
  seedBenchCases,
  runBench,
  summarize,
  table,
  writeSection,
  type BenchProcess,
  type BenchServices,
} from './bench-support';
import { DOCUMENT, QUERIES } from './bench-queries';

const { cases: CASES, seconds: SECONDS, write: WRITE } = benchOptions({ cases: 20000, seconds: 20 });

interface Prepared {
  direct: string;
  api: string;
}

function prepare(services: BenchServices, q: SearchRequest): Prepared {
  const params = searchParams(q, ['PUBLIC']);
  return {
    direct: JSON.stringify(params),
    api: JSON.stringify({ query: DOCUMENT, variables: { ...q }, operationName: 'Search' }),
  };
}

const PATHS = ['direct', 'floor', 'api'] as const;
type Path = (typeof PATHS)[number];
const PATH_LABELS: Record<Path, string> = {
  direct: 'Meilisearch direct',
  floor: 'floor: bare HTTP hop',
  api: 'API `searchCaseStudies`',
};

type Samples = Record<Path, number[]> & { errors: number };

/**
 * Each client sends every search three ways in turn, the order rotating, so all three meet the same load:
 * straight to the engine, through the floor proxy (same body, one more HTTP hop), through the API.
 */
async function interleaved(
  services: BenchServices,
  api: BenchProcess,
  floor: BenchProcess,
  prepared: Prepared[],
  clients: number,
  seconds: number,
): Promise<Samples> {
  const searchUrl = `${services.meiliUrl}/indexes/${services.search.index.liveName}/search`;
  const auth = { authorization: `Bearer ${services.meiliKey}` };
  const agents = PATHS.map(() => agent(clients));
  const samples: Samples = { direct: [], floor: [], api: [], errors: 0 };
  const send: Record<Path, (p: Prepared) => Promise<void>> = {
    direct: async (p) => {
      const r = await postJson(agents[0], searchUrl, p.direct, auth);
      if (r.status !== 200) samples.errors += 1;
      else samples.direct.push(r.ms);
    },
    floor: async (p) => {
      const r = await postJson(agents[1], floor.url, p.direct);
      if (r.status !== 200) samples.errors += 1;
      else samples.floor.push(r.ms);
    },
    api: async (p) => {
      const r = await postJson(agents[2], `${api.url}/graphql`, p.api);
      if (r.status !== 200 || r.body.includes('"errors"')) samples.errors += 1;
      else samples.api.push(r.ms);
    },
  };
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const k = next++;
        const p = prepared[k % prepared.length];
        // Rotate which goes first, so no path always gets the warmer engine caches.
        for (let i = 0; i < PATHS.length; i += 1) await send[PATHS[(k + i) % PATHS.length]](p);
      }
    }),
  );
  for (const a of agents) a.destroy();
  return samples;
}

interface TransportResult {
  name: string;
  clients: number;
  samples: number[];
}

/** The same small search through four transports, round-robin, sequential and 16 at a time. */
async function transports(services: BenchServices, rounds: number): Promise<TransportResult[]> {
  const index = services.search.index.liveName;
  const url = `${services.meiliUrl}/indexes/${index}/search`;
  const body = JSON.stringify({ q: 'DX', limit: 1, attributesToRetrieve: ['id'], locales: ['jpn'] });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${services.meiliKey}` };
  const nodeHttp = createNodeHttpClient({ timeoutMs: 10_000, maxSockets: 64 });
  const viaFetchClient = new Meilisearch({ host: services.meiliUrl, apiKey: services.meiliKey });
  const viaNodeClient = new Meilisearch({
    host: services.meiliUrl,
    apiKey: services.meiliKey,
    httpClient: nodeHttp.request,
  });
  const rawAgent: http.Agent = agent(64);
  const ways: Array<[string, () => Promise<unknown>]> = [
    ['fetch (undici), raw', async () => (await fetch(url, { method: 'POST', headers, body })).text()],
    ['node:http keep-alive, raw', () => postJson(rawAgent, url, body, headers)],
    [
      'meilisearch client on fetch (default)',
      () =>
        viaFetchClient
          .index(index)
          .search('DX', { limit: 1, attributesToRetrieve: ['id'], locales: ['jpn'] }),
    ],
    [
      'meilisearch client on node:http (ours)',
      () =>
        viaNodeClient.index(index).search('DX', { limit: 1, attributesToRetrieve: ['id'], locales: ['jpn'] }),
    ],
  ];
  const results: TransportResult[] = [];
  for (const clients of [1, 16]) {
    const per = ways.map(([name]) => ({ name, clients, samples: [] as number[] }));
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let r = 0; r < Math.ceil(rounds / clients); r += 1) {
          for (const [i, [, run]] of ways.entries()) {
            const t0 = performance.now();
            await run();
            per[i].samples.push(performance.now() - t0);
          }
        }
      }),
    );
    results.push(...per);
  }
  nodeHttp.destroy();
  rawAgent.destroy();
  return results;
}

runBench(async (services, startApi, startFloor) => {
  const m = machine();
  log(
    `bench:search — ${CASES} cases, ${SECONDS} s per concurrency level; ${m.cores} cores (${m.cpu}), Node ${m.node}, load ${m.load}`,
  );
  const seed = await seedBenchCases(services, CASES);
  const api = await startApi();
  const floor = await startFloor();
  log(`API up at ${api.url}, floor proxy at ${floor.url}`);

  // Every query must hit without the relaxed retry, or the API would do two searches to the direct one.
  const prepared: Prepared[] = [];
  for (const q of QUERIES) {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DOCUMENT, variables: q }),
    });
    const body = (await res.json()) as {
      data?: { searchCaseStudies: { totalHits: number; relaxed: boolean } };
    };
    const r = body.data?.searchCaseStudies;
    if (!r || r.totalHits === 0 || r.relaxed) {
      log(`  skipping ${JSON.stringify(q)}: ${JSON.stringify(r ?? body)}`);
      continue;
    }
    prepared.push(prepare(services, q));
  }
  log(`${prepared.length} queries; warming up…`);
  await interleaved(services, api, floor, prepared, 4, 5);

  const rows: string[][] = [];
  const cpu: string[] = [];
  const verdicts: string[] = [];
  for (const clients of [1, 16]) {
    log(`running ${clients} concurrent client(s) for ${SECONDS} s…`);
    const pids = { engine: services.meiliPid, floor: floor.child.pid, api: api.child.pid };
    const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuMs(pid)]));
    const s = await interleaved(services, api, floor, prepared, clients, SECONDS);
    const used = (k: keyof typeof pids) => {
      const now = cpuMs(pids[k]);
      return now.user + now.system - before[k].user - before[k].system;
    };
    const per = (total: number, n: number) => (total / n).toFixed(1);
    cpu.push(
      `${clients} client(s): engine ${per(used('engine'), s.direct.length + s.floor.length + s.api.length)} ms per search, ` +
        `floor proxy ${per(used('floor'), s.floor.length)} ms per request, API process ${per(used('api'), s.api.length)} ms per request`,
    );
    const sum = Object.fromEntries(PATHS.map((p) => [p, summarize(s[p])])) as Record<
      Path,
      ReturnType<typeof summarize>
    >;
    for (const p of PATHS) {
      rows.push([
        String(clients),
        PATH_LABELS[p],
        String(sum[p].n),
        ms(sum[p].p50),
        ms(sum[p].p95),
        `${(sum[p].p50 / sum.direct.p50).toFixed(2)}×`,
        `${(sum[p].p95 / sum.direct.p95).toFixed(2)}×`,
      ]);
    }
    const ratio = (p: Path) => (sum[p].p50 / sum.direct.p50).toFixed(2);
    if (clients === 1)
      verdicts.push(
        `p50 ratio at 1 client (target ≤ 1.25): API ${ratio('api')}× — ${Number(ratio('api')) <= 1.25 ? 'met' : 'not met'}; ` +
          `the bare hop alone ${ratio('floor')}×; ${s.errors} errors`,
      );
    else
      verdicts.push(
        `API p95 at ${clients} clients (target < 50 ms): ${ms(sum.api.p95)} — ${sum.api.p95 < 50 ? 'met' : 'not met'}; ` +
          `the bare hop alone ${ms(sum.floor.p95)}, the engine direct ${ms(sum.direct.p95)}; ${s.errors} errors`,
      );
  }
  log('transport comparison…');
  const tr = await transports(services, 800);
  const trRows = tr.map((t) => {
    const s = summarize(t.samples);
    const stalls = t.samples.filter((x) => x > 20).length;
    return [
      t.name,
      String(t.clients),
      String(s.n),
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      `${((stalls / s.n) * 100).toFixed(1)} %`,
    ];
  });

  const after = machine();
  const md = [
    '## Search latency: API vs Meilisearch (`npm run bench:search`)',
    '',
    `${CASES.toLocaleString('en')} synthetic published cases (recombined from the demo cases), ${prepared.length} queries ` +
      '(Japanese words and compounds, synonyms, kana, filters, sorts, a second page; all six facets, highlights and ' +
      'a cropped snippet on every query). Each client sends every search three ways in turn, the order rotating, ' +
      `interleaved in one run, ${SECONDS} s per level: **direct**, the engine request the API makes (facets counted on ` +
      'the one `facetValues` attribute, the body retrieved) straight to Meilisearch; **floor**, the same bytes through ' +
      '`bench-floor-proxy.ts`, a Node HTTP server that only passes them to the engine and back (the least any API in ' +
      'front of the engine adds: one more hop); **API**, `searchCaseStudies` over HTTP (GraphQL, visibility, hits ' +
      'hydrated from PostgreSQL with their municipality, highlights and crops made by the API). API and floor are ' +
      'their own processes; clients, API, floor, PostgreSQL and Meilisearch share the machine.',
    '',
    `Machine: ${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.date}; load average before/after ${m.load} → ${after.load}.`,
    '',
    table(['clients', 'path', 'requests', 'p50', 'p95', 'p50 / direct', 'p95 / direct'], rows),
    '',
    ...verdicts.map((v) => `- ${v}`),
    '',
    `CPU time (from /proc, so independent of other load): ${cpu.join('; ')}.`,
    '',
    `Bulk indexing while seeding: ${seed.docsPerSecond} docs/s (${CASES} documents, 1,000 per task, 4 tasks in flight).`,
    '',
    '### Transport: fetch vs node:http keep-alive (same small search, round-robin)',
    '',
    table(['transport', 'clients', 'requests', 'p50', 'p95', 'p99', '> 20 ms'], trRows),
  ].join('\n');
  log('');
  log(md);
  if (WRITE) writeSection(WRITE, 'search', md);
});
