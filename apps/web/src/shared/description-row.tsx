import type { ReactNode } from 'react';

// Full class names, so that Tailwind sees each.
const ROW = {
  stacked: 'grid gap-1 border-b border-solid-gray-420 py-3',
  '12rem': 'grid gap-1 border-b border-solid-gray-420 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4',
  '14rem': 'grid gap-1 border-b border-solid-gray-420 py-3 sm:grid-cols-[14rem_1fr] sm:gap-4',
} as const;

/**
 * One term and its description in a record's facts (<dl>): the term above, or from a small screen up in a
 * column of the given width beside it.
 */
export function DescriptionRow({
  label,
  labelColumn = 'stacked',
  children,
}: {
  label: string;
  labelColumn?: keyof typeof ROW;
  children: ReactNode;
}) {
  return (
    <div className={ROW[labelColumn]}>
      <dt className="text-std-16B-170 text-solid-gray-800">{label}</dt>
      <dd className="text-std-16N-170">{children}</dd>
    </div>
  );
}
