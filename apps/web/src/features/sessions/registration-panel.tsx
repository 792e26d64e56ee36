import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import {
  CancelRegistrationDocument,
  MyColleaguesDocument,
  RegisterForSessionDocument,
  SessionRegistrationQuestionsDocument,
  type SessionDetailFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { formatNumber } from '../../shared/format';
import { ErrorNotice } from '../../shared/status';
import {
  buttonDanger,
  buttonSolid,
  fieldHint,
  fieldLabel,
  sectionTitle,
  selectInput,
} from '../../shared/ui-classes';
import { loginPath } from '../auth/redirect';
import type { CurrentUser } from '../auth/use-current-user';
import { formatJst } from './jst';
import { RegistrationStatusBadge } from './session-badges';
import { forgetSessionLists, SESSION_QUERIES } from './session-cache';
import { sessionProblemMessage } from './session-errors';
import { FormErrorSummary } from '../../shared/error-summary';
import {
  answerInputs,
  missingRequired,
  QuestionFields,
  questionFieldId,
  type AnswerDrafts,
} from '../questionnaires/answers';

type Session = SessionDetailFragment;
type Mine = NonNullable<Session['myRegistration']>;

/** How many ranked choices the form offers: enough to matter, few enough to fill in quickly. */
const MAX_RANKS = 3;

function tableLabel(table: { name: string; theme: string }): string {
  return table.theme ? `${table.name}：${table.theme}` : table.name;
}

/** Until the window closes a registrant may cancel online; afterwards only the organiser can. */
function canCancelOnline(session: Session): boolean {
  return (
    (session.status === 'OPEN' || session.status === 'CLOSED') &&
    Date.now() < Date.parse(session.registrationClosesAt)
  );
}

function QrCode({ registration }: { registration: Mine }) {
  const { t } = useTranslation();
  if (!registration.checkInQrSvg || !registration.checkInCode) return null;
  // The SVG comes from our API; shown as an image it can neither run script nor touch the page.
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(registration.checkInQrSvg)}`;
  return (
    <img
      src={src}
      alt={t('sessions.registration.qrAlt', { code: registration.checkInCode })}
      width={176}
      height={176}
      className="size-44 rounded-8 border border-solid-gray-420 bg-white"
    />
  );
}

function RegistrationStatus({
  session,
  registration,
  headingRef,
  onCancelled,
}: {
  session: Session;
  registration: Mine;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const [cancel, { loading }] = useMutation(CancelRegistrationDocument, {
    update: forgetSessionLists,
    refetchQueries: SESSION_QUERIES,
    awaitRefetchQueries: true,
  });
  const cancellable = canCancelOnline(session);

  async function onConfirm() {
    setError(undefined);
    try {
      await cancel({ variables: { registrationId: registration.id } });
      setConfirming(false);
      onCancelled();
    } catch (caught) {
      setConfirming(false);
      setError(caught);
    }
  }

  const explanation =
    registration.status === 'CONFIRMED'
      ? t('sessions.registration.confirmedBody')
      : registration.status === 'WAITLISTED'
        ? t('sessions.registration.waitlistedBody')
        : t('sessions.registration.appliedBody', {
            date: formatJst(session.registrationClosesAt, language),
          });

  return (
    <div>
      <h2 id="registration-heading" ref={headingRef} tabIndex={-1} className={sectionTitle}>
        {t('sessions.registration.statusHeading')}
      </h2>
      <p
        className="mt-3 flex flex-wrap items-center gap-3 text-std-20B-150"
        data-testid="registration-status"
      >
        <RegistrationStatusBadge status={registration.status} />
        {registration.status === 'WAITLISTED' && registration.waitlistPosition !== null && (
          <span>
            {t('sessions.registration.waitlistPosition', { position: registration.waitlistPosition })}
          </span>
        )}
      </p>
      <p className="mt-2 text-std-16N-170">{explanation}</p>
      <dl className="mt-4 grid gap-x-4 gap-y-1 text-std-16N-170 sm:grid-cols-[12rem_1fr]">
        <div className="contents">
          <dt className="font-bold">{t('sessions.registration.registeredAt')}</dt>
          <dd>{formatJst(registration.registeredAt, language)}</dd>
        </div>
        {registration.tablePreferences.map((table, index) => (
          <div key={table.id} className="contents">
            <dt className="font-bold">{t('sessions.registration.rank', { rank: index + 1 })}</dt>
            <dd lang="ja">{tableLabel(table)}</dd>
          </div>
        ))}
        {registration.assignedTable && (
          <div className="contents">
            <dt className="font-bold">{t('sessions.registration.assignedTable')}</dt>
            <dd lang="ja">{tableLabel(registration.assignedTable)}</dd>
          </div>
        )}
      </dl>

      {registration.status === 'CONFIRMED' && registration.checkInCode && (
        <section aria-labelledby="check-in-heading" className="mt-6 rounded-12 bg-solid-gray-50 p-4">
          <h3 id="check-in-heading" className="text-std-20B-150">
            {t('sessions.registration.checkInHeading')}
          </h3>
          <p className="mt-1 text-std-16N-170">{t('sessions.registration.checkInBody')}</p>
          <div className="mt-3 flex flex-wrap items-center gap-6">
            <QrCode registration={registration} />
            <p>
              <span className="block text-std-16N-170">{t('sessions.registration.checkInCode')}</span>
              <span
                className="block font-mono text-std-28B-150 tracking-[0.2em] text-solid-gray-900"
                data-testid="check-in-code"
              >
                {registration.checkInCode}
              </span>
              {registration.checkedInAt && (
                <span className="mt-1 block text-std-16B-170 text-green-1000">
                  {t('sessions.registration.checkedInAt', {
                    date: formatJst(registration.checkedInAt, language),
                  })}
                </span>
              )}
            </p>
          </div>
        </section>
      )}

      {error !== undefined && <ErrorNotice message={sessionProblemMessage(error, t)} />}
      {cancellable ? (
        <button type="button" className={`${buttonDanger} mt-6`} onClick={() => setConfirming(true)}>
          {t('sessions.registration.cancel')}
        </button>
      ) : (
        session.status !== 'FINISHED' &&
        session.status !== 'CANCELLED' && (
          <p className="mt-6 text-std-16N-170">{t('sessions.registration.cancelClosed')}</p>
        )
      )}
      <ConfirmDialog
        open={confirming}
        title={t('sessions.registration.cancelTitle')}
        body={
          registration.status === 'CONFIRMED'
            ? t('sessions.registration.cancelBodyConfirmed')
            : t('sessions.registration.cancelBodyOther')
        }
        confirmLabel={loading ? t('sessions.processing') : t('sessions.registration.cancelConfirm')}
        danger
        busy={loading}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

function RegisterForm({
  session,
  user,
  previouslyCancelled,
  headingRef,
  onRegistered,
  colleaguesOnly = false,
}: {
  session: Session;
  user: CurrentUser;
  previouslyCancelled: boolean;
  headingRef?: RefObject<HTMLHeadingElement | null>;
  onRegistered: () => void;
  /** The caller is registered already: the form registers a colleague. */
  colleaguesOnly?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ranks = Math.min(MAX_RANKS, session.tables.length);
  const [choices, setChoices] = useState<string[]>(() => Array.from({ length: ranks }, () => ''));
  const [fieldError, setFieldError] = useState<{ rank: number; message: string }>();
  const [formError, setFormError] = useState<string>();
  // Whom to register: oneself (the default) or a colleague of the same municipality.
  const [outcome, setColleagueResult] = useState<{ text: string; userId: string }>();
  // Colleagues already registered are not offered again.
  const registeredIds = new Set(session.municipalityRegistrations.map((r) => r.user.id));
  const colleagues =
    useQuery(MyColleaguesDocument).data?.myColleagues.filter(
      (c) => c.id !== user.id && !registeredIds.has(c.id),
    ) ?? [];
  // What happened to the colleague just registered, while it still holds (not after they were cancelled).
  const colleagueResult =
    outcome && (!colleaguesOnly || registeredIds.has(outcome.userId)) ? outcome.text : undefined;
  const [chosen, setParticipant] = useState<string>();
  const participant = chosen ?? (colleaguesOnly ? (colleagues[0]?.id ?? '') : user.id);
  const summaryRef = useRef<HTMLDivElement>(null);
  // The organiser's registration questions (アンケート), answered with the registration.
  const questions =
    useQuery(SessionRegistrationQuestionsDocument, { variables: { id: session.id } }).data?.exchangeSession
      ?.registrationQuestions ?? [];
  const [answers, setAnswers] = useState<AnswerDrafts>({});
  const [unanswered, setUnanswered] = useState<string[]>([]);
  const answerPrefix = colleaguesOnly ? 'colleague-registration' : 'registration';
  const [register, { loading }] = useMutation(RegisterForSessionDocument, {
    update: forgetSessionLists,
    refetchQueries: SESSION_QUERIES,
    awaitRefetchQueries: true,
  });
  const hasErrors = Boolean(fieldError || formError || unanswered.length);

  useEffect(() => {
    if (hasErrors) summaryRef.current?.focus();
  }, [hasErrors, fieldError, formError, unanswered]);

  function validate(): { rank: number; message: string } | undefined {
    for (let i = 0; i < choices.length; i += 1) {
      if (!choices[i]) continue;
      if (choices.slice(0, i).includes(choices[i]))
        return { rank: i, message: t('sessions.registration.duplicateChoice', { rank: i + 1 }) };
      const gap = choices.slice(0, i).findIndex((c) => !c);
      if (gap >= 0)
        return { rank: gap, message: t('sessions.registration.skippedChoice', { rank: gap + 1 }) };
    }
    return undefined;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const invalid = validate();
    setFieldError(invalid);
    const missing = missingRequired(questions, answers).map((q) => q.id);
    setUnanswered(missing);
    if (invalid || missing.length) return;
    const tablePreferences = choices.filter(Boolean);
    const given = answerInputs(questions, answers);
    const forColleague = participant !== user.id;
    if (!participant) return;
    setColleagueResult(undefined);
    try {
      const result = await register({
        variables: {
          sessionId: session.id,
          input:
            tablePreferences.length || forColleague || given.length
              ? {
                  ...(tablePreferences.length ? { tablePreferences } : {}),
                  ...(forColleague ? { userId: participant } : {}),
                  ...(given.length ? { answers: given } : {}),
                }
              : null,
        },
      });
      const registered = result.data?.registerForSession;
      if (forColleague && registered) {
        setColleagueResult({
          userId: registered.user.id,
          text:
            registered.status === 'WAITLISTED'
              ? t('sessions.registration.colleagueWaitlisted', {
                  name: registered.user.name,
                  position: registered.waitlistPosition ?? '',
                })
              : registered.status === 'APPLIED'
                ? t('sessions.registration.colleagueApplied', { name: registered.user.name })
                : t('sessions.registration.colleagueRegistered', { name: registered.user.name }),
        });
        setParticipant(undefined);
        setAnswers({});
        return;
      }
      onRegistered();
    } catch (caught) {
      setFormError(sessionProblemMessage(caught, t));
    }
  }

  const full = session.allocationMode === 'FIRST_COME' && session.remainingSeats === 0;
  const limit = session.perMunicipalityLimit;
  // Nobody left to register: the colleague form says nothing rather than offer an empty choice (a result
  // just announced stays until the next render).
  if (colleaguesOnly && colleagues.length === 0)
    return colleagueResult ? (
      <p
        role="status"
        className="mt-6 rounded-8 border-l-4 border-green-800 bg-green-50 p-3 text-std-16B-170"
      >
        {colleagueResult}
      </p>
    ) : null;

  return (
    <div className={colleaguesOnly ? 'mt-8 border-t border-solid-gray-420 pt-6' : undefined}>
      {colleaguesOnly ? (
        <h3 className="text-std-20B-150">{t('sessions.registration.colleagueHeading')}</h3>
      ) : (
        <h2 id="registration-heading" ref={headingRef} tabIndex={-1} className={sectionTitle}>
          {t('sessions.registration.formHeading')}
        </h2>
      )}
      {previouslyCancelled && !colleaguesOnly && (
        <p className="mt-2 text-std-16N-170">{t('sessions.registration.previouslyCancelled')}</p>
      )}
      <p className="mt-2 text-std-16N-170">
        {t('sessions.registration.deadline', { date: formatJst(session.registrationClosesAt, language) })}
      </p>
      {session.allocationMode === 'LOTTERY' ? (
        <p className="mt-2 rounded-8 border-l-4 border-blue-900 bg-blue-50 p-3 text-std-16N-170">
          {t('sessions.registration.lotteryNote', {
            date: formatJst(session.registrationClosesAt, language),
          })}
        </p>
      ) : (
        full && (
          <p className="mt-2 rounded-8 border-l-4 border-orange-800 bg-orange-50 p-3 text-std-16B-170">
            {t('sessions.registration.fullNote', { position: session.waitlistCount + 1 })}
          </p>
        )
      )}

      {hasErrors && (
        <FormErrorSummary
          ref={summaryRef}
          heading={t('sessions.registration.errorSummary')}
          headingLevel="h3"
          formError={formError}
          fields={[
            ...(fieldError
              ? [{ fieldId: `preference-${fieldError.rank}`, message: fieldError.message }]
              : []),
            ...unanswered.map((id) => ({
              fieldId: questionFieldId(answerPrefix, id),
              message: t('questionnaires.answerRequired', {
                question: questions.find((q) => q.id === id)?.label ?? '',
              }),
            })),
          ]}
        />
      )}

      <form className="mt-6 flex max-w-2xl flex-col gap-6" noValidate onSubmit={(e) => void onSubmit(e)}>
        {colleagues.length === 0 && !colleaguesOnly ? (
          <fieldset>
            <legend className={fieldLabel}>{t('sessions.registration.who')}</legend>
            <p className="mt-1 text-std-16N-170">
              {t('sessions.registration.self', {
                name: user.name,
                municipality: user.municipality?.name ?? '',
              })}
            </p>
            <p className={fieldHint}>
              {limit
                ? t('sessions.registration.colleaguesHintLimit', { limit: formatNumber(limit, language) })
                : t('sessions.registration.colleaguesHint')}
            </p>
          </fieldset>
        ) : (
          <div className="flex flex-col gap-1">
            <label htmlFor="participant" className={fieldLabel}>
              {t('sessions.registration.who')}
            </label>
            <p id="participant-hint" className={fieldHint}>
              {limit
                ? t('sessions.registration.onBehalfHintLimit', { limit: formatNumber(limit, language) })
                : t('sessions.registration.onBehalfHint')}
            </p>
            <select
              id="participant"
              className={selectInput}
              value={participant}
              aria-describedby="participant-hint"
              onChange={(event) => setParticipant(event.target.value)}
            >
              {!colleaguesOnly && (
                <option value={user.id}>{t('sessions.registration.myself', { name: user.name })}</option>
              )}
              {colleagues.map((c) => (
                <option key={c.id} value={c.id}>
                  {colleagueLabel(c)}
                </option>
              ))}
            </select>
          </div>
        )}
        {colleagueResult && (
          <p role="status" className="rounded-8 border-l-4 border-green-800 bg-green-50 p-3 text-std-16B-170">
            {colleagueResult}
          </p>
        )}
        {ranks > 0 && (
          <fieldset>
            <legend className={fieldLabel}>{t('sessions.registration.preferences')}</legend>
            <p id="preferences-hint" className={fieldHint}>
              {t('sessions.registration.preferencesHint')}
            </p>
            <div className="mt-3 flex flex-col gap-4">
              {choices.map((choice, index) => {
                const id = `preference-${index}`;
                const invalid = fieldError?.rank === index;
                return (
                  <div key={id} className="flex flex-col gap-1">
                    <label htmlFor={id} className="text-std-16B-170">
                      {t('sessions.registration.rank', { rank: index + 1 })}
                    </label>
                    <select
                      id={id}
                      className={`${selectInput} ${invalid ? 'border-2 border-error-1' : ''}`}
                      value={choice}
                      aria-invalid={invalid || undefined}
                      aria-describedby={invalid ? `${id}-error` : 'preferences-hint'}
                      onChange={(event) =>
                        setChoices((previous) =>
                          previous.map((value, i) => (i === index ? event.target.value : value)),
                        )
                      }
                    >
                      <option value="">{t('sessions.registration.noPreference')}</option>
                      {session.tables.map((table) => (
                        <option key={table.id} value={table.id}>
                          {tableLabel(table)}
                        </option>
                      ))}
                    </select>
                    {invalid && (
                      <span id={`${id}-error`} className="text-std-16B-170 text-error-2">
                        {fieldError.message}
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          </fieldset>
        )}
        {questions.length > 0 && (
          <fieldset className="flex flex-col gap-4">
            <legend className={fieldLabel}>{t('questionnaires.registrationQuestions')}</legend>
            <QuestionFields
              questions={questions}
              drafts={answers}
              onChange={setAnswers}
              idPrefix={answerPrefix}
              invalid={unanswered}
            />
          </fieldset>
        )}
        <div>
          <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
            {loading
              ? t('sessions.processing')
              : session.allocationMode === 'LOTTERY'
                ? t('sessions.registration.submitLottery')
                : full
                  ? t('sessions.registration.submitWaitlist')
                  : t('sessions.registration.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** 同じ自治体からの申込: colleagues' registrations (some made by the caller for them), each cancellable. */
function OurRegistrations({ session, user }: { session: Session; user: CurrentUser }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<{ id: string; name: string }>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [cancel, { loading }] = useMutation(CancelRegistrationDocument, {
    update: forgetSessionLists,
    refetchQueries: SESSION_QUERIES,
    awaitRefetchQueries: true,
  });
  const others = session.municipalityRegistrations.filter((r) => r.user.id !== user.id);
  const cancellable = canCancelOnline(session);
  if (!others.length && !notice) return null;

  async function onConfirm() {
    if (!confirming) return;
    setError(undefined);
    try {
      await cancel({ variables: { registrationId: confirming.id } });
      setNotice(t('sessions.registration.ourCancelled', { name: confirming.name }));
    } catch (caught) {
      setError(caught);
    }
    setConfirming(undefined);
  }

  return (
    <section aria-labelledby="our-registrations-heading" className="mt-8 border-t border-solid-gray-420 pt-6">
      <h3 id="our-registrations-heading" className="text-std-20B-150">
        {t('sessions.registration.ourHeading')}
      </h3>
      <p role="status" className={notice ? 'mt-2 text-std-16B-170 text-green-1000' : 'sr-only'}>
        {notice}
      </p>
      {others.length > 0 && (
        <>
          <p className="mt-1 text-std-16N-170">{t('sessions.registration.ourBody')}</p>
          <ul className="mt-3 flex flex-col gap-3" data-testid="our-registrations">
            {others.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-3 text-std-16N-170">
                <span className="font-bold">{r.user.name}</span>
                <RegistrationStatusBadge status={r.status} />
                {r.status === 'WAITLISTED' && r.waitlistPosition !== null && (
                  <span>{t('sessions.registration.waitlistPosition', { position: r.waitlistPosition })}</span>
                )}
                {cancellable && (
                  <button
                    type="button"
                    className="link-text text-std-16N-170"
                    onClick={() => setConfirming({ id: r.id, name: r.user.name })}
                  >
                    {t('sessions.registration.ourCancel', { name: r.user.name })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {error !== undefined && <ErrorNotice message={sessionProblemMessage(error, t)} />}
      <ConfirmDialog
        open={confirming !== undefined}
        title={t('sessions.registration.ourCancelTitle', { name: confirming?.name ?? '' })}
        body={t('sessions.registration.cancelBodyOther')}
        confirmLabel={loading ? t('sessions.processing') : t('sessions.registration.cancelConfirm')}
        danger
        busy={loading}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(undefined)}
      />
    </section>
  );
}

function NotOpen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const opens = formatJst(session.registrationOpensAt, language);
  const closes = formatJst(session.registrationClosesAt, language);
  let message: string;
  if (session.status === 'CANCELLED') message = t('sessions.window.cancelled');
  else if (session.status === 'FINISHED') message = t('sessions.window.finished');
  else if (session.status === 'DRAFT') message = t('sessions.window.draft', { opens, closes });
  else if (session.status === 'OPEN' && Date.parse(session.registrationOpensAt) > Date.now())
    message = t('sessions.window.opensAt', { date: opens });
  else message = t('sessions.window.closed', { date: closes });
  return <p className="mt-2 text-std-16N-170">{message}</p>;
}

/** 参加申込: the form, or where one stands (status, waitlist number, check-in code), with cancellation. */
/** 山田 花子（DX推進課・主査）: two colleagues with one name differ by where they work and what they are. */
function colleagueLabel(c: { name: string; department?: string | null; title?: string | null }): string {
  const role = [c.department, c.title]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join('・');
  return role ? `${c.name}（${role}）` : c.name;
}

export function RegistrationPanel({ session, user }: { session: Session; user: CurrentUser | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState<string>();
  const [focusAfterChange, setFocusAfterChange] = useState(false);
  const live =
    session.myRegistration && session.myRegistration.status !== 'CANCELLED' ? session.myRegistration : null;

  // After registering or cancelling the panel changes shape: put focus on its new heading.
  useEffect(() => {
    if (!focusAfterChange) return;
    headingRef.current?.focus();
    setFocusAfterChange(false);
  }, [focusAfterChange, live]);

  const officer = user && user.role === 'OFFICER' && user.municipality ? user : null;
  let body;
  if (live) {
    body = (
      <>
        <RegistrationStatus
          session={session}
          registration={live}
          headingRef={headingRef}
          onCancelled={() => {
            setAnnouncement(t('sessions.registration.cancelledNotice'));
            setFocusAfterChange(true);
          }}
        />
        {officer && session.isRegistrationOpen && (
          <RegisterForm
            session={session}
            user={officer}
            previouslyCancelled={false}
            colleaguesOnly
            onRegistered={() => undefined}
          />
        )}
      </>
    );
  } else if (!user) {
    body = (
      <div>
        <h2 id="registration-heading" className={sectionTitle}>
          {t('sessions.registration.formHeading')}
        </h2>
        {session.isRegistrationOpen ? (
          <p className="mt-2 text-std-16N-170">
            {t('sessions.registration.loginPrompt')}{' '}
            <Link to={loginPath(location.pathname)} className="link-text">
              {t('sessions.registration.loginLink')}
            </Link>
          </p>
        ) : (
          <NotOpen session={session} />
        )}
      </div>
    );
  } else if (user.role !== 'OFFICER' || !user.municipality) {
    body = (
      <div>
        <h2 id="registration-heading" className={sectionTitle}>
          {t('sessions.registration.formHeading')}
        </h2>
        <p className="mt-2 text-std-16N-170">{t('sessions.registration.officersOnly')}</p>
      </div>
    );
  } else if (session.isRegistrationOpen) {
    body = (
      <RegisterForm
        session={session}
        user={user}
        previouslyCancelled={session.myRegistration?.status === 'CANCELLED'}
        headingRef={headingRef}
        onRegistered={() => {
          setAnnouncement(t('sessions.registration.registeredNotice'));
          setFocusAfterChange(true);
        }}
      />
    );
  } else {
    body = (
      <div>
        <h2 id="registration-heading" ref={headingRef} tabIndex={-1} className={sectionTitle}>
          {t('sessions.registration.formHeading')}
        </h2>
        {session.myRegistration?.status === 'CANCELLED' && (
          <p className="mt-2 text-std-16N-170">{t('sessions.registration.previouslyCancelled')}</p>
        )}
        <NotOpen session={session} />
      </div>
    );
  }

  return (
    <section
      aria-labelledby="registration-heading"
      className="mt-8 rounded-12 border-2 border-blue-900 p-4 md:p-6"
    >
      <p role="status" className={announcement ? 'mb-4 text-std-16B-170 text-green-1000' : 'sr-only'}>
        {announcement}
      </p>
      {body}
      {user && <OurRegistrations session={session} user={user} />}
    </section>
  );
}
