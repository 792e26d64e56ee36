import type { ReactNode } from 'react';
import { AttachmentList } from '../attachments/attachment-list';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ExchangeSessionDocument, type SessionDetailFragment } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { apiProblem } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { ErrorNotice, Loading, SuccessNotice } from '../../shared/status';
import { buttonOutline, pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { isOrganiser, useCurrentUser } from '../auth/use-current-user';
import { CapacityBar } from './capacity';
import { formatJst, formatJstClock, formatSessionTime } from './jst';
import { agendaKindLabel, allocationModeLabel, sessionFormatLabel, termLabel } from './labels';
import { RegistrationPanel } from './registration-panel';
import { FormatBadge, SessionStatusBadge } from './session-badges';
import { SessionBreadcrumbs } from './session-breadcrumbs';
import { isSessionId } from './session-id';
import { useSessionNotice } from './use-session-notice';
import { SurveyLink } from '../questionnaires/survey-link';
import { DescriptionRow } from '../../shared/description-row';
import { PrintButton, PrintFooter } from '../watch/print';

type Session = SessionDetailFragment;

/** A fact of this page: the terms in a 12rem column beside their descriptions from a small screen up. */
function Row(props: { label: string; children: ReactNode }) {
  return <DescriptionRow labelColumn="12rem" {...props} />;
}

function Overview({ session }: { session: Session }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section aria-labelledby="overview-heading" className="mt-8">
      <h2 id="overview-heading" className={sectionTitle}>
        {t('sessions.detail.overview')}
      </h2>
      <dl className="mt-2 border-t border-solid-gray-420">
        <Row label={t('sessions.detail.term')}>{termLabel(session.term, language)}</Row>
        <Row label={t('sessions.detail.when')}>
          <time dateTime={session.startsAt}>
            {formatSessionTime(session.startsAt, session.endsAt, language)}
          </time>
          {t('sessions.jstSuffix')}
        </Row>
        <Row label={t('sessions.detail.format')}>{sessionFormatLabel(session.format, language)}</Row>
        <Row label={t('sessions.detail.capacity')}>
          {session.status === 'CANCELLED' ? (
            t('sessions.detail.capacityOnly', { formatted: formatNumber(session.capacity, language) })
          ) : (
            <CapacityBar session={session} />
          )}
        </Row>
        <Row label={t('sessions.detail.perMunicipalityLimit')}>
          {session.perMunicipalityLimit
            ? t('sessions.detail.perMunicipalityLimitValue', {
                formatted: formatNumber(session.perMunicipalityLimit, language),
              })
            : t('sessions.detail.noLimit')}
        </Row>
        <Row label={t('sessions.detail.window')}>
          {t('sessions.detail.windowValue', {
            opens: formatJst(session.registrationOpensAt, language),
            closes: formatJst(session.registrationClosesAt, language),
          })}
        </Row>
        <Row label={t('sessions.detail.allocation')}>
          {allocationModeLabel(session.allocationMode, language)}
          {session.allocationMode === 'LOTTERY' && (
            <span className="block text-solid-gray-700">{t('sessions.detail.lotteryHint')}</span>
          )}
        </Row>
      </dl>
      <p className="mt-4">
        <a href={session.icsUrl} className="link-text text-std-16N-170" download>
          {t('sessions.detail.addToCalendar')}
        </a>
      </p>
    </section>
  );
}

function Logistics({ session }: { session: Session }) {
  const { t } = useTranslation();
  const hasAny = session.venue || session.venueDetails || session.meetingUrl;
  return (
    <section aria-labelledby="logistics-heading" className="mt-10">
      <h2 id="logistics-heading" className={sectionTitle}>
        {t('sessions.detail.logistics')}
      </h2>
      {session.logisticsVisible && hasAny ? (
        <dl className="mt-2 border-t border-solid-gray-420">
          {session.venue && (
            <Row label={t('sessions.detail.venue')}>
              <span lang="ja">{session.venue}</span>
            </Row>
          )}
          {session.venueDetails && (
            <Row label={t('sessions.detail.venueDetails')}>
              <span lang="ja" className="whitespace-pre-line">
                {session.venueDetails}
              </span>
            </Row>
          )}
          {session.meetingUrl && (
            <Row label={t('sessions.detail.meetingUrl')}>
              <a href={session.meetingUrl} className="link-text break-all" rel="noopener noreferrer">
                {session.meetingUrl}
              </a>
            </Row>
          )}
        </dl>
      ) : (
        <p className="mt-2 text-std-16N-170">
          {session.logisticsVisible
            ? t('sessions.detail.logisticsNone')
            : t('sessions.detail.logisticsHidden')}
        </p>
      )}
    </section>
  );
}

