/**
 * Settings → Backups: the automatic backups (date, reason, size, contents) each with a
 * Restore button, "Back up now" to a folder the user chooses (a USB stick), and restore
 * from a file.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BackupEntry } from '../../../shared/ipc/contract';
import { currentLanguage, type Language } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { api } from '../../lib/api';
import { showError, useToasts } from '../../stores/toasts';
import { formatDateTime, formatNumber, formatSize } from '../sync/syncFormat';
import { useBackupsChanged } from './backups';
import { SyncCancelledError } from '../../../shared/sync/bundleRead';
import type { ExportStage, Progress } from '../../db/syncRepository';
import { ProgressStatus } from '../sync/ProgressStatus';
import { utf8Bytes } from '../../lib/bytes';

function contentsText(entry: BackupEntry, t: (key: string, options?: Record<string, unknown>) => string, language: Language): string {
  const counts = entry.counts;
  const total = Object.values(counts).reduce((sum, value) => sum + value, 0);
  if (total === 0 && Object.keys(counts).length === 0) return t('backup.contentsUnknown');
  return t('backup.contents', {
    meetings: formatNumber(counts.meetings ?? 0, language),
    delegates: formatNumber(counts.delegates ?? 0, language),
    articles: formatNumber(counts.articles ?? 0, language),
    records: formatNumber(total, language),
  });
}

export function BackupsSection({ dataFolder }: { dataFolder: string | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  // Making the snapshot of a large registry takes seconds: show how far it is, and let it be cancelled.
  const [progress, setProgress] = useState<Progress<ExportStage> | null>(null);
  const controller = useRef<AbortController | null>(null);
  // A backup taken while this list is open (the daily one, say) shows up without leaving the page.
  const changed = useBackupsChanged((state) => state.version);

  useEffect(() => {
    let live = true;
    api
      .listBackups()
      .then(({ backups: list }) => {
        if (live) setBackups(list);
      })
      .catch(showError);
    return () => {
      live = false;
    };
  }, [changed]);

  // Leaving Settings stops a snapshot in progress (nothing is saved).
  useEffect(() => () => controller.current?.abort(), []);

  const backupNow = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ stage: 'read', done: 0, total: 0 });
    try {
      const snapshot = await repositories.backup.snapshot({ signal: abort.signal, onProgress: setProgress });
      setProgress(null);
      const result = await api.saveFile({ purpose: 'backup', suggestedName: snapshot.fileName, content: utf8Bytes(snapshot.text) });
      showToast('info', result.saved ? t('backup.savedTo', { path: result.path }) : t('backup.notSaved'));
    } catch (error) {
      if (error instanceof SyncCancelledError) showToast('info', t('backup.cancelled'));
      else showError(error);
    } finally {
      if (controller.current === abort) controller.current = null;
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="settings-backups">
      <h2 id="settings-backups">{t('backup.section')}</h2>
      <p>{t('backup.intro')}</p>
      {dataFolder && <p className="hint">{t('backup.folder', { folder: `${dataFolder}/backups` })}</p>}
      <p className="hint">{t('backup.offsite')}</p>
      {progress && (
        <ProgressStatus
          label={t('backup.progressLabel')}
          step={t(`sync.export.stages.${progress.stage}`)}
          done={progress.done}
          total={progress.total}
          cancelLabel={t('backup.cancel')}
          onCancel={() => controller.current?.abort()}
        />
      )}
      <p className="actions">
        <button type="button" onClick={() => void backupNow()} disabled={progress !== null} aria-busy={progress !== null}>
          {progress ? t('backup.backingUp') : t('backup.backupNow')}
        </button>
        <Link className="button secondary" to="/settings/restore">
          {t('backup.restoreFile')}
        </Link>
      </p>
      {backups === null ? (
        <p aria-busy="true">{t('backup.loadingList')}</p>
      ) : backups.length === 0 ? (
        <p>{t('backup.none')}</p>
      ) : (
        <table className="data-table">
          <caption>{t('backup.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('backup.columns.date')}</th>
              <th scope="col">{t('backup.columns.reason')}</th>
              <th scope="col">{t('backup.columns.size')}</th>
              <th scope="col">{t('backup.columns.contents')}</th>
              <th scope="col">{t('backup.columns.action')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.map((entry) => {
              const date = formatDateTime(entry.createdAt, language);
              return (
                <tr key={entry.id}>
                  <th scope="row">{date}</th>
                  <td>{t(`backup.reasons.${entry.reason}`)}</td>
                  <td>{formatSize(entry.size, language)}</td>
                  <td>{contentsText(entry, t, language)}</td>
                  <td>
                    <Link
                      to={`/settings/restore?backup=${encodeURIComponent(entry.id)}`}
                      aria-label={t('backup.restoreEntryLabel', { date })}
                    >
                      {t('backup.restoreEntry')}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
