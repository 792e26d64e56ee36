import { forwardRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { buttonOutline, buttonSolid } from '../../shared/ui-classes';
import { caseFieldLabel } from './field-labels';
import { formatClockJst } from './format';
import type { SaveState } from './use-case-autosave';

// What the case editor says about the state of the work above the form: the save status line, the
// conflict with someone else's save, and the error summary.

/** The status line's text (an existing case): what the last save did, or what will happen to changes. */
function saveStatusText(
  save: SaveState,
  { autosave, dirty, heldBack }: { autosave: boolean; dirty: boolean; heldBack: boolean },
  t: TFunction,
): string {
  let text = '';
  if (save.kind === 'pending') text = t('caseEditor.status.pending');
  if (save.kind === 'saving') text = t('caseEditor.status.saving');
  if (save.kind === 'saved')
    text = save.partial
      ? t('caseEditor.status.savedPartial', { time: formatClockJst(save.at) })
      : t('caseEditor.status.saved', { time: formatClockJst(save.at) });
  if (save.kind === 'invalid') text = t('caseEditor.status.invalid');
  if (save.kind === 'failed') text = t('caseEditor.status.failed', { message: save.message });
  if (save.kind === 'conflict') text = t('caseEditor.status.conflict');
  if (save.kind === 'idle' && !dirty)
    text = autosave ? t('caseEditor.status.autosaveOn') : t('caseEditor.status.manual');
  if (save.kind === 'idle' && !autosave && dirty) text = t('caseEditor.status.unsavedManual');
  // Changes held back because they are not valid yet are not saved, whatever the last save did.
  if (autosave && heldBack && dirty && (save.kind === 'idle' || save.kind === 'saved'))
    text =
      save.kind === 'saved'
        ? t('caseEditor.status.savedPartial', { time: formatClockJst(save.at) })
        : t('caseEditor.status.invalid');
  return text;
}

/** The sticky line above the form of an existing case: the save status and the way to the case's page. */
export function SaveStatusBar({
  caseId,
  save,
  autosave,
  dirty,
  heldBack,
}: {
  caseId: string;
  save: SaveState;
  autosave: boolean;
  dirty: boolean;
  heldBack: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="sticky top-0 z-10 -mx-4 mt-6 flex flex-wrap items-center justify-between gap-3 border-y border-solid-gray-420 bg-white/95 px-4 py-2 md:mx-0 md:rounded-8 md:border">
      <p role="status" className="text-std-16B-170 text-solid-gray-800">
        {saveStatusText(save, { autosave, dirty, heldBack }, t)}
      </p>
      <div className="flex flex-wrap gap-2">
        <Link to={`/cases/${caseId}`} className="link-text self-center text-std-16N-170">
          {t('caseEditor.viewCase')}
        </Link>
      </div>
    </div>
  );
}

/** Someone saved the case after this editor read it: reload theirs, or overwrite it with this one. */
export function ConflictAlert({
  currentVersion,
  myVersion,
  onReload,
  onOverwrite,
}: {
  currentVersion: number | undefined;
  myVersion: number | undefined;
  onReload: () => void;
  onOverwrite: (currentVersion: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="mt-6 rounded-12 border-2 border-error-1 bg-red-50 p-4 md:p-6">
      <p className="text-std-17B-170 text-error-2">{t('caseEditor.conflictTitle')}</p>
      <p className="mt-1 text-std-16N-170">
        {t('caseEditor.conflictBody', {
          current: currentVersion ?? '?',
          mine: myVersion ?? '?',
        })}
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" className={buttonOutline} onClick={onReload}>
          {t('caseEditor.conflictReload')}
        </button>
        {currentVersion !== undefined && (
          <button type="button" className={buttonSolid} onClick={() => onOverwrite(currentVersion)}>
            {t('caseEditor.conflictOverwrite')}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The error summary (focused after a failed save or publish): a refusal without a field, the fields the API
 * found missing for publishing, then each error in the order of the form, each a link to its field.
 */
export const ErrorSummary = forwardRef<
  HTMLDivElement,
  {
    formError: string | undefined;
    missing: string[];
    items: [string, string][];
    onGoTo: (path: string) => void;
  }
>(function ErrorSummary({ formError, missing, items, onGoTo }, ref) {
  const { t } = useTranslation();
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="case-error-summary-title"
      className="mt-6 rounded-12 border-2 border-error-1 bg-red-50 p-4"
    >
      <h2 id="case-error-summary-title" className="text-std-17B-170 text-error-2">
        {missing.length > 0 ? t('caseEditor.missingSummary') : t('caseEditor.errorSummary')}
      </h2>
      <ul className="mt-1 list-disc pl-6 text-std-16N-170">
        {formError && <li>{formError}</li>}
        {missing.map((field) => (
          <li key={`missing-${field}`}>
            <a
              href={`#case-${field}`}
              className="link-text"
              onClick={(event) => {
                event.preventDefault();
                onGoTo(field);
              }}
            >
              {t(`caseEditor.checklist.${field}` as 'caseEditor.checklist.title', {
                defaultValue: caseFieldLabel(field, t),
              })}
            </a>
          </li>
        ))}
        {items.map(([path, message]) => (
          <li key={path}>
            <a
              href={`#case-${path.replace(/\./g, '-')}`}
              className="link-text"
              onClick={(event) => {
                event.preventDefault();
                onGoTo(path);
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
