/**
 * The renderer root: opens the local database, provides repositories, and routes.
 * A hash router, because the app is served from app://cwg/index.html in Electron and from
 * a static server in the test host: the path part never changes, so no server rewrite is needed.
 */
import { useMemo } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { createRepositories, openDatabase } from '../db';
import { delegatesRoutes } from '../features/delegates/routes';
import { meetingsRoutes } from '../features/meetings/routes';
import { mouRoutes } from '../features/mou/routes';
import { NotFoundPage } from '../features/notFound/NotFoundPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { RestorePage } from '../features/backup/RestorePage';
import { syncRoutes } from '../features/sync/routes';
import { RecentlyDeletedPage } from '../features/deleted/RecentlyDeletedPage';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { RepositoriesProvider } from './RepositoriesContext';

const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/meetings" replace /> },
      { path: 'meetings', children: meetingsRoutes },
      { path: 'delegates', children: delegatesRoutes },
      ...mouRoutes,
      { path: 'reports', element: <ReportsPage /> },
      { path: 'sync', children: syncRoutes },
      {
        path: 'settings',
        children: [
          { index: true, element: <SettingsPage /> },
          { path: 'restore', element: <RestorePage /> },
        ],
      },
      { path: 'deleted', element: <RecentlyDeletedPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  const repositories = useMemo(() => createRepositories(openDatabase()), []);
  return (
    <ErrorBoundary>
      <RepositoriesProvider repositories={repositories}>
        <RouterProvider router={router} />
      </RepositoriesProvider>
    </ErrorBoundary>
  );
}
