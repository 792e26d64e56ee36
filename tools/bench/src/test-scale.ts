/**
 * `npm run test:scale` (issue #11): several API processes on one PostgreSQL and one Meilisearch, proved.
 *
 * Starts one embedded PostgreSQL and one embedded Meilisearch (a temp dir, free ports), an SMTP sink, then
 * THREE API processes at the same moment on one fresh, empty database (production mode, SEED_DEMO=true, an
 * explicit DEMO_PASSWORD, SMTP_URL at the sink, each on its own port) and checks:
 *   - start-up: all three come up (/health/ready 200); migrations applied by one, demo seeded by one;
 *   - a 300-way registration race round-robin over the three (100 seats): exactly 100 CONFIRMED, 200
 *     WAITLISTED 1…200 without gaps, in the order the server accepted them;
 *   - login limits shared: LOGIN_MAX_ATTEMPTS failures spread over the three block the next attempt on every
 *     process, while another account from the same address still signs in; a burst of attempts at once
 *     gets no more guesses through than the limit;
 *   - a burst of publishes and edits spread over the three: each search update applied once (every case found
 *     by its new title, the outbox empty, as many documents as published cases, one document sent per case);
 *   - mail: every registration mail sent once, counted at the SMTP sink;
 *   - a background job of every process (session reminders, a check a minute): each reminder sent once;
 *   - every process stops cleanly on SIGTERM (exit 0).
 * Every process is stopped at the end, also on failure (process groups). Prints `N passed, N failed`; exits
 * non-zero on any failure.
 *
 *   npm run test:scale [-- --built]     (--built: node dist/apps/api/apps/api/src/main.js; run `nx run api:build` first)
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { termOf } from '@yokoten/case-studies';
import { DEMO_MUNICIPALITIES } from '@yokoten/demo-data';
import { MIGRATIONS } from '@yokoten/api/database/migrations';
import {
  ensureDatabase,
  findFreePort,
  startEmbeddedMeilisearch,
  startEmbeddedPostgres,
  type EmbeddedMeilisearch,
  type EmbeddedPostgres,
} from '@yokoten/embedded-runtime';
import {
  errorCode,
  eventually,
  gql,
  SmtpSink,
  spawnApi,
  stopGroup,
  waitForStatus,
  type ApiProcess,
} from './scale-support';

const PROCESSES = 3;
const REGISTRANTS = 300;
const SEATS = 100;
const PUBLISHES = 30;
const LOGIN_MAX_ATTEMPTS = 5;
const BUILT = process.argv.includes('--built');
/** The whole run is bounded: a hung step fails the run instead of holding CI. */
const TIME_LIMIT_MS = 10 * 60_000;

/** Client addresses, as the load balancer forwards them: one per officer, one office for the login test. */
const officerIp = (i: number) => `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`;
const ORGANISER_IP = '192.0.2.10';
const LOGIN_IP = '203.0.113.7';

const out = (line: string) => process.stdout.write(`${line}\n`);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(24).toString('base64url');

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail = ''): boolean {
  if (ok) passed++;
  else failed++;
  out(`${ok ? '  ✓' : '  ✗'} ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
}

/** The `msg` of a log event (Nest's JSON mode nests the logged object under `message`). */
function msgOf(event: Record<string, unknown>): { msg?: string; [k: string]: unknown } {
  const inner = event.message;
  return typeof inner === 'object' && inner !== null
    ? (inner as { msg?: string })
    : (event as { msg?: string });
}

interface Run {
  root: string;
  pg?: EmbeddedPostgres;
  meili?: EmbeddedMeilisearch;
  sink: SmtpSink;
  apis: ApiProcess[];
  db?: Client;
}

async function cleanup(run: Run): Promise<void> {
  await Promise.all(run.apis.map((a) => stopGroup(a).catch(() => undefined)));
  await run.db?.end().catch(() => undefined);
  await run.sink.close().catch(() => undefined);
  await run.meili?.stop().catch(() => undefined);
  await run.pg?.stop().catch(() => undefined);
  // After a failure only the processes' logs are kept (not the 50 MB of database and index).
  if (process.env.SCALE_KEEP_DIR)
    for (const dir of ['postgres', 'meilisearch'])
      rmSync(join(run.root, dir), { recursive: true, force: true });
  else rmSync(run.root, { recursive: true, force: true });
}

async function meili(run: Run, path: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${run.meili?.url}${path}`, {
    headers: { authorization: `Bearer ${run.meili?.masterKey}` },
  });
  return (await res.json()) as Record<string, unknown>;
}

