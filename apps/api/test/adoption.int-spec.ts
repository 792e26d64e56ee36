import { DataSource } from 'typeorm';
import { MailService } from '../src/modules/mail/mail.service';
import { requestStatements } from './query-count';
import { createTestApp, type TestApp } from './test-app';
import {
  dataOf,
  eventually,
  indexSynced,
  insertCases,
  officerLogin,
  seedMunicipalities,
} from './search-fixtures';

jest.setTimeout(120_000);

/**
 * 横展開 over GraphQL: records per (case, municipality) with a timeline, counts that count only piloting
 * and running, the chain of spread through the followers' own cases (cycles cut), and who may record.
 */
const KITAMI = '012084'; // publisher of the original case
const TONO = '032085';
const KUWANA = '242055';
const OKINAWA = '470007';
const KAGA = '172065'; // made an applicant below: not a member
const ORGANISER_EMAIL = 'organiser@adoption.example';

const RECORD = `mutation($caseStudyId: ID!, $input: RecordAdoptionInput!) {
  recordAdoption(caseStudyId: $caseStudyId, input: $input) {
    id status statusLabel note adaptation outcome
    municipality { code }
    adopterCaseStudy { id }
    timeline { status statusLabel changedFields }
  }
}`;

const CASE = `query($id: ID!) {
  caseStudy(id: $id) {
    id adoptionCount
    adoptions { status note municipality { code } adopterCaseStudy { id } }
    adoptedFrom { caseStudy { id } municipality { code } }
    spreadChain(maxDepth: 10) { depth fromCaseStudyId adoption { municipality { code } adopterCaseStudy { id } } }
  }
}`;

interface CaseView {
  id: string;
  adoptionCount: number;
  adoptions: Array<{ status: string; note: string | null; municipality: { code: string } }>;
  adoptedFrom: Array<{ caseStudy: { id: string } | null; municipality: { code: string } }>;
  spreadChain: Array<{
    depth: number;
    fromCaseStudyId: string;
    adoption: { municipality: { code: string }; adopterCaseStudy: { id: string } | null };
  }>;
}

