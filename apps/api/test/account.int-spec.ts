import { DataSource } from 'typeorm';
import { MailService, type SentMail } from '../src/modules/mail/mail.service';
import { onlyError, postGraphql } from './factories/http';
import { eventually } from './search-fixtures';
import { createTestApp, type GqlResponse, type TestApp } from './test-app';

// jest ignores `testTimeout` inside a `projects` entry, so the 5 s default would apply to booting the app.
jest.setTimeout(60_000);

const ADMIN = 'admin@yokoten.example';
const ORGANISER = 'organiser@yokoten.example';
const OFFICER = 'officer.401005@yokoten.example';
const KITAKYUSHU = '401005';
const GOOD_PASSWORD = 'river-lantern-stone-42';

const INVITE = `mutation($input: InviteUserInput!) {
  inviteUser(input: $input) { id email role name status expiresAt municipality { code } invitedBy { email } }
}`;
const PREVIEW = `query($token: String!) {
  invitationByToken(token: $token) { email role name purpose expiresAt inviterName municipality { code } }
}`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { token expiresAt user { id email role name title department municipality { code } } }
}`;
const RESEND = `mutation($id: ID!) { resendInvitation(id: $id) { id status expiresAt } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { id status } }`;
const INVITATIONS = `query($s: [InvitationStatus!]) { invitations(statuses: $s) { id email status municipality { code } } }`;
const ME = `{ me { id email name title department phone locale status lastLoginAt createdAt
  mailPreferences { sessionNotices adoptionNotices inquiryNotices } } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const UPDATE_PROFILE = `mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) {
  id name title department phone locale mailPreferences { sessionNotices adoptionNotices inquiryNotices } } }`;
const USERS = `query($filter: UserFilter, $first: Int, $after: String) { users(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id email role municipality { code } } } } }`;
const DISABLE = `mutation($id: ID!) { disableUser(id: $id) { id status } }`;
const ENABLE = `mutation($id: ID!) { enableUser(id: $id) { id status } }`;
const CHANGE_ROLE = `mutation($id: ID!, $role: Role!, $code: String) {
  changeUserRole(id: $id, role: $role, municipalityCode: $code) { id role municipality { code } } }`;
const SETTINGS = `{ invitationSettings { restrictOfficerDomains allowedDomains } }`;
const UPDATE_SETTINGS = `mutation($input: InvitationSettingsInput!) {
  updateInvitationSettings(input: $input) { restrictOfficerDomains allowedDomains } }`;

function dataOf<T>(res: GqlResponse<T>): T {
  if (res.errors?.length || !res.data) throw new Error(JSON.stringify(res.errors ?? res));
  return res.data;
}

const tokenIn = (mail: SentMail, path: 'invite' | 'reset-password'): string => {
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]{43})`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in ${mail.text}`);
  return match[1];
};

