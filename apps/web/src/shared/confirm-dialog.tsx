import { useId } from 'react';
import { DialogButtons, DialogTitle, ModalDialog, type DialogButtonOptions } from './modal-dialog';

/** A modal confirmation: a title, a sentence, and the action beside 「戻る」. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  onConfirm,
  ...buttons
}: DialogButtonOptions & {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const titleId = useId();
  const bodyId = useId();
  return (
    <ModalDialog
      open={open}
      busy={buttons.busy}
      labelledBy={titleId}
      describedBy={bodyId}
      onCancel={buttons.onCancel}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <p id={bodyId} className="mt-3 text-std-16N-170">
        {body}
      </p>
      <DialogButtons actionLabel={confirmLabel} onAction={onConfirm} {...buttons} />
    </ModalDialog>
  );
}
