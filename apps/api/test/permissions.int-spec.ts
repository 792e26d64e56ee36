import { outcome } from './factories/http';
import { createTestApp, type GqlResponse, type TestApp } from './test-app';

// jest ignores `testTimeout` inside a `projects` entry, so the 5 s default would apply to booting the app.
jest.setTimeout(30_000);

/**
 * SPEC "Permissions" over HTTP: anonymous, an officer of municipality A, an officer of municipality B,
 * the organiser and the admin, against every action of the foundation. A denied action must be
 * UNAUTHENTICATED or FORBIDDEN and must leave the database as it was (re-read through the API).
 */
type Who = 'anonymous' | 'officerA' | 'officerB' | 'organiser' | 'admin';
type Expected = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN';

const STATE = `query State($code: String!) {
  municipality(code: $code) { code membershipStatus joinedOn declaration { id signerName statement } }
}`;
const ADMIT = `mutation($code: String!) { admitMunicipality(code: $code) { code membershipStatus } }`;
const WITHDRAW = `mutation($code: String!) { withdrawMunicipality(code: $code) { code membershipStatus } }`;
const SIGN = `mutation($input: SignDeclarationInput!, $target: DeclarationTargetInput) {
  signDeclaration(input: $input, target: $target) { id municipality { code } }
}`;
const ME = `{ me { email role municipality { code } } }`;
const LIST = `query($status: MembershipStatus!) {
  municipalities(filter: { membershipStatuses: [$status] }, first: 100) {
    edges { node { code declaration { id } } }
  }
}`;

const signInput = { signerName: '山田 太郎', signerTitle: '市長', statement: '横展開に取り組みます。' };

interface Listing {
  municipalities: { edges: Array<{ node: { code: string; declaration: { id: string } | null } }> };
}

