import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  SessionQuestionnairesDocument,
  SetSessionQuestionsDocument,
  SetSurveyCloseDateDocument,
  type QuestionKind,
  type QuestionPhase,
  type SessionQuestionFieldsFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { SuccessNotice } from '../../shared/status';
import {
  buttonOutline,
  buttonSmallOutline,
  buttonSolid,
  fieldHint,
  fieldLabel,
  sectionTitle,
  selectInput,
  subTitle,
  textInput,
} from '../../shared/ui-classes';
import { formatJst, fromJstInputValue, toJstInputValue } from '../sessions/jst';
import { sessionProblemMessage } from '../sessions/session-errors';
import { KIND_KEYS, PHASE_KEYS } from './answers';

const KINDS: Record<QuestionPhase, QuestionKind[]> = {
  REGISTRATION: ['CHOICE', 'MULTIPLE_CHOICE', 'SHORT_TEXT'],
  SURVEY: ['RATING', 'CHOICE', 'MULTIPLE_CHOICE', 'FREE_TEXT'],
};

interface Row {
  key: string;
  id?: string;
  kind: QuestionKind;
  label: string;
  options: string;
  required: boolean;
}

let counter = 0;
const newKey = () => `q${(counter += 1)}`;

function rowsOf(questions: readonly SessionQuestionFieldsFragment[]): Row[] {
  return questions.map((q) => ({
    key: q.id,
    id: q.id,
    kind: q.kind,
    label: q.label,
    options: q.options.join('\n'),
    required: q.required,
  }));
}

const hasOptions = (kind: QuestionKind) => kind === 'CHOICE' || kind === 'MULTIPLE_CHOICE';

