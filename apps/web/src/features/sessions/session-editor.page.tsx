import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AGENDA_ITEM_KINDS, SESSION_FORMATS, ALLOCATION_MODES } from '@yokoten/case-studies';
import {
  CreateExchangeSessionDocument,
  SessionForEditDocument,
  UpdateExchangeSessionDocument,
  type AgendaItemKind,
  type AllocationMode,
  type SessionEditableFragment,
  type SessionFormat,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { apiProblem } from '../../shared/errors';
import { TextAreaField, TextField } from '../../shared/form-fields';
import { ErrorNotice, Loading } from '../../shared/status';
import {
  buttonOutline,
  buttonSolid,
  fieldError,
  fieldHint,
  fieldLabel,
  pageTitle,
  sectionTitle,
  selectInput,
} from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { isOrganiser, useCurrentUser } from '../auth/use-current-user';
import {
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
  type AgendaRow,
  type FormErrors,
  type SessionFormValues,
  type TableRow,
} from './editor-model';
import { AgendaCasePicker } from './agenda-case-picker';
import { agendaKindLabel, allocationModeLabel, sessionFormatLabel } from './labels';
import { RowListEditor } from './row-list-editor';
import { SessionBreadcrumbs } from './session-breadcrumbs';
import { forgetSessionLists } from './session-cache';
import { onlyAgendaTimesFailed, sessionProblem, sessionProblemMessage } from './session-errors';
import { isSessionId } from './session-id';
import { FormErrorSummary } from '../../shared/error-summary';
import { sessionNoticeState } from './use-session-notice';

function RadioGroup<V extends string>({
  name,
  legend,
  hint,
  value,
  options,
  disabled,
  onChange,
}: {
  name: string;
  legend: string;
  hint?: string;
  value: V;
  options: readonly { value: V; label: string }[];
  disabled?: boolean;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset id={fieldId(name)} aria-describedby={hint ? `${fieldId(name)}-hint` : undefined}>
      <legend className={fieldLabel}>{legend}</legend>
      {hint && (
        <p id={`${fieldId(name)}-hint`} className={fieldHint}>
          {hint}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="inline-flex items-center gap-2 text-std-16N-170">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              disabled={disabled}
              onChange={() => onChange(option.value)}
              className="size-5 accent-blue-900"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TablesEditor({
  rows,
  errors,
  onChange,
}: {
  rows: TableRow[];
  errors: FormErrors;
  onChange: (rows: TableRow[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <RowListEditor
      id={fieldId('tables')}
      heading={t('sessions.form.tablesHeading')}
      hint={t('sessions.form.tablesHint')}
      empty={t('sessions.form.tablesEmpty')}
      addLabel={t('sessions.form.addTable')}
      legendOf={(n) => t('sessions.form.tableRow', { n })}
      firstField="name"
      rows={rows}
      newRow={emptyTable}
      onChange={onChange}
    >
      {(row, index, update) => (
        <div className="grid gap-4 md:grid-cols-[1fr_2fr_8rem]">
          <TextField
            id={`${row.key}-name`}
            label={t('sessions.form.tableName')}
            hint={t('sessions.form.tableNameHint')}
            required
            value={row.name}
            error={errors[`tables.${index}.name`]}
            onChange={(e) => update({ name: e.target.value })}
          />
          <TextField
            id={`${row.key}-theme`}
            label={t('sessions.form.tableTheme')}
            hint={t('sessions.form.tableThemeHint')}
            value={row.theme}
            onChange={(e) => update({ theme: e.target.value })}
          />
          <TextField
            id={`${row.key}-seats`}
            label={t('sessions.form.tableSeats')}
            inputMode="numeric"
            required
            value={row.seats}
            error={errors[`tables.${index}.seats`]}
            onChange={(e) => update({ seats: e.target.value })}
          />
        </div>
      )}
    </RowListEditor>
  );
}

function AgendaEditor({
  rows,
  errors,
  warning,
  onChange,
}: {
  rows: AgendaRow[];
  errors: FormErrors;
  warning?: string;
  onChange: (rows: AgendaRow[]) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <RowListEditor
      id={fieldId('agenda')}
      heading={t('sessions.form.agendaHeading')}
      hint={t('sessions.form.agendaHint')}
      empty={t('sessions.form.agendaEmpty')}
      notice={
        warning && (
          <p className="rounded-8 border-l-4 border-orange-800 bg-orange-50 p-3 text-std-16N-170">
            {warning}
          </p>
        )
      }
      addLabel={t('sessions.form.addAgendaItem')}
      legendOf={(n) => t('sessions.form.agendaRow', { n })}
      firstField="kind"
      rows={rows}
      newRow={emptyAgendaItem}
      onChange={onChange}
    >
      {(row, index, update) => (
        <div className="grid gap-4 md:grid-cols-2">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${row.key}-kind`} className={fieldLabel}>
              {t('sessions.form.agendaKind')}
            </label>
            <select
              id={`${row.key}-kind`}
              className={selectInput}
              value={row.kind}
              onChange={(e) => update({ kind: e.target.value as AgendaItemKind })}
            >
              {AGENDA_ITEM_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {agendaKindLabel(kind, language)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id={`${row.key}-title`}
            label={t('sessions.form.agendaTitle')}
            required
            value={row.title}
            error={errors[`agenda.${index}.title`]}
            onChange={(e) => update({ title: e.target.value })}
          />
          <TextField
            id={`${row.key}-speaker`}
            label={t('sessions.form.agendaSpeaker')}
            value={row.speaker}
            onChange={(e) => update({ speaker: e.target.value })}
          />
          <TextField
            id={`${row.key}-affiliation`}
            label={t('sessions.form.agendaAffiliation')}
            hint={t('sessions.form.agendaAffiliationHint')}
            value={row.affiliation}
            onChange={(e) => update({ affiliation: e.target.value })}
          />
          <TextField
            id={`${row.key}-startsAt`}
            type="datetime-local"
            label={t('sessions.form.agendaStartsAt')}
            hint={t('sessions.form.jstHint')}
            value={row.startsAt}
            error={errors[`agenda.${index}.startsAt`]}
            onChange={(e) => update({ startsAt: e.target.value })}
          />
          <TextField
            id={`${row.key}-durationMinutes`}
            inputMode="numeric"
            label={t('sessions.form.agendaDuration')}
            value={row.durationMinutes}
            error={errors[`agenda.${index}.durationMinutes`]}
            onChange={(e) => update({ durationMinutes: e.target.value })}
          />
          <div className="md:col-span-2">
            <AgendaCasePicker
              id={`${row.key}-caseStudy`}
              value={row.caseStudy}
              error={errors[`agenda.${index}.caseStudy`]}
              onChange={(caseStudy) => update({ caseStudy })}
            />
          </div>
        </div>
      )}
    </RowListEditor>
  );
}

/** The id of the input an error path points at (rows use their stable keys). */
function inputIdFor(path: string, values: SessionFormValues): string {
  const [head, index, sub] = path.split('.');
  if ((head === 'tables' || head === 'agenda') && index !== undefined && sub) {
    const row = head === 'tables' ? values.tables[Number(index)] : values.agenda[Number(index)];
    if (row) return `${row.key}-${sub}`;
  }
  return fieldId(head);
}

function SessionForm({
  initial,
  existing,
  agendaTimesMissing,
}: {
  initial: SessionFormValues;
  existing?: SessionEditableFragment;
  /** The agenda's start times could not be read: saving an edited agenda would drop them. */
  agendaTimesMissing?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [termTouched, setTermTouched] = useState(Boolean(existing));
  // An agenda nobody touched is not sent on update, so that the server keeps it exactly as it is.
  const [agendaTouched, setAgendaTouched] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [create, createState] = useMutation(CreateExchangeSessionDocument, { update: forgetSessionLists });
  const [update, updateState] = useMutation(UpdateExchangeSessionDocument, { update: forgetSessionLists });
  const busy = createState.loading || updateState.loading;
  const hasRegistrations = existing
    ? existing.confirmedCount + existing.waitlistCount + existing.appliedCount > 0
    : false;
  const errorPaths = sortErrorPaths(Object.keys(errors));

  useEffect(() => {
    if (attempt > 0 && (formError || errorPaths.length)) summaryRef.current?.focus();
    // Once per submission, not on every keystroke that changes the errors.
  }, [attempt]);

  const set = <K extends keyof SessionFormValues>(key: K, value: SessionFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  function setStartsAt(value: string) {
    setValues((previous) => {
      const derived = termForStart(value);
      return { ...previous, startsAt: value, term: !termTouched && derived ? derived : previous.term };
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const found = validateSession(values, t, language);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const input = toSessionInput(values);
    try {
      let id: string;
      if (existing) {
        const { agenda, ...rest } = input;
        const result = await update({
          variables: { id: existing.id, input: agendaTouched ? { ...rest, agenda } : rest },
        });
        id = result.data?.updateExchangeSession.id ?? existing.id;
      } else {
        const result = await create({ variables: { input } });
        id = result.data?.createExchangeSession.id ?? '';
      }
      void navigate(`/sessions/${id}`, { state: sessionNoticeState(existing ? 'saved' : 'created') });
    } catch (caught) {
      const detail = sessionProblem(caught);
      const path = detail.code === 'BAD_USER_INPUT' ? formPathOf(detail.field) : undefined;
      const message = sessionProblemMessage(caught, t);
      if (path) setErrors({ [path]: message });
      else setFormError(message);
      setAttempt((n) => n + 1);
    }
  }

  const bind = (key: keyof SessionFormValues & string) => ({
    id: fieldId(key),
    name: key,
    value: values[key] as string,
    error: errors[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value as never),
  });

  return (
    <>
      {(formError || errorPaths.length > 0) && (
        <FormErrorSummary
          ref={summaryRef}
          heading={t('sessions.form.errorSummary')}
          headingLevel="h2"
          formError={formError}
          fields={errorPaths.map((path) => ({
            fieldId: inputIdFor(path, values),
            message: errors[path] ?? '',
          }))}
        />
      )}
      <form className="mt-6 flex max-w-3xl flex-col gap-8" noValidate onSubmit={(e) => void onSubmit(e)}>
        <section aria-labelledby="form-basics" className="flex flex-col gap-6">
          <h2 id="form-basics" className={sectionTitle}>
            {t('sessions.form.basics')}
          </h2>
          <TextField
            label={t('sessions.form.title')}
            hint={t('sessions.form.titleHint')}
            required
            {...bind('title')}
          />
          <div className="grid gap-6 md:grid-cols-2">
            <TextField
              type="datetime-local"
              label={t('sessions.form.startsAt')}
              hint={t('sessions.form.jstHint')}
              required
              {...bind('startsAt')}
              onChange={(e) => setStartsAt(e.target.value)}
            />
            <TextField
              type="datetime-local"
              label={t('sessions.form.endsAt')}
              hint={t('sessions.form.jstHint')}
              required
              {...bind('endsAt')}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={fieldId('term')} className={fieldLabel}>
              {t('sessions.form.term')}
              <span className="ml-2 text-std-16N-170 text-error-2">※{t('common.required')}</span>
            </label>
            <span id={`${fieldId('term')}-hint`} className={fieldHint}>
              {t('sessions.form.termHint')}
            </span>
            <select
              id={fieldId('term')}
              className={`${selectInput} ${errors.term ? 'border-2 border-error-1' : ''}`}
              value={values.term}
              aria-invalid={errors.term ? true : undefined}
              aria-describedby={`${fieldId('term')}-hint${errors.term ? ` ${fieldId('term')}-error` : ''}`}
              onChange={(e) => {
                setTermTouched(true);
                set('term', e.target.value);
              }}
            >
              {termOptions(values.term, language).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            {errors.term && (
              <span id={`${fieldId('term')}-error`} className={fieldError}>
                {errors.term}
              </span>
            )}
          </div>
          <TextAreaField
            label={t('sessions.form.description')}
            hint={t('sessions.form.descriptionHint')}
            rows={5}
            {...bind('description')}
          />
        </section>

        <section aria-labelledby="form-place" className="flex flex-col gap-6">
          <h2 id="form-place" className={sectionTitle}>
            {t('sessions.form.place')}
          </h2>
          <RadioGroup<SessionFormat>
            name="format"
            legend={t('sessions.form.format')}
            value={values.format}
            options={SESSION_FORMATS.map((value) => ({ value, label: sessionFormatLabel(value, language) }))}
            onChange={(value) => set('format', value)}
          />
          <p className={fieldHint}>{t('sessions.form.logisticsHint')}</p>
          {values.format !== 'ONLINE' && (
            <>
              <TextField
                label={t('sessions.form.venue')}
                hint={t('sessions.form.venueHint')}
                {...bind('venue')}
              />
              <TextAreaField
                label={t('sessions.form.venueDetails')}
                hint={t('sessions.form.venueDetailsHint')}
                rows={3}
                className="min-h-24"
                {...bind('venueDetails')}
              />
            </>
          )}
          {values.format !== 'ONSITE' && (
            <TextField
              type="url"
              label={t('sessions.form.meetingUrl')}
              hint={t('sessions.form.meetingUrlHint')}
              autoComplete="url"
              {...bind('meetingUrl')}
            />
          )}
        </section>

        <section aria-labelledby="form-registration" className="flex flex-col gap-6">
          <h2 id="form-registration" className={sectionTitle}>
            {t('sessions.form.registration')}
          </h2>
          <div className="grid gap-6 md:grid-cols-2">
            <TextField
              label={t('sessions.form.capacity')}
              hint={t('sessions.form.capacityHint')}
              inputMode="numeric"
              required
              {...bind('capacity')}
            />
            <TextField
              label={t('sessions.form.perMunicipalityLimit')}
              hint={t('sessions.form.perMunicipalityLimitHint')}
              inputMode="numeric"
              {...bind('perMunicipalityLimit')}
            />
            <TextField
              type="datetime-local"
              label={t('sessions.form.registrationOpensAt')}
              hint={t('sessions.form.jstHint')}
              required
              {...bind('registrationOpensAt')}
            />
            <TextField
              type="datetime-local"
              label={t('sessions.form.registrationClosesAt')}
              hint={t('sessions.form.registrationClosesAtHint')}
              required
              {...bind('registrationClosesAt')}
            />
          </div>
          <RadioGroup<AllocationMode>
            name="allocationMode"
            legend={t('sessions.form.allocationMode')}
            hint={hasRegistrations ? t('sessions.form.allocationLocked') : t('sessions.form.allocationHint')}
            value={values.allocationMode}
            disabled={hasRegistrations}
            options={ALLOCATION_MODES.map((value) => ({
              value,
              label: allocationModeLabel(value, language),
            }))}
            onChange={(value) => set('allocationMode', value)}
          />
          <div className="flex items-start gap-2">
            <input
              id={fieldId('isPublic')}
              type="checkbox"
              checked={values.isPublic}
              onChange={(e) => set('isPublic', e.target.checked)}
              className="mt-1 size-5 accent-blue-900"
              aria-describedby={`${fieldId('isPublic')}-hint`}
            />
            <div>
              <label htmlFor={fieldId('isPublic')} className="text-std-16B-170">
                {t('sessions.form.isPublic')}
              </label>
              <p id={`${fieldId('isPublic')}-hint`} className={fieldHint}>
                {t('sessions.form.isPublicHint')}
              </p>
            </div>
          </div>
        </section>

        <TablesEditor rows={values.tables} errors={errors} onChange={(rows) => set('tables', rows)} />
        <AgendaEditor
          rows={values.agenda}
          errors={errors}
          warning={agendaTimesMissing ? t('sessions.form.agendaTimesMissing') : undefined}
          onChange={(rows) => {
            setAgendaTouched(true);
            set('agenda', rows);
          }}
        />

        <div className="flex flex-wrap gap-4">
          <button type="submit" className={buttonSolid} disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('sessions.processing') : existing ? t('sessions.form.save') : t('sessions.form.create')}
          </button>
          <Link to={existing ? `/sessions/${existing.id}` : '/sessions'} className={buttonOutline}>
            {t('sessions.form.leaveWithoutSaving')}
          </Link>
        </div>
        {!existing && <p className="text-std-16N-170">{t('sessions.form.draftNote')}</p>}
      </form>
    </>
  );
}

/** `/sessions/new` and `/sessions/:id/edit`: the organiser's session form. */
export function SessionEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { user, loading: userLoading } = useCurrentUser();
  const editing = id !== undefined;
  const valid = !editing || isSessionId(id);
  const { data, loading, error, refetch } = useQuery(SessionForEditDocument, {
    variables: { id: id ?? '' },
    skip: !editing || !valid,
    fetchPolicy: 'network-only',
    errorPolicy: 'all',
  });
  const existing = data?.exchangeSession ?? undefined;
  const title = editing ? t('sessions.form.editTitle') : t('sessions.form.newTitle');
  usePageTitle(title);

  let body;
  if (userLoading) body = <Loading />;
  else if (!isOrganiser(user))
    body = <ErrorNotice error={undefined} message={t('sessions.form.organisersOnly')} />;
  else if (!editing) body = <SessionForm initial={emptySession()} />;
  else if (
    !valid ||
    (data && !existing && !error) ||
    (!existing && apiProblem(error).code === 'BAD_USER_INPUT')
  )
    body = <p className="mt-4 text-std-16N-170">{t('sessions.detail.notFoundBody')}</p>;
  else if (error && !(existing && onlyAgendaTimesFailed(error)))
    body = <ErrorNotice error={error} onRetry={() => void refetch()} />;
  else if (loading || !existing) body = <Loading />;
  else if (existing.status === 'FINISHED' || existing.status === 'CANCELLED')
    body = <p className="mt-4 text-std-16N-170">{t('sessions.form.notEditable')}</p>;
  else
    body = (
      <SessionForm
        key={existing.id}
        initial={fromSession(existing)}
        existing={existing}
        agendaTimesMissing={Boolean(error)}
      />
    );

  return (
    <div>
      <SessionBreadcrumbs current={title} session={existing} />
      <h1 className={pageTitle}>{title}</h1>
      {existing && (
        <p lang="ja" className="mt-2 text-std-17N-170 text-solid-gray-700">
          {existing.title}
        </p>
      )}
      {!editing && <p className="mt-4 max-w-3xl text-std-16N-170">{t('sessions.form.lead')}</p>}
      {body}
    </div>
  );
}
