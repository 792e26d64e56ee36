import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  CaseStudyForEditDocument,
  CreateCaseStudyDocument,
  PublishCaseStudyDocument,
  type CaseStudyEditableFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { apiProblem, problemMessage } from '../../shared/errors';
import { flashState } from '../../shared/flash';
import { ErrorNotice, Loading } from '../../shared/status';
import { buttonOutline, buttonSolid, pageTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { AttachmentsSection } from '../attachments/attachments-section';
import { loginPath } from '../auth/redirect';
import { useCurrentUser } from '../auth/use-current-user';
import { municipalityName as displayMunicipalityName } from '../municipalities/labels';
import { StatusBadge } from './badges';
import { forgetCaseLists } from './case-cache';
import { fieldOf } from './case-editor-state';
import { ConflictAlert, ErrorSummary, SaveStatusBar } from './case-editor-notices';
import {
  BasicsSection,
  BodySection,
  ClassificationSection,
  ContactSection,
  MoneySection,
  OutcomesSection,
  ReflectionSection,
} from './case-editor-sections';
import { CaseEditorSidePanel } from './case-editor-side-panel';
import { caseProblem } from './case-errors';
import { canEditCase } from './can-edit-case';
import { emptyValues, isEmptyInput, splitTags, valuesFromCase } from './editor-model';
import { caseFieldLabel } from './field-labels';
import { useCaseAutosave } from './use-case-autosave';
import { useCaseForm } from './use-case-form';

// The case editor: the page (who may edit what, loading, the breadcrumbs) and the form. The form's state is
// one reducer (use-case-form.ts), saving and conflicts one hook (use-case-autosave.ts), and each section of
// the form, the notices above it and the panel beside it are components of their own.

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
  const client = useApolloClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const isNew = !caseStudy;
  const caseId = caseStudy?.id;
  const autosave = caseStudy?.status === 'DRAFT';

  const { state, built, fields, summary, showSummary, actions } = useCaseForm(() =>
    caseStudy ? valuesFromCase(caseStudy) : emptyValues(),
  );
  const { values, busy } = state;
  const heldBack = Object.keys(built.errors).length > 0;
  const saving = useCaseAutosave({
    caseStudy,
    values,
    input: built.input,
    heldBack,
    autosave,
    busy,
    onSaved: actions.saved,
    onRefused: actions.saveRefused,
  });
  const { save, dirty } = saving;
  const summaryRef = useRef<HTMLDivElement>(null);
  const checklistRef = useRef<HTMLHeadingElement>(null);

  // ---- errors and focus ----------------------------------------------------------------------------

  useEffect(() => {
    if (state.summaryFocus > 0) summaryRef.current?.focus();
  }, [state.summaryFocus]);

  const { setBodyTab } = actions;
  const goTo = useCallback(
    (path: string) => {
      if (fieldOf(path) === 'body') setBodyTab('write');
      // The body's textarea is hidden while the preview tab is open: focus after it is shown again.
      requestAnimationFrame(() => focusField(path));
    },
    [setBodyTab],
  );

  // Arriving from the case page's 「公開に必要な項目」 links: /cases/:id/edit?focus=summary.
  const focusParam = searchParams.get('focus');
  useEffect(() => {
    if (focusParam) {
      const timeout = setTimeout(() => goTo(focusParam), 50);
      return () => clearTimeout(timeout);
    }
  }, [focusParam, goTo]);

  /** Every action starts here: the form counts as submitted; true (the summary focused) on client errors. */
  function failOnClientErrors(options: { clearMissing?: boolean } = {}): boolean {
    actions.submit(heldBack, options);
    return heldBack;
  }

  // ---- actions -------------------------------------------------------------------------------------

  async function create() {
    if (failOnClientErrors()) return;
    actions.setBusy('create');
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
        actions.refused({
          apiErrors: Object.fromEntries(
            problem.fields.map((path) => [
              path,
              t('caseEditor.errors.apiInvalid', { field: caseFieldLabel(fieldOf(path), t) }),
            ]),
          ),
        });
      } else {
        actions.refused({ formError: problemMessage(apiProblem(caught), t) });
      }
    } finally {
      actions.setBusy(undefined);
    }
  }

  async function saveExplicitly() {
    if (failOnClientErrors()) return;
    actions.setBusy('save');
    saving.cancelPending();
    const result = await saving.saveNow();
    actions.setBusy(undefined);
    if (!result && saving.saveKind() === 'invalid') actions.focusSummary();
  }

  async function startPublish() {
    if (failOnClientErrors({ clearMissing: true })) return;
    saving.cancelPending();
    actions.setBusy('save');
    const result = await saving.saveNow();
    actions.setBusy(undefined);
    const latest = result ?? caseStudy;
    const kind = saving.saveKind();
    if (kind === 'conflict' || kind === 'failed' || kind === 'invalid') return;
    if (latest?.publishChecklist?.some((item) => !item.ok)) {
      checklistRef.current?.focus();
      return;
    }
    actions.setConfirmPublish(true);
  }

  async function publish() {
    if (!caseId) return;
    actions.setBusy('publish');
    try {
      await client.mutate({
        mutation: PublishCaseStudyDocument,
        variables: { id: caseId },
        update: forgetCaseLists,
      });
      actions.setConfirmPublish(false);
      void navigate(`/cases/${caseId}`, {
        state: flashState('casePublished', values.title.trim()),
      });
    } catch (caught) {
      actions.setConfirmPublish(false);
      const problem = caseProblem(caught);
      if (problem.code === 'BAD_USER_INPUT' && problem.missing.length)
        actions.refused({ apiMissing: problem.missing });
      else actions.refused({ formError: problemMessage(apiProblem(caught), t) });
    } finally {
      actions.setBusy(undefined);
    }
  }

  // ---- rendering -----------------------------------------------------------------------------------

  const draft = {
    title: values.title,
    summary: values.summary,
    themes: values.themes,
    tags: splitTags(values.tags),
  };

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

      {caseStudy && (
        <SaveStatusBar
          caseId={caseStudy.id}
          save={save}
          autosave={autosave}
          dirty={dirty}
          heldBack={heldBack}
        />
      )}

      {save.kind === 'conflict' && (
        <ConflictAlert
          currentVersion={save.currentVersion}
          myVersion={saving.version}
          onReload={() => void onReload()}
          onOverwrite={(currentVersion) => void saving.saveNow({ overwriteVersion: currentVersion })}
        />
      )}

      {showSummary && (
        <ErrorSummary
          ref={summaryRef}
          formError={state.formError}
          missing={state.apiMissing}
          items={summary}
          onGoTo={goTo}
        />
      )}

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <form
          className="flex min-w-0 flex-col gap-10"
          noValidate
          aria-label={t('caseEditor.formLabel')}
          onBlur={actions.touch}
          onSubmit={(event) => {
            event.preventDefault();
            if (isNew) void create();
            else void saveExplicitly();
          }}
        >
          <p className="text-std-16N-170 text-solid-gray-700">{t('caseEditor.requiredToPublishLegend')}</p>
          <BasicsSection form={fields} />
          <BodySection form={fields} tab={state.bodyTab} onTabChange={setBodyTab} />
          <ClassificationSection form={fields} />
          <MoneySection form={fields} />
          <OutcomesSection form={fields} />
          <ReflectionSection form={fields} />
          <ContactSection form={fields} />

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

        <CaseEditorSidePanel
          ref={checklistRef}
          caseStudy={caseStudy}
          draft={draft}
          autosave={autosave}
          stale={!isEmptyInput(saving.pendingChanges) && autosave}
          conflict={save.kind === 'conflict'}
          publishing={busy === 'publish'}
          busy={busy !== undefined}
          onGoTo={goTo}
          onPublish={() => void startPublish()}
        />
      </div>

      <ConfirmDialog
        open={state.confirmPublish}
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
        onCancel={() => actions.setConfirmPublish(false)}
      />
      <ConfirmDialog
        open={saving.blocker.state === 'blocked'}
        title={t('caseEditor.leaveTitle')}
        body={t('caseEditor.leaveBody')}
        confirmLabel={t('caseEditor.leaveConfirm')}
        danger
        onConfirm={() => saving.blocker.proceed?.()}
        onCancel={() => saving.blocker.reset?.()}
      />
    </div>
  );
}
