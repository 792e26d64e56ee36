import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  PendingInvitationsDocument,
  ResendInvitationDocument,
  RevokeInvitationDocument,
  type InvitationRowFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { roleLabel } from '../../shared/domain-labels';
import { apiProblem, problemMessage } from '../../shared/errors';
import { focusPageHeadingSoon } from '../../shared/focus-heading';
import { formatDateTimeAsDate } from '../../shared/format';
import { ErrorNotice, Loading, SuccessNotice } from '../../shared/status';
import { buttonSmallOutline, sectionTitle } from '../../shared/ui-classes';
import { municipalityName } from '../municipalities/labels';

/**
 * Invitations not yet accepted (an officer sees those of their municipality): resend (a new link, 7 more
 * days) or revoke.
 */
export function InvitationsList() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { data, loading, error, refetch } = useQuery(PendingInvitationsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [revoking, setRevoking] = useState<InvitationRowFragment>();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string>();
  const [resend, resendState] = useMutation(ResendInvitationDocument);
  const [revoke, revokeState] = useMutation(RevokeInvitationDocument, {
    refetchQueries: [PendingInvitationsDocument],
  });
  const invitations = data?.invitations ?? [];

  async function onResend(invitation: InvitationRowFragment) {
    setFailure(undefined);
    setNotice(null);
    try {
      await resend({ variables: { id: invitation.id } });
      setNotice(t('people.resent', { email: invitation.email }));
    } catch (caught) {
      setFailure(problemMessage(apiProblem(caught), t));
    }
  }

  async function onRevoke() {
    if (!revoking) return;
    setFailure(undefined);
    setNotice(null);
    try {
      await revoke({ variables: { id: revoking.id } });
      setNotice(t('people.revoked', { email: revoking.email }));
    } catch (caught) {
      setFailure(problemMessage(apiProblem(caught), t));
    }
    setRevoking(undefined);
    focusPageHeadingSoon();
  }

  return (
    <section aria-labelledby="invitations-heading" className="mt-12">
      <h2 id="invitations-heading" className={sectionTitle}>
        {t('people.invitationsHeading')}
      </h2>
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
      {failure && (
        <p role="alert" className="mt-4 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170">
          {failure}
        </p>
      )}
      {error && !data ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        loading ? (
          <Loading />
        ) : null
      ) : invitations.length === 0 ? (
        <p className="mt-4 text-std-16N-170">{t('people.noInvitations')}</p>
      ) : (
        <ul className="mt-4 flex flex-col gap-3">
          {invitations.map((invitation) => (
            <li
              key={invitation.id}
              className="flex flex-col gap-3 rounded-12 border border-solid-gray-420 p-4 md:flex-row md:items-start md:justify-between"
            >
              <div className="min-w-0">
                <p className="break-all text-std-17B-170">{invitation.email}</p>
                <p className="text-std-16N-170">
                  {[
                    invitation.name,
                    roleLabel(invitation.role, language),
                    invitation.municipality ? municipalityName(invitation.municipality, language) : null,
                  ]
                    .filter(Boolean)
                    .join(language === 'ja' ? '・' : ', ')}
                </p>
                <p className="text-std-16N-170 text-solid-gray-700">
                  {t('people.invitationMeta', {
                    by: invitation.invitedBy?.name ?? '—',
                    sent: formatDateTimeAsDate(invitation.createdAt, language),
                    expires: formatDateTimeAsDate(invitation.expiresAt, language),
                  })}
                </p>
              </div>
              <div className="flex shrink-0 flex-wrap gap-2">
                <button
                  type="button"
                  className={buttonSmallOutline}
                  disabled={resendState.loading}
                  onClick={() => void onResend(invitation)}
                >
                  {t('people.resend')}
                  <span className="sr-only">{t('people.forPerson', { name: invitation.email })}</span>
                </button>
                <button type="button" className={buttonSmallOutline} onClick={() => setRevoking(invitation)}>
                  {t('people.revoke')}
                  <span className="sr-only">{t('people.forPerson', { name: invitation.email })}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={Boolean(revoking)}
        title={t('people.revokeTitle')}
        body={t('people.revokeBody', { email: revoking?.email ?? '' })}
        confirmLabel={revokeState.loading ? t('people.processing') : t('people.revokeConfirm')}
        cancelLabel={t('common.back')}
        danger
        busy={revokeState.loading}
        onConfirm={() => void onRevoke()}
        onCancel={() => setRevoking(undefined)}
      />
    </section>
  );
}
