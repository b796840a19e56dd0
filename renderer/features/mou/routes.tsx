/** The MoU area's routes, under the app frame (paths relative to "/"; see paths.ts for links). */
import type { RouteObject } from 'react-router';
import { AmendmentPage } from './AmendmentPage';
import { AmendmentsPage } from './AmendmentsPage';
import { ArticlePage } from './ArticlePage';
import { ComparePage } from './ComparePage';
import { DocumentPage } from './DocumentPage';
import { MouPage } from './MouPage';
import { PositionsPage } from './PositionsPage';
import { VersionPage } from './VersionPage';

export const mouRoutes: RouteObject[] = [
  { path: 'mou', element: <MouPage /> },
  { path: 'mou/:documentId', element: <DocumentPage /> },
  { path: 'mou/:documentId/articles/:articleId', element: <ArticlePage /> },
  { path: 'mou/:documentId/amendments', element: <AmendmentsPage /> },
  { path: 'mou/:documentId/amendments/:amendmentId', element: <AmendmentPage /> },
  { path: 'mou/:documentId/compare', element: <ComparePage /> },
  { path: 'mou/:documentId/versions/:number', element: <VersionPage /> },
  { path: 'mou/:documentId/versions/:number/positions', element: <PositionsPage /> },
];
