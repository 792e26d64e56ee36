import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStudyEditableFragment } from '../../graphql/generated/graphql';
import { buttonSolid } from '../../shared/ui-classes';
import { CasesLikeDraft } from './cases-like-draft';
import { PublishChecklistPanel } from './publish-checklist-panel';

const panel = 'flex flex-col gap-6 self-start rounded-12 border-2 border-blue-900 p-4 lg:sticky lg:top-20';

/**
 * The panel beside the form: the publish checklist (its heading takes the focus when publishing stops on a
 * missing item), the publish button with why it can or cannot be pressed, and cases like the draft.
 */
export const CaseEditorSidePanel = forwardRef<
  HTMLHeadingElement,
  {
    caseStudy: CaseStudyEditableFragment | undefined;
    draft: { title: string; summary: string; themes: CaseStudyEditableFragment['themes']; tags: string[] };
    autosave: boolean;
    /** Changes wait to be saved: the checklist was computed before them. */
    stale: boolean;
    conflict: boolean;
    publishing: boolean;
    busy: boolean;
    onGoTo: (path: string) => void;
    onPublish: () => void;
  }
>(function CaseEditorSidePanel(
  { caseStudy, draft, autosave, stale, conflict, publishing, busy, onGoTo, onPublish },
  checklistRef,
) {
  const { t } = useTranslation();
  if (!caseStudy)
    return (
      <div className={panel}>
        <PublishChecklistPanel ref={checklistRef} checklist={null} onGoTo={onGoTo} stale={false} />
        <p className="text-std-16N-170">{t('caseEditor.newSideHint')}</p>
        <CasesLikeDraft title={draft.title} summary={draft.summary} themes={draft.themes} tags={draft.tags} />
      </div>
    );

  const checklist = caseStudy.publishChecklist ?? null;
  const missingCount = checklist?.filter((item) => !item.ok).length ?? 0;
  const canPublish = caseStudy.status !== 'PUBLISHED';
  const publishBlocked = missingCount > 0 || conflict;
  return (
    <div className={panel}>
      <PublishChecklistPanel ref={checklistRef} checklist={checklist} onGoTo={onGoTo} stale={stale} />
      {canPublish && (
        <div className="flex flex-col gap-2 border-t border-solid-gray-420 pt-4">
          <button
            type="button"
            className={buttonSolid}
            disabled={publishBlocked || busy}
            aria-describedby="publish-reason"
            onClick={onPublish}
          >
            {publishing
              ? t('caseEditor.publishing')
              : caseStudy.status === 'ARCHIVED' && caseStudy.publishedAt
                ? t('caseActions.republish')
                : t('caseActions.publish')}
          </button>
          <p id="publish-reason" className="text-std-16N-170 text-solid-gray-700">
            {conflict
              ? t('caseEditor.publishBlockedConflict')
              : missingCount > 0
                ? t('caseEditor.publishBlocked', { count: missingCount })
                : caseStudy.visibility === 'MEMBERS'
                  ? t('caseEditor.publishReadyMembers')
                  : t('caseEditor.publishReadyPublic')}
          </p>
        </div>
      )}
      {autosave && (
        <CasesLikeDraft
          caseId={caseStudy.id}
          title={draft.title}
          summary={draft.summary}
          themes={draft.themes}
          tags={draft.tags}
        />
      )}
    </div>
  );
});
