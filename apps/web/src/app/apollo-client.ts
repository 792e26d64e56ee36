import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // Same origin as the page: the API serves this client, and the session is an httpOnly cookie.
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // One cached list per filter; `first`/`after` pages are appended ("さらに表示").
            municipalities: relayStylePagination(['filter']),
          },
        },
        Prefecture: { keyFields: ['code'] },
      },
    }),
  });
}
