import { useId, type FormEvent, type ReactNode } from 'react';
import { DialogButtons, DialogTitle, ModalDialog, type DialogButtonOptions } from './modal-dialog';

/** A modal form (the shared ModalDialog) for actions that need a few words, such as a reason. */
export function FormDialog({
  open,
  title,
  description,
  submitLabel,
  error,
  children,
  onSubmit,
  ...buttons
}: DialogButtonOptions & {
  open: boolean;
  title: string;
  description?: string;
  submitLabel: string;
  error?: string;
  children: ReactNode;
  onSubmit: () => void;
}) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <ModalDialog
      open={open}
      busy={buttons.busy}
      wide
      labelledBy={titleId}
      describedBy={description ? descriptionId : undefined}
      onCancel={buttons.onCancel}
    >
      <form
        noValidate
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <DialogTitle id={titleId}>{title}</DialogTitle>
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
        <DialogButtons actionLabel={submitLabel} {...buttons} />
      </form>
    </ModalDialog>
  );
}
