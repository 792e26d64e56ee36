import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useLocation, useRoutes, type RouteObject } from 'react-router-dom';
import { HomePage } from '../features/home/home.page';
import { NotFoundPage } from '../features/not-found/not-found.page';
import { loadPageTexts } from '../i18n/i18n';
import { AppLayout } from './app-layout';

/**
 * A page whose code is downloaded when it is first shown, not with the app: the first visit loads only
 * the layout and that page (the charts come with the dashboard, the Markdown editor with the case editor).
 * AppLayout's <Suspense> shows 「読み込み中です…」 on a first visit while the page's chunk arrives; on
 * navigation the router's transition keeps the current page until the next one is ready.
 */
function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  // With the texts of the language: in Japanese the page's chunk brings its own (i18n.ts), in English all come.
  return lazy<ComponentType>(() =>
    Promise.all([load(), loadPageTexts()]).then(([module]) => ({ default: module[name] })),
  );
}

// The home page and 「ページが見つかりません」 stay in the main chunk: most visits start at `/`, and the
// not-found page is a few lines.
const LoginPage = lazyPage(() => import('../features/auth/login.page'), 'LoginPage');
const CaseEditorPage = lazyPage(() => import('../features/case-studies/case-editor.page'), 'CaseEditorPage');
const CaseSearchPage = lazyPage(() => import('../features/case-studies/case-search.page'), 'CaseSearchPage');
const CaseStudyPage = lazyPage(() => import('../features/case-studies/case-study.page'), 'CaseStudyPage');
const MyCasesPage = lazyPage(() => import('../features/case-studies/my-cases.page'), 'MyCasesPage');
const DashboardPage = lazyPage(() => import('../features/dashboard/dashboard.page'), 'DashboardPage');
const DeclarationsPage = lazyPage(
  () => import('../features/declarations/declarations.page'),
  'DeclarationsPage',
);
const MunicipalityListPage = lazyPage(
  () => import('../features/municipalities/municipality-list.page'),
  'MunicipalityListPage',
);
const MunicipalityPage = lazyPage(
  () => import('../features/municipalities/municipality.page'),
  'MunicipalityPage',
);
const InvitePage = lazyPage(() => import('../features/account/invite.page'), 'InvitePage');
const ForgotPasswordPage = lazyPage(
  () => import('../features/account/forgot-password.page'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyPage(
  () => import('../features/account/reset-password.page'),
  'ResetPasswordPage',
);
const AccountPage = lazyPage(() => import('../features/account/account.page'), 'AccountPage');
const WatchingPage = lazyPage(() => import('../features/watch/watching.page'), 'WatchingPage');
const PeoplePage = lazyPage(() => import('../features/people/people.page'), 'PeoplePage');
const JoinPage = lazyPage(() => import('../features/join/join.page'), 'JoinPage');
const JoinApplicationsPage = lazyPage(
  () => import('../features/join/join-applications.page'),
  'JoinApplicationsPage',
);
const AuditLogPage = lazyPage(() => import('../features/admin/audit-log.page'), 'AuditLogPage');
const SettingsPage = lazyPage(() => import('../features/admin/settings.page'), 'SettingsPage');
const MunicipalityProfilePage = lazyPage(
  () => import('../features/municipalities/municipality-profile.page'),
  'MunicipalityProfilePage',
);
const OpenDataPage = lazyPage(() => import('../features/open-data/open-data.page'), 'OpenDataPage');
const PrecedentFinderPage = lazyPage(
  () => import('../features/precedents/precedent-finder.page'),
  'PrecedentFinderPage',
);
const SessionConsolePage = lazyPage(
  () => import('../features/sessions/session-console.page'),
  'SessionConsolePage',
);
const SessionEditorPage = lazyPage(
  () => import('../features/sessions/session-editor.page'),
  'SessionEditorPage',
);
const SessionListPage = lazyPage(() => import('../features/sessions/session-list.page'), 'SessionListPage');
const SessionPage = lazyPage(() => import('../features/sessions/session.page'), 'SessionPage');
const SurveyPage = lazyPage(() => import('../features/questionnaires/survey.page'), 'SurveyPage');
const SurveyResultsPage = lazyPage(
  () => import('../features/questionnaires/survey-results.page'),
  'SurveyResultsPage',
);

const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'municipalities', element: <MunicipalityListPage /> },
      { path: 'municipalities/:code', element: <MunicipalityPage /> },
      { path: 'municipalities/:code/profile', element: <MunicipalityProfilePage /> },
      { path: 'invite/:token', element: <InvitePage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password/:token', element: <ResetPasswordPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'account/watching', element: <WatchingPage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'join', element: <JoinPage /> },
      { path: 'admin/applications', element: <JoinApplicationsPage /> },
      { path: 'admin/audit-log', element: <AuditLogPage /> },
      { path: 'admin/settings', element: <SettingsPage /> },
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
      { path: 'sessions/:id/survey', element: <SurveyPage /> },
      { path: 'sessions/:id/survey/results', element: <SurveyResultsPage /> },
      { path: 'precedents', element: <PrecedentFinderPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'open-data', element: <OpenDataPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * What react-router's data router showed when a page threw while rendering (its default error element on the
 * root route), so that the declarative router does the same instead of leaving a blank page.
 */
function UnexpectedError({ error }: FallbackProps) {
  const message = error instanceof Error ? error.message : JSON.stringify(error);
  const stack = error instanceof Error ? error.stack : null;
  return (
    <>
      <h2>Unexpected Application Error!</h2>
      <h3 style={{ fontStyle: 'italic' }}>{message}</h3>
      {stack ? (
        <pre style={{ padding: '0.5rem', backgroundColor: 'rgba(200,200,200, 0.5)' }}>{stack}</pre>
      ) : null}
    </>
  );
}

/**
 * The app's routes (the same route objects, ids and paths as under the data router it replaced), with the
 * data router's root error boundary: an error while rendering replaces the layout until the next navigation.
 */
export function AppRoutes() {
  const location = useLocation();
  return (
    <ErrorBoundary
      FallbackComponent={UnexpectedError}
      resetKeys={[location]}
      onError={(error) => console.error('React Router caught the following error during render', error)}
    >
      {useRoutes(routes)}
    </ErrorBoundary>
  );
}
