import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  MemberMunicipalityOptionsDocument,
  PeopleDocument,
  type PersonRowFragment,
  type Role,
  type UserFilter,
  type UserStatus,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { roleLabel } from '../../shared/domain-labels';
import { focusPageHeadingSoon } from '../../shared/focus-heading';
import { SelectField } from '../../shared/form-fields';
import { SuccessNotice } from '../../shared/status';
import { sectionTitle } from '../../shared/ui-classes';
import type { CurrentUser } from '../auth/use-current-user';
import { municipalityName } from '../municipalities/labels';
import { lastLogin, ROLES, USER_STATUSES } from './people-labels';
import { RowActions } from './row-actions';
import { LoadMoreButton } from '../../shared/load-more-button';
import { PagedListResults, useLoadMore } from '../../shared/paged-list';
import { TableHead } from '../../shared/table-head';
import { ImeSearchField } from '../../shared/ime-search-field';

const PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

function isRole(value: string | null): value is Role {
  return (ROLES as readonly string[]).includes(value ?? '');
}
function isStatus(value: string | null): value is UserStatus {
  return (USER_STATUSES as readonly string[]).includes(value ?? '');
}

/** Every account, for the staff, with filters held in the URL. */
export function PeopleList({ me }: { me: CurrentUser }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string>();
  const municipality = params.get('municipality') ?? '';
  const role = params.get('role');
  const status = params.get('status');
  const login = params.get('login') ?? '';
  const query = params.get('q') ?? '';
  const isAdmin = me.role === 'ADMIN';

  // The day, not the millisecond: the filter is the cache key of the list and must not change by itself.
  const filter = useMemo<UserFilter>(() => {
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    return {
      municipalityCode: municipality || undefined,
      roles: isRole(role) ? [role] : undefined,
      statuses: isStatus(status) ? [status] : undefined,
      query: query || undefined,
      neverLoggedIn: login === 'never' ? true : undefined,
      lastLoginBefore: login === '90' ? new Date(today.getTime() - 90 * DAY_MS).toISOString() : undefined,
    };
  }, [municipality, role, status, query, login]);
  const { data, loading, error, refetch, fetchMore } = useQuery(PeopleDocument, {
    variables: { filter, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const { data: options } = useQuery(MemberMunicipalityOptionsDocument);
  const connection = data?.users;
  const people = connection?.edges.map((edge) => edge.node) ?? [];

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const anyFilter = Boolean(municipality || role || status || login || query);

  const { loadingMore, loadMore } = useLoadMore(connection?.pageInfo.endCursor, (after) =>
    fetchMore({ variables: { after } }),
  );

  const done = (message: string) => {
    setActionError(undefined);
    setNotice(message);
    void refetch();
    focusPageHeadingSoon();
  };
  const actions = (person: PersonRowFragment) =>
    person.id !== me.id ? (
      <RowActions person={person} isAdmin={isAdmin} onDone={done} onError={setActionError} />
    ) : null;

  return (
    <section aria-labelledby="people-heading" className="mt-10">
      <h2 id="people-heading" className={sectionTitle}>
        {t('people.listHeading')}
      </h2>
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
      {actionError && (
        <p role="alert" className="mt-4 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170">
          {actionError}
        </p>
      )}

      <form
        role="search"
        aria-label={t('people.filtersLabel')}
        className="mt-4 grid gap-4 md:grid-cols-3"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          id="people-municipality"
          label={t('people.municipality')}
          value={municipality}
          onChange={(event) => setParam('municipality', event.target.value)}
          options={[
            { value: '', label: t('common.all') },
            ...(options?.municipalities.edges ?? []).map(({ node }) => ({
              value: node.code,
              label: municipalityName(node, language),
            })),
          ]}
        />
        <SelectField
          id="people-role"
          label={t('people.role')}
          value={isRole(role) ? role : ''}
          onChange={(event) => setParam('role', event.target.value)}
          options={[
            { value: '', label: t('common.all') },
            ...ROLES.map((r) => ({ value: r, label: roleLabel(r, language) })),
          ]}
        />
        <SelectField
          id="people-status"
          label={t('people.status')}
          value={isStatus(status) ? status : ''}
          onChange={(event) => setParam('status', event.target.value)}
          options={[
            { value: '', label: t('common.all') },
            ...USER_STATUSES.map((s) => ({ value: s, label: t(`people.status${s}`) })),
          ]}
        />
        <SelectField
          id="people-login"
          label={t('people.lastLogin')}
          value={login}
          onChange={(event) => setParam('login', event.target.value)}
          options={[
            { value: '', label: t('common.all') },
            { value: 'never', label: t('people.loginNever') },
            { value: '90', label: t('people.login90') },
          ]}
        />
        <div className="md:col-span-2">
          {/* The name/e-mail search, IME-aware like the municipality search: nothing is asked while composing. */}
          <ImeSearchField
            id="people-search"
            label={t('people.search')}
            hint={t('people.searchHint')}
            value={query}
            onCommit={(value) => setParam('q', value)}
            debounceMs={350}
          />
        </div>
        {anyFilter && (
          <div className="md:col-span-3">
            <button
              type="button"
              className="link-text inline-flex min-h-11 items-center text-std-16N-170"
              onClick={() => setParams(new URLSearchParams(), { replace: true })}
            >
              {t('municipalities.clearFilters')}
            </button>
          </div>
        )}
      </form>

      <PagedListResults
        connection={connection}
        totalText={(values) => t('people.total', values)}
        statusClassName="mt-6"
        error={error}
        loading={loading}
        onRetry={() => void refetch()}
        empty={people.length === 0}
        emptyText={t('people.empty')}
      >
        {(connection) => (
          <>
            {/* From md a table; on a phone each account is a card (a six-column table does not fit 375px). */}
            <table className="mt-4 hidden w-full border-collapse text-left md:table">
              <caption className="sr-only">{t('people.listHeading')}</caption>
              <TableHead
                rule="border-solid-gray-800"
                columns={[
                  { label: t('people.colName') },
                  { label: t('people.colRole') },
                  { label: t('people.municipality') },
                  { label: t('people.status') },
                  { label: t('people.lastLogin') },
                  { label: t('people.colActions') },
                ]}
              />
              <tbody>
                {people.map((person) => (
                  <tr key={person.id} className="border-b border-solid-gray-420 align-top">
                    <th scope="row" className="px-3 py-3 font-normal">
                      <span lang="ja" className="block text-std-16B-170">
                        {person.name}
                      </span>
                      <span className="block break-all text-std-16N-170 text-solid-gray-700">
                        {person.email}
                      </span>
                    </th>
                    <td className="px-3 py-3 text-std-16N-170">{roleLabel(person.role, language)}</td>
                    <td className="px-3 py-3 text-std-16N-170">
                      {person.municipality ? municipalityName(person.municipality, language) : '—'}
                    </td>
                    <td className="px-3 py-3 text-std-16N-170">
                      <StatusBadge status={person.status} />
                    </td>
                    <td className="px-3 py-3 text-std-16N-170">
                      {lastLogin(person.lastLoginAt, language, t)}
                    </td>
                    <td className="px-3 py-3">{actions(person)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ul className="mt-4 flex flex-col gap-4 md:hidden" aria-label={t('people.cardsLabel')}>
              {people.map((person) => (
                <li key={person.id} className="rounded-12 border border-solid-gray-420 p-4">
                  <p lang="ja" className="text-std-17B-170">
                    {person.name}
                  </p>
                  <p className="break-all text-std-16N-170 text-solid-gray-700">{person.email}</p>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-std-16N-170">
                    <dt className="font-bold">{t('people.colRole')}</dt>
                    <dd>{roleLabel(person.role, language)}</dd>
                    {person.municipality && (
                      <>
                        <dt className="font-bold">{t('people.municipality')}</dt>
                        <dd>{municipalityName(person.municipality, language)}</dd>
                      </>
                    )}
                    <dt className="font-bold">{t('people.status')}</dt>
                    <dd>
                      <StatusBadge status={person.status} />
                    </dd>
                    <dt className="font-bold">{t('people.lastLogin')}</dt>
                    <dd>{lastLogin(person.lastLoginAt, language, t)}</dd>
                  </dl>
                  {person.id !== me.id && <div className="mt-3">{actions(person)}</div>}
                </li>
              ))}
            </ul>
            {connection.pageInfo.hasNextPage && (
              <LoadMoreButton loading={loadingMore} onLoadMore={loadMore} />
            )}
          </>
        )}
      </PagedListResults>
    </section>
  );
}

function StatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full border px-3 py-0.5 text-dns-14B-130 ${
        status === 'ACTIVE'
          ? 'border-green-800 bg-green-50 text-green-1000'
          : 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-800'
      }`}
    >
      {t(`people.status${status}`)}
    </span>
  );
}
