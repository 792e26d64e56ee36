import type { SessionEditableFragment } from '../../graphql/generated/graphql';
import { t } from '../../testing/translate-ja';
import {
  caseStudyIdOf,
  emptyAgendaItem,
  emptySession,
  emptyTable,
  fieldId,
  formPathOf,
  fromSession,
  sortErrorPaths,
  termForStart,
  termOptions,
  toSessionInput,
  validateSession,
  type SessionFormValues,
} from './editor-model';

// jest.config.cjs runs these on a machine in Los Angeles: every time below is Japan time all the same.

const CASE_ID = '0b6f8a3e-5c2d-4e1f-9a7b-1c2d3e4f5a6b';

/** A session an organiser could save: 2026年度下期, 21 November 2026 14:00–17:00 JST. */
const ready = (patch: Partial<SessionFormValues> = {}): SessionFormValues => ({
  ...emptySession(new Date('2026-10-01T00:00:00+09:00')),
  title: '定期共有会 2026年度下期',
  startsAt: '2026-11-21T14:00',
  endsAt: '2026-11-21T17:00',
  venue: 'COMPASS小倉',
  meetingUrl: 'https://meet.example.jp/abc',
  capacity: '80',
  registrationOpensAt: '2026-10-01T09:00',
  registrationClosesAt: '2026-11-14T17:00',
  ...patch,
});
const check = (patch: Partial<SessionFormValues> = {}) => validateSession(ready(patch), t, 'ja');

describe('a new session', () => {
  it('starts in the term of today (Japan time), hybrid, first come, public, two per municipality', () => {
    // 31 March 2026 23:30 in Los Angeles is already 1 April in Japan: the new fiscal year's first half.
    expect(emptySession(new Date('2026-03-31T23:30:00-07:00'))).toMatchObject({
      term: '2026H1',
      format: 'HYBRID',
      allocationMode: 'FIRST_COME',
      isPublic: true,
      perMunicipalityLimit: '2',
      tables: [],
      agenda: [],
    });
  });

  it('asks for what it needs, one message per field', () => {
    expect(validateSession(emptySession(new Date('2026-10-01T00:00:00+09:00')), t, 'ja')).toEqual({
      title: '会の名称を入力してください。',
      startsAt: '開始日時を入力してください。',
      endsAt: '終了日時を入力してください。',
      capacity: '定員を入力してください。',
      registrationOpensAt: '申込開始日時を入力してください。',
      registrationClosesAt: '申込締切日時を入力してください。',
    });
  });

  it('a complete one has no errors', () => {
    expect(check()).toEqual({});
  });

  it('new rows have keys of their own', () => {
    expect(emptyTable().key).not.toBe(emptyAgendaItem().key);
    expect(emptyAgendaItem()).toMatchObject({ kind: 'KEYNOTE', title: '', caseStudy: '' });
  });
});

