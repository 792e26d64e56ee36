import { requestStatements } from './query-count';
import { createTestApp, type TestApp } from './test-app';
import {
  createOfficers,
  createSession,
  REGISTER,
  seedNetwork,
  type Officer,
} from './exchange-session.fixtures';

jest.setTimeout(120_000);

const SET_QUESTIONS = `mutation($sessionId: ID!, $phase: QuestionPhase!, $questions: [SessionQuestionInput!]!) {
  setSessionQuestions(sessionId: $sessionId, phase: $phase, questions: $questions) { id }
}`;

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

/**
 * A member's registrations list selects each session's survey and registration questions: they are read
 * through per-request loaders (questionnaire-loaders.ts), so the list costs the same number of queries
 * whether it has one session or four (it was four queries per session for `survey`, one for the questions).
 */
describe('questionnaire fields on a list of sessions', () => {
  let t: TestApp;
  let one: Officer;
  let four: Officer;

  beforeAll(async () => {
    t = await createTestApp();
    const { organiser } = await seedNetwork(t);
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

  afterAll(async () => {
    await t?.close();
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
