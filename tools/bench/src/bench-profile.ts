/**
 * `npm run bench:profile -- [--cases 20000] [--rounds 5] [--only search,finder,registrations] [--write docs/benchmarks.md]
 *    [--section-prefix profile] [--label "…"]`
 *
 * Where the API process spends its CPU, by package: the API runs as a child process with the profile probe
 * (bench-profile-probe.ts, V8's sampling profiler through node:inspector, 200 µs), on its own embedded
 * PostgreSQL and Meilisearch with the finder bench's 20,000 cases; each scenario is profiled on its own (only
 * the measured window, never the start-up) and summarised in process by profile-summary.ts; it writes the
 * tables between the `bench:profile-<scenario>` markers of docs/benchmarks.md:
 *   - typename: `{ __typename }`, the fixed cost of every GraphQL request, one client;
 *   - search: the bench:search document (a results page: facets, highlights) for its 24 queries, one client;
 *   - finder: findPrecedents, the finder bench's 12 descriptions, 4 clients;
 *   - registrations: 500 officers register at once for 100 seats (the registrations bench's round, checked).
 * The API's CPU per request from /proc over the same window is printed too (the profiler adds a little).
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { Client } from 'pg';
import { DOCUMENT, QUERIES } from './bench-queries';
import { markdown, readProfile, summarize } from './profile-summary';
import { run as runFinder, seed as seedFinder } from './bench-finder';
import { round as registrationRound, seed as seedRegistrations } from './bench-registrations';
import {
  agent,
  benchOptions,
  cpuMs,
  log,
  machine,
  postJson,
  profileWindow,
  runBench,
  writeSection,
  type BenchProcess,
} from './bench-support';

const options = benchOptions({
  cases: 20000,
  rounds: 5,
  only: 'typename,search,finder,registrations',
  /** Section names `<prefix>-<scenario>`, and a label for the titles: to keep a "before" beside the current one. */
  'section-prefix': 'profile',
  label: '',
});
const {
  cases: CASES,
  rounds: ROUNDS,
  write: WRITE,
  'section-prefix': SECTION_PREFIX,
  label: LABEL,
} = options;
const ONLY = options.only.split(',');

process.env.BENCH_PROFILE = '1';

interface Scenario {
  name: string;
  what: string;
  load: (api: BenchProcess) => Promise<number>;
}

async function profiled(api: BenchProcess, dir: string, s: Scenario): Promise<void> {
  const out = join(dir, `${s.name}.cpuprofile`);
  const m = machine();
  const before = cpuMs(api.child.pid);
  const requests = await profileWindow(api, out, () => s.load(api));
  const after = cpuMs(api.child.pid);
  const cpu = after.user + after.system - before.user - before.system;
  const endLoad = machine().load;
  log(
    `${s.name}: ${requests} requests, API CPU ${(cpu / requests).toFixed(2)} ms per request (/proc, profiler on)`,
  );
  const title = [
    `### ${s.name}${LABEL ? `, ${LABEL}` : ''} (\`npm run bench:profile\`)`,
    '',
    `${s.what} ${m.date}, ${m.cores} cores (${m.cpu}), Node ${m.node}, load average ${m.load} → ${endLoad}. ` +
      `API CPU from /proc over the window: ${(cpu / requests).toFixed(2)} ms per request (profiler on, sampling every 200 µs).`,
  ].join('\n');
  const md = markdown(summarize(readProfile(out)), { requests, cpuPerRequest: cpu / requests, title });
  log(`${md}\n`);
  if (WRITE) writeSection(WRITE, `${SECTION_PREFIX}-${s.name}`, md);
}

runBench(async (services, startApi) => {
  log(`bench:profile — ${CASES} cases; scenarios ${ONLY.join(', ')}`);
  await seedFinder(services.dataSource, CASES);
  const built = await services.search.reindexer.reindex({});
  log(`indexed ${built.documents} documents`);
  const db = new Client({ connectionString: services.databaseUrl });
  await db.connect();
  try {
    const { organiser, officers } = await seedRegistrations(db, 500);
    const api = await startApi();
    const via = agent(1);
    const searchBodies = QUERIES.map((q) => JSON.stringify({ query: DOCUMENT, variables: q }));
    const typenameBody = JSON.stringify({ query: '{ __typename }' });
    const scenarios: Scenario[] = [
      {
        name: 'typename',
        what: `\`{ __typename }\` (what every GraphQL request pays before its resolvers: HTTP, middleware, Nest, Apollo), ${ROUNDS * 200} requests, one client;`,
        load: async (target) => {
          for (let i = 0; i < ROUNDS * 200; i += 1) {
            const res = await postJson(via, `${target.url}/graphql`, typenameBody);
            if (res.status !== 200 || res.body.includes('"errors"')) throw new Error(`typename: ${res.body}`);
          }
          return ROUNDS * 200;
        },
      },
      {
        name: 'search',
        what: `A results page (the bench:search document: facets, highlights) for each of the ${QUERIES.length} queries, ${ROUNDS} rounds, one client, ${CASES.toLocaleString('en')} cases;`,
        load: async (target) => {
          let n = 0;
          for (let r = 0; r < ROUNDS; r += 1)
            for (const b of searchBodies) {
              const res = await postJson(via, `${target.url}/graphql`, b);
              if (res.status !== 200 || res.body.includes('"errors"')) throw new Error(`search: ${res.body}`);
              n += 1;
            }
          return n;
        },
      },
      {
        name: 'finder',
        what: `\`findPrecedents\` (the bench:finder document and descriptions), 4 clients, 200 requests, ${CASES.toLocaleString('en')} cases;`,
        load: async (target) => {
          const r = await runFinder(target.url, 4, 200);
          if (r.errors) throw new Error(`finder: ${r.errors} errors`);
          return r.requests;
        },
      },
      {
        name: 'registrations',
        what: '500 officers register at once for 100 seats (one round of bench:registrations, outcome checked);',
        load: async (target) => {
          const r = await registrationRound(target.url, db, organiser, officers, officers.length);
          if (r.errors) throw new Error(`registrations: ${r.errors} errors`);
          return officers.length;
        },
      },
    ];
    // Warm-up outside the windows: JIT, pools, engine caches.
    for (const b of searchBodies) await postJson(via, `${api.url}/graphql`, b);
    for (let i = 0; i < 200; i += 1) await postJson(via, `${api.url}/graphql`, typenameBody);
    await runFinder(api.url, 4, 48);
    await registrationRound(api.url, db, organiser, officers.slice(0, 1), 1);
    for (const s of scenarios) if (ONLY.includes(s.name)) await profiled(api, services.root, s);
    via.destroy();
  } finally {
    await db.end().catch(() => undefined);
  }
});
