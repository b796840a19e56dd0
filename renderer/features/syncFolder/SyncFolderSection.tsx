/**
 * Settings → Sync folder: choose, pause, resume or stop using the folder; what the last
 * cycle found (files waiting for the trust step, files that could not be read, files still
 * arriving). A waiting file opens in Sync → Import, where its sender is trusted.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { api } from '../../lib/api';
import { showError, useToasts } from '../../stores/toasts';
import { formatDateTime, syncErrorText } from '../sync/syncFormat';
import { setStatusFromAction, useSyncFolder } from './syncFolderStore';
import { SyncFolderWaiting } from './SyncFolderWaiting';

export function SyncFolderSection() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ids = useId();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const view = useSyncFolder();
  const [busy, setBusy] = useState(false);
  const { status } = view;
  const configured = status !== null && status.state !== 'off';
  const location = useLocation();
  // Opened from the header's status: the section takes the focus (and the view scrolls to it).
  useEffect(() => {
    if (location.hash === '#sync-folder') document.getElementById('sync-folder')?.focus();
  }, [location.hash]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (failure) {
      showError(failure);
    } finally {
      setBusy(false);
    }
  };

  const choose = () =>
    act(async () => {
      const { installation } = await repositories.sync.identity();
      const result = await api.chooseSyncFolder(installation.id);
      setStatusFromAction(result.status);
      if (!result.chosen) return;
      showToast('info', t('syncFolder.chosen', { folder: result.status.folder ?? '' }));
      view.syncNow?.();
    });

  const forget = () =>
    act(async () => {
      const folder = status?.folder ?? '';
      const next = await api.forgetSyncFolder();
      setStatusFromAction(next, { waiting: [], problems: [], arriving: 0 });
      showToast('info', t('syncFolder.forgotten', { folder }));
    });

  const pause = (paused: boolean) =>
    act(async () => {
      const next = await api.pauseSyncFolder(paused);
      setStatusFromAction(next);
      if (!paused) view.syncNow?.();
    });

  const stateText =
    status === null
      ? t('common.loading')
      : status.paused
        ? t('syncFolder.states.paused')
        : status.state === 'offline'
          ? t(`syncFolder.states.${status.reason ?? 'missing'}`)
          : t('syncFolder.states.online');

  return (
    <section id="sync-folder" aria-labelledby={`${ids}-title`} tabIndex={-1}>
      <h2 id={`${ids}-title`}>{t('syncFolder.title')}</h2>
      <p className="hint">{t('syncFolder.intro')}</p>
      {!configured ? (
        <p>{status === null ? t('common.loading') : t('syncFolder.none')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('syncFolder.folder')}</dt>
          <dd>
            <code>{status.folder}</code>
          </dd>
          <dt>{t('syncFolder.state')}</dt>
          <dd>{stateText}</dd>
          <dt>{t('syncFolder.lastSynced')}</dt>
          <dd>{view.lastSyncedAt ? formatDateTime(view.lastSyncedAt, language) : t('syncFolder.never')}</dd>
        </dl>
      )}
      <p className="button-row">
        <button type="button" disabled={busy} onClick={() => void choose()}>
          {configured ? t('syncFolder.change') : t('syncFolder.choose')}
        </button>
        {configured && (
          <>
            <button type="button" disabled={busy || view.running || status.paused || status.state !== 'online'} onClick={() => view.syncNow?.()}>
              {t('syncFolder.syncNow')}
            </button>
            <button type="button" disabled={busy} onClick={() => void pause(!status.paused)}>
              {status.paused ? t('syncFolder.resume') : t('syncFolder.pause')}
            </button>
            <button type="button" disabled={busy} onClick={() => void forget()}>
              {t('syncFolder.forget')}
            </button>
          </>
        )}
      </p>
      {configured && view.arriving > 0 && <p role="status">{t('syncFolder.arriving', { count: view.arriving })}</p>}
      {configured && <SyncFolderWaiting headingLevel={3} />}
      {configured && view.problems.length > 0 && (
        <>
          <h3 id={`${ids}-problems`}>{t('syncFolder.problemsTitle')}</h3>
          <ul aria-labelledby={`${ids}-problems`}>
            {view.problems.map((problem) => (
              <li key={problem.name}>
                {t('syncFolder.problemItem', { file: problem.name.split('/').pop() ?? problem.name, reason: syncErrorText(problem.error, t, language).message })}
              </li>
            ))}
          </ul>
        </>
      )}
      {configured && view.failure !== null && <p role="alert">{t('syncFolder.failed', { message: syncErrorText(view.failure, t, language).message })}</p>}
    </section>
  );
}