describe('checking the form', () => {
  it('a name of at most 200 characters', () => {
    expect(check({ title: 'あ'.repeat(200) })).toEqual({});
    expect(check({ title: 'あ'.repeat(201) })).toEqual({ title: '200文字以内で入力してください。' });
  });

  it('real dates and times', () => {
    expect(check({ startsAt: '2026-02-30T14:00' }).startsAt).toBe('日付と時刻を正しく入力してください。');
    expect(check({ registrationOpensAt: '2026-10-01T25:00' }).registrationOpensAt).toBe(
      '日付と時刻を正しく入力してください。',
    );
  });

  it('the end after the start', () => {
    expect(check({ endsAt: '2026-11-21T14:00' })).toEqual({
      endsAt: '終了日時は開始日時より後にしてください。',
    });
  });

  it('the start inside the chosen term', () => {
    expect(check({ term: '2026H1' })).toEqual({
      term: '開始日時が2026年度上期の期間外です。開催期か開始日時を見直してください。',
    });
    // 1 October 00:00 JST is the first minute of the second half, whatever the machine's zone.
    const firstMinute = { startsAt: '2026-10-01T00:00', endsAt: '2026-10-01T03:00' };
    const registration = {
      registrationOpensAt: '2026-09-01T09:00',
      registrationClosesAt: '2026-09-30T12:00',
    };
    expect(check({ ...firstMinute, ...registration })).toEqual({});
    expect(check({ ...firstMinute, ...registration, startsAt: '2026-09-30T23:59' }).term).toBeDefined();
    expect(check({ term: 'そのうち' }).term).toBe('開催期を入力してください。');
  });

  it('registration closes after it opens and no later than the start', () => {
    expect(check({ registrationClosesAt: '2026-10-01T09:00' })).toEqual({
      registrationClosesAt: '申込締切は申込開始より後にしてください。',
    });
    expect(check({ registrationClosesAt: '2026-11-21T14:01' })).toEqual({
      registrationClosesAt: '申込締切は開始日時までにしてください。',
    });
    expect(check({ registrationClosesAt: '2026-11-21T14:00' })).toEqual({});
  });

  it('a meeting URL over http(s), unless the session is on site only', () => {
    expect(check({ meetingUrl: 'meet.example.jp' })).toEqual({
      meetingUrl: 'https:// から始まるURLを入力してください。',
    });
    expect(check({ meetingUrl: 'ftp://meet.example.jp' }).meetingUrl).toBeDefined();
    expect(check({ meetingUrl: '' })).toEqual({});
    expect(check({ format: 'ONSITE', meetingUrl: 'meet.example.jp' })).toEqual({});
  });

  it('whole numbers in range, full-width digits included', () => {
    expect(check({ capacity: '１００' })).toEqual({});
    expect(check({ capacity: '0' })).toEqual({ capacity: '1〜10000の整数で入力してください。' });
    expect(check({ capacity: '10001' }).capacity).toBeDefined();
    expect(check({ capacity: '8.5' }).capacity).toBeDefined();
    expect(check({ perMunicipalityLimit: '' })).toEqual({});
    expect(check({ perMunicipalityLimit: '1001' })).toEqual({
      perMunicipalityLimit: '1〜1000の整数で入力してください。',
    });
  });

  it('a description of at most 10,000 characters', () => {
    expect(check({ description: 'あ'.repeat(10_000) })).toEqual({});
    expect(check({ description: 'あ'.repeat(10_001) })).toEqual({
      description: '10000文字以内で入力してください。',
    });
  });

  it('tables: each named, with 1–1000 seats; the message names the table', () => {
    expect(
      check({
        tables: [
          { ...emptyTable(), name: 'テーブルA', seats: '８' },
          { ...emptyTable(), name: ' ', seats: '0' },
        ],
      }),
    ).toEqual({
      'tables.1.name': 'テーブル2：テーブル名を入力してください。',
      'tables.1.seats': 'テーブル2：席数は1〜1000の整数で入力してください。',
    });
  });

  it('agenda: each titled, a real start, 1–1440 minutes, a case it can find', () => {
    expect(
      check({
        agenda: [
          { ...emptyAgendaItem(), title: '基調講演', startsAt: '2026-11-21T14:10', durationMinutes: '40' },
          {
            ...emptyAgendaItem(),
            startsAt: '2026-11-21T99:00',
            durationMinutes: '1441',
            caseStudy: '/cases/latest',
          },
        ],
      }),
    ).toEqual({
      'agenda.1.title': 'プログラム2：タイトルを入力してください。',
      'agenda.1.startsAt': 'プログラム2：日付と時刻を正しく入力してください。',
      'agenda.1.durationMinutes': 'プログラム2：時間（分）は1〜1440の整数で入力してください。',
      'agenda.1.caseStudy': 'プログラム2：事例のIDか、事例ページのURL（/cases/… ）を入力してください。',
    });
  });
});

