import { AttachmentList } from '../attachments/attachment-list';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import {
  CaseStudyDocument,
  type CaseStudyDetailFragment,
  type PopulationBand,
} from '../../graphql/generated/graphql';
import { currentLanguage, type Language } from '../../i18n/i18n';
import { formatCalendarDate, formatDateTimeAsDate, formatNumber } from '../../shared/format';
import { Breadcrumbs } from '../../shared/breadcrumbs';
import { RecordPending, useRecordPage } from '../../shared/record-page';
import { pageTitle, sectionTitle } from '../../shared/ui-classes';
import { loginPath } from '../auth/redirect';
import { isOrganiser, useCurrentUser, type CurrentUser } from '../auth/use-current-user';
import { municipalityName, prefectureName } from '../municipalities/labels';
import { Chip, StageBadge, StatusBadge, VisibilityBadge } from './badges';
import { canEditCase } from './can-edit-case';
import { CaseActions } from './case-actions';
import { CaseBody } from './case-body';
import { caseFieldLabel } from './field-labels';
import { formatDateTime, formatMeasure, formatYen } from './format';
import { bandLabel, fiscalYearLabel, kindLabel, targetLabel, themeLabel } from './labels';
import { SimilarCases } from './similar-cases';
import { CaseFollowActions } from '../watch/case-follow-actions';
import { PrintFooter } from '../watch/print';
import { CaseNetworkSection } from '../adoption/case-network-section';
import { JA, withJapanese } from '../../shared/japanese';
import { TableHead } from '../../shared/table-head';
import { DescriptionRow } from '../../shared/description-row';
import { ScrollHint, scrollShadows, useHorizontalOverflow } from '../../shared/scroll-hint';

/** Case ids are UUIDs: anything else cannot exist, so do not ask the API. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 人口規模 with the population under it: in the key facts near the top and in the municipality box. */
function PopulationRow({
  municipality,
}: {
  municipality: { populationBand: PopulationBand | null; population: number | null };
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <DescriptionRow label={t('municipality.populationBand')}>
      {municipality.populationBand ? bandLabel(municipality.populationBand, language) : t('common.unknown')}
      {municipality.population !== null && (
        <span className="block text-solid-gray-700">
          {t('case.populationValue', { formatted: formatNumber(municipality.population, language) })}
        </span>
      )}
    </DescriptionRow>
  );
}

/** A block of free text as written (line breaks kept), under its own heading; left out when empty. */
function TextSection({ id, title, text }: { id: string; title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className={sectionTitle}>
        {title}
      </h2>
      <p lang="ja" className="mt-3 max-w-3xl whitespace-pre-line text-std-17N-170">
        {text}
      </p>
    </section>
  );
}

function Budget({ value, language }: { value: number | null; language: Language }) {
  const { t } = useTranslation();
  if (value === null) return <>{t('case.budgetUnknown')}</>;
  // The same order as the result cards (formatYenShort): the rounded figure to read, the exact one beside.
  const { exact, approx } = formatYen(value, language);
  if (!approx) return <span className="tabular-nums">{exact}</span>;
  return (
    <>
      {approx}
      {/* A real space in English (「¥36 million (¥36,000,000)」), not a margin that copying loses. */}
      {language === 'ja' ? '' : ' '}
      <span className="tabular-nums text-solid-gray-700">
        {language === 'ja' ? `（${exact}）` : `(${exact})`}
      </span>
    </>
  );
}