describe('permissions matrix over HTTP', () => {
  let t: TestApp;
  const tokens: Partial<Record<Who, string>> = {};
  let applicants: string[];
  let unsigned: string[]; // members without a declaration
  let signed: string[]; // members with one
  let A: string;
  let B: string;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    const list = async (status: string) =>
      (await t.gql<Listing>(LIST, { status })).data!.municipalities.edges.map((e) => e.node);
    applicants = (await list('APPLICANT')).map((m) => m.code);
    const members = await list('MEMBER');
    unsigned = members.filter((m) => !m.declaration).map((m) => m.code);
    signed = members.filter((m) => m.declaration).map((m) => m.code);
    // The demo data must give the matrix enough subjects, or the matrix would test less than it says.
    expect(applicants.length).toBeGreaterThanOrEqual(3);
    expect(unsigned.length).toBeGreaterThanOrEqual(3);
    expect(signed.length).toBeGreaterThanOrEqual(3);
    [A, B] = unsigned;
    tokens.officerA = await t.login(`officer.${A}@yokoten.example`);
    tokens.officerB = await t.login(`officer.${B}@yokoten.example`);
    tokens.organiser = await t.login('organiser@yokoten.example');
    tokens.admin = await t.login('admin@yokoten.example');
  });
  afterAll(async () => {
    await t?.close();
  });

  const as = (who: Who, query: string, variables?: Record<string, unknown>) =>
    t.gql(query, variables, tokens[who]);
  const state = async (code: string) => (await t.gql(STATE, { code })).data;

  /** Runs a mutation that must be denied and checks the subject reads the same before and after. */
  async function expectDenied(
    who: Who,
    expected: Exclude<Expected, 'OK'>,
    subject: string,
    run: () => Promise<GqlResponse>,
  ): Promise<void> {
    const before = await state(subject);
    const res = await run();
    expect({ who, outcome: outcome(res) }).toEqual({ who, outcome: expected });
    expect(res.data).toBeNull();
    expect(await state(subject)).toEqual(before);
  }

  describe('me', () => {
    it.each<[Who, Record<string, unknown> | null]>([
      ['anonymous', null],
      ['officerA', { role: 'OFFICER' }],
      ['officerB', { role: 'OFFICER' }],
      ['organiser', { email: 'organiser@yokoten.example', role: 'ORGANISER', municipality: null }],
      ['admin', { email: 'admin@yokoten.example', role: 'ADMIN', municipality: null }],
    ])('%s reads their own identity (anonymous: null, not an error)', async (who, expected) => {
      const res = await as(who, ME);
      expect(res.errors).toBeUndefined();
      const me = (res.data as { me: Record<string, unknown> | null }).me;
      if (expected === null) expect(me).toBeNull();
      else expect(me).toMatchObject(expected);
      if (who === 'officerA') expect(me).toMatchObject({ municipality: { code: A } });
      if (who === 'officerB') expect(me).toMatchObject({ municipality: { code: B } });
    });
  });

  describe('public reads', () => {
    it('anyone, signed in or not, reads the member list, declarations and network stats', async () => {
      for (const who of ['anonymous', 'officerA', 'organiser', 'admin'] as Who[]) {
        const res = await as(
          who,
          `{ municipalities(first: 1) { totalCount } declarations { id } networkStats { memberCount } }`,
        );
        expect({ who, errors: res.errors }).toEqual({ who, errors: undefined });
      }
    });
  });

  describe('admitMunicipality (organiser and admin only)', () => {
    it.each<[Who, Exclude<Expected, 'OK'>]>([
      ['anonymous', 'UNAUTHENTICATED'],
      ['officerA', 'FORBIDDEN'],
      ['officerB', 'FORBIDDEN'],
    ])('%s is refused with %s and the applicant stays an applicant', async (who, expected) => {
      await expectDenied(who, expected, applicants[0], () => as(who, ADMIT, { code: applicants[0] }));
      expect(await state(applicants[0])).toMatchObject({
        municipality: { membershipStatus: 'APPLICANT', joinedOn: null },
      });
    });

    it.each<[Who, number]>([
      ['organiser', 1],
      ['admin', 2],
    ])('%s admits an applicant', async (who, index) => {
      const res = await as(who, ADMIT, { code: applicants[index] });
      expect(outcome(res)).toBe('OK');
      expect(await state(applicants[index])).toMatchObject({ municipality: { membershipStatus: 'MEMBER' } });
    });
  });

  describe('withdrawMunicipality (organiser and admin only)', () => {
    it.each<[Who, Exclude<Expected, 'OK'>, () => string]>([
      ['anonymous', 'UNAUTHENTICATED', () => signed[0]],
      ['officerA', 'FORBIDDEN', () => A], // not even their own municipality
      ['officerB', 'FORBIDDEN', () => signed[0]],
    ])('%s is refused with %s and the member stays a member', async (who, expected, subject) => {
      const code = subject();
      await expectDenied(who, expected, code, () => as(who, WITHDRAW, { code }));
      expect(await state(code)).toMatchObject({ municipality: { membershipStatus: 'MEMBER' } });
    });

    it.each<[Who, number]>([
      ['organiser', 1],
      ['admin', 2],
    ])('%s withdraws a member', async (who, index) => {
      const res = await as(who, WITHDRAW, { code: signed[index] });
      expect(outcome(res)).toBe('OK');
      expect(await state(signed[index])).toMatchObject({ municipality: { membershipStatus: 'WITHDRAWN' } });
    });
  });

  describe('signDeclaration (an officer for their own municipality; admin for any)', () => {
    it.each<[Who, Exclude<Expected, 'OK'>]>([
      ['anonymous', 'UNAUTHENTICATED'],
      ['officerB', 'FORBIDDEN'], // an officer of another municipality
      ['organiser', 'FORBIDDEN'], // membership, not declarations
    ])('%s signing for municipality A is refused with %s and nothing is written', async (who, expected) => {
      await expectDenied(who, expected, A, () =>
        as(who, SIGN, { input: signInput, target: { municipalityCode: A } }),
      );
      expect(await state(A)).toMatchObject({ municipality: { declaration: null } });
    });

    it('anonymous signing without a target is refused with UNAUTHENTICATED', async () => {
      await expectDenied('anonymous', 'UNAUTHENTICATED', A, () =>
        as('anonymous', SIGN, { input: signInput }),
      );
    });

    it('officer of A signs for A (own municipality, no target needed)', async () => {
      const res = await as('officerA', SIGN, { input: signInput });
      expect(outcome(res)).toBe('OK');
      expect(res.data).toMatchObject({ signDeclaration: { municipality: { code: A } } });
      expect(await state(A)).toMatchObject({
        municipality: { declaration: { signerName: signInput.signerName, statement: signInput.statement } },
      });
    });

    it('officer of A naming A as the target explicitly is allowed too (then CONFLICT: already signed)', async () => {
      const res = await as('officerA', SIGN, { input: signInput, target: { municipalityCode: A } });
      expect(outcome(res)).toBe('CONFLICT');
    });

    it('admin signs for any member municipality', async () => {
      const C = unsigned[2];
      const res = await as('admin', SIGN, { input: signInput, target: { municipalityCode: C } });
      expect(outcome(res)).toBe('OK');
      expect(res.data).toMatchObject({ signDeclaration: { municipality: { code: C } } });
      expect(await state(C)).toMatchObject({
        municipality: { declaration: { signerName: signInput.signerName } },
      });
    });

    it('officer of B still cannot sign for A after A has signed (FORBIDDEN before CONFLICT)', async () => {
      await expectDenied('officerB', 'FORBIDDEN', A, () =>
        as('officerB', SIGN, { input: signInput, target: { municipalityCode: A } }),
      );
    });
  });
});
