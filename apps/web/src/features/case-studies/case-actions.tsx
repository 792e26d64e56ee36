import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  ArchiveCaseStudyDocument,
  DeleteCaseStudyDraftDocument,
  PublishCaseStudyDocument,
  UnpublishCaseStudyDocument,
  type CaseStudyDetailFragment,
} from '../../graphql/generated/graphql';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { problemMessage } from '../../shared/errors';
import { flashState } from '../../shared/flash';
import { buttonDanger, buttonOutline, buttonSolid } from '../../shared/ui-classes';
import { caseProblem, type CaseProblem } from './case-errors';
import { forgetCaseLists } from './case-cache';
import { caseFieldLabel } from './field-labels';
import { UnpublishDialog } from './unpublish-dialog';

type Pending = 'publish' | 'archive' | 'unpublish' | 'delete';

function problemText(problem: CaseProblem, t: TFunction): string {
  if (problem.code === 'CONFLICT') return t('caseActions.conflict');
  if (problem.code === 'NOT_FOUND') return t('caseActions.notFound');
  return problemMessage(problem, t);
}

/**
 * What the people responsible for a case can do on its page: the owning municipality edits, publishes
 * and archives it, and deletes a draft that was never published; organisers take a published case down
 * (公開停止) with a reason. 「公開する」 checks the publish checklist first: an incomplete case lists what is
 * missing at once, and only a publishable one is asked "publish?". Each button says what it does: 再公開
 * only for a case that was published before, アーカイブ of a draft keeps it, 削除 removes it.
 */
