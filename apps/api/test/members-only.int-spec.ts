import { DataSource } from 'typeorm';
import { outcome } from './factories/http';
import { requestStatements } from './query-count';
import { createTestApp, type TestApp } from './test-app';
import {
  dataOf,
  indexSynced,
  insertCases,
  officerLogin,
  search,
  seedMunicipalities,
  SEARCH_TEST_PASSWORD,
} from './search-fixtures';

jest.setTimeout(120_000);

/**
 * Members-only material (MEMBERS cases, contact email and phone) is for officers of MEMBER municipalities
 * and the organisers (SPEC "Permissions"): not for an officer whose municipality is still an APPLICANT or
 * has WITHDRAWN. The status is read with the session on every request, so a withdrawal by the organiser
 * applies from the officer's next request. Real PostgreSQL and Meilisearch.
 */
const PUBLISHER = '312011'; // 鳥取市: publishes one PUBLIC and one MEMBERS case
const MEMBER = '401005'; // 北九州市: a member throughout
const TO_WITHDRAW = '012084'; // 北見市: a member until the organiser withdraws it below
const WITHDRAWN = '172065'; // 加賀市: left the network before the spec starts
const APPLICANT = '131237'; // 江戸川区: applied, not admitted
const ORGANISER_EMAIL = 'organiser@members-only.example';

const READ = `query($id: ID!) { caseStudy(id: $id) { id visibility contact { email phone } } }`;
const WITHDRAW = `mutation($code: String!) { withdrawMunicipality(code: $code) { code membershipStatus } }`;
const ADMIT = `mutation($code: String!) { admitMunicipality(code: $code) { code membershipStatus } }`;
const DASHBOARD = `{ networkDashboard { totals { publishedCases } } }`;
const LIKE_DRAFT = `query($input: CasesLikeDraftInput!) { casesLikeDraft(input: $input) { id visibility } }`;

interface CaseView {
  id: string;
  visibility: string;
  contact: { email: string | null; phone: string | null };
}

