import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from '@yokoten/embedded-runtime';
import { CaseIndex } from '../src/search/case-index';
import { SearchSyncWorker } from '../src/search/search-sync.worker';
import { createTestApp, type TestApp } from './test-app';
import {
  dataOf,
  eventually,
  indexSynced,
  officerLogin,
  pendingIndexUpdates,
  search,
  seedMunicipalities,
  type SearchResult,
} from './search-fixtures';

jest.setTimeout(180_000);

/**
 * The search sync against real services: published and edited cases become searchable through the
 * outbox without any fixed sleep, and a Meilisearch outage loses nothing.
 */
const KITAKYUSHU = '401005';

const CASE_FIELDS = 'id title status visibility';
const CREATE = `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { ${CASE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCaseStudyInput!) { updateCaseStudy(id: $id, input: $input) { ${CASE_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishCaseStudy(id: $id) { ${CASE_FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveCaseStudy(id: $id) { ${CASE_FIELDS} } }`;

/** A case that passes the publish checklist; `word` makes it findable on its own. */
function caseInput(word: string, extra: Record<string, unknown> = {}) {
  return {
    title: `${word}を活用した中小企業支援`,
    summary: `${word}の導入を地域の中小企業に広げるため、相談窓口と補助金を組み合わせた。`,
    body:
      `## 背景\n\n市内の中小企業は${word}の導入に踏み出せずにいた。\n\n` +
      '## 取り組み\n\n- 相談窓口を開設\n- IT企業とのマッチング会を毎月開催\n- 補助金で導入費を支援\n\n' +
      '## 成果\n\n2年間で300件の相談に応じ、80社がツールを導入した。',
    themes: ['SME_DX'],
    targets: ['COMPANIES'],
    tags: [word],
    fiscalYears: [2025],
    outcomes: [{ label: '相談件数', before: 0, after: 300, unit: '件', asOf: '2025-03-31' }],
    contactDepartment: '産業経済局 DX推進課',
    budgetYen: 10_000_000,
    ...extra,
  };
}

interface Written {
  id: string;
  title: string;
  status: string;
}

async function write<K extends string>(t: TestApp, token: string, key: K, query: string, variables: object) {
  return (
    dataOf(await t.gql<Record<K, Written>>(query, variables as Record<string, unknown>, token)) as Record<
      K,
      Written
    >
  )[key];
}

async function createPublished(t: TestApp, token: string, word: string, extra: Record<string, unknown> = {}) {
  const created = await write(t, token, 'createCaseStudy', CREATE, { input: caseInput(word, extra) });
  return write(t, token, 'publishCaseStudy', PUBLISH, { id: created.id });
}

const ids = (r: SearchResult) => r.hits.map((h) => h.caseStudy.id);

/** Polls the API's search until the case is (or is no longer) found: a bounded wait, not a sleep. */
function searchable(t: TestApp, query: string, id: string, present = true, timeoutMs = 10_000) {
  return eventually(
    () => search(t, { query, pageSize: 50 }),
    (r) => ids(r).includes(id) === present,
    timeoutMs,
    10,
  );
}

