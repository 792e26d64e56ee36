import { BadUserInputError } from '../../common/app-error';
import {
  defaultSurveyClose,
  reportSummary,
  tally,
  validateAnswers,
  type QuestionLike,
} from './questionnaire-rules';

const rating: QuestionLike = { id: 'r', kind: 'RATING', label: '満足度', options: [], required: true };
const choice: QuestionLike = {
  id: 'c',
  kind: 'CHOICE',
  label: '参加方法',
  options: ['会場', 'オンライン'],
  required: false,
};
const multi: QuestionLike = {
  id: 'm',
  kind: 'MULTIPLE_CHOICE',
  label: 'テーマ',
  options: ['DX', '子育て', '防災'],
  required: false,
};
const free: QuestionLike = { id: 'f', kind: 'FREE_TEXT', label: 'ご意見', options: [], required: false };

function refusal(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(BadUserInputError);
    return { message: (e as Error).message, ...(e as BadUserInputError).extensions };
  }
  throw new Error('expected a refusal');
}

describe('questionnaire rules', () => {
  it('closes a survey at the end of the 14th day in Japan after the session, whatever the UTC date', () => {
    // Ends 23:30 JST on 21 Nov (14:30Z): closes 00:00 JST on 6 Dec = 15:00Z on 5 Dec.
    expect(defaultSurveyClose(new Date('2026-11-21T14:30:00Z')).toISOString()).toBe(
      '2026-12-05T15:00:00.000Z',
    );
    // Ends 00:30 JST on 22 Nov (15:30Z on the 21st): that is the 22nd in Japan.
    expect(defaultSurveyClose(new Date('2026-11-21T15:30:00Z')).toISOString()).toBe(
      '2026-12-06T15:00:00.000Z',
    );
  });

  it('keeps choices in option order and drops empty answers', () => {
    expect(
      validateAnswers(
        [rating, multi, free],
        [
          { questionId: 'r', rating: 4 },
          { questionId: 'm', choices: ['防災', 'DX'] },
          { questionId: 'f', text: '   ' },
        ],
      ),
    ).toEqual({ r: { rating: 4 }, m: { choices: ['DX', '防災'] } });
  });

  it('names the question in every refusal', () => {
    expect(refusal(() => validateAnswers([rating], []))).toMatchObject({
      reason: 'ANSWER_REQUIRED',
      questionId: 'r',
      field: 'input.answers',
    });
    const unknown = refusal(() => validateAnswers([choice], [{ questionId: 'c', choices: ['現地'] }]));
    expect(unknown).toMatchObject({ reason: 'INVALID_ANSWER', questionId: 'c' });
    expect(unknown.message).toContain('「参加方法」に「現地」という選択肢はありません');
    expect(
      refusal(() => validateAnswers([choice], [{ questionId: 'c', choices: ['会場', 'オンライン'] }])),
    ).toMatchObject({ reason: 'INVALID_ANSWER', questionId: 'c' });
    expect(refusal(() => validateAnswers([rating], [{ questionId: 'r', rating: 0 }]))).toMatchObject({
      questionId: 'r',
    });
    expect(refusal(() => validateAnswers([rating], [{ questionId: 'x', rating: 3 }]))).toMatchObject({
      reason: 'UNKNOWN_QUESTION',
    });
  });

  it('tallies counts per option, a rating distribution and average, texts in order; and the report line', () => {
    const tallies = tally(
      [rating, choice, free],
      [
        { r: { rating: 5 }, c: { choices: ['会場'] }, f: { text: 'よかった' } },
        { r: { rating: 4 }, c: { choices: ['会場'] } },
        { r: { rating: 4 } },
      ],
    );
    expect(tallies[0]).toMatchObject({ answered: 3, average: 4.33 });
    expect(tallies[0].counts.map((c) => c.count)).toEqual([0, 0, 0, 2, 1]);
    expect(tallies[1].counts).toEqual([
      { option: '会場', count: 2 },
      { option: 'オンライン', count: 0 },
    ]);
    expect(tallies[2].texts).toEqual(['よかった']);
    expect(reportSummary(tallies, 3, 4)).toBe('アンケート結果：満足度 4.3 / 5・回答率 75%（3 / 4名）');
    expect(reportSummary(tally([free], []), 0, 0)).toBe('アンケート結果：回答率 0%（0 / 0名）');
  });
});
