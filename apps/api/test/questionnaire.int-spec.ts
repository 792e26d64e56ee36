import { MailOutboxProcessor } from '../src/modules/mail/mail-outbox.processor';
import { MailService } from '../src/modules/mail/mail.service';
import { QuestionnaireService } from '../src/modules/questionnaire/questionnaire.service';
import { requestStatements } from './query-count';
import { eventually } from './search-fixtures';
import { createTestApp, type TestApp } from './test-app';
import { testClock, type TestClock } from './test-clock';
import {
  createOfficers,
  createSession,
  dataSourceOf,
  HOUR,
  REGISTER,
  seedNetwork,
  type Officer,
} from './exchange-session.fixtures';

jest.setTimeout(120_000);

const SET_QUESTIONS = `mutation($sessionId: ID!, $phase: QuestionPhase!, $questions: [SessionQuestionInput!]!) {
  setSessionQuestions(sessionId: $sessionId, phase: $phase, questions: $questions) { id kind label options required position }
}`;
const ANSWER = `mutation($sessionId: ID!, $answers: [QuestionAnswerInput!]!) {
  answerSurvey(sessionId: $sessionId, answers: $answers) { answers { questionId choices text rating } submittedAt updatedAt }
}`;
const RESULTS = `query($sessionId: ID!, $phase: QuestionPhase) {
  questionnaireResults(sessionId: $sessionId, phase: $phase) {
    recipientCount responseCount responseRate summary
    questions { question { id label kind } answered counts { option count } average texts }
  }
}`;
const SURVEY = `query($id: ID!) { exchangeSession(id: $id) {
  survey { closesAt closesAtIsDefault isOpen canAnswer invitedAt questions { id label }
           myResponse { answers { questionId choices text rating } } }
} }`;

/** The web's MyRegistrations (apps/web/src/graphql/session.graphql), with the registration questions too. */
const MY_REGISTRATIONS = `query {
  myRegistrations {
    id status
    session {
      id title status
      registrationQuestions { id label }
      survey { canAnswer questions { id } myResponse { updatedAt } }
    }
  }
}`;

type Registrations = {
  myRegistrations: Array<{
    session: {
      id: string;
      registrationQuestions: Array<{ label: string }>;
      survey: { questions: unknown[] } | null;
    };
  }>;
};

type Q = { id: string; kind: string; label: string; options: string[]; required: boolean };
type Results = {
  recipientCount: number;
  responseCount: number;
  responseRate: number;
  summary: string;
  questions: Array<{
    question: { id: string; label: string; kind: string };
    answered: number;
    counts: Array<{ option: string; count: number }>;
    average: number | null;
    texts: string[];
  }>;
};
type Survey = {
  isOpen: boolean;
  canAnswer: boolean;
  myResponse: {
    answers: Array<{ questionId: string; choices: string[]; text: string | null; rating: number | null }>;
  };
};