describe('accounts: invitations, passwords, administration', () => {
  let t: TestApp;
  let db: DataSource;
  let mail: MailService;
  let admin: string;
  let organiser: string;
  let officer: string;
  let otherMember: string;

  const mailsTo = (address: string, kind?: string) =>
    mail.recent().filter((m) => [m.to].flat().includes(address) && (!kind || m.kind === kind));
  const waitForMail = async (address: string, kind: string, count = 1) =>
    (
      await eventually(
        async () => mailsTo(address, kind),
        (l) => l.length >= count,
      )
    )[count - 1];
  const audit = async (action: string, subjectLabel: string) =>
    (await db.query(`SELECT * FROM audit_log WHERE action = $1 AND subject_label = $2 ORDER BY id`, [
      action,
      subjectLabel,
    ])) as Array<Record<string, unknown>>;
  const userId = async (email: string): Promise<string> =>
    ((await db.query(`SELECT id FROM users WHERE email = $1`, [email])) as Array<{ id: string }>)[0].id;

  /** Invites, reads the link from the mail and accepts it; returns the new user's session token. */
  async function inviteAndAccept(
    by: string,
    input: Record<string, unknown>,
    accept: Record<string, unknown> = {},
  ): Promise<string> {
    dataOf(await t.gql(INVITE, { input }, by));
    const token = tokenIn(await waitForMail(input.email as string, 'invitation'), 'invite');
    const res = await t.gql<{ acceptInvitation: { token: string } }>(ACCEPT, {
      input: { token, password: GOOD_PASSWORD, name: '新しい 職員', ...accept },
    });
    return dataOf(res).acceptInvitation.token;
  }

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    db = t.app.get(DataSource);
    mail = t.app.get(MailService);
    [admin, organiser, officer] = await Promise.all([t.login(ADMIN), t.login(ORGANISER), t.login(OFFICER)]);
    otherMember = (
      (await db.query(
        `SELECT code FROM municipalities WHERE membership_status = 'MEMBER' AND code <> $1 ORDER BY code LIMIT 1`,
        [KITAKYUSHU],
      )) as Array<{ code: string }>
    )[0].code;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('invitations', () => {
    it('an organiser invites an officer: a pending invitation, a mail with the link, a preview, an audit entry', async () => {
      const email = 'tanaka@city.kitakyushu.lg.jp';
      const inv = dataOf(
        await t.gql<{ inviteUser: Record<string, unknown> }>(
          INVITE,
          {
            input: {
              email: ' Tanaka@City.Kitakyushu.LG.JP ',
              role: 'OFFICER',
              municipalityCode: KITAKYUSHU,
              name: '田中 太郎',
            },
          },
          organiser,
        ),
      ).inviteUser;
      expect(inv).toMatchObject({
        email,
        role: 'OFFICER',
        name: '田中 太郎',
        status: 'PENDING',
        municipality: { code: KITAKYUSHU },
        invitedBy: { email: ORGANISER },
      });
      const days = (new Date(inv.expiresAt as string).getTime() - Date.now()) / 86400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);

      const sent = await waitForMail(email, 'invitation');
      expect(sent.text).toContain('田中 太郎 様');
      expect(sent.text).toContain('北九州市');
      const token = tokenIn(sent, 'invite');
      // Only the hash is stored.
      const [row] = (await db.query(`SELECT token_hash FROM invitations WHERE id = $1`, [inv.id])) as Array<{
        token_hash: string;
      }>;
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(await db.query(`SELECT * FROM invitations`))).not.toContain(token);

      const preview = dataOf(await t.gql<{ invitationByToken: Record<string, unknown> }>(PREVIEW, { token }));
      expect(preview.invitationByToken).toMatchObject({
        email,
        role: 'OFFICER',
        purpose: 'INVITATION',
        municipality: { code: KITAKYUSHU },
      });
      // Who invited, by name only: the preview is read before any login.
      const [inviter] = (await db.query(`SELECT name FROM users WHERE email = $1`, [ORGANISER])) as Array<{
        name: string;
      }>;
      expect(preview.invitationByToken.inviterName).toBe(inviter.name);
      const [entry] = await audit('user.invite', email);
      expect(entry).toMatchObject({ subject_type: 'invitation', subject_id: inv.id });
      expect(JSON.stringify(entry)).not.toContain(token);
    });

    it('accepting refuses a weak password with the reason, then makes the account and logs in (token and cookie)', async () => {
      const email = 'tanaka@city.kitakyushu.lg.jp';
      const token = tokenIn(mailsTo(email, 'invitation')[0], 'invite');
      const accept = (password: string) =>
        postGraphql<{ acceptInvitation: { token: string; user: Record<string, unknown> } }>(t.url, {
          query: ACCEPT,
          variables: {
            input: { token, password, name: ' 田中 太郎 ', title: '主任', department: 'DX推進課' },
          },
        });
      for (const [password, reason] of [
        ['short-one', 'TOO_SHORT'],
        ['password1234', 'COMMON'],
        ['ＱＷＥＲＴＹＵＩＯＰ１２', 'COMMON'],
        ['my-tanaka-secret-77', 'CONTAINS_EMAIL'],
        ['x'.repeat(129), 'TOO_LONG'],
      ]) {
        const error = onlyError(await accept(password));
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password', reason });
      }
      const res = await accept(GOOD_PASSWORD);
      const payload = dataOf(res).acceptInvitation;
      expect(payload.user).toMatchObject({
        email,
        role: 'OFFICER',
        name: '田中 太郎',
        title: '主任',
        department: 'DX推進課',
        municipality: { code: KITAKYUSHU },
      });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('yokoten_session='));
      expect(cookie).toContain(`yokoten_session=${payload.token}`);
      expect(cookie).toMatch(/HttpOnly/i);
      const me = dataOf(await t.gql<{ me: Record<string, unknown> }>(ME, {}, payload.token)).me;
      expect(me).toMatchObject({ email, status: 'ACTIVE', locale: 'JA' });
      expect(me.lastLoginAt).not.toBeNull();
      expect(await t.login(email, GOOD_PASSWORD)).toBeTruthy();
      // The link is used up.
      expect(onlyError(await accept(GOOD_PASSWORD)).extensions.code).toBe('TOKEN_USED');
      expect(onlyError(await t.gql(PREVIEW, { token })).extensions.code).toBe('TOKEN_USED');
      expect(await audit('user.invitationAccepted', email)).toHaveLength(1);
      const stored = (await db.query(`SELECT password_hash FROM users WHERE email = $1`, [email])) as Array<{
        password_hash: string;
      }>;
      expect(stored[0].password_hash).toMatch(/^\$argon2id\$/);
    });

    it('an unknown, malformed, expired or revoked link is refused with its code', async () => {
      expect(onlyError(await t.gql(PREVIEW, { token: 'not-a-token' })).extensions.code).toBe('TOKEN_INVALID');
      expect(onlyError(await t.gql(PREVIEW, { token: 'A'.repeat(43) })).extensions.code).toBe(
        'TOKEN_INVALID',
      );

      const expired = 'expired@yokoten.example';
      const inv = dataOf(
        await t.gql<{ inviteUser: { id: string } }>(
          INVITE,
          { input: { email: expired, role: 'ORGANISER' } },
          admin,
        ),
      ).inviteUser;
      const expiredToken = tokenIn(await waitForMail(expired, 'invitation'), 'invite');
      await db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        inv.id,
      ]);
      expect(onlyError(await t.gql(PREVIEW, { token: expiredToken })).extensions.code).toBe('TOKEN_EXPIRED');
      const acceptExpired = await t.gql(ACCEPT, {
        input: { token: expiredToken, password: GOOD_PASSWORD, name: 'x' },
      });
      expect(onlyError(acceptExpired).extensions.code).toBe('TOKEN_EXPIRED');
      const listed = dataOf(
        await t.gql<{ invitations: Array<{ id: string; status: string }> }>(
          INVITATIONS,
          { s: ['EXPIRED'] },
          admin,
        ),
      );
      expect(listed.invitations.map((i) => i.id)).toContain(inv.id);

      // A resend makes a new link and a new window; the old link stops working.
      const resent = dataOf(
        await t.gql<{ resendInvitation: { status: string } }>(RESEND, { id: inv.id }, admin),
      );
      expect(resent.resendInvitation.status).toBe('PENDING');
      const newToken = tokenIn(await waitForMail(expired, 'invitation', 2), 'invite');
      expect(newToken).not.toBe(expiredToken);
      expect(onlyError(await t.gql(PREVIEW, { token: expiredToken })).extensions.code).toBe('TOKEN_INVALID');
      expect(dataOf(await t.gql(PREVIEW, { token: newToken }))).toBeTruthy();
      expect(await audit('user.invitationResent', expired)).toHaveLength(1);

      // Revoked.
      const revoked = dataOf(
        await t.gql<{ revokeInvitation: { status: string } }>(REVOKE, { id: inv.id }, admin),
      );
      expect(revoked.revokeInvitation.status).toBe('REVOKED');
      expect(onlyError(await t.gql(PREVIEW, { token: newToken })).extensions.code).toBe('TOKEN_REVOKED');
      const acceptRevoked = await t.gql(ACCEPT, {
        input: { token: newToken, password: GOOD_PASSWORD, name: 'x' },
      });
      expect(onlyError(acceptRevoked).extensions.code).toBe('TOKEN_REVOKED');
      expect(await audit('user.invitationRevoked', expired)).toHaveLength(1);
    });

    it('inviting an address again replaces its pending invitation; an address with an account is CONFLICT', async () => {
      const email = 'twice@yokoten.example';
      const first = dataOf(
        await t.gql<{ inviteUser: { id: string } }>(
          INVITE,
          { input: { email, role: 'ORGANISER' } },
          organiser,
        ),
      ).inviteUser;
      const second = dataOf(
        await t.gql<{ inviteUser: { id: string } }>(
          INVITE,
          { input: { email, role: 'ORGANISER' } },
          organiser,
        ),
      ).inviteUser;
      const rows = (await db.query(
        `SELECT id, revoked_at FROM invitations WHERE email = $1 ORDER BY created_at`,
        [email],
      )) as Array<{ id: string; revoked_at: Date | null }>;
      expect(rows.find((r) => r.id === first.id)?.revoked_at).not.toBeNull();
      expect(rows.find((r) => r.id === second.id)?.revoked_at).toBeNull();

      const taken = onlyError(
        await t.gql(
          INVITE,
          { input: { email: OFFICER, role: 'OFFICER', municipalityCode: KITAKYUSHU } },
          organiser,
        ),
      );
      expect(taken.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
    });

    it('domains: an officer invitation must be under an allowed domain; organisers are not restricted; the setting is audited', async () => {
      const denied = onlyError(
        await t.gql(
          INVITE,
          { input: { email: 'someone@gmail.com', role: 'OFFICER', municipalityCode: KITAKYUSHU } },
          organiser,
        ),
      );
      expect(denied.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.email',
        reason: 'DOMAIN_NOT_ALLOWED',
      });
      // Not fooled by a look-alike.
      const lookAlike = onlyError(
        await t.gql(
          INVITE,
          { input: { email: 'x@evil-lg.jp', role: 'OFFICER', municipalityCode: KITAKYUSHU } },
          organiser,
        ),
      );
      expect(lookAlike.extensions.reason).toBe('DOMAIN_NOT_ALLOWED');
      dataOf(await t.gql(INVITE, { input: { email: 'contractor@gmail.com', role: 'ORGANISER' } }, organiser));

      expect(
        dataOf(await t.gql<{ invitationSettings: unknown }>(SETTINGS, {}, organiser)).invitationSettings,
      ).toEqual({
        restrictOfficerDomains: true,
        allowedDomains: ['lg.jp', 'yokoten.example'],
      });
      expect(onlyError(await t.gql(SETTINGS, {}, officer)).extensions.code).toBe('FORBIDDEN');
      const bad = onlyError(
        await t.gql(
          UPDATE_SETTINGS,
          { input: { restrictOfficerDomains: true, allowedDomains: ['not a domain'] } },
          admin,
        ),
      );
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allowedDomains' });
      const updated = dataOf(
        await t.gql<{ updateInvitationSettings: unknown }>(
          UPDATE_SETTINGS,
          {
            input: {
              restrictOfficerDomains: true,
              allowedDomains: ['@LG.JP', 'yokoten.example', 'gmail.com'],
            },
          },
          admin,
        ),
      ).updateInvitationSettings;
      expect(updated).toEqual({
        restrictOfficerDomains: true,
        allowedDomains: ['lg.jp', 'yokoten.example', 'gmail.com'],
      });
      dataOf(
        await t.gql(
          INVITE,
          { input: { email: 'someone@gmail.com', role: 'OFFICER', municipalityCode: KITAKYUSHU } },
          organiser,
        ),
      );
      const entries = (await db.query(
        `SELECT before, after FROM audit_log WHERE action = 'settings.invitationDomains'`,
      )) as Array<{
        before: { allowedDomains: string[] };
        after: { allowedDomains: string[] };
      }>;
      expect(entries).toHaveLength(1);
      expect(entries[0].before.allowedDomains).toEqual(['lg.jp', 'yokoten.example']);
      expect(entries[0].after.allowedDomains).toContain('gmail.com');
      dataOf(
        await t.gql(
          UPDATE_SETTINGS,
          { input: { restrictOfficerDomains: true, allowedDomains: ['lg.jp', 'yokoten.example'] } },
          admin,
        ),
      );
    });

    it('who invites whom: an officer only colleagues of their own member municipality; only an admin invites an admin', async () => {
      const own = await t.gql<{ inviteUser: { municipality: { code: string } } }>(
        INVITE,
        { input: { email: 'colleague@yokoten.example', role: 'OFFICER' } },
        officer,
      );
      expect(dataOf(own).inviteUser.municipality.code).toBe(KITAKYUSHU);
      const other = await t.gql(
        INVITE,
        { input: { email: 'x1@yokoten.example', role: 'OFFICER', municipalityCode: otherMember } },
        officer,
      );
      expect(onlyError(other).extensions.code).toBe('FORBIDDEN');
      expect(
        onlyError(await t.gql(INVITE, { input: { email: 'x2@yokoten.example', role: 'ORGANISER' } }, officer))
          .extensions.code,
      ).toBe('FORBIDDEN');
      expect(
        onlyError(await t.gql(INVITE, { input: { email: 'x3@yokoten.example', role: 'ADMIN' } }, organiser))
          .extensions.code,
      ).toBe('FORBIDDEN');
      expect(
        onlyError(await t.gql(INVITE, { input: { email: 'x4@yokoten.example', role: 'ORGANISER' } }))
          .extensions.code,
      ).toBe('UNAUTHENTICATED');
      expect(
        onlyError(await t.gql(INVITE, { input: { email: 'x5@yokoten.example', role: 'OFFICER' } }, organiser))
          .extensions,
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.municipalityCode',
      });
      dataOf(await t.gql(INVITE, { input: { email: 'second.admin@yokoten.example', role: 'ADMIN' } }, admin));
      // Officers are invited to member municipalities only.
      const [applicant] = (await db.query(
        `SELECT code FROM municipalities WHERE membership_status = 'APPLICANT' ORDER BY code LIMIT 1`,
      )) as Array<{ code: string }>;
      const notMember = onlyError(
        await t.gql(
          INVITE,
          { input: { email: 'x6@yokoten.example', role: 'OFFICER', municipalityCode: applicant.code } },
          organiser,
        ),
      );
      expect(notMember.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.municipalityCode',
        reason: 'NOT_A_MEMBER',
      });
      // The officer sees their own municipality's invitations only.
      const listed = dataOf(
        await t.gql<{ invitations: Array<{ municipality: { code: string } | null }> }>(
          INVITATIONS,
          {},
          officer,
        ),
      );
      expect(listed.invitations.length).toBeGreaterThan(0);
      expect(listed.invitations.every((i) => i.municipality?.code === KITAKYUSHU)).toBe(true);
    });
  });

  describe('password reset', () => {
    it('answers the same for a known and an unknown address, and mails only the known one', async () => {
      const known = await postGraphql(t.url, { query: REQUEST_RESET, variables: { email: OFFICER } });
      const unknown = await postGraphql(t.url, {
        query: REQUEST_RESET,
        variables: { email: 'nobody@yokoten.example' },
      });
      expect(unknown.status).toBe(known.status);
      expect(unknown.text).toBe(known.text);
      expect(known.text).toBe('{"data":{"requestPasswordReset":true}}');
      await waitForMail(OFFICER, 'password-reset');
      expect(mailsTo('nobody@yokoten.example')).toHaveLength(0);
      const queued = (await db.query(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE recipients::text LIKE '%nobody@%'`,
      )) as Array<{ n: number }>;
      expect(queued[0].n).toBe(0);
    });

    it('a reset sets the password, ends every session of the user, and the link is single-use; a newer link voids older ones', async () => {
      const email = 'reset.me@city.kitakyushu.lg.jp';
      const session = await inviteAndAccept(organiser, {
        email,
        role: 'OFFICER',
        municipalityCode: KITAKYUSHU,
      });
      const second = await t.login(email, GOOD_PASSWORD);

      dataOf(await t.gql(REQUEST_RESET, { email }));
      const older = tokenIn(await waitForMail(email, 'password-reset'), 'reset-password');
      dataOf(await t.gql(REQUEST_RESET, { email: email.toUpperCase() }));
      const newer = tokenIn(await waitForMail(email, 'password-reset', 2), 'reset-password');
      expect(
        onlyError(await t.gql(RESET, { input: { token: older, password: 'brand-new-lantern-88' } }))
          .extensions.code,
      ).toBe('TOKEN_REVOKED');
      const weak = onlyError(await t.gql(RESET, { input: { token: newer, password: 'qwertyuiop12' } }));
      expect(weak.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.password',
        reason: 'COMMON',
      });

      expect(
        dataOf(await t.gql(RESET, { input: { token: newer, password: 'brand-new-lantern-88' } })),
      ).toEqual({ resetPassword: true });
      for (const token of [session, second])
        expect(dataOf(await t.gql<{ me: unknown }>(ME, {}, token)).me).toBeNull();
      expect(await t.login(email, 'brand-new-lantern-88')).toBeTruthy();
      expect(
        onlyError(await t.gql(RESET, { input: { token: newer, password: 'another-lantern-99' } })).extensions
          .code,
      ).toBe('TOKEN_USED');
      expect(await audit('user.passwordReset', email)).toHaveLength(1);
      await waitForMail(email, 'password-changed');

      // Expired.
      dataOf(await t.gql(REQUEST_RESET, { email }));
      const late = tokenIn(await waitForMail(email, 'password-reset', 3), 'reset-password');
      await db.query(
        `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE used_at IS NULL AND revoked_at IS NULL`,
      );
      expect(
        onlyError(await t.gql(RESET, { input: { token: late, password: 'another-lantern-99' } })).extensions
          .code,
      ).toBe('TOKEN_EXPIRED');
    });

    it('is limited per address: over 5 an hour it still answers true and sends nothing', async () => {
      const email = 'officer.' + otherMember + '@yokoten.example';
      for (let i = 0; i < 7; i++)
        expect(dataOf(await t.gql(REQUEST_RESET, { email }))).toEqual({ requestPasswordReset: true });
      await waitForMail(email, 'password-reset', 5);
      // Give the outbox a moment to send anything else that was (wrongly) queued.
      await new Promise((r) => setTimeout(r, 300));
      expect(mailsTo(email, 'password-reset')).toHaveLength(5);
    });
  });

  describe('own account', () => {
    it('changing the password needs the current one and ends every other session (the caller’s stays)', async () => {
      const email = 'changer@city.kitakyushu.lg.jp';
      const mine = await inviteAndAccept(organiser, { email, role: 'OFFICER', municipalityCode: KITAKYUSHU });
      const elsewhere = await t.login(email, GOOD_PASSWORD);
      const wrong = onlyError(
        await t.gql(
          CHANGE,
          { input: { currentPassword: 'not-it', newPassword: 'fresh-lantern-stone-1' } },
          mine,
        ),
      );
      expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currentPassword' });
      const weak = onlyError(
        await t.gql(CHANGE, { input: { currentPassword: GOOD_PASSWORD, newPassword: 'short' } }, mine),
      );
      expect(weak.extensions).toMatchObject({ field: 'input.newPassword', reason: 'TOO_SHORT' });
      expect(
        onlyError(
          await t.gql(CHANGE, { input: { currentPassword: 'x', newPassword: 'fresh-lantern-stone-1' } }),
        ).extensions.code,
      ).toBe('UNAUTHENTICATED');

      expect(
        dataOf(
          await t.gql(
            CHANGE,
            { input: { currentPassword: GOOD_PASSWORD, newPassword: 'fresh-lantern-stone-1' } },
            mine,
          ),
        ),
      ).toEqual({
        changePassword: true,
      });
      expect(dataOf(await t.gql<{ me: { email: string } }>(ME, {}, mine)).me.email).toBe(email);
      expect(dataOf(await t.gql<{ me: unknown }>(ME, {}, elsewhere)).me).toBeNull();
      expect(await t.login(email, 'fresh-lantern-stone-1')).toBeTruthy();
      expect(await audit('user.passwordChanged', email)).toHaveLength(1);
    });

    it('the payload of a login is the new session’s own account: its locale, status and preferences are readable', async () => {
      // Aliased, as a client may: the sign-in field is recognised by its name.
      const res = await t.gql<{ signIn: { user: Record<string, unknown> } }>(
        `mutation { signIn: login(email: "${ORGANISER}", password: "yokoten-demo") {
          user { email locale status phone mailPreferences { sessionNotices } } } }`,
      );
      expect(dataOf(res).signIn.user).toMatchObject({
        email: ORGANISER,
        locale: 'JA',
        status: 'ACTIVE',
        mailPreferences: { sessionNotices: true },
      });
      // Not a way round the rule: a query's anonymous caller reads nothing of the kind.
      const anonymous = await t.gql(`{ me { locale } }`);
      expect(anonymous.data).toEqual({ me: null });
    });

    it('updates the profile and mail preferences; others cannot read them', async () => {
      const updated = dataOf(
        await t.gql<{ updateMyProfile: Record<string, unknown> }>(
          UPDATE_PROFILE,
          {
            input: {
              title: ' 係長 ',
              department: '情報政策課',
              phone: '093-582-2111 内線 1234',
              locale: 'EN',
              mailPreferences: { adoptionNotices: false },
            },
          },
          officer,
        ),
      ).updateMyProfile;
      expect(updated).toMatchObject({
        title: '係長',
        department: '情報政策課',
        phone: '093-582-2111 内線 1234',
        locale: 'EN',
        mailPreferences: { sessionNotices: true, adoptionNotices: false, inquiryNotices: true },
      });
      const bad = onlyError(await t.gql(UPDATE_PROFILE, { input: { name: '  ' } }, officer));
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      const [entry] = (await db.query(
        `SELECT before, after FROM audit_log WHERE action = 'user.profileUpdate' AND subject_label = $1`,
        [OFFICER],
      )) as Array<{ before: Record<string, unknown>; after: Record<string, unknown> }>;
      expect(entry.after).toMatchObject({ title: '係長', locale: 'EN', adoptionNotices: false });
      expect(entry.before).toMatchObject({ locale: 'JA', adoptionNotices: true });

      // Staff read phone, status and locale, never another person's mail preferences.
      const node = `query($filter: UserFilter) { users(filter: $filter) { edges { node { email phone status locale } } } }`;
      const seen = dataOf(
        await t.gql<{ users: { edges: Array<{ node: Record<string, unknown> }> } }>(
          node,
          { filter: { query: 'officer.401005' } },
          organiser,
        ),
      ).users.edges[0].node;
      expect(seen).toMatchObject({
        email: OFFICER,
        phone: '093-582-2111 内線 1234',
        status: 'ACTIVE',
        locale: 'EN',
      });
      const prefs = await t.gql(
        `query { users(filter: { query: "officer.401005" }) { edges { node { mailPreferences { sessionNotices } } } } }`,
        {},
        organiser,
      );
      expect(prefs.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('mail preferences', () => {
    it('session, adoption and inquiry mails leave out those who turned them off, and disabled accounts', async () => {
      // A published case of municipality A that municipality B has not followed yet (both members, neither
      // touched by the tests above).
      const [pair] = (await db.query(
        `SELECT c.id AS "caseId", ma.code AS a, mb.code AS b
           FROM case_studies c
           JOIN municipalities ma ON ma.id = c.municipality_id AND ma.membership_status = 'MEMBER'
           JOIN municipalities mb ON mb.membership_status = 'MEMBER' AND mb.id <> ma.id
          WHERE c.status = 'PUBLISHED' AND ma.code NOT IN ($1, $2) AND mb.code NOT IN ($1, $2)
            AND NOT EXISTS (SELECT 1 FROM adoptions x WHERE x.case_study_id = c.id AND x.municipality_id = mb.id)
          ORDER BY ma.code, mb.code LIMIT 1`,
        [KITAKYUSHU, otherMember],
      )) as Array<{ caseId: string; a: string; b: string }>;
      const quiet = `officer.${pair.a}@yokoten.example`;
      const follower = `officer.${pair.b}@yokoten.example`;
      const quietToken = await t.login(quiet);
      const followerToken = await t.login(follower);
      dataOf(
        await t.gql(
          UPDATE_PROFILE,
          {
            input: {
              mailPreferences: { sessionNotices: false, adoptionNotices: false, inquiryNotices: false },
            },
          },
          quietToken,
        ),
      );
      // Two colleagues of A: one with the default preferences, one disabled.
      const keen = `keen.${pair.a}@yokoten.example`;
      const gone = `gone.${pair.a}@yokoten.example`;
      await inviteAndAccept(organiser, { email: keen, role: 'OFFICER', municipalityCode: pair.a });
      await inviteAndAccept(organiser, { email: gone, role: 'OFFICER', municipalityCode: pair.a });
      dataOf(await t.gql(DISABLE, { id: await userId(gone) }, organiser));

      // 横展開: B follows A's case.
      dataOf(
        await t.gql(
          `mutation($id: ID!) { recordAdoption(caseStudyId: $id, input: { status: CONSIDERING }) { id } }`,
          { id: pair.caseId },
          followerToken,
        ),
      );
      const adoption = await waitForMail(keen, 'adoption');
      expect([adoption.to].flat()).not.toContain(quiet);
      expect([adoption.to].flat()).not.toContain(gone);

      // A question from B to A.
      dataOf(
        await t.gql(
          `mutation($id: ID!) { askInquiry(caseStudyId: $id, input: { subject: "予算の内訳", body: "委託費の内訳を教えてください。" }) { id } }`,
          { id: pair.caseId },
          followerToken,
        ),
      );
      const asked = await waitForMail(keen, 'inquiry-asked');
      expect([asked.to].flat()).not.toContain(quiet);
      expect([asked.to].flat()).not.toContain(gone);

      // A session: a newcomer of B who turned session mail off registers and is told nothing; the keen
      // colleague of A is told.
      const hush = `hush.${pair.b}@yokoten.example`;
      const hushToken = await inviteAndAccept(organiser, {
        email: hush,
        role: 'OFFICER',
        municipalityCode: pair.b,
      });
      dataOf(
        await t.gql(UPDATE_PROFILE, { input: { mailPreferences: { sessionNotices: false } } }, hushToken),
      );
      const keenToken = await t.login(keen, GOOD_PASSWORD);
      const open = dataOf(
        await t.gql<{ exchangeSessions: Array<{ id: string }> }>(`{ exchangeSessions(status: OPEN) { id } }`),
      ).exchangeSessions[0];
      const register = `mutation($id: ID!) { registerForSession(sessionId: $id) { id status } }`;
      dataOf(await t.gql(register, { id: open.id }, hushToken));
      dataOf(await t.gql(register, { id: open.id }, keenToken));
      const kinds = ['confirmation', 'waitlist', 'application'];
      await eventually(
        async () => mailsTo(keen).filter((m) => kinds.includes(m.kind)),
        (l) => l.length > 0,
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(mailsTo(hush).filter((m) => kinds.includes(m.kind))).toHaveLength(0);
      // Account mails are always sent: the quiet officer still gets a reset link.
      dataOf(await t.gql(REQUEST_RESET, { email: quiet }));
      await waitForMail(quiet, 'password-reset');
    });
  });

  describe('administration', () => {
    it('lists accounts with filters: staff all, an officer their own municipality', async () => {
      const all = dataOf(await t.gql<{ users: { totalCount: number } }>(USERS, {}, organiser)).users;
      const officers = dataOf(
        await t.gql<{ users: { totalCount: number } }>(USERS, { filter: { roles: ['OFFICER'] } }, organiser),
      ).users;
      expect(all.totalCount).toBeGreaterThan(officers.totalCount);
      const page = dataOf(
        await t.gql<{ users: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
          USERS,
          { first: 5 },
          organiser,
        ),
      ).users;
      expect(page.edges).toHaveLength(5);
      expect(page.pageInfo.hasNextPage).toBe(true);
      const next = dataOf(
        await t.gql<{ users: { edges: Array<{ node: { email: string } }> } }>(
          USERS,
          { first: 5, after: page.pageInfo.endCursor },
          organiser,
        ),
      ).users;
      expect(next.edges).toHaveLength(5);
      const never = dataOf(
        await t.gql<{ users: { edges: Array<{ node: { email: string } }> } }>(
          USERS,
          { filter: { neverLoggedIn: true }, first: 200 },
          organiser,
        ),
      ).users.edges.map((e) => e.node.email);
      expect(never).not.toContain(ORGANISER);

      const own = dataOf(
        await t.gql<{ users: { edges: Array<{ node: { municipality: { code: string } | null } }> } }>(
          USERS,
          {},
          officer,
        ),
      ).users.edges;
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((e) => e.node.municipality?.code === KITAKYUSHU)).toBe(true);
      expect(
        onlyError(await t.gql(USERS, { filter: { municipalityCode: otherMember } }, officer)).extensions.code,
      ).toBe('FORBIDDEN');
      expect(onlyError(await t.gql(USERS, {})).extensions.code).toBe('UNAUTHENTICATED');
    });

    it('disabling ends the sessions at once and refuses login like a wrong password; enabling lets the person back in', async () => {
      const email = 'officer.' + otherMember + '@yokoten.example';
      const session = await t.login(email);
      const id = await userId(email);
      expect(onlyError(await t.gql(DISABLE, { id }, officer)).extensions.code).toBe('FORBIDDEN');
      expect(
        dataOf(await t.gql<{ disableUser: { status: string } }>(DISABLE, { id }, organiser)).disableUser
          .status,
      ).toBe('DISABLED');
      expect(dataOf(await t.gql<{ me: unknown }>(ME, {}, session)).me).toBeNull();
      const sessions = (await db.query(`SELECT count(*)::int AS n FROM login_sessions WHERE user_id = $1`, [
        id,
      ])) as Array<{ n: number }>;
      expect(sessions[0].n).toBe(0);
      const refused = onlyError(
        await t.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
          e: email,
          p: 'yokoten-demo',
        }),
      );
      expect(refused.extensions.code).toBe('UNAUTHENTICATED');
      expect(refused.message).toMatch(/メールアドレスまたはパスワードが正しくありません/);
      // A disabled account gets no reset mail.
      const before = mailsTo(email, 'password-reset').length;
      dataOf(await t.gql(REQUEST_RESET, { email }));

      expect(
        dataOf(await t.gql<{ enableUser: { status: string } }>(ENABLE, { id }, organiser)).enableUser.status,
      ).toBe('ACTIVE');
      const back = await t.login(email);
      expect(dataOf(await t.gql<{ me: { email: string } }>(ME, {}, back)).me.email).toBe(email);
      // Even a session row that survived (status changed behind the API's back) is anonymous while disabled.
      await db.query(`UPDATE users SET status = 'DISABLED' WHERE id = $1`, [id]);
      expect(dataOf(await t.gql<{ me: unknown }>(ME, {}, back)).me).toBeNull();
      await db.query(`UPDATE users SET status = 'ACTIVE' WHERE id = $1`, [id]);
      expect(await audit('user.disable', email)).toHaveLength(1);
      expect(await audit('user.enable', email)).toHaveLength(1);
      expect(mailsTo(email, 'password-reset')).toHaveLength(before);
    });

    it('roles: only an admin touches admins, the last active admin stays, nobody disables themselves', async () => {
      const adminId = await userId(ADMIN);
      const organiserId = await userId(ORGANISER);
      expect(onlyError(await t.gql(DISABLE, { id: organiserId }, organiser)).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SELF',
      });
      expect(onlyError(await t.gql(DISABLE, { id: adminId }, organiser)).extensions.code).toBe('FORBIDDEN');
      expect(
        onlyError(await t.gql(CHANGE_ROLE, { id: organiserId, role: 'ADMIN' }, organiser)).extensions.code,
      ).toBe('FORBIDDEN');
      expect(
        onlyError(await t.gql(CHANGE_ROLE, { id: adminId, role: 'ORGANISER' }, admin)).extensions,
      ).toMatchObject({
        code: 'CONFLICT',
        reason: 'LAST_ADMIN',
      });
      // An officer needs a municipality.
      const officerId = await userId(OFFICER);
      expect(
        onlyError(await t.gql(CHANGE_ROLE, { id: officerId, role: 'OFFICER' }, organiser)).extensions,
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'municipalityCode',
      });

      // With a second admin, the first may step down; then the second is the last and stays.
      const secondEmail = 'deputy.admin@yokoten.example';
      const second = await inviteAndAccept(admin, { email: secondEmail, role: 'ADMIN' });
      const secondId = await userId(secondEmail);
      const demoted = dataOf(
        await t.gql<{ changeUserRole: { role: string } }>(
          CHANGE_ROLE,
          { id: adminId, role: 'ORGANISER' },
          second,
        ),
      );
      expect(demoted.changeUserRole.role).toBe('ORGANISER');
      expect(
        onlyError(await t.gql(CHANGE_ROLE, { id: secondId, role: 'ORGANISER' }, second)).extensions.reason,
      ).toBe('LAST_ADMIN');
      expect(onlyError(await t.gql(DISABLE, { id: secondId }, admin)).extensions.code).toBe('FORBIDDEN');
      dataOf(await t.gql(CHANGE_ROLE, { id: adminId, role: 'ADMIN' }, second));
      const [entry] = (await db.query(
        `SELECT before, after FROM audit_log WHERE action = 'user.roleChange' AND subject_label = $1 ORDER BY id LIMIT 1`,
        [ADMIN],
      )) as Array<{ before: { role: string }; after: { role: string } }>;
      expect(entry).toEqual({
        before: { role: 'ADMIN', municipalityCode: null },
        after: { role: 'ORGANISER', municipalityCode: null },
      });
    });

    it('never writes a password hash or a token into the audit log', async () => {
      const rows = (await db.query(`SELECT before::text || after::text AS body FROM audit_log`)) as Array<{
        body: string | null;
      }>;
      const text = rows.map((r) => r.body ?? '').join('\n');
      expect(text).not.toMatch(/\$argon2/);
      expect(text).not.toMatch(/[0-9a-f]{64}/);
    });
  });
});
