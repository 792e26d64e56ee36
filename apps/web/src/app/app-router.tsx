import { createBrowserRouter } from 'react-router-dom';
import { LoginPage } from '../features/auth/login.page';
import { DeclarationsPage } from '../features/declarations/declarations.page';
import { HomePage } from '../features/home/home.page';
import { MunicipalityListPage } from '../features/municipalities/municipality-list.page';
import { MunicipalityPage } from '../features/municipalities/municipality.page';
import { NotFoundPage } from '../features/not-found/not-found.page';
import { AppLayout } from './app-layout';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'municipalities', element: <MunicipalityListPage /> },
      { path: 'municipalities/:code', element: <MunicipalityPage /> },
      { path: 'declarations', element: <DeclarationsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
