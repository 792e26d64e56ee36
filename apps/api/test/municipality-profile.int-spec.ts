import { Client } from 'pg';
import { onlyError } from './factories/http';
import { requestStatements } from './query-count';
import { dataOf } from './search-fixtures';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);

/**
 * Municipality profiles: written by the officers of that member municipality and the organisers, read by
 * anyone on `municipality(code) { profile }` (null until written), each change audited before → after.
 */
const UPDATE = `mutation($code: String!, $input: MunicipalityProfileInput!) {
  updateMunicipalityProfile(code: $code, input: $input) {
    code profile { dxDepartment contactEmail contactPhone introduction planLinks { label url } focusThemes updatedAt }
  }
}`;
const READ = `query($code: String!) {
  municipality(code: $code) {
    code profile { dxDepartment contactEmail contactPhone introduction planLinks { label url } focusThemes updatedAt }
  }
}`;
const AUDIT = `query($filter: AuditLogFilter) { auditLog(filter: $filter) { edges { node { action actorLabel subjectId before after } } } }`;

const profile = {
  dxDepartment: '総務部 DX推進課',
  contactEmail: 'DX@City.Example.lg.jp',
  contactPhone: '093-582-0000',
  introduction: '行政手続のオンライン化と、職員のリスキリングに取り組んでいます。',
  planLinks: [{ label: 'DX推進計画', url: 'https://www.city.example.lg.jp/dx/plan.html' }],
  focusThemes: ['STAFF_DX'],
};

describe('municipality profiles', () => {
  let t: TestApp;
  let sql: Client;
  let own: string;
  let other: string;
  let ownToken: string;
  let otherToken: string;
  let organiser: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
    const members = (
      await sql.query(
        `SELECT m.code FROM municipalities m WHERE membership_status = 'MEMBER'
           AND EXISTS (SELECT 1 FROM users u WHERE u.municipality_id = m.id) ORDER BY code LIMIT 2`,
      )
    ).rows.map((r: { code: string }) => r.code);
    [own, other] = members;
    ownToken = await t.login(`officer.${own}@yokoten.example`);
    otherToken = await t.login(`officer.${other}@yokoten.example`);
    organiser = await t.login('organiser@yokoten.example');
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('is null until someone writes it', async () => {
    const res = await t.gql<{ municipality: { profile: unknown } }>(READ, { code: own });
    expect(dataOf(res).municipality.profile).toBeNull();
  });

  it('is refused to anonymous callers and to an officer of another municipality; nothing is written', async () => {
    expect(onlyError(await t.gql(UPDATE, { code: own, input: profile })).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(onlyError(await t.gql(UPDATE, { code: own, input: profile }, otherToken)).extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await sql.query(`SELECT count(*)::int AS n FROM municipality_profiles`)).rows[0].n).toBe(0);
  });

  it('lets an officer of the municipality write it; anyone reads it; audited before → after', async () => {
    const saved = dataOf(
      await t.gql<{ updateMunicipalityProfile: { profile: Record<string, unknown> } }>(
        UPDATE,
        { code: own, input: profile },
        ownToken,
      ),
    ).updateMunicipalityProfile.profile;
    expect(saved).toMatchObject({ ...profile, contactEmail: 'dx@city.example.lg.jp' });
    expect(saved.updatedAt).toEqual(expect.any(String));
    const read = dataOf(await t.gql<{ municipality: { profile: unknown } }>(READ, { code: own })).municipality
      .profile;
    expect(read).toEqual(saved);

    const [entry] = dataOf(
      await t.gql<{
        auditLog: { edges: Array<{ node: { before: string | null; after: string; actorLabel: string } }> };
      }>(AUDIT, { filter: { actions: ['municipality.profileUpdate'], subjectId: own } }, organiser),
    ).auditLog.edges.map((e) => e.node);
    expect(entry.actorLabel).toBe(`officer.${own}@yokoten.example`);
    expect(JSON.parse(entry.before!)).toMatchObject({ dxDepartment: null, planLinks: [] });
    expect(JSON.parse(entry.after)).toMatchObject({
      dxDepartment: '総務部 DX推進課',
      focusThemes: ['STAFF_DX'],
    });
  });

  it('keeps omitted fields, clears null ones; the organisers may edit it too', async () => {
    const res = dataOf(
      await t.gql<{ updateMunicipalityProfile: { profile: Record<string, unknown> } }>(
        UPDATE,
        { code: own, input: { contactPhone: null, introduction: '更新しました。' } },
        organiser,
      ),
    ).updateMunicipalityProfile.profile;
    expect(res).toMatchObject({
      dxDepartment: '総務部 DX推進課',
      contactPhone: null,
      introduction: '更新しました。',
    });
  });

  it('refuses links that are not http(s), too many links and a too long introduction, naming the field', async () => {
    const bad = async (input: Record<string, unknown>) =>
      onlyError(await t.gql(UPDATE, { code: own, input }, ownToken)).extensions;
    expect(await bad({ planLinks: [{ label: '計画', url: 'javascript:alert(1)' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.planLinks.0.url',
    });
    expect(
      await bad({ planLinks: [{ label: '計画', url: 'ftp://city.example.lg.jp/plan.pdf' }] }),
    ).toMatchObject({
      field: 'input.planLinks.0.url',
    });
    expect(
      await bad({
        planLinks: Array.from({ length: 11 }, (_, i) => ({ label: `計画${i}`, url: 'https://a.example/' })),
      }),
    ).toMatchObject({ field: 'input.planLinks' });
    expect(await bad({ introduction: 'あ'.repeat(2001) })).toMatchObject({ field: 'input.introduction' });
    expect(await bad({ contactEmail: 'not-an-address' })).toMatchObject({ field: 'input.contactEmail' });
    expect(await bad({ planLinks: [{ label: 'x'.repeat(101), url: 'https://a.example/' }] })).toMatchObject({
      field: 'input.planLinks.0.label',
    });
  });

  it('is refused to an officer once the municipality has withdrawn', async () => {
    await sql.query(`UPDATE municipalities SET membership_status = 'WITHDRAWN' WHERE code = $1`, [other]);
    const token = await t.login(`officer.${other}@yokoten.example`);
    expect(onlyError(await t.gql(UPDATE, { code: other, input: profile }, token)).extensions.code).toBe(
      'FORBIDDEN',
    );
    await sql.query(`UPDATE municipalities SET membership_status = 'MEMBER' WHERE code = $1`, [other]);
  });

  it('reads the profiles of a page of municipalities in one query (no N+1)', async () => {
    const LIST = `query($first: Int) { municipalities(first: $first) { edges { node { code profile { dxDepartment } } } } }`;
    const fifty = await requestStatements('client', () => t.gql(LIST, { first: 50 }));
    const five = await requestStatements('client', () => t.gql(LIST, { first: 5 }));
    expect(fifty.length).toBeGreaterThan(0);
    expect(fifty.length).toBe(five.length);
  });
});
