/**
 * `npm run bench:search -- [--cases 20000] [--seconds 20] [--write docs/benchmarks.md]`
 *
 * Search latency through the API against the same search sent straight to Meilisearch. Starts its own
 * embedded PostgreSQL and Meilisearch in a temp dir, seeds N synthetic cases (bulk path), runs the API as a
 * child process, then, for 1 and 16 concurrent clients, sends a fixed set of Japanese queries (words,
 * filters, sorts, facets) both ways INTERLEAVED in one run: each client alternates a direct engine request
 * with exactly the parameters the API sends (`searchParams`) and the same search as `searchCaseStudies`
 * over HTTP. Also compares Node's fetch with node:http keep-alive as the engine transport.
 */
import 'reflect-metadata';
import type http from 'node:http';
import { resolve } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { searchParams, type SearchRequest } from '../modules/case-search/case-search.service';
import { createNodeHttpClient } from '../search/node-http-client';
import {
  agent,
  arg,
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
  type ApiProcess,
  type BenchServices,
} from './bench-support';
import { DOCUMENT, QUERIES } from './bench-queries';

const CASES = Number(arg('cases', '20000'));
const SECONDS = Number(arg('seconds', '20'));
const WRITE = process.argv.includes('--write') ? resolve(arg('write', 'docs/benchmarks.md')) : null;

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

interface Samples {
  direct: number[];
  api: number[];
  errors: number;
}

async function interleaved(
  services: BenchServices,
  api: ApiProcess,
  prepared: Prepared[],
  clients: number,
  seconds: number,
): Promise<Samples> {
  const searchUrl = `${services.meiliUrl}/indexes/${services.search.index.liveName}/search`;
  const auth = { authorization: `Bearer ${services.meiliKey}` };
  const meiliAgent = agent(clients);
  const apiAgent = agent(clients);
  const samples: Samples = { direct: [], api: [], errors: 0 };
  const until = performance.now() + seconds * 1000;
  let next = 0;
  const direct = async (p: Prepared) => {
    const r = await postJson(meiliAgent, searchUrl, p.direct, auth);
    if (r.status !== 200) samples.errors += 1;
    else samples.direct.push(r.ms);
  };
  const viaApi = async (p: Prepared) => {
    const r = await postJson(apiAgent, `${api.url}/graphql`, p.api);
    if (r.status !== 200 || r.body.includes('"errors"')) samples.errors += 1;
    else samples.api.push(r.ms);
  };
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const k = next++;
        const p = prepared[k % prepared.length];
        // Alternate which goes first, so neither path always gets the warmer engine caches.
        if (k % 2 === 0) {
          await direct(p);
          await viaApi(p);
        } else {
          await viaApi(p);
          await direct(p);
        }
      }
    }),
  );
  meiliAgent.destroy();
  apiAgent.destroy();
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

runBench(async (services, startApi) => {
  const m = machine();
  log(
    `bench:search — ${CASES} cases, ${SECONDS} s per concurrency level; ${m.cores} cores (${m.cpu}), Node ${m.node}, load ${m.load}`,
  );
  const seed = await seedBenchCases(services, CASES);
  const api = await startApi();
  log(`API up at ${api.url}`);

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
  await interleaved(services, api, prepared, 4, 5);

  const rows: string[][] = [];
  const cpu: string[] = [];
  for (const clients of [1, 16]) {
    log(`running ${clients} concurrent client(s) for ${SECONDS} s…`);
    const apiCpu0 = cpuMs(api.child.pid);
    const engineCpu0 = cpuMs(services.meiliPid);
    const s = await interleaved(services, api, prepared, clients, SECONDS);
    const apiCpu1 = cpuMs(api.child.pid);
    const engineCpu1 = cpuMs(services.meiliPid);
    const per = (a: number, b: number, n: number) => ((a - b) / n).toFixed(1);
    const searches = s.api.length + s.direct.length;
    cpu.push(
      `${clients} client(s): engine ${per(engineCpu1.user + engineCpu1.system, engineCpu0.user + engineCpu0.system, searches)} ms per search ` +
        `(${per(engineCpu1.system, engineCpu0.system, searches)} of it in the kernel), API process ` +
        `${per(apiCpu1.user + apiCpu1.system, apiCpu0.user + apiCpu0.system, s.api.length)} ms per request ` +
        `(${per(apiCpu1.system, apiCpu0.system, s.api.length)} in the kernel)`,
    );
    const d = summarize(s.direct);
    const a = summarize(s.api);
    rows.push([
      String(clients),
      String(d.n + a.n),
      ms(d.p50),
      ms(d.p95),
      ms(a.p50),
      ms(a.p95),
      `${(a.p50 / d.p50).toFixed(2)}×`,
      `${(a.p95 / d.p95).toFixed(2)}×`,
      `${(a.p50 - d.p50).toFixed(2)} ms`,
      String(s.errors),
    ]);
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
      'a cropped snippet on every query). Each client alternates the same search sent straight to Meilisearch with ' +
      'the parameters the API sends (facets counted on the one `facetValues` attribute; title, summary and body ' +
      'retrieved) and `searchCaseStudies` over HTTP (hits hydrated from PostgreSQL with their municipality, ' +
      `highlights and crops made by the API), interleaved in one run, ${SECONDS} s per level. The API is its own ` +
      'process; clients, API, PostgreSQL and Meilisearch share the machine.',
    '',
    `Machine: ${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.date}; load average before/after ${m.load} → ${after.load}.`,
    '',
    table(
      [
        'clients',
        'requests',
        'direct p50',
        'direct p95',
        'API p50',
        'API p95',
        'p50 ratio',
        'p95 ratio',
        'API overhead p50',
        'errors',
      ],
      rows,
    ),
    '',
    `CPU time per request (from /proc, so independent of other load): ${cpu.join('; ')}.`,
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
