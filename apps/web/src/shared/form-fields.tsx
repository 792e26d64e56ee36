import { useId, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, fieldHint, fieldLabel, selectInput, textInput } from './ui-classes';

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Shown after the label, inside it (a feature's own marker, e.g. 「公開時に必須」). */
  labelExtra?: ReactNode;
}

function RequiredBadge() {
  const { t } = useTranslation();
  return <span className="ml-2 text-std-16N-170 text-error-2">※{t('common.required')}</span>;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  required,
  labelExtra,
  children,
}: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={fieldLabel}>
        {label}
        {required && <RequiredBadge />}
        {labelExtra}
      </label>
      {hint && (
        <span id={`${id}-hint`} className={fieldHint}>
          {hint}
        </span>
      )}
      {children}
      {error && (
        <span id={`${id}-error`} className={fieldError}>
          {error}
        </span>
      )}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  required,
  labelExtra,
  id: givenId,
  className,
  ...input
}: FieldProps & ComponentProps<'input'>) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required} labelExtra={labelExtra}>
      <input
        id={id}
        className={`${textInput} ${className ?? ''}`}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        {...input}
      />
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  required,
  labelExtra,
  id: givenId,
  className,
  ...textarea
}: FieldProps & ComponentProps<'textarea'>) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required} labelExtra={labelExtra}>
      <textarea
        id={id}
        className={`${textInput} min-h-40 leading-[1.7] ${className ?? ''}`}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        {...textarea}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  id: givenId,
  options,
  ...select
}: Omit<FieldProps, 'error' | 'required'> &
  ComponentProps<'select'> & { options: { value: string; label: string }[] }) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <FieldFrame id={id} label={label} hint={hint}>
      <select
        id={id}
        className={selectInput}
        aria-describedby={describedBy(hint && `${id}-hint`)}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
