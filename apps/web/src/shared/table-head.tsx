import type { ReactNode } from 'react';

const cell = 'px-3 py-2 text-std-16B-170';

/**
 * A data table's header row: a column head (scope="col") for each column, bold, under a thick rule.
 * `className` adds to a column's head (hidden on a phone, right-aligned for figures, not wrapped).
 */
export function TableHead({
  rule,
  nowrap,
  columns,
}: {
  /** The rule under the row: gray-800, or gray-600 in the sessions' tables. */
  rule: 'border-solid-gray-800' | 'border-solid-gray-600';
  /** No column head wraps (a wide table that scrolls in its own box). */
  nowrap?: boolean;
  columns: { label: ReactNode; className?: string }[];
}) {
  const base = nowrap ? `${cell} whitespace-nowrap` : cell;
  return (
    <thead>
      <tr className={`border-b-2 ${rule}`}>
        {columns.map(({ label, className }, index) => (
          // The columns of a table are fixed: their position is their identity.
          <th key={index} scope="col" className={className ? `${base} ${className}` : base}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
