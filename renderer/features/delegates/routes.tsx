/** Routes of the registry under /delegates: people, their pages and forms, duplicates, import, organizations and countries. */
import type { RouteObject } from 'react-router';
import { CountriesPage } from '../registry/CountriesPage';
import { CountryFormPage } from '../registry/CountryFormPage';
import { OrganizationFormPage } from '../registry/OrganizationFormPage';
import { OrganizationsPage } from '../registry/OrganizationsPage';
import { DelegateDetailPage } from './DelegateDetailPage';
import { DelegateFormPage } from './DelegateFormPage';
import { DelegatesPage } from './DelegatesPage';
import { DuplicatesPage } from './DuplicatesPage';
import { ImportPage } from './ImportPage';
import { MergePage } from './MergePage';

/** Children of the `delegates` route; static segments win over `:id` in react-router's ranking. */
export const delegatesRoutes: RouteObject[] = [
  { index: true, element: <DelegatesPage /> },
  { path: 'new', element: <DelegateFormPage /> },
  { path: 'import', element: <ImportPage /> },
  { path: 'duplicates', element: <DuplicatesPage /> },
  { path: 'merge/:keepId/:otherId', element: <MergePage /> },
  { path: 'organizations', element: <OrganizationsPage /> },
  { path: 'organizations/new', element: <OrganizationFormPage /> },
  { path: 'organizations/:id', element: <OrganizationFormPage /> },
  { path: 'countries', element: <CountriesPage /> },
  { path: 'countries/new', element: <CountryFormPage /> },
  { path: 'countries/:id', element: <CountryFormPage /> },
  { path: ':id', element: <DelegateDetailPage /> },
  { path: ':id/edit', element: <DelegateFormPage /> },
];
