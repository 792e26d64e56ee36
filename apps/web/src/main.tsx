import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { i18nReady } from './i18n/i18n';
import './styles.css';
import { createApolloClient } from './app/apollo-client';
import { AppRoutes } from './app/app-router';
import { GuardedBrowserRouter } from './shared/leave-guard';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// In English the texts are a separate download: render once they are here, never keys or Japanese first.
void i18nReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <ApolloProvider client={createApolloClient()}>
        <GuardedBrowserRouter>
          <AppRoutes />
        </GuardedBrowserRouter>
      </ApolloProvider>
    </StrictMode>,
  ),
);
