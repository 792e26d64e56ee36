import { CASE_STUDY_LIMITS as LIMITS, parseYenAmount } from '@yokoten/case-studies';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  CaseStudyForEditDocument,
  CreateCaseStudyDocument,
  PublishCaseStudyDocument,
  UpdateCaseStudyDocument,
  type CaseStudyEditableFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { apiProblem, problemMessage } from '../../shared/errors';
import { flashState } from '../../shared/flash';
import { formatNumber } from '../../shared/format';
import { TextAreaField, TextField } from '../../shared/form-fields';
import { ErrorNotice, Loading } from '../../shared/status';
import { buttonOutline, buttonSolid, pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { loginPath } from '../auth/redirect';
import { useCurrentUser } from '../auth/use-current-user';
import { municipalityName as displayMunicipalityName } from '../municipalities/labels';
import { StatusBadge } from './badges';
import { forgetCaseLists } from './case-cache';
import { caseProblem } from './case-errors';
import { CasesLikeDraft } from './cases-like-draft';
import { canEditCase } from './can-edit-case';
import { CheckboxGroup, RadioGroup } from './choice-groups';
import {
  buildInput,
  changedInput,
  emptyValues,
  isEmptyInput,
  splitTags,
  valuesFromCase,
  type CaseInput,
  type FieldErrors,
  type FormValues,
} from './editor-model';
import { caseFieldLabel } from './field-labels';
import { formatClockJst, formatYenShort } from './format';
import {
  CASE_STAGES,
  CASE_TARGETS,
  CASE_THEMES,
  VISIBILITIES,
  fiscalYearLabel,
  fiscalYearOf,
  stageLabel,
  targetLabel,
  themeLabel,
  visibilityLabel,
} from './labels';
import { MarkdownField, type MarkdownTab } from './markdown-field';
import { OutcomesEditor } from './outcomes-editor';
import { PublishChecklistPanel } from './publish-checklist-panel';
import { AttachmentsSection } from '../attachments/attachments-section';
import { PublishRequiredMark } from './publish-required-mark';

const AUTOSAVE_DELAY_MS = 1500;

/** Fields in the order of the form, so that the error summary reads top to bottom like the page. */
const FIELD_ORDER = [
  'title',
  'summary',
  'stage',
  'visibility',
  'body',
  'themes',
  'targets',
  'tags',
  'fiscalYears',
  'budgetYen',
  'fundingSources',
  'partners',
  'outcomes',
  'lessonsLearned',
  'challenges',
  'successConditions',
  'contactDepartment',
  'contactEmail',
  'contactPhone',
];
const OUTCOME_CELLS = ['label', 'before', 'after', 'unit', 'asOf'];

function orderOf(path: string): number {
  const [field, row, cell] = path.split('.');
  const base = FIELD_ORDER.indexOf(field ?? '');
  return (
    (base < 0 ? 999 : base) * 10_000 +
    (Number(row) || 0) * 10 +
    Math.max(0, OUTCOME_CELLS.indexOf(cell ?? ''))
  );
}

/** The top-level form field a path belongs to (`outcomes.2.after` → `outcomes`). */
const fieldOf = (path: string) => path.split('.')[0] ?? path;

/** The element to focus for a field path: the input itself, or the first choice of a group. */
function focusField(path: string): boolean {
  const id = `case-${path.replace(/\./g, '-')}`;
  let element = document.getElementById(id) ?? document.getElementById(`case-${fieldOf(path)}`);
  if (!element) return false;
  if (element.tagName === 'FIELDSET') element = element.querySelector('input') ?? element;
  if (fieldOf(path) === 'outcomes' && element.id === 'case-outcomes') {
    element = element.querySelector('input') ?? document.getElementById('case-outcomes-add') ?? element;
  }
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  return true;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; partial: boolean }
  | { kind: 'invalid' }
  | { kind: 'conflict'; currentVersion?: number }
  | { kind: 'failed'; message: string };

function Section({
  id,
  title,
  marker,
  children,
}: {
  id: string;
  title: string;
  /** A section that is itself one field (成果指標) carries the field's marker in its heading. */
  marker?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-6 border-t border-solid-gray-420 pt-8">
      <h2 id={id} className={sectionTitle}>
        {title}
        {marker}
      </h2>
      {children}
    </section>
  );
}

function fiscalYearOptions(selected: readonly number[]): number[] {
  const current = fiscalYearOf(new Date());
  const years = new Set<number>(selected);
  for (let year = current + 1; year >= current - 9; year -= 1) years.add(year);
  return [...years].sort((a, b) => b - a);
}

export function CaseEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const { user, loading: userLoading } = useCurrentUser();
  const isNew = id === undefined;
  const [formKey, setFormKey] = useState(0);
  const { data, loading, error, refetch } = useQuery(CaseStudyForEditDocument, {
    variables: { id: id ?? '' },
    skip: isNew || !user,
    // An editor must start from the version the API has now, not from a cached copy.
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'cache-first',
  });
  const caseStudy = data?.caseStudy ?? undefined;
  const title = isNew ? t('caseEditor.newTitle') : t('caseEditor.editTitle');
  usePageTitle(caseStudy ? t('app.titleWithSubject', { label: title, subject: caseStudy.title }) : title);

  const reload = useCallback(async () => {
    await refetch();
    setFormKey((key) => key + 1);
  }, [refetch]);

  let notice: ReactNode = null;
  if (userLoading || (!isNew && user && loading && !caseStudy)) notice = <Loading />;
  else if (!user)
    notice = (
      <p className="mt-4 text-std-16N-170">
        {t('caseEditor.loginRequired')}{' '}
        <Link className="link-text" to={loginPath(location.pathname + location.search)}>
          {t('nav.login')}
        </Link>
      </p>
    );
  else if (isNew && user.role !== 'OFFICER')
    notice = <p className="mt-4 text-std-16N-170">{t('caseEditor.officersOnly')}</p>;
  else if (!isNew && error && apiProblem(error).code !== 'BAD_USER_INPUT')
    notice = <ErrorNotice error={error} onRetry={() => void refetch()} />;
  else if (!isNew && !caseStudy)
    notice = (
      <>
        <p className="mt-4 text-std-16N-170">{t('caseEditor.notFound')}</p>
        <p className="mt-4">
          <Link className="link-text" to="/my/cases">
            {t('caseEditor.backToMyCases')}
          </Link>
        </p>
      </>
    );
  else if (caseStudy && !canEditCase(user, caseStudy.municipality.code))
    notice = <p className="mt-4 text-std-16N-170">{t('caseEditor.notYours')}</p>;

  // One h1 in every state (loading, refused, loaded): the focus the layout puts on it after navigation
  // stays there when the case arrives.
  return (
    <div>
      <nav aria-label={t('municipality.breadcrumb')} className="mb-6">
        <ol className="flex flex-wrap items-center gap-2 text-std-16N-170">
          <li>
            <Link to="/my/cases" className="link-text">
              {user?.municipality
                ? t('nav.myCases', { name: displayMunicipalityName(user.municipality, currentLanguage()) })
                : t('nav.myCasesUnnamed')}
            </Link>
            <span aria-hidden="true" className="ml-2 text-solid-gray-600">
              ›
            </span>
          </li>
          {caseStudy && (
            <li className="min-w-0 break-words">
              <Link to={`/cases/${caseStudy.id}`} className="link-text">
                {caseStudy.title}
              </Link>
              <span aria-hidden="true" className="ml-2 text-solid-gray-600">
                ›
              </span>
            </li>
          )}
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className={pageTitle}>{title}</h1>
        {caseStudy && !notice && <StatusBadge status={caseStudy.status} />}
      </div>
      {notice ?? (
        <CaseEditorForm
          key={`${id ?? 'new'}-${formKey}`}
          caseStudy={caseStudy}
          municipalityName={(() => {
            const municipality = caseStudy?.municipality ?? user?.municipality;
            return municipality ? displayMunicipalityName(municipality, currentLanguage()) : '';
          })()}
          onReload={reload}
        />
      )}
    </div>
  );
}

