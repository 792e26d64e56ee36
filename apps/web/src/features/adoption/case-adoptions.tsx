import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import {
  CaseAdoptionsDocument,
  type AdoptionFieldsFragment,
  type AdoptionStatus,
  type CaseAdoptionsQuery,
} from '../../graphql/generated/graphql';
import { currentLanguage, type Language } from '../../i18n/i18n';
import { formatDateTimeAsDate, formatNumber } from '../../shared/format';
import { ErrorNotice, Loading } from '../../shared/status';
import { sectionTitle, subTitle } from '../../shared/ui-classes';
import { loginPath } from '../auth/redirect';
import type { CurrentUser } from '../auth/use-current-user';
import { municipalityName, prefectureName } from '../municipalities/labels';
import { AdoptionForm } from './adoption-form';
import { ADOPTION_STATUSES, adoptionStatusLabel, adoptionTone, badge } from './adoption-labels';

type CaseAdoptions = NonNullable<CaseAdoptionsQuery['caseStudy']>;

function StatusBadge({ status }: { status: AdoptionStatus }) {
  return (
    <span className={`${badge} ${adoptionTone(status)}`}>
      {adoptionStatusLabel(status, currentLanguage())}
    </span>
  );
}

function placeOf(
  m: { name: string; nameEn?: string | null; kind?: string; prefecture: { name: string; nameEn: string } },
  language: Language,
) {
  // A prefecture is named once: 広島県, not 広島県（広島県）.
  if (m.kind === 'PREFECTURE') return municipalityName(m, language);
  const pref = prefectureName(m.prefecture, language);
  return language === 'ja'
    ? `${municipalityName(m, language)}（${pref}）`
    : `${municipalityName(m, language)} (${pref})`;
}

