import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

/**
 * A one-off success message for the page a session action leads to (like the app's flash, but kept in
 * this feature). It travels as a key in the history entry's state, so that it follows a language switch,
 * and is taken out of the entry once shown, so that a reload does not repeat it.
 */
export type SessionNoticeKey = 'created' | 'saved';

export function sessionNoticeState(key: SessionNoticeKey): { sessionNotice: SessionNoticeKey } {
  return { sessionNotice: key };
}

export function useSessionNotice(): [string | undefined, () => void] {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const incoming = (location.state as { sessionNotice?: SessionNoticeKey } | null)?.sessionNotice;
  const [key, setKey] = useState<SessionNoticeKey>();

  useEffect(() => {
    if (!incoming) return;
    setKey(incoming);
    void navigate(
      { pathname: location.pathname, search: location.search, hash: location.hash },
      { replace: true, state: null },
    );
  }, [incoming, location.pathname, location.search, location.hash, navigate]);

  return [key ? t(`sessions.notices.${key}`) : undefined, () => setKey(undefined)];
}
