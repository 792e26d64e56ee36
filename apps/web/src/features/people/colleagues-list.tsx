import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ColleaguesDocument } from '../../graphql/generated/graphql';
import { sectionTitle } from '../../shared/ui-classes';
import { LoadMoreButton } from '../../shared/load-more-button';
import { PagedListResults, useLoadMore } from '../../shared/paged-list';

const PAGE_SIZE = 50;

/**
 * An officer's colleagues: the accounts of their own municipality (the API narrows the list), with what
 * an officer may read of them (a colleague's status and last login are the staff's business).
 */
export function ColleaguesList() {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(ColleaguesDocument, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.users;
  const people = connection?.edges.map((edge) => edge.node) ?? [];

  const { loadingMore, loadMore } = useLoadMore(connection?.pageInfo.endCursor, (after) =>
    fetchMore({ variables: { after } }),
  );

  return (
    <section aria-labelledby="colleagues-heading" className="mt-12">
      <h2 id="colleagues-heading" className={sectionTitle}>
        {t('people.colleaguesHeading')}
      </h2>
      <PagedListResults
        connection={connection}
        totalText={(values) => t('people.total', values)}
        statusClassName="mt-2"
        error={error}
        loading={loading}
        onRetry={() => void refetch()}
      >
        {() => (
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
      </PagedListResults>
      {connection?.pageInfo.hasNextPage && <LoadMoreButton loading={loadingMore} onLoadMore={loadMore} />}
    </section>
  );
}
