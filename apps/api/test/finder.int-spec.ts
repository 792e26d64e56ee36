import { DataSource } from 'typeorm';
import { MunicipalityEntity } from '../src/modules/municipality/municipality.entity';
import { searchTextOf } from '../src/modules/municipality/municipality.repository';
import { createTestApp, type TestApp } from './test-app';
import {
  dataOf,
  indexSynced,
  insertCases,
  officerLogin,
  seedMunicipalities,
  type FixtureCase,
} from './search-fixtures';

jest.setTimeout(120_000);

/**
 * 先行事例ファインダー against the real engine: a fixed set of cases goes in through the writers' path, the
 * sync indexes them, and findPrecedents ranks them for 北見市 (北海道, 市, 10万〜30万人).
 */
const KITAMI = '012084'; // 北海道, CITY, 115k
const KUWANA = '242055'; // 三重県, CITY, 138k: same band and kind, far away
const YOKOHAMA = '141003'; // 神奈川県, DESIGNATED_CITY, 3.7M
const AOMORI_PREF = '020001'; // 青森県: a neighbouring prefecture
const OARAI = '083097'; // 茨城県 大洗町, 15k: in the register, not a member of the network

const DESCRIPTION = '大学を卒業した若者のUターン就職を増やし、地元企業で活躍してもらいたい';

const FIXTURES: FixtureCase[] = [
  {
    key: 'fitting',
    municipalityCode: KUWANA,
    title: '大学生のUターン就職を地元企業との交流会で後押し',
    summary: '市内出身の大学生と地元企業の若手社員が交流し、卒業後のUターン就職につなげた。',
    themes: ['TELEWORK_MIGRATION', 'YOUTH_EDUCATION'],
    targets: ['STUDENTS'],
  },
  {
    key: 'wordsOnly',
    municipalityCode: YOKOHAMA,
    title: '大学を卒業した若者のUターン就職を増やし地元企業で活躍してもらう職員研修の記録',
    summary: '大学を卒業した若者のUターン就職を増やす施策を題材に、職員が政策立案を学んだ。',
    themes: ['STAFF_DX'],
    targets: ['STAFF'],
  },
  {
    key: 'own',
    municipalityCode: KITAMI,
    title: '大学を卒業した若者のUターン就職を増やす北見の取り組み',
    themes: ['TELEWORK_MIGRATION'],
  },
  {
    key: 'membersOnly',
    municipalityCode: AOMORI_PREF,
    title: '若者のUターン就職と地元企業の採用を結ぶ県の合同説明会',
    themes: ['TELEWORK_MIGRATION'],
    visibility: 'MEMBERS',
  },
  {
    key: 'draft',
    municipalityCode: KUWANA,
    title: '若者のUターン就職を増やす下書き',
    themes: ['TELEWORK_MIGRATION'],
    status: 'DRAFT',
  },
];

const FIND = `query($input: FindPrecedentsInput!) {
  findPrecedents(input: $input) {
    score reasons
    parts { text population kind place themes adoption }
    caseStudy { id title adoptionCount municipality { code } }
  }
}`;

interface Match {
  score: number;
  reasons: string[];
  parts: Record<string, number>;
  caseStudy: { id: string; title: string; adoptionCount: number; municipality: { code: string } };
}

