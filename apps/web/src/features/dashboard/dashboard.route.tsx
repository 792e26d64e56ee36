import { lazy, Suspense } from 'react';
import { Loading } from '../../shared/status';

// The charts library is loaded with the dashboard only, not with every page.
const DashboardPage = lazy(() => import('./dashboard.page'));

export function DashboardRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <DashboardPage />
    </Suspense>
  );
}
