import { useId, useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTerm, isCaseTheme } from '@yokoten/case-studies';
import { NetworkDashboardDocument, type NetworkDashboardQuery } from '../../graphql/generated/graphql';
import { currentLanguage, type Language } from '../../i18n/i18n';
import { formatDateTimeAsDate, formatNumber } from '../../shared/format';
import { apiProblem } from '../../shared/errors';
import { ErrorNotice, Loading } from '../../shared/status';
import { pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { ScrollHint, scrollShadows, useHorizontalOverflow } from '../../shared/scroll-hint';
import { adoptionStatusLabel, fiscalYearLabel, themeLabel } from '../adoption/adoption-labels';
import { useCurrentUser } from '../auth/use-current-user';
import { municipalityWithPrefecture, prefectureName } from '../municipalities/labels';
import { ColumnBars, BarsAndLine, HorizontalBars } from './charts';
import { PublicSummary } from './public-summary';
import { MyActivity } from './my-activity';
import { TileMap } from './tile-map';
import { PREFECTURES } from '@yokoten/case-studies';

type Dashboard = NetworkDashboardQuery['networkDashboard'];
type Metric = 'caseCount' | 'memberCount' | 'adoptionCount';

// Column headings never break inside a word (「順位」 read 順／位 on a phone): a table wider than the
// screen scrolls inside its own box (DataTable). Narrower padding on phones keeps most of them whole.
const th = 'whitespace-nowrap px-2 py-2 text-left text-std-16B-170 sm:px-3';
const td = 'px-2 py-2 text-left text-std-16N-170 sm:px-3';
const num = 'px-2 py-2 text-right text-std-16N-170 tabular-nums sm:px-3';

/** The start of a case's title for a chart's axis (the table beside it has the whole title). */
function shortTitle(title: string, length = 12): string {
  const chars = [...title];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : title;
}

function termLabel(term: string, fallback: string, language: Language): string {
  try {
    return formatTerm(term, language);
  } catch {
    return fallback;
  }
}

/** A table of figures, scrollable by keyboard on narrow screens. */
function DataTable({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  const id = useId();
  const { ref, overflows } = useHorizontalOverflow<HTMLDivElement>();
  return (
    <div className="min-w-0">
      <ScrollHint id={`${id}-scroll`} show={overflows} />
      <div
        ref={ref}
        className="overflow-x-auto"
        style={scrollShadows}
        tabIndex={0}
        role="group"
        aria-labelledby={id}
        aria-describedby={overflows ? `${id}-scroll` : undefined}
      >
        <table className="w-full border-collapse">
          <caption id={id} className="mb-2 text-left text-std-16B-170 text-solid-gray-800">
            {caption}
          </caption>
          <thead>
            <tr className="border-b-2 border-solid-gray-800">{head}</tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </div>
  );
}

interface NumberRow {
  key: string;
  label: ReactNode;
  values: number[];
}

/** The table beside a chart: one row header and its numbers, right-aligned and formatted for the language. */
function NumberTable({
  caption,
  headers: [rowHeader, ...valueHeaders],
  rows,
  language,
}: {
  caption: string;
  headers: [string, ...string[]];
  rows: NumberRow[];
  language: Language;
}) {
  return (
    <DataTable
      caption={caption}
      head={
        <>
          <th scope="col" className={th}>
            {rowHeader}
          </th>
          {valueHeaders.map((h) => (
            <th key={h} scope="col" className={`${th} text-right`}>
              {h}
            </th>
          ))}
        </>
      }
    >
      {rows.map((r) => (
        <tr key={r.key} className="border-b border-solid-gray-420">
          <th scope="row" className={td}>
            {r.label}
          </th>
          {r.values.map((v, i) => (
            <td key={i} className={num}>
              {formatNumber(v, language)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

function Panel({
  id,
  title,
  lead,
  stacked,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  /** Chart and table one above the other (wide tables). */
  stacked?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-12">
      <h2 id={id} className={sectionTitle}>
        {title}
      </h2>
      {lead && <p className="mt-2 max-w-3xl text-std-16N-170 text-solid-gray-700">{lead}</p>}
      <div
        className={`mt-4 grid items-start gap-6 ${stacked ? '' : 'lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]'}`}
      >
        {children}
      </div>
    </section>
  );
}

function Totals({ d, language }: { d: Dashboard; language: Language }) {
  const { t } = useTranslation();
  const items: Array<[string, string]> = [
    [
      t('dashboard.totalMembers'),
      t('common.municipalitiesCount', { formatted: formatNumber(d.totals.members, language) }),
    ],
    [
      t('dashboard.totalCases'),
      t('dashboard.casesValue', { formatted: formatNumber(d.totals.publishedCases, language) }),
    ],
    [
      t('dashboard.totalAdoptions'),
      t('dashboard.adoptionsValue', { formatted: formatNumber(d.totals.countedAdoptions, language) }),
    ],
    [
      t('dashboard.totalRecords'),
      t('dashboard.adoptionsValue', { formatted: formatNumber(d.totals.adoptions, language) }),
    ],
  ];
  return (
    <dl className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-12 border border-solid-gray-420 bg-white p-4">
          <dt className="text-std-16B-170 text-solid-gray-700">{label}</dt>
          <dd className="mt-1 text-std-28B-150 text-blue-1000">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ThemesPanel({ d, language }: { d: Dashboard; language: Language }) {
  const { t } = useTranslation();
  const rows = d.casesByTheme.map((r) => ({
    label: isCaseTheme(r.key) ? themeLabel(r.key, language) : r.label,
    value: r.count,
  }));
  return (
    <Panel id="dash-themes" title={t('dashboard.themesHeading')} lead={t('dashboard.themesLead')}>
      <HorizontalBars data={rows} labelWidth={language === 'ja' ? 170 : 200} />
      <NumberTable
        caption={t('dashboard.themesCaption')}
        headers={[t('dashboard.theme'), t('dashboard.cases')]}
        rows={rows.map((r) => ({ key: r.label, label: r.label, values: [r.value] }))}
        language={language}
      />
    </Panel>
  );
}

function YearsPanel({ d, language }: { d: Dashboard; language: Language }) {
  const { t } = useTranslation();
  const rows = d.casesByFiscalYear.map((r) => ({
    label: fiscalYearLabel(r.fiscalYear, language),
    value: r.count,
  }));
  const short = d.casesByFiscalYear.map((r) => ({
    label:
      language === 'ja'
        ? fiscalYearLabel(r.fiscalYear, language).replace(/（.*）$/, '')
        : `FY${r.fiscalYear}`,
    value: r.count,
  }));
  return (
    <Panel id="dash-years" title={t('dashboard.yearsHeading')} lead={t('dashboard.yearsLead')}>
      <ColumnBars data={short} valueName={t('dashboard.cases')} />
      <NumberTable
        caption={t('dashboard.yearsCaption')}
        headers={[t('dashboard.fiscalYear'), t('dashboard.cases')]}
        rows={rows.map((r) => ({ key: r.label, label: r.label, values: [r.value] }))}
        language={language}
      />
    </Panel>
  );
}

function MapPanel({ d, language }: { d: Dashboard; language: Language }) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<Metric>('caseCount');
  const metricLabels: Record<Metric, string> = {
    caseCount: t('dashboard.metricCases'),
    memberCount: t('dashboard.metricMembers'),
    adoptionCount: t('dashboard.metricAdoptions'),
  };
  const unit = (value: number) =>
    metric === 'memberCount'
      ? t('common.municipalitiesCount', { formatted: formatNumber(value, language) })
      : metric === 'caseCount'
        ? t('dashboard.casesValue', { formatted: formatNumber(value, language) })
        : t('dashboard.adoptionsValue', { formatted: formatNumber(value, language) });
  const rows = d.casesByPrefecture.filter((r) => r.caseCount || r.memberCount || r.adoptionCount);
  const nameOf = (code: string, fallback: string) => {
    const p = PREFECTURES.find((x) => x.code === code);
    return p ? prefectureName(p, language) : fallback;
  };
  return (
    <Panel id="dash-map" title={t('dashboard.mapHeading')} lead={t('dashboard.mapLead')}>
      <div>
        <fieldset className="mb-4">
          <legend className="text-std-16B-170">{t('dashboard.metricLegend')}</legend>
          <div className="mt-1 flex flex-wrap gap-x-6">
            {(Object.keys(metricLabels) as Metric[]).map((m) => (
              <label key={m} className="flex min-h-11 items-center gap-2 text-std-16N-170">
                <input
                  type="radio"
                  name="dash-metric"
                  className="size-5 accent-blue-900"
                  checked={metric === m}
                  onChange={() => setMetric(m)}
                />
                {metricLabels[m]}
              </label>
            ))}
          </div>
        </fieldset>
        <TileMap
          values={d.casesByPrefecture.map((r) => ({ prefectureCode: r.prefectureCode, value: r[metric] }))}
          metricLabel={metricLabels[metric]}
          unit={unit}
          hrefOf={(code) => `/cases?${new URLSearchParams({ pref: code })}`}
        />
      </div>
      <NumberTable
        caption={t('dashboard.mapCaption')}
        headers={[
          t('dashboard.prefecture'),
          t('dashboard.metricMembers'),
          t('dashboard.metricCases'),
          t('dashboard.metricAdoptions'),
        ]}
        rows={rows.map((r) => ({
          key: r.prefectureCode,
          label: nameOf(r.prefectureCode, r.name),
          values: [r.memberCount, r.caseCount, r.adoptionCount],
        }))}
        language={language}
      />
    </Panel>
  );
}

function AdoptionsPanel({ d, language }: { d: Dashboard; language: Language }) {
  const { t } = useTranslation();
  const top = d.topFollowedCases;
  return (
    <Panel
      id="dash-adoptions"
      title={t('dashboard.adoptionsHeading')}
      lead={t('dashboard.adoptionsLead')}
      stacked
    >
      <div className="grid min-w-0 items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        {top.length > 0 ? (
          <HorizontalBars
            // A bar is a case: its rank in the table below and the start of its title (labelled by the
            // municipality alone, two cases of 北見市 read as 北見市 twice).
            data={top.map((f, index) => ({
              label: `${index + 1}. ${shortTitle(f.caseStudy.title)}`,
              value: f.adoptionCount,
            }))}
            labelWidth={210}
          />
        ) : (
          <p className="text-std-16N-170">{t('dashboard.noAdoptions')}</p>
        )}
        <div>
          <NumberTable
            caption={t('dashboard.statusCaption')}
            headers={[t('dashboard.status'), t('dashboard.records')]}
            rows={d.adoptionsByStatus.map((r) => ({
              key: r.key,
              label:
                r.key === 'CONSIDERING' || r.key === 'PILOTING' || r.key === 'ADOPTED'
                  ? adoptionStatusLabel(r.key, language)
                  : r.label,
              values: [r.count],
            }))}
            language={language}
          />
        </div>
      </div>
      <DataTable
        caption={t('dashboard.topCaption')}
        head={
          <>
            <th scope="col" className={th}>
              {t('dashboard.rank')}
            </th>
            <th scope="col" className={th}>
              {t('dashboard.case')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('dashboard.metricAdoptions')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('dashboard.followers')}
            </th>
          </>
        }
      >
        {top.map((f, index) => (
          <tr key={f.caseStudy.id} className="border-b border-solid-gray-420 align-top">
            <td className={num}>{index + 1}</td>
            <th scope="row" className={`${td} min-w-[10rem] font-normal`}>
              <Link to={`/cases/${f.caseStudy.id}`} className="link-text" lang="ja">
                {f.caseStudy.title}
              </Link>
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {municipalityWithPrefecture(f.caseStudy.municipality, language)}
              </span>
            </th>
            <td className={num}>{formatNumber(f.adoptionCount, language)}</td>
            <td className={num}>{formatNumber(f.followerCount, language)}</td>
          </tr>
        ))}
      </DataTable>
    </Panel>
  );
}

function MembershipPanel({ d, language }: { d: Dashboard; language: Language }) {
  const { t } = useTranslation();
  const rows = d.membershipOverTime.map((r) => ({
    label: termLabel(r.term, r.label, language),
    value: r.joined,
    second: r.cumulative,
  }));
  return (
    <Panel id="dash-membership" title={t('dashboard.membershipHeading')} lead={t('dashboard.membershipLead')}>
      <BarsAndLine data={rows} barName={t('dashboard.joined')} lineName={t('dashboard.cumulative')} />
      <NumberTable
        caption={t('dashboard.membershipCaption')}
        headers={[t('dashboard.term'), t('dashboard.joined'), t('dashboard.cumulative')]}
        rows={rows.map((r) => ({ key: r.label, label: r.label, values: [r.value, r.second] }))}
        language={language}
      />
    </Panel>
  );
}

function ParticipationPanel({ d, language }: { d: Dashboard; language: Language }) {
  const { t } = useTranslation();
  const terms = [...new Map(d.sessionParticipation.map((p) => [p.term, p.termLabel])).entries()].sort(
    ([a], [b]) => a.localeCompare(b),
  );
  const perTerm = terms.map(([term, label]) => {
    const rows = d.sessionParticipation.filter((p) => p.term === term);
    return {
      label: termLabel(term, label, language),
      value: rows.reduce((sum, p) => sum + p.registered, 0),
      second: rows.reduce((sum, p) => sum + p.attended, 0),
    };
  });
  const municipalities = [
    ...new Map(d.sessionParticipation.map((p) => [p.municipality.code, p.municipality])).values(),
  ].sort((a, b) => a.code.localeCompare(b.code));
  const cell = (code: string, term: string) =>
    d.sessionParticipation.find((p) => p.municipality.code === code && p.term === term);
  return (
    <Panel
      id="dash-sessions"
      title={t('dashboard.sessionsHeading')}
      lead={t('dashboard.sessionsLead')}
      stacked
    >
      {perTerm.length ? (
        <ColumnBars
          data={perTerm}
          valueName={t('dashboard.registered')}
          secondName={t('dashboard.attended')}
        />
      ) : (
        <p className="text-std-16N-170">{t('dashboard.noSessions')}</p>
      )}
      <DataTable
        caption={t('dashboard.sessionsCaption')}
        head={
          <>
            <th scope="col" className={th}>
              {t('dashboard.municipality')}
            </th>
            {terms.map(([term, label]) => (
              <th key={term} scope="col" className={`${th} text-right`}>
                {termLabel(term, label, language)}
              </th>
            ))}
          </>
        }
      >
        {municipalities.map((m) => (
          <tr key={m.code} className="border-b border-solid-gray-420">
            <th scope="row" className={td}>
              <Link to={`/municipalities/${m.code}`} className="link-text">
                {municipalityWithPrefecture(m, language)}
              </Link>
            </th>
            {terms.map(([term]) => {
              const p = cell(m.code, term);
              return (
                <td key={term} className={num}>
                  {p
                    ? t('dashboard.participationValue', {
                        attended: formatNumber(p.attended, language),
                        registered: formatNumber(p.registered, language),
                      })
                    : '—'}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
    </Panel>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { user, loading: userLoading } = useCurrentUser();
  usePageTitle(t('dashboard.title'));
  const { data, loading, error, refetch } = useQuery(NetworkDashboardDocument, { skip: !user });
  const d = data?.networkDashboard;
  return (
    <div>
      <h1 className={pageTitle}>{t('dashboard.title')}</h1>
      <p className="mt-4 max-w-3xl text-std-17N-170 text-solid-gray-800">{t('dashboard.lead')}</p>
      {!user ? (
        userLoading ? (
          <Loading />
        ) : (
          // Visitors: the public part (figures, public cases by theme and prefecture), not a login wall.
          <PublicSummary />
        )
      ) : error && apiProblem(error).code === 'FORBIDDEN' ? (
        // Signed in, but not as an officer of a member municipality (withdrawn, applicant): say why.
        <p className="mt-6 text-std-16N-170">{t('dashboard.membersOnly')}</p>
      ) : error ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !d ? (
        loading && <Loading />
      ) : (
        <>
          <p className="mt-2 text-std-16N-170 text-solid-gray-700">
            {t('dashboard.generatedAt', { date: formatDateTimeAsDate(d.generatedAt, language) })}
          </p>
          <Totals d={d} language={language} />
          {user.role === 'OFFICER' && user.municipality && (
            <MyActivity ownCode={user.municipality.code} language={language} />
          )}
          <ThemesPanel d={d} language={language} />
          <MapPanel d={d} language={language} />
          <YearsPanel d={d} language={language} />
          <AdoptionsPanel d={d} language={language} />
          <MembershipPanel d={d} language={language} />
          <ParticipationPanel d={d} language={language} />
          <p className="mt-12 text-std-16N-170">
            <Link to="/open-data" className="link-text">
              {t('dashboard.openDataLink')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
