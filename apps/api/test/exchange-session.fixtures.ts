import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { termOf } from '@yokoten/case-studies';
import { DEMO_MUNICIPALITIES } from '@yokoten/demo-data';
import { MunicipalityEntity } from '../src/modules/municipality/municipality.entity';
import { searchTextOf } from '../src/modules/municipality/municipality.repository';
import { hashToken } from '../src/modules/auth/auth.service';
import type { TestApp } from './test-app';

/** Session helpers for the exchange-session and registration integration specs. */

export const SESSION_FIELDS = `
  id title term termLabel status capacity perMunicipalityLimit allocationMode lotterySeed
  startsAt endsAt registrationOpensAt registrationClosesAt format venue venueDetails meetingUrl
  confirmedCount waitlistCount appliedCount checkedInCount remainingSeats isRegistrationOpen
  tables { id name theme seats }
`;

export const REGISTRATION_FIELDS = `
  id status waitlistPosition arrivalSeq checkedInAt checkInCode
  user { id email } municipality { code } tablePreferences { id } assignedTable { id name }
`;

export interface Officer {
  id: string;
  token: string;
  municipalityId: string;
  municipalityCode: string;
  email: string;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export function dataSourceOf(t: TestApp): DataSource {
  return t.app.get(DataSource);
}

/**
 * The network these specs need, without the full demo seed (case studies and search indexing are other
 * features' business): the demo municipalities, all but the last three as members (those stay applicants),
 * and an organiser with a live token.
 */
export async function seedNetwork(t: TestApp): Promise<{ organiser: string; organiserId: string }> {
  const ds = dataSourceOf(t);
  const repo = ds.getRepository(MunicipalityEntity);
  await repo.save(
    DEMO_MUNICIPALITIES.map((m, i) =>
      repo.create({
        code: m.code,
        name: m.name,
        kana: m.kana,
        nameEn: m.nameEn,
        prefectureCode: m.prefectureCode,
        kind: m.kind,
        population: m.population,
        membershipStatus: i >= DEMO_MUNICIPALITIES.length - 3 ? 'APPLICANT' : 'MEMBER',
        joinedOn: '2023-05-10',
        searchText: searchTextOf(m),
      }),
    ),
  );
  const token = randomBytes(24).toString('base64url');
  const [user]: Array<{ id: string }> = await ds.query(
    `INSERT INTO users (email, name, role, municipality_id, password_hash)
     VALUES ('organiser.' || $1 || '@test.yokoten.example', '事務局（テスト）', 'ORGANISER', NULL, 'not-a-hash') RETURNING id`,
    [randomBytes(4).toString('hex')],
  );
  await ds.query(
    `INSERT INTO login_sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`,
    [hashToken(token), user.id],
  );
  return { organiser: token, organiserId: user.id };
}

/**
 * Creates officers spread over the member municipalities, each with a live session token (written straight
 * to the login_sessions table: 500 argon2 logins would only measure argon2).
 */
export async function createOfficers(
  t: TestApp,
  count: number,
  options: { municipalityCodes?: string[] } = {},
): Promise<Officer[]> {
  const ds = dataSourceOf(t);
  const municipalities: Array<{ id: string; code: string }> = await ds.query(
    `SELECT id, code FROM municipalities WHERE membership_status = 'MEMBER'
       ${options.municipalityCodes ? 'AND code = ANY($1)' : ''} ORDER BY code`,
    options.municipalityCodes ? [options.municipalityCodes] : [],
  );
  if (!municipalities.length) throw new Error('no member municipalities: seed the demo first');
  const tag = randomBytes(4).toString('hex');
  const officers: Officer[] = [];
  for (let i = 0; i < count; i += 200) {
    const batch = Array.from({ length: Math.min(200, count - i) }, (_, j) => {
      const m = municipalities[(i + j) % municipalities.length];
      return {
        email: `t${tag}.${i + j}@test.yokoten.example`,
        m,
        token: randomBytes(24).toString('base64url'),
      };
    });
    const users: Array<{ id: string; email: string }> = await ds.query(
      `INSERT INTO users (email, name, role, municipality_id, password_hash)
       SELECT e, 'テスト 職員' || n, 'OFFICER', m, 'not-a-hash'
         FROM unnest($1::text[], $2::uuid[], $3::int[]) AS x(e, m, n)
       RETURNING id, email`,
      [batch.map((b) => b.email), batch.map((b) => b.m.id), batch.map((_, j) => i + j)],
    );
    const byEmail = new Map(users.map((u) => [u.email, u.id]));
    await ds.query(
      `INSERT INTO login_sessions (token_hash, user_id, expires_at)
       SELECT h, u, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS x(h, u)`,
      [batch.map((b) => hashToken(b.token)), batch.map((b) => byEmail.get(b.email))],
    );
    for (const b of batch)
      officers.push({
        id: byEmail.get(b.email) as string,
        token: b.token,
        municipalityId: b.m.id,
        municipalityCode: b.m.code,
        email: b.email,
      });
  }
  return officers;
}

export interface SessionOptions {
  capacity?: number;
  perMunicipalityLimit?: number | null;
  allocationMode?: 'FIRST_COME' | 'LOTTERY';
  tables?: Array<{ name: string; theme?: string; seats: number }>;
  /** Offsets from now, in hours. */
  opensInHours?: number;
  closesInHours?: number;
  startsInHours?: number;
  open?: boolean;
  format?: 'ONLINE' | 'ONSITE' | 'HYBRID';
}

/** Creates (and by default opens) a session as the organiser; returns its id and tables. */
export async function createSession(
  t: TestApp,
  organiserToken: string,
  o: SessionOptions = {},
): Promise<{ id: string; tables: Array<{ id: string; name: string; seats: number }> }> {
  const now = Date.now();
  const startsAt = new Date(now + (o.startsInHours ?? 14 * 24) * HOUR);
  const res = await t.gql<{
    createExchangeSession: { id: string; tables: Array<{ id: string; name: string; seats: number }> };
  }>(
    `mutation($input: CreateExchangeSessionInput!) { createExchangeSession(input: $input) { id tables { id name seats } } }`,
    {
      input: {
        title: '第6回 定期共有会（テスト）',
        term: termOf(startsAt),
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
        format: o.format ?? 'HYBRID',
        venue: 'ベネッセコーポレーション 東京本部 会議室A',
        venueDetails: '受付は3階です',
        meetingUrl: 'https://meet.example.jp/yokoten-secret-room',
        capacity: o.capacity ?? 100,
        perMunicipalityLimit: o.perMunicipalityLimit === undefined ? null : o.perMunicipalityLimit,
        allocationMode: o.allocationMode ?? 'FIRST_COME',
        registrationOpensAt: new Date(now + (o.opensInHours ?? -1) * HOUR).toISOString(),
        registrationClosesAt: new Date(now + (o.closesInHours ?? 7 * 24) * HOUR).toISOString(),
        tables: o.tables ?? [
          { name: 'テーブルA', theme: '企業・市民向け事業', seats: 50 },
          { name: 'テーブルB', theme: '庁内職員向け事業', seats: 50 },
        ],
      },
    },
    organiserToken,
  );
  if (!res.data) throw new Error(`createExchangeSession failed: ${JSON.stringify(res.errors)}`);
  const session = res.data.createExchangeSession;
  if (o.open !== false) {
    const opened = await t.gql(
      `mutation($id: ID!) { openRegistration(sessionId: $id) { id status } }`,
      { id: session.id },
      organiserToken,
    );
    if (!opened.data) throw new Error(`openRegistration failed: ${JSON.stringify(opened.errors)}`);
  }
  return session;
}

export const REGISTER = `mutation($sessionId: ID!, $input: RegisterInput) {
  registerForSession(sessionId: $sessionId, input: $input) { ${REGISTRATION_FIELDS} }
}`;

export const CANCEL = `mutation($id: ID!) { cancelRegistration(registrationId: $id) { ${REGISTRATION_FIELDS} } }`;

export { DAY, HOUR };
