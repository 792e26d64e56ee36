import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { Loading } from '../../shared/status';
import { pageTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { AccessNotice } from '../account/access-notice';
import { isOrganiser, useCurrentUser } from '../auth/use-current-user';
import { municipalityName } from '../municipalities/labels';
import { InvitationsList } from './invitations-list';
import { InviteForm } from './invite-form';
import { ColleaguesList } from './colleagues-list';
import { PeopleList } from './people-list';

/** /people: アカウント管理 for the staff; 同僚 (colleagues, and inviting one) for an officer. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { user, loading } = useCurrentUser();
  const staff = isOrganiser(user);
  const title = staff || !user ? t('people.title') : t('people.colleaguesTitle');
  usePageTitle(title);

  return (
    <div>
      <h1 className={pageTitle}>{title}</h1>
      {!user ? (
        loading ? (
          <Loading />
        ) : (
          <AccessNotice reason="signIn" />
        )
      ) : (
        <>
          <p className="mt-4 text-std-16N-170">
            {staff
              ? t('people.lead')
              : t('people.colleaguesLead', {
                  municipality: user.municipality
                    ? municipalityName(user.municipality, currentLanguage())
                    : '',
                })}
          </p>
          <InviteForm me={user} staff={staff} />
          <InvitationsList />
          {staff ? <PeopleList me={user} /> : <ColleaguesList />}
        </>
      )}
    </div>
  );
}
