/** The meetings area's routes, under /meetings: the list, a new meeting, a meeting (with its tab) and its edit form. */
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

export const meetingsRoutes: RouteObject[] = [
  { index: true, lazy: lazyPage(() => import('./MeetingsPage'), (m) => m.MeetingsPage) },
  { path: 'new', lazy: lazyPage(() => import('./MeetingFormPage'), (m) => m.MeetingFormPage) },
  { path: ':id/edit', lazy: lazyPage(() => import('./MeetingFormPage'), (m) => m.MeetingFormPage) },
  { path: ':id/:tab?', lazy: lazyPage(() => import('./MeetingPage'), (m) => m.MeetingPage) },
];
