// GraphiQL 5 against this origin's /graphql, with the session cookie: an organiser who is logged in
// in the app can try queries with their own permissions. Monaco's web workers are bundled by Vite
// (graphiql/setup-workers/vite), not fetched from a CDN, so the page works inside LGWAN.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { StrictMode, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

const fetcher: Fetcher = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...options?.headers,
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

const defaultQuery = `# Yokoten GraphQL API
# Log in to the app first to run queries with your own permissions (session cookie).

query Members {
  municipalities(filter: { membershipStatuses: [MEMBER] }, first: 5) {
    totalCount
    edges {
      node {
        code
        name
        prefecture { name }
        population
      }
    }
  }
}
`;

const container = document.getElementById('explorer');
if (!container) throw new Error('#explorer is missing from explorer.html');

createRoot(container).render(
  <StrictMode>
    <div className="explorer-shell">
      <header className="explorer-header">
        <h1>Yokoten API explorer (GraphQL)</h1>
        <a href="/">Back to Yokoten / 横展に戻る</a>
      </header>
      <main className="explorer-main">
        <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery}>
          {/* Replaces GraphiQL's logo, an off-site link with too little contrast. */}
          <GraphiQL.Logo>
            <span className="explorer-logo">Yokoten</span>
          </GraphiQL.Logo>
        </GraphiQL>
      </main>
    </div>
  </StrictMode>,
);