describe('adoptions (横展開)', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};

  const record = (caseStudyId: string, input: Record<string, unknown>, token?: string) =>
    t.gql<{ recordAdoption: Record<string, unknown> }>(RECORD, { caseStudyId, input }, token);
  const view = async (id: string, token?: string) =>
    dataOf(await t.gql<{ caseStudy: CaseView }>(CASE, { id }, token)).caseStudy;

  beforeAll(async () => {
    t = await createTestApp();
    await seedMunicipalities(t, [KITAMI, TONO, KUWANA, OKINAWA, KAGA]);
    const dataSource = t.app.get(DataSource);
    await dataSource.query(`UPDATE municipalities SET membership_status = 'APPLICANT' WHERE code = $1`, [
      KAGA,
    ]);
    await dataSource.query(
      `INSERT INTO users (email, name, role, password_hash)
       SELECT $1, '事務局', 'ORGANISER', password_hash FROM users LIMIT 1`,
      [ORGANISER_EMAIL],
    );
    ids = await insertCases(t, [
      {
        key: 'salmon',
        municipalityCode: KITAMI,
        title: '「サケモデル」でUターン人材を育てる',
        themes: ['TELEWORK_MIGRATION'],
      },
      {
        key: 'tonoOwn',
        municipalityCode: TONO,
        title: '遠野版サケモデル：高校生の地元回帰',
        themes: ['YOUTH_EDUCATION'],
      },
      {
        key: 'kuwanaOwn',
        municipalityCode: KUWANA,
        title: '桑名版のUターン支援',
        themes: ['TELEWORK_MIGRATION'],
      },
      {
        key: 'okinawaOwn',
        municipalityCode: OKINAWA,
        title: '沖縄県のUターン人材還流',
        themes: ['TELEWORK_MIGRATION'],
      },
      { key: 'kitamiDraft', municipalityCode: KITAMI, title: '北見の下書き', status: 'DRAFT' },
    ]);
    for (const code of [KITAMI, TONO, KUWANA, OKINAWA, KAGA]) tokens[code] = await officerLogin(t, code);
    tokens.organiser = await t.login(ORGANISER_EMAIL, 'search-spec-password');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('records, then updates one record per municipality with a timeline; only piloting and running count', async () => {
    const first = dataOf(
      await record(ids.salmon, { status: 'CONSIDERING', note: '高校生向けに検討中' }, tokens[TONO]),
    ).recordAdoption;
    expect(first).toMatchObject({
      status: 'CONSIDERING',
      statusLabel: '検討中',
      municipality: { code: TONO },
    });
    expect((await view(ids.salmon)).adoptionCount).toBe(0);

    const second = dataOf(
      await record(
        ids.salmon,
        { status: 'ADOPTED', adaptation: '大学の代わりに地元高校と連携', adopterCaseStudyId: ids.tonoOwn },
        tokens[TONO],
      ),
    ).recordAdoption;
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({
      status: 'ADOPTED',
      note: '高校生向けに検討中',
      adaptation: '大学の代わりに地元高校と連携',
      adopterCaseStudy: { id: ids.tonoOwn },
    });
    expect(second.timeline).toEqual([
      { status: 'CONSIDERING', statusLabel: '検討中', changedFields: ['status', 'note'] },
      {
        status: 'ADOPTED',
        statusLabel: '導入済み',
        changedFields: ['status', 'adaptation', 'adopterCaseStudyId'],
      },
    ]);
    // The same values again: no new step.
    const same = dataOf(await record(ids.salmon, { status: 'ADOPTED' }, tokens[TONO])).recordAdoption;
    expect(same.timeline).toHaveLength(2);

    dataOf(
      await record(ids.salmon, { status: 'PILOTING', adopterCaseStudyId: ids.kuwanaOwn }, tokens[KUWANA]),
    );
    const salmon = await view(ids.salmon, tokens[KITAMI]);
    expect(salmon.adoptionCount).toBe(2);
    expect(salmon.adoptions.map((a) => [a.municipality.code, a.status])).toEqual([
      [TONO, 'ADOPTED'],
      [KUWANA, 'PILOTING'],
    ]);
    const rows = (await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM adoptions WHERE case_study_id = $1 AND status IN ('PILOTING','ADOPTED')`,
        [ids.salmon],
      )) as Array<{ n: number }>;
    expect(salmon.adoptionCount).toBe(rows[0].n);
  });

  it('tells the publisher by mail after the commit', async () => {
    const mail = t.app.get(MailService);
    const sent = await eventually(
      async () => mail.recent().filter((m) => m.kind === 'adoption'),
      (list) => list.length >= 3,
    );
    expect(sent[0].to).toEqual([`officer.${KITAMI}@search.example`]);
    expect(sent[0].subject).toContain('遠野市');
  });

  it('follows the chain of spread through the followers’ own cases, and cuts cycles', async () => {
    // 沖縄県 follows 遠野市's own case, and 北見市 follows 沖縄県's, linking its original: a cycle.
    dataOf(
      await record(ids.tonoOwn, { status: 'ADOPTED', adopterCaseStudyId: ids.okinawaOwn }, tokens[OKINAWA]),
    );
    dataOf(
      await record(ids.okinawaOwn, { status: 'PILOTING', adopterCaseStudyId: ids.salmon }, tokens[KITAMI]),
    );
    const salmon = await view(ids.salmon, tokens[KUWANA]);
    expect(salmon.spreadChain.map((l) => [l.depth, l.adoption.municipality.code, l.fromCaseStudyId])).toEqual(
      [
        [1, TONO, ids.salmon],
        [1, KUWANA, ids.salmon],
        [2, OKINAWA, ids.tonoOwn],
        [3, KITAMI, ids.okinawaOwn],
      ],
    );
    const tono = await view(ids.tonoOwn, tokens[KUWANA]);
    expect(tono.adoptedFrom).toEqual([{ caseStudy: { id: ids.salmon }, municipality: { code: TONO } }]);
  });

  it('resolves adoption fields of a list in a constant number of queries (no N+1)', async () => {
    await indexSynced(t);
    const LIST = `{ searchCaseStudies(query: "", pageSize: 20) { hits { caseStudy {
      id adoptionCount
      adoptions { status municipality { code } adopterCaseStudy { id } timeline { status by { name } } }
      adoptedFrom { id } inquiries { id }
    } } } }`;
    let hits: Array<{ caseStudy: CaseView }> = [];
    const statements = await requestStatements('runner', async () => {
      hits = dataOf(
        await t.gql<{ searchCaseStudies: { hits: Array<{ caseStudy: CaseView }> } }>(
          LIST,
          {},
          tokens[KUWANA],
        ),
      ).searchCaseStudies.hits;
    });
    expect(hits.length).toBeGreaterThanOrEqual(4);
    // actor, then one batch each: adoptions by case, adoptions by adopter case, inquiries, municipalities,
    // linked cases, timelines, people. The hits themselves are read outside TypeORM's query runner.
    expect(statements.length).toBeGreaterThan(3);
    expect(statements.length).toBeLessThanOrEqual(9);
  });

  it('keeps the adoption count in the search index: filterable and sortable (MOST_ADOPTED) through the API', async () => {
    await indexSynced(t);
    const SEARCH = `query($filter: CaseStudyFilter) {
      searchCaseStudies(query: "", filter: $filter) { hits { caseStudy { id adoptionCount } } }
    }`;
    type Hits = { searchCaseStudies: { hits: Array<{ caseStudy: { id: string; adoptionCount: number } }> } };
    const filtered = dataOf(await t.gql<Hits>(SEARCH, { filter: { adoptionCountMin: 2 } })).searchCaseStudies;
    expect(filtered.hits.map((h) => h.caseStudy)).toEqual([{ id: ids.salmon, adoptionCount: 2 }]);
    const bad = await t.gql(SEARCH, { filter: { adoptionCountMin: -1 } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const sorted = dataOf(
      await t.gql<Hits>(
        `{ searchCaseStudies(query: "", sort: MOST_ADOPTED) { hits { caseStudy { id adoptionCount } } } }`,
      ),
    ).searchCaseStudies.hits.map((h) => h.caseStudy);
    expect(sorted[0].id).toBe(ids.salmon);
    const counts = sorted.map((c) => c.adoptionCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBe(2);
  });

  it('shows who follows to anonymous readers, not the notes', async () => {
    const salmon = await view(ids.salmon);
    expect(salmon.adoptions[0]).toMatchObject({
      status: 'ADOPTED',
      note: null,
      municipality: { code: TONO },
    });
  });

  it('refuses anonymous callers, non-members, organisers, one’s own case, and others’ cases as one’s own', async () => {
    expect((await record(ids.salmon, { status: 'CONSIDERING' })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await record(ids.salmon, { status: 'CONSIDERING' }, tokens[KAGA])).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await record(ids.salmon, { status: 'CONSIDERING' }, tokens.organiser)).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    const own = await record(ids.salmon, { status: 'ADOPTED' }, tokens[KITAMI]);
    expect(own.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseStudyId' });
    const notMine = await record(
      ids.salmon,
      { status: 'ADOPTED', adopterCaseStudyId: ids.okinawaOwn },
      tokens[TONO],
    );
    expect(notMine.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.adopterCaseStudyId',
    });
    const draft = await record(ids.kitamiDraft, { status: 'CONSIDERING' }, tokens[TONO]);
    expect(draft.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const badStatus = await record(ids.salmon, { status: 'MAYBE' }, tokens[TONO]);
    expect(badStatus.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Nothing was half-written by the refusals.
    expect((await view(ids.salmon, tokens[TONO])).adoptions).toHaveLength(2);
  });

  it('lets a follower withdraw its record', async () => {
    const res = await t.gql<{ withdrawAdoption: boolean }>(
      'mutation($id: ID!) { withdrawAdoption(caseStudyId: $id) }',
      { id: ids.salmon },
      tokens[KUWANA],
    );
    expect(dataOf(res).withdrawAdoption).toBe(true);
    expect((await view(ids.salmon)).adoptionCount).toBe(1);
  });

  it('lists each link of the chain once, and never a link below a case the reader may not read', async () => {
    // 桑名市 writes one case about two cases of the chain (北見市's and 遠野市's): its case is reached twice.
    dataOf(
      await record(ids.salmon, { status: 'PILOTING', adopterCaseStudyId: ids.kuwanaOwn }, tokens[KUWANA]),
    );
    dataOf(
      await record(ids.tonoOwn, { status: 'PILOTING', adopterCaseStudyId: ids.kuwanaOwn }, tokens[KUWANA]),
    );
    dataOf(await record(ids.kuwanaOwn, { status: 'CONSIDERING' }, tokens[OKINAWA]));
    const links = (v: CaseView) =>
      v.spreadChain.map((l) => [l.depth, l.adoption.municipality.code, l.fromCaseStudyId]);
    expect(links(await view(ids.salmon, tokens[TONO]))).toEqual([
      [1, TONO, ids.salmon],
      [1, KUWANA, ids.salmon],
      [2, OKINAWA, ids.tonoOwn],
      [2, KUWANA, ids.tonoOwn],
      [2, OKINAWA, ids.kuwanaOwn],
      [3, KITAMI, ids.okinawaOwn],
    ]);

    // 桑名市's case becomes members-only, 沖縄県's is archived: anonymous readers see neither who follows
    // them nor their ids, nor anything further down; members still see the members-only part.
    const dataSource = t.app.get(DataSource);
    await dataSource.query(`UPDATE case_studies SET visibility = 'MEMBERS' WHERE id = $1`, [ids.kuwanaOwn]);
    await dataSource.query(`UPDATE case_studies SET status = 'ARCHIVED' WHERE id = $1`, [ids.okinawaOwn]);
    const anonymous = await view(ids.salmon);
    expect(links(anonymous)).toEqual([
      [1, TONO, ids.salmon],
      [1, KUWANA, ids.salmon],
      [2, OKINAWA, ids.tonoOwn],
      [2, KUWANA, ids.tonoOwn],
    ]);
    expect(JSON.stringify(anonymous)).not.toContain(ids.kuwanaOwn);
    expect(JSON.stringify(anonymous)).not.toContain(ids.okinawaOwn);
    expect(links(await view(ids.salmon, tokens[TONO]))).toEqual([
      [1, TONO, ids.salmon],
      [1, KUWANA, ids.salmon],
      [2, OKINAWA, ids.tonoOwn],
      [2, KUWANA, ids.tonoOwn],
      [2, OKINAWA, ids.kuwanaOwn],
    ]);
    // 北見市's original follows 沖縄県's archived case: the upstream list does not show an empty entry.
    expect((await view(ids.salmon, tokens[TONO])).adoptedFrom).toEqual([]);
    expect((await view(ids.salmon, tokens[OKINAWA])).adoptedFrom).toEqual([
      { caseStudy: { id: ids.okinawaOwn }, municipality: { code: KITAMI } },
    ]);
  });
});
