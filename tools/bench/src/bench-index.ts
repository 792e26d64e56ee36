/**
 * `npm run bench:index -- [--cases 20000 | --demo] [--publishes 40] [--sync 5000] [--write docs/benchmarks.md]`
 *
 * How fast changes reach search. Starts its own embedded PostgreSQL and Meilisearch in a temp dir and the
 * API as a child process, seeds N synthetic cases through the bulk path (documents/s), or, with `--demo`,
 * lets the API seed the demo data itself (SEED_DEMO, as a demo installation starts), then:
 * - publish → searchable: an officer creates a case and publishes it with GraphQL; the clock starts when
 *   publishCaseStudy is sent and stops when searchCaseStudies (polled every 20 ms over HTTP) returns it;
 * - edit → searchable: the same with updateCaseStudy changing the title;
 * - outbox throughput: M existing cases are queued in the outbox at once and the time until /health
 *   reports an empty backlog gives documents/s through the sync path;
 * - the engine's own part: every document task of the publish/edit loop as Meilisearch reports it
 *   (`duration`: processing; `enqueuedAt → finishedAt`: queueing + processing), and how many documents each had.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { hashPassword } from '@yokoten/api/modules/auth/password';
import { UserEntity } from '@yokoten/api/modules/auth/user.entity';
import type { Task } from 'meilisearch';
import {
  agent,
  benchOptions,
  log,
  machine,
  ms,
  postJson,
  seedBenchCases,
  runBench,
  startApi as startApiWith,
  type BenchProcess,
  summarize,
  table,
  writeSection,
} from './bench-support';
import { prng } from './synthetic-cases';

const options = benchOptions({ demo: false, cases: 20000, publishes: 40, sync: 5000, tasks: false });
const { demo: DEMO, publishes: PUBLISHES, sync: SYNC, tasks: TASKS, write: WRITE } = options;
const CASES = DEMO ? 0 : options.cases;
const PASSWORD = 'bench-index-password';

/** Seconds of an ISO 8601 duration as Meilisearch writes them (`PT0.012345S`, `PT1M2.5S`). */
export function isoSeconds(d: string | null | undefined): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(d ?? '');
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

const CREATE = `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishCaseStudy(id: $id) { id status } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCaseStudyInput!) { updateCaseStudy(id: $id, input: $input) { id } }`;
// Newest first: the case just published or edited leads among those matching its made-up word.
const SEARCH = `query($q: String) { searchCaseStudies(query: $q, sort: NEWEST, pageSize: 5) { hits { caseStudy { id } } } }`;

/** A made-up katakana word per iteration, far (in edit distance) from the others: found only in its case. */
const rand = prng(4242);
function word(): string {
  const kana = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';
  let w = 'ベンチ';
  for (let k = 0; k < 5; k += 1) w += kana[Math.floor(rand() * kana.length)];
  return w;
}

function input(w: string) {
  return {
    title: `${w}による中小企業のDX支援`,
    summary: `${w}を使って地域の中小企業のデジタル化を支援した事例の概要です。`,
    body:
      `## 背景\n\n市内の中小企業は${w}の導入に踏み出せずにいた。\n\n` +
      '## 取り組み\n\n- 相談窓口を開設\n- IT企業とのマッチング会を毎月開催\n- 補助金で導入費を支援\n\n' +
      '## 成果\n\n2年間で300件の相談に応じ、80社がツールを導入した。',
    themes: ['SME_DX'],
    targets: ['COMPANIES'],
    tags: [w],
    fiscalYears: [2025],
    outcomes: [{ label: '相談件数', before: 0, after: 300, unit: '件', asOf: '2025-03-31' }],
    contactDepartment: '産業経済局 DX推進課',
    budgetYen: 10_000_000,
  };
}