function Agenda({ session }: { session: Session }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (session.agenda.length === 0) return null;
  const dash = language === 'ja' ? '〜' : '–';
  // Without any start time the time column would only be an empty margin.
  const timed = session.agenda.some((item) => item.startsAt);
  return (
    <section aria-labelledby="agenda-heading" className="mt-10">
      <h2 id="agenda-heading" className={sectionTitle}>
        {t('sessions.detail.agenda')}
      </h2>
      <ol className="mt-4 border-t border-solid-gray-420">
        {session.agenda.map((item, index) => {
          const start = item.startsAt ? formatJstClock(item.startsAt) : '';
          const end =
            item.startsAt && item.durationMinutes
              ? formatJstClock(
                  new Date(Date.parse(item.startsAt) + item.durationMinutes * 60_000).toISOString(),
                )
              : '';
          return (
            <li
              key={`${index}-${item.title}`}
              className={`grid gap-2 border-b border-solid-gray-420 py-4 ${timed ? 'sm:grid-cols-[9rem_1fr] sm:gap-4' : ''}`}
            >
              {timed && (
                <p className="text-std-16B-170 tabular-nums text-solid-gray-800">
                  {start && (
                    <>
                      {start}
                      {end && `${dash}${end}`}
                    </>
                  )}
                </p>
              )}
              <div>
                <p className="text-std-16N-170 text-solid-gray-700">{agendaKindLabel(item.kind, language)}</p>
                <p lang="ja" className="text-std-17B-170 text-solid-gray-900">
                  {item.title}
                </p>
                {(item.speaker || item.affiliation) && (
                  <p lang="ja" className="text-std-16N-170">
                    {[item.speaker, item.affiliation].filter(Boolean).join('（') +
                      (item.speaker && item.affiliation ? '）' : '')}
                  </p>
                )}
                {item.caseStudyId && (
                  <p className="mt-1 text-std-16N-170">
                    <Link to={`/cases/${item.caseStudyId}`} className="link-text">
                      {t('sessions.detail.caseLink', { title: item.title })}
                    </Link>
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Tables({ session }: { session: Session }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (session.tables.length === 0) return null;
  return (
    <section aria-labelledby="tables-heading" className="mt-10">
      <h2 id="tables-heading" className={sectionTitle}>
        {t('sessions.detail.tables')}
      </h2>
      <p className="mt-2 text-std-16N-170">{t('sessions.detail.tablesLead')}</p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {session.tables.map((table) => (
          <li key={table.id} className="rounded-12 border border-solid-gray-420 p-4">
            <p lang="ja" className="text-std-17B-170">
              {table.name}
            </p>
            {table.theme && (
              <p lang="ja" className="text-std-16N-170">
                {table.theme}
              </p>
            )}
            <p className="mt-1 text-std-16N-170 text-solid-gray-700">
              {t('sessions.detail.seats', { formatted: formatNumber(table.seats, language) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Report({ session }: { session: Session }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const report = session.report;
  if (!report && session.materials.length === 0) return null;
  return (
    <section aria-labelledby="report-heading" className="mt-10">
      <h2 id="report-heading" className={sectionTitle}>
        {t('sessions.detail.report')}
      </h2>
      {/* A session's report prints as an A4 document (styles.css, print) with the page's address and date. */}
      <PrintButton className="mt-3 print:hidden" />
      <PrintFooter />
      {report && (
        <>
          <p className="mt-2 text-std-16B-170">
            {report.municipalityCount !== null
              ? t('sessions.detail.attendance', {
                  people: formatNumber(report.attendeeCount, language),
                  municipalities: formatNumber(report.municipalityCount, language),
                })
              : t('sessions.detail.attendancePeople', {
                  people: formatNumber(report.attendeeCount, language),
                })}
          </p>
          <div lang="ja" className="mt-3 whitespace-pre-line text-std-16N-170">
            {report.minutes}
          </div>
        </>
      )}
      {session.materials.length > 0 && (
        <>
          <h3 className="mt-6 text-std-20B-150">{t('sessions.detail.materials')}</h3>
          <ul className="mt-2 list-disc pl-6 text-std-16N-170">
            {session.materials.map((material) => (
              <li key={material.url}>
                <a href={material.url} className="link-text" rel="noopener noreferrer">
                  <span lang="ja">{material.title}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function SessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useCurrentUser();
  const [notice, clearNotice] = useSessionNotice();
  const valid = isSessionId(id);
  const { data, loading, error, refetch } = useQuery(ExchangeSessionDocument, {
    variables: { id },
    skip: !valid,
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const session = data?.exchangeSession;
  const notFound =
    !valid ||
    (!loading && !error && data && !session) ||
    (!session && apiProblem(error).code === 'BAD_USER_INPUT');
  const title = session
    ? session.title
    : notFound && !loading
      ? t('sessions.detail.notFoundTitle')
      : t('sessions.detail.titleFallback');
  usePageTitle(title);
  const organiser = isOrganiser(user);

  return (
    <div>
      <SuccessNotice message={notice} onClose={clearNotice} />
      {session && <SessionBreadcrumbs current={session.title} />}
      <h1 className={pageTitle}>{session ? <span lang="ja">{title}</span> : title}</h1>
      {notFound && !loading ? (
        <>
          <p className="mt-4 text-std-16N-170">{t('sessions.detail.notFoundBody')}</p>
          <p className="mt-6">
            <Link to="/sessions" className="link-text">
              {t('sessions.detail.backToList')}
            </Link>
          </p>
        </>
      ) : !session ? (
        error ? (
          <ErrorNotice error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <SessionStatusBadge status={session.status} />
            <FormatBadge format={session.format} />
            <span className="text-std-16N-170 text-solid-gray-700">
              {termLabel(session.term, currentLanguage())}
            </span>
          </div>
          {session.status === 'CANCELLED' && (
            <div role="note" className="mt-6 rounded-12 border-2 border-error-1 bg-red-50 p-4">
              <p className="text-std-17B-170 text-error-2">{t('sessions.detail.cancelledTitle')}</p>
              {session.cancelReason && (
                <p lang="ja" className="mt-1 whitespace-pre-line text-std-16N-170">
                  {session.cancelReason}
                </p>
              )}
            </div>
          )}
          {organiser && (
            <nav
              aria-label={t('sessions.detail.organiserNav')}
              className="mt-6 flex flex-wrap gap-3 rounded-12 bg-solid-gray-50 p-4"
            >
              <Link to={`/sessions/${session.id}/console`} className={buttonOutline}>
                {t('sessions.detail.console')}
              </Link>
              {session.status !== 'FINISHED' && session.status !== 'CANCELLED' && (
                <Link to={`/sessions/${session.id}/edit`} className={buttonOutline}>
                  {t('sessions.detail.edit')}
                </Link>
              )}
            </nav>
          )}
          {session.description && (
            <p lang="ja" className="mt-6 max-w-3xl whitespace-pre-line text-std-17N-170">
              {session.description}
            </p>
          )}
          <SurveyLink sessionId={session.id} signedIn={Boolean(user)} />
          {session.status !== 'FINISHED' && <RegistrationPanel session={session} user={user} />}
          <Overview session={session} />
          {session.status !== 'CANCELLED' && <Logistics session={session} />}
          <Agenda session={session} />
          <Tables session={session} />
          <Report session={session} />
          <AttachmentList ownerType="EXCHANGE_SESSION" id={session.id} />
        </>
      )}
    </div>
  );
}
