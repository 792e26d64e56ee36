/**
 * `npm run bench:search-parts -- [--cases 20000] [--rounds 10] [--write docs/benchmarks.md]`
 *
 * Where the CPU of a results page goes, part by part, so the figures the search section cites can be
 * reproduced: the engine's CPU per search for the parameters the API sends and for the alternatives it
 * replaced (engine-side highlighting and cropping, six facet attributes); the API's highlighter per page;
 * the search service in-process; and the API process per request for an empty query, a page of ids and a
 * full results page. All sequential (one client), CPU read from /proc and process.cpuUsage, so the load of
 * the machine matters less than for latencies.
 */
import 'reflect-metadata';
import {
  CASE_FACETS,
  HIGHLIGHT_POST,
  HIGHLIGHT_PRE,
  cropText,
  highlightTerms,
  highlightText,
  normalizeQuery,
} from '@yokoten/case-studies';
import { CaseSearchRepository } from '@yokoten/api/modules/case-search/case-search.repository';
import { CaseSearchService } from '@yokoten/api/modules/case-search/case-search.service';
import { searchParams } from '@yokoten/api/search/case-queries';
import {
  agent,
  benchOptions,
  cpuMs,
  log,
  machine,
  postJson,
  seedBenchCases,
  runBench,
  table,
  writeSection,
  type BenchProcess,
  type BenchServices,
} from './bench-support';
import { DOCUMENT, QUERIES } from './bench-queries';

const { cases: CASES, rounds: ROUNDS, write: WRITE } = benchOptions({ cases: 20000, rounds: 10 });

type Params = Record<string, unknown>;

/** Engine parameter sets: what the API sends, and what it sent before (or could send). */
const ENGINE_VARIANTS: Array<[string, (p: Params) => Params]> = [
  ['as the API sends: facets on `facetValues`, body retrieved, no engine highlighting', (p) => p],
  [
    'the same with the six facet attributes instead of `facetValues`',
    (p) => ({ ...p, facets: Object.values(CASE_FACETS) }),
  ],
  [
    'the first version: six facets, engine highlights title/summary/body and crops the body',
    (p) => ({
      ...p,
      facets: Object.values(CASE_FACETS),
      attributesToRetrieve: ['id'],
      attributesToHighlight: ['title', 'summary', 'body'],
      attributesToCrop: ['body'],
      cropLength: 60,
      cropMarker: '…',
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    }),
  ],
  ['no facets, no text (ids only)', (p) => ({ ...p, facets: undefined, attributesToRetrieve: ['id'] })],
];

const perCall = (cpu: number, n: number) => `${(cpu / n).toFixed(2)} ms`;

async function engineCpu(services: BenchServices): Promise<string[][]> {
  const url = `${services.meiliUrl}/indexes/${services.search.index.liveName}/search`;
  const auth = { authorization: `Bearer ${services.meiliKey}` };
  const via = agent(1);
  const rows: string[][] = [];
  for (const [name, vary] of ENGINE_VARIANTS) {
    const bodies = QUERIES.map((q) => JSON.stringify(vary({ ...searchParams(q, ['PUBLIC']) })));
    for (const b of bodies) await postJson(via, url, b, auth); // warm
    const before = cpuMs(services.meiliPid);
    for (let r = 0; r < ROUNDS; r += 1)
      for (const b of bodies) {
        const res = await postJson(via, url, b, auth);
        if (res.status !== 200) throw new Error(`${name}: ${res.body}`);
      }
    const after = cpuMs(services.meiliPid);
    rows.push([
      name,
      perCall(after.user + after.system - before.user - before.system, ROUNDS * bodies.length),
    ]);
  }
  via.destroy();
  return rows;
}

/** The highlighter on real pages: terms once per search, then title, summary and a body crop per hit. */
async function highlighterCpu(services: BenchServices): Promise<string> {
  const pages = await Promise.all(
    QUERIES.map(async (q) => {
      const params = searchParams(q, ['PUBLIC']);
      const res = await services.search.index.search({
        ...params,
        attributesToRetrieve: ['title', 'summary', 'body'],
      });
      return {
        q: params.q,
        hits: res.hits as unknown as Array<{ title: string; summary: string; body: string }>,
      };
    }),
  );
  const n = ROUNDS * 20;
  const before = process.cpuUsage();
  for (let r = 0; r < n; r += 1)
    for (const page of pages) {
      const terms = highlightTerms(normalizeQuery(page.q));
      for (const h of page.hits) {
        highlightText(h.title, terms);
        highlightText(h.summary, terms);
        cropText(h.body, terms, 120);
      }
    }
  const used = process.cpuUsage(before);
  return perCall((used.user + used.system) / 1000, n * pages.length);
}