describe('findPrecedents', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let kitamiToken: string;

  const find = async (input: Record<string, unknown>, token?: string) =>
    dataOf(await t.gql<{ findPrecedents: Match[] }>(FIND, { input }, token)).findPrecedents;

  beforeAll(async () => {
    t = await createTestApp();
    await seedMunicipalities(t, [KITAMI, KUWANA]);
    const oarai = { name: '大洗町', kana: 'おおあらいまち', nameEn: 'Oarai' };
    await t.app
      .get(DataSource)
      .getRepository(MunicipalityEntity)
      .save({
        ...oarai,
        code: OARAI,
        prefectureCode: '08',
        kind: 'TOWN',
        population: 15_000,
        membershipStatus: null,
        joinedOn: null,
        searchText: searchTextOf(oarai),
      });
    ids = await insertCases(t, FIXTURES);
    await indexSynced(t);
    kitamiToken = await officerLogin(t, KITAMI);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('ranks a same-band, same-theme precedent above a closer text-only match, with reasons', async () => {
    const matches = await find({ description: DESCRIPTION, municipalityCode: KITAMI });
    const order = matches.map((m) => m.caseStudy.id);
    expect(order).toContain(ids.fitting);
    expect(order).toContain(ids.wordsOnly);
    expect(order.indexOf(ids.fitting)).toBeLessThan(order.indexOf(ids.wordsOnly));

    const fitting = matches.find((m) => m.caseStudy.id === ids.fitting) as Match;
    expect(fitting.reasons).toEqual(
      expect.arrayContaining([
        '同規模の自治体（10万〜30万人）',
        '同じ区分（市）',
        '共通のテーマ：テレワーク・移住・Uターン、学校・若者',
      ]),
    );
    const wordsOnly = matches.find((m) => m.caseStudy.id === ids.wordsOnly) as Match;
    // The text-only match really is the better text match: the profile is what lifts the other.
    expect(wordsOnly.parts.text).toBeGreaterThan(0);
    expect(wordsOnly.parts.population + wordsOnly.parts.kind + wordsOnly.parts.themes).toBe(0);
    expect(wordsOnly.reasons).toEqual(['説明文のことばとよく一致']);
    // A case that shares some of the words is not said to match them as well as one that has them all.
    expect(fitting.parts.text).toBeLessThan(wordsOnly.parts.text);
    expect(fitting.reasons[0]).toMatch(/^説明文のことばと(一部一致|の一致はわずか)$/);
    for (let i = 1; i < matches.length; i += 1)
      expect(matches[i - 1].score).toBeGreaterThanOrEqual(matches[i].score);
  });

  it('never returns the municipality’s own cases, drafts, or members-only cases to anonymous callers', async () => {
    const order = (await find({ description: DESCRIPTION, municipalityCode: KITAMI })).map(
      (m) => m.caseStudy.id,
    );
    expect(order).not.toContain(ids.own);
    expect(order).not.toContain(ids.draft);
    expect(order).not.toContain(ids.membersOnly);
  });

  it('fills the municipality in from a signed-in officer, and shows members-only cases to members', async () => {
    const matches = await find({ description: DESCRIPTION }, kitamiToken);
    const members = matches.find((m) => m.caseStudy.id === ids.membersOnly);
    expect(members?.reasons).toContain('近隣の県（青森県）');
    expect(matches.map((m) => m.caseStudy.id)).not.toContain(ids.own);
  });

  it('counts adoptions in the score and the reasons', async () => {
    // Two municipalities run the text-only case; it gains, within the cap.
    const dataSource = t.app.get(DataSource);
    await dataSource.query(
      `INSERT INTO adoptions (case_study_id, municipality_id, status)
       SELECT $1, id, 'ADOPTED' FROM municipalities WHERE code = ANY($2)`,
      [ids.wordsOnly, ['011002', '012041']],
    );
    const matches = await find({ description: DESCRIPTION, municipalityCode: KITAMI });
    const wordsOnly = matches.find((m) => m.caseStudy.id === ids.wordsOnly) as Match;
    expect(wordsOnly.caseStudy.adoptionCount).toBe(2);
    expect(wordsOnly.reasons).toContain('2自治体が横展開');
    expect(wordsOnly.parts.adoption).toBeGreaterThan(0);
  });

  it('adds the seeker’s profile focus themes to the description’s themes', async () => {
    const dataSource = t.app.get(DataSource);
    const before = (await find({ description: DESCRIPTION, municipalityCode: KITAMI })).find(
      (m) => m.caseStudy.id === ids.wordsOnly,
    ) as Match;
    expect(before.parts.themes).toBe(0);
    await dataSource.query(
      `INSERT INTO municipality_profiles (municipality_id, plan_links, focus_themes)
       SELECT id, '[]', '["STAFF_DX"]' FROM municipalities WHERE code = $1`,
      [KITAMI],
    );
    try {
      const after = (await find({ description: DESCRIPTION, municipalityCode: KITAMI })).find(
        (m) => m.caseStudy.id === ids.wordsOnly,
      ) as Match;
      expect(after.parts.themes).toBeGreaterThan(0);
      expect(after.score).toBeGreaterThan(before.score);
    } finally {
      await dataSource.query(`DELETE FROM municipality_profiles`);
    }
  });

  it('finds nothing for a description without a word to match (only emoji or punctuation), not every case', async () => {
    for (const description of ['🎌🎌🎌', '！？。…', '🙇‍♀️ ???']) {
      expect(await find({ description, municipalityCode: KITAMI })).toEqual([]);
    }
  });

  it('validates the input', async () => {
    const empty = await t.gql(FIND, { input: { description: '  ', municipalityCode: KITAMI } });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(String(empty.errors?.[0].extensions?.field)).toContain('description');
    const long = await t.gql(FIND, { input: { description: 'あ'.repeat(2001), municipalityCode: KITAMI } });
    expect(long.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badDigit = await t.gql(FIND, { input: { description: DESCRIPTION, municipalityCode: '012085' } });
    expect(badDigit.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(String(badDigit.errors?.[0].extensions?.field)).toContain('municipalityCode');
    const unknown = await t.gql(FIND, { input: { description: DESCRIPTION, municipalityCode: '132047' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.municipalityCode',
    });
    const band = await t.gql(FIND, { input: { description: DESCRIPTION, populationBand: 'HUGE' } });
    expect(band.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const pref = await t.gql(FIND, { input: { description: DESCRIPTION, prefectureCode: '48' } });
    expect(pref.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String(pref.errors?.[0].extensions?.field)).toContain('prefectureCode');
  });

  it('searches as any municipality of the register, member or not', async () => {
    const matches = await find({ description: DESCRIPTION, municipalityCode: OARAI });
    expect(matches.map((m) => m.caseStudy.id)).toContain(ids.fitting);
    const fitting = matches.find((m) => m.caseStudy.id === ids.fitting) as Match;
    // 大洗町 (町, 1万〜5万人, 茨城県) shares neither size, kind nor prefecture with 桑名市.
    expect(fitting.parts.population + fitting.parts.kind + fitting.parts.place).toBe(0);
  });

  it('searches by size and prefecture only, for a visitor who does not name the municipality', async () => {
    const matches = await find({
      description: DESCRIPTION,
      populationBand: 'FROM_100K_TO_300K',
      prefectureCode: '24',
    });
    const fitting = matches.find((m) => m.caseStudy.id === ids.fitting) as Match;
    expect(fitting.reasons).toEqual(
      expect.arrayContaining(['同規模の自治体（10万〜30万人）', '同じ県（三重県）']),
    );
    expect(fitting.parts.kind).toBe(0);
    expect(matches[0].caseStudy.id).toBe(ids.fitting);
    // Nobody is named, so no municipality's cases are left out as "its own".
    expect(matches.map((m) => m.caseStudy.id)).toContain(ids.own);
  });

  it('reads the population and kind stated in the description when no municipality is given', async () => {
    const matches = await find({ description: `人口12万人の市です。${DESCRIPTION}` });
    const fitting = matches.find((m) => m.caseStudy.id === ids.fitting) as Match;
    expect(fitting.reasons).toEqual(
      expect.arrayContaining(['同規模の自治体（10万〜30万人）', '同じ区分（市）']),
    );
    // Without a stated profile, an anonymous search ranks by the words and themes alone.
    const plain = await find({ description: DESCRIPTION });
    expect(plain.length).toBeGreaterThan(0);
    for (const m of plain) expect(m.parts.population + m.parts.kind + m.parts.place).toBe(0);
    // A size given in the form wins over the text; the kind still comes from the text.
    const given = await find({
      description: `人口3万人の市です。${DESCRIPTION}`,
      populationBand: 'FROM_100K_TO_300K',
    });
    const fromForm = given.find((m) => m.caseStudy.id === ids.fitting) as Match;
    expect(fromForm.reasons).toEqual(
      expect.arrayContaining(['同規模の自治体（10万〜30万人）', '同じ区分（市）']),
    );
  });

  it('finds existing cases like a case being written, the officer’s own municipality included', async () => {
    const LIKE = `query($input: CasesLikeDraftInput!) { casesLikeDraft(input: $input) { id } }`;
    const kuwana = await officerLogin(t, KUWANA);
    const draft = { title: '大学生のUターン就職を後押しする交流会', themes: ['TELEWORK_MIGRATION'] };
    const res = dataOf(
      await t.gql<{ casesLikeDraft: Array<{ id: string }> }>(LIKE, { input: draft }, kuwana),
    );
    const found = res.casesLikeDraft.map((c) => c.id);
    expect(found[0]).toBe(ids.fitting);
    expect(found).not.toContain(ids.wordsOnly); // another theme
    expect(found).not.toContain(ids.draft);
    const anonymous = await t.gql(LIKE, { input: draft });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
