/**
 * The sync folder in the header: last synced, files waiting, problems, offline or paused,
 * in plain words, with pause and resume. Shown once a folder is chosen; the link opens
 * Settings → Sync folder. Changes are announced politely.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../app/i18n';
import { api } from '../../lib/api';
import { showError } from '../../stores/toasts';
import { setStatusFromAction, useSyncFolder } from './syncFolderStore';

function timeOf(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function SyncFolderBadge() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const view = useSyncFolder();
  const { status } = view;
  if (status === null || status.state === 'off') return null;

  const parts: string[] = [];
  if (status.paused) parts.push(t('syncFolder.badge.paused'));
  else if (status.state === 'offline') parts.push(t('syncFolder.badge.offline'));
  else parts.push(view.lastSyncedAt ? t('syncFolder.badge.synced', { time: timeOf(view.lastSyncedAt, language) }) : t('syncFolder.badge.notYet'));
  if (view.waiting.length > 0) parts.push(t('syncFolder.badge.waiting', { count: view.waiting.length }));
  if (view.problems.length > 0) parts.push(t('syncFolder.badge.problems', { count: view.problems.length }));
  const text = t('syncFolder.badge.open', { state: parts.join(', ') });

  const toggle = () => {
    api
      .pauseSyncFolder(!status.paused)
      .then((next) => {
        setStatusFromAction(next);
        if (!next.paused) view.syncNow?.();
      })
      .catch(showError);
  };

  return (
    <div className="sync-folder-badge" role="group" aria-label={t('syncFolder.badge.label')}>
      <span aria-live="polite">
        <Link to="/settings#sync-folder">{text}</Link>
      </span>
      <button type="button" className="link-button" onClick={toggle}>
        {status.paused ? t('syncFolder.resume') : t('syncFolder.pause')}
      </button>
    </div>
  );
}
