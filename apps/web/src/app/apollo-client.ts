import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { UNAUTHENTICATED_EVENT } from '../features/auth/session-watch';

// Any UNAUTHENTICATED answer may mean the session ended under the page: SessionWatch asks `me` and decides.
const noticeUnauthenticated = new ErrorLink(({ error }) => {
  const unauthenticated = CombinedGraphQLErrors.is(error)
    ? error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
    : ServerError.is(error) && error.statusCode === 401;
  if (unauthenticated) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
});

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([
      noticeUnauthenticated,
      // Same origin as the page: the API serves this client, and the session is an httpOnly cookie.
      new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // One cached list per filter; `first`/`after` pages are appended ("さらに表示").
            municipalities: relayStylePagination(['filter']),
            users: relayStylePagination(['filter']),
            auditLog: relayStylePagination(['filter']),
          },
        },
        Prefecture: { keyFields: ['code'] },
      },
    }),
  });
}
