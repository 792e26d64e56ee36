import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../shared/form-fields';
import { buttonDanger, buttonOutline } from '../../shared/ui-classes';

const REASON_MAX = 2000;

/**
 * 公開停止 (organisers): a native modal <dialog> asking why, because the owning municipality sees the
 * reason and needs it to put the case right.
 */
export function UnpublishDialog({
  open,
  title,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  busy: boolean;
  error?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string>();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setReason('');
      setFieldError(undefined);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = reason.trim();
    if (!value) {
      setFieldError(t('caseActions.unpublishReasonRequired'));
      document.getElementById('unpublish-reason')?.focus();
      return;
    }
    if ([...value].length > REASON_MAX) {
      setFieldError(t('caseActions.unpublishReasonTooLong', { max: REASON_MAX }));
      document.getElementById('unpublish-reason')?.focus();
      return;
    }
    setFieldError(undefined);
    onConfirm(value);
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[min(36rem,calc(100%-2rem))] rounded-16 border border-solid-gray-420 bg-white p-6 text-solid-gray-800 shadow-3"
    >
      <form noValidate onSubmit={submit}>
        <h2 id={titleId} className="text-std-22B-150 text-solid-gray-900">
          {t('caseActions.unpublishTitle')}
        </h2>
        <p id={bodyId} className="mt-3 text-std-16N-170">
          {t('caseActions.unpublishBody', { title })}
        </p>
        <div className="mt-4">
          <TextAreaField
            id="unpublish-reason"
            label={t('caseActions.unpublishReason')}
            hint={t('caseActions.unpublishReasonHint')}
            required
            rows={4}
            value={reason}
            error={fieldError}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        {error && (
          <p role="alert" className="mt-3 text-std-16B-170 text-error-2">
            {error}
          </p>
        )}
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button type="button" className={buttonOutline} onClick={onCancel} disabled={busy}>
            {t('common.back')}
          </button>
          <button type="submit" className={buttonDanger} disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('caseActions.processing') : t('caseActions.unpublishConfirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
