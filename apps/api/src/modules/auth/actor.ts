import type { MembershipStatus, Role } from '@yokoten/case-studies';

/** Who is calling: resolved once per request from the Bearer token or the session cookie. */
export interface Actor {
  userId: string;
  role: Role;
  /** The officer's municipality; null for organisers and admins. */
  municipalityId: string | null;
  /**
   * The officer's municipality's membership status, read with the session on every request (never cached
   * beyond it, so an admission or a withdrawal applies from the officer's next request); null for
   * organisers and admins, and for a municipality that is only in the register.
   */
  membershipStatus: MembershipStatus | null;
}

declare module '../../graphql/request-context' {
  interface RequestContext {
    /** The caller; null when anonymous (resolved once per request by AuthRequestActor). */
    actor: Actor | null;
  }
}
