import { useQuery } from '@apollo/client/react';
import { MeDocument, type CurrentUserFragment } from '../../graphql/generated/graphql';

export type CurrentUser = CurrentUserFragment;

/** The signed-in user (from the session cookie), or null for a visitor. */
export function useCurrentUser(): { user: CurrentUser | null; loading: boolean } {
  const { data, loading } = useQuery(MeDocument, { fetchPolicy: 'cache-first' });
  return { user: data?.me ?? null, loading };
}

export function isOrganiser(user: CurrentUser | null): boolean {
  return user?.role === 'ORGANISER' || user?.role === 'ADMIN';
}
