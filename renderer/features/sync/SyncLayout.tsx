/**
 * The sync area's frame: its section links (with the number of open conflicts) and the
 * window-wide drop target. While a sync page is open, a file dropped anywhere on the window
 * is taken to the import page; "Choose a bundle file…" there is the keyboard way.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useRepositories } from '../../app/RepositoriesContext';
import { useBundleDrop } from './dropStore';
import './sync.css';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function SyncLayout() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const navigate = useNavigate();
  const drop = useBundleDrop((state) => state.drop);
  const conflicts = useLiveQuery(() => repositories.sync.unresolvedConflictCount(), [repositories]);

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Never let the browser open the file in place of the app.
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      drop(file);
      void navigate('/sync/import');
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [drop, navigate]);

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