describe('the error summary', () => {
  it('reads top to bottom like the form, rows in order', () => {
    expect(
      sortErrorPaths([
        'agenda.1.title',
        'capacity',
        'tables.10.name',
        'title',
        'tables.2.seats',
        'tables.2.name',
        'x',
      ]),
    ).toEqual([
      'title',
      'capacity',
      'tables.2.name',
      'tables.2.seats',
      'tables.10.name',
      'agenda.1.title',
      'x',
    ]);
  });

  it('links to the field an API error names, and to nothing it cannot show', () => {
    expect(formPathOf('input.tables.0.name')).toBe('tables.0.name');
    expect(formPathOf('capacity')).toBe('capacity');
    expect(formPathOf('input.status')).toBeUndefined();
    expect(formPathOf(undefined)).toBeUndefined();
    expect(fieldId('agenda.2.title')).toBe('session-agenda-2-title');
  });
});

describe('what is sent', () => {
  it('times as Japan time with the offset, numbers as numbers, blanks as null', () => {
    const input = toSessionInput(
      ready({
        title: ' 定期共有会 ',
        description: ' 説明 ',
        venueDetails: '  ',
        capacity: '１２０',
        perMunicipalityLimit: '',
      }),
    );
    expect(input).toEqual({
      title: '定期共有会',
      term: '2026H2',
      description: '説明',
      startsAt: '2026-11-21T14:00:00+09:00',
      endsAt: '2026-11-21T17:00:00+09:00',
      format: 'HYBRID',
      venue: 'COMPASS小倉',
      venueDetails: null,
      meetingUrl: 'https://meet.example.jp/abc',
      capacity: 120,
      perMunicipalityLimit: null,
      registrationOpensAt: '2026-10-01T09:00:00+09:00',
      registrationClosesAt: '2026-11-14T17:00:00+09:00',
      allocationMode: 'FIRST_COME',
      isPublic: true,
      tables: [],
      agenda: [],
    });
  });

  it('clears what the chosen format hides', () => {
    expect(toSessionInput(ready({ format: 'ONLINE', venueDetails: '3階' }))).toMatchObject({
      venue: null,
      venueDetails: null,
      meetingUrl: 'https://meet.example.jp/abc',
    });
    expect(toSessionInput(ready({ format: 'ONSITE' }))).toMatchObject({
      venue: 'COMPASS小倉',
      meetingUrl: null,
    });
  });

  it('keeps the ids of existing tables and reads the case from a pasted address', () => {
    const input = toSessionInput(
      ready({
        tables: [
          { key: 'a', id: 't1', name: ' テーブルA ', theme: ' 人材育成 ', seats: '８' },
          { key: 'b', name: 'テーブルB', theme: '', seats: '6' },
        ],
        agenda: [
          {
            ...emptyAgendaItem(),
            kind: 'CASE_PRESENTATION',
            title: '事例発表',
            speaker: ' 山田 ',
            startsAt: '2026-11-21T14:10',
            durationMinutes: '２０',
            caseStudy: `https://yokoten.example.jp/cases/${CASE_ID.toUpperCase()}`,
          },
        ],
      }),
    );
    expect(input.tables).toEqual([
      { id: 't1', name: 'テーブルA', theme: '人材育成', seats: 8 },
      { name: 'テーブルB', theme: '', seats: 6 },
    ]);
    expect(input.agenda).toEqual([
      {
        kind: 'CASE_PRESENTATION',
        title: '事例発表',
        speaker: '山田',
        affiliation: null,
        startsAt: '2026-11-21T14:10:00+09:00',
        durationMinutes: 20,
        caseStudyId: CASE_ID,
      },
    ]);
  });

  it('a case from its id or its page, nothing from other text', () => {
    expect(caseStudyIdOf(` ${CASE_ID} `)).toBe(CASE_ID);
    expect(caseStudyIdOf(`/cases/${CASE_ID}/edit`)).toBe(CASE_ID);
    expect(caseStudyIdOf('/cases/latest')).toBeUndefined();
  });
});

