import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonDanger, buttonOutline, buttonSolid } from './ui-classes';

/**
 * A modal confirmation built on the native <dialog>: the browser traps focus, closes on Escape and
 * returns focus to the opener, which is what a hand-made modal usually gets wrong.
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  cancelLabel,
  danger,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  /**
   * What closing the dialog says; 「戻る」 by default, never 「キャンセル」, which beside 「申込をキャンセルする」
   * or 「中止する」 reads as the action itself.
   */
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

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
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[min(32rem,calc(100%-2rem))] rounded-16 border border-solid-gray-420 bg-white p-6 text-solid-gray-800 shadow-3"
    >
      <h2 id={titleId} className="text-std-22B-150 text-solid-gray-900">
        {title}
      </h2>
      <p id={bodyId} className="mt-3 text-std-16N-170">
        {body}
      </p>
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <button type="button" className={buttonOutline} onClick={onCancel} disabled={busy}>
          {cancelLabel ?? t('common.back')}
        </button>
        <button
          type="button"
          className={danger ? buttonDanger : buttonSolid}
          onClick={onConfirm}
          disabled={busy}
          aria-busy={busy || undefined}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
