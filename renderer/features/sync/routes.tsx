/** The sync area's routes, under /sync: overview, export, import (with preview), history, conflicts, trusted installations. */
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

export const syncRoutes: RouteObject[] = [
  {
    lazy: lazyPage(() => import('./SyncLayout'), (m) => m.SyncLayout),
    children: [
      { index: true, lazy: lazyPage(() => import('./SyncPage'), (m) => m.SyncPage) },
      { path: 'export', lazy: lazyPage(() => import('./ExportPage'), (m) => m.ExportPage) },
      { path: 'import', lazy: lazyPage(() => import('./ImportPage'), (m) => m.ImportPage) },
      { path: 'history', lazy: lazyPage(() => import('./HistoryPage'), (m) => m.HistoryPage) },
      { path: 'conflicts', lazy: lazyPage(() => import('./ConflictsPage'), (m) => m.ConflictsPage) },
      { path: 'peers', lazy: lazyPage(() => import('./PeersPage'), (m) => m.PeersPage) },
    ],
  },
];
