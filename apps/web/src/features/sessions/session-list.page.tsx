import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  ExchangeSessionsDocument,
  MyRegistrationsDocument,
  type ExchangeSessionsQuery,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ErrorNotice, Loading } from '../../shared/status';
import { buttonSolid, pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { isOrganiser, useCurrentUser } from '../auth/use-current-user';
import { CapacityBar } from './capacity';
import { formatJst, formatSessionTime } from './jst';
import { termLabel } from './labels';
import { FormatBadge, RegistrationStatusBadge, SessionStatusBadge } from './session-badges';
import { useSessionNotice } from './use-session-notice';
import { TableHead } from '../../shared/table-head';
import { SuccessNotice } from '../../shared/status';

type ListedSession = ExchangeSessionsQuery['exchangeSessions'][number];

/** What a reader needs to decide whether to act now: the window, or why it is not open. */
function RegistrationWindow({ session }: { session: ListedSession }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const opens = formatJst(session.registrationOpensAt, language);
  const closes = formatJst(session.registrationClosesAt, language);
  if (session.status === 'CANCELLED') return <>{t('sessions.window.cancelled')}</>;
  if (session.status === 'FINISHED') return <>{t('sessions.window.finished')}</>;
  if (session.status === 'OPEN' && session.isRegistrationOpen)
    return <>{t('sessions.window.openUntil', { date: closes })}</>;
  if (session.status === 'OPEN' && Date.parse(session.registrationOpensAt) > Date.now())
    return <>{t('sessions.window.opensAt', { date: opens })}</>;
  if (session.status === 'DRAFT') return <>{t('sessions.window.draft', { opens, closes })}</>;
  return <>{t('sessions.window.closed', { date: closes })}</>;
}

function MyStatus({ registration }: { registration: NonNullable<ListedSession['myRegistration']> }) {
  const { t } = useTranslation();
  if (registration.status === 'CANCELLED') return null;
  return (
    <p className="mt-2 flex flex-wrap items-center gap-2 text-std-16N-170">
      <span>{t('sessions.list.yourRegistration')}</span>
      <RegistrationStatusBadge status={registration.status} />
      {registration.status === 'WAITLISTED' && registration.waitlistPosition !== null && (
        <span>
          {t('sessions.registration.waitlistPosition', { position: registration.waitlistPosition })}
        </span>
      )}
    </p>
  );
}

function SessionCard({ session }: { session: ListedSession }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = `session-${session.id}`;
  return (
    <li>
      <article
        aria-labelledby={headingId}
        className="rounded-12 border border-solid-gray-420 bg-white p-4 md:p-6"
      >
        <div className="flex flex-wrap items-center gap-2">
          <SessionStatusBadge status={session.status} />
          <FormatBadge format={session.format} />
          {!session.isPublic && (
            <span className="text-std-16N-170 text-solid-gray-700">{t('sessions.list.notPublic')}</span>
          )}
        </div>
        <h3 id={headingId} className="mt-2 text-std-20B-150">
          <Link to={`/sessions/${session.id}`} className="link-text">
            <span lang="ja">{session.title}</span>
          </Link>
        </h3>
        <p className="mt-1 text-std-16N-170 text-solid-gray-800">
          <span>{termLabel(session.term, language)}</span>
          <span aria-hidden="true">{language === 'ja' ? '　' : ' · '}</span>
          <span className="sr-only">{language === 'ja' ? '、' : ', '}</span>
          <time dateTime={session.startsAt}>
            {formatSessionTime(session.startsAt, session.endsAt, language)}
          </time>
          <span>{t('sessions.jstSuffix')}</span>
        </p>
        {session.status !== 'CANCELLED' && session.status !== 'FINISHED' && (
          <CapacityBar session={session} compact />
        )}
        <p className="mt-1 text-std-16N-170 text-solid-gray-700">
          <RegistrationWindow session={session} />
        </p>
        {session.myRegistration && <MyStatus registration={session.myRegistration} />}
      </article>
    </li>
  );
}

function SessionSection({
  id,
  title,
  empty,
  timeframe,
}: {
  id: string;
  title: string;
  empty: string;
  timeframe: 'UPCOMING' | 'PAST';
}) {
  const { data, loading, error, refetch } = useQuery(ExchangeSessionsDocument, {
    variables: { timeframe },
    fetchPolicy: 'cache-and-network',
  });
  const sessions = data?.exchangeSessions;
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className={sectionTitle}>
        {title}
      </h2>
      {!sessions ? (
        error ? (
          <ErrorNotice error={error} onRetry={() => void refetch()} />
        ) : (
          loading && <Loading />
        )
      ) : sessions.length === 0 ? (
        <p className="mt-4 text-std-16N-170">{empty}</p>
      ) : (
        <ul className="mt-4 flex flex-col gap-4">
          {sessions.map((session) => (
            <SessionCard key={session.id} session={session} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** 自分の申込: the sessions the signed-in person holds a place (or a waitlist number) at. */
function MyRegistrations() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { data, error, refetch } = useQuery(MyRegistrationsDocument, { fetchPolicy: 'cache-and-network' });
  const live = (data?.myRegistrations ?? []).filter((r) => r.status !== 'CANCELLED');
  return (
    <section
      id="my-registrations"
      aria-labelledby="my-registrations-heading"
      className="mt-8 rounded-12 border-2 border-blue-900 p-4 md:p-6"
    >
      <h2 id="my-registrations-heading" className={sectionTitle}>
        {t('sessions.mine.heading')}
      </h2>
      {error ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <Loading />
      ) : live.length === 0 ? (
        <p className="mt-2 text-std-16N-170">{t('sessions.mine.empty')}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t('sessions.mine.caption')}</caption>
            <TableHead
              rule="border-solid-gray-600"
              columns={[
                { label: t('sessions.mine.colSession') },
                { label: t('sessions.mine.colDate') },
                { label: t('sessions.mine.colStatus') },
              ]}
            />
            <tbody>
              {live.map((registration) => (
                <tr key={registration.id} className="border-b border-solid-gray-420 align-top">
                  <th scope="row" className="px-3 py-3 font-normal">
                    <Link to={`/sessions/${registration.session.id}`} className="link-text">
                      <span lang="ja">{registration.session.title}</span>
                    </Link>
                  </th>
                  <td className="px-3 py-3 text-std-16N-170">
                    {formatSessionTime(registration.session.startsAt, registration.session.endsAt, language)}
                  </td>
                  <td className="px-3 py-3 text-std-16N-170">
                    <RegistrationStatusBadge status={registration.status} />
                    {registration.status === 'WAITLISTED' && registration.waitlistPosition !== null && (
                      <span className="ml-2">
                        {t('sessions.registration.waitlistPosition', {
                          position: registration.waitlistPosition,
                        })}
                      </span>
                    )}
                    {registration.session.survey?.canAnswer && (
                      <Link
                        to={`/sessions/${registration.session.id}/survey`}
                        className="link-text mt-1 block min-h-11 content-center"
                      >
                        {registration.session.survey.myResponse
                          ? t('questionnaires.link.edit')
                          : t('questionnaires.link.answer')}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function SessionListPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [notice, clearNotice] = useSessionNotice();
  usePageTitle(t('sessions.list.title'));
  return (
    <div>
      <SuccessNotice message={notice} onClose={clearNotice} />
      <h1 className={pageTitle}>{t('sessions.list.title')}</h1>
      <p className="mt-4 max-w-3xl text-std-17N-170">{t('sessions.list.lead')}</p>
      <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
        {isOrganiser(user) && (
          <Link to="/sessions/new" className={buttonSolid}>
            {t('sessions.list.create')}
          </Link>
        )}
        <a href="/calendar/upcoming.ics" className="link-text text-std-16N-170" download>
          {t('sessions.list.calendarFeed')}
        </a>
      </div>
      {/* Only officers register; an organiser's list would always be empty. */}
      {user?.role === 'OFFICER' && <MyRegistrations />}
      <SessionSection
        id="upcoming-heading"
        title={t('sessions.list.upcoming')}
        empty={t('sessions.list.upcomingEmpty')}
        timeframe="UPCOMING"
      />
      <SessionSection
        id="past-heading"
        title={t('sessions.list.past')}
        empty={t('sessions.list.pastEmpty')}
        timeframe="PAST"
      />
    </div>
  );
}