/** CaseSearchService.search in this process (engine call, PostgreSQL hydration, highlights, facets). */
async function serviceCpu(services: BenchServices): Promise<string[][]> {
  const service = new CaseSearchService(
    services.search.queries,
    new CaseSearchRepository(services.dataSource),
  );
  service.onModuleInit();
  const fields = new Set([
    'id',
    'themes',
    'targets',
    'fiscalYears',
    'budgetYen',
    'publishedAt',
    'municipality',
  ]);
  const rows: string[][] = [];
  for (const [name, needs] of [
    ['a page of ids (no facets, no highlights)', { facets: false, highlights: false }],
    ['a results page (facets, highlights)', { facets: true, highlights: true }],
  ] as const) {
    const go = () =>
      Promise.all(QUERIES.map((q) => service.search(null, q, { caseStudyFields: fields, needs })));
    await go();
    const before = process.cpuUsage();
    for (let r = 0; r < ROUNDS; r += 1) await go();
    const used = process.cpuUsage(before);
    rows.push([
      `search service in-process: ${name}`,
      perCall((used.user + used.system) / 1000, ROUNDS * QUERIES.length),
    ]);
  }
  return rows;
}

const IDS_ONLY = `query Ids($query: String, $filter: CaseStudyFilter, $sort: CaseStudySort, $page: Int, $pageSize: Int) {
  searchCaseStudies(query: $query, filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) {
    totalHits hits { caseStudy { id } } } }`;

async function apiCpu(api: BenchProcess): Promise<string[][]> {
  const via = agent(1);
  const rows: string[][] = [];
  for (const [name, document, withVariables] of [
    ['API process over HTTP: `{ __typename }`', '{ __typename }', false],
    ['API process over HTTP: a page of ids', IDS_ONLY, true],
    ['API process over HTTP: a results page (the bench:search document)', DOCUMENT, true],
  ] as const) {
    const bodies = QUERIES.map((q) => JSON.stringify({ query: document, variables: withVariables ? q : {} }));
    for (const b of bodies) await postJson(via, `${api.url}/graphql`, b);
    const before = cpuMs(api.child.pid);
    for (let r = 0; r < ROUNDS; r += 1)
      for (const b of bodies) {
        const res = await postJson(via, `${api.url}/graphql`, b);
        if (res.status !== 200 || res.body.includes('"errors"')) throw new Error(`${name}: ${res.body}`);
      }
    const after = cpuMs(api.child.pid);
    rows.push([
      name,
      perCall(after.user + after.system - before.user - before.system, ROUNDS * bodies.length),
    ]);
  }
  via.destroy();
  return rows;
}

runBench(async (services, startApi) => {
  const m = machine();
  log(`bench:search-parts — ${CASES} cases, ${ROUNDS} rounds of ${QUERIES.length} queries; load ${m.load}`);
  await seedBenchCases(services, CASES);
  const api = await startApi();
  const engine = await engineCpu(services);
  const highlighter = await highlighterCpu(services);
  const service = await serviceCpu(services);
  const viaApi = await apiCpu(api);
  const md = [
    '## Search: where a results page spends its CPU (`npm run bench:search-parts`)',
    '',
    `${CASES.toLocaleString('en')} synthetic cases, the ${QUERIES.length} queries of bench:search, ${ROUNDS} rounds, one ` +
      'client; CPU time per search or request from /proc (engine, API process) or process.cpuUsage (in-process parts).',
    '',
    `Machine: ${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.date}; load average at start ${m.load}.`,
    '',
    table(
      ['part', 'CPU per search / request'],
      [
        ...engine.map(([name, cpu]) => [`engine: ${name}`, cpu]),
        ['API highlighter (`highlight.ts`): terms + title, summary and body crop of 20 hits', highlighter],
        ...service,
        ...viaApi,
      ],
    ),
  ].join('\n');
  log('');
  log(md);
  if (WRITE) writeSection(WRITE, 'search-parts', md);
});