describe('members-only material follows the caller’s membership, request by request', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};

  const read = async (id: string, token: string) =>
    dataOf(await t.gql<{ caseStudy: CaseView | null }>(READ, { id }, token)).caseStudy;
  const visibilitiesSeen = async (token: string) =>
    (await search(t, { filter: { municipalityCode: PUBLISHER } }, token)).hits
      .map((h) => h.caseStudy.visibility)
      .sort();

  beforeAll(async () => {
    t = await createTestApp();
    await seedMunicipalities(t, [MEMBER, TO_WITHDRAW, WITHDRAWN, APPLICANT]);
    const dataSource = t.app.get(DataSource);
    await dataSource.query(`UPDATE municipalities SET membership_status = 'WITHDRAWN' WHERE code = $1`, [
      WITHDRAWN,
    ]);
    await dataSource.query(
      `UPDATE municipalities SET membership_status = 'APPLICANT', joined_on = NULL WHERE code = $1`,
      [APPLICANT],
    );
    await dataSource.query(
      `INSERT INTO users (email, name, role, password_hash)
       SELECT $1, '事務局', 'ORGANISER', password_hash FROM users LIMIT 1`,
      [ORGANISER_EMAIL],
    );
    ids = await insertCases(t, [
      { key: 'public', municipalityCode: PUBLISHER, title: '公開の事例：窓口のオンライン化' },
      {
        key: 'members',
        municipalityCode: PUBLISHER,
        title: '会員限定の事例：庁内データ連携の失敗と教訓',
        visibility: 'MEMBERS',
      },
    ]);
    await dataSource.query(
      `UPDATE case_studies SET contact_email = 'dx@city.tottori.example', contact_phone = '0857-00-0000'
        WHERE id = ANY($1::uuid[])`,
      [[ids.public, ids.members]],
    );
    await indexSynced(t);
    for (const code of [MEMBER, TO_WITHDRAW, WITHDRAWN, APPLICANT])
      tokens[code] = await officerLogin(t, code);
    tokens.organiser = await t.login(ORGANISER_EMAIL, SEARCH_TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a member officer finds and reads both the PUBLIC and the MEMBERS case, contacts included', async () => {
    expect(await visibilitiesSeen(tokens[MEMBER])).toEqual(['MEMBERS', 'PUBLIC']);
    expect(await read(ids.members, tokens[MEMBER])).toMatchObject({
      visibility: 'MEMBERS',
      contact: { email: 'dx@city.tottori.example', phone: '0857-00-0000' },
    });
    expect(outcome(await t.gql(DASHBOARD, {}, tokens[MEMBER]))).toBe('OK');
  });

  it('the organiser sees members-only material without being an officer of a member', async () => {
    expect(await visibilitiesSeen(tokens.organiser)).toEqual(['MEMBERS', 'PUBLIC']);
    expect((await read(ids.members, tokens.organiser))?.contact.email).toBe('dx@city.tottori.example');
  });

  it.each([
    ['a WITHDRAWN', WITHDRAWN],
    ['an APPLICANT', APPLICANT],
  ])('an officer of %s municipality searches and reads PUBLIC material only', async (_status, code) => {
    const token = tokens[code];
    const result = await search(t, { filter: { municipalityCode: PUBLISHER } }, token);
    expect(result.totalHits).toBe(1);
    expect(result.hits.map((h) => h.caseStudy.id)).toEqual([ids.public]);
    // The MEMBERS case by id is indistinguishable from a missing one.
    expect(await read(ids.members, token)).toBeNull();
    // The PUBLIC case, without the members-only contact details.
    expect(await read(ids.public, token)).toMatchObject({
      id: ids.public,
      contact: { email: null, phone: null },
    });
    // The network dashboard is members-only sharing too.
    expect(outcome(await t.gql(DASHBOARD, {}, token))).toBe('FORBIDDEN');
    // Finishing an old draft still works: the editor's duplicate check answers with the PUBLIC cases only.
    const like = await t.gql<{ casesLikeDraft: Array<{ id: string; visibility: string }> }>(
      LIKE_DRAFT,
      { input: { title: '事例', limit: 10 } }, // both titles have it
      token,
    );
    const likeIds = dataOf(like).casesLikeDraft.map((c) => c.id);
    expect(likeIds).toContain(ids.public);
    expect(likeIds).not.toContain(ids.members);
    expect(dataOf(like).casesLikeDraft.every((c) => c.visibility === 'PUBLIC')).toBe(true);
  });

  it('a member officer’s duplicate check while writing includes the MEMBERS case', async () => {
    const like = await t.gql<{ casesLikeDraft: Array<{ id: string }> }>(
      LIKE_DRAFT,
      { input: { title: '事例', limit: 10 } },
      tokens[MEMBER],
    );
    expect(dataOf(like).casesLikeDraft.map((c) => c.id)).toEqual(
      expect.arrayContaining([ids.public, ids.members]),
    );
  });

  it('after the organiser withdraws a municipality, its officer’s next request no longer sees MEMBERS cases', async () => {
    const token = tokens[TO_WITHDRAW]; // the same session throughout
    expect(await visibilitiesSeen(token)).toEqual(['MEMBERS', 'PUBLIC']);
    expect((await read(ids.members, token))?.visibility).toBe('MEMBERS');

    const withdrawn = await t.gql<{ withdrawMunicipality: { membershipStatus: string } }>(
      WITHDRAW,
      { code: TO_WITHDRAW },
      tokens.organiser,
    );
    expect(dataOf(withdrawn).withdrawMunicipality.membershipStatus).toBe('WITHDRAWN');

    expect(await visibilitiesSeen(token)).toEqual(['PUBLIC']);
    expect(await read(ids.members, token)).toBeNull();
    expect((await read(ids.public, token))?.contact).toEqual({ email: null, phone: null });

    // Readmitted: the next request sees members-only material again (nothing was cached either way).
    dataOf(await t.gql(ADMIT, { code: TO_WITHDRAW }, tokens.organiser));
    expect(await visibilitiesSeen(token)).toEqual(['MEMBERS', 'PUBLIC']);
    expect((await read(ids.members, token))?.contact.email).toBe('dx@city.tottori.example');
  });

  it('the membership status is read with the session, in the same single query', async () => {
    const statements = await requestStatements('client', async () => {
      dataOf(await t.gql(`{ me { id } }`, {}, tokens[MEMBER]));
    });
    const sessionReads = statements.filter((s) => /"login_sessions"/.test(s));
    expect(sessionReads).toHaveLength(1);
    expect(sessionReads[0]).toMatch(/"municipalities"/);
    expect(statements.filter((s) => /membership_status/.test(s))).toEqual(sessionReads);
  });
});
