import { useEffect, useRef } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useLocation, useNavigate } from 'react-router-dom';
import { print } from 'graphql';
import { SessionCheckDocument, type SessionCheckQuery } from '../../graphql/generated/graphql';
import { flashState } from '../../shared/flash';
import { loginPath } from './redirect';
import { useCurrentUser } from './use-current-user';

/** Sent (by the Apollo link) when the API answers UNAUTHENTICATED to anything. */
export const UNAUTHENTICATED_EVENT = 'yokoten:unauthenticated';
const CHECK_EVERY_MS = 60_000;
const SESSION_CHECK = JSON.stringify({ operationName: 'SessionCheck', query: print(SessionCheckDocument) });

/**
 * Whether the session cookie still signs someone in: null when the API says nobody. Asked with fetch, not
 * through Apollo, so that the question never touches the cache or the queries on screen (an Apollo query in
 * flight when the person clicks 「ログアウト」 made the logout's resetStore fail).
 */
async function signedInUserId(): Promise<string | null> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: SESSION_CHECK,
  });
  if (!response.ok) throw new Error(`session check: HTTP ${response.status}`);
  const body = (await response.json()) as { data?: SessionCheckQuery };
  if (!body.data) throw new Error('session check: no data');
  return body.data.me?.id ?? null;
}

// A logout the person asked for is not a session that ended under them: no notice, no trip to /login.
let signingOut = false;
export function expectSignOut(): void {
  signingOut = true;
}

/**
 * Notices that the session of a signed-in page has ended (the account was disabled, the password was
 * reset, the person logged out in another tab): on any UNAUTHENTICATED answer, when the window gets focus
 * back and once a minute it asks the API `me { id }`, and when that is null it goes to /login with a
 * notice instead of leaving a page that fails action after action. Only `me` decides: an UNAUTHENTICATED
 * for one action (a wrong current password) is not a lost session.
 */
export function SessionWatch() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { user } = useCurrentUser();
  const signedInAs = useRef<string | null>(null);
  const here = useRef('/');
  // The router's navigate is a new function on every page: the checks below use the latest one instead of
  // starting over (and restarting their minute) on each navigation.
  const navigateTo = useRef(navigate);
  const checking = useRef(false);

  useEffect(() => {
    navigateTo.current = navigate;
  }, [navigate]);

  useEffect(() => {
    signedInAs.current = user?.id ?? null;
    if (user) signingOut = false;
  }, [user]);

  useEffect(() => {
    here.current = location.pathname + location.search;
  }, [location.pathname, location.search]);

  useEffect(() => {
    async function check() {
      if (!signedInAs.current || signingOut || checking.current) return;
      checking.current = true;
      try {
        const id = await signedInUserId();
        if (id || !signedInAs.current || signingOut) return;
        signedInAs.current = null;
        void navigateTo.current(loginPath(here.current), { state: flashState('sessionEnded') });
        // Forget what was read under the old session (the next person at this PC must not see it).
        await client.resetStore().catch(() => undefined);
      } catch {
        // The network or the server failing is not a session that ended: ask again later.
      } finally {
        checking.current = false;
      }
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check();
    };
    const onEvent = () => void check();
    window.addEventListener('focus', onEvent);
    window.addEventListener(UNAUTHENTICATED_EVENT, onEvent);
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(onEvent, CHECK_EVERY_MS);
    return () => {
      window.removeEventListener('focus', onEvent);
      window.removeEventListener(UNAUTHENTICATED_EVENT, onEvent);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, [client]);

  return null;
}
