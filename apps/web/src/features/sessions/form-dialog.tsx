import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonDanger, buttonOutline, buttonSolid } from '../../shared/ui-classes';

/**
 * A modal form on the native <dialog> (like the shared ConfirmDialog: the browser traps focus, closes on
 * Escape and returns focus to the opener), for actions that need a few words, such as a reason.
 */
export function FormDialog({
  open,
  title,
  description,
  submitLabel,
  cancelLabel,
  danger,
  busy,
  error,
  children,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  title: string;
  description?: string;
  submitLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  error?: string;
  children: ReactNode;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[min(36rem,calc(100%-2rem))] rounded-16 border border-solid-gray-420 bg-white p-6 text-solid-gray-800 shadow-3"
    >
      <form
        noValidate
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId} className="text-std-22B-150 text-solid-gray-900">
          {title}
        </h2>
        {description && (
          <p id={descriptionId} className="mt-3 text-std-16N-170">
            {description}
          </p>
        )}
        <div className="mt-4 flex flex-col gap-4">{children}</div>
        {error && (
          <p role="alert" className="mt-4 text-std-16B-170 text-error-2">
            {error}
          </p>
        )}
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button type="button" className={buttonOutline} onClick={onCancel} disabled={busy}>
            {cancelLabel ?? t('common.back')}
          </button>
          <button
            type="submit"
            className={danger ? buttonDanger : buttonSolid}
            disabled={busy}
            aria-busy={busy || undefined}
          >
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