describe('search sync', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedMunicipalities(t, [KITAKYUSHU]);
    token = await officerLogin(t, KITAKYUSHU);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('makes a published case searchable, an edit visible and an archived case disappear', async () => {
    const published = await createPublished(t, token, 'ミズバショウ');
    const started = Date.now();
    await searchable(t, 'ミズバショウ', published.id);
    // Reported, not asserted: timing belongs to `npm run bench:index`.
    process.stdout.write(`publish → searchable: ${Date.now() - started} ms\n`);

    await write(t, token, 'updateCaseStudy', UPDATE, {
      id: published.id,
      input: { title: 'ハマナスの取り組み' },
    });
    await searchable(t, 'ハマナス', published.id);
    const hit = (await search(t, { query: 'ハマナス' })).hits.find((h) => h.caseStudy.id === published.id);
    expect(hit?.caseStudy.title).toBe('ハマナスの取り組み');

    await write(t, token, 'updateCaseStudy', UPDATE, { id: published.id, input: { visibility: 'MEMBERS' } });
    await searchable(t, 'ハマナス', published.id, false);
    expect(ids(await search(t, { query: 'ハマナス' }, token))).toContain(published.id);

    await write(t, token, 'archiveCaseStudy', ARCHIVE, { id: published.id });
    await eventually(
      () => search(t, { query: 'ハマナス' }, token),
      (r) => !ids(r).includes(published.id),
      10_000,
      10,
    );
    expect(await indexSynced(t)).toBe(0);
  });

  it('re-indexes a municipality’s cases when its name or population changes', async () => {
    const published = await createPublished(t, token, 'ササユリ');
    await searchable(t, 'ササユリ', published.id);
    const band = async (populationBands: string[]) =>
      ids(await search(t, { query: 'ササユリ', filter: { populationBands } }));
    expect(await band(['FROM_300K_TO_1M'])).toContain(published.id); // 北九州市, 939,029 in the demo list
    // Census figures change (an import, say): the trigger queues the cases in the same transaction.
    await t.app
      .get(DataSource)
      .query(`UPDATE municipalities SET population = 1000001, name = '北九州特別市' WHERE code = $1`, [
        KITAKYUSHU,
      ]);
    await eventually(
      () => band(['OVER_1M']),
      (found) => found.includes(published.id),
      10_000,
      10,
    );
    expect(await band(['FROM_300K_TO_1M'])).not.toContain(published.id);
    expect(ids(await search(t, { query: '北九州特別市' }))).toContain(published.id);
  });

  it('rewrites every document when a start finds an index from before a new field (facetValues)', async () => {
    const published = await createPublished(t, token, 'ハシビロコウ');
    await searchable(t, 'ハシビロコウ', published.id);
    // What an index written by the previous release looks like: no facetValues, not filterable.
    const index = t.app.get(CaseIndex);
    const live = index.meili.index(index.liveName);
    const filterable = (await live.getFilterableAttributes()) as string[];
    await index.wait(live.updateFilterableAttributes(filterable.filter((a) => a !== 'facetValues')));
    const { facetValues: _dropped, ...old } = await live.getDocument(published.id);
    await index.wait(live.addDocuments([old]));
    const themeCounts = async () =>
      (await search(t, { query: 'ハシビロコウ' })).facets.find((f) => f.field === 'themes')?.values ?? [];
    expect(await live.getDocument(published.id)).not.toHaveProperty('facetValues');

    // The next start applies the settings and, as they change the documents, queues every case again.
    await (t.app.get(SearchSyncWorker) as unknown as { ensureIndex(): Promise<void> }).ensureIndex();
    await indexSynced(t);
    expect(await themeCounts()).toEqual([{ value: 'SME_DX', count: 1 }]);
  });

  it('keeps a draft out of the index, without sending the engine anything for it until it is published', async () => {
    const index = t.app.get(CaseIndex);
    await indexSynced(t);
    const lastTask = async () =>
      (await index.meili.tasks.getTasks({ indexUids: [index.liveName], limit: 1 })).results[0]?.uid;
    const before = await lastTask();
    const draft = await write(t, token, 'createCaseStudy', CREATE, { input: caseInput('カタクリ') });
    await write(t, token, 'updateCaseStudy', UPDATE, { id: draft.id, input: { title: 'カタクリの下書き' } });
    expect(await indexSynced(t)).toBe(0);
    expect(ids(await search(t, { query: 'カタクリ' }, token))).not.toContain(draft.id);
    // Never published, so there is no document to delete: its outbox rows were applied without a task.
    expect(await lastTask()).toBe(before);

    await write(t, token, 'publishCaseStudy', PUBLISH, { id: draft.id });
    await searchable(t, 'カタクリ', draft.id);
    // Once published, archiving it still takes it out (publishedAt stays set, so it is deleted).
    await write(t, token, 'archiveCaseStudy', ARCHIVE, { id: draft.id });
    await searchable(t, 'カタクリ', draft.id, false);
  });
});

