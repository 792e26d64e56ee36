import type { ReactNode } from 'react';
import { fieldError, fieldHint } from '../../shared/ui-classes';
import { PublishRequiredMark } from './publish-required-mark';

interface Option<T extends string | number> {
  value: T;
  label: string;
  description?: string;
}

const legendClass = 'text-std-17B-170 text-solid-gray-800';
const choiceLabel = 'flex min-h-11 cursor-pointer items-start gap-3 rounded-8 py-1 text-std-16N-170';
const checkboxClass = 'mt-1 size-5 shrink-0 accent-blue-900';

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/** Checkboxes in a fieldset whose legend names the group (one question, several answers). */
export function CheckboxGroup<T extends string | number>({
  id,
  legend,
  hint,
  error,
  requiredToPublish,
  options,
  selected,
  onChange,
  columns = 'sm:grid-cols-2',
  name,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  requiredToPublish?: boolean;
  options: Option<T>[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  columns?: string;
  name: string;
}) {
  return (
    <fieldset id={id} aria-describedby={describedBy(id, hint, error)}>
      <legend className={legendClass}>
        {legend}
        {requiredToPublish && <PublishRequiredMark />}
      </legend>
      {hint && (
        <span id={`${id}-hint`} className={fieldHint}>
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className={fieldError}>
          {error}
        </span>
      )}
      <div className={`mt-2 grid gap-x-6 gap-y-1 ${columns}`}>
        {options.map((option) => (
          <label key={option.value} className={choiceLabel}>
            <input
              type="checkbox"
              name={name}
              id={`${id}-${option.value}`}
              className={checkboxClass}
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...selected, option.value]
                    : selected.filter((value) => value !== option.value),
                )
              }
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Radio buttons in a fieldset (one question, one answer), each with an optional explanation. */
export function RadioGroup<T extends string>({
  id,
  legend,
  hint,
  options,
  value,
  onChange,
  name,
  extra,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: Option<T>[];
  value: T;
  onChange: (next: T) => void;
  name: string;
  extra?: ReactNode;
}) {
  return (
    <fieldset id={id} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className={legendClass}>{legend}</legend>
      {hint && (
        <span id={`${id}-hint`} className={fieldHint}>
          {hint}
        </span>
      )}
      <div className="mt-2 flex flex-col gap-1">
        {options.map((option) => (
          <label key={option.value} className={choiceLabel}>
            <input
              type="radio"
              name={name}
              id={`${id}-${option.value}`}
              className={checkboxClass}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>
              <span className="block">{option.label}</span>
              {option.description && (
                <span className="block text-std-16N-170 text-solid-gray-700">{option.description}</span>
              )}
            </span>
          </label>
        ))}
      </div>
      {extra}
    </fieldset>
  );
}
