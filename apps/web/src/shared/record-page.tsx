import { apiProblem } from './errors';
import { ErrorNotice, Loading } from './status';
import { usePageTitle } from './use-page-title';

/** Where a page that shows one record (a case study, a municipality) is. */
export type RecordPageState = 'found' | 'notFound' | 'pending';

/**
 * The state and the title (set as the document's) of a page showing one record found by its URL. A key
 * that cannot exist (`valid` false: the query was skipped), no record, or the API refusing the key as
 * input all mean "not found"; until then the page is pending (loading, or an error to retry).
 */
export function useRecordPage<T>({
  record,
  valid,
  loading,
  error,
  titles,
}: {
  record: T | null | undefined;
  valid: boolean;
  loading: boolean;
  error: unknown;
  titles: { found: (record: T) => string; notFound: string; fallback: string };
}): { state: RecordPageState; title: string } {
  const notFound = !valid || (!loading && !error && !record) || apiProblem(error).code === 'BAD_USER_INPUT';
  const state: RecordPageState = record ? 'found' : notFound && !loading ? 'notFound' : 'pending';
  const title = record ? titles.found(record) : state === 'notFound' ? titles.notFound : titles.fallback;
  usePageTitle(title);
  return { state, title };
}

/** A pending record page's body: the error with a retry, or "loading". */
export function RecordPending({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return error ? <ErrorNotice error={error} onRetry={onRetry} /> : <Loading />;
}
