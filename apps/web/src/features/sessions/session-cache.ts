import type { ApolloCache } from '@apollo/client';

/**
 * A registration or a session change moves counts, waitlist numbers and statuses shown in the lists:
 * drop the cached lists so that the next visit asks again, and refetch what is on screen.
 */
export function forgetSessionLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'exchangeSessions' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'myRegistrations' });
  cache.gc();
}

/** Active queries to refetch after a change to one session (by operation name). */
export const SESSION_QUERIES = ['ExchangeSession', 'SessionConsole'];
