/** The sync area's routes, under /sync: overview, export, import (with preview), history, conflicts, trusted installations. */
import type { RouteObject } from 'react-router';
import { ConflictsPage } from './ConflictsPage';
import { ExportPage } from './ExportPage';
import { HistoryPage } from './HistoryPage';
import { ImportPage } from './ImportPage';
import { PeersPage } from './PeersPage';
import { SyncLayout } from './SyncLayout';
import { SyncPage } from './SyncPage';

export const syncRoutes: RouteObject[] = [
  {
    element: <SyncLayout />,
    children: [
      { index: true, element: <SyncPage /> },
      { path: 'export', element: <ExportPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'history', element: <HistoryPage /> },
      { path: 'conflicts', element: <ConflictsPage /> },
      { path: 'peers', element: <PeersPage /> },
    ],
  },
];
