import { createBrowserRouter } from 'react-router-dom';
import { LoginPage } from '../features/auth/login.page';
import { CaseEditorPage } from '../features/case-studies/case-editor.page';
import { CaseSearchPage } from '../features/case-studies/case-search.page';
import { CaseStudyPage } from '../features/case-studies/case-study.page';
import { MyCasesPage } from '../features/case-studies/my-cases.page';
import { DashboardRoute } from '../features/dashboard/dashboard.route';
import { DeclarationsPage } from '../features/declarations/declarations.page';
import { HomePage } from '../features/home/home.page';
import { MunicipalityListPage } from '../features/municipalities/municipality-list.page';
import { MunicipalityPage } from '../features/municipalities/municipality.page';
import { NotFoundPage } from '../features/not-found/not-found.page';
import { OpenDataPage } from '../features/open-data/open-data.page';
import { PrecedentFinderPage } from '../features/precedents/precedent-finder.page';
import { SessionConsolePage } from '../features/sessions/session-console.page';
import { SessionEditorPage } from '../features/sessions/session-editor.page';
import { SessionListPage } from '../features/sessions/session-list.page';
import { SessionPage } from '../features/sessions/session.page';
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
      { path: 'cases', element: <CaseSearchPage /> },
      { path: 'cases/new', element: <CaseEditorPage /> },
      { path: 'cases/:id', element: <CaseStudyPage /> },
      { path: 'cases/:id/edit', element: <CaseEditorPage /> },
      { path: 'my/cases', element: <MyCasesPage /> },
      { path: 'sessions', element: <SessionListPage /> },
      { path: 'sessions/new', element: <SessionEditorPage /> },
      { path: 'sessions/:id', element: <SessionPage /> },
      { path: 'sessions/:id/edit', element: <SessionEditorPage /> },
      { path: 'sessions/:id/console', element: <SessionConsolePage /> },
      { path: 'precedents', element: <PrecedentFinderPage /> },
      { path: 'dashboard', element: <DashboardRoute /> },
      { path: 'open-data', element: <OpenDataPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