runBench(async (services, startApi) => {
  const m = machine();
  log(
    `bench:index — ${DEMO ? 'demo data' : `${CASES} cases`}, ${PUBLISHES} publishes; ${m.cores} cores (${m.cpu}), Node ${m.node}, load ${m.load}`,
  );
  const seed = DEMO ? undefined : await seedBenchCases(services, CASES);
  const dataSource: DataSource = services.dataSource;
  let demoApi: BenchProcess | undefined;
  try {
    let api: BenchProcess;
    if (DEMO) {
      // The API seeds the demo data at its first start and the sync indexes it through the outbox.
      demoApi = await startApiWith(services, { SEED_DEMO: 'true', DEMO_PASSWORD: 'bench-index-demo' });
      api = demoApi;
      const started = performance.now();
      for (;;) {
        const [{ n }] = (await dataSource.query(
          `SELECT count(*)::int AS n FROM case_studies WHERE status = 'PUBLISHED'`,
        )) as [{ n: number }];
        const docs = await services.search.index.documentCount().catch(() => -1);
        if (n > 0 && docs === n) break;
        if (performance.now() - started > 300_000) throw new Error(`demo data not indexed: ${docs} of ${n}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    } else {
      api = await startApi();
    }
    const [{ published }] = (await dataSource.query(
      `SELECT count(*)::int AS published FROM case_studies WHERE status = 'PUBLISHED'`,
    )) as [{ published: number }];
    const syncCount = Math.min(SYNC, published);
    const [{ id: municipalityId }] = (await dataSource.query(
      `SELECT id FROM municipalities WHERE code = '401005'`,
    )) as Array<{ id: string }>;
    const users = dataSource.getRepository(UserEntity);
    await users.save(
      users.create({
        email: 'bench.officer@yokoten.example',
        name: 'ベンチ 担当',
        role: 'OFFICER',
        municipalityId,
        passwordHash: await hashPassword(PASSWORD),
      }),
    );
    log(`API up at ${api.url}; ${published} published cases indexed`);
    const http = agent(4);
    const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string) => {
      const r = await postJson(http, `${api!.url}/graphql`, JSON.stringify({ query, variables }), {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      });
      const body = JSON.parse(r.body) as { data?: T; errors?: unknown[] };
      if (!body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const { login } = await gql<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: 'bench.officer@yokoten.example', p: PASSWORD },
    );
    const token = login.token;
    const until = async (q: string, id: string, started: number) => {
      const limit = started + 30_000;
      for (;;) {
        const d = await gql<{ searchCaseStudies: { hits: Array<{ caseStudy: { id: string } }> } }>(SEARCH, {
          q,
        });
        if (d.searchCaseStudies.hits.some((h) => h.caseStudy.id === id)) return performance.now() - started;
        if (performance.now() > limit) {
          const backlog = await fetch(`${api!.url}/health`).then((r) => r.text());
          const rows: unknown = await dataSource.query('SELECT * FROM search_outbox LIMIT 3');
          throw new Error(
            `case ${id} not searchable after 30 s (query ${q}): ${JSON.stringify(d)}; health ${backlog}; outbox ${JSON.stringify(rows)}`,
          );
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    const loopStarted = new Date();
    const publish: number[] = [];
    const edit: number[] = [];
    // The mutation's own time (until its response), part of the totals above.
    const publishCall: number[] = [];
    const editCall: number[] = [];
    for (let i = 0; i < PUBLISHES; i += 1) {
      const w = word();
      const { createCaseStudy } = await gql<{ createCaseStudy: { id: string } }>(
        CREATE,
        { input: input(w) },
        token,
      );
      const t0 = performance.now();
      const sentAt = new Date().toISOString();
      await gql(PUBLISH, { id: createCaseStudy.id }, token);
      publishCall.push(performance.now() - t0);
      publish.push(await until(w, createCaseStudy.id, t0));
      if (TASKS)
        log(
          `  publish ${i}: sent ${sentAt}, mutation ${ms(publishCall.at(-1)!)}, searchable after ${ms(publish.at(-1)!)}`,
        );
      const w2 = word();
      const t1 = performance.now();
      await gql(UPDATE, { id: createCaseStudy.id, input: { title: `${w2}の取り組み` } }, token);
      editCall.push(performance.now() - t1);
      edit.push(await until(w2, createCaseStudy.id, t1));
    }
    log(`publish → searchable p50 ${ms(summarize(publish).p50)}, p95 ${ms(summarize(publish).p95)}`);

    // The engine's view of the loop's document tasks.
    const tasks: Task[] = [];
    for (let from: number | null | undefined; from !== null;) {
      const page = await services.search.index.meili.tasks.getTasks({
        indexUids: [services.search.index.liveName],
        types: ['documentAdditionOrUpdate', 'documentDeletion'],
        afterEnqueuedAt: loopStarted.toISOString(),
        limit: 1000,
        ...(from !== undefined ? { from } : {}),
      });
      tasks.push(...page.results.filter((t) => t.finishedAt));
      from = page.next;
    }
    const taskMs = (t: Task) => isoSeconds(t.duration) * 1000;
    const queuedMs = (t: Task) => new Date(t.finishedAt!).getTime() - new Date(t.enqueuedAt).getTime();
    const tasksDuration = summarize(tasks.map(taskMs));
    const tasksTotal = summarize(tasks.map(queuedMs));
    const docsPerTask = tasks.map(
      (t) =>
        (t.details as { receivedDocuments?: number; providedIds?: number } | undefined)?.receivedDocuments ??
        (t.details as { providedIds?: number } | undefined)?.providedIds ??
        0,
    );
    const byType = [...new Set(tasks.map((t) => t.type))]
      .map((type) => `${tasks.filter((t) => t.type === type).length} ${type}`)
      .join(', ');
    log(
      `engine tasks: ${byType}; duration p50 ${ms(tasksDuration.p50)} p95 ${ms(tasksDuration.p95)} max ${ms(tasksDuration.max)}; ` +
        `enqueued→finished p50 ${ms(tasksTotal.p50)} p95 ${ms(tasksTotal.p95)} max ${ms(tasksTotal.max)}; ` +
        `documents per task max ${Math.max(0, ...docsPerTask)}`,
    );
    if (TASKS) {
      // Every task in order, and where the engine spent the slowest ones (the batch's progress trace).
      for (const t of [...tasks].sort((a, b) => a.uid - b.uid))
        log(
          `  task ${t.uid} ${t.type} ${JSON.stringify(t.details)} enqueued ${t.enqueuedAt} ${ms(taskMs(t))} (queued+run ${ms(queuedMs(t))})`,
        );
      for (const t of [...tasks].sort((a, b) => taskMs(b) - taskMs(a)).slice(0, 3)) {
        if (t.batchUid === null || t.batchUid === undefined) continue;
        const batch = await services.search.index.meili.batches.getBatch(t.batchUid);
        log(
          `  slow task ${t.uid}: ${JSON.stringify((batch.stats as { progressTrace?: unknown }).progressTrace)}`,
        );
      }
    }

    // Sync path: queue M cases at once and wait for an empty backlog.
    const health = async () =>
      ((await (await fetch(`${api!.url}/health`)).json()) as { pendingIndexUpdates: number })
        .pendingIndexUpdates;
    // Sync path: change M cases (so the engine has real work, not identical documents) and queue them.
    const t2 = performance.now();
    await dataSource.transaction(async (m) => {
      const changed = (await m.query(
        `UPDATE case_studies SET title = title || ' 改訂', updated_at = now()
        WHERE id IN (SELECT id FROM case_studies WHERE status = 'PUBLISHED' ORDER BY id LIMIT $1)
        RETURNING id`,
        [syncCount],
      )) as [Array<{ id: string }>, number];
      await m.query(
        `INSERT INTO search_outbox (entity_type, entity_id) SELECT 'case_study', unnest($1::uuid[])`,
        [changed[0].map((r) => r.id)],
      );
    });
    while ((await health()) > 0) {
      if (performance.now() - t2 > 600_000) throw new Error('outbox not drained within 10 min');
      await new Promise((r) => setTimeout(r, 50));
    }
    const syncMs = performance.now() - t2;
    http.destroy();

    const p = summarize(publish);
    const e = summarize(edit);
    const pc = summarize(publishCall);
    const ec = summarize(editCall);
    const after = machine();
    const heading = DEMO
      ? '### Indexing on the demo data (`npm run bench:index -- --demo`)'
      : '## Indexing: publish → searchable and throughput (`npm run bench:index`)';
    const corpus = DEMO
      ? `The demo data (${published} published cases, seeded by the API at its first start with SEED_DEMO) in the index.`
      : `${CASES.toLocaleString('en')} synthetic cases in the index.`;
    const md = [
      heading,
      '',
      `${corpus} An officer creates and publishes a case through ` +
        'GraphQL; the clock starts when `publishCaseStudy` is sent and stops when `searchCaseStudies` (polled every ' +
        '20 ms over HTTP) returns it; then the same for an edit of its title. The API is its own process (sync ' +
        'woken by LISTEN/NOTIFY on the outbox); clients, API, PostgreSQL and Meilisearch share the machine.',
      '',
      `Machine: ${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.date}; load average before/after ${m.load} → ${after.load}.`,
      '',
      table(
        ['change', 'n', 'p50', 'p95', 'max', 'of which the mutation (p50 / p95)'],
        [
          [
            'publish → searchable',
            String(p.n),
            ms(p.p50),
            ms(p.p95),
            ms(p.max),
            `${ms(pc.p50)} / ${ms(pc.p95)}`,
          ],
          [
            'edit → searchable',
            String(e.n),
            ms(e.p50),
            ms(e.p95),
            ms(e.max),
            `${ms(ec.p50)} / ${ms(ec.p95)}`,
          ],
        ],
      ),
      '',
      table(
        ['engine document tasks of the loop', 'n', 'p50', 'p95', 'max'],
        [
          [
            '`duration` (processing)',
            String(tasksDuration.n),
            ms(tasksDuration.p50),
            ms(tasksDuration.p95),
            ms(tasksDuration.max),
          ],
          [
            '`enqueuedAt → finishedAt`',
            String(tasksTotal.n),
            ms(tasksTotal.p50),
            ms(tasksTotal.p95),
            ms(tasksTotal.max),
          ],
        ],
      ),
      '',
      `Tasks: ${byType || 'none'}; at most ${Math.max(0, ...docsPerTask)} document(s) per task.`,
      '',
      table(
        ['path', 'documents', 'time', 'documents/s'],
        [
          ...(seed
            ? [
                [
                  'bulk (seed / reindex: 1,000 per task, 4 in flight)',
                  String(seed.inserted),
                  `${(seed.indexMs / 1000).toFixed(1)} s`,
                  String(seed.docsPerSecond),
                ],
              ]
            : []),
          [
            `outbox sync (${syncCount} changed cases queued at once, batches of 500)`,
            String(syncCount),
            `${(syncMs / 1000).toFixed(1)} s`,
            String(Math.round((syncCount / syncMs) * 1000)),
          ],
        ],
      ),
    ].join('\n');
    log('');
    log(md);
    if (WRITE) writeSection(WRITE, DEMO ? 'index-demo' : 'index', md);
  } finally {
    await demoApi?.stop();
  }
});
