import { atJst, jstDate } from '@yokoten/case-studies';
import { BadUserInputError } from '../../common/app-error';
import type { AnswerValue } from './questionnaire.entity';

export const QUESTION_PHASES = ['REGISTRATION', 'SURVEY'] as const;
export type QuestionPhase = (typeof QUESTION_PHASES)[number];
export const QUESTION_KINDS = ['CHOICE', 'MULTIPLE_CHOICE', 'SHORT_TEXT', 'RATING', 'FREE_TEXT'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** What each phase may ask. */
export const KINDS_OF_PHASE: Record<QuestionPhase, readonly QuestionKind[]> = {
  REGISTRATION: ['CHOICE', 'MULTIPLE_CHOICE', 'SHORT_TEXT'],
  SURVEY: ['RATING', 'CHOICE', 'MULTIPLE_CHOICE', 'FREE_TEXT'],
};

export const LIMITS = { questions: 20, options: 20, shortText: 200, freeText: 4000 } as const;

export interface QuestionLike {
  id: string;
  kind: QuestionKind;
  label: string;
  options: string[];
  required: boolean;
}

export interface AnswerInputLike {
  questionId: string;
  choices?: string[] | null;
  text?: string | null;
  rating?: number | null;
}

export type AnswerRefusal = 'ANSWER_REQUIRED' | 'INVALID_ANSWER' | 'UNKNOWN_QUESTION';

function refuse(reason: AnswerRefusal, q: QuestionLike | null, message: string): never {
  throw new BadUserInputError('input.answers', `input.answers: ${message}`, {
    reason,
    ...(q ? { questionId: q.id, question: q.label } : {}),
  });
}

/**
 * Checks answers against the questions and returns them keyed by question id, only with what each kind
 * keeps. A refusal names the question (its label in the message, its id in `extensions.questionId`).
 */
export function validateAnswers(
  questions: readonly QuestionLike[],
  answers: readonly AnswerInputLike[],
): Record<string, AnswerValue> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const out: Record<string, AnswerValue> = {};
  for (const a of answers) {
    const q = byId.get(a.questionId);
    if (!q)
      refuse('UNKNOWN_QUESTION', null, `この会の質問ではありません: ${a.questionId} (unknown question)`);
    if (out[q.id]) refuse('INVALID_ANSWER', q, `「${q.label}」への回答が重複しています (answered twice)`);
    const value = valueOf(q, a);
    if (value) out[q.id] = value;
  }
  for (const q of questions)
    if (q.required && !out[q.id])
      refuse('ANSWER_REQUIRED', q, `「${q.label}」は回答必須です (an answer to “${q.label}” is required)`);
  return out;
}

/** The kept value of one answer, or null when it says nothing (an empty text, no choice). */
function valueOf(q: QuestionLike, a: AnswerInputLike): AnswerValue | null {
  switch (q.kind) {
    case 'CHOICE':
    case 'MULTIPLE_CHOICE': {
      const choices = a.choices ?? [];
      if (!choices.length) return null;
      const unknown = choices.find((c) => !q.options.includes(c));
      if (unknown !== undefined)
        refuse(
          'INVALID_ANSWER',
          q,
          `「${q.label}」に「${unknown}」という選択肢はありません (“${unknown}” is not an option of “${q.label}”)`,
        );
      if (new Set(choices).size !== choices.length)
        refuse('INVALID_ANSWER', q, `「${q.label}」で同じ選択肢が重複しています (duplicate choice)`);
      if (q.kind === 'CHOICE' && choices.length > 1)
        refuse('INVALID_ANSWER', q, `「${q.label}」は1つだけ選んでください (choose one)`);
      // Kept in the order of the options, whatever order they were sent in.
      return { choices: q.options.filter((o) => choices.includes(o)) };
    }
    case 'SHORT_TEXT':
    case 'FREE_TEXT': {
      const text = (a.text ?? '').trim();
      if (!text) return null;
      const max = q.kind === 'SHORT_TEXT' ? LIMITS.shortText : LIMITS.freeText;
      if (text.length > max)
        refuse(
          'INVALID_ANSWER',
          q,
          `「${q.label}」は${max}文字以内で入力してください (at most ${max} characters)`,
        );
      return { text };
    }
    case 'RATING': {
      if (a.rating === null || a.rating === undefined) return null;
      if (!Number.isInteger(a.rating) || a.rating < 1 || a.rating > 5)
        refuse('INVALID_ANSWER', q, `「${q.label}」は1〜5で評価してください (a rating from 1 to 5)`);
      return { rating: a.rating };
    }
  }
}

