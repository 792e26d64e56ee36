import { useState } from 'react';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import type { ApolloCache } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  AdmitMunicipalityDocument,
  MunicipalityDocument,
  WithdrawMunicipalityDocument,
  type MunicipalityDetailFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { apiProblem } from '../../shared/errors';
import { membershipStatusLabel } from '../../shared/domain-labels';
import { flashState } from '../../shared/flash';
import { ErrorNotice } from '../../shared/status';
import { buttonDanger, buttonSolid, sectionTitle } from '../../shared/ui-classes';
import { focusPageHeadingSoon } from '../../shared/focus-heading';
import { municipalityName } from './labels';

/**
 * Membership changes and signatures move municipalities between filtered lists and change the counts:
 * the home page's figures and the network overview included, which would otherwise stay as first read.
 */
export function forgetMembershipLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'municipalities' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'declarations' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'networkStats' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'networkDashboard' });
  cache.gc();
}

/** 加入承認 / 退会処理, for the network's organisers. */
export function MembershipActions({ municipality }: { municipality: MunicipalityDetailFragment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const name = municipalityName(municipality, currentLanguage());
  const [pending, setPending] = useState<'admit' | 'withdraw'>();
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState(false);
  const [refetchMunicipality] = useLazyQuery(MunicipalityDocument, { fetchPolicy: 'network-only' });
  const [admit, admitState] = useMutation(AdmitMunicipalityDocument, { update: forgetMembershipLists });
  const [withdraw, withdrawState] = useMutation(WithdrawMunicipalityDocument, {
    update: forgetMembershipLists,
  });
  const busy = admitState.loading || withdrawState.loading;

  async function confirm() {
    setError(undefined);
    setConflict(false);
    const action = pending;
    try {
      if (action === 'admit') await admit({ variables: { code: municipality.code } });
      if (action === 'withdraw') await withdraw({ variables: { code: municipality.code } });
      setPending(undefined);
      if (action) {
        void navigate('.', {
          replace: true,
          state: flashState(action === 'admit' ? 'admitted' : 'withdrawn', name),
        });
        focusPageHeadingSoon();
      }
    } catch (caught) {
      setPending(undefined);
      if (apiProblem(caught).code === 'CONFLICT') {
        // Someone else (another organiser, another tab) changed the membership meanwhile: show it as it is.
        setConflict(true);
        await refetchMunicipality({ variables: { code: municipality.code } }).catch(() => undefined);
        focusPageHeadingSoon();
      } else {
        setError(caught);
      }
    }
  }

  return (
    <section aria-labelledby="admin-heading" className="mt-10 rounded-12 border-2 border-blue-900 p-4 md:p-6">
      <h2 id="admin-heading" className={sectionTitle}>
        {t('municipality.adminHeading')}
      </h2>
      {municipality.membershipStatus !== 'MEMBER' && (
        <>
          <p className="mt-2 text-std-16N-170">
            {municipality.membershipStatus === 'APPLICANT'
              ? t('municipality.admitDescription')
              : municipality.membershipStatus === 'WITHDRAWN'
                ? t('municipality.readmitDescription')
                : t('municipality.adminNotInNetwork')}
          </p>
          <button
            type="button"
            className={`${buttonSolid} mt-4`}
            onClick={() => setPending('admit')}
            disabled={busy}
          >
            {t('municipality.admit')}
          </button>
        </>
      )}
      {municipality.membershipStatus === 'MEMBER' && (
        <>
          <p className="mt-2 text-std-16N-170">{t('municipality.withdrawDescription')}</p>
          <button
            type="button"
            className={`${buttonDanger} mt-4`}
            onClick={() => setPending('withdraw')}
            disabled={busy}
          >
            {t('municipality.withdraw')}
          </button>
        </>
      )}
      {conflict && (
        <p role="alert" className="mt-4 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170">
          {t('municipality.membershipConflict', { name })}
        </p>
      )}
      {error !== undefined && <ErrorNotice error={error} />}

      <ConfirmDialog
        open={pending === 'admit'}
        title={t('municipality.admitConfirmTitle')}
        body={t('municipality.admitConfirmBody', {
          name,
          member: membershipStatusLabel('MEMBER', currentLanguage()),
        })}
        confirmLabel={busy ? t('municipality.processing') : t('municipality.admitConfirm')}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(undefined)}
      />
      <ConfirmDialog
        open={pending === 'withdraw'}
        title={t('municipality.withdrawConfirmTitle')}
        body={t('municipality.withdrawConfirmBody', { name })}
        confirmLabel={busy ? t('municipality.processing') : t('municipality.withdrawConfirm')}
        danger
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(undefined)}
      />
    </section>
  );
}
