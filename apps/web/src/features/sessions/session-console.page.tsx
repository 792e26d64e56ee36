import { useMemo, useRef, useState, type FormEvent } from 'react';
import { AttachmentsSection } from '../attachments/attachments-section';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  AssignTablesDocument,
  CheckInDocument,
  CheckInRegistrationDocument,
  SessionConsoleDocument,
  SetTableAssignmentDocument,
  type RegistrationStatus,
  type SessionConsoleQuery,
  type TableScoreFieldsFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { apiProblem } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { ErrorNotice, Loading } from '../../shared/status';
import {
  buttonOutline,
  buttonSmallOutline,
  buttonSolid,
  fieldLabel,
  sectionTitle,
  selectInput,
  textInput,
} from '../../shared/ui-classes';
import { isOrganiser, useCurrentUser } from '../auth/use-current-user';
import { CapacityBar } from './capacity';
import { FinishForm } from './finish-form';
import { QuestionnaireSection } from '../questionnaires/questionnaire-section';
import { jstDate } from '@yokoten/case-studies';
import { formatJst, formatJstClock, formatSessionTime } from './jst';
import { termLabel } from './labels';
import { LifecycleActions } from './lifecycle-actions';
import { FormatBadge, RegistrationStatusBadge, SessionStatusBadge } from './session-badges';
import { SESSION_QUERIES } from './session-cache';
import { sessionProblemMessage } from './session-errors';
import { isSessionId } from './session-id';
import { JA, withJapanese } from '../../shared/japanese';
import { OrganiserSessionPage } from './organiser-session-page';
import { TableHead } from '../../shared/table-head';
import { ScrollHint, scrollShadows, useHorizontalOverflow } from '../../shared/scroll-hint';

type ConsoleData = SessionConsoleQuery;
type Session = NonNullable<ConsoleData['exchangeSession']>;
type Registration = NonNullable<Session['registrations']>[number];

const td = 'px-3 py-2 text-std-16N-170 align-top';

function percent(share: number, language: 'ja' | 'en'): string {
  return new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

function Figures({ session }: { session: Session }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const n = (value: number) => formatNumber(value, language);
  const figures = [
    [t('sessions.console.figConfirmed'), `${n(session.confirmedCount)} / ${n(session.capacity)}`],
    [t('sessions.console.figFillRate'), percent(session.fillRate, language)],
    [t('sessions.console.figWaitlist'), n(session.waitlistCount)],
    ...(session.allocationMode === 'LOTTERY'
      ? [[t('sessions.console.figApplied'), n(session.appliedCount)]]
      : []),
    [t('sessions.console.figCheckedIn'), `${n(session.checkedInCount)} / ${n(session.confirmedCount)}`],
  ];
  return (
    <section aria-labelledby="figures-heading" className="mt-6">
      <h2 id="figures-heading" className="sr-only">
        {t('sessions.console.figures')}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-12 border border-solid-gray-420 bg-white p-4">
            <dt className="text-std-16N-170 text-solid-gray-700">{label}</dt>
            <dd className="text-std-24B-150 tabular-nums text-solid-gray-900">{value}</dd>
          </div>
        ))}
      </dl>
      <CapacityBar session={session} />
    </section>
  );
}

type CheckInResult =
  | { kind: 'ok' | 'error'; message: string }
  /** The code is for another day: the organiser may still record it, as a deliberate second action. */
  | { kind: 'notToday'; message: string; code: string };

/**
 * 当日受付: the code (or what a QR reader types) → attendance, for the desk at the door. Only on the session's
 * day unless the organiser overrides it; a code used before says when, so a second person with it is noticed.
 */
