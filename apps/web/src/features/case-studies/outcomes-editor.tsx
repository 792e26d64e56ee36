import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonOutline, fieldError, fieldHint } from '../../shared/ui-classes';
import { CASE_STUDY_LIMITS as LIMITS } from '@yokoten/case-studies';
import { newOutcomeRow, type FieldErrors, type OutcomeRow } from './editor-model';

const cellInput =
  'block w-full min-w-0 rounded-8 border border-solid-gray-900 bg-white px-2 py-2 text-oln-16N-100 text-solid-gray-800 aria-invalid:border-2 aria-invalid:border-error-1';
const smallButton =
  'inline-flex min-h-11 items-center justify-center whitespace-nowrap rounded-8 border border-current bg-white px-2 text-oln-16B-100 text-error-2 hover:bg-red-50 hover:underline';

const CELLS = ['label', 'before', 'after', 'unit', 'asOf'] as const;
type Cell = (typeof CELLS)[number];
/** Fixed widths for the short cells, so the indicator gets the rest and the row fits beside the checklist. */
const COLUMN_WIDTH: Record<Cell, string> = {
  label: '',
  before: 'w-20',
  after: 'w-20',
  unit: 'w-16',
  asOf: 'w-40',
};

/**
 * 成果指標 as an editable table: one row per measured result, rows added and removed with buttons. Every
 * input is labelled with its row and column, so a screen reader announces 「2行目の実施後の値」.
 */
export function OutcomesEditor({
  rows,
  errors,
  onChange,
}: {
  rows: OutcomeRow[];
  errors: FieldErrors;
  onChange: (rows: OutcomeRow[]) => void;
}) {
  const { t } = useTranslation();
  const focusAfterRender = useRef<string | null>(null);
  const tableError = errors.outcomes;

  useEffect(() => {
    const id = focusAfterRender.current;
    if (!id) return;
    focusAfterRender.current = null;
    document.getElementById(id)?.focus();
  }, [rows]);

  const columnLabel = (cell: Cell) => t(`caseEditor.outcomeColumns.${cell}`);

  function update(index: number, cell: Cell, value: string) {
    onChange(rows.map((row, i) => (i === index ? { ...row, [cell]: value } : row)));
  }

  function add() {
    const row = newOutcomeRow();
    focusAfterRender.current = `case-outcomes-${rows.length}-label`;
    onChange([...rows, row]);
  }

  function remove(index: number) {
    const next = rows.filter((_, i) => i !== index);
    // Keep the keyboard where it was: on the next row's 削除, the previous one's, or 「追加」.
    focusAfterRender.current =
      next.length === 0 ? 'case-outcomes-add' : `case-outcomes-${Math.min(index, next.length - 1)}-remove`;
    onChange(next);
  }

  return (
    <div id="case-outcomes" tabIndex={-1} className="flex flex-col gap-2">
      <span id="case-outcomes-hint" className={fieldHint}>
        {t('caseEditor.outcomesHint')}
      </span>
      {tableError && (
        <span id="case-outcomes-error" className={fieldError}>
          {tableError}
        </span>
      )}
      {rows.length > 0 && (
        <div
          className="overflow-x-auto"
          tabIndex={0}
          role="group"
          aria-label={t('caseEditor.outcomesScroll')}
        >
          <table
            className="w-full min-w-[40rem] table-fixed border-collapse text-left"
            aria-describedby="case-outcomes-hint"
          >
            <caption className="sr-only">{t('caseEditor.outcomesCaption')}</caption>
            <thead>
              <tr className="border-b-2 border-solid-gray-800">
                <th scope="col" className="w-10 px-1 py-2 text-std-16B-170">
                  {t('caseEditor.outcomeColumns.row')}
                </th>
                {CELLS.map((cell) => (
                  <th key={cell} scope="col" className={`px-1 py-2 text-std-16B-170 ${COLUMN_WIDTH[cell]}`}>
                    {columnLabel(cell)}
                    {(cell === 'label' || cell === 'after') && (
                      <span className="ml-1 text-std-16N-170 text-solid-gray-700">
                        {t('caseEditor.outcomeCellRequired')}
                      </span>
                    )}
                  </th>
                ))}
                <th scope="col" className="w-18 px-1 py-2 text-std-16B-170">
                  {t('caseEditor.outcomeColumns.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.key} className="border-b border-solid-gray-420 align-top">
                  <th scope="row" className="px-1 py-3 text-std-16B-170 tabular-nums">
                    {index + 1}
                  </th>
                  {CELLS.map((cell) => {
                    const id = `case-outcomes-${index}-${cell}`;
                    const error = errors[`outcomes.${index}.${cell}`];
                    return (
                      <td key={cell} className="px-1 py-2">
                        <input
                          id={id}
                          name={`outcomes.${index}.${cell}`}
                          type={cell === 'asOf' ? 'date' : 'text'}
                          inputMode={cell === 'before' || cell === 'after' ? 'decimal' : undefined}
                          maxLength={
                            cell === 'label'
                              ? LIMITS.outcomeLabel
                              : cell === 'unit'
                                ? LIMITS.outcomeUnit
                                : undefined
                          }
                          aria-label={t('caseEditor.outcomeCellLabel', {
                            row: index + 1,
                            column: columnLabel(cell),
                          })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          className={cellInput}
                          value={row[cell]}
                          onChange={(event) => update(index, cell, event.target.value)}
                        />
                        {error && (
                          <span id={`${id}-error`} className="mt-1 block text-dns-14B-130 text-error-2">
                            {error}
                          </span>
                        )}
                      </td>
                    );
                  })}
                  <td className="px-1 py-2">
                    <button
                      type="button"
                      id={`case-outcomes-${index}-remove`}
                      className={smallButton}
                      aria-label={t('caseEditor.removeOutcome', { row: index + 1 })}
                      onClick={() => remove(index)}
                    >
                      {t('caseEditor.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div>
        <button
          type="button"
          id="case-outcomes-add"
          className={buttonOutline}
          onClick={add}
          disabled={rows.length >= LIMITS.outcomes}
          aria-describedby="case-outcomes-hint"
        >
          {t('caseEditor.addOutcome')}
        </button>
        {rows.length >= LIMITS.outcomes && (
          <span className={fieldHint}>{t('caseEditor.outcomesFull', { max: LIMITS.outcomes })}</span>
        )}
      </div>
    </div>
  );
}
