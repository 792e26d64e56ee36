import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from '@yokoten/embedded-runtime';
import { CaseIndex } from '../src/search/case-index';
import { CaseIndexHealer } from '../src/search/case-index.healer';
import { CASE_INDEX_SETTINGS, settingsToChange } from '../src/search/case-index.settings';
import { createSearchStack } from '../src/search/search-stack';
import { createTestApp, type GqlResponse, type TestApp } from './test-app';
import {
  dataOf,
  eventually,
  indexSynced,
  insertCases,
  officerLogin,
  SEARCH,
  seedMunicipalities,
  type SearchResult,
} from './search-fixtures';

jest.setTimeout(240_000);

/**
 * Search that heals itself (#11), against a real engine of its own (it is stopped and wiped here, so other
 * spec files on the shared engine are not affected): an engine that comes back empty, an index deleted
 * while running and settings that drift are noticed by the sync worker's check and rebuilt from
 * PostgreSQL, without a restart; searches answer SEARCH_UNAVAILABLE meanwhile, never a 500 or nothing.
 */
const KITAKYUSHU = '401005';
const TOYAMA = '172065';

const CASE_FIELDS = 'id title status';
const CREATE = `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { ${CASE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCaseStudyInput!) { updateCaseStudy(id: $id, input: $input) { ${CASE_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishCaseStudy(id: $id) { ${CASE_FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveCaseStudy(id: $id) { ${CASE_FIELDS} } }`;

function caseInput(title: string, themes: string[]) {
  return {
    title,
    summary: `${title}。市内の企業と職員を対象に、講座と相談窓口を組み合わせて実施した。`,
    body:
      `## 背景\n\n${title}に取り組む必要があった。\n\n` +
      '## 取り組み\n\n- 市内の企業向けに講座を開設し、経営者と従業員が一緒に学べるようにした\n' +
      '- 相談窓口を設置し、IT企業とのマッチング会を毎月開催した\n\n' +
      '## 成果\n\n2年間で300人が受講し、80社が新しいツールを導入した。',
    themes,
    targets: ['COMPANIES'],
    tags: [],
    fiscalYears: [2025],
    outcomes: [{ label: '受講者数', before: 0, after: 300, unit: '人', asOf: '2025-03-31' }],
    contactDepartment: '産業経済局 DX推進課',
    budgetYen: 5_000_000,
  };
}

interface Written {
  id: string;
  title: string;
  status: string;
}

async function mutate(t: TestApp, token: string, query: string, variables: Record<string, unknown>) {
  const data = dataOf(await t.gql<Record<string, Written>>(query, variables, token));
  return Object.values(data)[0];
}

async function publish(t: TestApp, token: string, title: string, themes: string[]): Promise<Written> {
  const created = await mutate(t, token, CREATE, { input: caseInput(title, themes) });
  return mutate(t, token, PUBLISH, { id: created.id });
}

type Answer = { ok: true; result: SearchResult } | { ok: false; code: string };

