import { DataSource } from 'typeorm';
import { DEMO_MUNICIPALITIES } from '@yokoten/demo-data';
import { AdminExistsError, createFirstAdmin } from '../src/modules/account/first-admin';
import { MailService } from '../src/modules/mail/mail.service';
import { MunicipalityEntity } from '../src/modules/municipality/municipality.entity';
import { searchTextOf } from '../src/modules/municipality/municipality.repository';
import { onlyError } from './factories/http';
import { eventually } from './search-fixtures';
import { createTestApp, type GqlResponse, type TestApp } from './test-app';

jest.setTimeout(60_000);

const ACCEPT = `mutation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { token user { email role municipality { code } } } }`;
const PREVIEW = `query($token: String!) { invitationByToken(token: $token) { email role purpose name } }`;
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id status } }`;

function dataOf<T>(res: GqlResponse<T>): T {
  if (res.errors?.length || !res.data) throw new Error(JSON.stringify(res.errors ?? res));
  return res.data;
}

/**
 * A real installation has no demo data: the first admin comes from the CLI's core function, everyone
 * else arrives by invitation, and the first officer publishes the network's first case.
 */
describe('first real installation (no demo data)', () => {
  let t: TestApp;
  let db: DataSource;
  let mail: MailService;

  const linkFor = async (email: string) => {
    const [sent] = await eventually(
      async () => mail.recent().filter((m) => [m.to].flat().includes(email) && m.kind === 'invitation'),
      (l) => l.length > 0,
    );
    return /\/invite\/([A-Za-z0-9_-]{43})/.exec(sent.text)![1];
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    mail = t.app.get(MailService);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('admin → organiser → admitted municipality → officer who publishes a case', async () => {
    expect(await db.query(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 0 }]);

    // 1. The first admin, by the CLI's core function: a one-time set-password link.
    const created = await createFirstAdmin(db, {
      email: 'First.Admin@office.example.com',
      name: '管理 花子',
    });
    expect(created.user).toMatchObject({ email: 'first.admin@office.example.com', role: 'ADMIN' });
    expect(created.linkPath).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const setPasswordToken = created.linkPath!.split('/').pop()!;
    // The account has no usable password until the link is used.
    const noLogin = await t.gql(
      'mutation { login(email: "first.admin@office.example.com", password: "") { token } }',
    );
    expect(noLogin.errors).toBeDefined();
    expect(
      dataOf(await t.gql<{ invitationByToken: unknown }>(PREVIEW, { token: setPasswordToken }))
        .invitationByToken,
    ).toEqual({
      email: 'first.admin@office.example.com',
      role: 'ADMIN',
      purpose: 'SET_PASSWORD',
      name: '管理 花子',
    });
    const adminSession = dataOf(
      await t.gql<{ acceptInvitation: { token: string; user: { role: string } } }>(ACCEPT, {
        input: { token: setPasswordToken, password: 'first-admin-lantern-2026', name: '管理 花子' },
      }),
    ).acceptInvitation;
    expect(adminSession.user.role).toBe('ADMIN');
    const admin = await t.login('first.admin@office.example.com', 'first-admin-lantern-2026');
    expect(await db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'ADMIN'`)).toEqual([{ n: 1 }]);

    // 2. The admin invites an organiser (a contractor's address: organisers are not domain-restricted).
    dataOf(
      await t.gql(
        INVITE,
        { input: { email: 'jimukyoku@contractor.example.com', role: 'ORGANISER', name: '事務局 一郎' } },
        admin,
      ),
    );
    const organiserToken = await linkFor('jimukyoku@contractor.example.com');
    dataOf(
      await t.gql(ACCEPT, {
        input: {
          token: organiserToken,
          password: 'organiser-lantern-2026',
          name: '事務局 一郎',
          department: '横展ネットワーク事務局',
        },
      }),
    );
    const organiser = await t.login('jimukyoku@contractor.example.com', 'organiser-lantern-2026');

    // 3. A municipality in the register (not yet a member) is admitted by the organiser.
    const kitakyushu = DEMO_MUNICIPALITIES.find((m) => m.code === '401005')!;
    const repo = db.getRepository(MunicipalityEntity);
    await repo.save(
      repo.create({
        code: kitakyushu.code,
        name: kitakyushu.name,
        kana: kitakyushu.kana,
        nameEn: kitakyushu.nameEn,
        prefectureCode: kitakyushu.prefectureCode,
        kind: kitakyushu.kind,
        population: kitakyushu.population,
        membershipStatus: null,
        joinedOn: null,
        searchText: searchTextOf(kitakyushu),
      }),
    );
    const admitted = await t.gql<{ admitMunicipality: { membershipStatus: string } }>(
      `mutation { admitMunicipality(code: "401005") { membershipStatus } }`,
      {},
      organiser,
    );
    expect(dataOf(admitted).admitMunicipality.membershipStatus).toBe('MEMBER');

    // 4. The organiser invites the municipality's first officer (under lg.jp, the default allow-list).
    const denied = await t.gql(
      INVITE,
      { input: { email: 'dx@gmail.com', role: 'OFFICER', municipalityCode: '401005' } },
      organiser,
    );
    expect(onlyError(denied).extensions.reason).toBe('DOMAIN_NOT_ALLOWED');
    dataOf(
      await t.gql(
        INVITE,
        { input: { email: 'dx-suishin@city.kitakyushu.lg.jp', role: 'OFFICER', municipalityCode: '401005' } },
        organiser,
      ),
    );
    const officerToken = await linkFor('dx-suishin@city.kitakyushu.lg.jp');
    const accepted = dataOf(
      await t.gql<{ acceptInvitation: { user: { municipality: { code: string } } } }>(ACCEPT, {
        input: {
          token: officerToken,
          password: 'kitakyushu-lantern-2026',
          name: '北九 太郎',
          title: '主任',
          department: 'DX推進課',
        },
      }),
    ).acceptInvitation;
    expect(accepted.user.municipality.code).toBe('401005');

    // 5. The officer logs in, creates and publishes the network's first case.
    const officer = await t.login('dx-suishin@city.kitakyushu.lg.jp', 'kitakyushu-lantern-2026');
    const draft = dataOf(
      await t.gql<{ createCaseStudy: { id: string; status: string } }>(
        `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id status } }`,
        {
          input: {
            title: 'DX推進プラットフォームによる中小企業支援',
            summary: '地域企業のDXを、産学官金の相談窓口とマッチングで伴走支援した取り組み。',
            body:
              '## 背景\n\n市内の中小企業はDXの相談先がなく、取り組みが進んでいなかった。\n\n' +
              '## 取り組み\n\n- 相談窓口を開設\n- IT企業とのマッチング会を毎月開催\n\n' +
              '## 成果\n\n2年間で300件の相談に応じ、80社がツールを導入した。',
            themes: ['SME_DX'],
            targets: ['COMPANIES', 'EXECUTIVES'],
            tags: ['伴走支援'],
            fiscalYears: [2025, 2024],
            budgetYen: 48_000_000,
            outcomes: [{ label: '相談件数', before: 0, after: 300, unit: '件', asOf: '2025-03-31' }],
            contactDepartment: '産業経済局 DX推進課',
            contactEmail: 'dx-suishin@city.kitakyushu.lg.jp',
            contactPhone: '093-582-2102',
          },
        },
        officer,
      ),
    ).createCaseStudy;
    const published = await t.gql<{ publishCaseStudy: { status: string } }>(
      `mutation($id: ID!) { publishCaseStudy(id: $id) { status } }`,
      { id: draft.id },
      officer,
    );
    expect(dataOf(published).publishCaseStudy.status).toBe('PUBLISHED');

    // Every step is in the audit log.
    const actions = (
      (await db.query(`SELECT action FROM audit_log ORDER BY id`)) as Array<{ action: string }>
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.createAdmin',
        'user.invitationAccepted',
        'user.invite',
        'municipality.admit',
      ]),
    );
    expect(actions.filter((a) => a === 'user.invitationAccepted')).toHaveLength(3);
  });

  it('the CLI core refuses a second admin (listing the existing one) unless asked for another', async () => {
    await expect(
      createFirstAdmin(db, { email: 'second@office.example.com', name: '二人目' }),
    ).rejects.toThrow(AdminExistsError);
    await createFirstAdmin(db, { email: 'second@office.example.com', name: '二人目' }).catch(
      (e: AdminExistsError) => {
        expect(e.admins).toEqual(['first.admin@office.example.com']);
      },
    );
    expect(
      await db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'second@office.example.com'`),
    ).toEqual([{ n: 0 }]);
    // A password given on the terminal is checked against the policy.
    await expect(
      createFirstAdmin(db, {
        email: 'third@office.example.com',
        name: '三人目',
        password: 'password1234',
        another: true,
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', extensions: { reason: 'COMMON' } });
    const another = await createFirstAdmin(db, {
      email: 'third@office.example.com',
      name: '三人目',
      password: 'quiet-river-lantern-1',
      another: true,
    });
    expect(another.linkPath).toBeNull();
    expect(await t.login('third@office.example.com', 'quiet-river-lantern-1')).toBeTruthy();
    const entries = (await db.query(
      `SELECT actor_user_id, actor_label FROM audit_log WHERE action = 'user.createAdmin' ORDER BY id`,
    )) as Array<{
      actor_user_id: string | null;
      actor_label: string;
    }>;
    expect(entries).toEqual([
      { actor_user_id: null, actor_label: 'users:create-admin' },
      { actor_user_id: null, actor_label: 'users:create-admin' },
    ]);
  });
});