function CheckInBox() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<CheckInResult>();
  const inputRef = useRef<HTMLInputElement>(null);
  const [checkIn, { loading }] = useMutation(CheckInDocument, {
    refetchQueries: SESSION_QUERIES,
  });

  async function record(value: string, allowOtherDay: boolean) {
    try {
      const { data } = await checkIn({
        variables: { code: value, allowOtherDay: allowOtherDay || undefined },
      });
      const registration = data?.checkIn;
      setResult({
        kind: 'ok',
        message: t('sessions.console.checkedIn', {
          name: registration?.user.name ?? '',
          municipality: registration?.municipality.name ?? '',
          session: registration?.session.title ?? '',
        }),
      });
      setCode('');
    } catch (caught) {
      const problem = apiProblem(caught);
      const extensions = CombinedGraphQLErrors.is(caught) ? caught.errors[0]?.extensions : undefined;
      if (problem.code === 'ALREADY_CHECKED_IN' && typeof extensions?.checkedInAt === 'string') {
        const at = extensions.checkedInAt;
        // The JST day of the instant tells "10:02" (today) from "12月1日 10:02".
        const time =
          jstDate(new Date(at)) === jstDate(new Date()) ? formatJstClock(at) : formatJst(at, language);
        setResult({ kind: 'error', message: t('sessions.console.alreadyCheckedIn', { time }) });
        setCode('');
      } else if (problem.code === 'CHECK_IN_NOT_TODAY' && typeof extensions?.startsAt === 'string') {
        setResult({
          kind: 'notToday',
          code: value,
          message: t('sessions.console.notToday', { date: formatJst(extensions.startsAt, language) }),
        });
      } else {
        setResult({ kind: 'error', message: sessionProblemMessage(caught, t) });
      }
    }
    // Ready for the next person in the queue.
    inputRef.current?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = code.trim().toUpperCase();
    if (!value) {
      setResult({ kind: 'error', message: t('sessions.console.codeRequired') });
      inputRef.current?.focus();
      return;
    }
    await record(value, false);
  }

  return (
    <section aria-labelledby="check-in-heading" className="mt-10">
      <h2 id="check-in-heading" className={sectionTitle}>
        {t('sessions.console.checkInHeading')}
      </h2>
      <form className="mt-4 flex flex-wrap items-end gap-3" noValidate onSubmit={(e) => void onSubmit(e)}>
        <div className="flex flex-col gap-1">
          <label htmlFor="check-in-code" className={fieldLabel}>
            {t('sessions.console.code')}
          </label>
          <span id="check-in-code-hint" className="text-std-16N-170 text-solid-gray-600">
            {t('sessions.console.codeHint')}
          </span>
          <input
            ref={inputRef}
            id="check-in-code"
            className={`${textInput} w-64 font-mono uppercase tracking-widest`}
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="check-in-code-hint check-in-result"
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
          {t('sessions.console.checkIn')}
        </button>
      </form>
      <p
        id="check-in-result"
        role="status"
        className={`mt-2 text-std-16B-170 ${result?.kind === 'ok' ? 'text-green-1000' : 'text-error-2'}`}
      >
        {result?.message}
      </p>
      {result?.kind === 'notToday' && (
        <button
          type="button"
          className={`${buttonOutline} mt-2`}
          disabled={loading}
          onClick={() => void record(result.code, true)}
        >
          {t('sessions.console.checkInOtherDay', { code: result.code })}
        </button>
      )}
    </section>
  );
}