export interface QuestionInputLike {
  id?: string | null;
  kind: QuestionKind;
  label: string;
  options?: string[] | null;
  required?: boolean | null;
}

/** Checks a questionnaire the organiser builds: kinds allowed in the phase, options where needed. */
export function validateQuestions(phase: QuestionPhase, questions: readonly QuestionInputLike[]): void {
  if (questions.length > LIMITS.questions)
    throw new BadUserInputError(
      'questions',
      `questions: 質問は${LIMITS.questions}問までです (at most ${LIMITS.questions})`,
    );
  questions.forEach((q, i) => {
    const field = `questions[${i}]`;
    if (!KINDS_OF_PHASE[phase].includes(q.kind))
      throw new BadUserInputError(
        `${field}.kind`,
        `${field}.kind: ${phase === 'REGISTRATION' ? '申込時の質問' : 'アンケート'}では ${q.kind} は使えません (not allowed in ${phase})`,
      );
    if (!q.label.trim())
      throw new BadUserInputError(`${field}.label`, `${field}.label: 質問文を入力してください (required)`);
    const options = (q.options ?? []).map((o) => o.trim());
    const needsOptions = q.kind === 'CHOICE' || q.kind === 'MULTIPLE_CHOICE';
    if (needsOptions && options.filter(Boolean).length < 2)
      throw new BadUserInputError(
        `${field}.options`,
        `${field}.options: 「${q.label}」には選択肢を2つ以上入力してください (at least two options)`,
      );
    if (needsOptions && (options.some((o) => !o) || new Set(options).size !== options.length))
      throw new BadUserInputError(
        `${field}.options`,
        `${field}.options: 「${q.label}」の選択肢に空欄か重複があります (empty or duplicate option)`,
      );
    if (options.length > LIMITS.options)
      throw new BadUserInputError(
        `${field}.options`,
        `${field}.options: 選択肢は${LIMITS.options}個までです`,
      );
  });
}

/** The default close of a survey: the end of the 14th day, in Japan, after the session's last day. */
export function defaultSurveyClose(endsAt: Date): Date {
  const day = jstDate(endsAt);
  // 00:00 JST of day +15 = the end of day +14; JST is UTC+9 with no daylight saving.
  return new Date(atJst(day).getTime() + 15 * 24 * 3600_000);
}

export interface QuestionTally {
  questionId: string;
  kind: QuestionKind;
  label: string;
  answered: number;
  /** CHOICE / MULTIPLE_CHOICE: one per option in order; RATING: one per value 1…5. */
  counts: Array<{ option: string; count: number }>;
  average: number | null;
  texts: string[];
}

/** Counts per choice, rating averages and distributions, free texts in answer order. */
export function tally(
  questions: readonly QuestionLike[],
  responses: ReadonlyArray<Record<string, AnswerValue>>,
): QuestionTally[] {
  return questions.map((q) => {
    const values = responses.map((r) => r[q.id]).filter((v): v is AnswerValue => !!v);
    const base = { questionId: q.id, kind: q.kind, label: q.label, answered: values.length };
    if (q.kind === 'RATING') {
      const ratings = values.map((v) => v.rating).filter((n): n is number => typeof n === 'number');
      return {
        ...base,
        counts: [1, 2, 3, 4, 5].map((n) => ({
          option: String(n),
          count: ratings.filter((r) => r === n).length,
        })),
        average: ratings.length
          ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
          : null,
        texts: [],
      };
    }
    if (q.kind === 'CHOICE' || q.kind === 'MULTIPLE_CHOICE')
      return {
        ...base,
        counts: q.options.map((o) => ({
          option: o,
          count: values.filter((v) => v.choices?.includes(o)).length,
        })),
        average: null,
        texts: [],
      };
    return { ...base, counts: [], average: null, texts: values.map((v) => v.text ?? '').filter(Boolean) };
  });
}

/** 満足度 4.5 / 5・回答率 80%（8 / 10名）: the figures a report quotes. */
export function reportSummary(
  tallies: readonly QuestionTally[],
  responses: number,
  recipients: number,
): string {
  const parts: string[] = [];
  const rating = tallies.find((t) => t.kind === 'RATING' && t.average !== null);
  if (rating) parts.push(`満足度 ${rating.average?.toFixed(1)} / 5`);
  const rate = recipients ? Math.round((responses / recipients) * 100) : 0;
  parts.push(`回答率 ${rate}%（${responses} / ${recipients}名）`);
  return `アンケート結果：${parts.join('・')}`;
}
