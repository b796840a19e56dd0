/**
 * Import: pick a bundle file (or drop one on the window), watch it being checked (cancel at
 * any point), read the preview of what it would change (with the sender's fingerprint to
 * trust, conflicting values side by side and refused changes), then import it in one
 * transaction or leave it: until "Import" nothing on this computer changes.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BundleError } from '../../../shared/sync/bundleErrors';
import { SyncCancelledError } from '../../../shared/sync/bundleRead';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import type { ImportOutcome, ImportPreview, ImportSession, ImportStage, Progress } from '../../db/syncRepository';
import { api, ApiError } from '../../lib/api';
import { useSyncFolder } from '../syncFolder/syncFolderStore';
import { SyncFolderWaiting } from '../syncFolder/SyncFolderWaiting';
import { useBundleDrop } from './dropStore';
import { ImportPreviewView } from './ImportPreviewView';
import { ProgressStatus } from './ProgressStatus';
import { RefusalAlert } from './RefusalAlert';
import { BackupFailedError, backupFailureText, takeBackup } from '../backup/backups';
import { formatNumber, formatSize, syncErrorText } from './syncFormat';

type Phase =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string; progress: Progress<ImportStage | 'read'> }
  | { kind: 'refused'; fileName: string; message: string; path: string | null }
  | { kind: 'preview'; session: ImportSession; applying: Progress<'backup' | 'apply'> | null; error: string | null }
  | { kind: 'done'; preview: ImportPreview; outcome: ImportOutcome };

export function ImportPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const settings = useLiveQuery(() => repositories.sync.settings(), [repositories]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [cancelledNote, setCancelledNote] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const check = useCallback(
    async (fileName: string, read: () => Promise<Uint8Array>) => {
      const abort = new AbortController();
      controller.current = abort;
      setCancelledNote(false);
      setPhase({ kind: 'checking', fileName, progress: { stage: 'read', done: 0, total: 0 } });
      try {
        const bytes = await read();
        if (abort.signal.aborted) throw new SyncCancelledError();
        const session = await repositories.sync.prepareImport(
          { name: fileName, bytes },
          {
            signal: abort.signal,
            onProgress: (progress) => {
              if (controller.current === abort) setPhase({ kind: 'checking', fileName, progress });
            },
          },
        );
        if (controller.current === abort) setPhase({ kind: 'preview', session, applying: null, error: null });
      } catch (failure) {
        // A newer file replaced this one: its outcome no longer matters.
        if (controller.current !== abort) return;
        if (failure instanceof SyncCancelledError) {
          setPhase({ kind: 'idle' });
          setCancelledNote(true);
          return;
        }
        const { message, path } = syncErrorText(failure, t, language);
        setPhase({ kind: 'refused', fileName, message, path });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [repositories, t, language],
  );

  /** A file from the window (drag and drop): checked against the limit before it is read. */
  const checkFile = useCallback(
    (file: File) => {
      controller.current?.abort();
      void check(file.name, async () => {
        const { maxBundleBytes: limit } = await repositories.sync.settings();
        if (file.size > limit) throw new BundleError('too-large', '$', 'the file is too large', { bytes: file.size, limit });
        return new Uint8Array(await file.arrayBuffer());
      });
    },
    [check, repositories],
  );
  const checkFileRef = useRef(checkFile);
  useEffect(() => {
    checkFileRef.current = checkFile;
  }, [checkFile]);

  // Leaving the page stops a check in progress (nothing was written). An import already
  // being applied is left to finish: it is one transaction, and stopping it silently
  // would surprise the person who pressed "Import".
  const checking = useRef(false);
  useEffect(() => {
    checking.current = phase.kind === 'checking';
  }, [phase]);
  useEffect(
    () => () => {
      if (checking.current) controller.current?.abort();
    },
    [],
  );

  // Files dropped on the window: one dropped before this page opened, and any dropped while it is open.
  useEffect(() => {
    const start = () => {
      const file = useBundleDrop.getState().take();
      if (file) checkFileRef.current(file);
    };
    const unsubscribe = useBundleDrop.subscribe((state) => {
      if (state.file) start();
    });
    const timer = setTimeout(start, 0);
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, []);

  const choose = async () => {
    if (!settings) return;
    try {
      const result = await api.openFile({ purpose: 'bundle', maxBytes: settings.maxBundleBytes });
      if (!result.opened) return;
      void check(result.name, () => Promise.resolve(result.bytes));
    } catch (failure) {
      // Main refuses files above the limit before reading them.
      const message =
        failure instanceof ApiError && failure.code === 'not-allowed'
          ? t('sync.errors.tooLargeDialog', { limit: formatSize(settings.maxBundleBytes, language) })
          : syncErrorText(failure, t, language).message;
      setPhase({ kind: 'refused', fileName: '', message, path: null });
    }
  };

  const apply = async (trusted: readonly string[]) => {
    if (phase.kind !== 'preview') return;
    const { session } = phase;
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ ...phase, applying: { stage: 'backup', done: 0, total: 0 }, error: null });
    try {
      // A copy of everything first, unless the bundle changes nothing (known or all unchanged).
      const { totals } = session.preview;
      if (totals.new + totals.updated + totals.deleted > 0 || session.preview.conflicts.length > 0) await takeBackup(repositories, 'before-import');
      if (abort.signal.aborted) throw new SyncCancelledError();
      const outcome = await session.apply(trusted, {
        signal: abort.signal,
        onProgress: (progress) => {
          setPhase({ kind: 'preview', session, applying: progress, error: null });
        },
      });
      setPhase({ kind: 'done', preview: session.preview, outcome });
      // Files in the sync folder from a sender just trusted follow at once.
      useSyncFolder.getState().syncNow?.();
    } catch (failure) {
      if (failure instanceof SyncCancelledError) {
        setPhase({ kind: 'idle' });
        setCancelledNote(true);
        return;
      }
      const message = failure instanceof BackupFailedError ? backupFailureText(failure, t) : syncErrorText(failure, t, language).message;
      setPhase({ kind: 'preview', session, applying: null, error: message });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const picker = (
    <div className="sync-drop">
      <p>{t('sync.import.dropZone')}</p>
      <p>
        <button type="button" disabled={!settings} onClick={() => void choose()}>
          {t('sync.import.choose')}
        </button>
      </p>
      {settings && <p className="hint">{t('sync.import.limit', { size: formatSize(settings.maxBundleBytes, language) })}</p>}
    </div>
  );

  return (
    <div className="page">
      <PageTitle>{t('sync.import.title')}</PageTitle>
      <p className="lead">{t('sync.import.intro')}</p>
      {cancelledNote && <p role="status">{t('sync.import.cancelled')}</p>}

      {phase.kind === 'idle' && picker}
      {(phase.kind === 'idle' || phase.kind === 'done') && <SyncFolderWaiting headingLevel={2} />}

      {phase.kind === 'checking' && (
        <section aria-label={t('sync.import.checking', { file: phase.fileName })}>
          <h2>{t('sync.import.checking', { file: phase.fileName })}</h2>
          <ProgressStatus
            label={t('sync.import.progressLabel')}
            step={t(`sync.import.stages.${phase.progress.stage}`)}
            done={phase.progress.done}
            total={phase.progress.total}
            cancelLabel={t('sync.import.cancel')}
            onCancel={() => controller.current?.abort()}
          />
        </section>
      )}

      {phase.kind === 'refused' && (
        <>
          <RefusalAlert
            title={t('sync.import.refusedTitle')}
            fileName={phase.fileName}
            message={phase.message}
            where={phase.path && t('sync.import.where', { path: phase.path })}
            nothingChanged={t('sync.import.nothingChanged')}
          />
          {picker}
        </>
      )}

      {phase.kind === 'preview' && (
        <ImportPreviewView
          preview={phase.session.preview}
          applying={phase.applying}
          onCancelApply={() => controller.current?.abort()}
          error={phase.error}
          onApply={(trusted) => void apply(trusted)}
          onCancel={() => {
            setPhase({ kind: 'idle' });
            setCancelledNote(true);
          }}
        />
      )}

      {phase.kind === 'done' && (
        <>
          <div className="sync-success" role="status">
            <p>
              {t('sync.import.done', {
                name: [...new Set(phase.preview.units.map((unit) => unit.origin.name))].join(', '),
                new: formatNumber(phase.outcome.totals.new, language),
                updated: formatNumber(phase.outcome.totals.updated, language),
                deleted: formatNumber(phase.outcome.totals.deleted, language),
                count: phase.outcome.conflicts,
                refused: formatNumber(phase.outcome.refused, language),
              })}
            </p>
            <p className="sync-actions">
              <Link to="/sync/history">{t('sync.import.historyLink')}</Link>
              {phase.outcome.conflicts > 0 && <Link to="/sync/conflicts">{t('sync.import.conflictsLink')}</Link>}
            </p>
          </div>
          {picker}
        </>
      )}
    </div>
  );
}
