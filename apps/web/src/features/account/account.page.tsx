import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MyAccountDocument } from '../../graphql/generated/graphql';
import { ErrorNotice, Loading } from '../../shared/status';
import { pageTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { useCurrentUser } from '../auth/use-current-user';
import { AccessNotice } from './access-notice';
import { ChangePasswordForm } from './change-password-form';
import { MailPreferencesForm } from './mail-preferences-form';
import { ProfileForm } from './profile-form';

/** /account: one's own profile, which mails to receive, and the password. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user, loading: userLoading } = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(MyAccountDocument, {
    skip: !user,
    fetchPolicy: 'cache-and-network',
  });
  usePageTitle(t('account.heading'));
  const me = data?.me;

  return (
    <div className="max-w-3xl">
      <h1 className={pageTitle}>{t('account.heading')}</h1>
      {!user ? (
        userLoading ? (
          <Loading />
        ) : (
          <AccessNotice reason="signIn" />
        )
      ) : !me ? (
        error ? (
          <ErrorNotice error={error} onRetry={() => void refetch()} />
        ) : loading ? (
          <Loading />
        ) : null
      ) : (
        <>
          <p className="mt-4 text-std-16N-170">{t('account.lead', { email: me.email })}</p>
          <nav aria-label={t('account.sectionsNav')} className="mt-6">
            <ul className="flex flex-wrap gap-x-6">
              <li>
                <a className="link-text inline-flex min-h-11 items-center" href="#profile-heading">
                  {t('account.profileHeading')}
                </a>
              </li>
              <li>
                <a className="link-text inline-flex min-h-11 items-center" href="#mail-heading">
                  {t('account.mailHeading')}
                </a>
              </li>
              <li>
                <a className="link-text inline-flex min-h-11 items-center" href="#password-heading">
                  {t('account.passwordHeading')}
                </a>
              </li>
            </ul>
          </nav>
          <ProfileForm me={me} />
          <MailPreferencesForm me={me} />
          <ChangePasswordForm email={me.email} />
        </>
      )}
    </div>
  );
}
