import { SYNONYM_GROUPS } from '@yokoten/case-studies';
import { CaseIndex } from '../src/search/case-index';
import { createTestApp, type TestApp } from './test-app';
import {
  dataOf,
  indexSynced,
  insertCases,
  officerLogin,
  search,
  seedMunicipalities,
  type FixtureCase,
  type SearchResult,
} from './search-fixtures';

jest.setTimeout(120_000);

/**
 * Japanese search quality against the real engine: fixtures go in through the writers' path (row and
 * outbox job in one transaction), the API's sync indexes them, and every assertion is a GraphQL search.
 */
const KITAKYUSHU = '401005';
const KAGA = '172065';
const KITAMI = '012084';
const EDOGAWA = '131237';
const HIROSHIMA_PREF = '340006';
const TOTTORI_CITY = '312011';

const synonymFixtures: FixtureCase[] = SYNONYM_GROUPS.flatMap((group, g) =>
  group.map((term, i) => ({
    key: `syn-${g}-${i}`,
    municipalityCode: TOTTORI_CITY,
    title: `${term}の取り組み`,
    summary: '市の事業として実施した。',
    body: '担当課が企画し、外部の専門家と実施した。',
    tags: [],
  })),
);

const FIXTURES: FixtureCase[] = [
  {
    key: 'kanji',
    municipalityCode: KITAKYUSHU,
    title: 'ものづくり企業向け講座',
    summary: '市内企業の経営層と社員を対象に、DX人材育成講座を開講した。',
    body: '## 取り組み\n\n- DX人材育成講座を年3回開講\n- 修了者の社内プロジェクトを伴走支援',
    themes: ['DX_TALENT', 'SME_DX'],
    targets: ['COMPANIES', 'EXECUTIVES'],
    fiscalYears: [2023, 2024],
    budgetYen: 30_000_000,
    tags: ['講座'],
    publishedAt: '2024-05-01T10:00:00+09:00',
  },
  {
    key: 'katakana',
    municipalityCode: KAGA,
    title: 'サテライトオフィスとハッカソンで若者を呼び込む',
    summary: '空き店舗をサテライトオフィスに改装し、学生向けハッカソンを開いた。',
    themes: ['BUSINESS_ATTRACTION', 'YOUTH_EDUCATION'],
    targets: ['STUDENTS', 'COMPANIES'],
    fiscalYears: [2022],
    budgetYen: 5_000_000,
    publishedAt: '2023-01-10T10:00:00+09:00',
  },
  {
    key: 'kitami',
    municipalityCode: KITAMI,
    title: '鮭モデルによる人材還流',
    summary: '進学で市外に出た若者が戻ってくる仕組みをつくった。',
    themes: ['TELEWORK_MIGRATION'],
    targets: ['CITIZENS', 'STUDENTS'],
    fiscalYears: [2021, 2022, 2023],
    budgetYen: null,
    publishedAt: '2022-07-01T10:00:00+09:00',
  },
  {
    key: 'typo',
    municipalityCode: HIROSHIMA_PREF,
    title: 'Reskilling programme for manufacturing staff',
    summary: 'A programming and reskilling programme run with local universities.',
    themes: ['RESKILLING'],
    targets: ['COMPANIES'],
    fiscalYears: [2025],
    budgetYen: 80_000_000,
    publishedAt: '2025-06-01T10:00:00+09:00',
  },
  {
    key: 'members',
    municipalityCode: EDOGAWA,
    title: '職員向けローコード研修（会員限定）',
    summary: '全職員を対象にローコードツールの研修を行い、業務アプリを内製した。',
    themes: ['STAFF_DX', 'DX_TALENT'],
    targets: ['STAFF'],
    tags: ['講座', 'ローコード'],
    fiscalYears: [2024],
    visibility: 'MEMBERS',
    publishedAt: '2024-09-01T10:00:00+09:00',
  },
  {
    key: 'public-twin',
    municipalityCode: EDOGAWA,
    title: '職員向けローコード研修の公開版',
    summary: '全職員を対象にローコードツールの研修を行った。',
    themes: ['STAFF_DX', 'DX_TALENT'],
    targets: ['STAFF'],
    tags: ['講座', 'ローコード'],
    fiscalYears: [2024],
    publishedAt: '2024-08-01T10:00:00+09:00',
  },
  {
    key: 'escape',
    municipalityCode: EDOGAWA,
    title: 'タグ<script>の扱い & "引用"',
    summary: '見出しに記号を含む事例。',
    themes: ['STAFF_DX'],
    publishedAt: '2021-04-01T10:00:00+09:00',
  },
  {
    key: 'draft',
    municipalityCode: KITAKYUSHU,
    title: '下書きのゼブラフィッシュ計画',
    status: 'DRAFT',
  },
  ...synonymFixtures,
];

