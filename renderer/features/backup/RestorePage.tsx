/**
 * Restore (Settings → Backups): one of the automatic backups (`?backup=ID`) or a file the
 * user chooses. The file is checked completely and previewed (who made it, when, what it
 * holds against what this computer holds now); after an explicit confirmation a backup of
 * the current state is taken, then the backup replaces the data in one transaction.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { syncedTableNames } from '../../../shared/model';
import type { BackupEntry } from '../../../shared/ipc/contract';
import { SyncCancelledError } from '../../../shared/sync/bundleRead';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { RestoreRefusedError, type RestoreOutcome, type RestoreSession, type RestoreStage } from '../../db/backupRepository';
import type { Progress } from '../../db/syncRepository';
import { api } from '../../lib/api';
import { ProgressStatus } from '../sync/ProgressStatus';
import { RefusalAlert } from '../sync/RefusalAlert';
import { formatDateTime, formatNumber, formatSize, roleLabel, syncErrorText } from '../sync/syncFormat';
import { BackupFailedError, backupFailureText, takeBackup } from './backups';

type Stage = RestoreStage | 'backup';

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string; progress: Progress<RestoreStage> }
  | { kind: 'refused'; fileName: string; message: string; path: string | null }
  | { kind: 'preview'; session: RestoreSession; error: string | null }
  | { kind: 'applying'; session: RestoreSession; progress: Progress<Stage> }
  | { kind: 'done'; outcome: RestoreOutcome; safety: BackupEntry };

export function RestorePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const [params] = useSearchParams();
  const backupId = params.get('backup');
  const [phase, setPhase] = useState<Phase>(() =>
    backupId === null ? { kind: 'idle' } : { kind: 'checking', fileName: backupId, progress: { stage: 'parse', done: 0, total: 0 } },
  );
  const [cancelledNote, setCancelledNote] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const countries = useLiveQuery(() => repositories.countries.list(), [repositories]);

  const refusal = useCallback(
    (failure: unknown): { message: string; path: string | null } =>
      failure instanceof RestoreRefusedError ? { message: t(`restore.errors.${failure.code}`), path: null } : syncErrorText(failure, t, language),
    [t, language],
  );

  /** Reads and checks a file; state changes only after the first await (callers reset the page). */
  const run = useCallback(
    async (abort: AbortController, fileName: string, load: () => Promise<{ name: string; bytes: Uint8Array }>) => {
      try {
        const loaded = await load();
        const session = await repositories.backup.prepareRestore(loaded, {
          signal: abort.signal,
          onProgress: (progress) => {
            if (controller.current === abort) setPhase({ kind: 'checking', fileName: loaded.name, progress });
          },
        });
        if (controller.current === abort) setPhase({ kind: 'preview', session, error: null });
      } catch (failure) {
        if (controller.current !== abort) return;
        if (failure instanceof SyncCancelledError) {
          setPhase({ kind: 'idle' });
          setCancelledNote(true);
          return;
        }
        setPhase({ kind: 'refused', fileName, ...refusal(failure) });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [repositories, refusal],
  );

  const begin = (): AbortController => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    return abort;
  };

  // An automatic backup chosen in Settings (the page starts in the "checking" state for it).
  useEffect(() => {
    if (backupId === null) return;
    void run(begin(), backupId, async () => {
      const { entry, bytes } = await api.readBackup(backupId);
      return { name: entry.fileName, bytes };
    });
  }, [backupId, run]);

  // Leaving the page stops a check in progress (nothing was written).
  useEffect(() => () => controller.current?.abort(), []);

  const chooseFile = async () => {
    try {
      const result = await api.openFile({ purpose: 'backup' });
      if (!result.opened) return;
      setCancelledNote(false);
      setConfirmed(false);
      setConfirmError(false);
      setPhase({ kind: 'checking', fileName: result.name, progress: { stage: 'parse', done: 0, total: 0 } });
      void run(begin(), result.name, () => Promise.resolve({ name: result.name, bytes: result.bytes }));
    } catch (failure) {
      setPhase({ kind: 'refused', fileName: '', ...refusal(failure) });
    }
  };

  const apply = async () => {
    if (phase.kind !== 'preview') return;
    if (!confirmed) {
      setConfirmError(true);
      document.getElementById('restore-confirm')?.focus();
      return;
    }
    const { session } = phase;
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'applying', session, progress: { stage: 'backup', done: 0, total: 1 } });
    try {
      const safety = await takeBackup(repositories, 'before-restore');
      if (abort.signal.aborted) throw new SyncCancelledError();
      const outcome = await session.apply({
        signal: abort.signal,
        onProgress: (progress) => {
          setPhase({ kind: 'applying', session, progress });
        },
      });
      setPhase({ kind: 'done', outcome, safety });
    } catch (failure) {
      if (failure instanceof SyncCancelledError) {
        setPhase({ kind: 'preview', session, error: t('restore.cancelled') });
        return;
      }
      const message = failure instanceof BackupFailedError ? backupFailureText(failure, t) : refusal(failure).message;
      setPhase({ kind: 'preview', session, error: message });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const picker = (
    <div className="actions">
      <button type="button" onClick={() => void chooseFile()}>
        {t('restore.chooseFile')}
      </button>
      <Link className="button secondary" to="/settings">
        {t('restore.back')}
      </Link>
    </div>
  );

  const progressStatus = (progress: Progress<Stage>) => (
    <ProgressStatus
      label={t('restore.progressLabel')}
      step={t(`restore.stages.${progress.stage}`)}
      done={progress.done}
      total={progress.total}
      cancelLabel={t('restore.cancel')}
      onCancel={() => controller.current?.abort()}
    />
  );

  const preview = phase.kind === 'preview' || phase.kind === 'applying' ? phase.session.preview : null;

  return (
    <div className="page narrow">
      <PageTitle>{t('restore.title')}</PageTitle>
      <p className="lead">{t('restore.intro')}</p>
      {cancelledNote && <p role="status">{t('restore.cancelled')}</p>}

      {phase.kind === 'idle' && (
        <>
          <p className="hint">{t('restore.fromList')}</p>
          {picker}
        </>
      )}

      {phase.kind === 'checking' && (
        <section aria-labelledby="restore-checking">
          <h2 id="restore-checking">{t('restore.checking', { file: phase.fileName })}</h2>
          {progressStatus(phase.progress)}
        </section>
      )}

      {phase.kind === 'refused' && (
        <>
          <RefusalAlert
            title={t('restore.refusedTitle')}
            fileName={phase.fileName}
            message={phase.message}
            where={phase.path && t('restore.where', { path: phase.path })}
            nothingChanged={t('restore.nothingChanged')}
          />
          {picker}
        </>
      )}

      {preview && (phase.kind === 'preview' || phase.kind === 'applying') && (
        <section aria-labelledby="restore-preview">
          <h2 id="restore-preview">{t('restore.previewTitle')}</h2>
          <dl className="facts">
            <dt>{t('restore.file')}</dt>
            <dd>{preview.fileName}</dd>
            <dt>{t('restore.size')}</dt>
            <dd>{formatSize(preview.bytes, language)}</dd>
            <dt>{t('restore.made')}</dt>
            <dd>{formatDateTime(preview.createdAt, language)}</dd>
            <dt>{t('restore.madeBy')}</dt>
            <dd>
              {preview.ownBackup
                ? t('restore.thisInstallation', { name: preview.origin.name })
                : t('restore.otherInstallation', { name: preview.origin.name, fingerprint: preview.fingerprint })}
              {' · '}
              {roleLabel(preview.origin.role, preview.origin.countryId, countries, t, language)}
            </dd>
          </dl>
          {!preview.ownBackup && <p className="sync-alert">{t('restore.otherWarning')}</p>}
          <table className="data-table">
            <caption>{t('restore.compareCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('restore.table')}</th>
                <th scope="col">{t('restore.inBackup')}</th>
                <th scope="col">{t('restore.now')}</th>
              </tr>
            </thead>
            <tbody>
              {syncedTableNames
                .filter((name) => preview.backup[name].live + preview.backup[name].deleted + preview.current[name].live + preview.current[name].deleted > 0)
                .map((name) => {
                  const cell = ({ live, deleted }: { live: number; deleted: number }) =>
                    deleted > 0 ? t('restore.withDeleted', { live: formatNumber(live, language), deleted: formatNumber(deleted, language) }) : formatNumber(live, language);
                  return (
                    <tr key={name}>
                      <th scope="row">{t(`sync.tables.${name}`)}</th>
                      <td>{cell(preview.backup[name])}</td>
                      <td>{cell(preview.current[name])}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
          <p>{t('restore.replaceWarning', { date: formatDateTime(preview.createdAt, language) })}</p>
          <p className="hint">{t('restore.safety')}</p>

          {phase.kind === 'applying' ? (
            progressStatus(phase.progress)
          ) : (
            <form
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                void apply();
              }}
            >
              <label className="choice" htmlFor="restore-confirm">
                <input
                  id="restore-confirm"
                  type="checkbox"
                  checked={confirmed}
                  aria-invalid={confirmError && !confirmed}
                  aria-describedby={confirmError && !confirmed ? 'restore-confirm-error' : undefined}
                  onChange={(event) => {
                    setConfirmed(event.target.checked);
                  }}
                />
                {t('restore.confirm')}
              </label>
              {confirmError && !confirmed && (
                <p id="restore-confirm-error" className="field-error">
                  {t('restore.confirmRequired')}
                </p>
              )}
              {phase.error && (
                <p role="alert" className="field-error">
                  {phase.error}
                </p>
              )}
              <div className="actions">
                <button type="submit">{t('restore.apply')}</button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setPhase({ kind: 'idle' });
                    setCancelledNote(true);
                  }}
                >
                  {t('restore.cancelPreview')}
                </button>
              </div>
            </form>
          )}
        </section>
      )}

      {phase.kind === 'done' && (
        <>
          <div className="sync-success" role="status">
            <p>
              {t('restore.done', {
                count: phase.outcome.written,
                reason: t(`backup.reasons.${phase.safety.reason}`),
                date: formatDateTime(phase.safety.createdAt, language),
              })}
            </p>
          </div>
          <p className="actions">
            <Link to="/meetings">{t('nav.meetings')}</Link>
            <Link to="/settings">{t('restore.back')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