export function CaseActions({
  caseStudy,
  canEdit,
  canModerate,
}: {
  caseStudy: CaseStudyDetailFragment;
  canEdit: boolean;
  canModerate: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Pending>();
  const [problem, setProblem] = useState<CaseProblem>();
  const [publish, publishState] = useMutation(PublishCaseStudyDocument, { update: forgetCaseLists });
  const [archive, archiveState] = useMutation(ArchiveCaseStudyDocument, { update: forgetCaseLists });
  const [unpublish, unpublishState] = useMutation(UnpublishCaseStudyDocument, { update: forgetCaseLists });
  const [deleteDraft, deleteState] = useMutation(DeleteCaseStudyDraftDocument, { update: forgetCaseLists });
  const busy = publishState.loading || archiveState.loading || unpublishState.loading || deleteState.loading;
  const [missingFirst, setMissingFirst] = useState<string[]>([]);
  const missingRef = useRef<HTMLDivElement>(null);
  const id = caseStudy.id;
  const canUnpublish = canModerate && caseStudy.status === 'PUBLISHED';
  const everPublished = caseStudy.publishedAt != null;
  const canDelete = canEdit && !everPublished && caseStudy.status !== 'PUBLISHED';
  useEffect(() => {
    if (missingFirst.length > 0) missingRef.current?.focus();
  }, [missingFirst]);
  if (!canEdit && !canUnpublish) return null;

  /** Check first: a case the checklist says is incomplete is not offered the confirmation at all. */
  function startPublish() {
    setProblem(undefined);
    const missing = (caseStudy.publishChecklist ?? []).filter((item) => !item.ok).map((item) => item.field);
    if (missing.length > 0) {
      setMissingFirst(missing);
      return;
    }
    setMissingFirst([]);
    setPending('publish');
  }

  async function run(action: Pending, reason?: string) {
    setProblem(undefined);
    try {
      if (action === 'delete') {
        await deleteDraft({ variables: { id } });
        setPending(undefined);
        void navigate('/my/cases', { state: flashState('caseDeleted', caseStudy.title) });
        return;
      }
      if (action === 'publish') await publish({ variables: { id } });
      if (action === 'archive') await archive({ variables: { id } });
      if (action === 'unpublish') await unpublish({ variables: { id, reason: reason ?? '' } });
      setPending(undefined);
      const key =
        action === 'publish' ? 'casePublished' : action === 'archive' ? 'caseArchived' : 'caseUnpublished';
      void navigate('.', { replace: true, state: flashState(key, caseStudy.title) });
    } catch (caught) {
      const found = caseProblem(caught);
      // The unpublish dialog shows its own error; the others close and report below the buttons.
      if (action !== 'unpublish') setPending(undefined);
      setProblem(found);
    }
  }

  const missing =
    problem?.code === 'BAD_USER_INPUT' && problem.missing.length ? problem.missing : missingFirst;

  return (
    <section
      aria-labelledby="case-actions-heading"
      className="mt-6 rounded-12 border-2 border-blue-900 p-4 md:p-6"
    >
      <h2 id="case-actions-heading" className="text-std-20B-150 text-solid-gray-900">
        {canEdit ? t('caseActions.ownerHeading') : t('caseActions.organiserHeading')}
      </h2>
      <div className="mt-4 flex flex-wrap gap-3">
        {canEdit && (
          <Link to={`/cases/${id}/edit`} className={buttonSolid}>
            {t('caseActions.edit')}
          </Link>
        )}
        {canEdit && caseStudy.status !== 'PUBLISHED' && (
          <button
            type="button"
            className={buttonOutline}
            disabled={busy}
            aria-describedby={missingFirst.length > 0 ? 'case-actions-missing' : undefined}
            onClick={startPublish}
          >
            {caseStudy.status === 'ARCHIVED' && everPublished
              ? t('caseActions.republish')
              : t('caseActions.publish')}
          </button>
        )}
        {canEdit && caseStudy.status !== 'ARCHIVED' && (
          <button
            type="button"
            className={buttonOutline}
            disabled={busy}
            onClick={() => setPending('archive')}
          >
            {caseStudy.status === 'DRAFT' ? t('caseActions.archiveDraft') : t('caseActions.archive')}
          </button>
        )}
        {canDelete && (
          <button type="button" className={buttonDanger} disabled={busy} onClick={() => setPending('delete')}>
            {t('caseActions.deleteDraft')}
          </button>
        )}
        {canUnpublish && (
          <button
            type="button"
            className={buttonDanger}
            disabled={busy}
            onClick={() => setPending('unpublish')}
          >
            {t('caseActions.unpublish')}
          </button>
        )}
      </div>

      {((problem && pending !== 'unpublish') || missingFirst.length > 0) && (
        <div
          ref={missingRef}
          id="case-actions-missing"
          tabIndex={-1}
          role="alert"
          className="mt-4 rounded-12 border-2 border-error-1 bg-red-50 p-4"
        >
          {missing.length > 0 ? (
            <>
              <p className="text-std-17B-170 text-error-2">{t('caseActions.missingHeading')}</p>
              <ul className="mt-1 list-disc pl-6 text-std-16N-170">
                {missing.map((field) => (
                  <li key={field}>
                    <Link className="link-text" to={`/cases/${id}/edit?focus=${encodeURIComponent(field)}`}>
                      {t('caseActions.missingItem', { field: caseFieldLabel(field, t) })}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            problem && <p className="text-std-16B-170 text-error-2">{problemText(problem, t)}</p>
          )}
        </div>
      )}

      <ConfirmDialog
        open={pending === 'publish'}
        title={t('caseActions.publishConfirmTitle')}
        body={
          caseStudy.visibility === 'MEMBERS'
            ? t('caseActions.publishConfirmMembers', { title: caseStudy.title })
            : t('caseActions.publishConfirmPublic', { title: caseStudy.title })
        }
        confirmLabel={busy ? t('caseActions.processing') : t('caseActions.publishConfirm')}
        cancelLabel={t('common.back')}
        busy={busy}
        onConfirm={() => void run('publish')}
        onCancel={() => setPending(undefined)}
      />
      <ConfirmDialog
        open={pending === 'archive'}
        title={t('caseActions.archiveConfirmTitle')}
        body={
          caseStudy.status === 'DRAFT'
            ? t('caseActions.archiveDraftConfirmBody', { title: caseStudy.title })
            : t('caseActions.archiveConfirmBody', { title: caseStudy.title })
        }
        confirmLabel={
          busy
            ? t('caseActions.processing')
            : caseStudy.status === 'DRAFT'
              ? t('caseActions.archiveDraft')
              : t('caseActions.archive')
        }
        cancelLabel={t('common.back')}
        danger
        busy={busy}
        onConfirm={() => void run('archive')}
        onCancel={() => setPending(undefined)}
      />
      <ConfirmDialog
        open={pending === 'delete'}
        title={t('caseActions.deleteConfirmTitle')}
        body={t('caseActions.deleteConfirmBody', { title: caseStudy.title })}
        confirmLabel={busy ? t('caseActions.processing') : t('caseActions.deleteDraft')}
        cancelLabel={t('common.back')}
        danger
        busy={busy}
        onConfirm={() => void run('delete')}
        onCancel={() => setPending(undefined)}
      />
      <UnpublishDialog
        open={pending === 'unpublish'}
        title={caseStudy.title}
        busy={busy}
        error={pending === 'unpublish' && problem ? problemText(problem, t) : undefined}
        onConfirm={(reason) => void run('unpublish', reason)}
        onCancel={() => {
          setPending(undefined);
          setProblem(undefined);
        }}
      />
    </section>
  );
}
