/**
 * The renderer root: opens the local database, provides repositories, and routes.
 * A hash router, because the app is served from app://cwg/index.html in Electron and from
 * a static server in the test host: the path part never changes, so no server rewrite is needed.
 */
import { useMemo } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { createRepositories, openDatabase } from '../db';
import { DelegatesPage } from '../features/delegates/DelegatesPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { MouPage } from '../features/mou/MouPage';
import { NotFoundPage } from '../features/notFound/NotFoundPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { RepositoriesProvider } from './RepositoriesContext';

const router = createHashRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/meetings" replace /> },
      { path: 'meetings', element: <MeetingsPage /> },
      { path: 'delegates', element: <DelegatesPage /> },
      { path: 'mou', element: <MouPage /> },
      { path: 'sync', element: <SyncPage /> },
      { path: 'settings', element: <SettingsPage /> },
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
