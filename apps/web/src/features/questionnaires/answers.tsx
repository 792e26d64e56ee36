import { useTranslation } from 'react-i18next';
import type {
  QuestionAnswerInput,
  QuestionKind,
  SessionQuestionFieldsFragment,
} from '../../graphql/generated/graphql';
import { fieldHint, fieldLabel, textInput } from '../../shared/ui-classes';

/** One answer as the form holds it: chosen options, a text, a 1–5 rating. */
export interface AnswerDraft {
  choices: string[];
  text: string;
  rating: number | null;
}
export type AnswerDrafts = Record<string, AnswerDraft>;

const EMPTY: AnswerDraft = { choices: [], text: '', rating: null };

export function draftsFrom(
  answers: ReadonlyArray<{
    questionId: string;
    choices: string[];
    text?: string | null;
    rating?: number | null;
  }>,
): AnswerDrafts {
  return Object.fromEntries(
    answers.map((a) => [a.questionId, { choices: a.choices, text: a.text ?? '', rating: a.rating ?? null }]),
  );
}

/** What the API takes: only the questions answered. */
export function answerInputs(
  questions: readonly SessionQuestionFieldsFragment[],
  drafts: AnswerDrafts,
): QuestionAnswerInput[] {
  return questions.flatMap((q): QuestionAnswerInput[] => {
    const d = drafts[q.id] ?? EMPTY;
    if (q.kind === 'RATING') return d.rating ? [{ questionId: q.id, rating: d.rating }] : [];
    if (q.kind === 'CHOICE' || q.kind === 'MULTIPLE_CHOICE')
      return d.choices.length ? [{ questionId: q.id, choices: d.choices }] : [];
    return d.text.trim() ? [{ questionId: q.id, text: d.text.trim() }] : [];
  });
}

/** The required questions left unanswered, for the form's own check before sending. */
export function missingRequired(
  questions: readonly SessionQuestionFieldsFragment[],
  drafts: AnswerDrafts,
): SessionQuestionFieldsFragment[] {
  const answered = new Set(answerInputs(questions, drafts).map((a) => a.questionId));
  return questions.filter((q) => q.required && !answered.has(q.id));
}

export const questionFieldId = (prefix: string, id: string) => `${prefix}-q-${id}`;

/**
 * The questions as form fields: a radio group for CHOICE and RATING, checkboxes for MULTIPLE_CHOICE, a text
 * box for SHORT_TEXT, a text area for FREE_TEXT. Each group is a fieldset with its legend, so a screen reader
 * reads the question with every option.
 */
export function QuestionFields({
  questions,
  drafts,
  onChange,
  idPrefix,
  invalid = [],
}: {
  questions: readonly SessionQuestionFieldsFragment[];
  drafts: AnswerDrafts;
  onChange: (drafts: AnswerDrafts) => void;
  idPrefix: string;
  invalid?: readonly string[];
}) {
  const { t } = useTranslation();
  const set = (id: string, patch: Partial<AnswerDraft>) =>
    onChange({ ...drafts, [id]: { ...(drafts[id] ?? EMPTY), ...patch } });
  return (
    <div className="flex flex-col gap-6">
      {questions.map((q) => {
        const d = drafts[q.id] ?? EMPTY;
        const id = questionFieldId(idPrefix, q.id);
        const isInvalid = invalid.includes(q.id);
        const label = (
          <>
            {q.label}
            {q.required && (
              <span className="ml-2 text-std-16B-170 text-error-2">{t('questionnaires.required')}</span>
            )}
          </>
        );
        const errorText = isInvalid ? (
          <span id={`${id}-error`} className="mt-1 block text-std-16B-170 text-error-2">
            {t('questionnaires.answerRequired', { question: q.label })}
          </span>
        ) : null;
        if (q.kind === 'SHORT_TEXT' || q.kind === 'FREE_TEXT') {
          const Input = q.kind === 'SHORT_TEXT' ? 'input' : 'textarea';
          return (
            <div key={q.id} className="flex flex-col gap-1">
              <label htmlFor={id} className={fieldLabel}>
                {label}
              </label>
              <Input
                id={id}
                className={`${textInput} ${q.kind === 'FREE_TEXT' ? 'min-h-32' : ''}`}
                value={d.text}
                maxLength={q.kind === 'SHORT_TEXT' ? 200 : 4000}
                aria-required={q.required || undefined}
                aria-invalid={isInvalid || undefined}
                aria-describedby={isInvalid ? `${id}-error` : undefined}
                onChange={(e) => set(q.id, { text: e.target.value })}
              />
              {errorText}
            </div>
          );
        }
        const options: Array<{ value: string; label: string }> =
          q.kind === 'RATING'
            ? RATING_KEYS.map((key, i) => ({ value: String(i + 1), label: t(key) }))
            : q.options.map((o) => ({ value: o, label: o }));
        const multiple = q.kind === 'MULTIPLE_CHOICE';
        return (
          <fieldset
            key={q.id}
            id={id}
            tabIndex={-1}
            aria-invalid={isInvalid || undefined}
            aria-describedby={isInvalid ? `${id}-error` : undefined}
          >
            <legend className={fieldLabel}>{label}</legend>
            {multiple && <p className={fieldHint}>{t('questionnaires.chooseAny')}</p>}
            <div className={`mt-2 flex gap-x-6 gap-y-2 ${q.kind === 'RATING' ? 'flex-wrap' : 'flex-col'}`}>
              {options.map((o, i) => {
                const optionId = `${id}-${i}`;
                const checked =
                  q.kind === 'RATING' ? d.rating === Number(o.value) : d.choices.includes(o.value);
                return (
                  <label
                    key={o.value}
                    htmlFor={optionId}
                    className="flex min-h-11 items-center gap-2 text-std-16N-170"
                  >
                    <input
                      id={optionId}
                      type={multiple ? 'checkbox' : 'radio'}
                      name={id}
                      className="size-5"
                      value={o.value}
                      checked={checked}
                      onChange={(e) => {
                        if (q.kind === 'RATING') set(q.id, { rating: Number(o.value) });
                        else if (!multiple) set(q.id, { choices: [o.value] });
                        else
                          set(q.id, {
                            choices: e.target.checked
                              ? q.options.filter((x) => x === o.value || d.choices.includes(x))
                              : d.choices.filter((x) => x !== o.value),
                          });
                      }}
                    />
                    {o.label}
                  </label>
                );
              })}
            </div>
            {errorText}
          </fieldset>
        );
      })}
    </div>
  );
}

export const KIND_KEYS = {
  CHOICE: 'questionnaires.kind.CHOICE',
  MULTIPLE_CHOICE: 'questionnaires.kind.MULTIPLE_CHOICE',
  SHORT_TEXT: 'questionnaires.kind.SHORT_TEXT',
  RATING: 'questionnaires.kind.RATING',
  FREE_TEXT: 'questionnaires.kind.FREE_TEXT',
} as const satisfies Record<QuestionKind, string>;

export const RATING_KEYS = [
  'questionnaires.rating1',
  'questionnaires.rating2',
  'questionnaires.rating3',
  'questionnaires.rating4',
  'questionnaires.rating5',
] as const;

export const PHASE_KEYS = {
  REGISTRATION: 'questionnaires.phase.REGISTRATION',
  SURVEY: 'questionnaires.phase.SURVEY',
} as const;
