import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { RouterProvider } from 'react-router-dom';
import { i18nReady } from './i18n/i18n';
import './styles.css';
import { createApolloClient } from './app/apollo-client';
import { router } from './app/app-router';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// In English the texts are a separate download: render once they are here, never keys or Japanese first.
void i18nReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <ApolloProvider client={createApolloClient()}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </StrictMode>,
  ),
);
