import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonOutline, buttonSmallOutline, fieldHint, sectionTitle } from '../../shared/ui-classes';

/**
 * A list of rows the organiser adds to and removes from (a session's theme tables and agenda items, the
 * report's materials), each in its own fieldset: a new row takes the focus on its first field, a removed
 * one gives it back to the add button.
 */
export function RowListEditor<Row extends { key: string }>({
  id,
  heading,
  headingClassName = sectionTitle,
  hint,
  empty,
  notice,
  addLabel,
  legendOf,
  firstField,
  rows,
  newRow,
  onChange,
  children,
}: {
  /** The fieldset's id, where an error summary links to the list as a whole. */
  id?: string;
  heading: string;
  /** The heading's class: a section title by default. */
  headingClassName?: string;
  hint: string;
  /** Said while there is no row; nothing when left out. */
  empty?: string;
  notice?: ReactNode;
  addLabel: string;
  legendOf: (n: number) => string;
  /** Suffix of the first field's id (`${row.key}-${firstField}`), focused when a row is added. */
  firstField: string;
  rows: Row[];
  newRow: () => Row;
  onChange: (rows: Row[]) => void;
  children: (row: Row, index: number, update: (patch: Partial<Row>) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<string>();
  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(`${focusKey}-${firstField}`)?.focus();
    setFocusKey(undefined);
  }, [focusKey, firstField]);
  return (
    <fieldset id={id} className="flex flex-col gap-4">
      <legend className={headingClassName}>{heading}</legend>
      <p className={fieldHint}>{hint}</p>
      {notice}
      {rows.length === 0 && empty && <p className="text-std-16N-170">{empty}</p>}
      {rows.map((row, index) => {
        const legend = legendOf(index + 1);
        const update = (patch: Partial<Row>) =>
          onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
        return (
          <fieldset key={row.key} className="rounded-12 border border-solid-gray-420 p-4">
            <legend className="px-1 text-std-17B-170">{legend}</legend>
            {children(row, index, update)}
            <button
              type="button"
              className={`${buttonSmallOutline} mt-3`}
              onClick={() => {
                onChange(rows.filter((_, i) => i !== index));
                addRef.current?.focus();
              }}
            >
              {t('sessions.form.removeRow', { row: legend })}
            </button>
          </fieldset>
        );
      })}
      <div>
        <button
          ref={addRef}
          type="button"
          className={buttonOutline}
          onClick={() => {
            const row = newRow();
            onChange([...rows, row]);
            setFocusKey(row.key);
          }}
        >
          {addLabel}
        </button>
      </div>
    </fieldset>
  );
}
