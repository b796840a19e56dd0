/** The MoU area's routes, under the app frame (paths relative to "/"; see paths.ts for links). */
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

export const mouRoutes: RouteObject[] = [
  { path: 'mou', lazy: lazyPage(() => import('./MouPage'), (m) => m.MouPage) },
  { path: 'mou/:documentId', lazy: lazyPage(() => import('./DocumentPage'), (m) => m.DocumentPage) },
  { path: 'mou/:documentId/articles/:articleId', lazy: lazyPage(() => import('./ArticlePage'), (m) => m.ArticlePage) },
  { path: 'mou/:documentId/amendments', lazy: lazyPage(() => import('./AmendmentsPage'), (m) => m.AmendmentsPage) },
  { path: 'mou/:documentId/amendments/:amendmentId', lazy: lazyPage(() => import('./AmendmentPage'), (m) => m.AmendmentPage) },
  { path: 'mou/:documentId/compare', lazy: lazyPage(() => import('./ComparePage'), (m) => m.ComparePage) },
  { path: 'mou/:documentId/versions/:number', lazy: lazyPage(() => import('./VersionPage'), (m) => m.VersionPage) },
  { path: 'mou/:documentId/versions/:number/positions', lazy: lazyPage(() => import('./PositionsPage'), (m) => m.PositionsPage) },
];