function ScoreSummary({ score }: { score: TableScoreFieldsFragment }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const n = (value: number) => formatNumber(value, language);
  return (
    <dl
      className="mt-4 grid gap-x-4 gap-y-1 text-std-16N-170 sm:grid-cols-[16rem_1fr]"
      data-testid="table-score"
    >
      <div className="contents">
        <dt className="font-bold">{t('sessions.console.scoreFirstChoice')}</dt>
        <dd>
          {/* No share of nobody: 「0人／0人（100%）」 read as a perfect score. */}
          {score.withPreferences === 0
            ? t('sessions.console.scoreNoPreferences')
            : t('sessions.console.scoreFirstChoiceValue', {
                first: n(score.firstChoice),
                total: n(score.withPreferences),
                percent: percent(score.firstChoiceShare, language),
              })}
        </dd>
      </div>
      {score.byRank.slice(1).map((count, index) => (
        <div key={index} className="contents">
          <dt className="font-bold">{t('sessions.console.scoreRank', { rank: index + 2 })}</dt>
          <dd>{t('common.people', { count, formatted: n(count) })}</dd>
        </div>
      ))}
      <div className="contents">
        <dt className="font-bold">{t('sessions.console.scoreOutside')}</dt>
        <dd>
          {t('common.people', { count: score.outsidePreferences, formatted: n(score.outsidePreferences) })}
        </dd>
      </div>
      <div className="contents">
        <dt className="font-bold">{t('sessions.console.scoreAssigned')}</dt>
        <dd>
          {t('sessions.console.scoreAssignedValue', {
            assigned: n(score.assigned),
            participants: n(score.participants),
            unassigned: n(score.unassigned),
          })}
        </dd>
      </div>
      <div className="contents">
        <dt className="font-bold">{t('sessions.console.scoreSameMunicipality')}</dt>
        <dd>{n(score.sameMunicipalityPairs)}</dd>
      </div>
    </dl>
  );
}