describe('an existing session', () => {
  const session: SessionEditableFragment = {
    id: 's1',
    title: '定期共有会 2026年度下期',
    term: '2026H2',
    termLabel: '2026年度下期',
    description: '説明',
    startsAt: '2026-11-21T05:00:00.000Z',
    endsAt: '2026-11-21T08:00:00.000Z',
    format: 'ONLINE',
    status: 'DRAFT',
    venue: null,
    venueDetails: null,
    meetingUrl: 'https://meet.example.jp/abc',
    capacity: 80,
    perMunicipalityLimit: null,
    registrationOpensAt: '2026-10-01T00:00:00.000Z',
    registrationClosesAt: '2026-11-14T08:00:00.000Z',
    allocationMode: 'LOTTERY',
    isPublic: false,
    confirmedCount: 0,
    waitlistCount: 0,
    appliedCount: 0,
    remainingSeats: 80,
    fillRate: 0,
    isRegistrationOpen: false,
    tables: [{ id: 't1', name: 'テーブルA', theme: '人材育成', seats: 8 }],
    agenda: [
      {
        kind: 'CASE_PRESENTATION',
        title: '事例発表',
        speaker: null,
        affiliation: '北九州市',
        startsAt: '2026-11-21T05:10:00.000Z',
        durationMinutes: null,
        caseStudyId: CASE_ID,
      },
    ],
  };

  it('fills the form in Japan time, with blanks for what it lacks', () => {
    const values = fromSession(session);
    expect(values).toMatchObject({
      startsAt: '2026-11-21T14:00',
      endsAt: '2026-11-21T17:00',
      registrationOpensAt: '2026-10-01T09:00',
      registrationClosesAt: '2026-11-14T17:00',
      venue: '',
      capacity: '80',
      perMunicipalityLimit: '',
      allocationMode: 'LOTTERY',
      isPublic: false,
    });
    expect(values.tables).toMatchObject([{ id: 't1', name: 'テーブルA', theme: '人材育成', seats: '8' }]);
    expect(values.agenda).toMatchObject([
      {
        title: '事例発表',
        speaker: '',
        affiliation: '北九州市',
        startsAt: '2026-11-21T14:10',
        durationMinutes: '',
        caseStudy: CASE_ID,
      },
    ]);
  });

  it('saved unchanged, it sends what it had', () => {
    const values = fromSession(session);
    expect(validateSession(values, t, 'ja')).toEqual({});
    expect(toSessionInput(values)).toMatchObject({
      startsAt: '2026-11-21T14:00:00+09:00',
      capacity: 80,
      perMunicipalityLimit: null,
      venue: null,
      tables: [{ id: 't1', name: 'テーブルA', theme: '人材育成', seats: 8 }],
      agenda: [
        { startsAt: '2026-11-21T14:10:00+09:00', caseStudyId: CASE_ID, speaker: null, durationMinutes: null },
      ],
    });
    expect(new Date(toSessionInput(values).startsAt).toISOString()).toBe('2026-11-21T05:00:00.000Z');
  });
});

describe('terms', () => {
  it('offers last fiscal year to two years ahead, in order, labelled', () => {
    const options = termOptions('2026H2', 'ja', new Date('2026-05-01T12:00:00+09:00'));
    expect(options.map((option) => option.value)).toEqual([
      '2025H1',
      '2025H2',
      '2026H1',
      '2026H2',
      '2027H1',
      '2027H2',
      '2028H1',
      '2028H2',
    ]);
    expect(options[2]).toEqual({ value: '2026H1', label: '2026年度上期' });
  });

  it("keeps a session's own term when it is older", () => {
    expect(termOptions('2020H2', 'en', new Date('2026-05-01T12:00:00+09:00'))[0]).toEqual({
      value: '2020H2',
      label: 'FY2020 H2 (Oct–Mar)',
    });
  });

  it('the term of a start time, once it is a date', () => {
    expect(termForStart('2026-09-30T23:59')).toBe('2026H1');
    expect(termForStart('2026-10-01T00:00')).toBe('2026H2');
    expect(termForStart('2027-03-31T23:00')).toBe('2026H2');
    expect(termForStart('2026-10')).toBeUndefined();
  });
});
