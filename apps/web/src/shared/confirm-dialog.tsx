import { useId } from 'react';
import { DialogButtons, DialogTitle, ModalDialog } from './modal-dialog';

/** A modal confirmation: a title, a sentence, and the action beside 「戻る」. */
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
  const titleId = useId();
  const bodyId = useId();
  return (
    <ModalDialog open={open} busy={busy} labelledBy={titleId} describedBy={bodyId} onCancel={onCancel}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <p id={bodyId} className="mt-3 text-std-16N-170">
        {body}
      </p>
      <DialogButtons
        actionLabel={confirmLabel}
        cancelLabel={cancelLabel}
        danger={danger}
        busy={busy}
        onAction={onConfirm}
        onCancel={onCancel}
      />
    </ModalDialog>
  );
}
