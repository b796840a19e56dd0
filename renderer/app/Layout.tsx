/** The app frame: skip link, navigation, language switch, the current screen, toasts. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { FirstRunPage } from '../features/firstRun/FirstRunPage';
import { useBundleDropTarget } from '../features/sync/useBundleDropTarget';
import { useDailyBackup } from '../features/backup/useDailyBackup';
import { SyncFolderBadge } from '../features/syncFolder/SyncFolderBadge';
import { useSyncFolderRunner } from '../features/syncFolder/useSyncFolderRunner';
import { useEffect } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { startFocusKeeper } from './focusKeeper';
import { LanguageSwitch } from './LanguageSwitch';
import { useRepositories } from './RepositoriesContext';
import { Toasts } from './Toasts';
import { useInstallationLabel } from './useInstallationLabel';

const sections = ['meetings', 'delegates', 'mou', 'reports', 'sync', 'settings'] as const;

export function Layout() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const location = useLocation();
  // Wrapped so "loading" (undefined) differs from "no installation yet".
  const state = useLiveQuery(async () => ({ installation: await repositories.installation.get() }), [repositories]);
  const badge = useInstallationLabel(state?.installation);
  // A bundle file dropped on any screen goes to the sync import preview (once there is an identity).
  useBundleDropTarget(state?.installation !== undefined);
  useDailyBackup(state?.installation !== undefined, location.pathname);
  // The sync folder (if one is chosen) is kept in step while the app is open.
  useSyncFolderRunner(state?.installation !== undefined);
  // Focus never falls to the page body after an action (see focusKeeper.ts).
  useEffect(() => startFocusKeeper(), []);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-subtitle">{t('app.subtitle')}</span>
        </div>
        {state?.installation && (
          <nav aria-label={t('app.mainNavigation')}>
            <ul>
              {sections.map((section) => (
                <li key={section}>
                  <NavLink to={`/${section}`}>{t(`nav.${section}`)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="header-end">
          {state?.installation && <SyncFolderBadge />}
          {badge && <span className="installation-badge">{badge}</span>}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          {state === undefined ? (
            <p aria-busy="true">{t('common.loading')}</p>
          ) : state.installation === undefined ? (
            <FirstRunPage />
          ) : (
            <Outlet />
          )}
        </ErrorBoundary>
      </main>
      <Toasts />
    </>
  );
}
