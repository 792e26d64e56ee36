import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { MyMunicipalityCaseStudiesDocument, type CaseStatus } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { formatDateTimeAsDate, formatNumber } from '../../shared/format';
import { ErrorNotice, Loading } from '../../shared/status';
import { buttonSolid, pageTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { loginPath } from '../auth/redirect';
import { municipalityName } from '../municipalities/labels';
import { useCurrentUser } from '../auth/use-current-user';
import { StatusBadge, VisibilityBadge } from './badges';
import { CASE_STATUSES, isCaseStatus, statusLabel } from './labels';
import { TableHead } from '../../shared/table-head';
import { JA, withJapanese } from '../../shared/japanese';

/** 自分の自治体の事例: an officer's own municipality's cases, drafts and archived ones included. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const location = useLocation();
  const [params] = useSearchParams();
  const { user, loading: userLoading } = useCurrentUser();
  const isOfficer = user?.role === 'OFFICER';
  const statusParam = params.get('status');
  const status: CaseStatus | '' = isCaseStatus(statusParam) ? statusParam : '';
  // One list, filtered here: a municipality has tens of cases, and the counts per status come for free.
  const { data, error, refetch } = useQuery(MyMunicipalityCaseStudiesDocument, {
    skip: !isOfficer,
    fetchPolicy: 'cache-and-network',
  });
  // Named like the menu item that leads here: whose cases these are.
  const heading =
    isOfficer && user.municipality
      ? t('nav.myCases', { name: municipalityName(user.municipality, language) })
      : t('myCases.title');
  usePageTitle(heading);

  const all = data?.myMunicipalityCaseStudies;
  const cases = all?.filter((item) => !status || item.status === status);
  const countOf = (value: CaseStatus | '') =>
    all?.filter((item) => !value || item.status === value).length ?? 0;

  return (
    <div>
      <h1 className={pageTitle}>{heading}</h1>
      {userLoading ? (
        <Loading />
      ) : !user ? (
        <p className="mt-4 text-std-16N-170">
          {t('myCases.loginRequired')}{' '}
          <Link className="link-text" to={loginPath(location.pathname + location.search)}>
            {t('nav.login')}
          </Link>
        </p>
      ) : !isOfficer ? (
        <p className="mt-4 text-std-16N-170">{t('myCases.officersOnly')}</p>
      ) : (
        <>
          <p className="mt-4 text-std-16N-170">
            {t('myCases.lead', {
              name: user.municipality ? municipalityName(user.municipality, language) : '',
            })}
          </p>
          <p className="mt-6">
            <Link to="/cases/new" className={buttonSolid}>
              {t('myCases.new')}
            </Link>
          </p>

          <nav aria-label={t('myCases.filterLabel')} className="mt-8">
            <ul className="flex flex-wrap gap-2">
              {(['', ...CASE_STATUSES] as const).map((value) => {
                const active = value === status;
                return (
                  <li key={value || 'all'}>
                    <Link
                      to={value ? `/my/cases?status=${value}` : '/my/cases'}
                      replace
                      aria-current={active ? 'page' : undefined}
                      className={`inline-flex min-h-11 items-center rounded-full border px-4 text-oln-16B-100 hover:underline ${
                        active
                          ? 'border-blue-900 bg-blue-900 text-white'
                          : 'border-solid-gray-600 bg-white text-solid-gray-800'
                      }`}
                    >
                      {value ? statusLabel(value, language) : t('common.all')}
                      <span className="ml-2 font-normal">
                        {t('myCases.count', { formatted: formatNumber(countOf(value), language) })}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>

          {error && !all ? (
            <ErrorNotice error={error} onRetry={() => void refetch()} />
          ) : !cases ? (
            <Loading />
          ) : cases.length === 0 ? (
            <p className="mt-6 text-std-16N-170">{status ? t('myCases.emptyStatus') : t('myCases.empty')}</p>
          ) : (
            <div className="mt-6 overflow-x-auto">
              <table className="w-full border-collapse text-left md:min-w-[44rem]">
                <caption className="sr-only">
                  {t('myCases.caption', { status: status ? statusLabel(status, language) : t('common.all') })}
                </caption>
                <TableHead
                  rule="border-solid-gray-800"
                  columns={[
                    { label: t('caseFields.title') },
                    { label: t('caseFields.status'), className: 'whitespace-nowrap' },
                    {
                      label: t('caseFields.visibility'),
                      className: 'hidden whitespace-nowrap md:table-cell',
                    },
                    { label: t('case.updatedAt'), className: 'hidden whitespace-nowrap md:table-cell' },
                    { label: t('myCases.actions'), className: 'whitespace-nowrap' },
                  ]}
                />
                <tbody>
                  {cases.map((item) => (
                    <tr key={item.id} className="border-b border-solid-gray-420 align-top">
                      <th scope="row" className="px-3 py-3 text-std-16B-170">
                        <Link to={`/cases/${item.id}`} className="link-text" lang="ja">
                          {item.title}
                        </Link>
                        <span className="block text-std-16N-170 font-normal text-solid-gray-700 md:hidden">
                          {t('myCases.updatedOn', { date: formatDateTimeAsDate(item.updatedAt, language) })}
                        </span>
                      </th>
                      <td className="px-3 py-3 whitespace-nowrap">
                        <StatusBadge status={item.status} />
                      </td>
                      <td className="hidden px-3 py-3 whitespace-nowrap md:table-cell">
                        <VisibilityBadge visibility={item.visibility} />
                      </td>
                      <td className="hidden px-3 py-3 text-std-16N-170 whitespace-nowrap md:table-cell">
                        {formatDateTimeAsDate(item.updatedAt, language)}
                      </td>
                      <td className="px-3 py-3 text-std-16N-170 whitespace-nowrap">
                        <Link to={`/cases/${item.id}/edit`} className="link-text">
                          {t('myCases.edit')}
                          <span className="sr-only">
                            {withJapanese(t('myCases.editWhich', { title: JA }), item.title)}
                          </span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
