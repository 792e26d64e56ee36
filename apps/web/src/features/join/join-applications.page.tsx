import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  AdmitJoinApplicationDocument,
  DeclineJoinApplicationDocument,
  JoinApplicationsDocument,
  type JoinApplicationRowFragment,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { apiProblem, problemMessage } from '../../shared/errors';
import { focusPageHeadingSoon } from '../../shared/focus-heading';
import { formatDateTimeAsDate } from '../../shared/format';
import { TextAreaField } from '../../shared/form-fields';
import { ErrorNotice, Loading, SuccessNotice } from '../../shared/status';
import { buttonOutline, buttonSolid, pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { AccessNotice } from '../account/access-notice';
import { isOrganiser, useCurrentUser } from '../auth/use-current-user';
import { forgetMembershipLists } from '../municipalities/membership-actions';
import { municipalityName, prefectureName } from '../municipalities/labels';
import { FormDialog } from '../../shared/form-dialog';

const REASON_MAX = 2000;

/** /admin/applications: 参加申込 waiting for the 事務局, admitted (the applicant is invited) or declined. */
export function JoinApplicationsPage() {
  const { t } = useTranslation();
  const { user, loading: userLoading } = useCurrentUser();
  const staff = isOrganiser(user);
  usePageTitle(t('applications.title'));

  return (
    <div>
      <h1 className={pageTitle}>{t('applications.title')}</h1>
      {!user ? (
        userLoading ? (
          <Loading />
        ) : (
          <AccessNotice reason="signIn" />
        )
      ) : !staff ? (
        <AccessNotice reason="staffOnly" />
      ) : (
        <Applications />
      )}
    </div>
  );
}

function Applications() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const pending = useQuery(JoinApplicationsDocument, {
    variables: { statuses: ['PENDING'] },
    fetchPolicy: 'cache-and-network',
  });
  const decided = useQuery(JoinApplicationsDocument, {
    variables: { statuses: ['ADMITTED', 'DECLINED'] },
    fetchPolicy: 'cache-and-network',
  });
  const [admitting, setAdmitting] = useState<JoinApplicationRowFragment>();
  const [declining, setDeclining] = useState<JoinApplicationRowFragment>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [dialogError, setDialogError] = useState<string>();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string>();
  const refetchQueries = [JoinApplicationsDocument];
  const [admit, admitState] = useMutation(AdmitJoinApplicationDocument, {
    refetchQueries,
    update: forgetMembershipLists,
  });
  const [decline, declineState] = useMutation(DeclineJoinApplicationDocument, { refetchQueries });
  const name = (application?: JoinApplicationRowFragment) =>
    application ? municipalityName(application.municipality, language) : '';

  async function onAdmit() {
    const application = admitting;
    if (!application) return;
    setFailure(undefined);
    setNotice(null);
    try {
      await admit({ variables: { id: application.id } });
      setNotice(t('applications.admitted', { name: name(application), email: application.email }));
    } catch (caught) {
      const problem = apiProblem(caught);
      setFailure(problem.code === 'CONFLICT' ? t('applications.conflict') : problemMessage(problem, t));
      void pending.refetch();
    }
    setAdmitting(undefined);
    focusPageHeadingSoon();
  }

  async function onDecline() {
    const application = declining;
    if (!application) return;
    const trimmed = reason.trim();
    if (!trimmed) return setReasonError(t('applications.reasonRequired'));
    if ([...trimmed].length > REASON_MAX)
      return setReasonError(t('invite.tooLong', { field: t('applications.reason'), max: REASON_MAX }));
    setReasonError(undefined);
    setDialogError(undefined);
    try {
      await decline({ variables: { id: application.id, reason: trimmed } });
      setNotice(t('applications.declined', { name: name(application) }));
      setDeclining(undefined);
      setReason('');
      focusPageHeadingSoon();
    } catch (caught) {
      setDialogError(problemMessage(apiProblem(caught), t));
    }
  }

  const applications = pending.data?.joinApplications ?? [];
  const history = decided.data?.joinApplications ?? [];

  return (
    <>
      <p className="mt-4 text-std-16N-170">{t('applications.lead')}</p>
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
      {failure && (
        <p role="alert" className="mt-4 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170">
          {failure}
        </p>
      )}
      <section aria-labelledby="pending-heading" className="mt-8">
        <h2 id="pending-heading" className={sectionTitle}>
          {t('applications.pendingHeading')}
        </h2>
        {pending.error && !pending.data ? (
          <ErrorNotice error={pending.error} onRetry={() => void pending.refetch()} />
        ) : !pending.data ? (
          <Loading />
        ) : applications.length === 0 ? (
          <p className="mt-4 text-std-16N-170">{t('applications.none')}</p>
        ) : (
          <ul className="mt-4 flex flex-col gap-4">
            {applications.map((application) => (
              <li key={application.id}>
                <article
                  aria-labelledby={`application-${application.id}`}
                  className="rounded-12 border border-solid-gray-420 p-4 md:p-6"
                >
                  <h3 id={`application-${application.id}`} className="text-std-20B-150">
                    <Link to={`/municipalities/${application.municipality.code}`} className="link-text">
                      {name(application)}
                    </Link>
                    <span className="ml-2 text-std-16N-170 text-solid-gray-700">
                      {prefectureName(application.municipality.prefecture, language)}・
                      {application.municipality.code}
                    </span>
                  </h3>
                  <dl className="mt-3 grid gap-x-4 gap-y-1 text-std-16N-170 sm:grid-cols-[10rem_1fr]">
                    <dt className="font-bold">{t('join.applicantName')}</dt>
                    <dd lang="ja">{application.applicantName}</dd>
                    <dt className="font-bold">{t('join.department')}</dt>
                    <dd lang="ja">{application.department}</dd>
                    <dt className="font-bold">{t('join.email')}</dt>
                    <dd className="break-all">{application.email}</dd>
                    <dt className="font-bold">{t('applications.received')}</dt>
                    <dd>
                      {formatDateTimeAsDate(application.createdAt, language)}
                      {application.submissions > 1 &&
                        ` ${t('applications.submissions', {
                          count: application.submissions,
                          updated: formatDateTimeAsDate(application.updatedAt, language),
                        })}`}
                    </dd>
                    {application.message && (
                      <>
                        <dt className="font-bold">{t('join.message')}</dt>
                        <dd lang="ja" className="whitespace-pre-line">
                          {application.message}
                        </dd>
                      </>
                    )}
                  </dl>
                  <div className="mt-4 flex flex-wrap gap-3">
                    <button type="button" className={buttonSolid} onClick={() => setAdmitting(application)}>
                      {t('applications.admit')}
                      <span className="sr-only">
                        {t('applications.forMunicipality', { name: name(application) })}
                      </span>
                    </button>
                    <button
                      type="button"
                      className={buttonOutline}
                      onClick={() => {
                        setReason('');
                        setReasonError(undefined);
                        setDialogError(undefined);
                        setDeclining(application);
                      }}
                    >
                      {t('applications.decline')}
                      <span className="sr-only">
                        {t('applications.forMunicipality', { name: name(application) })}
                      </span>
                    </button>
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="decided-heading" className="mt-12">
        <h2 id="decided-heading" className={sectionTitle}>
          {t('applications.decidedHeading')}
        </h2>
        {history.length === 0 ? (
          <p className="mt-4 text-std-16N-170">
            {decided.loading ? t('common.loading') : t('applications.noneDecided')}
          </p>
        ) : (
          <ul className="mt-4 flex flex-col gap-2 text-std-16N-170">
            {history.map((application) => (
              <li key={application.id} className="border-b border-solid-gray-420 py-2">
                <span className="font-bold">{name(application)}</span>{' '}
                {application.status === 'ADMITTED'
                  ? t('applications.statusAdmitted')
                  : t('applications.statusDeclined')}
                {application.decidedAt && `（${formatDateTimeAsDate(application.decidedAt, language)}）`}
                {application.declineReason && (
                  <span className="block text-solid-gray-700">
                    {t('applications.reason')}：<span lang="ja">{application.declineReason}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <ConfirmDialog
        open={Boolean(admitting)}
        title={t('applications.admitTitle', { name: name(admitting) })}
        body={t('applications.admitBody', {
          name: name(admitting),
          applicant: admitting?.applicantName ?? '',
          email: admitting?.email ?? '',
        })}
        confirmLabel={admitState.loading ? t('people.processing') : t('applications.admitConfirm')}
        cancelLabel={t('common.back')}
        busy={admitState.loading}
        onConfirm={() => void onAdmit()}
        onCancel={() => setAdmitting(undefined)}
      />
      <FormDialog
        open={Boolean(declining)}
        title={t('applications.declineTitle', { name: name(declining) })}
        description={t('applications.declineBody', { email: declining?.email ?? '' })}
        submitLabel={declineState.loading ? t('people.processing') : t('applications.declineConfirm')}
        cancelLabel={t('common.back')}
        danger
        busy={declineState.loading}
        error={dialogError}
        onSubmit={() => void onDecline()}
        onCancel={() => setDeclining(undefined)}
      >
        <TextAreaField
          id="decline-reason"
          label={t('applications.reason')}
          hint={t('applications.reasonHint')}
          error={reasonError}
          required
          rows={4}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </FormDialog>
    </>
  );
}
