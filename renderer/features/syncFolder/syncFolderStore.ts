/** UI state of the sync folder: what the last cycle found, for the header and Settings. */
import { create } from 'zustand';
import type { SyncFolderStatus } from '../../../shared/ipc/contract';
import type { FolderProblem, WaitingFile } from './folderRunner';

export interface SyncFolderView {
  status: SyncFolderStatus | null;
  running: boolean;
  lastSyncedAt: string | null;
  waiting: WaitingFile[];
  problems: FolderProblem[];
  arriving: number;
  /** A cycle failed as a whole (the folder vanished mid-way, a backup failed): said once. */
  failure: unknown;
  /** Asks the runner for a cycle now (set by useSyncFolderRunner while it runs). */
  syncNow: (() => void) | null;
  /**
   * Counts the statuses a person's action set (choose, forget, pause, resume). A cycle that
   * scanned before such an action must not put its older status back when it ends.
   */
  statusActions: number;
}

export const useSyncFolder = create<SyncFolderView>(() => ({
  status: null,
  running: false,
  lastSyncedAt: null,
  waiting: [],
  problems: [],
  arriving: 0,
  failure: null,
  syncNow: null,
  statusActions: 0,
}));

/** The status main answered to a person's action: newer than any cycle already running. */
export function setStatusFromAction(status: SyncFolderStatus, more: Partial<SyncFolderView> = {}): void {
  useSyncFolder.setState((view) => ({ ...more, status, statusActions: view.statusActions + 1 }));
}