function TableAssignment({
  session,
  score,
  registrations,
}: {
  session: Session;
  score: TableScoreFieldsFragment;
  registrations: Registration[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [assign, { loading }] = useMutation(AssignTablesDocument, {
    refetchQueries: SESSION_QUERIES,
    awaitRefetchQueries: true,
  });
  const seated = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of registrations)
      if (r.status === 'CONFIRMED' && r.assignedTable)
        counts.set(r.assignedTable.id, (counts.get(r.assignedTable.id) ?? 0) + 1);
    return counts;
  }, [registrations]);

  async function onAssign() {
    setMessage(undefined);
    try {
      const { data } = await assign({ variables: { sessionId: session.id } });
      const result = data?.assignTables.score;
      setMessage({
        ok: true,
        text: !result?.withPreferences
          ? t('sessions.console.assignedNoPreferences')
          : t('sessions.console.assigned', {
              first: formatNumber(result.firstChoice, language),
              total: formatNumber(result.withPreferences, language),
              percent: percent(result.firstChoiceShare, language),
            }),
      });
    } catch (caught) {
      setMessage({ ok: false, text: sessionProblemMessage(caught, t) });
    }
  }

  return (
    <section aria-labelledby="tables-heading" className="mt-10">
      <h2 id="tables-heading" className={sectionTitle}>
        {t('sessions.console.tablesHeading')}
      </h2>
      {session.tables.length === 0 ? (
        <p className="mt-2 text-std-16N-170">{t('sessions.console.noTables')}</p>
      ) : (
        <>
          <p className="mt-2 text-std-16N-170">{t('sessions.console.tablesLead')}</p>
          <ul className="mt-3 flex flex-wrap gap-3">
            {session.tables.map((table) => (
              <li
                key={table.id}
                className="rounded-8 border border-solid-gray-420 px-3 py-2 text-std-16N-170"
              >
                <span lang="ja" className="font-bold">
                  {table.name}
                </span>
                {table.theme && <span lang="ja">：{table.theme}</span>}
                <span className="ml-2 tabular-nums">
                  {t('sessions.console.seatsUsed', {
                    seated: formatNumber(seated.get(table.id) ?? 0, language),
                    seats: formatNumber(table.seats, language),
                  })}
                </span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className={`${buttonSolid} mt-4`}
            disabled={loading}
            aria-busy={loading || undefined}
            onClick={() => void onAssign()}
          >
            {loading ? t('sessions.processing') : t('sessions.console.autoAssign')}
          </button>
          <p
            role="status"
            className={`mt-2 text-std-16B-170 ${message?.ok ? 'text-green-1000' : 'text-error-2'}`}
          >
            {message?.text}
          </p>
          <h3 className="mt-4 text-std-20B-150">{t('sessions.console.scoreHeading')}</h3>
          <ScoreSummary score={score} />
        </>
      )}
    </section>
  );
}

const STATUS_FILTERS = ['ALL', 'CONFIRMED', 'WAITLISTED', 'APPLIED', 'CANCELLED'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

function TableSelect({ session, registration }: { session: Session; registration: Registration }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const [setTable, { loading }] = useMutation(SetTableAssignmentDocument, {
    refetchQueries: SESSION_QUERIES,
  });
  const id = `table-${registration.id}`;
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {withJapanese(t('sessions.console.tableFor', { name: JA }), registration.user.name)}
      </label>
      <select
        id={id}
        className={`${selectInput} min-w-40 py-2`}
        value={registration.assignedTable?.id ?? ''}
        disabled={loading}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={async (event) => {
          setError(undefined);
          try {
            await setTable({
              variables: { registrationId: registration.id, tableId: event.target.value || null },
            });
          } catch (caught) {
            setError(sessionProblemMessage(caught, t));
          }
        }}
      >
        <option value="">{t('sessions.console.noTable')}</option>
        {session.tables.map((table) => (
          <option key={table.id} value={table.id}>
            {table.name}
          </option>
        ))}
      </select>
      {error && (
        <span id={`${id}-error`} role="alert" className="mt-1 block text-std-16B-170 text-error-2">
          {error}
        </span>
      )}
    </div>
  );
}

function CheckInCell({ registration }: { registration: Registration }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [error, setError] = useState<string>();
  const [checkIn, { loading }] = useMutation(CheckInRegistrationDocument, {
    refetchQueries: SESSION_QUERIES,
  });
  if (registration.checkedInAt)
    return (
      <span className="text-green-1000">
        {t('sessions.console.checkedInAt', { date: formatJst(registration.checkedInAt, language) })}
      </span>
    );
  if (registration.status !== 'CONFIRMED') return <span className="text-solid-gray-600">—</span>;
  return (
    <div>
      <button
        type="button"
        className={buttonSmallOutline}
        disabled={loading}
        aria-label={t('sessions.console.checkInFor', { name: registration.user.name })}
        onClick={async () => {
          setError(undefined);
          try {
            await checkIn({ variables: { registrationId: registration.id } });
          } catch (caught) {
            setError(sessionProblemMessage(caught, t));
          }
        }}
      >
        {t('sessions.console.checkInButton')}
      </button>
      {error && (
        <span role="alert" className="mt-1 block text-std-16B-170 text-error-2">
          {error}
        </span>
      )}
    </div>
  );
}

function RegistrationsTable({ session, registrations }: { session: Session; registrations: Registration[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [filter, setFilter] = useState<StatusFilter>('ALL');
  const counts = useMemo(() => {
    const map = new Map<RegistrationStatus, number>();
    for (const r of registrations) map.set(r.status, (map.get(r.status) ?? 0) + 1);
    return map;
  }, [registrations]);
  const shown = filter === 'ALL' ? registrations : registrations.filter((r) => r.status === filter);
  const canSeat = session.tables.length > 0 && session.status !== 'CANCELLED';
  const { ref, overflows } = useHorizontalOverflow<HTMLDivElement>();
  return (
    <section aria-labelledby="registrations-heading" className="mt-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="registrations-heading" className={sectionTitle}>
          {t('sessions.console.registrationsHeading')}
        </h2>
        <a href={`/sessions/${session.id}/registrations.csv`} className={buttonOutline} download>
          {t('sessions.console.csv')}
        </a>
      </div>
      <div className="mt-4 max-w-xs">
        <label htmlFor="registration-filter" className={fieldLabel}>
          {t('sessions.console.filter')}
        </label>
        <select
          id="registration-filter"
          className={`${selectInput} mt-1`}
          value={filter}
          onChange={(e) => setFilter(e.target.value as StatusFilter)}
        >
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {status === 'ALL'
                ? t('sessions.console.filterAll', { n: registrations.length })
                : t('sessions.console.filterStatus', {
                    status: t(`sessions.console.statusNames.${status}`),
                    n: counts.get(status) ?? 0,
                  })}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p className="mt-4 text-std-16N-170">{t('sessions.console.noRegistrations')}</p>
      ) : (
        <>
          <ScrollHint id="registrations-scroll" show={overflows} />
          <div
            ref={ref}
            className="mt-4 overflow-x-auto"
            style={scrollShadows}
            tabIndex={0}
            role="group"
            aria-labelledby="registrations-heading"
            aria-describedby={overflows ? 'registrations-scroll' : undefined}
          >
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">
                {t('sessions.console.registrationsCaption', { n: shown.length })}
              </caption>
              <TableHead
                rule="border-solid-gray-600"
                nowrap
                columns={[
                  { label: t('sessions.console.colArrival') },
                  { label: t('sessions.console.colName') },
                  { label: t('sessions.console.colMunicipality') },
                  { label: t('sessions.console.colStatus') },
                  { label: t('sessions.console.colPreferences') },
                  { label: t('sessions.console.colTable') },
                  { label: t('sessions.console.colAttendance') },
                ]}
              />
              <tbody>
                {shown.map((r) => (
                  <tr key={r.id} className="border-b border-solid-gray-420">
                    <td className={`${td} tabular-nums`}>{r.arrivalSeq}</td>
                    <th scope="row" className={`${td} font-normal`}>
                      <span lang="ja" className="block whitespace-nowrap font-bold">
                        {r.user.name}
                      </span>
                      {/* An address stays on one line (broken, it reads as two addresses); a table wider
                        than its box scrolls sideways and says so (ScrollHint). */}
                      <span className="block whitespace-nowrap text-solid-gray-700">{r.user.email}</span>
                    </th>
                    <td className={td}>
                      {/* 「北九州市」 stays whole (it read 北九州／市): names are short, they do not wrap. */}
                      <span lang="ja" className="whitespace-nowrap">
                        {r.municipality.name}
                      </span>
                      <span className="block whitespace-nowrap text-solid-gray-700">
                        {language === 'en'
                          ? r.municipality.prefecture.nameEn
                          : r.municipality.prefecture.name}
                      </span>
                    </td>
                    <td className={td}>
                      <RegistrationStatusBadge status={r.status} />
                      {r.status === 'WAITLISTED' && r.waitlistPosition !== null && (
                        <span className="mt-1 block">
                          {t('sessions.registration.waitlistPosition', { position: r.waitlistPosition })}
                        </span>
                      )}
                    </td>
                    <td className={td}>
                      {r.tablePreferences.length === 0 ? (
                        <span className="text-solid-gray-600">—</span>
                      ) : (
                        <ol className="list-decimal pl-5">
                          {r.tablePreferences.map((table) => (
                            <li key={table.id} lang="ja">
                              {table.name}
                            </li>
                          ))}
                        </ol>
                      )}
                    </td>
                    <td className={td}>
                      {r.status === 'CONFIRMED' && canSeat ? (
                        <TableSelect session={session} registration={r} />
                      ) : (
                        <span lang="ja">{r.assignedTable?.name ?? '—'}</span>
                      )}
                    </td>
                    <td className={td}>
                      <CheckInCell registration={r} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function PrefectureCounts({ rows }: { rows: ConsoleData['registrationCountsByPrefecture'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const n = (value: number) => formatNumber(value, language);
  return (
    <section aria-labelledby="prefectures-heading" className="mt-10">
      <h2 id="prefectures-heading" className={sectionTitle}>
        {t('sessions.console.prefecturesHeading')}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-std-16N-170">{t('sessions.console.noRegistrations')}</p>
      ) : (
        <div className="mt-4 overflow-x-auto" tabIndex={0} role="group" aria-labelledby="prefectures-heading">
          <table className="w-full border-collapse text-left md:max-w-3xl">
            <caption className="sr-only">{t('sessions.console.prefecturesCaption')}</caption>
            <TableHead
              rule="border-solid-gray-600"
              nowrap
              columns={[
                { label: t('sessions.console.colPrefecture') },
                { label: t('sessions.console.colMunicipalities'), className: 'text-right' },
                { label: t('sessions.console.statusNames.CONFIRMED'), className: 'text-right' },
                { label: t('sessions.console.statusNames.WAITLISTED'), className: 'text-right' },
                { label: t('sessions.console.statusNames.APPLIED'), className: 'text-right' },
              ]}
            />
            <tbody>
              {rows.map((row) => (
                <tr key={row.prefectureCode} className="border-b border-solid-gray-420">
                  <th scope="row" className={`${td} font-normal`}>
                    <span lang="ja">{row.prefectureName}</span>
                  </th>
                  <td className={`${td} text-right tabular-nums`}>{n(row.municipalities)}</td>
                  <td className={`${td} text-right tabular-nums`}>{n(row.confirmed)}</td>
                  <td className={`${td} text-right tabular-nums`}>{n(row.waitlisted)}</td>
                  <td className={`${td} text-right tabular-nums`}>{n(row.applied)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** `/sessions/:id/console`: 運営コンソール — everything the organiser does on the day and before it. */
export function SessionConsolePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const { user, loading: userLoading } = useCurrentUser();
  const organiser = isOrganiser(user);
  const valid = isSessionId(id);
  const { data, loading, error, refetch } = useQuery(SessionConsoleDocument, {
    variables: { id },
    skip: !valid || !organiser,
    fetchPolicy: 'cache-and-network',
  });
  const [notice, setNotice] = useState<string>();
  const noticeRef = useRef<HTMLDivElement>(null);
  const session = data?.exchangeSession;
  const title = t('sessions.console.title');

  function done(message: string) {
    setNotice(message);
    setTimeout(() => noticeRef.current?.focus());
  }

  let body;
  if (!valid || (data && !session) || apiProblem(error).code === 'NOT_FOUND')
    body = (
      <>
        <p className="mt-4 text-std-16N-170">{t('sessions.detail.notFoundBody')}</p>
        <p className="mt-6">
          <Link to="/sessions" className="link-text">
            {t('sessions.detail.backToList')}
          </Link>
        </p>
      </>
    );
  else if (!session)
    body = error ? <ErrorNotice error={error} onRetry={() => void refetch()} /> : loading && <Loading />;
  else {
    const registrations = session.registrations ?? [];
    body = (
      <>
        <p lang="ja" className="mt-2 text-std-20B-150 text-solid-gray-900">
          <Link to={`/sessions/${session.id}`} className="link-text">
            {session.title}
          </Link>
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-std-16N-170">
          <SessionStatusBadge status={session.status} />
          <FormatBadge format={session.format} />
          <span>{termLabel(session.term, language)}</span>
          <span>
            {formatSessionTime(session.startsAt, session.endsAt, language)}
            {t('sessions.jstSuffix')}
          </span>
        </div>
        <div ref={noticeRef} tabIndex={-1} role="status" className={notice ? 'mt-6' : 'sr-only'}>
          {notice && (
            <p className="rounded-12 border-2 border-success-2 bg-green-50 p-4 text-std-16B-170 text-green-1000">
              {notice}
            </p>
          )}
        </div>
        <Figures session={session} />
        <LifecycleActions session={session} onDone={done} />
        {session.status !== 'CANCELLED' && session.status !== 'DRAFT' && <CheckInBox />}
        <TableAssignment session={session} score={data.tableAssignmentScore} registrations={registrations} />
        <RegistrationsTable session={session} registrations={registrations} />
        <PrefectureCounts rows={data.registrationCountsByPrefecture} />
        {session.status !== 'CANCELLED' && (
          <div className="mt-10">
            <AttachmentsSection ownerType="EXCHANGE_SESSION" ownerId={session.id} />
          </div>
        )}
        {session.status !== 'DRAFT' && session.status !== 'CANCELLED' && (
          <FinishForm session={session} onDone={done} />
        )}
        <QuestionnaireSection sessionId={session.id} />
      </>
    );
  }

  return (
    <OrganiserSessionPage title={title} session={session} userLoading={userLoading} organiser={organiser}>
      {body}
    </OrganiserSessionPage>
  );
}
