/** The meetings area's routes, under /meetings: the list, a new meeting, a meeting (with its tab) and its edit form. */
import type { RouteObject } from 'react-router';
import { MeetingFormPage } from './MeetingFormPage';
import { MeetingPage } from './MeetingPage';
import { MeetingsPage } from './MeetingsPage';

export const meetingsRoutes: RouteObject[] = [
  { index: true, element: <MeetingsPage /> },
  { path: 'new', element: <MeetingFormPage /> },
  { path: ':id/edit', element: <MeetingFormPage /> },
  { path: ':id/:tab?', element: <MeetingPage /> },
];
