import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonDanger, buttonOutline, buttonSolid } from './ui-classes';

/**
 * The one modal of the app, on the native <dialog>: the browser traps focus, closes on Escape and returns
 * focus to the opener, which is what a hand-made modal usually gets wrong. Escape closes it only while
 * nothing is being sent; `onOpen` runs each time it opens (a form clears what was typed before).
 */
export function ModalDialog({
  open,
  busy,
  wide,
  labelledBy,
  describedBy,
  onOpen,
  onCancel,
  children,
}: {
  open: boolean;
  busy?: boolean;
  /** 36rem instead of 32rem, for a dialog with a form. */
  wide?: boolean;
  labelledBy: string;
  describedBy?: string;
  onOpen?: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // The effect below runs on `open` only: it must call the newest onOpen, not the one of that render.
  const onOpenRef = useRef(onOpen);
  useEffect(() => {
    onOpenRef.current = onOpen;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      onOpenRef.current?.();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      className={`m-auto ${wide ? 'w-[min(36rem,calc(100%-2rem))]' : 'w-[min(32rem,calc(100%-2rem))]'} rounded-16 border border-solid-gray-420 bg-white p-6 text-solid-gray-800 shadow-3`}
    >
      {children}
    </dialog>
  );
}

/** A dialog's title: the element its `labelledBy` names. */
export function DialogTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="text-std-22B-150 text-solid-gray-900">
      {children}
    </h2>
  );
}

/** What a dialog's buttons need besides the action's own label and handler (ConfirmDialog and FormDialog pass them on). */
export interface DialogButtonOptions {
  /**
   * What closing the dialog says; 「戻る」 by default, never 「キャンセル」, which beside 「申込をキャンセルする」
   * or 「中止する」 reads as the action itself.
   */
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  onCancel: () => void;
}

/** A dialog's two buttons, closing first; the action is a submit button when `onAction` is left out. */
export function DialogButtons({
  actionLabel,
  cancelLabel,
  danger,
  busy,
  onAction,
  onCancel,
}: DialogButtonOptions & {
  actionLabel: string;
  onAction?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="mt-6 flex flex-wrap justify-end gap-3">
      <button type="button" className={buttonOutline} onClick={onCancel} disabled={busy}>
        {cancelLabel ?? t('common.back')}
      </button>
      <button
        type={onAction ? 'button' : 'submit'}
        className={danger ? buttonDanger : buttonSolid}
        onClick={onAction}
        disabled={busy}
        aria-busy={busy || undefined}
      >
        {actionLabel}
      </button>
    </div>
  );
}
