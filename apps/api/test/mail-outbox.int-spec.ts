import { createServer } from 'node:net';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { LockedSession } from '../src/modules/exchange-session/locked-session';
import { SessionReminderService } from '../src/modules/exchange-session/session-reminder.service';
import { enqueueMails } from '../src/modules/mail/mail-outbox';
import { MAIL_ALERT_ATTEMPTS, MailOutboxProcessor } from '../src/modules/mail/mail-outbox.processor';
import { MailService } from '../src/modules/mail/mail.service';
import {
  createOfficers,
  createSession,
  dataSourceOf,
  REGISTER,
  seedNetwork,
  type Officer,
} from './exchange-session.fixtures';
import { eventually } from './search-fixtures';
import { createTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);

interface OutboxRow {
  id: string;
  kind: string;
  recipients: string | string[];
  attempts: number;
  last_error: string | null;
  available_at: Date;
}

/**
 * The mail outbox: a mail is queued in the transaction of the change that causes it (a rolled-back change
 * queues nothing), one worker sends it and deletes the row, and a failing transport keeps the row with
 * attempts and last_error until it can be sent. Nothing is lost.
 */
describe('mail outbox', () => {
  let t: TestApp;
  let organiser: string;
  let ds: DataSource;
  let mail: MailService;
  let outbox: MailOutboxProcessor;

  beforeAll(async () => {
    t = await createTestApp();
    ({ organiser } = await seedNetwork(t));
    ds = dataSourceOf(t);
    mail = t.app.get(MailService);
    outbox = t.app.get(MailOutboxProcessor);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    // Each test starts with nothing waiting, so they cannot see each other's mails.
    await outbox.retryNow();
    await eventually(
      () => outbox.backlog(),
      (n) => n === 0,
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  const rowsFor = (email: string, db: Pick<DataSource, 'query'> = ds): Promise<OutboxRow[]> =>
    db.query(
      `SELECT id, kind, recipients, attempts, last_error, available_at FROM mail_outbox
        WHERE recipients @> to_jsonb($1::text) ORDER BY id`,
      [email],
    );
  const sentTo = (email: string, kind: string) =>
    mail.recent().filter((m) => m.kind === kind && (m.to === email || m.to.includes(email)));
  const register = (o: Officer, sessionId: string) =>
    t.gql<{ registerForSession: { id: string; status: string } }>(REGISTER, { sessionId }, o.token);
  const registrationsOf = async (o: Officer, sessionId: string): Promise<number> => {
    const [row] = (await ds.query(
      'SELECT count(*)::int AS n FROM session_registrations WHERE user_id = $1 AND session_id = $2',
      [o.id, sessionId],
    )) as [{ n: number }];
    return row.n;
  };
  const pendingMails = async (): Promise<number> => {
    const res = await fetch(`${t.url}/health`);
    return ((await res.json()) as { pendingMails: number }).pendingMails;
  };

  it('queues the confirmation in the registration’s transaction, then the worker sends it and empties the outbox', async () => {
    const [o] = await createOfficers(t, 1);
    // Capacity 2: the first seat crosses 50 %, so the capacity alert runs inside the registration's
    // transaction, after the statement that took the seat: look at the outbox from there, and from outside.
    const { id } = await createSession(t, organiser, { capacity: 2 });
    const seen: Array<{ inside: string[]; outside: number }> = [];
    const raise = LockedSession.prototype.raiseCapacityAlertLevel;
    jest.spyOn(LockedSession.prototype, 'raiseCapacityAlertLevel').mockImplementation(async function (
      this: LockedSession,
      level,
    ) {
      const inside = await rowsFor(o.email, this.manager);
      const outside = await rowsFor(o.email);
      seen.push({ inside: inside.map((r) => r.kind), outside: outside.length });
      return raise.call(this, level);
    });

    const res = await register(o, id);
    expect(res.errors).toBeUndefined();
    expect(res.data?.registerForSession.status).toBe('CONFIRMED');
    // Queued by the transaction that took the seat, invisible to anyone else until it committed.
    expect(seen).toEqual([{ inside: ['confirmation'], outside: 0 }]);

    const sent = await eventually(
      async () => sentTo(o.email, 'confirmation'),
      (m) => m.length > 0,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toMatch(/^【参加確定】/);
    expect(sent[0].text).toContain('受付コード');
    // Deleted in the transaction that claimed it, once the batch is sent.
    await eventually(
      () => rowsFor(o.email),
      (rows) => rows.length === 0,
    );
  });

  it('queues the waitlist notice with the position the registration got', async () => {
    const officers = await createOfficers(t, 3);
    const { id } = await createSession(t, organiser, { capacity: 1 });
    for (const o of officers) await register(o, id);
    const notices = await eventually(
      async () => officers.slice(1).map((o) => sentTo(o.email, 'waitlist')[0]?.text),
      (texts) => texts.every((x) => x !== undefined),
    );
    expect(notices[0]).toContain('現在の順番：1番目');
    expect(notices[1]).toContain('現在の順番：2番目');
    expect(notices.join('')).not.toContain('[[waitlist-position');
  });

  it('queues nothing when the registration rolls back', async () => {
    const [o] = await createOfficers(t, 1);
    // Capacity 2: the first seat crosses 50 %, so the capacity alert runs after the confirmation is queued.
    const { id } = await createSession(t, organiser, { capacity: 2 });
    let queued: string[] = [];
    jest.spyOn(LockedSession.prototype, 'raiseCapacityAlertLevel').mockImplementation(async function (
      this: LockedSession,
    ) {
      queued = (await rowsFor(o.email, this.manager)).map((r) => r.kind);
      throw new Error('the database went away');
    });

    const res = await register(o, id);
    expect(res.errors?.length).toBeGreaterThan(0);
    // The mail was in the outbox inside the transaction; the rollback took it away with the seat.
    expect(queued).toEqual(['confirmation']);
    expect(await registrationsOf(o, id)).toBe(0);
    expect(await rowsFor(o.email)).toEqual([]);
    expect(await outbox.backlog()).toBe(0);
    expect(sentTo(o.email, 'confirmation')).toEqual([]);
  });

  it('keeps a mail the transport refuses, with attempts and last_error, and sends it once the transport works again', async () => {
    const [o] = await createOfficers(t, 1);
    const { id } = await createSession(t, organiser);
    const deliver = jest
      .spyOn(mail, 'deliver')
      .mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:25'));

    const res = await register(o, id);
    expect(res.data?.registerForSession.status).toBe('CONFIRMED');
    const [failed] = await eventually(
      () => rowsFor(o.email),
      (rows) => rows.length === 1 && rows[0].attempts >= 1,
    );
    expect(failed.kind).toBe('confirmation');
    expect(failed.last_error).toContain('ECONNREFUSED');
    // Backing off, not retried in a tight loop.
    expect(new Date(failed.available_at).getTime()).toBeGreaterThan(Date.now() - 1_000);
    expect(await pendingMails()).toBeGreaterThanOrEqual(1);
    expect(sentTo(o.email, 'confirmation')).toEqual([]);
    // The registration itself stands.
    expect(await registrationsOf(o, id)).toBe(1);

    deliver.mockRestore();
    await eventually(
      () => rowsFor(o.email),
      (rows) => rows.length === 0,
    );
    const sent = sentTo(o.email, 'confirmation');
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toContain('参加が確定しました');
    expect(await pendingMails()).toBe(0);
  });

  it('logs an error (and still keeps the row) once a mail has failed MAIL_ALERT_ATTEMPTS times', async () => {
    jest.spyOn(mail, 'deliver').mockRejectedValue(new Error('550 mailbox unavailable'));
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await ds.transaction((manager) =>
      enqueueMails(manager, [
        { kind: 'test', to: 'stuck@example.jp', subject: 'stuck', text: 'never delivered' },
      ]),
    );
    const [row] = await eventually(
      () => rowsFor('stuck@example.jp'),
      (rows) => rows.length === 1 && rows[0].attempts >= 1,
    );
    // As if it had been failing for a while; due again now.
    await ds.query('UPDATE mail_outbox SET attempts = $2, available_at = now() WHERE id = $1', [
      row.id,
      MAIL_ALERT_ATTEMPTS - 1,
    ]);
    await eventually(
      async () => errors.mock.calls.map((c) => c[0] as { msg?: string; outboxId?: string }),
      (calls) => calls.some((c) => c.outboxId === row.id),
    );
    const [kept] = await rowsFor('stuck@example.jp');
    expect(kept.attempts).toBe(MAIL_ALERT_ATTEMPTS);
    expect(kept.last_error).toContain('550 mailbox unavailable');
    jest.restoreAllMocks();
  });

  it('queues each reminder with the mark that it was sent: a failed run leaves both undone, a second run queues none', async () => {
    const service = t.app.get(SessionReminderService);
    const [o] = await createOfficers(t, 1);
    const { id } = await createSession(t, organiser, { startsInHours: 20, closesInHours: 10 });
    await register(o, id);
    const reminderSentAt = async () =>
      (
        (await ds.query('SELECT reminder_sent_at FROM exchange_sessions WHERE id = $1', [id])) as [
          { reminder_sent_at: Date | null },
        ]
      )[0].reminder_sent_at;

    jest
      .spyOn(LockedSession.prototype, 'queueMails')
      .mockRejectedValueOnce(new Error('the database went away'));
    await expect(service.sendDueReminders(24)).rejects.toThrow('the database went away');
    expect(await reminderSentAt()).toBeNull();
    expect((await rowsFor(o.email)).filter((r) => r.kind === 'reminder')).toEqual([]);

    expect(await service.sendDueReminders(24)).toBeGreaterThanOrEqual(1);
    expect(await reminderSentAt()).not.toBeNull();
    await eventually(
      async () => sentTo(o.email, 'reminder'),
      (m) => m.length > 0,
    );
    expect(await service.sendDueReminders(24)).toBe(0);
    expect(sentTo(o.email, 'reminder')).toHaveLength(1);
  });

  it('queues a mail with a dedupe key once while it waits', async () => {
    jest.spyOn(mail, 'deliver').mockRejectedValue(new Error('SMTP down'));
    const message = {
      kind: 'test',
      to: 'once@example.jp',
      subject: 'once',
      text: 'once',
      dedupeKey: 'test:once',
    };
    await ds.transaction((manager) => enqueueMails(manager, [message]));
    await ds.transaction((manager) =>
      enqueueMails(manager, [message, { ...message, dedupeKey: 'test:twice' }]),
    );
    const rows = await rowsFor('once@example.jp');
    expect(rows).toHaveLength(2);
    jest.restoreAllMocks();
  });
});

describe('mail outbox with an SMTP server that cannot be reached', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A localhost port nothing listens on (bound, then released).
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('keeps the mail with the transport’s error and reports it in /health', async () => {
    const ds = dataSourceOf(t);
    await ds.transaction((manager) =>
      enqueueMails(manager, [{ kind: 'test', to: 'smtp@example.jp', subject: 'smtp', text: 'via SMTP' }]),
    );
    const [row] = await eventually(
      () =>
        ds.query(`SELECT attempts, last_error FROM mail_outbox`) as Promise<
          Array<{ attempts: number; last_error: string | null }>
        >,
      (rows) => rows.length === 1 && rows[0].attempts >= 1,
    );
    expect(row.last_error).toMatch(/ECONNREFUSED/);
    const health = (await (await fetch(`${t.url}/health`)).json()) as { pendingMails: number };
    expect(health.pendingMails).toBe(1);
  });
});
