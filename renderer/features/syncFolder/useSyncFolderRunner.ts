/**
 * Runs the sync folder while the app is open (folderRunner.ts): a cycle when main says the
 * folder changed, and, three times a second, a look whether this installation's changes have
 * settled (the same vector twice in a row: no save in between) to write them. Before the app
 * quits, one last cycle writes what is pending, then main is told it may quit.
 */
import { useEffect } from 'react';
import i18next from 'i18next';
import { useRepositories } from '../../app/RepositoriesContext';
import type { Repositories } from '../../db';
import { api } from '../../lib/api';
import { utf8Bytes } from '../../lib/bytes';
import { useToasts } from '../../stores/toasts';
import { localDay, takeBackup } from '../backup/backups';
import { createFolderRunner, readFolderState, type FolderRunResult } from './folderRunner';
import { useSyncFolder } from './syncFolderStore';

/**
 * How often local changes are looked at (a read of the version vector); two equal looks in a
 * row mean they settled: a change is written 0.3 to 0.6 s after its last save.
 */
const TICK_MS = 300;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createAppFolderRunner(repositories: Repositories) {
  return createFolderRunner({
    folder: {
      scan: () => api.scanSyncFolder(),
      read: async (name) => (await api.readSyncFolderFile(name)).bytes,
      write: (fileName, text) => api.writeSyncFolderFile({ fileName, bytes: utf8Bytes(text) }),
      removeOwn: (names) => api.removeSyncFolderFiles(names),
    },
    sync: repositories.sync,
    state: {
      load: async () => readFolderState(await repositories.sync.folderState()),
      save: (state) => repositories.sync.saveFolderState(state),
    },
    backup: async () => {
      await takeBackup(repositories, 'before-import');
    },
    sha256Hex,
    localDay: (ms) => localDay(new Date(ms)),
  });
}

export function useSyncFolderRunner(enabled: boolean): void {
  const repositories = useRepositories();
  useEffect(() => {
    if (!enabled) return;
    const runner = createAppFolderRunner(repositories);
    let stopped = false;
    let lastVector = '';

    const show = (result: FolderRunResult, actionsAtStart: number) => {
      useSyncFolder.setState((view) => ({
        // Paused or resumed while this cycle ran: the person's newer status stands.
        status: view.statusActions === actionsAtStart ? result.status : view.status,
        lastSyncedAt: result.status.state === 'online' && !result.status.paused ? new Date().toISOString() : view.lastSyncedAt,
        waiting: result.waiting,
        problems: result.problems,
        arriving: result.arriving.length,
        failure: null,
      }));
      if (result.imported.length > 0) useToasts.getState().show('info', i18next.t('syncFolder.imported', { count: result.imported.length }));
    };

    const cycle = async (write: boolean) => {
      if (stopped) return;
      const actionsAtStart = useSyncFolder.getState().statusActions;
      useSyncFolder.setState({ running: true });
      try {
        show(await runner.run({ write }), actionsAtStart);
      } catch (failure) {
        useSyncFolder.setState({ failure });
      } finally {
        useSyncFolder.setState({ running: false });
      }
    };

    const tick = async () => {
      const { status } = useSyncFolder.getState();
      if (status?.state !== 'online' || status.paused) return;
      try {
        const vector = JSON.stringify(await repositories.sync.vector());
        const settled = vector === lastVector;
        lastVector = vector;
        if (settled && (await runner.pending())) await cycle(true);
      } catch {
        // The next tick tries again; a failing cycle is reported by cycle itself.
      }
    };

    void (async () => {
      try {
        const status = await api.syncFolderStatus();
        const stored = readFolderState(await repositories.sync.folderState());
        useSyncFolder.setState({ status, lastSyncedAt: stored.lastSyncedAt });
        if (status.state !== 'off') await cycle(true);
      } catch (failure) {
        useSyncFolder.setState({ failure });
      }
    })();
    useSyncFolder.setState({
      syncNow: () => {
        void cycle(true);
      },
    });
    const offChanged = api.onMainEvent('cwg:event:sync-folder-changed', () => {
      void cycle(false);
    });
    const offQuit = api.onMainEvent('cwg:event:before-quit', () => {
      void cycle(true).finally(() => {
        void api.readyToQuit().catch(() => undefined);
      });
    });
    const timer = setInterval(() => {
      void tick();
    }, TICK_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      offChanged();
      offQuit();
      useSyncFolder.setState({ syncNow: null });
    };
  }, [enabled, repositories]);
}
