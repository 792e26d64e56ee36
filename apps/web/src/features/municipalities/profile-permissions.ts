import type { MunicipalityDetailFragment } from '../../graphql/generated/graphql';
import { isOrganiser, type CurrentUser } from '../auth/use-current-user';

/** Who may edit a municipality's profile: its officers while it is a member, and the staff. */
export function canEditProfile(user: CurrentUser | null, municipality: MunicipalityDetailFragment): boolean {
  if (isOrganiser(user)) return true;
  return (
    user?.role === 'OFFICER' &&
    user.municipality?.code === municipality.code &&
    municipality.membershipStatus === 'MEMBER'
  );
}
