import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** ホーム › (a list) [› (a record)] › the current page: the links before it, each with its separator. */
export function Breadcrumbs({
  label,
  links,
  current,
  currentLang,
}: {
  /** The name of the nav landmark. */
  label: string;
  links: { to: string; text: ReactNode }[];
  current: string;
  /** Set when the current page's name is the record's own (Japanese) name: it may then be long. */
  currentLang?: 'ja';
}) {
  return (
    <nav aria-label={label} className="mb-6">
      <ol className="flex flex-wrap items-center gap-2 text-std-16N-170">
        {links.map(({ to, text }) => (
          <li key={to}>
            <Link to={to} className="link-text">
              {text}
            </Link>
            <span aria-hidden="true" className="ml-2 text-solid-gray-600">
              ›
            </span>
          </li>
        ))}
        {currentLang ? (
          <li aria-current="page" lang={currentLang} className="min-w-0 break-words">
            {current}
          </li>
        ) : (
          <li aria-current="page">{current}</li>
        )}
      </ol>
    </nav>
  );
}
