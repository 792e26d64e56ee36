import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { HomeStatsDocument } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../shared/format';
import { usePageTitle } from '../../shared/use-page-title';
import { buttonOutline, buttonSolid, sectionTitle, subTitle } from '../../shared/ui-classes';
import { useCurrentUser } from '../auth/use-current-user';
import { HomeSearchForm } from '../case-studies/home-search-form';
import { NewestCases } from '../case-studies/newest-cases';
import { HomeFinderCard } from '../precedents/home-finder-card';
import { JA, withJapanese } from '../../shared/japanese';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-12 border border-solid-gray-420 bg-white p-6">
      <dt className="text-std-17B-170 text-solid-gray-700">{label}</dt>
      <dd className="mt-1 text-std-36B-140 text-blue-1000">{value}</dd>
    </div>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { user } = useCurrentUser();
  const { data, loading, error } = useQuery(HomeStatsDocument);
  usePageTitle(t('home.title'));

  const stats = data?.networkStats;
  const figure = (
    key: 'common.municipalitiesCount' | 'common.prefecturesCount',
    value: number | undefined,
  ) => (value === undefined ? '—' : t(key, { count: value, formatted: formatNumber(value, language) }));

  return (
    <div className="flex flex-col gap-12">
      <section aria-labelledby="home-title" className="rounded-16 bg-blue-50 px-6 py-10 md:px-10">
        <h1 id="home-title" className="text-std-32B-150 text-solid-gray-900 md:text-std-45B-140">
          {t('home.lead')}
        </h1>
        <p className="mt-6 max-w-3xl text-std-17N-170 text-solid-gray-800">{t('home.intro')}</p>
        {user && (
          <p className="mt-4 text-std-17B-170 text-solid-gray-900">
            {withJapanese(t('home.welcome', { name: JA }), user.name)}
          </p>
        )}
        <HomeSearchForm />
      </section>

      <section aria-labelledby="home-stats">
        <h2 id="home-stats" className={sectionTitle}>
          {t('home.statsHeading')}
        </h2>
        {error ? (
          <p className="mt-4 text-std-16N-170">{t('home.statsUnavailable')}</p>
        ) : (
          <dl className="mt-4 grid gap-4 md:grid-cols-3" aria-busy={loading || undefined}>
            <Stat
              label={t('home.membersLabel')}
              value={figure('common.municipalitiesCount', stats?.memberCount)}
            />
            <Stat
              label={t('home.declarationsLabel')}
              value={figure('common.municipalitiesCount', stats?.declarationCount)}
            />
            <Stat
              label={t('home.prefecturesLabel')}
              value={figure('common.prefecturesCount', stats?.prefectureCount)}
            />
          </dl>
        )}
      </section>

      <HomeFinderCard />

      <NewestCases />

      <section aria-labelledby="home-what">
        <h2 id="home-what" className={sectionTitle}>
          {t('home.whatHeading')}
        </h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-3">
          {(['share', 'find', 'meet'] as const).map((item) => (
            <li key={item} className="rounded-12 border border-solid-gray-420 p-6">
              <h3 className={subTitle}>{t(`home.what.${item}Title`)}</h3>
              <p className="mt-2 text-std-16N-170">{t(`home.what.${item}Body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="home-start">
        <h2 id="home-start" className={sectionTitle}>
          {t('home.startHeading')}
        </h2>
        <div className="mt-4 flex flex-wrap gap-4">
          <Link to="/cases" className={buttonSolid}>
            {t('home.findCases')}
          </Link>
          {user?.role === 'OFFICER' && user.municipality?.membershipStatus === 'MEMBER' && (
            <Link to="/cases/new" className={buttonOutline}>
              {t('home.writeCase')}
            </Link>
          )}
          <Link to="/municipalities" className={buttonOutline}>
            {t('home.browseMembers')}
          </Link>
          <Link to="/declarations" className={buttonOutline}>
            {t('home.readDeclaration')}
          </Link>
        </div>
        {!user && (
          <p className="mt-6 text-std-16N-170">
            {t('home.loginPrompt')}{' '}
            <Link to="/login" className="link-text">
              {t('home.loginLink')}
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
