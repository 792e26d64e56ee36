import { Client } from 'pg';
import { DEMO_MUNICIPALITIES } from '@yokoten/demo-data';
import { onlyError, outcome } from './factories/http';
import { requestStatements } from './query-count';
import { createTestApp, type TestApp } from './test-app';

// jest ignores `testTimeout` inside a `projects` entry, so the 5 s default would apply to booting the app.
jest.setTimeout(30_000);

interface Node {
  code: string;
  name: string;
  membershipStatus: string | null;
  joinedOn: string | null;
}
interface Page {
  municipalities: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: Node }>;
  };
}

const LIST = `query List($filter: MunicipalityFilter, $first: Int, $after: String) {
  municipalities(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { code name membershipStatus joinedOn } }
  }
}`;
const ONE = `query One($code: String!) {
  municipality(code: $code) {
    code name kana nameEn kind population populationBand membershipStatus joinedOn
    prefecture { code name nameEn region }
    declaration { id signerName signerTitle statement signedAt municipality { code } }
  }
}`;
const STATS = `{ networkStats { memberCount applicantCount declarationCount prefectureCount } }`;
const DECLARATIONS = `{ declarations { id signerName statement signedAt municipality { code membershipStatus } } }`;
const ADMIT = `mutation($code: String!) { admitMunicipality(code: $code) { code membershipStatus joinedOn } }`;
const WITHDRAW = `mutation($code: String!) { withdrawMunicipality(code: $code) { code membershipStatus joinedOn } }`;
const SIGN = `mutation($input: SignDeclarationInput!) {
  signDeclaration(input: $input) { id signerName signerTitle statement signedAt municipality { code } }
}`;

type Stats = {
  memberCount: number;
  applicantCount: number;
  declarationCount: number;
  prefectureCount: number;
};
type Declarations = {
  declarations: Array<{
    id: string;
    signerName: string;
    statement: string;
    signedAt: string;
    municipality: { code: string; membershipStatus: string };
  }>;
};

const demoCodes = (keep: (m: (typeof DEMO_MUNICIPALITIES)[number]) => boolean) =>
  DEMO_MUNICIPALITIES.filter(keep)
    .map((m) => m.code)
    .sort();