/** 検討中 → 試行中 → 導入済み, each with the day it was first reached. */
function Steps({ adoption, language }: { adoption: AdoptionFieldsFragment; language: Language }) {
  const { t } = useTranslation();
  const reached = new Map<AdoptionStatus, string>();
  for (const step of adoption.timeline) {
    if (step.changedFields.includes('status') && !reached.has(step.status))
      reached.set(step.status, step.createdAt);
  }
  const current = ADOPTION_STATUSES.indexOf(adoption.status);
  return (
    <ol className="mt-3 flex flex-wrap items-stretch gap-2" aria-label={t('adoption.stepsLabel')}>
      {ADOPTION_STATUSES.map((status, index) => {
        const at = reached.get(status);
        const done = index <= current;
        return (
          <li
            key={status}
            aria-current={index === current ? 'step' : undefined}
            className={`flex min-w-32 flex-col rounded-8 border px-3 py-2 ${
              done ? 'border-blue-900 bg-blue-50' : 'border-dashed border-solid-gray-420 bg-white'
            }`}
          >
            <span className={`text-std-16B-170 ${done ? 'text-blue-1000' : 'text-solid-gray-600'}`}>
              {index > 0 && (
                <span aria-hidden="true" className="mr-1">
                  →
                </span>
              )}
              {adoptionStatusLabel(status, language)}
            </span>
            <span className="text-dns-14N-130 text-solid-gray-700">
              {at ? (
                <time dateTime={at}>{formatDateTimeAsDate(at, language)}</time>
              ) : done ? (
                t('adoption.stepSkipped')
              ) : (
                t('adoption.stepNotYet')
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function History({ adoption, language }: { adoption: AdoptionFieldsFragment; language: Language }) {
  const { t } = useTranslation();
  const fieldName = (field: string) =>
    ['status', 'note', 'adaptation', 'outcome', 'adopterCaseStudyId'].includes(field)
      ? t(`adoption.fields.${field as 'status'}`)
      : field;
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-std-16B-170 text-blue-1000 underline">
        {t('adoption.historySummary', { count: adoption.timeline.length })}
      </summary>
      <ol className="mt-2 border-l-4 border-solid-gray-200 pl-4">
        {adoption.timeline.map((step, index) => (
          <li key={`${step.createdAt}-${index}`} className="py-1 text-std-16N-170">
            <time dateTime={step.createdAt} className="font-bold">
              {formatDateTimeAsDate(step.createdAt, language)}
            </time>{' '}
            {step.changedFields.includes('status')
              ? t('adoption.historyStatus', { status: adoptionStatusLabel(step.status, language) })
              : t('adoption.historyUpdated', {
                  fields: step.changedFields.map(fieldName).join(language === 'ja' ? '、' : ', '),
                })}
            {step.by && (
              <span className="text-solid-gray-700">{t('adoption.historyBy', { name: step.by.name })}</span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

function AdoptionItem({ adoption, language }: { adoption: AdoptionFieldsFragment; language: Language }) {
  const { t } = useTranslation();
  const details: Array<[string, string | null | undefined]> = [
    [t('adoption.noteLabel'), adoption.note],
    [t('adoption.adaptationLabel'), adoption.adaptation],
    [t('adoption.outcomeLabel'), adoption.outcome],
  ];
  return (
    <li
      className="rounded-12 border border-solid-gray-420 bg-white p-4 md:p-6"
      id={`adoption-${adoption.municipality.code}`}
    >
      <div className="flex flex-wrap items-center gap-3">
        <h3 className={subTitle}>
          <Link to={`/municipalities/${adoption.municipality.code}`} className="link-text">
            {placeOf(adoption.municipality, language)}
          </Link>
        </h3>
        <StatusBadge status={adoption.status} />
      </div>
      <Steps adoption={adoption} language={language} />
      {details.some(([, value]) => value?.trim()) && (
        <dl className="mt-4 grid gap-3">
          {details
            .filter(([, value]) => value?.trim())
            .map(([label, value]) => (
              <div key={label}>
                <dt className="text-std-16B-170 text-solid-gray-800">{label}</dt>
                <dd lang="ja" className="whitespace-pre-line text-std-16N-170">
                  {value}
                </dd>
              </div>
            ))}
        </dl>
      )}
      {adoption.adopterCaseStudy && (
        <p className="mt-3 text-std-16N-170">
          {t('adoption.ownCaseLink', { name: municipalityName(adoption.municipality, language) })}
          <Link to={`/cases/${adoption.adopterCaseStudy.id}`} className="link-text" lang="ja">
            {adoption.adopterCaseStudy.title}
          </Link>
        </p>
      )}
      <History adoption={adoption} language={language} />
    </li>
  );
}

/** Links below the first ring: the followers of the followers' own cases (横展開の連鎖). */
function Chain({ data, language }: { data: CaseAdoptions; language: Language }) {
  const { t } = useTranslation();
  const titles = new Map<string, string>();
  for (const link of data.spreadChain) {
    if (link.adoption.adopterCaseStudy)
      titles.set(link.adoption.adopterCaseStudy.id, link.adoption.adopterCaseStudy.title);
  }
  const further = data.spreadChain.filter((link) => link.depth > 1);
  if (further.length === 0) return null;
  return (
    <section aria-labelledby="adoption-chain" className="mt-8">
      <h3 id="adoption-chain" className={subTitle}>
        {t('adoption.chainHeading')}
      </h3>
      <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('adoption.chainLead')}</p>
      <ol className="mt-3 flex flex-col gap-2">
        {further.map((link) => (
          <li
            key={link.adoption.id}
            className="text-std-16N-170"
            style={{ marginLeft: `${(link.depth - 1) * 1.5}rem` }}
          >
            <span className="mr-2 text-solid-gray-700">
              {t('adoption.chainDepth', { depth: link.depth })}
            </span>
            <Link to={`/municipalities/${link.adoption.municipality.code}`} className="link-text">
              {municipalityName(link.adoption.municipality, language)}
            </Link>{' '}
            <StatusBadge status={link.adoption.status} />{' '}
            {titles.has(link.fromCaseStudyId) && (
              <>
                {t('adoption.chainFrom')}
                <Link to={`/cases/${link.fromCaseStudyId}`} className="link-text" lang="ja">
                  {titles.get(link.fromCaseStudyId)}
                </Link>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CaseAdoptions({
  caseStudyId,
  user,
  member,
}: {
  caseStudyId: string;
  user: CurrentUser | null;
  /** The officer's municipality is a member of the network (only members record adoptions). */
  member: boolean | undefined;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(CaseAdoptionsDocument, {
    variables: { id: caseStudyId },
  });
  const c = data?.caseStudy;
  const ownCode = user?.role === 'OFFICER' ? user.municipality?.code : undefined;
  const mine = c?.adoptions.find((a) => a.municipality.code === ownCode);
  const otherOfficer = Boolean(c && ownCode && c.status === 'PUBLISHED' && c.municipality.code !== ownCode);
  const canRecord = otherOfficer && member === true;

  return (
    <section
      aria-labelledby="case-adoptions"
      className="mt-12 border-t border-solid-gray-420 pt-8"
      id="adoptions"
    >
      <h2 id="case-adoptions" className={sectionTitle}>
        {t('adoption.heading')}
      </h2>
      <p className="mt-2 max-w-3xl text-std-16N-170 text-solid-gray-700">{t('adoption.lead')}</p>
      {error ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !c ? (
        loading && <Loading />
      ) : (
        <>
          {/* With nothing recorded the list's own message says so; 「0自治体が…」 above it would say it twice. */}
          {c.adoptions.length > 0 && (
            <p className="mt-4 text-std-17B-170 text-solid-gray-900">
              {t('adoption.count', {
                count: c.adoptionCount,
                formatted: formatNumber(c.adoptionCount, language),
                listed: formatNumber(c.adoptions.length, language),
              })}
            </p>
          )}
          {c.adoptedFrom.length > 0 && (
            <div className="mt-4 rounded-8 border-l-4 border-blue-900 bg-blue-50 p-4">
              <p className="text-std-16B-170">{t('adoption.followsHeading')}</p>
              <ul className="mt-1">
                {c.adoptedFrom.map((upstream) =>
                  upstream.caseStudy ? (
                    <li key={upstream.id} className="text-std-16N-170">
                      <Link to={`/cases/${upstream.caseStudy.id}`} className="link-text" lang="ja">
                        {upstream.caseStudy.title}
                      </Link>
                      {language === 'ja' ? '（' : ' ('}
                      {municipalityName(upstream.caseStudy.municipality, language)}
                      {language === 'ja' ? '）' : ')'}
                    </li>
                  ) : null,
                )}
              </ul>
            </div>
          )}
          {c.adoptions.length === 0 ? (
            <p className="mt-4 text-std-16N-170">{t('adoption.none')}</p>
          ) : (
            <ol className="mt-4 flex flex-col gap-4" aria-label={t('adoption.listLabel')}>
              {c.adoptions.map((adoption) => (
                <AdoptionItem key={adoption.id} adoption={adoption} language={language} />
              ))}
            </ol>
          )}
          <Chain data={c} language={language} />
          {canRecord ? (
            <AdoptionForm caseStudyId={c.id} mine={mine} onSaved={() => refetch()} />
          ) : otherOfficer && member === false ? (
            <p className="mt-6 text-std-16N-170">{t('adoption.membersOnly')}</p>
          ) : (
            !user && (
              <p className="mt-6 text-std-16N-170">
                {t('adoption.loginHint')}{' '}
                <Link className="link-text" to={loginPath(location.pathname)}>
                  {t('nav.login')}
                </Link>
              </p>
            )
          )}
        </>
      )}
    </section>
  );
}
