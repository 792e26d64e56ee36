import { useLocation } from 'react-router-dom';

/**
 * A one-off message carried in the history entry's state and shown once at the top of the page.
 * It holds a key, not text, so that it follows a language switch.
 */
export type FlashKey =
  | 'loggedIn'
  | 'loggedOut'
  | 'admitted'
  | 'withdrawn'
  | 'signed'
  | 'caseCreated'
  | 'casePublished'
  | 'caseArchived'
  | 'caseUnpublished'
  | 'caseDeleted'
  | 'invitationAccepted'
  | 'passwordReset'
  | 'sessionEnded'
  | 'profileSaved'
  | 'joinAdmitted';

export interface Flash {
  key: FlashKey;
  name?: string;
}

export function flashState(key: FlashKey, name?: string): { flash: Flash } {
  return { flash: { key, name } };
}

export function useFlash(): Flash | undefined {
  const location = useLocation();
  const state = location.state as { flash?: Flash } | null;
  return state?.flash && typeof state.flash.key === 'string' ? state.flash : undefined;
}