function todayInTokyo(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

describe('municipalities over HTTP', () => {
  let t: TestApp;
  let sql: Client;

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  const codesOf = async (sqlText: string, params: unknown[] = []) =>
    (await sql.query<{ code: string }>(sqlText, params)).rows.map((r) => r.code);
  const list = async (variables: Record<string, unknown>) => {
    const res = await t.gql<Page>(LIST, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.municipalities;
  };
  const codes = async (filter: Record<string, unknown>) =>
    (await list({ filter, first: 100 })).edges.map((e) => e.node.code);
  const stats = async () => (await t.gql<{ networkStats: Stats }>(STATS)).data!.networkStats;
  const one = async (code: string) =>
    (await t.gql<{ municipality: Record<string, unknown> | null }>(ONE, { code })).data!.municipality;

  describe('filters', () => {
    it('lists the whole register in code order by default, 20 to a page', async () => {
      const page = await list({});
      expect(page.totalCount).toBe(DEMO_MUNICIPALITIES.length);
      expect(page.edges.map((e) => e.node.code)).toEqual(demoCodes(() => true).slice(0, 20));
      expect(page.pageInfo.hasNextPage).toBe(true);
    });

    it('filters by prefecture codes', async () => {
      expect(await codes({ prefectureCodes: ['40'] })).toEqual(['401005', '401307']);
      expect(await codes({ prefectureCodes: ['40', '13'] })).toEqual(
        demoCodes((m) => ['40', '13'].includes(m.prefectureCode)),
      );
    });

    it('filters by kinds', async () => {
      expect(await codes({ kinds: ['VILLAGE'] })).toEqual(demoCodes((m) => m.kind === 'VILLAGE'));
      expect(await codes({ kinds: ['PREFECTURE', 'SPECIAL_WARD'] })).toEqual(
        demoCodes((m) => m.kind === 'PREFECTURE' || m.kind === 'SPECIAL_WARD'),
      );
    });

    it('filters by membership statuses', async () => {
      for (const status of ['MEMBER', 'APPLICANT', 'WITHDRAWN']) {
        const expected = await codesOf(
          `SELECT code FROM municipalities WHERE membership_status = $1 ORDER BY code`,
          [status],
        );
        expect(expected.length).toBeGreaterThan(0);
        const page = await list({ filter: { membershipStatuses: [status] }, first: 100 });
        expect(page.edges.map((e) => e.node.code)).toEqual(expected);
        expect(page.totalCount).toBe(expected.length);
        expect(page.edges.every((e) => e.node.membershipStatus === status)).toBe(true);
      }
      expect(await codes({ membershipStatuses: ['APPLICANT', 'WITHDRAWN'] })).toEqual(
        await codesOf(
          `SELECT code FROM municipalities WHERE membership_status IN ('APPLICANT','WITHDRAWN') ORDER BY code`,
        ),
      );
    });

    it('combines filters with AND', async () => {
      const expected = demoCodes((m) => m.prefectureCode === '20' && m.kind === 'TOWN');
      expect(expected.length).toBeGreaterThan(0);
      const page = await list({ filter: { prefectureCodes: ['20'], kinds: ['TOWN'] }, first: 100 });
      expect(page.edges.map((e) => e.node.code)).toEqual(expected);
      expect(page.totalCount).toBe(expected.length);
      expect(await codes({ prefectureCodes: ['01'], kinds: ['VILLAGE'] })).toEqual([]);
    });
  });

  describe('search by name, kana and English name', () => {
    it.each([
      ['kanji', '北九州'],
      ['hiragana', 'きたきゅうしゅう'],
      ['katakana', 'キタキュウシュウ'],
      ['half-width katakana', 'ｷﾀｷｭｳｼｭｳ'],
      ['English', 'Kitakyushu'],
      ['English, upper case', 'KITAKYUSHU'],
      ['full-width Latin', 'Ｋｉｔａｋｙｕｓｈｕ'],
      ['with surrounding spaces', '  北九州  '],
    ])('finds 北九州市 by %s (%s)', async (_how, search) => {
      expect(await codes({ search })).toEqual(['401005']);
    });

    it('matches every word of a multi-word query (ideographic space too)', async () => {
      expect(await codes({ search: 'ひろしま' })).toEqual(['340006', '341002']);
      expect(await codes({ search: '広島　けん' })).toEqual(['340006']);
      expect(await codes({ search: 'hiroshima prefecture' })).toEqual(['340006']);
    });

    it('finds a municipality by its 団体コード, whole or its first digits, full-width too', async () => {
      expect(await codes({ search: '401005' })).toEqual(['401005']);
      expect(await codes({ search: '４０１００５' })).toEqual(['401005']);
      // The five-digit form (without the check digit) is a prefix of the code.
      expect(await codes({ search: '40100' })).toEqual(['401005']);
      expect(await codes({ search: '3400' })).toEqual(['340006']);
      // Digits inside a code are not a match: 1005 is not the start of 401005.
      expect(await codes({ search: '1005' })).toEqual([]);
    });

    it('treats % and _ as plain characters, not wildcards', async () => {
      expect(await codes({ search: '%' })).toEqual([]);
      expect(await codes({ search: '_' })).toEqual([]);
      expect(await codes({ search: '北%州' })).toEqual([]);
    });

    it('combines search with the other filters', async () => {
      expect(await codes({ search: 'ひろしま', kinds: ['DESIGNATED_CITY'] })).toEqual(['341002']);
      expect(await codes({ search: 'ひろしま', prefectureCodes: ['01'] })).toEqual([]);
    });

    it('rejects a search longer than 100 characters with BAD_USER_INPUT naming filter.search', async () => {
      const res = await t.gql(LIST, { filter: { search: 'あ'.repeat(101) } });
      expect(onlyError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    });
  });

  describe('cursor pagination', () => {
    it('walks every member exactly once, in code order, with a stable totalCount', async () => {
      const expected = await codesOf(
        `SELECT code FROM municipalities WHERE membership_status = 'MEMBER' ORDER BY code`,
      );
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: Page['municipalities'] = await list({
          filter: { membershipStatuses: ['MEMBER'] },
          first: 7,
          after,
        });
        pages++;
        expect(page.totalCount).toBe(expected.length);
        expect(page.edges.length).toBeLessThanOrEqual(7);
        seen.push(...page.edges.map((e) => e.node.code));
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        if (!page.pageInfo.hasNextPage) break;
        expect(page.edges).toHaveLength(7);
        after = page.pageInfo.endCursor;
        expect(pages).toBeLessThan(50); // no endless loop if hasNextPage never turns false
      }
      expect(seen).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / 7));
    });

    it('ends with hasNextPage false exactly when the last row has been returned', async () => {
      const total = (await list({ first: 1 })).totalCount;
      const all = await list({ first: total });
      expect(all.edges).toHaveLength(total);
      expect(all.pageInfo.hasNextPage).toBe(false);
      const after = await list({ first: 5, after: all.pageInfo.endCursor });
      expect(after.edges).toEqual([]);
      expect(after.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
      expect(after.totalCount).toBe(total);
    });

    it.each([
      ['not base64 of a cursor', 'not-a-cursor'],
      ['an id, not a cursor', '401005'],
      ['a cursor with a short code', Buffer.from('m:12345').toString('base64url')],
    ])('rejects an invalid `after` (%s) with BAD_USER_INPUT naming `after`', async (_what, after) => {
      const res = await t.gql(LIST, { after });
      expect(res.data).toBeNull();
      expect(onlyError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it.each([0, -1, 101, 1000])('rejects first: %p with BAD_USER_INPUT naming `first`', async (first) => {
      const res = await t.gql(LIST, { first });
      expect(res.data).toBeNull();
      const error = onlyError(res);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(error.message).toMatch(/first/);
    });

    it.each([[['48']], [['00']], [['1']], [['13', '４０']]])(
      'rejects prefectureCodes %j with BAD_USER_INPUT naming filter.prefectureCodes',
      async (prefectureCodes) => {
        const res = await t.gql(LIST, { filter: { prefectureCodes } });
        expect(res.data).toBeNull();
        expect(onlyError(res).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'filter.prefectureCodes',
        });
      },
    );
  });

  describe('municipality(code)', () => {
    it('returns a member with its prefecture, population band and declaration', async () => {
      const sapporo = await one('011002');
      expect(sapporo).toMatchObject({
        code: '011002',
        name: '札幌市',
        kana: 'さっぽろし',
        nameEn: 'Sapporo',
        kind: 'DESIGNATED_CITY',
        population: 1_973_395,
        populationBand: 'OVER_1M',
        membershipStatus: 'MEMBER',
        joinedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        prefecture: { code: '01', name: '北海道', nameEn: 'Hokkaido', region: 'HOKKAIDO' },
        declaration: {
          signerName: expect.any(String),
          signerTitle: expect.stringContaining('札幌市'),
          statement: expect.any(String),
          municipality: { code: '011002' },
        },
      });
    });

    it.each([
      ['010006', 'OVER_1M'],
      ['012084', 'FROM_100K_TO_300K'],
      ['172065', 'FROM_50K_TO_100K'],
      ['203211', 'FROM_10K_TO_50K'],
      ['016331', 'UNDER_10K'],
      ['282014', 'FROM_300K_TO_1M'],
    ])('derives the population band of %s as %s', async (code, band) => {
      expect(await one(code)).toMatchObject({ code, populationBand: band });
    });

    it('returns null for a valid code that is not in the register', async () => {
      const res = await t.gql(ONE, { code: '121002' }); // 千葉市: valid, not seeded
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ municipality: null });
    });

    it.each(['40100', '401006', 'abcdef', '４０１００５'])(
      'rejects the malformed code %p with BAD_USER_INPUT naming `code`',
      async (code) => {
        const res = await t.gql(ONE, { code });
        expect(onlyError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
      },
    );
  });

  describe('networkStats', () => {
    it('counts members, applicants, member prefectures and members’ declarations as stored', async () => {
      const {
        rows: [expected],
      } = await sql.query<Stats>(`SELECT
          (SELECT count(*) FROM municipalities WHERE membership_status = 'MEMBER')::int AS "memberCount",
          (SELECT count(*) FROM municipalities WHERE membership_status = 'APPLICANT')::int AS "applicantCount",
          (SELECT count(*) FROM declarations d JOIN municipalities m ON m.id = d.municipality_id
            WHERE m.membership_status = 'MEMBER')::int AS "declarationCount",
          (SELECT count(DISTINCT prefecture_code) FROM municipalities
            WHERE membership_status = 'MEMBER')::int AS "prefectureCount"`);
      const actual = await stats();
      expect(actual).toEqual(expected);
      // The demo data: everyone but the last five municipalities is a member, the last three applied.
      expect(actual.memberCount).toBe(DEMO_MUNICIPALITIES.length - 5);
      expect(actual.applicantCount).toBe(3);
      // …and the other views of the same data agree with it.
      expect((await list({ filter: { membershipStatuses: ['MEMBER'] }, first: 1 })).totalCount).toBe(
        actual.memberCount,
      );
      expect((await t.gql<Declarations>(DECLARATIONS)).data!.declarations).toHaveLength(
        actual.declarationCount,
      );
    });

    it('lists declarations of members only, oldest first', async () => {
      const { declarations } = (await t.gql<Declarations>(DECLARATIONS)).data!;
      expect(declarations.length).toBeGreaterThan(0);
      expect(declarations.every((d) => d.municipality.membershipStatus === 'MEMBER')).toBe(true);
      const times = declarations.map((d) => Date.parse(d.signedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });
  });

  describe('membership changes (organiser)', () => {
    let organiser: string;
    beforeAll(async () => {
      organiser = await t.login('organiser@yokoten.example');
    });

    it('admits an applicant: MEMBER, joined today in Japan time, counted in the stats', async () => {
      const [code] = await codesOf(
        `SELECT code FROM municipalities WHERE membership_status = 'APPLICANT' ORDER BY code LIMIT 1`,
      );
      const before = await stats();
      const dayBefore = todayInTokyo();
      const res = await t.gql<{ admitMunicipality: Node }>(ADMIT, { code }, organiser);
      const dayAfter = todayInTokyo();
      expect(res.errors).toBeUndefined();
      expect(res.data!.admitMunicipality).toMatchObject({ code, membershipStatus: 'MEMBER' });
      expect([dayBefore, dayAfter]).toContain(res.data!.admitMunicipality.joinedOn);
      expect(await one(code)).toMatchObject({
        membershipStatus: 'MEMBER',
        joinedOn: res.data!.admitMunicipality.joinedOn,
      });
      expect(await stats()).toMatchObject({
        memberCount: before.memberCount + 1,
        applicantCount: before.applicantCount - 1,
      });

      // Admitting again is a conflict and changes nothing.
      const again = await t.gql(ADMIT, { code }, organiser);
      expect(again.data).toBeNull();
      const error = onlyError(again);
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toMatch(/already a member/);
      expect(await stats()).toMatchObject({ memberCount: before.memberCount + 1 });
    });

    it('re-admits a withdrawn municipality with a new joined date', async () => {
      const [code] = await codesOf(
        `SELECT code FROM municipalities WHERE membership_status = 'WITHDRAWN' ORDER BY code LIMIT 1`,
      );
      const res = await t.gql<{ admitMunicipality: Node }>(ADMIT, { code }, organiser);
      expect(res.errors).toBeUndefined();
      expect(res.data!.admitMunicipality.membershipStatus).toBe('MEMBER');
      expect(res.data!.admitMunicipality.joinedOn).toBe(todayInTokyo());
    });

    it('answers NOT_FOUND for a valid code that is not in the register', async () => {
      const res = await t.gql(ADMIT, { code: '121002' }, organiser);
      expect(outcome(res)).toBe('NOT_FOUND');
    });

    it('withdraws a member: its declaration leaves the public list and the stats, but stays on record', async () => {
      const [code] = await codesOf(
        `SELECT m.code FROM municipalities m JOIN declarations d ON d.municipality_id = m.id
          WHERE m.membership_status = 'MEMBER' ORDER BY m.code LIMIT 1`,
      );
      const listed = async () =>
        (await t.gql<Declarations>(DECLARATIONS)).data!.declarations.map((d) => d.municipality.code);
      expect(await listed()).toContain(code);
      const before = await stats();

      const res = await t.gql<{ withdrawMunicipality: Node }>(WITHDRAW, { code }, organiser);
      expect(res.errors).toBeUndefined();
      expect(res.data!.withdrawMunicipality).toMatchObject({ code, membershipStatus: 'WITHDRAWN' });

      expect(await listed()).not.toContain(code);
      expect(await stats()).toEqual({
        ...before,
        memberCount: before.memberCount - 1,
        declarationCount: before.declarationCount - 1,
        prefectureCount: expect.any(Number),
      });
      expect(await one(code)).toMatchObject({
        membershipStatus: 'WITHDRAWN',
        declaration: { id: expect.any(String) },
      });

      const again = await t.gql(WITHDRAW, { code }, organiser);
      expect(outcome(again)).toBe('CONFLICT');
      expect(onlyError(again).message).toMatch(/not a member/);
    });

    it('refuses to withdraw an applicant (CONFLICT) and leaves it an applicant', async () => {
      const [code] = await codesOf(
        `SELECT code FROM municipalities WHERE membership_status = 'APPLICANT' ORDER BY code LIMIT 1`,
      );
      expect(outcome(await t.gql(WITHDRAW, { code }, organiser))).toBe('CONFLICT');
      expect(await one(code)).toMatchObject({ membershipStatus: 'APPLICANT', joinedOn: null });
    });
  });

  describe('signDeclaration (officer, own municipality)', () => {
    let code: string;
    let officer: string;
    const valid = {
      signerName: '  北九 太郎  ',
      signerTitle: '市長',
      statement: '職員のDX人材育成と、市内企業のリスキリング支援を横展開します。',
    };
    const declarationRows = async () =>
      (
        await sql.query<{ statement: string }>(
          `SELECT d.statement FROM declarations d JOIN municipalities m ON m.id = d.municipality_id WHERE m.code = $1`,
          [code],
        )
      ).rows;

    beforeAll(async () => {
      [code] = await codesOf(
        `SELECT m.code FROM municipalities m LEFT JOIN declarations d ON d.municipality_id = m.id
          WHERE m.membership_status = 'MEMBER' AND d.id IS NULL ORDER BY m.code LIMIT 1`,
      );
      officer = await t.login(`officer.${code}@yokoten.example`);
    });

    it('rejects an empty (blank) statement with BAD_USER_INPUT naming input.statement, writing nothing', async () => {
      const res = await t.gql(SIGN, { input: { ...valid, statement: '   ' } }, officer);
      expect(res.data).toBeNull();
      const error = onlyError(res);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.statement' });
      expect(error.message).toMatch(/statement/);
      expect(await declarationRows()).toEqual([]);
      expect(await one(code)).toMatchObject({ declaration: null });
    });

    it('lists every bad field at once', async () => {
      const res = await t.gql(
        SIGN,
        { input: { signerName: '', signerTitle: '市長', statement: '' } },
        officer,
      );
      const error = onlyError(res);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      const fields = (error.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort();
      expect(fields).toEqual(['input.signerName', 'input.statement']);
      expect(await declarationRows()).toEqual([]);
    });

    it('signs once: trimmed, returned, listed publicly as the newest, counted in the stats', async () => {
      const before = await stats();
      const res = await t.gql<{ signDeclaration: Record<string, unknown> }>(SIGN, { input: valid }, officer);
      expect(res.errors).toBeUndefined();
      expect(res.data!.signDeclaration).toMatchObject({
        signerName: '北九 太郎',
        signerTitle: '市長',
        statement: valid.statement,
        municipality: { code },
      });
      const { declarations } = (await t.gql<Declarations>(DECLARATIONS)).data!;
      expect(declarations.at(-1)).toMatchObject({ municipality: { code }, statement: valid.statement });
      expect(await stats()).toMatchObject({ declarationCount: before.declarationCount + 1 });
    });

    it('a second signature is a CONFLICT and keeps the first one', async () => {
      const res = await t.gql(SIGN, { input: { ...valid, statement: '別の宣言' } }, officer);
      expect(res.data).toBeNull();
      expect(outcome(res)).toBe('CONFLICT');
      expect(await declarationRows()).toEqual([{ statement: valid.statement }]);
    });

    it('an officer of a withdrawn municipality cannot sign (BAD_USER_INPUT), nothing is written', async () => {
      const [withdrawn] = await codesOf(
        `SELECT m.code FROM municipalities m JOIN users u ON u.municipality_id = m.id
          LEFT JOIN declarations d ON d.municipality_id = m.id
          WHERE m.membership_status = 'WITHDRAWN' AND d.id IS NULL ORDER BY m.code LIMIT 1`,
      );
      const token = await t.login(`officer.${withdrawn}@yokoten.example`);
      const res = await t.gql(SIGN, { input: valid }, token);
      expect(onlyError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'municipalityCode' });
      expect(await one(withdrawn)).toMatchObject({ declaration: null });
    });
  });

  describe('query count (no N+1)', () => {
    /** Every SQL statement the request sends through node-postgres (which TypeORM uses). */
    const statements = (run: () => Promise<unknown>) => requestStatements('client', run);
    const DEEP = `query($first: Int) {
      municipalities(first: $first) {
        edges { node {
          code name populationBand prefecture { code name }
          declaration { signerName municipality { code name } }
        } }
      }
    }`;

    it('lists 50 municipalities with prefecture and declaration in as many queries as 5', async () => {
      let data: { municipalities: { edges: Array<{ node: { declaration: unknown } }> } } | undefined;
      const fifty = await statements(async () => {
        data = (await t.gql<NonNullable<typeof data>>(DEEP, { first: 50 })).data;
      });
      expect(data!.municipalities.edges).toHaveLength(50);
      // Enough declarations in the page that one query per row would show.
      expect(data!.municipalities.edges.filter((e) => e.node.declaration).length).toBeGreaterThanOrEqual(20);
      expect(fifty.length).toBeGreaterThan(0); // the spy sees the app's queries at all
      expect(fifty.length).toBeLessThanOrEqual(5);

      const five = await statements(() => t.gql(DEEP, { first: 5 }));
      expect(fifty.length).toBe(five.length);
    });
  });
});