function CaseEditorForm({
  caseStudy,
  municipalityName,
  onReload,
}: {
  caseStudy: CaseStudyEditableFragment | undefined;
  municipalityName: string;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const isNew = !caseStudy;
  const caseId = caseStudy?.id;
  const autosave = caseStudy?.status === 'DRAFT';

  const [values, setValues] = useState<FormValues>(() =>
    caseStudy ? valuesFromCase(caseStudy) : emptyValues(),
  );
  const [tab, setTab] = useState<MarkdownTab>('write');
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [apiErrors, setApiErrors] = useState<FieldErrors>({});
  const [apiMissing, setApiMissing] = useState<string[]>([]);
  const [formError, setFormError] = useState<string>();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [busy, setBusy] = useState<'create' | 'save' | 'publish'>();
  const [confirmPublish, setConfirmPublish] = useState(false);
  const [summaryFocus, setSummaryFocus] = useState(0);

  const built = useMemo(() => buildInput(values, t), [values, t]);
  const initial = useMemo(
    () => buildInput(caseStudy ? valuesFromCase(caseStudy) : emptyValues(), t).input,
    // The snapshot of the case as loaded (the form remounts on reload); later saves move `saved` on.
    [],
  );
  const saved = useRef<CaseInput>(initial);
  const version = useRef<number | undefined>(caseStudy?.version);
  const latestCase = useRef(caseStudy);
  latestCase.current = caseStudy;
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const saveRef = useRef(save);
  saveRef.current = save;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inFlight = useRef<Promise<CaseStudyEditableFragment | null> | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const checklistRef = useRef<HTMLHeadingElement>(null);

  const pendingChanges = changedInput(built.input, saved.current);
  const heldBack = Object.keys(built.errors).length > 0;
  const pristine =
    JSON.stringify(values) === JSON.stringify(caseStudy ? valuesFromCase(caseStudy) : emptyValues());
  const dirty = isNew ? !pristine : !isEmptyInput(pendingChanges) || (heldBack && !pristine);

  // ---- saving -------------------------------------------------------------------------------------

  /** Sends what changed (or everything, to overwrite after a conflict); resolves to the saved case. */
  const saveNow = useCallback(
    async (options: { overwriteVersion?: number } = {}): Promise<CaseStudyEditableFragment | null> => {
      if (!caseId) return null;
      // One save at a time: the next one diffs against what the previous one stored.
      while (inFlight.current) await inFlight.current;
      const { input, errors } = buildInput(valuesRef.current, t);
      const overwrite = options.overwriteVersion !== undefined;
      const changes = overwrite ? input : changedInput(input, saved.current);
      const partial = Object.keys(errors).length > 0;
      if (isEmptyInput(changes)) {
        setSave((previous) =>
          partial ? { kind: 'invalid' } : previous.kind === 'pending' ? { kind: 'idle' } : previous,
        );
        return latestCase.current ?? null;
      }
      setSave({ kind: 'saving' });
      const run = (async () => {
        try {
          const result = await client.mutate({
            mutation: UpdateCaseStudyDocument,
            variables: {
              id: caseId,
              input: { ...changes, expectedVersion: overwrite ? options.overwriteVersion : version.current },
            },
          });
          const updated = result.data?.updateCaseStudy ?? null;
          if (updated) version.current = updated.version;
          saved.current = { ...saved.current, ...changes };
          setApiErrors((previous) => {
            const next = { ...previous };
            for (const path of Object.keys(next)) if (fieldOf(path) in changes) delete next[path];
            return next;
          });
          setSave({ kind: 'saved', at: new Date(), partial });
          return updated;
        } catch (caught) {
          const problem = caseProblem(caught);
          if (problem.code === 'CONFLICT') {
            setSave({ kind: 'conflict', currentVersion: problem.currentVersion });
          } else if (problem.code === 'BAD_USER_INPUT' && problem.fields.length) {
            const next: FieldErrors = {};
            for (const path of problem.fields) {
              next[path] = t('caseEditor.errors.apiInvalid', { field: caseFieldLabel(fieldOf(path), t) });
            }
            setApiErrors((previous) => ({ ...previous, ...next }));
            setSave({ kind: 'invalid' });
          } else {
            setSave({ kind: 'failed', message: problemMessage(apiProblem(caught), t) });
          }
          return null;
        }
      })();
      inFlight.current = run;
      try {
        return await run;
      } finally {
        inFlight.current = null;
      }
    },
    [caseId, client, t],
  );

  // Autosave a draft a moment after the last change (not while a conflict waits for a decision).
  useEffect(() => {
    if (!autosave || isEmptyInput(pendingChanges)) return;
    if (saveRef.current.kind === 'conflict') return;
    setSave((previous) => (previous.kind === 'saving' ? previous : { kind: 'pending' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer.current);
    // pendingChanges is derived from values: this runs on every edit.
  }, [values, autosave, saveNow]);

  // Leaving the page: a draft saves what is pending on the way out; anything else asks first.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (autosave && saveRef.current.kind === 'pending') void saveNow();
    },
    [autosave, saveNow],
  );
  const mustAsk =
    dirty && (!autosave || heldBack || ['invalid', 'conflict', 'failed'].includes(save.kind)) && !busy;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => mustAsk && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!mustAsk && !(autosave && (save.kind === 'pending' || save.kind === 'saving'))) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (autosave && saveRef.current.kind === 'pending') void saveNow();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [mustAsk, autosave, save.kind, saveNow]);

  // ---- errors and focus ----------------------------------------------------------------------------

  const shownErrors: FieldErrors = {};
  for (const [path, message] of Object.entries(built.errors)) {
    if (submitted || touched.has(path) || touched.has(fieldOf(path))) shownErrors[path] = message;
  }
  Object.assign(shownErrors, apiErrors);
  const summaryItems = Object.entries(submitted ? shownErrors : apiErrors).sort(
    ([a], [b]) => orderOf(a) - orderOf(b),
  );
  const showSummary = summaryItems.length > 0 || apiMissing.length > 0 || Boolean(formError);

  useEffect(() => {
    if (summaryFocus > 0) summaryRef.current?.focus();
  }, [summaryFocus]);

  const goTo = useCallback((path: string) => {
    if (fieldOf(path) === 'body') setTab('write');
    // The body's textarea is hidden while the preview tab is open: focus after it is shown again.
    requestAnimationFrame(() => focusField(path));
  }, []);

  // Arriving from the case page's 「公開に必要な項目」 links: /cases/:id/edit?focus=summary.
  const focusParam = searchParams.get('focus');
  useEffect(() => {
    if (focusParam) {
      const timeout = setTimeout(() => goTo(focusParam), 50);
      return () => clearTimeout(timeout);
    }
  }, [focusParam, goTo]);

  function change<K extends keyof FormValues>(field: K, value: FormValues[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    setApiMissing([]);
    setFormError(undefined);
    if (Object.keys(apiErrors).some((path) => fieldOf(path) === field)) {
      setApiErrors((previous) =>
        Object.fromEntries(Object.entries(previous).filter(([path]) => fieldOf(path) !== field)),
      );
    }
  }

  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const name = (event.target as Element).getAttribute('name');
    if (name && !touched.has(name)) setTouched((previous) => new Set(previous).add(name));
  }

  function failOnClientErrors(): boolean {
    setSubmitted(true);
    if (Object.keys(built.errors).length > 0) {
      setSummaryFocus((n) => n + 1);
      return true;
    }
    return false;
  }

  // ---- actions -------------------------------------------------------------------------------------

  async function create() {
    setFormError(undefined);
    if (failOnClientErrors()) return;
    setBusy('create');
    try {
      const { title: titleValue, ...rest } = built.input;
      const result = await client.mutate({
        mutation: CreateCaseStudyDocument,
        variables: { input: { title: titleValue ?? '', ...rest } },
        update: forgetCaseLists,
      });
      const created = result.data?.createCaseStudy;
      if (created) {
        void navigate(`/cases/${created.id}/edit`, { replace: true, state: flashState('caseCreated') });
        return;
      }
    } catch (caught) {
      const problem = caseProblem(caught);
      if (problem.code === 'BAD_USER_INPUT' && problem.fields.length) {
        setApiErrors(
          Object.fromEntries(
            problem.fields.map((path) => [
              path,
              t('caseEditor.errors.apiInvalid', { field: caseFieldLabel(fieldOf(path), t) }),
            ]),
          ),
        );
      } else {
        setFormError(problemMessage(apiProblem(caught), t));
      }
      setSummaryFocus((n) => n + 1);
    } finally {
      setBusy(undefined);
    }
  }

  async function saveExplicitly() {
    setFormError(undefined);
    if (failOnClientErrors()) return;
    setBusy('save');
    clearTimeout(timer.current);
    const result = await saveNow();
    setBusy(undefined);
    if (!result && saveRef.current.kind === 'invalid') setSummaryFocus((n) => n + 1);
  }

  const checklist = caseStudy?.publishChecklist ?? null;
  const missingCount = checklist?.filter((item) => !item.ok).length ?? 0;
  const canPublish = caseStudy !== undefined && caseStudy.status !== 'PUBLISHED';
  const publishBlocked = missingCount > 0 || save.kind === 'conflict';

  async function startPublish() {
    setFormError(undefined);
    setApiMissing([]);
    if (failOnClientErrors()) return;
    clearTimeout(timer.current);
    setBusy('save');
    const result = await saveNow();
    setBusy(undefined);
    const latest = result ?? caseStudy;
    if (
      saveRef.current.kind === 'conflict' ||
      saveRef.current.kind === 'failed' ||
      saveRef.current.kind === 'invalid'
    )
      return;
    if (latest?.publishChecklist?.some((item) => !item.ok)) {
      checklistRef.current?.focus();
      return;
    }
    setConfirmPublish(true);
  }

  async function publish() {
    if (!caseId) return;
    setBusy('publish');
    try {
      await client.mutate({
        mutation: PublishCaseStudyDocument,
        variables: { id: caseId },
        update: forgetCaseLists,
      });
      setConfirmPublish(false);
      void navigate(`/cases/${caseId}`, {
        state: flashState('casePublished', valuesRef.current.title.trim()),
      });
    } catch (caught) {
      setConfirmPublish(false);
      const problem = caseProblem(caught);
      if (problem.code === 'BAD_USER_INPUT' && problem.missing.length) setApiMissing(problem.missing);
      else setFormError(problemMessage(apiProblem(caught), t));
      setSummaryFocus((n) => n + 1);
    } finally {
      setBusy(undefined);
    }
  }

  // ---- rendering -----------------------------------------------------------------------------------

  const count = (value: string, max: number) =>
    t('caseEditor.charCount', { count: value.trim().length, max: formatNumber(max, language) });
  const bind = (
    field:
      | 'title'
      | 'summary'
      | 'lessonsLearned'
      | 'challenges'
      | 'successConditions'
      | 'contactDepartment'
      | 'contactEmail'
      | 'contactPhone'
      | 'tags'
      | 'budgetYen'
      | 'fundingSources'
      | 'partners',
  ) => ({
    id: `case-${field}`,
    name: field,
    value: values[field],
    error: shownErrors[field],
    onChange: (event: { target: { value: string } }) => change(field, event.target.value),
  });

  const budget = parseYenAmount(values.budgetYen);
  const tags = splitTags(values.tags);

  let statusText = '';
  if (save.kind === 'pending') statusText = t('caseEditor.status.pending');
  if (save.kind === 'saving') statusText = t('caseEditor.status.saving');
  if (save.kind === 'saved')
    statusText = save.partial
      ? t('caseEditor.status.savedPartial', { time: formatClockJst(save.at) })
      : t('caseEditor.status.saved', { time: formatClockJst(save.at) });
  if (save.kind === 'invalid') statusText = t('caseEditor.status.invalid');
  if (save.kind === 'failed') statusText = t('caseEditor.status.failed', { message: save.message });
  if (save.kind === 'conflict') statusText = t('caseEditor.status.conflict');
  if (save.kind === 'idle' && !isNew && !dirty)
    statusText = autosave ? t('caseEditor.status.autosaveOn') : t('caseEditor.status.manual');
  if (save.kind === 'idle' && !autosave && dirty && !isNew) statusText = t('caseEditor.status.unsavedManual');
  // Changes held back because they are not valid yet are not saved, whatever the last save did.
  if (autosave && heldBack && dirty && (save.kind === 'idle' || save.kind === 'saved'))
    statusText =
      save.kind === 'saved'
        ? t('caseEditor.status.savedPartial', { time: formatClockJst(save.at) })
        : t('caseEditor.status.invalid');

  return (
    <div>
      <p className="mt-3 text-std-16N-170">
        {isNew
          ? t('caseEditor.newLead', { name: municipalityName })
          : autosave
            ? t('caseEditor.draftLead')
            : caseStudy?.status === 'PUBLISHED'
              ? t('caseEditor.publishedLead')
              : t('caseEditor.archivedLead')}
      </p>

      {caseStudy?.unpublishedReason && (
        <div role="note" className="mt-6 rounded-12 border-2 border-orange-800 bg-orange-50 p-4">
          <p className="text-std-17B-170 text-orange-1100">{t('case.unpublishedHeading')}</p>
          <p className="mt-1 whitespace-pre-line text-std-16N-170">{caseStudy.unpublishedReason}</p>
        </div>
      )}

      {!isNew && (
        <div className="sticky top-0 z-10 -mx-4 mt-6 flex flex-wrap items-center justify-between gap-3 border-y border-solid-gray-420 bg-white/95 px-4 py-2 md:mx-0 md:rounded-8 md:border">
          <p role="status" className="text-std-16B-170 text-solid-gray-800">
            {statusText}
          </p>
          <div className="flex flex-wrap gap-2">
            <Link to={`/cases/${caseStudy?.id}`} className="link-text self-center text-std-16N-170">
              {t('caseEditor.viewCase')}
            </Link>
          </div>
        </div>
      )}

      {save.kind === 'conflict' && (
        <div role="alert" className="mt-6 rounded-12 border-2 border-error-1 bg-red-50 p-4 md:p-6">
          <p className="text-std-17B-170 text-error-2">{t('caseEditor.conflictTitle')}</p>
          <p className="mt-1 text-std-16N-170">
            {t('caseEditor.conflictBody', {
              current: save.currentVersion ?? '?',
              mine: version.current ?? '?',
            })}
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="button" className={buttonOutline} onClick={() => void onReload()}>
              {t('caseEditor.conflictReload')}
            </button>
            {save.currentVersion !== undefined && (
              <button
                type="button"
                className={buttonSolid}
                onClick={() => void saveNow({ overwriteVersion: save.currentVersion })}
              >
                {t('caseEditor.conflictOverwrite')}
              </button>
            )}
          </div>
        </div>
      )}

      {showSummary && (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby="case-error-summary-title"
          className="mt-6 rounded-12 border-2 border-error-1 bg-red-50 p-4"
        >
          <h2 id="case-error-summary-title" className="text-std-17B-170 text-error-2">
            {apiMissing.length > 0 ? t('caseEditor.missingSummary') : t('caseEditor.errorSummary')}
          </h2>
          <ul className="mt-1 list-disc pl-6 text-std-16N-170">
            {formError && <li>{formError}</li>}
            {apiMissing.map((field) => (
              <li key={`missing-${field}`}>
                <a
                  href={`#case-${field}`}
                  className="link-text"
                  onClick={(event) => {
                    event.preventDefault();
                    goTo(field);
                  }}
                >
                  {t(`caseEditor.checklist.${field}` as 'caseEditor.checklist.title', {
                    defaultValue: caseFieldLabel(field, t),
                  })}
                </a>
              </li>
            ))}
            {summaryItems.map(([path, message]) => (
              <li key={path}>
                <a
                  href={`#case-${path.replace(/\./g, '-')}`}
                  className="link-text"
                  onClick={(event) => {
                    event.preventDefault();
                    goTo(path);
                  }}
                >
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <form
          className="flex min-w-0 flex-col gap-10"
          noValidate
          aria-label={t('caseEditor.formLabel')}
          onBlur={onBlur}
          onSubmit={(event) => {
            event.preventDefault();
            if (isNew) void create();
            else void saveExplicitly();
          }}
        >
          <p className="text-std-16N-170 text-solid-gray-700">{t('caseEditor.requiredToPublishLegend')}</p>
          <Section id="section-basics" title={t('caseEditor.sectionBasics')}>
            <TextField
              label={t('caseFields.title')}
              hint={t('caseEditor.titleHint')}
              labelExtra={<PublishRequiredMark />}
              aria-required
              maxLength={LIMITS.title}
              {...bind('title')}
            />
            <TextAreaField
              label={t('caseFields.summary')}
              hint={`${t('caseEditor.summaryHint', { min: LIMITS.summaryMin })} ${count(values.summary, LIMITS.summary)}`}
              labelExtra={<PublishRequiredMark />}
              rows={4}
              maxLength={LIMITS.summary}
              {...bind('summary')}
            />
            <RadioGroup
              id="case-stage"
              name="stage"
              legend={t('caseFields.stage')}
              hint={t('caseEditor.stageHint')}
              value={values.stage}
              onChange={(value) => change('stage', value)}
              options={CASE_STAGES.map((stage) => ({
                value: stage,
                label: stageLabel(stage, language),
                description: t(`caseEditor.stageDescriptions.${stage}`),
              }))}
            />
            <RadioGroup
              id="case-visibility"
              name="visibility"
              legend={t('caseFields.visibility')}
              value={values.visibility}
              onChange={(value) => change('visibility', value)}
              options={VISIBILITIES.map((visibility) => ({
                value: visibility,
                label: visibilityLabel(visibility, language),
                description: t(`caseEditor.visibilityDescriptions.${visibility}`),
              }))}
            />
          </Section>

          <Section id="section-body" title={t('caseEditor.sectionBody')}>
            <MarkdownField
              value={values.body}
              onChange={(value) => change('body', value)}
              tab={tab}
              onTabChange={setTab}
              error={shownErrors.body}
              count={`${t('caseEditor.bodyMin', { min: LIMITS.bodyMin })} ${count(values.body, LIMITS.body)}`}
            />
          </Section>

          <Section id="section-classification" title={t('caseEditor.sectionClassification')}>
            <CheckboxGroup
              id="case-themes"
              name="themes"
              legend={t('caseFields.themes')}
              hint={t('caseEditor.themesHint')}
              requiredToPublish
              error={shownErrors.themes}
              options={CASE_THEMES.map((theme) => ({ value: theme, label: themeLabel(theme, language) }))}
              selected={values.themes}
              onChange={(next) => change('themes', next)}
            />
            <CheckboxGroup
              id="case-targets"
              name="targets"
              legend={t('caseFields.targets')}
              hint={t('caseEditor.targetsHint')}
              requiredToPublish
              error={shownErrors.targets}
              options={CASE_TARGETS.map((target) => ({
                value: target,
                label: targetLabel(target, language),
              }))}
              selected={values.targets}
              onChange={(next) => change('targets', next)}
            />
            <div>
              <TextField
                label={t('caseFields.tags')}
                hint={t('caseEditor.tagsHint', { max: LIMITS.tags })}
                autoComplete="off"
                {...bind('tags')}
              />
              {tags.length > 0 && (
                <p className="mt-2 text-std-16N-170 text-solid-gray-700">
                  {t('caseEditor.tagsPreview', { count: tags.length, tags: tags.join(' / ') })}
                </p>
              )}
            </div>
          </Section>

          <Section id="section-money" title={t('caseEditor.sectionMoney')}>
            <CheckboxGroup
              id="case-fiscalYears"
              name="fiscalYears"
              legend={t('caseFields.fiscalYears')}
              hint={t('caseEditor.fiscalYearsHint')}
              requiredToPublish
              error={shownErrors.fiscalYears}
              options={fiscalYearOptions(values.fiscalYears).map((year) => ({
                value: year,
                label: fiscalYearLabel(year, language),
              }))}
              selected={values.fiscalYears}
              onChange={(next) =>
                change(
                  'fiscalYears',
                  [...next].sort((a, b) => a - b),
                )
              }
            />
            <div>
              <TextField
                label={t('caseFields.budgetYen')}
                hint={t('caseEditor.budgetHint')}
                inputMode="numeric"
                autoComplete="off"
                className="md:max-w-xs"
                {...bind('budgetYen')}
              />
              {budget !== null && Number.isFinite(budget) && (
                <p className="mt-2 text-std-16N-170 text-solid-gray-700">
                  {t('caseEditor.budgetPreview', { value: formatYenShort(budget, language) })}
                </p>
              )}
            </div>
            <TextAreaField
              label={t('caseFields.fundingSources')}
              hint={t('caseEditor.fundingSourcesHint')}
              rows={3}
              className="min-h-24"
              {...bind('fundingSources')}
            />
            <TextAreaField
              label={t('caseFields.partners')}
              hint={t('caseEditor.partnersHint')}
              rows={3}
              className="min-h-24"
              {...bind('partners')}
            />
          </Section>

          <Section id="section-outcomes" title={t('caseFields.outcomes')} marker={<PublishRequiredMark />}>
            <OutcomesEditor
              rows={values.outcomes}
              errors={shownErrors}
              onChange={(rows) => change('outcomes', rows)}
            />
          </Section>

          <Section id="section-reflection" title={t('caseEditor.sectionReflection')}>
            <TextAreaField
              label={t('caseFields.lessonsLearned')}
              hint={t('caseEditor.lessonsHint')}
              rows={5}
              {...bind('lessonsLearned')}
            />
            <TextAreaField
              label={t('caseFields.challenges')}
              hint={t('caseEditor.challengesHint')}
              rows={5}
              {...bind('challenges')}
            />
            <TextAreaField
              label={t('caseFields.successConditions')}
              hint={t('caseEditor.successConditionsHint')}
              rows={5}
              {...bind('successConditions')}
            />
          </Section>

          <Section id="section-contact" title={t('caseEditor.sectionContact')}>
            <p className="-mt-2 text-std-16N-170">{t('caseEditor.contactLead')}</p>
            <TextField
              label={t('caseFields.contactDepartment')}
              hint={t('caseEditor.departmentHint')}
              labelExtra={<PublishRequiredMark />}
              autoComplete="organization"
              maxLength={LIMITS.department}
              {...bind('contactDepartment')}
            />
            <TextField
              label={t('caseFields.contactEmail')}
              hint={t('caseEditor.emailHint')}
              type="email"
              inputMode="email"
              autoComplete="email"
              spellCheck={false}
              {...bind('contactEmail')}
            />
            <TextField
              label={t('caseFields.contactPhone')}
              hint={t('caseEditor.phoneHint')}
              type="tel"
              autoComplete="tel"
              {...bind('contactPhone')}
            />
          </Section>

          {caseId ? (
            <AttachmentsSection ownerType="CASE_STUDY" ownerId={caseId} />
          ) : (
            <p className="text-std-16N-170 text-solid-gray-700">{t('attachments.saveFirst')}</p>
          )}

          <div className="flex flex-wrap gap-3 border-t border-solid-gray-420 pt-8">
            {isNew ? (
              <button type="submit" className={buttonSolid} disabled={busy !== undefined}>
                {busy === 'create' ? t('caseEditor.creating') : t('caseEditor.createDraft')}
              </button>
            ) : (
              <button
                type="submit"
                className={autosave ? buttonOutline : buttonSolid}
                disabled={busy !== undefined}
              >
                {busy === 'save'
                  ? t('caseEditor.saving')
                  : autosave
                    ? t('caseEditor.saveNow')
                    : t('caseEditor.saveChanges')}
              </button>
            )}
          </div>
        </form>

        <div className="flex flex-col gap-6 self-start rounded-12 border-2 border-blue-900 p-4 lg:sticky lg:top-20">
          {isNew ? (
            <>
              <PublishChecklistPanel ref={checklistRef} checklist={null} onGoTo={goTo} stale={false} />
              <p className="text-std-16N-170">{t('caseEditor.newSideHint')}</p>
              <CasesLikeDraft
                title={values.title}
                summary={values.summary}
                themes={values.themes}
                tags={tags}
              />
            </>
          ) : (
            <>
              <PublishChecklistPanel
                ref={checklistRef}
                checklist={checklist}
                onGoTo={goTo}
                stale={!isEmptyInput(pendingChanges) && autosave}
              />
              {canPublish && (
                <div className="flex flex-col gap-2 border-t border-solid-gray-420 pt-4">
                  <button
                    type="button"
                    className={buttonSolid}
                    disabled={publishBlocked || busy !== undefined}
                    aria-describedby="publish-reason"
                    onClick={() => void startPublish()}
                  >
                    {busy === 'publish'
                      ? t('caseEditor.publishing')
                      : caseStudy?.status === 'ARCHIVED' && caseStudy.publishedAt
                        ? t('caseActions.republish')
                        : t('caseActions.publish')}
                  </button>
                  <p id="publish-reason" className="text-std-16N-170 text-solid-gray-700">
                    {save.kind === 'conflict'
                      ? t('caseEditor.publishBlockedConflict')
                      : missingCount > 0
                        ? t('caseEditor.publishBlocked', { count: missingCount })
                        : caseStudy?.visibility === 'MEMBERS'
                          ? t('caseEditor.publishReadyMembers')
                          : t('caseEditor.publishReadyPublic')}
                  </p>
                </div>
              )}
              {autosave && (
                <CasesLikeDraft
                  caseId={caseStudy?.id}
                  title={values.title}
                  summary={values.summary}
                  themes={values.themes}
                  tags={tags}
                />
              )}
            </>
          )}
        </div>
      </div>

      <ConfirmDialog
        open={confirmPublish}
        title={t('caseActions.publishConfirmTitle')}
        body={
          values.visibility === 'MEMBERS'
            ? t('caseActions.publishConfirmMembers', { title: values.title.trim() })
            : t('caseActions.publishConfirmPublic', { title: values.title.trim() })
        }
        confirmLabel={busy === 'publish' ? t('caseActions.processing') : t('caseActions.publishConfirm')}
        cancelLabel={t('common.back')}
        busy={busy === 'publish'}
        onConfirm={() => void publish()}
        onCancel={() => setConfirmPublish(false)}
      />
      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title={t('caseEditor.leaveTitle')}
        body={t('caseEditor.leaveBody')}
        confirmLabel={t('caseEditor.leaveConfirm')}
        danger
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      />
    </div>
  );
}
