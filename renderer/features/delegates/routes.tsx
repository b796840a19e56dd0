/** Routes of the registry under /delegates: people, their pages and forms, duplicates, import, organizations and countries. */
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/** Children of the `delegates` route; static segments win over `:id` in react-router's ranking. */
export const delegatesRoutes: RouteObject[] = [
  { index: true, lazy: lazyPage(() => import('./DelegatesPage'), (m) => m.DelegatesPage) },
  { path: 'new', lazy: lazyPage(() => import('./DelegateFormPage'), (m) => m.DelegateFormPage) },
  { path: 'import', lazy: lazyPage(() => import('./ImportPage'), (m) => m.ImportPage) },
  { path: 'duplicates', lazy: lazyPage(() => import('./DuplicatesPage'), (m) => m.DuplicatesPage) },
  { path: 'merge/:keepId/:otherId', lazy: lazyPage(() => import('./MergePage'), (m) => m.MergePage) },
  { path: 'organizations', lazy: lazyPage(() => import('../registry/OrganizationsPage'), (m) => m.OrganizationsPage) },
  { path: 'organizations/new', lazy: lazyPage(() => import('../registry/OrganizationFormPage'), (m) => m.OrganizationFormPage) },
  { path: 'organizations/:id', lazy: lazyPage(() => import('../registry/OrganizationFormPage'), (m) => m.OrganizationFormPage) },
  { path: 'countries', lazy: lazyPage(() => import('../registry/CountriesPage'), (m) => m.CountriesPage) },
  { path: 'countries/new', lazy: lazyPage(() => import('../registry/CountryFormPage'), (m) => m.CountryFormPage) },
  { path: 'countries/:id', lazy: lazyPage(() => import('../registry/CountryFormPage'), (m) => m.CountryFormPage) },
  { path: ':id', lazy: lazyPage(() => import('./DelegateDetailPage'), (m) => m.DelegateDetailPage) },
  { path: ':id/edit', lazy: lazyPage(() => import('./DelegateFormPage'), (m) => m.DelegateFormPage) },
];
