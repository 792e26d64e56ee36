import type { ApolloCache } from '@apollo/client';

/** A case that changes status moves between lists and search results: drop those, keep the case itself. */
export function forgetCaseLists(cache: ApolloCache): void {
  for (const fieldName of ['searchCaseStudies', 'myMunicipalityCaseStudies', 'similarCaseStudies']) {
    cache.evict({ id: 'ROOT_QUERY', fieldName });
  }
  cache.gc();
}
