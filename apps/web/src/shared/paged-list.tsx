import { useState, type ReactNode } from 'react';
import { currentLanguage } from '../i18n/i18n';
import { formatNumber } from './format';
import { ErrorNotice, Loading } from './status';

/**
 * 「さらに表示」 of a cursor-paged list: asks for the page after `endCursor` (nothing when there is none) and
 * says it is busy meanwhile.
 */
export function useLoadMore(
  endCursor: string | null | undefined,
  fetchPage: (after: string) => Promise<unknown>,
): { loadingMore: boolean; loadMore: () => Promise<void> } {
  const [loadingMore, setLoadingMore] = useState(false);
  async function loadMore() {
    if (!endCursor) return;
    setLoadingMore(true);
    try {
      await fetchPage(endCursor);
    } finally {
      setLoadingMore(false);
    }
  }
  return { loadingMore, loadMore };
}

/**
 * A paged list's count and body: the count in a live region that is in the page before the count arrives
 * (so that it is read out when it changes), then the list drawn from the connection, or what stands in
 * for it while there is none: the error with a retry, "loading", or the empty message.
 */
export function PagedListResults<C extends { totalCount: number }>({
  connection,
  totalText,
  statusClassName,
  error,
  loading,
  onRetry,
  empty,
  emptyText,
  children,
}: {
  /** undefined until the first page is in. */
  connection: C | undefined;
  /** The count sentence (「12件」) from the count and the count as written in the language. */
  totalText: (values: { count: number; formatted: string }) => string;
  /** The count's top margin. */
  statusClassName: 'mt-2' | 'mt-6';
  error: unknown;
  loading: boolean;
  onRetry: () => void;
  /** The first page is in and has nothing; `emptyText` is said then. */
  empty?: boolean;
  emptyText?: string;
  children: (connection: C) => ReactNode;
}) {
  const language = currentLanguage();
  return (
    <>
      <p role="status" className={`${statusClassName} text-std-17B-170`}>
        {connection
          ? totalText({
              count: connection.totalCount,
              formatted: formatNumber(connection.totalCount, language),
            })
          : ''}
      </p>
      {error && !connection ? (
        <ErrorNotice error={error} onRetry={onRetry} />
      ) : !connection ? (
        loading ? (
          <Loading />
        ) : null
      ) : empty ? (
        <p className="mt-4 text-std-16N-170">{emptyText}</p>
      ) : (
        children(connection)
      )}
    </>
  );
}