describe('questionnaires (アンケート) of exchange sessions', () => {
  let t: TestApp;
  let organiser: string;
  let mail: MailService;
  let service: QuestionnaireService;
  let clock: TestClock;

  beforeAll(async () => {
    t = await createTestApp();
    ({ organiser } = await seedNetwork(t));
    mail = t.app.get(MailService);
    service = t.app.get(QuestionnaireService);
    clock = testClock(t.app);
  });

  afterEach(() => {
    clock.reset();
  });

  afterAll(async () => {
    await t?.close();
  });

  async function drained(): Promise<void> {
    await eventually(
      () => t.app.get(MailOutboxProcessor).backlog(),
      (n) => n === 0,
    );
  }

  describe('registration questions', () => {
    let sessionId: string;
    let questions: Q[];

    beforeAll(async () => {
      ({ id: sessionId } = await createSession(t, organiser));
      const res = await t.gql<{ setSessionQuestions: Q[] }>(
        SET_QUESTIONS,
        {
          sessionId,
          phase: 'REGISTRATION',
          questions: [
            { kind: 'CHOICE', label: '参加方法', options: ['会場', 'オンライン'], required: true },
            { kind: 'MULTIPLE_CHOICE', label: '関心のあるテーマ', options: ['DX', '子育て', '防災'] },
            { kind: 'SHORT_TEXT', label: '配慮が必要なこと' },
          ],
        },
        organiser,
      );
      expect(res.errors).toBeUndefined();
      questions = res.data!.setSessionQuestions;
    });

    it('are public with the session, in order', async () => {
      const res = await t.gql<{ exchangeSession: { registrationQuestions: Q[] } }>(
        `query($id: ID!) { exchangeSession(id: $id) { registrationQuestions { id label kind options required } } }`,
        { id: sessionId },
      );
      expect(res.data?.exchangeSession.registrationQuestions.map((q) => q.label)).toEqual([
        '参加方法',
        '関心のあるテーマ',
        '配慮が必要なこと',
      ]);
    });

    it('refuses a registration without a required answer, naming the question; nothing is registered', async () => {
      const [o] = await createOfficers(t, 1);
      const res = await t.gql(REGISTER, { sessionId, input: { answers: [] } }, o.token);
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.answers',
        reason: 'ANSWER_REQUIRED',
        questionId: questions[0].id,
      });
      expect(res.errors?.[0].message).toContain('参加方法');
      const [row] = await dataSourceOf(t).query(
        `SELECT count(*)::int AS n FROM session_registrations WHERE user_id = $1`,
        [o.id],
      );
      expect(row.n).toBe(0);
    });

    it('refuses an option that the question does not have, naming the question and the option', async () => {
      const [o] = await createOfficers(t, 1);
      const res = await t.gql(
        REGISTER,
        {
          sessionId,
          input: {
            answers: [
              { questionId: questions[0].id, choices: ['会場'] },
              { questionId: questions[1].id, choices: ['DX', '観光'] },
            ],
          },
        },
        o.token,
      );
      expect(res.errors?.[0].extensions).toMatchObject({
        field: 'input.answers',
        reason: 'INVALID_ANSWER',
        questionId: questions[1].id,
      });
      expect(res.errors?.[0].message).toContain('関心のあるテーマ');
      expect(res.errors?.[0].message).toContain('観光');
    });

    it('stores valid answers with the registration and tallies them for the organiser', async () => {
      const officers = await createOfficers(t, 2);
      for (const [i, o] of officers.entries()) {
        const res = await t.gql(
          REGISTER,
          {
            sessionId,
            input: {
              answers: [
                { questionId: questions[0].id, choices: [i === 0 ? '会場' : 'オンライン'] },
                { questionId: questions[1].id, choices: ['防災', 'DX'] },
                { questionId: questions[2].id, text: i === 0 ? '車椅子で参加します' : '' },
              ],
            },
          },
          o.token,
        );
        expect(res.errors).toBeUndefined();
      }
      const res = await t.gql<{ questionnaireResults: Results }>(
        RESULTS,
        { sessionId, phase: 'REGISTRATION' },
        organiser,
      );
      const r = res.data!.questionnaireResults;
      expect(r).toMatchObject({ recipientCount: 2, responseCount: 2, responseRate: 1 });
      expect(r.questions[0].counts).toEqual([
        { option: '会場', count: 1 },
        { option: 'オンライン', count: 1 },
      ]);
      expect(r.questions[1].counts).toEqual([
        { option: 'DX', count: 2 },
        { option: '子育て', count: 0 },
        { option: '防災', count: 2 },
      ]);
      expect(r.questions[2].texts).toEqual(['車椅子で参加します']);
      // Members do not read the answers.
      const asMember = await t.gql(RESULTS, { sessionId, phase: 'REGISTRATION' }, officers[0].token);
      expect(asMember.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('the post-session survey', () => {
    let sessionId: string;
    let endsAt: Date;
    let survey: Q[];
    let officers: Officer[];
    let attendees: Officer[];

    beforeAll(async () => {
      // 5 officers, 4 seats: 4 confirmed (3 of them checked in) and 1 on the waitlist.
      officers = await createOfficers(t, 5);
      ({ id: sessionId } = await createSession(t, organiser, { capacity: 4 }));
      const regIds: string[] = [];
      for (const o of officers) {
        const res = await t.gql<{ registerForSession: { id: string; status: string } }>(
          REGISTER,
          { sessionId },
          o.token,
        );
        regIds.push(res.data!.registerForSession.id);
      }
      for (const id of regIds.slice(0, 3))
        await t.gql(
          `mutation($id: ID!) { checkInRegistration(registrationId: $id) { id } }`,
          { id },
          organiser,
        );
      attendees = officers.slice(0, 3);
      const [row] = await dataSourceOf(t).query(`SELECT ends_at FROM exchange_sessions WHERE id = $1`, [
        sessionId,
      ]);
      endsAt = new Date(row.ends_at);
      const res = await t.gql<{ setSessionQuestions: Q[] }>(
        SET_QUESTIONS,
        {
          sessionId,
          phase: 'SURVEY',
          questions: [
            { kind: 'RATING', label: '満足度', required: true },
            { kind: 'CHOICE', label: 'また参加したいですか', options: ['はい', 'いいえ'] },
            { kind: 'FREE_TEXT', label: 'ご意見・ご感想' },
          ],
        },
        organiser,
      );
      expect(res.errors).toBeUndefined();
      survey = res.data!.setSessionQuestions;
    });

    const answer = (o: Officer, rating: number, again: string, text = '') =>
      t.gql<{ answerSurvey: { answers: Array<{ questionId: string; rating: number | null }> } }>(
        ANSWER,
        {
          sessionId,
          answers: [
            { questionId: survey[0].id, rating },
            { questionId: survey[1].id, choices: [again] },
            { questionId: survey[2].id, text },
          ],
        },
        o.token,
      );

    it('is not open, and not mailed, before the session is over; its default close is 14 days after (JST)', async () => {
      expect(await service.sendDueSurveys()).toBe(0);
      const early = await answer(attendees[0], 5, 'はい');
      expect(early.errors?.[0].extensions?.reason).toBe('SURVEY_NOT_OPEN');
      const res = await t.gql<{
        exchangeSession: { survey: { closesAt: string; closesAtIsDefault: boolean } };
      }>(SURVEY, { id: sessionId }, organiser);
      const closesAt = new Date(res.data!.exchangeSession.survey.closesAt);
      expect(res.data!.exchangeSession.survey.closesAtIsDefault).toBe(true);
      // The end of the 14th day after the session's day in Japan: 00:00 JST (15:00Z the day before).
      expect(closesAt.getUTCHours()).toBe(15);
      expect(closesAt.getUTCMinutes()).toBe(0);
      const days = (closesAt.getTime() - endsAt.getTime()) / (24 * HOUR);
      expect(days).toBeGreaterThan(14);
      expect(days).toBeLessThanOrEqual(15);
    });

    it('is mailed once, after the session, to exactly the attendees who checked in', async () => {
      await drained();
      const before = mail.recent().length;
      clock.set(() => new Date(endsAt.getTime() + 3 * HOUR));
      expect(await service.sendDueSurveys()).toBe(3);
      expect(await service.sendDueSurveys()).toBe(0);
      const sent = await eventually(
        async () =>
          mail
            .recent()
            .slice(before)
            .filter((m) => m.kind === 'survey'),
        (m) => m.length >= 3,
      );
      await drained();
      const all = mail
        .recent()
        .slice(before)
        .filter((m) => m.kind === 'survey');
      expect(all.map((m) => m.to).sort()).toEqual(attendees.map((a) => a.email).sort());
      expect(sent[0].subject).toMatch(/^【アンケートのお願い】/);
      expect(sent[0].text).toContain(`/sessions/${sessionId}/survey`);
      expect(sent[0].text).toMatch(/回答期限：\d{4}年\d+月\d+日 00:00（日本時間）/);
    });

    it('takes answers once per person, editable until the close; others are refused', async () => {
      clock.set(() => new Date(endsAt.getTime() + 4 * HOUR));
      expect((await answer(attendees[0], 3, 'はい', '=HYPERLINK("http://x")')).errors).toBeUndefined();
      expect((await answer(attendees[1], 4, 'いいえ', '事例発表が参考になりました')).errors).toBeUndefined();
      // Edited: still one response, with the new answers.
      const edited = await answer(attendees[0], 5, 'はい', '=HYPERLINK("http://x")');
      expect(edited.errors).toBeUndefined();
      const [row] = await dataSourceOf(t).query(
        `SELECT count(*)::int AS n FROM questionnaire_responses WHERE session_id = $1 AND phase = 'SURVEY'`,
        [sessionId],
      );
      expect(row.n).toBe(2);
      const mine = await t.gql<{ exchangeSession: { survey: Survey } }>(
        SURVEY,
        { id: sessionId },
        attendees[0].token,
      );
      expect(mine.data!.exchangeSession.survey).toMatchObject({ isOpen: true, canAnswer: true });
      expect(mine.data!.exchangeSession.survey.myResponse.answers).toContainEqual({
        questionId: survey[0].id,
        choices: [],
        text: null,
        rating: 5,
      });

      // Confirmed but not checked in, and waitlisted: not attendees.
      for (const o of officers.slice(3)) {
        const res = await answer(o, 1, 'いいえ');
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        const seen = await t.gql<{ exchangeSession: { survey: unknown } }>(
          SURVEY,
          { id: sessionId },
          o.token,
        );
        expect(seen.data!.exchangeSession.survey).toBeNull();
      }
      // A required rating, and a rating out of range, name the question.
      const missing = await t.gql(ANSWER, { sessionId, answers: [] }, attendees[2].token);
      expect(missing.errors?.[0].extensions).toMatchObject({
        reason: 'ANSWER_REQUIRED',
        questionId: survey[0].id,
      });
      const outOfRange = await t.gql(
        ANSWER,
        { sessionId, answers: [{ questionId: survey[0].id, rating: 6 }] },
        attendees[2].token,
      );
      expect(outOfRange.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(outOfRange.errors?.[0])).toContain('rating');
    });

    it('tallies counts, the average rating and the response rate, and gives the figures for the report', async () => {
      const res = await t.gql<{ questionnaireResults: Results }>(RESULTS, { sessionId }, organiser);
      const r = res.data!.questionnaireResults;
      expect(r).toMatchObject({ recipientCount: 3, responseCount: 2, responseRate: 0.667 });
      expect(r.questions[0]).toMatchObject({
        answered: 2,
        average: 4.5,
        counts: [
          { option: '1', count: 0 },
          { option: '2', count: 0 },
          { option: '3', count: 0 },
          { option: '4', count: 1 },
          { option: '5', count: 1 },
        ],
      });
      expect(r.questions[1].counts).toEqual([
        { option: 'はい', count: 1 },
        { option: 'いいえ', count: 1 },
      ]);
      expect(r.questions[2].texts).toEqual(['=HYPERLINK("http://x")', '事例発表が参考になりました']);
      expect(r.summary).toBe('アンケート結果：満足度 4.5 / 5・回答率 67%（2 / 3名）');
    });

    it('exports an Excel-friendly CSV (BOM, one column per question, formulas neutralised) to the organiser only', async () => {
      const res = await fetch(`${t.url}/sessions/${sessionId}/survey.csv`, {
        headers: { authorization: `Bearer ${organiser}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="survey-/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
      expect(lines[0]).toBe('回答日時,更新日時,自治体,都道府県,満足度,また参加したいですか,ご意見・ご感想');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain(`,5,はい,"'=HYPERLINK(""http://x"")"`);
      const asMember = await fetch(`${t.url}/sessions/${sessionId}/survey.csv`, {
        headers: { authorization: `Bearer ${attendees[0].token}` },
      });
      expect(asMember.status).toBe(403);
    });

    it('sends one reminder before the close, only to attendees who have not answered', async () => {
      const res = await t.gql<{ exchangeSession: { survey: { closesAt: string } } }>(
        SURVEY,
        { id: sessionId },
        organiser,
      );
      const closesAt = new Date(res.data!.exchangeSession.survey.closesAt);
      await drained();
      const before = mail.recent().length;
      clock.set(() => new Date(closesAt.getTime() - 100 * HOUR));
      expect(await service.sendDueSurveyReminders()).toBe(0);
      clock.set(() => new Date(closesAt.getTime() - 48 * HOUR));
      expect(await service.sendDueSurveyReminders()).toBe(1);
      expect(await service.sendDueSurveyReminders()).toBe(0);
      const reminders = await eventually(
        async () =>
          mail
            .recent()
            .slice(before)
            .filter((m) => m.kind === 'survey-reminder'),
        (m) => m.length >= 1,
      );
      expect(reminders.map((m) => m.to)).toEqual([attendees[2].email]);
    });

    it('refuses answers and edits after the close, keeping the last answers', async () => {
      const res = await t.gql<{ exchangeSession: { survey: { closesAt: string } } }>(
        SURVEY,
        { id: sessionId },
        organiser,
      );
      clock.set(() => new Date(new Date(res.data!.exchangeSession.survey.closesAt).getTime() + 60_000));
      const late = await answer(attendees[0], 1, 'いいえ');
      expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SURVEY_CLOSED' });
      const newcomer = await answer(attendees[2], 2, 'いいえ');
      expect(newcomer.errors?.[0].extensions?.reason).toBe('SURVEY_CLOSED');
      const r = await t.gql<{ questionnaireResults: Results }>(RESULTS, { sessionId }, organiser);
      expect(r.data!.questionnaireResults.questions[0].average).toBe(4.5);
    });

    it('fixes the questions once the survey was sent; the close date can still move', async () => {
      const res = await t.gql(
        SET_QUESTIONS,
        { sessionId, phase: 'SURVEY', questions: [{ kind: 'RATING', label: '満足度' }] },
        organiser,
      );
      expect(res.errors?.[0].extensions?.reason).toBe('SURVEY_ALREADY_SENT');
      const later = new Date(endsAt.getTime() + 30 * 24 * HOUR);
      const moved = await t.gql<{ setSurveyCloseDate: { closesAt: string; closesAtIsDefault: boolean } }>(
        `mutation($id: ID!, $at: DateTime) { setSurveyCloseDate(sessionId: $id, closesAt: $at) { closesAt closesAtIsDefault } }`,
        { id: sessionId, at: later.toISOString() },
        organiser,
      );
      expect(moved.data?.setSurveyCloseDate).toEqual({
        closesAt: later.toISOString(),
        closesAtIsDefault: false,
      });
    });
  });

  it('refuses a survey question kind that belongs to registration, naming the field', async () => {
    const { id } = await createSession(t, organiser);
    const res = await t.gql(
      SET_QUESTIONS,
      { sessionId: id, phase: 'SURVEY', questions: [{ kind: 'SHORT_TEXT', label: '所属' }] },
      organiser,
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'questions[0].kind' });
    const one = await t.gql(
      SET_QUESTIONS,
      { sessionId: id, phase: 'SURVEY', questions: [{ kind: 'CHOICE', label: '満足', options: ['はい'] }] },
      organiser,
    );
    expect(one.errors?.[0].extensions?.field).toBe('questions[0].options');
  });

  /**
   * A member's registrations list selects each session's survey and registration questions: they are read
   * through per-request loaders (questionnaire-loaders.ts), so the list costs the same number of queries
   * whether it has one session or four (it was four queries per session for `survey`, one for the questions).
   */
  describe('questionnaire fields on a list of sessions', () => {
    let one: Officer;
    let four: Officer;

    beforeAll(async () => {
      [one, four] = await createOfficers(t, 2);
      for (let i = 0; i < 4; i += 1) {
        const { id: sessionId } = await createSession(t, organiser);
        for (const [phase, label] of [
          ['REGISTRATION', `参加方法 ${i}`],
          ['SURVEY', `満足度 ${i}`],
        ]) {
          const res = await t.gql(
            SET_QUESTIONS,
            { sessionId, phase, questions: [{ kind: phase === 'SURVEY' ? 'RATING' : 'SHORT_TEXT', label }] },
            organiser,
          );
          expect(res.errors).toBeUndefined();
        }
        for (const o of i === 0 ? [one, four] : [four]) {
          const res = await t.gql(REGISTER, { sessionId, input: { answers: [] } }, o.token);
          expect(res.errors).toBeUndefined();
        }
      }
    });

    async function listed(o: Officer) {
      let data: Registrations | undefined;
      const statements = await requestStatements('runner', async () => {
        const res = await t.gql<Registrations>(MY_REGISTRATIONS, {}, o.token);
        expect(res.errors).toBeUndefined();
        data = res.data;
      });
      return { registrations: data!.myRegistrations, statements };
    }

    it('reads them in the same number of queries for four sessions as for one', async () => {
      const single = await listed(one);
      const many = await listed(four);
      expect(single.registrations).toHaveLength(1);
      expect(many.registrations).toHaveLength(4);
      for (const r of many.registrations) {
        expect(r.session.registrationQuestions).toHaveLength(1);
        expect(r.session.survey?.questions).toHaveLength(1);
      }
      const reads = (statements: string[], table: string) =>
        statements.filter((s) => new RegExp(`"?${table}"?`).test(s)).length;
      // One query per table for the whole list: questions (one per phase), survey settings, responses.
      expect(reads(many.statements, 'session_surveys')).toBe(1);
      expect(reads(many.statements, 'session_questions')).toBe(2);
      expect(reads(many.statements, 'questionnaire_responses')).toBe(1);
      expect(many.statements.length).toBe(single.statements.length);
    });
  });
});
