import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ColleaguesDocument } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../shared/format';
import { ErrorNotice, Loading } from '../../shared/status';
import { sectionTitle } from '../../shared/ui-classes';
import { LoadMoreButton } from '../../shared/load-more-button';

const PAGE_SIZE = 50;

/**
 * An officer's colleagues: the accounts of their own municipality (the API narrows the list), with what
 * an officer may read of them (a colleague's status and last login are the staff's business).
 */
export function ColleaguesList() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { data, loading, error, refetch, fetchMore } = useQuery(ColleaguesDocument, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = data?.users;
  const people = connection?.edges.map((edge) => edge.node) ?? [];

  async function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <section aria-labelledby="colleagues-heading" className="mt-12">
      <h2 id="colleagues-heading" className={sectionTitle}>
        {t('people.colleaguesHeading')}
      </h2>
      <p role="status" className="mt-2 text-std-17B-170">
        {connection
          ? t('people.total', {
              count: connection.totalCount,
              formatted: formatNumber(connection.totalCount, language),
            })
          : ''}
      </p>
      {error && !connection ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !connection ? (
        loading ? (
          <Loading />
        ) : null
      ) : (
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {people.map((person) => (
            <li key={person.id} className="rounded-12 border border-solid-gray-420 p-4">
              <p lang="ja" className="text-std-17B-170">
                {person.name}
              </p>
              <p lang="ja" className="text-std-16N-170">
                {[person.department, person.title].filter(Boolean).join(' ') || '—'}
              </p>
              <p className="break-all text-std-16N-170">
                <a className="link-text" href={`mailto:${person.email}`}>
                  {person.email}
                </a>
              </p>
              {person.phone && <p className="text-std-16N-170 tabular-nums">{person.phone}</p>}
            </li>
          ))}
        </ul>
      )}
      {connection?.pageInfo.hasNextPage && <LoadMoreButton loading={loadingMore} onLoadMore={loadMore} />}
    </section>
  );
}
