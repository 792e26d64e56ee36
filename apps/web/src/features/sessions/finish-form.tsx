import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  FinishExchangeSessionDocument,
  QuestionnaireResultsDocument,
  type SessionConsoleQuery,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { TextAreaField, TextField } from '../../shared/form-fields';
import { formatNumber } from '../../shared/format';
import { buttonSmallOutline, buttonSolid, fieldHint, sectionTitle } from '../../shared/ui-classes';
import { newKey } from './editor-model';
import { RowListEditor } from './row-list-editor';
import { forgetSessionLists, SESSION_QUERIES } from './session-cache';
import { FormErrorSummary } from '../../shared/error-summary';
import { sessionProblemMessage } from './session-errors';

type Session = NonNullable<SessionConsoleQuery['exchangeSession']>;

interface MaterialRow {
  key: string;
  title: string;
  url: string;
}

const INTEGER = /^\d+$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** 開催報告: minutes, attendance and materials; recording it marks the session as held (開催済み). */
export function FinishForm({ session, onDone }: { session: Session; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // A FINISHED session's report is edited in place: the form starts from what was recorded.
  const report = session.report;
  const editing = session.status === 'FINISHED';
  const [minutes, setMinutes] = useState(report?.minutes ?? '');
  const [attendees, setAttendees] = useState(report ? String(report.attendeeCount) : '');
  const [municipalities, setMunicipalities] = useState(report ? String(report.municipalityCount) : '');
  const [materials, setMaterials] = useState<MaterialRow[]>(() =>
    (session.materials ?? []).map((m) => ({ key: newKey(), title: m.title, url: m.url })),
  );
  const [figuresNote, setFiguresNote] = useState<string>();
  const [loadResults, { loading: loadingFigures }] = useLazyQuery(QuestionnaireResultsDocument, {
    fetchPolicy: 'network-only',
  });

  /** Puts the survey's figures (満足度 4.5 / 5・回答率 80%…) at the end of the minutes. */
  async function insertFigures() {
    setFiguresNote(undefined);
    const { data } = await loadResults({ variables: { sessionId: session.id, phase: 'SURVEY' } });
    const results = data?.questionnaireResults;
    if (!results || results.questions.length === 0) {
      setFiguresNote(t('questionnaires.report.noSurvey'));
      return;
    }
    setMinutes((text) => (text.trim() ? `${text.trimEnd()}\n\n${results.summary}` : results.summary));
    setFiguresNote(t('questionnaires.report.inserted', { summary: results.summary }));
  }
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [finish, { loading }] = useMutation(FinishExchangeSessionDocument, {
    update: forgetSessionLists,
    refetchQueries: SESSION_QUERIES,
    awaitRefetchQueries: true,
  });
  const started = Date.parse(session.startsAt) <= Date.now();
  const errorKeys = Object.keys(errors);

  useEffect(() => {
    if (attempt > 0 && (formError || Object.keys(errors).length)) summaryRef.current?.focus();
  }, [attempt]); // once per submission

  function validate(): Record<string, string> {
    const found: Record<string, string> = {};
    if (!minutes.trim())
      found['finish-minutes'] = t('sessions.form.required', { field: t('sessions.finish.minutes') });
    if (attendees.trim() && !INTEGER.test(attendees.trim()))
      found['finish-attendees'] = `${t('sessions.finish.attendees')}：${t('sessions.finish.integer')}`;
    if (municipalities.trim() && !INTEGER.test(municipalities.trim()))
      found['finish-municipalities'] =
        `${t('sessions.finish.municipalities')}：${t('sessions.finish.integer')}`;
    materials.forEach((row, index) => {
      const label = t('sessions.finish.materialRow', { n: index + 1 });
      if (!row.title.trim())
        found[`${row.key}-title`] = t('sessions.form.rowRequired', {
          row: label,
          field: t('sessions.finish.materialTitle'),
        });
      if (!isHttpUrl(row.url)) found[`${row.key}-url`] = `${label}：${t('sessions.form.invalidUrl')}`;
    });
    return found;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const found = validate();
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) setConfirming(true);
  }

  async function onConfirm() {
    try {
      await finish({
        variables: {
          sessionId: session.id,
          report: {
            minutes: minutes.trim(),
            attendeeCount: attendees.trim() ? Number(attendees.trim()) : null,
            municipalityCount: municipalities.trim() ? Number(municipalities.trim()) : null,
            materials: materials.map((row) => ({ title: row.title.trim(), url: row.url.trim() })),
          },
        },
      });
      setConfirming(false);
      onDone(editing ? t('questionnaires.report.saved') : t('sessions.finish.done'));
    } catch (caught) {
      setConfirming(false);
      setFormError(sessionProblemMessage(caught, t));
      setAttempt((n) => n + 1);
    }
  }

  return (
    <section
      aria-labelledby="finish-heading"
      className="mt-10 rounded-12 border border-solid-gray-420 p-4 md:p-6"
    >
      <h2 id="finish-heading" className={sectionTitle}>
        {editing ? t('questionnaires.report.editHeading') : t('sessions.finish.heading')}
      </h2>
      <p className="mt-2 text-std-16N-170">
        {editing
          ? t('questionnaires.report.editLead')
          : started
            ? t('sessions.finish.lead')
            : t('sessions.finish.notStarted')}
      </p>
      {(formError || errorKeys.length > 0) && (
        <FormErrorSummary
          ref={summaryRef}
          heading={t('sessions.finish.errorSummary')}
          headingLevel="h3"
          formError={formError}
          fields={errorKeys.map((key) => ({ fieldId: key, message: errors[key] ?? '' }))}
        />
      )}
      <form className="mt-6 flex max-w-3xl flex-col gap-6" noValidate onSubmit={onSubmit}>
        <TextAreaField
          id="finish-minutes"
          label={t('sessions.finish.minutes')}
          hint={t('sessions.finish.minutesHint')}
          required
          rows={8}
          value={minutes}
          error={errors['finish-minutes']}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <div className="-mt-3 flex flex-col gap-1">
          <div>
            <button
              type="button"
              className={buttonSmallOutline}
              disabled={loadingFigures}
              aria-describedby="finish-figures-hint"
              onClick={() => void insertFigures()}
            >
              {t('questionnaires.report.insert')}
            </button>
          </div>
          <p id="finish-figures-hint" className={fieldHint}>
            {t('questionnaires.report.insertHint')}
          </p>
          <p role="status" className="text-std-16N-170">
            {figuresNote}
          </p>
        </div>
        <div className="grid gap-6 md:grid-cols-2">
          <TextField
            id="finish-attendees"
            inputMode="numeric"
            label={t('sessions.finish.attendees')}
            hint={t('sessions.finish.attendeesHint', {
              formatted: formatNumber(session.checkedInCount, language),
            })}
            value={attendees}
            error={errors['finish-attendees']}
            onChange={(e) => setAttendees(e.target.value)}
          />
          <TextField
            id="finish-municipalities"
            inputMode="numeric"
            label={t('sessions.finish.municipalities')}
            hint={t('sessions.finish.municipalitiesHint')}
            value={municipalities}
            error={errors['finish-municipalities']}
            onChange={(e) => setMunicipalities(e.target.value)}
          />
        </div>
        <RowListEditor
          heading={t('sessions.finish.materials')}
          headingClassName="text-std-20B-150"
          hint={t('sessions.finish.materialsHint')}
          addLabel={t('sessions.finish.addMaterial')}
          legendOf={(n) => t('sessions.finish.materialRow', { n })}
          firstField="title"
          rows={materials}
          newRow={() => ({ key: newKey(), title: '', url: '' })}
          onChange={setMaterials}
        >
          {(row, _index, update) => (
            <div className="grid gap-4 md:grid-cols-2">
              <TextField
                id={`${row.key}-title`}
                label={t('sessions.finish.materialTitle')}
                required
                value={row.title}
                error={errors[`${row.key}-title`]}
                onChange={(e) => update({ title: e.target.value })}
              />
              <TextField
                id={`${row.key}-url`}
                type="url"
                label={t('sessions.finish.materialUrl')}
                required
                value={row.url}
                error={errors[`${row.key}-url`]}
                onChange={(e) => update({ url: e.target.value })}
              />
            </div>
          )}
        </RowListEditor>
        <div>
          <button type="submit" className={buttonSolid} disabled={loading || !started}>
            {editing ? t('questionnaires.report.save') : t('sessions.finish.submit')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('sessions.finish.confirmTitle')}
        body={t('sessions.finish.confirmBody')}
        confirmLabel={loading ? t('sessions.processing') : t('sessions.finish.confirm')}
        busy={loading}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