/** The organiser builds one phase's questions: kind, text, options (one per line), required. */
function QuestionBuilder({
  sessionId,
  phase,
  questions,
  locked,
}: {
  sessionId: string;
  phase: QuestionPhase;
  questions: readonly SessionQuestionFieldsFragment[];
  locked: boolean;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [save, { loading }] = useMutation(SetSessionQuestionsDocument, {
    refetchQueries: [SessionQuestionnairesDocument],
    awaitRefetchQueries: true,
  });
  const current = rows ?? rowsOf(questions);
  const prefix = `builder-${phase.toLowerCase()}`;
  const update = (key: string, patch: Partial<Row>) =>
    setRows(current.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    setSaved(undefined);
    const blank = current.findIndex((r) => !r.label.trim());
    if (blank >= 0) {
      setError(t('questionnaires.builder.labelMissing', { n: blank + 1 }));
      return;
    }
    try {
      await save({
        variables: {
          sessionId,
          phase,
          questions: current.map((r) => ({
            ...(r.id ? { id: r.id } : {}),
            kind: r.kind,
            label: r.label.trim(),
            options: hasOptions(r.kind)
              ? r.options
                  .split('\n')
                  .map((o) => o.trim())
                  .filter(Boolean)
              : [],
            required: r.required,
          })),
        },
      });
      setRows(undefined);
      setSaved(t('questionnaires.builder.saved'));
    } catch (caught) {
      setError(sessionProblemMessage(caught, t));
    }
  }

  const headingId = `${prefix}-heading`;
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h3 id={headingId} className={subTitle}>
        {t(PHASE_KEYS[phase])}
      </h3>
      <p className={fieldHint}>
        {t(
          phase === 'SURVEY'
            ? 'questionnaires.builder.lead.SURVEY'
            : 'questionnaires.builder.lead.REGISTRATION',
        )}
      </p>
      {locked && (
        <p className="mt-2 rounded-8 border-l-4 border-orange-800 bg-orange-50 p-3 text-std-16N-170">
          {t('questionnaires.builder.locked')}
        </p>
      )}
      <SuccessNotice message={saved} />
      {error && (
        <p
          role="alert"
          className="mt-3 rounded-8 border-2 border-error-1 bg-red-50 p-3 text-std-16B-170 text-error-2"
        >
          {error}
        </p>
      )}
      <form className="mt-3 flex flex-col gap-4" noValidate onSubmit={(e) => void onSubmit(e)}>
        {current.length === 0 && <p className="text-std-16N-170">{t('questionnaires.builder.none')}</p>}
        <ol className="flex flex-col gap-4">
          {current.map((r, index) => {
            const id = `${prefix}-${r.key}`;
            const n = index + 1;
            return (
              <li key={r.key} className="rounded-8 border border-solid-gray-420 p-3 md:p-4">
                <fieldset disabled={locked} className="flex flex-col gap-3">
                  <legend className="text-std-16B-170">{t('questionnaires.builder.question', { n })}</legend>
                  <div className="flex flex-col gap-1">
                    <label htmlFor={`${id}-label`} className={fieldLabel}>
                      {t('questionnaires.builder.label')}
                    </label>
                    <input
                      id={`${id}-label`}
                      className={textInput}
                      value={r.label}
                      maxLength={300}
                      onChange={(e) => update(r.key, { label: e.target.value })}
                    />
                  </div>
                  <div className="flex flex-col gap-1">
                    <label htmlFor={`${id}-kind`} className={fieldLabel}>
                      {t('questionnaires.builder.kind')}
                    </label>
                    <select
                      id={`${id}-kind`}
                      className={selectInput}
                      value={r.kind}
                      onChange={(e) => update(r.key, { kind: e.target.value as QuestionKind })}
                    >
                      {KINDS[phase].map((k) => (
                        <option key={k} value={k}>
                          {t(KIND_KEYS[k])}
                        </option>
                      ))}
                    </select>
                  </div>
                  {hasOptions(r.kind) && (
                    <div className="flex flex-col gap-1">
                      <label htmlFor={`${id}-options`} className={fieldLabel}>
                        {t('questionnaires.builder.options')}
                      </label>
                      <p id={`${id}-options-hint`} className={fieldHint}>
                        {t('questionnaires.builder.optionsHint')}
                      </p>
                      <textarea
                        id={`${id}-options`}
                        className={`${textInput} min-h-24`}
                        value={r.options}
                        aria-describedby={`${id}-options-hint`}
                        onChange={(e) => update(r.key, { options: e.target.value })}
                      />
                    </div>
                  )}
                  <label
                    htmlFor={`${id}-required`}
                    className="flex min-h-11 items-center gap-2 text-std-16N-170"
                  >
                    <input
                      id={`${id}-required`}
                      type="checkbox"
                      className="size-5"
                      checked={r.required}
                      onChange={(e) => update(r.key, { required: e.target.checked })}
                    />
                    {t('questionnaires.builder.requiredLabel')}
                  </label>
                  <div>
                    <button
                      type="button"
                      className={buttonSmallOutline}
                      onClick={() => setRows(current.filter((x) => x.key !== r.key))}
                    >
                      {t('questionnaires.builder.removeNamed', { n })}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {!locked && (
          <div className="flex flex-wrap gap-3">
            <button
              type="button"
              className={buttonOutline}
              onClick={() =>
                setRows([
                  ...current,
                  { key: newKey(), kind: KINDS[phase][0], label: '', options: '', required: false },
                ])
              }
            >
              {t('questionnaires.builder.add')}
            </button>
            <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
              {loading
                ? t('sessions.processing')
                : t(
                    phase === 'SURVEY'
                      ? 'questionnaires.builder.save.SURVEY'
                      : 'questionnaires.builder.save.REGISTRATION',
                  )}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

/** The survey's close (JST); empty: the default, 14 days after the session. */
function SurveyClose({
  sessionId,
  closesAt,
  isDefault,
}: {
  sessionId: string;
  closesAt: string;
  isDefault: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [value, setValue] = useState<string>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [save, { loading }] = useMutation(SetSurveyCloseDateDocument, {
    refetchQueries: [SessionQuestionnairesDocument],
    awaitRefetchQueries: true,
  });
  const current = value ?? (isDefault ? '' : toJstInputValue(closesAt));
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    setSaved(undefined);
    const iso = current.trim() ? fromJstInputValue(current) : null;
    if (current.trim() && !iso) {
      setError(t('questionnaires.builder.closeInvalid'));
      return;
    }
    try {
      await save({ variables: { sessionId, closesAt: iso } });
      setValue(undefined);
      setSaved(t('questionnaires.builder.closeSaved'));
    } catch (caught) {
      setError(sessionProblemMessage(caught, t));
    }
  }
  return (
    <form className="mt-4 flex flex-col gap-1" noValidate onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor="survey-closes-at" className={fieldLabel}>
        {t('questionnaires.builder.closesAt')}
      </label>
      <p id="survey-closes-at-hint" className={fieldHint}>
        {t('questionnaires.builder.closesAtHint', { date: formatJst(closesAt, language) })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <input
          id="survey-closes-at"
          type="datetime-local"
          className={`${textInput} max-w-xs`}
          value={current}
          aria-describedby={`survey-closes-at-hint${error ? ' survey-closes-at-error' : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className={buttonOutline} disabled={loading}>
          {t('questionnaires.builder.closeSave')}
        </button>
      </div>
      {error && (
        <span id="survey-closes-at-error" className="text-std-16B-170 text-error-2">
          {error}
        </span>
      )}
      <SuccessNotice message={saved} />
    </form>
  );
}

/** The console's アンケート section: registration questions, the survey and its close, links to the results. */
export function QuestionnaireSection({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { data } = useQuery(SessionQuestionnairesDocument, {
    variables: { id: sessionId },
    fetchPolicy: 'cache-and-network',
  });
  const session = data?.exchangeSession;
  if (!session) return null;
  const survey = session.survey;
  return (
    <section
      aria-labelledby="questionnaires-heading"
      className="mt-10 rounded-12 border border-solid-gray-420 p-4 md:p-6"
    >
      <h2 id="questionnaires-heading" className={sectionTitle}>
        {t('questionnaires.heading')}
      </h2>
      <p className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170">
        <Link to={`/sessions/${sessionId}/survey/results`} className="link-text">
          {t('questionnaires.resultsLink')}
        </Link>
        {survey?.invitedAt && (
          <span>{t('questionnaires.invitedAt', { date: formatJst(survey.invitedAt, language) })}</span>
        )}
      </p>
      {session.status !== 'CANCELLED' && (
        <QuestionBuilder
          sessionId={sessionId}
          phase="REGISTRATION"
          questions={session.registrationQuestions}
          locked={false}
        />
      )}
      {session.status !== 'CANCELLED' && (
        <QuestionBuilder
          sessionId={sessionId}
          phase="SURVEY"
          questions={survey?.questions ?? []}
          locked={Boolean(survey?.invitedAt)}
        />
      )}
      {survey && (
        <SurveyClose sessionId={sessionId} closesAt={survey.closesAt} isDefault={survey.closesAtIsDefault} />
      )}
    </section>
  );
}
