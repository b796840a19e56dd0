/**
 * The renderer root: opens the local database, provides repositories, and routes.
 * A hash router, because the app is served from app://cwg/index.html in Electron and from
 * a static server in the test host: the path part never changes, so no server rewrite is needed.
 * Every screen is loaded when first opened (lazyPage.ts): the first screen waits only for
 * its own code.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { createRepositories, openDatabase } from '../db';
import { delegatesRoutes } from '../features/delegates/routes';
import { meetingsRoutes } from '../features/meetings/routes';
import { mouRoutes } from '../features/mou/routes';
import { syncRoutes } from '../features/sync/routes';
import { ErrorBoundary } from './ErrorBoundary';
import { lazyPage } from './lazyPage';
import { Layout } from './Layout';
import { RepositoriesProvider } from './RepositoriesContext';

/** Shown for the moment the first screen's code is loading, before the frame is drawn. */
function StartingUp() {
  const { t } = useTranslation();
  return (
    <p className="starting-up" aria-busy="true">
      {t('common.loading')}
    </p>
  );
}

const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    HydrateFallback: StartingUp,
    children: [
      { index: true, element: <Navigate to="/meetings" replace /> },
      { path: 'meetings', children: meetingsRoutes },
      { path: 'delegates', children: delegatesRoutes },
      ...mouRoutes,
      { path: 'reports', lazy: lazyPage(() => import('../features/reports/ReportsPage'), (m) => m.ReportsPage) },
      { path: 'sync', children: syncRoutes },
      {
        path: 'settings',
        children: [
          { index: true, lazy: lazyPage(() => import('../features/settings/SettingsPage'), (m) => m.SettingsPage) },
          { path: 'restore', lazy: lazyPage(() => import('../features/backup/RestorePage'), (m) => m.RestorePage) },
        ],
      },
      { path: 'deleted', lazy: lazyPage(() => import('../features/deleted/RecentlyDeletedPage'), (m) => m.RecentlyDeletedPage) },
      { path: '*', lazy: lazyPage(() => import('../features/notFound/NotFoundPage'), (m) => m.NotFoundPage) },
    ],
  },
]);

export function App() {
  const repositories = useMemo(() => {
    const db = openDatabase();
    // Opening starts now, while the first screen's code is still loading, not at its first query.
    db.open().catch(() => undefined);
    return createRepositories(db);
  }, []);
  return (
    <ErrorBoundary>
      <RepositoriesProvider repositories={repositories}>
        <RouterProvider router={router} />
      </RepositoriesProvider>
    </ErrorBoundary>
  );
}