/** One search as a client sees it: results, or the error code (INTERNAL_SERVER_ERROR for a crash). */
async function ask(t: TestApp, variables: Record<string, unknown>): Promise<Answer> {
  const res: GqlResponse<{ searchCaseStudies: SearchResult }> = await t.gql(SEARCH, variables);
  if (res.data?.searchCaseStudies) return { ok: true, result: res.data.searchCaseStudies };
  return { ok: false, code: String(res.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`) };
}

const idsOf = (a: Answer) => (a.ok ? a.result.hits.map((h) => h.caseStudy.id) : []);

/**
 * Polls until every expectation holds, recording each answer on the way: while the index is missing or
 * being rebuilt, a search may answer SEARCH_UNAVAILABLE, and nothing else but correct results.
 */
async function healedWithin(
  t: TestApp,
  timeoutMs: number,
  expectations: Array<{ variables: Record<string, unknown>; found: string[]; absent?: string[] }>,
): Promise<{ ms: number; errors: string[] }> {
  const started = Date.now();
  const errors: string[] = [];
  await eventually(
    async () => {
      const answers = await Promise.all(expectations.map((e) => ask(t, e.variables)));
      for (const a of answers) if (!a.ok) errors.push(a.code);
      return answers.every(
        (a, i) =>
          a.ok &&
          expectations[i].found.every((id) => idsOf(a).includes(id)) &&
          (expectations[i].absent ?? []).every((id) => !idsOf(a).includes(id)),
      );
    },
    (done) => done,
    timeoutMs,
    100,
  );
  return { ms: Date.now() - started, errors };
}

/** The live index's settings keys that differ from ours. */
async function drift(t: TestApp) {
  const index = t.app.get(CaseIndex);
  return settingsToChange(CASE_INDEX_SETTINGS, await index.meili.index(index.liveName).getSettings());
}

/** The index's settings are exactly ours again. */
async function expectOurSettings(t: TestApp) {
  const index = t.app.get(CaseIndex);
  expect(await drift(t)).toEqual([]);
  const synonyms = await index.meili.index(index.liveName).getSynonyms();
  expect(synonyms).toEqual(CASE_INDEX_SETTINGS.synonyms);
}

describe('search heals itself (a dedicated engine, checked every second)', () => {
  let dir: string;
  let meili: EmbeddedMeilisearch;
  let t: TestApp;
  let token: string;
  let generation = 0;

  const startMeili = async (port: number | 'auto') => {
    generation += 1;
    // A new data directory each time: the engine comes back with nothing.
    meili = await startEmbeddedMeilisearch({
      dataDir: join(dir, `meilisearch-${generation}`),
      port,
      masterKey: 'heal-spec-master-key-0123456789',
    });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yokoten-heal-'));
    await startMeili('auto');
    t = await createTestApp({
      env: {
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
        SEARCH_HEAL_INTERVAL_SECONDS: '1',
      },
    });
    await seedMunicipalities(t, [KITAKYUSHU]);
    token = await officerLogin(t, KITAKYUSHU);
  });
  afterAll(async () => {
    await t?.close();
    await meili?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refills an engine that came back with an empty data directory, with its settings and the changes made while it was down', async () => {
    const reskilling = await publish(t, token, 'リスキリング講座による中小企業の人材育成', ['RESKILLING']);
    const edited = await publish(t, token, 'ハナショウブ型のDX相談窓口', ['SME_DX']);
    const archived = await publish(t, token, 'ヤマボウシ地区のテレワーク拠点', ['TELEWORK_MIGRATION']);
    await indexSynced(t);
    expect(idsOf(await ask(t, { query: '学び直し' }))).toContain(reskilling.id);

    await meili.stop();
    // While it is down, every write keeps working and queues its index update.
    const during = await publish(t, token, 'ミズアオイ地区の企業誘致', ['BUSINESS_ATTRACTION']);
    await mutate(t, token, UPDATE, { id: edited.id, input: { title: 'カキツバタ型のDX相談窓口' } });
    await mutate(t, token, ARCHIVE, { id: archived.id });
    expect(await ask(t, { query: 'ミズアオイ' })).toEqual({ ok: false, code: 'SEARCH_UNAVAILABLE' });

    await startMeili(meili.port);
    const { ms, errors } = await healedWithin(t, 60_000, [
      { variables: { query: 'ミズアオイ' }, found: [during.id] },
      { variables: { query: 'カキツバタ' }, found: [edited.id] },
      { variables: { query: 'ヤマボウシ' }, found: [], absent: [archived.id] },
      // A Japanese synonym (学び直し ↔ リスキリング) and a filter: the index has its settings.
      { variables: { query: '学び直し' }, found: [reskilling.id] },
      {
        variables: { query: '', filter: { themes: ['SME_DX'] } },
        found: [edited.id],
        absent: [reskilling.id],
      },
    ]);
    process.stdout.write(`engine back empty → everything found again: ${ms} ms\n`);
    expect(errors.filter((code) => code !== 'SEARCH_UNAVAILABLE')).toEqual([]);
    await expectOurSettings(t);
    await indexSynced(t);
    // Exactly the published cases, once each.
    expect(await t.app.get(CaseIndex).documentCount()).toBe(3);
  });

  it('re-creates an index deleted while the API runs', async () => {
    const index = t.app.get(CaseIndex);
    const kept = await publish(t, token, 'オオミズナギドリの観察とIoT', ['ROBOTICS_IOT']);
    await indexSynced(t);
    await index.drop(index.liveName);
    const { ms, errors } = await healedWithin(t, 60_000, [
      { variables: { query: 'オオミズナギドリ' }, found: [kept.id] },
      { variables: { query: '', filter: { themes: ['ROBOTICS_IOT'] } }, found: [kept.id] },
    ]);
    process.stdout.write(`index deleted → found again: ${ms} ms\n`);
    expect(errors.filter((code) => code !== 'SEARCH_UNAVAILABLE')).toEqual([]);
    await expectOurSettings(t);
  });

  it('restores drifted settings: a synonym removed and a filterable attribute dropped', async () => {
    const index = t.app.get(CaseIndex);
    const live = index.meili.index(index.liveName);
    const { id } = await publish(t, token, 'リスキリングで製造業の現場を変える', ['RESKILLING']);
    await indexSynced(t);
    const synonyms = { ...CASE_INDEX_SETTINGS.synonyms } as Record<string, string[]>;
    delete synonyms['学び直し'];
    await index.wait(live.updateSynonyms(synonyms));
    const filterable = (await live.getFilterableAttributes()) as string[];
    await index.wait(live.updateFilterableAttributes(filterable.filter((a) => a !== 'themes')));
    expect((await drift(t)).sort()).toEqual(['filterableAttributes', 'synonyms']);

    const { ms, errors } = await healedWithin(t, 60_000, [
      { variables: { query: '', filter: { themes: ['RESKILLING'] } }, found: [id] },
      { variables: { query: '学び直し' }, found: [id] },
    ]);
    process.stdout.write(`settings drifted → restored: ${ms} ms\n`);
    // A filter on an attribute the drift made unfilterable is SEARCH_UNAVAILABLE, not a 500.
    expect(errors.filter((code) => code !== 'SEARCH_UNAVAILABLE')).toEqual([]);
    await expectOurSettings(t);
  });
});

describe('healing step by step (shared engine, periodic check out of the way)', () => {
  let t: TestApp;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ env: { SEARCH_HEAL_INTERVAL_SECONDS: '3600' } });
    await seedMunicipalities(t, [TOYAMA]);
    ids = await insertCases(
      t,
      Array.from({ length: 60 }, (_, i) => ({
        key: `c${i}`,
        municipalityCode: TOYAMA,
        title: `ホタルイカ漁港のDX事例${i}号`,
        themes: [i % 2 ? 'RESKILLING' : 'DX_TALENT'] as Array<'RESKILLING' | 'DX_TALENT'>,
      })),
    );
    await indexSynced(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers SEARCH_UNAVAILABLE while it refills, and only one process heals at a time', async () => {
    const index = t.app.get(CaseIndex);
    const healer = t.app.get(CaseIndexHealer);
    expect(await healer.checkAndHeal()).toMatchObject({ action: 'none', diagnosis: { state: 'healthy' } });

    await index.drop(index.liveName);
    let during: Answer | undefined;
    let second: unknown;
    const outcome = await healer.checkAndHeal({
      pageSize: 10,
      beforeSwap: async () => {
        // Every case is in the build, not yet live: a search now must not answer "nothing".
        during = await ask(t, { query: 'ホタルイカ' });
        // Another process's check finds the rebuild lock taken and leaves it alone.
        second = await healer.checkAndHeal();
      },
    });
    expect(outcome).toMatchObject({
      action: 'healed',
      diagnosis: { state: 'missing' },
      rebuild: { documents: 60, swap: 'renamed' },
    });
    expect(during).toEqual({ ok: false, code: 'SEARCH_UNAVAILABLE' });
    expect(second).toEqual({ action: 'busy' });

    const after = await ask(t, { query: 'ホタルイカ', pageSize: 1 });
    expect(after.ok && after.result.totalHits).toBe(60);
    await expectOurSettings(t);
  });

  it('rebuilds an index that lost documents: aside while a few are missing, unavailable once most are', async () => {
    const index = t.app.get(CaseIndex);
    const healer = t.app.get(CaseIndexHealer);
    const live = index.meili.index(index.liveName);
    const total = async () => {
      const a = await ask(t, { query: 'ホタルイカ', pageSize: 1 });
      return a.ok ? a.result.totalHits : a.code;
    };

    // A few missing: the index keeps answering (what it has) until the rebuild is swapped in.
    await index.wait(live.deleteDocuments([ids.c0, ids.c1, ids.c2]));
    let during: number | string | undefined;
    let outcome = await healer.checkAndHeal({ beforeSwap: async () => void (during = await total()) });
    expect(outcome).toMatchObject({
      action: 'healed',
      diagnosis: { state: 'lost-documents', documents: 57, expected: 60, pending: 0 },
      rebuild: { swap: 'swapped' },
    });
    expect(during).toBe(57);
    expect(await total()).toBe(60);

    // Most gone (an engine that lost its data, the index re-created empty): never a silent partial answer.
    await index.wait(live.deleteAllDocuments());
    outcome = await healer.checkAndHeal({ beforeSwap: async () => void (during = await total()) });
    expect(outcome).toMatchObject({
      action: 'healed',
      diagnosis: { state: 'lost-documents', documents: 0, expected: 60, pending: 0 },
      rebuild: { swap: 'renamed' },
    });
    expect(during).toBe('SEARCH_UNAVAILABLE');
    expect(await total()).toBe(60);
  });

  it('heals once when two API processes notice at the same moment', async () => {
    // A second process: its own connection pool and engine client on the same database and index.
    const other = new DataSource({ type: 'postgres', url: t.databaseUrl });
    await other.initialize();
    const stack = createSearchStack(
      other,
      { url: t.config.MEILI_URL as string, apiKey: t.config.MEILI_MASTER_KEY },
      t.config,
    );
    try {
      const index = t.app.get(CaseIndex);
      await index.drop(index.liveName);
      const outcomes = await Promise.all([
        t.app.get(CaseIndexHealer).checkAndHeal(),
        stack.healer.checkAndHeal(),
      ]);
      const actions = outcomes.map((o) => o.action).sort();
      // The second either found the lock taken or, if it came after, a healthy index: never two rebuilds.
      expect(actions.filter((a) => a === 'healed')).toHaveLength(1);
      expect(actions.every((a) => ['healed', 'busy', 'none'].includes(a))).toBe(true);
      const after = await ask(t, { query: 'ホタルイカ', pageSize: 1 });
      expect(after.ok && after.result.totalHits).toBe(60);
      expect(await stack.index.staleBuilds()).toEqual([]);
    } finally {
      stack.close();
      await other.destroy();
    }
  });

  it('never lets a write create the index without its settings: the write heals it instead', async () => {
    const index = t.app.get(CaseIndex);
    await index.drop(index.liveName);
    // A write arrives before any check: Meilisearch would create the index on addDocuments, with
    // default settings (no Japanese locale, nothing filterable).
    const added = await insertCases(t, [
      { key: 'late', municipalityCode: TOYAMA, title: 'シロエビ漁のリスキリング', themes: ['RESKILLING'] },
    ]);
    const { errors } = await healedWithin(t, 30_000, [
      { variables: { query: 'シロエビ' }, found: [added.late] },
      { variables: { query: '', filter: { themes: ['DX_TALENT'] }, pageSize: 50 }, found: [ids.c0] },
    ]);
    expect(errors.filter((code) => code !== 'SEARCH_UNAVAILABLE')).toEqual([]);
    await expectOurSettings(t);
    await indexSynced(t);
    expect(await index.documentCount()).toBe(61);
  });
});