async function engineIdle(run: Run): Promise<boolean> {
  const tasks = await meili(run, '/tasks?statuses=enqueued,processing&limit=1');
  return tasks.total === 0;
}

async function count(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return Number(rows[0].n);
}

// ---------------------------------------------------------------------------------------------------------

async function startUp(
  run: Run,
  databaseUrl: string,
  smtpPort: number,
  demoPassword: string,
): Promise<boolean> {
  out(
    `\n== start-up: ${PROCESSES} API processes at once on one empty database (${BUILT ? 'built' : 'swc'} entry)`,
  );
  const ports: number[] = [];
  while (ports.length < PROCESSES) {
    const port = await findFreePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const started = Date.now();
  for (let i = 0; i < PROCESSES; i++)
    run.apis.push(
      spawnApi(
        i,
        ports[i],
        {
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          DATABASE_URL: databaseUrl,
          MEILI_URL: run.meili?.url ?? '',
          MEILI_MASTER_KEY: run.meili?.masterKey ?? '',
          SEED_DEMO: 'true',
          DEMO_PASSWORD: demoPassword,
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          LOG_LEVEL: 'info',
          LOGIN_MAX_ATTEMPTS: String(LOGIN_MAX_ATTEMPTS),
          // The per-client budget on /graphql stays at its production default (300 requests a minute per
          // address): every simulated client sends its own address in X-Forwarded-For, as the load
          // balancer in front of the processes would (TRUST_PROXY=loopback, the default, believes it).
          DATA_DIR: join(run.root, `api-${i}`),
          WEB_DIST_DIR: join(run.root, 'no-web'),
        },
        join(run.root, `api-${i}.log`),
        BUILT,
      ),
    );
  const ready = await Promise.all(
    run.apis.map((api) =>
      waitForStatus(api, '/health/ready', 200, 240_000).then(
        () => true,
        (e: unknown) => {
          out(`    API ${api.index}: ${e instanceof Error ? e.message : String(e)} (log: ${api.logFile})`);
          return false;
        },
      ),
    ),
  );
  const ok = check(
    `all ${PROCESSES} processes come up (/health/ready 200)`,
    ready.every(Boolean),
    `${ready.filter(Boolean).length}/${PROCESSES} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (!ok) return false;
  const db = run.db as Client;

  const events = run.apis.map((a) => a.events().map(msgOf));
  const migrators = events.filter((ev) =>
    ev.some((e) => e.msg === 'migrations applied' && Array.isArray(e.migrations) && e.migrations.length > 0),
  ).length;
  const upToDate = events.filter((ev) => ev.some((e) => e.msg === 'database schema is up to date')).length;
  const migrations = await count(db, 'SELECT count(*)::int AS n FROM migrations');
  const distinct = await count(db, 'SELECT count(DISTINCT name)::int AS n FROM migrations');
  check(
    'migrations applied once',
    migrators === 1 &&
      upToDate === PROCESSES - 1 &&
      migrations === MIGRATIONS.length &&
      distinct === migrations,
    `${migrators} process applied ${migrations} migrations (${MIGRATIONS.length} known), ${upToDate} found the schema up to date`,
  );

  const seeders = events.filter((ev) => ev.some((e) => e.msg === 'seeding demo data')).length;
  const seededCases = events
    .flat()
    .find((e) => e.msg === 'seeding demo data: case studies done')?.caseStudies;
  const municipalities = await count(db, 'SELECT count(*)::int AS n FROM municipalities');
  const cases = await count(db, 'SELECT count(*)::int AS n FROM case_studies');
  const officers = await count(db, `SELECT count(*)::int AS n FROM users WHERE email LIKE 'officer.%'`);
  const organisers = await count(db, `SELECT count(*)::int AS n FROM users WHERE role = 'ORGANISER'`);
  const sessions = await count(db, 'SELECT count(*)::int AS n FROM exchange_sessions');
  const users = await count(db, 'SELECT count(*)::int AS n FROM users');
  const nonApplicants = await count(
    db,
    `SELECT count(*)::int AS n FROM municipalities WHERE membership_status <> 'APPLICANT'`,
  );
  check(
    'demo seeded once',
    seeders === 1 &&
      municipalities === DEMO_MUNICIPALITIES.length &&
      cases === seededCases &&
      officers === nonApplicants &&
      organisers === 1 &&
      sessions === 2,
    `${seeders} process seeded: ${municipalities} municipalities (${DEMO_MUNICIPALITIES.length} in the demo), ${cases} cases (seed reported ${String(seededCases)}), ${users} users of which ${officers} demo officers for ${nonApplicants} members and withdrawn, ${organisers} organiser, ${sessions} sessions`,
  );

  const indexed = await eventually(
    async () => {
      const pending = await count(db, 'SELECT count(*)::int AS n FROM search_outbox');
      if (pending > 0 || !(await engineIdle(run))) return false;
      const stats = await meili(run, '/indexes/case_studies/stats');
      const published = await count(
        db,
        `SELECT count(*)::int AS n FROM case_studies WHERE status = 'PUBLISHED'`,
      );
      return stats.numberOfDocuments === published;
    },
    120_000,
    500,
  );
  check('the demo cases are indexed (index documents = published cases, outbox empty)', indexed);
  return true;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * The organiser creates a session (no per-municipality limit) on process 1 and opens it on process 2;
 * returns its id, or undefined after a failed check.
 */
async function openSession(
  run: Run,
  organiser: string,
  title: string,
  capacity: number,
  hoursAhead: number,
): Promise<string | undefined> {
  const startsAt = new Date(Date.now() + hoursAhead * 3600_000);
  const created = await gql<{ createExchangeSession: { id: string } }>(
    run.apis[1 % PROCESSES].url,
    `mutation($input: CreateExchangeSessionInput!) { createExchangeSession(input: $input) { id } }`,
    {
      input: {
        title,
        term: termOf(startsAt),
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
        format: 'ONLINE',
        meetingUrl: 'https://meet.example.jp/scale',
        capacity,
        registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
        registrationClosesAt: new Date(startsAt.getTime() - 3600_000).toISOString(),
        tables: [],
      },
    },
    organiser,
    ORGANISER_IP,
  );
  const sessionId = created.data?.createExchangeSession.id;
  if (
    !check(
      `the organiser creates a session (${capacity} seats, no per-municipality limit)`,
      !!sessionId,
      JSON.stringify(created.errors ?? ''),
    )
  )
    return undefined;
  const opened = await gql(
    run.apis[2 % PROCESSES].url,
    `mutation($id: ID!) { openRegistration(sessionId: $id) { id status } }`,
    { id: sessionId },
    organiser,
    ORGANISER_IP,
  );
  if (
    !check('and opens registration on another process', !opened.errors, JSON.stringify(opened.errors ?? ''))
  )
    return undefined;
  return sessionId;
}

interface SignedIn {
  id: string;
  email: string;
  token: string;
}

async function registrationRace(run: Run, organiser: string): Promise<SignedIn[]> {
  out(
    `\n== registration race: ${REGISTRANTS} officers at once for ${SEATS} seats, round-robin over ${PROCESSES} processes`,
  );
  const db = run.db as Client;
  // The demo's officers of member municipalities, then officers made here until there are 300.
  const { rows: existing } = await db.query<{ id: string; email: string }>(
    `SELECT u.id, u.email FROM users u JOIN municipalities m ON m.id = u.municipality_id
      WHERE u.role = 'OFFICER' AND u.status = 'ACTIVE' AND m.membership_status = 'MEMBER' ORDER BY u.email`,
  );
  const { rows: members } = await db.query<{ id: string }>(
    `SELECT id FROM municipalities WHERE membership_status = 'MEMBER' ORDER BY code`,
  );
  const extra = Math.max(0, REGISTRANTS - existing.length);
  const { rows: made } = await db.query<{ id: string; email: string }>(
    `INSERT INTO users (email, name, role, municipality_id, password_hash)
     SELECT 'scale.' || n || '@yokoten.example', '検証職員 ' || n, 'OFFICER', m, 'not-a-hash'
       FROM unnest($1::int[], $2::uuid[]) AS x(n, m) RETURNING id, email`,
    [
      Array.from({ length: extra }, (_, i) => i + 1),
      Array.from({ length: extra }, (_, i) => members[i % members.length].id),
    ],
  );
  const officers = [...existing, ...made].slice(0, REGISTRANTS);
  const tokens = officers.map(() => token());
  await db.query(
    `INSERT INTO login_sessions (token_hash, user_id, expires_at)
     SELECT h, u, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS x(h, u)`,
    [tokens.map(sha256), officers.map((o) => o.id)],
  );
  out(`    ${existing.length} demo officers of member municipalities + ${made.length} made in the database`);

  const sessionId = await openSession(run, organiser, '多プロセス検証 定期共有会', SEATS, 30 * 24);
  if (!sessionId) return [];

  const mailsBefore = run.sink.mails.length;
  const mutation = `mutation($s: ID!) { registerForSession(sessionId: $s) { id status waitlistPosition } }`;
  const t0 = performance.now();
  const results = await Promise.all(
    tokens.map((t, i) =>
      gql<{ registerForSession: { id: string; status: string; waitlistPosition: number | null } }>(
        run.apis[i % PROCESSES].url,
        mutation,
        { s: sessionId },
        t,
        officerIp(i),
      ),
    ),
  );
  const ms = performance.now() - t0;
  const okResults = results.filter((r) => r.data?.registerForSession);
  const errors = results.filter((r) => !r.data?.registerForSession);
  check(
    `${REGISTRANTS} registrations answered without error`,
    errors.length === 0,
    `${okResults.length} ok in ${(ms / 1000).toFixed(1)} s${errors.length ? `; first error: ${JSON.stringify(errors[0].errors)}` : ''}`,
  );
  const answered = okResults.map((r) => r.data?.registerForSession) as Array<{
    status: string;
    waitlistPosition: number | null;
  }>;
  const confirmedAnswers = answered.filter((r) => r.status === 'CONFIRMED').length;
  const positions = answered
    .filter((r) => r.status === 'WAITLISTED')
    .map((r) => r.waitlistPosition ?? 0)
    .sort((a, b) => a - b);
  check(
    `the answers: ${SEATS} CONFIRMED, ${REGISTRANTS - SEATS} WAITLISTED with positions 1…${REGISTRANTS - SEATS}`,
    confirmedAnswers === SEATS &&
      positions.length === REGISTRANTS - SEATS &&
      positions.every((p, i) => p === i + 1),
    `${confirmedAnswers} confirmed, ${positions.length} waitlisted, positions ${positions[0]}…${positions.at(-1)}`,
  );

  const { rows } = await db.query<{ status: string; pos: number | null; seq: number; user_id: string }>(
    `SELECT status, waitlist_position AS pos, arrival_seq AS seq, user_id FROM session_registrations
      WHERE session_id = $1 ORDER BY arrival_seq`,
    [sessionId],
  );
  const { rows: byTime } = await db.query<{ seq: number }>(
    `SELECT arrival_seq AS seq FROM session_registrations WHERE session_id = $1 ORDER BY registered_at, arrival_seq`,
    [sessionId],
  );
  const firstConfirmed = rows.slice(0, SEATS).every((r) => r.status === 'CONFIRMED');
  const thenWaitlisted = rows.slice(SEATS).every((r, i) => r.status === 'WAITLISTED' && r.pos === i + 1);
  const seqs = rows.map((r) => r.seq);
  const gapless = seqs.every((s, i) => i === 0 || s === seqs[i - 1] + 1);
  check(
    'in the database: the first 100 accepted are CONFIRMED, the next 200 WAITLISTED 1…200 in acceptance order',
    rows.length === REGISTRANTS && firstConfirmed && thenWaitlisted && gapless,
    `${rows.length} rows, arrival_seq ${seqs[0]}…${seqs.at(-1)} without gaps: ${gapless}`,
  );
  check(
    'acceptance order (arrival_seq) is the order of registered_at',
    byTime.every((r, i) => r.seq === rows[i].seq),
  );
  check('one registration per officer', new Set(rows.map((r) => r.user_id)).size === REGISTRANTS);

  // Mail: one confirmation or waitlist mail per registrant, counted at the SMTP sink, whichever process sent it.
  const drained = await eventually(
    async () => (await count(db, 'SELECT count(*)::int AS n FROM mail_outbox')) === 0,
    120_000,
    500,
  );
  await new Promise((r) => setTimeout(r, 1000));
  const mails = run.sink.mails.slice(mailsBefore);
  const emails = new Map(officers.map((o) => [o.email.toLowerCase(), 0]));
  for (const m of mails)
    if (m.kind === 'confirmation' || m.kind === 'waitlist')
      for (const to of m.to) if (emails.has(to)) emails.set(to, (emails.get(to) ?? 0) + 1);
  const perRegistrant = [...emails.values()];
  const kinds = new Map<string, number>();
  for (const m of mails) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
  check(
    'every registration mail sent once (SMTP sink)',
    drained && perRegistrant.every((n) => n === 1),
    `outbox empty: ${drained}; ${perRegistrant.filter((n) => n === 1).length} registrants got exactly one, ${perRegistrant.filter((n) => n === 0).length} none, ${perRegistrant.filter((n) => n > 1).length} more than one; by kind ${JSON.stringify(Object.fromEntries(kinds))}`,
  );
  const seen = new Map<string, number>();
  for (const m of mails) {
    const key = `${m.kind}|${m.to.join(',')}|${m.subject}|${m.bodyHash}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const duplicates = [...seen.values()].filter((n) => n > 1).length;
  check(
    'no mail of the race sent twice (same kind, recipients, subject and body)',
    duplicates === 0,
    `${mails.length} mails, ${duplicates} duplicated`,
  );
  return officers.map((o, i) => ({ ...o, token: tokens[i] }));
}

// ---------------------------------------------------------------------------------------------------------

const REMINDED = 12;

/**
 * A background job in every process: each checks every minute for sessions starting within 24 h and
 * queues their reminders. A session starting in 6 h with 12 confirmed registrants; `remindersSent`
 * later checks that each got one reminder although all three processes looked.
 */
async function reminderSetup(
  run: Run,
  organiser: string,
  officers: SignedIn[],
): Promise<{ at: number; sessionId: string; emails: string[] } | undefined> {
  out(
    `\n== session reminders (a job of every process, every minute): a session in 6 h, ${REMINDED} registrants`,
  );
  const at = Date.now();
  const sessionId = await openSession(run, organiser, '多プロセス検証 前日リマインド', 20, 6);
  if (!sessionId) return undefined;
  const chosen = officers.slice(0, REMINDED);
  const results = await Promise.all(
    chosen.map((o, i) =>
      gql<{ registerForSession: { status: string } }>(
        run.apis[i % PROCESSES].url,
        `mutation($s: ID!) { registerForSession(sessionId: $s) { id status } }`,
        { s: sessionId },
        o.token,
        officerIp(i),
      ),
    ),
  );
  const confirmed = results.filter((r) => r.data?.registerForSession.status === 'CONFIRMED').length;
  if (!check(`${REMINDED} officers register (confirmed)`, confirmed === REMINDED, `${confirmed} confirmed`))
    return undefined;
  return { at, sessionId, emails: chosen.map((o) => o.email.toLowerCase()) };
}

async function remindersSent(
  run: Run,
  setup: { at: number; sessionId: string; emails: string[] },
): Promise<void> {
  // Every process ticks once a minute: 70 s after the session was made, all three have looked at it.
  const wait = setup.at + 70_000 - Date.now();
  out(
    `\n== session reminders: waiting ${Math.max(0, Math.round(wait / 1000))} s until every process has looked`,
  );
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const db = run.db as Client;
  const drained = await eventually(
    async () => (await count(db, 'SELECT count(*)::int AS n FROM mail_outbox')) === 0,
    60_000,
    500,
  );
  await new Promise((r) => setTimeout(r, 1000));
  const wanted = new Set(setup.emails);
  const per = new Map(setup.emails.map((e) => [e, 0]));
  for (const m of run.sink.mails)
    if (m.kind === 'reminder') for (const to of m.to) if (wanted.has(to)) per.set(to, (per.get(to) ?? 0) + 1);
  const counts = [...per.values()];
  const marked = await count(
    db,
    'SELECT count(*)::int AS n FROM exchange_sessions WHERE id = $1 AND reminder_sent_at IS NOT NULL',
    [setup.sessionId],
  );
  check(
    'each registrant got one reminder, though every process ran the job',
    drained && marked === 1 && counts.every((n) => n === 1),
    `${counts.filter((n) => n === 1).length}/${REMINDED} got exactly one, ${counts.filter((n) => n > 1).length} more than one, ${counts.filter((n) => n === 0).length} none; session marked reminded: ${marked === 1}`,
  );
}

// ---------------------------------------------------------------------------------------------------------

async function loginLimits(run: Run, demoPassword: string): Promise<void> {
  out(`\n== login limits across processes (LOGIN_MAX_ATTEMPTS=${LOGIN_MAX_ATTEMPTS})`);
  const db = run.db as Client;
  const { rows } = await db.query<{ email: string }>(
    `SELECT u.email FROM users u JOIN municipalities m ON m.id = u.municipality_id
      WHERE u.email LIKE 'officer.%' AND m.membership_status = 'MEMBER' AND u.status = 'ACTIVE' ORDER BY u.email LIMIT 3`,
  );
  const [target, other, burstTarget] = rows.map((r) => r.email);
  const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
  const codes: Array<string | undefined> = [];
  for (let i = 0; i < LOGIN_MAX_ATTEMPTS; i++)
    codes.push(
      errorCode(
        await gql(run.apis[i % PROCESSES].url, login, { e: target, p: `wrong-${i}` }, undefined, LOGIN_IP),
      ),
    );
  check(
    `${LOGIN_MAX_ATTEMPTS} failed logins for one email, round-robin over the processes, are each refused`,
    codes.every((c) => c === 'UNAUTHENTICATED'),
    codes.join(', '),
  );
  const next = await Promise.all(
    run.apis.map(async (api) =>
      errorCode(await gql(api.url, login, { e: target, p: demoPassword }, undefined, LOGIN_IP)),
    ),
  );
  check(
    'the next attempt is TOO_MANY_REQUESTS on every process, even with the right password',
    next.every((c) => c === 'TOO_MANY_REQUESTS'),
    next.join(', '),
  );
  const others = await Promise.all(
    run.apis.map(
      async (api) =>
        !!(
          await gql<{ login: { token: string } }>(
            api.url,
            login,
            { e: other, p: demoPassword },
            undefined,
            LOGIN_IP,
          )
        ).data?.login.token,
    ),
  );
  check('another account from the same address still signs in, on every process', others.every(Boolean));

  // All at once: three times the limit, spread over the processes. No more than the limit may be checked.
  const burst = await Promise.all(
    Array.from({ length: LOGIN_MAX_ATTEMPTS * 3 }, (_, i) =>
      gql(run.apis[i % PROCESSES].url, login, { e: burstTarget, p: `wrong-${i}` }, undefined, LOGIN_IP).then(
        errorCode,
      ),
    ),
  );
  const guessed = burst.filter((c) => c === 'UNAUTHENTICATED').length;
  const limited = burst.filter((c) => c === 'TOO_MANY_REQUESTS').length;
  check(
    `${LOGIN_MAX_ATTEMPTS * 3} wrong passwords at once over the processes: at most ${LOGIN_MAX_ATTEMPTS} are checked, the rest TOO_MANY_REQUESTS`,
    guessed <= LOGIN_MAX_ATTEMPTS && guessed + limited === burst.length,
    `${guessed} checked, ${limited} refused as too many`,
  );
}

// ---------------------------------------------------------------------------------------------------------

async function publishBurst(run: Run, organiser: string): Promise<void> {
  out(`\n== a burst of ${PUBLISHES} publishes and edits spread over the processes`);
  const db = run.db as Client;
  // Cases an active officer of a member municipality may edit: drafts to publish, published ones to retitle.
  const { rows: candidates } = await db.query<{ id: string; status: string; user_id: string }>(
    `SELECT DISTINCT ON (c.id) c.id, c.status, u.id AS user_id
       FROM case_studies c
       JOIN municipalities m ON m.id = c.municipality_id AND m.membership_status = 'MEMBER'
       JOIN users u ON u.municipality_id = m.id AND u.role = 'OFFICER' AND u.status = 'ACTIVE' AND u.email LIKE 'officer.%'
      WHERE c.status IN ('DRAFT', 'PUBLISHED')
      ORDER BY c.id, u.email`,
  );
  const drafts = candidates.filter((c) => c.status === 'DRAFT').slice(0, 10);
  const published = candidates.filter((c) => c.status === 'PUBLISHED').slice(0, PUBLISHES - drafts.length);
  const chosen = [...drafts, ...published];
  const tokens = chosen.map(() => token());
  await db.query(
    `INSERT INTO login_sessions (token_hash, user_id, expires_at)
     SELECT h, u, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS x(h, u)`,
    [tokens.map(sha256), chosen.map((c) => c.user_id)],
  );
  // A word made of letters the demo does not use, so that each case has a title only it matches.
  const words = chosen.map(
    () =>
      `zq${randomBytes(5)
        .toString('hex')
        .replace(/\d/g, (d) => 'ghijklmnop'[Number(d)])}`,
  );
  const titles = words.map((w, i) => `多プロセス検証 ${w} 事例${i + 1}`);

  const tasksFrom = new Date().toISOString();
  // Each case gets exactly one change in the burst (one outbox row): a draft is published as it is (found by
  // its own title), a published case is retitled.
  const draftTitles = new Map<string, string>();
  for (const d of drafts) {
    const { rows } = await db.query<{ title: string }>('SELECT title FROM case_studies WHERE id = $1', [
      d.id,
    ]);
    draftTitles.set(d.id, rows[0].title);
  }
  const t0 = performance.now();
  const results = await Promise.all(
    chosen.map((c, i) =>
      c.status === 'DRAFT'
        ? gql(
            run.apis[i % PROCESSES].url,
            `mutation($id: ID!) { publishCaseStudy(id: $id) { id status } }`,
            { id: c.id },
            tokens[i],
            officerIp(i),
          )
        : gql(
            run.apis[i % PROCESSES].url,
            `mutation($id: ID!, $input: UpdateCaseStudyInput!) { updateCaseStudy(id: $id, input: $input) { id title } }`,
            { id: c.id, input: { title: titles[i] } },
            tokens[i],
            officerIp(i),
          ),
    ),
  );
  const errors = results.filter((r) => r.errors);
  check(
    `${drafts.length} drafts published and ${published.length} published cases retitled, at once`,
    errors.length === 0 && chosen.length === PUBLISHES,
    `${results.length - errors.length} ok in ${((performance.now() - t0) / 1000).toFixed(1)} s${errors.length ? `; first error: ${JSON.stringify(errors[0].errors)}` : ''}`,
  );

  const settled = await eventually(
    async () =>
      (await count(db, 'SELECT count(*)::int AS n FROM search_outbox')) === 0 && (await engineIdle(run)),
    60_000,
    200,
  );
  check('the search outbox ends empty', settled);

  // Found with the new title (the draft's own title), first hit, through a different process than the write.
  const searches = await Promise.all(
    chosen.map(async (c, i) => {
      const query = c.status === 'DRAFT' ? (draftTitles.get(c.id) as string) : words[i];
      const r = await gql<{
        searchCaseStudies: { hits: Array<{ caseStudy: { id: string; title: string } }> };
      }>(
        run.apis[(i + 1) % PROCESSES].url,
        `query($q: String!) { searchCaseStudies(query: $q, pageSize: 5) { hits { caseStudy { id title } } } }`,
        { q: query },
        organiser,
        ORGANISER_IP,
      );
      const hits = r.data?.searchCaseStudies.hits ?? [];
      const expected = c.status === 'DRAFT' ? draftTitles.get(c.id) : titles[i];
      return hits.some((h) => h.caseStudy.id === c.id && h.caseStudy.title === expected);
    }),
  );
  check(
    'every case is found with its new title (in the first five hits)',
    searches.every(Boolean),
    `${searches.filter(Boolean).length}/${chosen.length}`,
  );

  const stats = await meili(run, '/indexes/case_studies/stats');
  const publishedCount = await count(
    db,
    `SELECT count(*)::int AS n FROM case_studies WHERE status = 'PUBLISHED'`,
  );
  check(
    'no duplicate documents: index documents = published cases',
    stats.numberOfDocuments === publishedCount,
    `${String(stats.numberOfDocuments)} documents, ${publishedCount} published`,
  );

  const tasks = (await meili(
    run,
    `/tasks?indexUids=case_studies&afterEnqueuedAt=${encodeURIComponent(tasksFrom)}&limit=1000`,
  )) as { results?: Array<{ type: string; status: string; details?: { receivedDocuments?: number } }> };
  const additions = (tasks.results ?? []).filter((t) => t.type === 'documentAdditionOrUpdate');
  const sent = additions.reduce((n, t) => n + (t.details?.receivedDocuments ?? 0), 0);
  const others = (tasks.results ?? [])
    .filter((t) => t.type !== 'documentAdditionOrUpdate')
    .map((t) => t.type);
  check(
    'each update applied once: one document sent to the engine per changed case',
    sent === PUBLISHES && additions.every((t) => t.status === 'succeeded'),
    `${sent} documents in ${additions.length} engine tasks for ${PUBLISHES} changes${others.length ? `; other tasks: ${others.join(', ')}` : ''}`,
  );
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const run: Run = { root: mkdtempSync(join(tmpdir(), 'yokoten-scale-')), sink: new SmtpSink(), apis: [] };
  let cleaning: Promise<void> | undefined;
  const stopAll = () => (cleaning ??= cleanup(run));
  const timer = setTimeout(() => {
    out(`test:scale exceeded its time limit (${TIME_LIMIT_MS / 60_000} min); stopping`);
    failed++;
    void stopAll().finally(() => process.exit(3));
  }, TIME_LIMIT_MS);
  timer.unref();
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => void stopAll().finally(() => process.exit(130)));
  const started = Date.now();
  try {
    out('test:scale — several API processes on one PostgreSQL and one Meilisearch');
    [run.pg, run.meili] = await Promise.all([
      startEmbeddedPostgres({ dataDir: join(run.root, 'postgres'), port: 'auto' }),
      startEmbeddedMeilisearch({ dataDir: join(run.root, 'meilisearch'), port: 'auto' }),
    ]);
    const databaseUrl = await ensureDatabase(run.pg.url, 'yokoten_scale');
    run.db = new Client({ connectionString: databaseUrl });
    await run.db.connect();
    const smtpPort = await run.sink.listen();
    const demoPassword = `scale-${token()}`;

    if (await startUp(run, databaseUrl, smtpPort, demoPassword)) {
      const signedIn = await gql<{ login: { token: string } }>(
        run.apis[0].url,
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
        { e: 'organiser@yokoten.example', p: demoPassword },
        undefined,
        ORGANISER_IP,
      );
      const organiser = signedIn.data?.login.token;
      if (
        check('the organiser signs in with DEMO_PASSWORD', !!organiser, JSON.stringify(signedIn.errors ?? ''))
      ) {
        const officers = await registrationRace(run, organiser as string);
        const reminders = await reminderSetup(run, organiser as string, officers);
        await loginLimits(run, demoPassword);
        await publishBurst(run, organiser as string);
        if (reminders) await remindersSent(run, reminders);
      }
      out('\n== shutdown');
      const codes = await Promise.all(run.apis.map((a) => stopGroup(a)));
      check(
        'every process stops cleanly on SIGTERM (exit code 0)',
        codes.every((c) => c === 0),
        codes.join(', '),
      );
    }
  } catch (e) {
    check('the run completes', false, e instanceof Error ? (e.stack ?? e.message) : String(e));
  } finally {
    clearTimeout(timer);
    if (failed > 0) out(`\nlogs of the API processes: ${run.root} (kept)`);
    if (failed > 0) process.env.SCALE_KEEP_DIR = '1';
    await stopAll();
  }
  out(`\ntest:scale took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  out(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
