import type { Role } from '@yokoten/case-studies';

/** Who is calling: resolved once per request from the Bearer token or the session cookie. */
export interface Actor {
  userId: string;
  role: Role;
  /** The officer's municipality; null for organisers and admins. */
  municipalityId: string | null;
}