describe('search sync during a Meilisearch outage', () => {
  let dir: string;
  let meili: EmbeddedMeilisearch;
  let t: TestApp;
  let token: string;

  const startMeili = async (port: number | 'auto') => {
    meili = await startEmbeddedMeilisearch({
      dataDir: join(dir, 'meilisearch'),
      port,
      masterKey: 'outage-spec-master-key',
    });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yokoten-outage-'));
    await startMeili('auto');
    t = await createTestApp({ env: { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey } });
    await seedMunicipalities(t, [KITAKYUSHU]);
    token = await officerLogin(t, KITAKYUSHU);
  });
  afterAll(async () => {
    await t?.close();
    await meili?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues every change durably while the engine is down and applies all of them when it returns', async () => {
    const before = await createPublished(t, token, 'ツユクサ');
    const doomed = await createPublished(t, token, 'ヒガンバナ');
    await searchable(t, 'ツユクサ', before.id);
    await searchable(t, 'ヒガンバナ', doomed.id);

    await meili.stop();
    const health = await fetch(`${t.url}/health`);
    // Search down is degraded, not an outage: still 200 (a load balancer keeps the process).
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'degraded', search: 'down', database: 'up' });
    // Searching fails cleanly while the engine is away.
    const failed = await t.gql('{ searchCaseStudies(query: "ツユクサ") { totalHits } }');
    expect(failed.errors?.[0]?.extensions?.code).toBe('SEARCH_UNAVAILABLE');

    // Writes keep working: publish, edit, archive.
    const during = await createPublished(t, token, 'リンドウ');
    await write(t, token, 'updateCaseStudy', UPDATE, {
      id: before.id,
      input: { title: 'オミナエシの取り組み' },
    });
    await write(t, token, 'archiveCaseStudy', ARCHIVE, { id: doomed.id });
    const extra = await Promise.all(
      ['キキョウ', 'ナデシコ', 'フジバカマ'].map((w) => createPublished(t, token, w)),
    );

    // Queued, retried with back-off, and not lost.
    const db = t.app.get(DataSource);
    await eventually(
      () =>
        db.query(
          'SELECT count(*)::int AS n FROM search_outbox WHERE attempts > 0 AND last_error IS NOT NULL',
        ) as Promise<Array<{ n: number }>>,
      ([row]) => row.n > 0,
      15_000,
    );
    expect(await pendingIndexUpdates(t)).toBeGreaterThanOrEqual(6);
    // Each failed row was pushed back (available_at moved past its enqueue time) and says why.
    const failedRows = (await db.query(
      `SELECT attempts, last_error, available_at > enqueued_at AS backed_off FROM search_outbox WHERE attempts > 0`,
    )) as Array<{ attempts: number; last_error: string; backed_off: boolean }>;
    expect(failedRows.length).toBeGreaterThan(0);
    for (const row of failedRows) {
      expect(row.backed_off).toBe(true);
      expect(row.last_error).toMatch(/MeilisearchRequestError|ECONNREFUSED|fetch failed/);
    }

    await startMeili(meili.port);
    await indexSynced(t, 60_000);
    const healthAfter = await fetch(`${t.url}/health`);
    expect(await healthAfter.json()).toEqual({
      status: 'ok',
      database: 'up',
      search: 'up',
      pendingIndexUpdates: 0,
      pendingMails: expect.any(Number),
      mail: 'file',
    });

    expect(ids(await search(t, { query: 'リンドウ' }))).toContain(during.id);
    expect(ids(await search(t, { query: 'オミナエシ' }))).toContain(before.id);
    expect(ids(await search(t, { query: 'ツユクサ' }))).toContain(before.id); // still in the body
    expect((await search(t, { query: 'オミナエシ' })).hits[0]?.caseStudy.title).toBe('オミナエシの取り組み');
    expect(ids(await search(t, { query: 'ヒガンバナ' }))).not.toContain(doomed.id);
    for (const [i, w] of ['キキョウ', 'ナデシコ', 'フジバカマ'].entries())
      expect(ids(await search(t, { query: w }))).toContain(extra[i].id);
  });
});
