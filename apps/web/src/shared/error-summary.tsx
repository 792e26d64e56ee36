import { useEffect, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldError {
  /** id of the field the message is about: the summary links to it. */
  fieldId: string;
  message: string;
}

/**
 * The DADS error summary: shown above a form after a failed submit, focused so that a screen reader
 * reads it, with a link to each field in error.
 */
export function ErrorSummary({ errors, attempt }: { errors: FieldError[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length && attempt > 0) ref.current?.focus();
  }, [attempt, errors.length]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`error-summary-${attempt}`}
      className="mb-6 rounded-12 border-2 border-error-1 bg-red-50 p-4 md:p-6"
    >
      <p id={`error-summary-${attempt}`} className="text-std-17B-170 text-error-2">
        {t('precedents.errorSummary', { count: errors.length })}
      </p>
      <ul className="mt-2 list-disc pl-6">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a
              className="link-text"
              href={`#${error.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(error.fieldId)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The error summary of a form that shows it only after a failed submit (sign-in, signing, registering,
 * a survey, a session): a heading saying what failed, the form's own error, then a link to each field in
 * error. The form keeps the ref and focuses the summary when its own rule says so.
 */
export function FormErrorSummary({
  ref,
  heading,
  headingLevel: Heading,
  formError,
  fields,
}: {
  ref: Ref<HTMLDivElement>;
  heading: string;
  /** h2 on a page of its own, h3 in a section of a page. */
  headingLevel: 'h2' | 'h3';
  formError?: string;
  /** id of each field in error, with its message. */
  fields: FieldError[];
}) {
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="mt-6 rounded-12 border-2 border-error-1 bg-red-50 p-4"
    >
      <Heading className="text-std-17B-170 text-error-2">{heading}</Heading>
      <ul className="mt-1 list-disc pl-6 text-std-16N-170">
        {formError && <li>{formError}</li>}
        {fields.map(({ fieldId, message }) => (
          <li key={fieldId}>
            <a href={`#${fieldId}`} className="link-text">
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