function OutcomesTable({ caseStudy, language }: { caseStudy: CaseStudyDetailFragment; language: Language }) {
  const { t } = useTranslation();
  const { ref, overflows } = useHorizontalOverflow<HTMLDivElement>();
  if (caseStudy.outcomes.length === 0) return null;
  return (
    <section aria-labelledby="case-outcomes" className="mt-10">
      <h2 id="case-outcomes" className={sectionTitle}>
        {t('case.outcomesHeading')}
      </h2>
      {/* The caption is shown above the scroll box: on a phone the table scrolls sideways, its caption must not. */}
      <p aria-hidden="true" className="mt-4 text-std-16N-170 text-solid-gray-700">
        {withJapanese(t('case.outcomesCaption', { title: JA }), caseStudy.title)}
      </p>
      {/* On a phone the last columns were cut off with no sign that the table goes on. */}
      <ScrollHint id="case-outcomes-scroll" show={overflows} />
      <div
        ref={ref}
        className="mt-2 overflow-x-auto"
        style={scrollShadows}
        tabIndex={0}
        role="group"
        aria-labelledby="case-outcomes"
        aria-describedby={overflows ? 'case-outcomes-scroll' : undefined}
      >
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">
            {withJapanese(t('case.outcomesCaption', { title: JA }), caseStudy.title)}
          </caption>
          <TableHead
            rule="border-solid-gray-800"
            columns={[
              { label: t('case.outcomeLabel'), className: 'min-w-[8em]' },
              { label: t('case.outcomeBefore'), className: 'whitespace-nowrap text-right' },
              { label: t('case.outcomeAfter'), className: 'whitespace-nowrap text-right' },
              { label: t('case.outcomeUnit'), className: 'whitespace-nowrap' },
              { label: t('case.outcomeAsOf'), className: 'whitespace-nowrap' },
            ]}
          />
          <tbody lang="ja">
            {caseStudy.outcomes.map((outcome, index) => (
              <tr key={`${outcome.label}-${index}`} className="border-b border-solid-gray-420">
                <th scope="row" className="px-3 py-3 text-std-16B-170">
                  {outcome.label}
                </th>
                <td className="whitespace-nowrap px-3 py-3 text-right text-std-16N-170 tabular-nums">
                  {outcome.before === null ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{t('case.outcomeNoBefore')}</span>
                    </>
                  ) : (
                    formatMeasure(outcome.before, language)
                  )}
                </td>
                <td className="whitespace-nowrap px-3 py-3 text-right text-std-16B-170 tabular-nums">
                  {formatMeasure(outcome.after, language)}
                </td>
                <td className="px-3 py-3 text-std-16N-170">{outcome.unit}</td>
                <td className="whitespace-nowrap px-3 py-3 text-std-16N-170">
                  {outcome.asOf ? formatCalendarDate(outcome.asOf, language) : t('case.outcomeNoDate')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Contact({ caseStudy, signedIn }: { caseStudy: CaseStudyDetailFragment; signedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { department, email, phone } = caseStudy.contact;
  return (
    <section aria-labelledby="case-contact" className="mt-10">
      <h2 id="case-contact" className={sectionTitle}>
        {t('case.contactHeading')}
      </h2>
      <dl className="mt-2 max-w-3xl border-t border-solid-gray-420">
        <DescriptionRow label={t('caseFields.contactDepartment')}>
          {department ? (
            <>
              {municipalityName(caseStudy.municipality, currentLanguage())}{' '}
              <span lang="ja">{department}</span>
            </>
          ) : (
            t('common.notSet')
          )}
        </DescriptionRow>
        {email && (
          <DescriptionRow label={t('caseFields.contactEmail')}>
            <a className="link-text break-all" href={`mailto:${email}`}>
              {email}
            </a>
          </DescriptionRow>
        )}
        {phone && (
          <DescriptionRow label={t('caseFields.contactPhone')}>
            <a className="link-text" href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
              {phone}
            </a>
          </DescriptionRow>
        )}
      </dl>
      {signedIn && !email && !phone && (
        <p className="mt-3 text-std-16N-170">
          {department ? t('case.contactNoMailOrPhone') : t('case.contactNone')}
        </p>
      )}
      {!signedIn && (
        <p className="mt-3 text-std-16N-170">
          {t('case.contactLoginHint')}{' '}
          <Link className="link-text" to={loginPath(location.pathname)}>
            {t('nav.login')}
          </Link>
        </p>
      )}
    </section>
  );
}

function Revisions({ caseStudy, language }: { caseStudy: CaseStudyDetailFragment; language: Language }) {
  const { t } = useTranslation();
  const revisions = caseStudy.revisions;
  if (!revisions || revisions.length === 0) return null;
  return (
    <section aria-labelledby="case-revisions" className="mt-10">
      <h2 id="case-revisions" className={sectionTitle}>
        {t('case.revisionsHeading')}
      </h2>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('case.revisionsLead')}</p>
      <div className="mt-4 overflow-x-auto" tabIndex={0} role="group" aria-labelledby="case-revisions">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t('case.revisionsCaption')}</caption>
          <TableHead
            rule="border-solid-gray-800"
            columns={[
              { label: t('case.revisionVersion') },
              { label: t('case.revisionDate') },
              { label: t('case.revisionAction') },
              { label: t('case.revisionEditor') },
              { label: t('case.revisionFields') },
            ]}
          />
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.id} className="border-b border-solid-gray-420 align-top">
                <th scope="row" className="whitespace-nowrap px-3 py-3 text-std-16B-170">
                  {t('case.revisionVersionValue', { version: revision.version })}
                </th>
                <td className="whitespace-nowrap px-3 py-3 text-std-16N-170">
                  {formatDateTime(revision.createdAt, language)}
                </td>
                <td className="whitespace-nowrap px-3 py-3 text-std-16N-170">
                  {t(`case.revisionActions.${revision.action}`)}
                </td>
                <td className="px-3 py-3 text-std-16N-170">
                  {revision.editor ? (
                    <span lang="ja">{revision.editor.name}</span>
                  ) : (
                    t('case.revisionNoEditor')
                  )}
                </td>
                <td className="px-3 py-3 text-std-16N-170">
                  {revision.changedFields
                    .map((field) => caseFieldLabel(field, t))
                    .join(language === 'ja' ? '、' : ', ')}
                  {revision.note && (
                    <span className="mt-1 block text-solid-gray-700">
                      {t('case.revisionNote', { note: revision.note })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CaseContent({ caseStudy, user }: { caseStudy: CaseStudyDetailFragment; user: CurrentUser | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const municipality = caseStudy.municipality;
  const canEdit = canEditCase(user, municipality.code);
  const canModerate = isOrganiser(user);
  const join = (items: string[]) => items.join(language === 'ja' ? '、' : ', ');

  return (
    <>
      <p className="mt-3 text-std-17N-170 text-solid-gray-700">
        <Link to={`/municipalities/${municipality.code}`} className="link-text">
          {municipalityName(municipality, language)}
        </Link>
        {/* A prefecture's own case: 東京都, not 東京都（東京都）. */}
        {municipality.kind !== 'PREFECTURE' && (
          <>
            {language === 'ja' ? '（' : ' ('}
            {prefectureName(municipality.prefecture, language)}
            {language === 'ja' ? '）' : ')'}
          </>
        )}
      </p>

      {caseStudy.unpublishedReason && (
        <div role="note" className="mt-6 rounded-12 border-2 border-orange-800 bg-orange-50 p-4">
          <p className="text-std-17B-170 text-orange-1100">{t('case.unpublishedHeading')}</p>
          <p lang="ja" className="mt-1 whitespace-pre-line text-std-16N-170">
            {caseStudy.unpublishedReason}
          </p>
        </div>
      )}
      {caseStudy.status !== 'PUBLISHED' && canEdit && !caseStudy.unpublishedReason && (
        <p className="mt-6 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 text-std-16N-170">
          {caseStudy.status === 'DRAFT' ? t('case.draftNotice') : t('case.archivedNotice')}
        </p>
      )}

      <CaseActions caseStudy={caseStudy} canEdit={canEdit} canModerate={canModerate} />
      <CaseFollowActions caseId={caseStudy.id} signedIn={user !== null} />
      <PrintFooter />

      <p lang="ja" className="mt-8 max-w-3xl text-std-18N-160 text-solid-gray-900">
        {caseStudy.summary}
      </p>

      {/* On a phone the facts box comes after the whole body (予算 was ≈ 3,700 px down): what a reader
          weighs first, and the way to the contact, right under the summary. From lg the box is beside it. */}
      <section
        aria-labelledby="case-key-facts"
        className="mt-6 rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 lg:hidden"
      >
        <h2 id="case-key-facts" className="text-std-20B-150 text-solid-gray-900">
          {t('case.keyFactsHeading')}
        </h2>
        <dl className="mt-1">
          <DescriptionRow label={t('caseFields.budgetYen')}>
            <Budget value={caseStudy.budgetYen} language={language} />
          </DescriptionRow>
          <DescriptionRow label={t('caseFields.fiscalYears')}>
            {caseStudy.fiscalYears.length
              ? [...caseStudy.fiscalYears]
                  .sort((a, b) => a - b)
                  .map((year) => fiscalYearLabel(year, language))
                  .join(language === 'ja' ? '、' : ', ')
              : t('common.notSet')}
          </DescriptionRow>
          <PopulationRow municipality={municipality} />
        </dl>
        <p className="mt-3 text-std-16N-170">
          <a
            href="#case-contact"
            className="link-text inline-flex min-h-11 items-center"
            onClick={(event) => {
              // Scroll there and take focus along (the next Tab continues from the contact), whatever the
              // router makes of a bare fragment.
              const heading = document.getElementById('case-contact');
              if (!heading) return;
              event.preventDefault();
              heading.tabIndex = -1;
              heading.scrollIntoView({ block: 'start' });
              heading.focus({ preventScroll: true });
              window.history.replaceState(window.history.state, '', '#case-contact');
            }}
          >
            {t('case.contactJump')}
          </a>
        </p>
      </section>

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 lg:order-1">
          <OutcomesTable caseStudy={caseStudy} language={language} />
          {caseStudy.bodyHtml.trim() && (
            <section aria-labelledby="case-body" className="mt-10">
              <h2 id="case-body" className={sectionTitle}>
                {t('case.bodyHeading')}
              </h2>
              <div className="mt-4" lang="ja">
                <CaseBody html={caseStudy.bodyHtml} />
              </div>
            </section>
          )}
          <TextSection
            id="case-lessons"
            title={t('caseFields.lessonsLearned')}
            text={caseStudy.lessonsLearned}
          />
          <TextSection id="case-challenges" title={t('caseFields.challenges')} text={caseStudy.challenges} />
          <TextSection
            id="case-conditions"
            title={t('caseFields.successConditions')}
            text={caseStudy.successConditions}
          />
          <Contact caseStudy={caseStudy} signedIn={Boolean(user)} />
          <Revisions caseStudy={caseStudy} language={language} />
        </div>

        <div className="lg:order-2">
          <section aria-labelledby="case-facts" className="rounded-12 border border-solid-gray-420 p-4">
            <h2 id="case-facts" className="text-std-20B-150 text-solid-gray-900">
              {t('case.factsHeading')}
            </h2>
            <dl className="mt-2">
              <DescriptionRow label={t('caseFields.themes')}>
                <span className="flex flex-wrap gap-1">
                  {caseStudy.themes.map((theme) => (
                    <Chip key={theme}>{themeLabel(theme, language)}</Chip>
                  ))}
                </span>
              </DescriptionRow>
              <DescriptionRow label={t('caseFields.targets')}>
                <span className="flex flex-wrap gap-1">
                  {caseStudy.targets.map((target) => (
                    <Chip key={target}>{targetLabel(target, language)}</Chip>
                  ))}
                </span>
              </DescriptionRow>
              {caseStudy.tags.length > 0 && (
                <DescriptionRow label={t('caseFields.tags')}>
                  <span className="flex flex-wrap gap-1" lang="ja">
                    {caseStudy.tags.map((tag) => (
                      <Chip key={tag}>{tag}</Chip>
                    ))}
                  </span>
                </DescriptionRow>
              )}
              <DescriptionRow label={t('caseFields.fiscalYears')}>
                {caseStudy.fiscalYears.length ? (
                  <ul>
                    {[...caseStudy.fiscalYears]
                      .sort((a, b) => a - b)
                      .map((year) => (
                        <li key={year}>{fiscalYearLabel(year, language)}</li>
                      ))}
                  </ul>
                ) : (
                  t('common.notSet')
                )}
              </DescriptionRow>
              <DescriptionRow label={t('caseFields.budgetYen')}>
                <Budget value={caseStudy.budgetYen} language={language} />
              </DescriptionRow>
              {caseStudy.fundingSources.length > 0 && (
                <DescriptionRow label={t('caseFields.fundingSources')}>
                  <span lang="ja">{join(caseStudy.fundingSources)}</span>
                </DescriptionRow>
              )}
              {caseStudy.partners.length > 0 && (
                <DescriptionRow label={t('caseFields.partners')}>
                  <span lang="ja">{join(caseStudy.partners)}</span>
                </DescriptionRow>
              )}
              {caseStudy.publishedAt && (
                <DescriptionRow label={t('case.publishedAt')}>
                  {formatDateTimeAsDate(caseStudy.publishedAt, language)}
                </DescriptionRow>
              )}
              <DescriptionRow label={t('case.updatedAt')}>
                {formatDateTimeAsDate(caseStudy.updatedAt, language)}
              </DescriptionRow>
            </dl>
          </section>

          <section
            aria-labelledby="case-municipality"
            className="mt-6 rounded-12 border border-solid-gray-420 p-4"
          >
            <h2 id="case-municipality" className="text-std-20B-150 text-solid-gray-900">
              {t('case.municipalityHeading')}
            </h2>
            <dl className="mt-2">
              <DescriptionRow label={t('municipality.name')}>
                <Link to={`/municipalities/${municipality.code}`} className="link-text">
                  {municipalityName(municipality, language)}
                </Link>
              </DescriptionRow>
              <DescriptionRow label={t('municipality.prefecture')}>
                {prefectureName(municipality.prefecture, language)}
              </DescriptionRow>
              <DescriptionRow label={t('municipality.kind')}>
                {kindLabel(municipality.kind, language)}
              </DescriptionRow>
              <PopulationRow municipality={municipality} />
            </dl>
            <p className="mt-3 text-std-16N-170">
              <Link to={`/cases?${new URLSearchParams({ muni: municipality.code })}`} className="link-text">
                {t('case.moreFromMunicipality', { name: municipalityName(municipality, language) })}
              </Link>
            </p>
          </section>
        </div>
      </div>

      <AttachmentList ownerType="CASE_STUDY" id={caseStudy.id} />
      <CaseNetworkSection caseStudy={caseStudy} />
      <SimilarCases caseStudy={caseStudy} />
    </>
  );
}

export function CaseStudyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const { user, loading: userLoading } = useCurrentUser();
  const validId = UUID.test(id);
  const { data, loading, error, refetch } = useQuery(CaseStudyDocument, {
    variables: { id },
    skip: !validId,
  });
  const caseStudy = data?.caseStudy;
  const { state, title } = useRecordPage({
    record: caseStudy,
    valid: validId,
    loading,
    error,
    titles: {
      found: (found) => found.title,
      notFound: t('case.notFoundTitle'),
      fallback: t('case.titleFallback'),
    },
  });

  // One h1 in every state (loading, not found, loaded): the focus the layout moves to it on navigation
  // stays put when the data arrives.
  return (
    <div>
      {caseStudy && (
        <Breadcrumbs
          label={t('municipality.breadcrumb')}
          links={[
            { to: '/', text: t('nav.home') },
            { to: '/cases', text: t('nav.cases') },
          ]}
          current={caseStudy.title}
          currentLang="ja"
        />
      )}
      {caseStudy && (
        <div className="mb-3 flex flex-wrap items-center gap-2">
          {caseStudy.status !== 'PUBLISHED' && <StatusBadge status={caseStudy.status} />}
          <StageBadge stage={caseStudy.stage} />
          {caseStudy.visibility === 'MEMBERS' && <VisibilityBadge visibility={caseStudy.visibility} />}
        </div>
      )}
      <h1 className={pageTitle} lang={caseStudy ? 'ja' : undefined}>
        {title}
      </h1>
      {caseStudy ? (
        <CaseContent caseStudy={caseStudy} user={user} />
      ) : state === 'notFound' ? (
        <>
          <p className="mt-4 text-std-16N-170">{t('case.notFoundBody')}</p>
          {!user && !userLoading && (
            <p className="mt-4 text-std-16N-170">
              {t('case.notFoundLogin')}{' '}
              <Link className="link-text" to={loginPath(location.pathname)}>
                {t('nav.login')}
              </Link>
            </p>
          )}
          <p className="mt-6">
            <Link to="/cases" className="link-text">
              {t('case.backToSearch')}
            </Link>
          </p>
        </>
      ) : (
        <RecordPending error={error} onRetry={() => void refetch()} />
      )}
    </div>
  );
}
