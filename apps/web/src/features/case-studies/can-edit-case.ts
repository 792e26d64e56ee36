import type { CurrentUser } from '../auth/use-current-user';

/** Its municipality's officers and the administrators may edit a case (the case page and the editor ask). */
export function canEditCase(user: CurrentUser | null, municipalityCode: string): boolean {
  if (!user) return false;
  if (user.role === 'ADMIN') return true;
  return user.role === 'OFFICER' && user.municipality?.code === municipalityCode;
}
