import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../shared/form-fields';
import { DialogButtons, DialogTitle, ModalDialog } from '../../shared/modal-dialog';

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
  const titleId = useId();
  const bodyId = useId();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string>();

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
    <ModalDialog
      open={open}
      busy={busy}
      wide
      labelledBy={titleId}
      describedBy={bodyId}
      onOpen={() => {
        setReason('');
        setFieldError(undefined);
      }}
      onCancel={onCancel}
    >
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>{t('caseActions.unpublishTitle')}</DialogTitle>
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
        <DialogButtons
          actionLabel={busy ? t('caseActions.processing') : t('caseActions.unpublishConfirm')}
          danger
          busy={busy}
          onCancel={onCancel}
        />
      </form>
    </ModalDialog>
  );
}
