import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  AuditLogDocument,
  type AuditEntryRowFragment,
  type AuditLogFilter,
} from '../../graphql/generated/graphql';
import { currentLanguage, type Language } from '../../i18n/i18n';
import { SelectField, TextField } from '../../shared/form-fields';
import { Loading } from '../../shared/status';
import { pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { AccessNotice } from '../account/access-notice';
import { isOrganiser, useCurrentUser } from '../auth/use-current-user';
import { AUDIT_ACTIONS, actionKey, isAuditAction } from './audit-actions';
import { LoadMoreButton } from '../../shared/load-more-button';
import { TableHead } from '../../shared/table-head';
import { PagedListResults, useLoadMore } from '../../shared/paged-list';

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A JST calendar day's first or last instant, which is what 「から」「まで」 mean to the staff in Japan. */
function jstBound(day: string, end: boolean): string | undefined {
  if (!DATE.test(day)) return undefined;
  return new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}+09:00`).toISOString();
}

function formatJst(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: language === 'ja' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** 「role: OFFICER → ORGANISER」: what changed, from the entry's before/after JSON. */
function changes(entry: AuditEntryRowFragment): string[] {
  const parse = (text: string | null): Record<string, unknown> => {
    if (!text) return {};
    try {
      const value: unknown = JSON.parse(text);
      return value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  };
  const before = parse(entry.before);
  const after = parse(entry.after);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) =>
      key in before && key in after
        ? `${key}: ${short(before[key])} → ${short(after[key])}`
        : key in after
          ? `${key}: ${short(after[key])}`
          : `${key}: ${short(before[key])} → —`,
    );
}

/** /admin/audit-log: who changed which account, role, membership, profile or setting, and when. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { user, loading } = useCurrentUser();
  usePageTitle(t('auditLog.title'));
  return (
    <div>
      <h1 className={pageTitle}>{t('auditLog.title')}</h1>
      {!user ? (
        loading ? (
          <Loading />
        ) : (
          <AccessNotice reason="signIn" />
        )
      ) : !isOrganiser(user) ? (
        <AccessNotice reason="staffOnly" />
      ) : (
        <AuditLog />
      )}
    </div>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const filter = useMemo<AuditLogFilter>(
    () => ({
      actions: isAuditAction(action) ? [action] : undefined,
      from: jstBound(from, false),
      to: jstBound(to, true),
    }),
    [action, from, to],
  );
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditLogDocument, {
    variables: { filter, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.auditLog;
  const entries = connection?.edges.map((edge) => edge.node) ?? [];
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const csv = new URLSearchParams();
  if (filter.actions) csv.set('actions', filter.actions.join(','));
  if (filter.from) csv.set('from', filter.from);
  if (filter.to) csv.set('to', filter.to);
  const csvHref = `/audit-log.csv${csv.size ? `?${csv}` : ''}`;

  const { loadingMore, loadMore } = useLoadMore(connection?.pageInfo.endCursor, (after) =>
    fetchMore({ variables: { after } }),
  );

  return (
    <>
      <p className="mt-4 text-std-16N-170">{t('auditLog.lead')}</p>
      <form
        role="search"
        aria-label={t('auditLog.filtersLabel')}
        className="mt-6 grid gap-4 md:grid-cols-3"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          id="audit-action"
          label={t('auditLog.action')}
          value={isAuditAction(action) ? action : ''}
          onChange={(event) => setParam('action', event.target.value)}
          options={[
            { value: '', label: t('common.all') },
            ...AUDIT_ACTIONS.map((value) => ({ value, label: t(actionKey(value)) })),
          ]}
        />
        <TextField
          id="audit-from"
          label={t('auditLog.from')}
          hint={t('auditLog.dateHint')}
          type="date"
          value={from}
          max={to || undefined}
          onChange={(event) => setParam('from', event.target.value)}
        />
        <TextField
          id="audit-to"
          label={t('auditLog.to')}
          hint={t('auditLog.dateHint')}
          type="date"
          value={to}
          min={from || undefined}
          onChange={(event) => setParam('to', event.target.value)}
        />
      </form>
      <p className="mt-4">
        <a href={csvHref} className="link-text inline-flex min-h-11 items-center text-std-16B-170" download>
          {t('auditLog.csv')}
        </a>
      </p>

      <section aria-labelledby="audit-results" className="mt-6">
        <h2 id="audit-results" className={sectionTitle}>
          {t('auditLog.resultsHeading')}
        </h2>
        <PagedListResults
          connection={connection}
          totalText={(values) => t('auditLog.total', values)}
          statusClassName="mt-2"
          error={error}
          loading={loading}
          onRetry={() => void refetch()}
          empty={entries.length === 0}
          emptyText={t('auditLog.empty')}
        >
          {(connection) => (
            <>
              {/* A wide table scrolls inside its own box on a phone; the box takes focus so a keyboard can scroll it. */}
              <div
                role="region"
                aria-label={t('auditLog.tableLabel')}
                tabIndex={0}
                className="mt-4 overflow-x-auto focus-visible:outline-4"
              >
                <table className="w-full min-w-[52rem] border-collapse text-left">
                  <caption className="sr-only">{t('auditLog.resultsHeading')}</caption>
                  <TableHead
                    rule="border-solid-gray-800"
                    nowrap
                    columns={[
                      { label: t('auditLog.colAt') },
                      { label: t('auditLog.colActor') },
                      { label: t('auditLog.action') },
                      { label: t('auditLog.colSubject') },
                      { label: t('auditLog.colChanges') },
                    ]}
                  />
                  <tbody>
                    {entries.map((entry) => {
                      const changed = changes(entry);
                      return (
                        <tr key={entry.id} className="border-b border-solid-gray-420 align-top">
                          <td className="whitespace-nowrap px-3 py-3 text-std-16N-170 tabular-nums">
                            <time dateTime={entry.at}>{formatJst(entry.at, language)}</time>
                          </td>
                          <td lang="ja" className="px-3 py-3 text-std-16N-170">
                            {entry.actorLabel}
                          </td>
                          <th scope="row" className="px-3 py-3 text-std-16B-170">
                            {isAuditAction(entry.action) ? t(actionKey(entry.action)) : entry.action}
                          </th>
                          <td className="px-3 py-3 text-std-16N-170">
                            <span lang="ja">{entry.subjectLabel}</span>
                          </td>
                          <td className="px-3 py-3 text-std-16N-170">
                            {changed.length ? (
                              <ul className="break-all">
                                {changed.map((line) => (
                                  <li key={line}>{line}</li>
                                ))}
                              </ul>
                            ) : (
                              '—'
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              {connection.pageInfo.hasNextPage && (
                <LoadMoreButton loading={loadingMore} onLoadMore={loadMore} />
              )}
            </>
          )}
        </PagedListResults>
      </section>
    </>
  );
}