describe('searchCaseStudies: Japanese search quality', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let memberToken: string;
  const idsOf = (r: SearchResult) => r.hits.map((h) => h.caseStudy.id);
  const find = (query: string, extra: Record<string, unknown> = {}, token?: string) =>
    search(t, { query, pageSize: 50, ...extra }, token);

  beforeAll(async () => {
    t = await createTestApp();
    await seedMunicipalities(t, [KITAKYUSHU]);
    ids = await insertCases(t, FIXTURES);
    await indexSynced(t);
    memberToken = await officerLogin(t, KITAKYUSHU);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('tokenises kanji-only queries as Japanese: 人材育成 finds "DX人材育成講座"', async () => {
    const r = await find('人材育成');
    expect(idsOf(r)).toContain(ids.kanji);
    const hit = r.hits.find((h) => h.caseStudy.id === ids.kanji);
    // 人材 and 育成 are the engine's words; side by side they make one mark.
    expect(hit?.highlights?.summary).toMatch(/<mark>人材(育成)?<\/mark>/);
    expect(r.relaxed).toBe(false);
  });

  it('finds katakana text with a hiragana query', async () => {
    expect(idsOf(await find('さてらいとおふぃす'))).toContain(ids.katakana);
    expect(idsOf(await find('はっかそん'))).toContain(ids.katakana);
    expect(idsOf(await find('ハッカソン'))).toContain(ids.katakana);
  });

  it('finds municipalities by their reading in hiragana or katakana', async () => {
    for (const q of ['きたきゅうしゅう', 'キタキュウシュウ', 'ｷﾀｷｭｳｼｭｳ'])
      expect(idsOf(await find(q))).toContain(ids.kanji);
    for (const q of ['かがし', 'カガシ', 'かが', 'カガ'])
      expect(idsOf(await find(q))).toContain(ids.katakana);
  });

  it('normalises full-width input: ＤＸ finds DX', async () => {
    const r = await find('ＤＸ');
    expect(r.query).toBe('DX');
    expect(idsOf(r)).toContain(ids.kanji);
    expect(idsOf(await find('ＤＸ人材育成'))).toContain(ids.kanji);
  });

  it.each(SYNONYM_GROUPS.map((group, g) => [group.join(' ↔ '), g] as const))(
    'synonyms work both ways: %s',
    async (_name, g) => {
      const group = SYNONYM_GROUPS[g];
      const groupIds = group.map((_, i) => ids[`syn-${g}-${i}`]);
      for (const term of group) {
        const found = idsOf(await find(term));
        // Every case of the group, whichever member it spells, is found by every member.
        expect({ term, missing: groupIds.filter((id) => !found.includes(id)) }).toEqual({
          term,
          missing: [],
        });
      }
    },
  );

  it('needs synonymTerms: the engine’s own synonyms miss kanji-only entries (Meilisearch 1.21)', async () => {
    // Why documents carry the synonyms they mention (libs/case-studies/src/search/synonyms.ts): the engine
    // stores the synonyms verbatim but tokenises them without the index locale, so kanji-only entries are
    // read as Chinese and never meet Japanese-tokenised text. If an upgrade fixes this, this test says so.
    const meili = t.app.get(CaseIndex).meili;
    const uid = `${t.config.MEILI_INDEX_PREFIX}synonym_probe`;
    const probe = meili.index(uid);
    await meili.createIndex(uid, { primaryKey: 'id' }).waitTask();
    await probe
      .updateSettings({
        localizedAttributes: [{ attributePatterns: ['*'], locales: ['jpn'] }],
        synonyms: { 地元回帰: ['Uターン'], Uターン: ['地元回帰'], DX: ['デジタルトランスフォーメーション'] },
      })
      .waitTask();
    await probe
      .addDocuments([
        { id: 'a', text: '地元回帰の支援' },
        { id: 'b', text: 'Uターンの支援' },
        { id: 'c', text: 'デジタルトランスフォーメーションの推進' },
      ])
      .waitTask();
    const stored = await probe.getSynonyms();
    expect(stored['地元回帰']).toEqual(['Uターン']); // stored as given…
    const hits = async (q: string) =>
      (await probe.search(q, { locales: ['jpn'] })).hits.map((h) => h.id as string).sort();
    expect(await hits('DX')).toEqual(['c']); // …Latin/katakana entries work natively…
    expect(await hits('Uターン')).toEqual(['b']); // …but the kanji side never matches,
    expect(await hits('地元回帰')).toEqual(['a']); // in either direction.
    await meili.deleteIndex(uid).waitTask();
  });

  it('tolerates a typo in a long Latin word', async () => {
    expect(idsOf(await find('reskiling'))).toContain(ids.typo);
    expect(idsOf(await find('programing'))).toContain(ids.typo);
    expect(idsOf(await find('manufacturng'))).toContain(ids.typo);
  });

  it('is not broken by particles (stop words)', async () => {
    expect(idsOf(await find('人材育成の'))).toContain(ids.kanji);
    expect(idsOf(await find('DXの人材'))).toContain(ids.kanji);
    expect(idsOf(await find('市内企業から'))).toContain(ids.kanji);
    // Only particles: answers (everything or nothing), never an error.
    for (const q of ['の', 'の は が', 'から まで']) {
      const r = await find(q);
      expect(r.totalHits).toBeGreaterThanOrEqual(0);
    }
  });

  it('reads an emoji or symbol in a query as a word separator: 「😀 DX人材」 finds what 「DX人材」 finds', async () => {
    const plain = await find('DX人材');
    expect(idsOf(plain)).toContain(ids.kanji);
    for (const q of ['😀 DX人材', 'DX人材 😀', '👩‍💻DX人材', '★DX人材']) {
      const r = await find(q);
      // Before: 0 hits for a leading emoji (every word required, the looser retry kept the first one).
      expect({ q, query: r.query, relaxed: r.relaxed, ids: idsOf(r) }).toEqual({
        q,
        query: 'DX人材',
        relaxed: false,
        ids: idsOf(plain),
      });
    }
  });

  it('reads punctuation as a word separator: 「DX～」 and 「【DX】」 find what 「DX」 finds', async () => {
    const plain = await find('DX');
    expect(plain.totalHits).toBeGreaterThan(1);
    for (const q of ['DX～', '【DX】', 'DX！', '「DX」', '#DX', '-DX']) {
      const r = await find(q);
      expect({ q, query: r.query, total: r.totalHits, ids: idsOf(r) }).toEqual({
        q,
        query: 'DX',
        total: plain.totalHits,
        ids: idsOf(plain),
      });
    }
    expect(idsOf(await find('DX・人材育成'))).toEqual(idsOf(await find('DX 人材育成')));
    expect(idsOf(await find('DX・人材育成'))).toContain(ids.kanji);
  });

  it('finds a word with an invisible zero-width character (U+200B, U+FEFF, U+2060) inside it', async () => {
    const plain = await find('DX');
    for (const q of ['D\u200bX', '\u200bDX\ufeff', 'D\u2060X']) {
      const r = await find(q);
      expect({ q, query: r.query, ids: idsOf(r) }).toEqual({ q, query: 'DX', ids: idsOf(plain) });
    }
    const kanji = await find('人材\u200b育成');
    expect(kanji.query).toBe('人材育成');
    expect(idsOf(kanji)).toEqual(idsOf(await find('人材育成')));
    expect(idsOf(kanji)).toContain(ids.kanji);
  });

  it('answers a query of particles alone (「の」) as the empty query, not by prefix', async () => {
    const empty = await find('');
    expect(empty.totalHits).toBeGreaterThan(1);
    for (const q of ['の', 'の は が', 'から まで', 'の！', '😀']) {
      const r = await find(q);
      expect({ q, query: r.query, total: r.totalHits, ids: idsOf(r), facets: r.facets }).toEqual({
        q,
        query: '',
        total: empty.totalHits,
        ids: idsOf(empty),
        facets: empty.facets,
      });
      expect(JSON.stringify(r.hits.map((h) => h.highlights))).not.toContain('<mark>');
    }
    // A particle standing alone after a word is left out too (the engine read it as a prefix).
    const dx = await find('DX の');
    expect(dx.query).toBe('DX');
    expect(idsOf(dx)).toEqual(idsOf(await find('DX')));
  });

  it('highlights the word of 「【DX】」 in a hit, as for 「DX」', async () => {
    const r = await find('【DX】');
    const hit = r.hits.find((h) => h.caseStudy.id === ids.kanji);
    expect(hit?.highlights?.summary).toContain('<mark>DX</mark>');
    expect(hit?.highlights?.summary).not.toMatch(/【|】/);
    const plain = (await find('DX')).hits.find((h) => h.caseStudy.id === ids.kanji);
    expect(hit?.highlights).toEqual(plain?.highlights);
  });

  it('relaxes a multi-word query that matches nothing, and says so', async () => {
    const r = await find('サテライトオフィス 存在しない語句ぷるるん');
    expect(r.relaxed).toBe(true);
    expect(idsOf(r)).toContain(ids.katakana);
    const strict = await find('サテライトオフィス');
    expect(strict.relaxed).toBe(false);
  });

  it('highlights what matched however it was typed: kana, width, a typo, a synonym', async () => {
    const titleOf = async (query: string, key: string) =>
      (await find(query)).hits.find((h) => h.caseStudy.id === ids[key])?.highlights?.title;
    expect(await titleOf('さてらいとおふぃす', 'katakana')).toContain('<mark>サテライトオフィス</mark>');
    expect(await titleOf('ﾊｯｶｿﾝ', 'katakana')).toContain('<mark>ハッカソン</mark>');
    expect(await titleOf('reskiling', 'typo')).toBe(
      '<mark>Reskilling</mark> programme for manufacturing staff',
    );
    // 学び直し is a synonym of リスキリング / reskilling: the case found through it shows why.
    expect(await titleOf('学び直し', 'typo')).toContain('<mark>Reskilling</mark>');
    // Without a query there is nothing to mark, and the text is still safe HTML.
    const all = await find('');
    expect(all.hits.every((h) => !JSON.stringify(h.highlights).includes('<mark>'))).toBe(true);
  });

  it('returns highlights as safe HTML with <mark> only', async () => {
    const r = await find('記号');
    const hit = r.hits.find((h) => h.caseStudy.id === ids.escape);
    expect(hit?.highlights?.title).toBe('タグ&lt;script&gt;の扱い &amp; &quot;引用&quot;');
    expect(hit?.highlights?.summary).toContain('<mark>記号</mark>');
    for (const h of r.hits) {
      for (const v of Object.values(h.highlights ?? {})) expect(v).not.toMatch(/<(?!\/?mark>)/);
    }
  });

  it('crops the body to a snippet of about 100–150 characters around the match', async () => {
    const long = await insertCases(t, [
      {
        key: 'long',
        municipalityCode: KITAKYUSHU,
        title: '長い本文の事例',
        body: `${'市内の事業者を訪ね、現場の課題を聞き取り、解決策を一緒に考える活動を続けた。'.repeat(20)}その中でカワセミ通信という広報紙を発行した。${'地域の金融機関や大学とも連携し、支援の輪を広げていった。'.repeat(20)}`,
      },
    ]);
    await indexSynced(t);
    const r = await find('カワセミ通信');
    const hit = r.hits.find((h) => h.caseStudy.id === long.long);
    const body = hit?.highlights?.body ?? '';
    expect(body).toContain('<mark>');
    const text = body.replace(/<\/?mark>/g, '');
    expect(text.startsWith('…')).toBe(true);
    expect(text.length).toBeGreaterThanOrEqual(80);
    expect(text.length).toBeLessThanOrEqual(200);
  });

  it('never shows MEMBERS cases to anonymous callers, in search or in similar cases', async () => {
    const anon = await find('ローコード');
    expect(idsOf(anon)).toContain(ids['public-twin']);
    expect(idsOf(anon)).not.toContain(ids.members);
    expect(anon.hits.every((h) => h.caseStudy.visibility === 'PUBLIC')).toBe(true);
    const member = await find('ローコード', {}, memberToken);
    expect(idsOf(member)).toEqual(expect.arrayContaining([ids.members, ids['public-twin']]));

    const all = await search(t, { pageSize: 50 });
    expect(all.hits.every((h) => h.caseStudy.visibility === 'PUBLIC')).toBe(true);

    const SIMILAR =
      'query($id: ID!, $limit: Int) { similarCaseStudies(id: $id, limit: $limit) { id visibility } }';
    type Similar = { similarCaseStudies: Array<{ id: string; visibility: string }> };
    const anonSimilar = dataOf(
      await t.gql<Similar>(SIMILAR, { id: ids['public-twin'], limit: 20 }),
    ).similarCaseStudies;
    expect(anonSimilar.map((c) => c.id)).not.toContain(ids.members);
    expect(anonSimilar.map((c) => c.id)).not.toContain(ids['public-twin']);
    expect(anonSimilar.every((c) => c.visibility === 'PUBLIC')).toBe(true);
    const memberSimilar = dataOf(
      await t.gql<Similar>(SIMILAR, { id: ids['public-twin'], limit: 5 }, memberToken),
    ).similarCaseStudies;
    expect(memberSimilar[0]?.id).toBe(ids.members);
    // The MEMBERS case itself: nothing for an anonymous caller, as if it did not exist.
    expect(dataOf(await t.gql<Similar>(SIMILAR, { id: ids.members })).similarCaseStudies).toEqual([]);
  });

  it('never finds drafts', async () => {
    expect((await find('ゼブラフィッシュ', {}, memberToken)).totalHits).toBe(0);
  });

  it('counts facets exactly: each count equals the hits of a search filtered by that value', async () => {
    const r = await search(t, { pageSize: 1 });
    const byField = Object.fromEntries(r.facets.map((f) => [f.field, f.values]));
    expect(Object.keys(byField).sort()).toEqual(
      ['fiscalYear', 'municipalityKind', 'populationBand', 'prefecture', 'stage', 'targets', 'themes'].sort(),
    );
    const filterFor: Record<string, (v: string) => Record<string, unknown>> = {
      themes: (v) => ({ themes: [v] }),
      targets: (v) => ({ targets: [v] }),
      prefecture: (v) => ({ prefectureCodes: [v] }),
      populationBand: (v) => ({ populationBands: [v] }),
      municipalityKind: (v) => ({ municipalityKinds: [v] }),
      fiscalYear: (v) => ({ fiscalYearFrom: Number(v), fiscalYearTo: Number(v) }),
      stage: (v) => ({ stages: [v] }),
    };
    for (const [field, values] of Object.entries(byField)) {
      expect(values.length).toBeGreaterThan(0);
      for (const { value, count } of values.slice(0, 4)) {
        const filtered = await search(t, { pageSize: 1, filter: filterFor[field](value) });
        expect({ field, value, count: filtered.totalHits }).toEqual({ field, value, count });
      }
    }
    // With a query too.
    const q = await search(t, { query: 'ローコード', pageSize: 1 }, memberToken);
    const themes = q.facets.find((f) => f.field === 'themes')?.values ?? [];
    expect(themes.find((v) => v.value === 'STAFF_DX')?.count).toBe(q.totalHits);
  });

  it('filters by every field of CaseStudyFilter', async () => {
    const check = async (
      filter: Record<string, unknown>,
      ok: (h: SearchResult['hits'][number]) => boolean,
    ) => {
      const r = await search(t, { filter, pageSize: 50 });
      expect(r.totalHits).toBeGreaterThan(0);
      expect(r.hits.every(ok)).toBe(true);
      return r;
    };
    await check({ themes: ['YOUTH_EDUCATION'] }, (h) => h.caseStudy.themes.includes('YOUTH_EDUCATION'));
    await check({ targets: ['EXECUTIVES'] }, (h) => h.caseStudy.targets.includes('EXECUTIVES'));
    await check({ prefectureCodes: ['01'] }, (h) => h.caseStudy.municipality.prefecture.code === '01');
    await check(
      { populationBands: ['OVER_1M'] },
      (h) => (h.caseStudy.municipality.population ?? 0) >= 1_000_000,
    );
    await check({ municipalityKinds: ['SPECIAL_WARD'] }, (h) => h.caseStudy.municipality.code === EDOGAWA);
    await check({ municipalityCode: KAGA }, (h) => h.caseStudy.municipality.code === KAGA);
    await check(
      { budgetYenMax: 5_000_000 },
      (h) => h.caseStudy.budgetYen !== null && h.caseStudy.budgetYen <= 5_000_000,
    );
    const years = await check({ fiscalYearFrom: 2022, fiscalYearTo: 2022 }, (h) =>
      h.caseStudy.fiscalYears.includes(2022),
    );
    expect(years.hits.map((h) => h.caseStudy.id)).toEqual(expect.arrayContaining([ids.katakana, ids.kitami]));
    await check({ fiscalYearFrom: 2025 }, (h) => h.caseStudy.fiscalYears.some((y) => y >= 2025));
    await check({ fiscalYearTo: 2021 }, (h) => h.caseStudy.fiscalYears.some((y) => y <= 2021));
    // Combined, with a query.
    const r = await search(t, { query: '講座', filter: { themes: ['SME_DX'], prefectureCodes: ['40'] } });
    expect(r.hits.map((h) => h.caseStudy.id)).toEqual([ids.kanji]);
  });

  it('sorts by newest, budget and population', async () => {
    const sorted = async (sort: string) =>
      (await search(t, { sort, pageSize: 50 })).hits.map((h) => h.caseStudy);
    const newest = await sorted('NEWEST');
    const times = newest.map((c) => Date.parse(c.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const budget = (await sorted('BUDGET_ASC'))
      .map((c) => c.budgetYen)
      .filter((b): b is number => b !== null);
    expect(budget).toEqual([...budget].sort((a, b) => a - b));
    const population = (await sorted('POPULATION_ASC')).map((c) => c.municipality.population ?? Infinity);
    expect(population).toEqual([...population].sort((a, b) => a - b));
  });

  it('pages with an exact total', async () => {
    const first = await search(t, { page: 1, pageSize: 5 });
    const second = await search(t, { page: 2, pageSize: 5 });
    expect(first.totalHits).toBe(second.totalHits);
    expect(first.totalPages).toBe(Math.ceil(first.totalHits / 5));
    expect(first.hits).toHaveLength(5);
    const overlap = first.hits.filter((h) => second.hits.some((s) => s.caseStudy.id === h.caseStudy.id));
    expect(overlap).toEqual([]);
  });

  it.each([
    [{ pageSize: 51 }, 'pageSize'],
    [{ pageSize: 0 }, 'pageSize'],
    [{ page: 0 }, 'page'],
    [{ filter: { themes: ['NOT_A_THEME'] } }, 'filter'],
    [{ filter: { prefectureCodes: ['48'] } }, 'filter.prefectureCodes'],
    [{ filter: { municipalityCode: '401006' } }, 'filter.municipalityCode'],
    [{ filter: { fiscalYearFrom: 2025, fiscalYearTo: 2024 } }, 'filter.fiscalYearTo'],
    [{ filter: { budgetYenMax: -1 } }, 'filter.budgetYenMax'],
    [{ query: 'あ'.repeat(201) }, 'query'],
  ])('rejects %j as BAD_USER_INPUT naming %s', async (variables, field) => {
    const res = await t.gql(
      'query($query: String, $filter: CaseStudyFilter, $page: Int, $pageSize: Int) { searchCaseStudies(query: $query, filter: $filter, page: $page, pageSize: $pageSize) { totalHits } }',
      variables,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(String(res.errors?.[0]?.extensions?.field)).toContain(field);
  });

  it('refuses a query with a lone UTF-16 surrogate as BAD_USER_INPUT naming query, not a server error', async () => {
    const res = await t.gql('query($query: String) { searchCaseStudies(query: $query) { totalHits } }', {
      query: 'DX\ud800',
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('answers a valid query that NFKC lengthens past the cap without cutting a character in half', async () => {
    // ㌀ becomes アパート (4 characters): the cap then falls between the two halves of the emoji.
    const query = '㌀' + 'a'.repeat(195) + '😀';
    expect(query.length).toBeLessThanOrEqual(200);
    const res = await t.gql('query($query: String) { searchCaseStudies(query: $query) { totalHits } }', {
      query,
    });
    expect(res.errors).toBeUndefined();
  });

  it('cannot be steered by filter syntax in input', async () => {
    const r = await search(t, { query: '" OR visibility = "MEMBERS', pageSize: 50 });
    expect(r.hits.every((h) => h.caseStudy.visibility === 'PUBLIC')).toBe(true);
  });
});
