import { useEffect, useMemo, useRef, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { MunicipalitiesDocument, type MunicipalityFilter } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { membershipStatusLabel, municipalityKindLabel } from '../../shared/domain-labels';
import { formatNumber } from '../../shared/format';
import { SelectField } from '../../shared/form-fields';
import { ErrorNotice } from '../../shared/status';
import { pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import {
  MEMBERSHIP_STATUSES,
  MUNICIPALITY_KINDS,
  PREFECTURES,
  isMembershipStatus,
  isMunicipalityKind,
  isPrefectureCode,
  municipalityName,
  prefectureName,
} from './labels';
import { MembershipBadge } from './membership-badge';
import { MunicipalitySearchBox } from './municipality-search-box';
import { LoadMoreButton } from '../../shared/load-more-button';
import { TableHead } from '../../shared/table-head';
import { PagedListResults } from '../../shared/paged-list';

const PAGE_SIZE = 20;

type FilterParam = 'prefecture' | 'kind' | 'status' | 'q';

export function MunicipalityListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  usePageTitle(t('municipalities.title'));
  const [params, setParams] = useSearchParams();
  const [announcement, setAnnouncement] = useState('');
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const focusRowAfterLoad = useRef<number | null>(null);

  // The filters live in the URL so that a filtered list can be bookmarked and shared.
  const prefectureParam = params.get('prefecture') ?? '';
  const prefecture = isPrefectureCode(prefectureParam) ? prefectureParam : '';
  const kindParam = params.get('kind');
  const kind = isMunicipalityKind(kindParam) ? kindParam : '';
  const statusParam = params.get('status');
  const status = isMembershipStatus(statusParam) ? statusParam : '';
  const search = params.get('q')?.trim() ?? '';
  const anyFilter = Boolean(prefecture || kind || status || search);

  const filter = useMemo<MunicipalityFilter>(() => {
    const value: MunicipalityFilter = {};
    if (prefecture) value.prefectureCodes = [prefecture];
    if (kind) value.kinds = [kind];
    // The register also holds municipalities outside the network; this directory lists the network.
    value.membershipStatuses = status ? [status] : [...MEMBERSHIP_STATUSES];
    if (search) value.search = search;
    return value;
  }, [prefecture, kind, status, search]);

  const { data, previousData, loading, error, refetch, fetchMore, networkStatus } = useQuery(
    MunicipalitiesDocument,
    {
      variables: { filter, first: PAGE_SIZE },
      notifyOnNetworkStatusChange: true,
    },
  );
  const connection = (data ?? previousData)?.municipalities;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const edges = connection?.edges ?? [];

  // After 「さらに表示」, put keyboard and screen-reader users on the first newly shown row rather
  // than leaving them on the button (which disappears on the last page).
  useEffect(() => {
    const index = focusRowAfterLoad.current;
    if (index === null || edges.length <= index) return;
    focusRowAfterLoad.current = null;
    tableRef.current?.querySelectorAll<HTMLElement>('tr > th a')[index]?.focus();
  }, [edges.length]);

  function setParam(name: FilterParam, value: string, replace = false) {
    setAnnouncement('');
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace },
    );
  }

  const population = (value: number | null) =>
    value === null
      ? t('common.unknown')
      : t('common.people', { count: value, formatted: formatNumber(value, language) });

  async function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    focusRowAfterLoad.current = edges.length;
    const result = await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    const added = result.data?.municipalities.edges.length ?? 0;
    setAnnouncement(t('municipalities.loadedMore', { count: added }));
  }

  // The 47 prefectures are fixed: take them from the shared library rather than a round trip.
  const prefectureOptions = [
    { value: '', label: t('common.all') },
    ...PREFECTURES.map((item) => ({ value: item.code, label: prefectureName(item, language) })),
  ];

  return (
    <div>
      <h1 className={pageTitle}>{t('municipalities.title')}</h1>
      <p className="mt-4 text-std-16N-170">{t('municipalities.lead')}</p>

      <section
        aria-labelledby="filters-heading"
        className="mt-8 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 md:p-6"
      >
        <h2 id="filters-heading" className="text-std-20B-150 text-solid-gray-900">
          {t('municipalities.filtersHeading')}
        </h2>
        <form
          role="search"
          className="mt-4 grid gap-4 md:grid-cols-3"
          onSubmit={(event) => event.preventDefault()}
        >
          <SelectField
            id="filter-prefecture"
            label={t('municipalities.prefecture')}
            value={prefecture}
            options={prefectureOptions}
            onChange={(event) => setParam('prefecture', event.target.value)}
          />
          <SelectField
            id="filter-kind"
            label={t('municipalities.kind')}
            value={kind}
            options={[
              { value: '', label: t('common.all') },
              ...MUNICIPALITY_KINDS.map((value) => ({
                value,
                label: municipalityKindLabel(value, language),
              })),
            ]}
            onChange={(event) => setParam('kind', event.target.value)}
          />
          <SelectField
            id="filter-status"
            label={t('municipalities.status')}
            value={status}
            options={[
              { value: '', label: t('common.all') },
              ...MEMBERSHIP_STATUSES.map((value) => ({
                value,
                label: membershipStatusLabel(value, language),
              })),
            ]}
            onChange={(event) => setParam('status', event.target.value)}
          />
          <div className="md:col-span-3">
            <MunicipalitySearchBox value={search} onCommit={(value) => setParam('q', value, true)} />
          </div>
          {anyFilter && (
            <div className="md:col-span-3">
              <button
                type="button"
                className="link-text text-std-16N-170"
                onClick={() => setParams(new URLSearchParams())}
              >
                {t('municipalities.clearFilters')}
              </button>
            </div>
          )}
        </form>
      </section>

      <section aria-labelledby="results-heading" className="mt-10" aria-busy={loading || undefined}>
        <h2 id="results-heading" className={sectionTitle}>
          {t('municipalities.resultsHeading')}
        </h2>
        <PagedListResults
          connection={connection}
          totalText={(values) => t('municipalities.total', values)}
          statusClassName="mt-2"
          error={error}
          loading={loading}
          onRetry={() => void refetch()}
          empty={edges.length === 0}
          emptyText={t('municipalities.empty')}
        >
          {(connection) => (
            <>
              <div className="mt-4 overflow-x-auto">
                <table className="w-full border-collapse text-left md:min-w-[40rem]">
                  <caption className="sr-only">{t('municipalities.tableCaption')}</caption>
                  <TableHead
                    rule="border-solid-gray-800"
                    columns={[
                      { label: t('municipalities.colName') },
                      { label: t('municipalities.colPrefecture'), className: 'hidden md:table-cell' },
                      { label: t('municipalities.colKind'), className: 'hidden md:table-cell' },
                      {
                        label: t('municipalities.colPopulation'),
                        className: 'hidden text-right md:table-cell',
                      },
                      { label: t('municipalities.colStatus') },
                    ]}
                  />
                  <tbody ref={tableRef}>
                    {edges.map(({ node }) => (
                      <tr key={node.id} className="border-b border-solid-gray-420 align-top">
                        <th scope="row" className="px-3 py-3 font-normal">
                          <Link to={`/municipalities/${node.code}`} className="link-text text-std-17B-170">
                            {municipalityName(node, language)}
                          </Link>
                          {/* Under the name: its reading in Japanese, the Japanese name itself in English. */}
                          <span lang="ja" className="block text-std-16N-170 text-solid-gray-700">
                            {language === 'en' && node.nameEn ? node.name : node.kana}
                          </span>
                          {/* On small screens the three middle columns fold into one line under the name. */}
                          <span className="block text-std-16N-170 text-solid-gray-700 md:hidden">
                            {[
                              prefectureName(node.prefecture, language),
                              municipalityKindLabel(node.kind, language),
                              population(node.population),
                            ].join(language === 'ja' ? '・' : ', ')}
                          </span>
                        </th>
                        <td className="hidden px-3 py-3 text-std-16N-170 md:table-cell">
                          {prefectureName(node.prefecture, language)}
                        </td>
                        <td className="hidden px-3 py-3 text-std-16N-170 md:table-cell">
                          {municipalityKindLabel(node.kind, language)}
                        </td>
                        <td className="hidden px-3 py-3 text-right text-std-16N-170 tabular-nums md:table-cell">
                          {population(node.population)}
                        </td>
                        <td className="px-3 py-3">
                          <MembershipBadge status={node.membershipStatus} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="mt-4 text-std-16N-170 text-solid-gray-700">
                {t('municipalities.showing', {
                  total: formatNumber(connection.totalCount, language),
                  shown: formatNumber(edges.length, language),
                })}
              </p>
              {error && <ErrorNotice error={error} />}
              {connection.pageInfo.hasNextPage && (
                <LoadMoreButton
                  loading={loadingMore}
                  onLoadMore={loadMore}
                  remaining={t('municipalities.loadMoreRemaining', {
                    formatted: formatNumber(connection.totalCount - edges.length, language),
                  })}
                />
              )}
            </>
          )}
        </PagedListResults>
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
      </section>
    </div>
  );
}
