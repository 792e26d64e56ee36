import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { CASE_THEMES } from '@yokoten/case-studies';
import { PublicNetworkSummaryDocument } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../shared/format';
import { ErrorNotice, Loading } from '../../shared/status';
import { sectionTitle } from '../../shared/ui-classes';
import { themeLabel } from '../adoption/adoption-labels';
import { loginPath } from '../auth/redirect';
import { HorizontalBars } from './charts';
import { TileMap } from './tile-map';

/**
 * What a visitor sees of ネットワークの状況: the figures anyone can already read (members, declarations,
 * prefectures) and the public cases counted by theme and by prefecture, from the same search any visitor
 * can run. Session participation, adoptions and members-only cases stay behind the login.
 */
export function PublicSummary() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(PublicNetworkSummaryDocument);
  if (error) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (loading || !data) return <Loading />;
  const stats = data.networkStats;
  const facet = (field: string) => data.searchCaseStudies.facets.find((f) => f.field === field)?.values ?? [];
  const byTheme = new Map(facet('themes').map((v) => [v.value, v.count]));
  const themes = CASE_THEMES.map((theme) => ({
    label: themeLabel(theme, language),
    value: byTheme.get(theme) ?? 0,
  }));
  const tiles = facet('prefecture').map((v) => ({ prefectureCode: v.value, value: v.count }));
  const figures: Array<[string, string]> = [
    [
      t('dashboard.publicMembers'),
      t('common.municipalitiesCount', {
        count: stats.memberCount,
        formatted: formatNumber(stats.memberCount, language),
      }),
    ],
    [
      t('dashboard.publicDeclarations'),
      t('common.municipalitiesCount', {
        count: stats.declarationCount,
        formatted: formatNumber(stats.declarationCount, language),
      }),
    ],
    [
      t('dashboard.publicPrefectures'),
      t('common.prefecturesCount', {
        count: stats.prefectureCount,
        formatted: formatNumber(stats.prefectureCount, language),
      }),
    ],
    [
      t('dashboard.publicCases'),
      t('dashboard.casesValue', { formatted: formatNumber(data.searchCaseStudies.totalHits, language) }),
    ],
  ];
  return (
    <div className="mt-6 flex flex-col gap-10">
      <p className="text-std-16N-170">
        {t('dashboard.publicLead')}{' '}
        <Link className="link-text" to={loginPath(location.pathname)}>
          {t('dashboard.publicLogin')}
        </Link>
      </p>
      <section aria-labelledby="public-figures">
        <h2 id="public-figures" className={sectionTitle}>
          {t('dashboard.publicFiguresHeading')}
        </h2>
        <dl className="mt-4 grid gap-4 sm:grid-cols-2 md:grid-cols-4">
          {figures.map(([label, value]) => (
            <div key={label} className="rounded-12 border border-solid-gray-420 p-4">
              <dt className="text-std-16N-170 text-solid-gray-700">{label}</dt>
              <dd className="mt-1 text-std-24B-150 text-solid-gray-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="public-themes">
        <h2 id="public-themes" className={sectionTitle}>
          {t('dashboard.publicThemesHeading')}
        </h2>
        <div aria-hidden="true" className="mt-4">
          <HorizontalBars data={themes} labelWidth={language === 'ja' ? 170 : 200} />
        </div>
        <table className="mt-4 w-full max-w-xl text-left text-std-16N-170">
          <caption className="text-left text-std-16B-170">{t('dashboard.publicThemesCaption')}</caption>
          <thead>
            <tr className="border-b border-solid-gray-420">
              <th scope="col" className="py-2">
                {t('dashboard.theme')}
              </th>
              <th scope="col" className="py-2 text-right">
                {t('dashboard.cases')}
              </th>
            </tr>
          </thead>
          <tbody>
            {themes.map((row) => (
              <tr key={row.label} className="border-b border-solid-gray-200">
                <th scope="row" className="py-2 font-normal">
                  {row.label}
                </th>
                <td className="py-2 text-right">{formatNumber(row.value, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="public-map">
        <h2 id="public-map" className={sectionTitle}>
          {t('dashboard.publicMapHeading')}
        </h2>
        <div className="mt-4">
          <TileMap
            values={tiles}
            metricLabel={t('dashboard.metricCases')}
            unit={(value) => t('dashboard.casesValue', { formatted: formatNumber(value, language) })}
            hrefOf={(code) => `/cases?${new URLSearchParams({ pref: code })}`}
          />
        </div>
      </section>
    </div>
  );
}
