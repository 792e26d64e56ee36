import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  CancelExchangeSessionDocument,
  CloseRegistrationDocument,
  OpenRegistrationDocument,
  type SessionConsoleQuery,
} from '../../graphql/generated/graphql';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { TextAreaField } from '../../shared/form-fields';
import { ErrorNotice } from '../../shared/status';
import { buttonOutline, buttonSolid, sectionTitle } from '../../shared/ui-classes';
import { FormDialog } from '../../shared/form-dialog';
import { forgetSessionLists, SESSION_QUERIES } from './session-cache';
import { sessionProblemMessage } from './session-errors';

type Session = NonNullable<SessionConsoleQuery['exchangeSession']>;
type Pending = 'open' | 'close' | 'cancel';

/** Closing actions are secondary: outlined, in red for the one that cannot be undone. */
const buttonDangerOutline =
  'inline-flex min-h-12 min-w-24 items-center justify-center gap-2 rounded-8 border border-current bg-white px-4 py-2 text-oln-16B-100 text-error-2 underline-offset-[3px] hover:bg-red-50 hover:underline disabled:cursor-not-allowed disabled:text-solid-gray-420 disabled:no-underline';

/**
 * 申込受付の開始 / 締切（抽選） / 開催中止: the steps of a session's life that the organiser takes by hand.
 * The solid button is the likely next step: opening a draft; once open, watching who registers (the
 * window closes by itself); once closed, 当日受付. Closing and cancelling are there, but never primary.
 */
export function LifecycleActions({
  session,
  onDone,
}: {
  session: Session;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending>();
  const [error, setError] = useState<string>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const options = { update: forgetSessionLists, refetchQueries: SESSION_QUERIES, awaitRefetchQueries: true };
  const [open, openState] = useMutation(OpenRegistrationDocument, options);
  const [close, closeState] = useMutation(CloseRegistrationDocument, options);
  const [cancel, cancelState] = useMutation(CancelExchangeSessionDocument, options);
  const busy = openState.loading || closeState.loading || cancelState.loading;
  const lottery = session.allocationMode === 'LOTTERY';
  const canReopen = session.status === 'CLOSED' && !session.lotteryDrawnAt;

  async function run(action: Pending) {
    setError(undefined);
    try {
      if (action === 'open') {
        await open({ variables: { sessionId: session.id } });
        onDone(t('sessions.console.opened'));
      } else if (action === 'close') {
        await close({ variables: { sessionId: session.id } });
        onDone(lottery ? t('sessions.console.closedLottery') : t('sessions.console.closed'));
      } else {
        if (!reason.trim()) {
          setReasonError(t('sessions.console.cancelReasonRequired'));
          return;
        }
        await cancel({ variables: { sessionId: session.id, reason: reason.trim() } });
        onDone(t('sessions.console.cancelled'));
      }
      setPending(undefined);
    } catch (caught) {
      const message = sessionProblemMessage(caught, t);
      if (action === 'cancel') {
        setReasonError(message);
      } else {
        setPending(undefined);
        setError(message);
      }
    }
  }

  if (session.status === 'FINISHED' || session.status === 'CANCELLED') return null;

  return (
    <section
      aria-labelledby="lifecycle-heading"
      className="mt-8 rounded-12 border-2 border-blue-900 p-4 md:p-6"
    >
      <h2 id="lifecycle-heading" className={sectionTitle}>
        {t('sessions.console.lifecycle')}
      </h2>
      <p className="mt-2 text-std-16N-170">{t(`sessions.console.statusHelp.${session.status}`)}</p>
      <div className="mt-4 flex flex-wrap gap-3">
        {session.status === 'DRAFT' && (
          <button type="button" className={buttonSolid} disabled={busy} onClick={() => setPending('open')}>
            {t('sessions.console.open')}
          </button>
        )}
        {session.status === 'OPEN' && (
          <a href="#registrations-heading" className={buttonSolid}>
            {t('sessions.console.nextRegistrations')}
          </a>
        )}
        {session.status === 'CLOSED' && (
          <a href="#check-in-heading" className={buttonSolid}>
            {t('sessions.console.nextCheckIn')}
          </a>
        )}
        {canReopen && (
          <button type="button" className={buttonOutline} disabled={busy} onClick={() => setPending('open')}>
            {t('sessions.console.reopen')}
          </button>
        )}
        {session.status === 'OPEN' && (
          <button type="button" className={buttonOutline} disabled={busy} onClick={() => setPending('close')}>
            {lottery ? t('sessions.console.closeAndDraw') : t('sessions.console.close')}
          </button>
        )}
        <Link to={`/sessions/${session.id}/edit`} className={buttonOutline}>
          {t('sessions.detail.edit')}
        </Link>
        <button
          type="button"
          className={buttonDangerOutline}
          disabled={busy}
          onClick={() => {
            setReason('');
            setReasonError(undefined);
            setPending('cancel');
          }}
        >
          {t('sessions.console.cancelSession')}
        </button>
      </div>
      {error && <ErrorNotice message={error} />}

      <ConfirmDialog
        open={pending === 'open'}
        title={t('sessions.console.openTitle')}
        body={t('sessions.console.openBody')}
        confirmLabel={busy ? t('sessions.processing') : t('sessions.console.openConfirm')}
        busy={busy}
        onConfirm={() => void run('open')}
        onCancel={() => setPending(undefined)}
      />
      <ConfirmDialog
        open={pending === 'close'}
        title={lottery ? t('sessions.console.closeLotteryTitle') : t('sessions.console.closeTitle')}
        body={lottery ? t('sessions.console.closeLotteryBody') : t('sessions.console.closeBody')}
        confirmLabel={busy ? t('sessions.processing') : t('sessions.console.closeConfirm')}
        busy={busy}
        onConfirm={() => void run('close')}
        onCancel={() => setPending(undefined)}
      />
      <FormDialog
        open={pending === 'cancel'}
        title={t('sessions.console.cancelTitle')}
        description={t('sessions.console.cancelBody')}
        submitLabel={busy ? t('sessions.processing') : t('sessions.console.cancelConfirm')}
        danger
        busy={busy}
        onSubmit={() => void run('cancel')}
        onCancel={() => setPending(undefined)}
      >
        <TextAreaField
          id="cancel-reason"
          label={t('sessions.console.cancelReason')}
          hint={t('sessions.console.cancelReasonHint')}
          required
          rows={4}
          className="min-h-24"
          value={reason}
          error={reasonError}
          onChange={(e) => setReason(e.target.value)}
        />
      </FormDialog>
    </section>
  );
}
