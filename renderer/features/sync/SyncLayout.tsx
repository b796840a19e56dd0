/**
 * The sync area's frame: its section links (with the number of open conflicts). The
 * window-wide drop target for bundle files is in the app frame (useBundleDropTarget).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useRepositories } from '../../app/RepositoriesContext';
import './sync.css';

export function SyncLayout() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const conflicts = useLiveQuery(() => repositories.sync.unresolvedConflictCount(), [repositories]);


  const links = [
    { to: '/sync', label: t('sync.nav.overview'), end: true },
    { to: '/sync/export', label: t('sync.nav.export') },
    { to: '/sync/import', label: t('sync.nav.import') },
    { to: '/sync/history', label: t('sync.nav.history') },
    {
      to: '/sync/conflicts',
      label: conflicts ? t('sync.nav.conflictsCount', { count: conflicts }) : t('sync.nav.conflicts'),
    },
    { to: '/sync/peers', label: t('sync.nav.peers') },
  ];

  return (
    <div className="sync-area">
      <nav className="sync-nav" aria-label={t('sync.nav.label')}>
        <ul>
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end ?? false}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
