/**
 * Taking backups: the renderer makes the snapshot (the data lives in its IndexedDB) and the
 * main process writes it into the app's data folder, atomically, with rotation. Used at
 * start-up (the daily one) and by every risky operation before it changes anything
 * (import, restore, duplicate merge): if the safety copy cannot be written, the operation
 * does not start.
 */
import type { BackupEntry, BackupReason } from '../../../shared/ipc/contract';
import type { Repositories } from '../../db';
import type { TFunction } from 'i18next';
import { create } from 'zustand';
import { api } from '../../lib/api';
import { errorText } from '../../lib/storageErrors';
import { utf8Bytes } from '../../lib/bytes';

/** The safety backup before an operation failed; the operation was not started. */
export class BackupFailedError extends Error {
  constructor(
    readonly reason: BackupReason,
    /** What went wrong (a full disk, a folder that cannot be made…), to be worded by errorText. */
    readonly failure: unknown,
  ) {
    super(`The safety backup could not be written (${failure instanceof Error ? failure.message : String(failure)}). Nothing was changed.`);
    this.name = 'BackupFailedError';
  }
}

/** "The safety backup could not be written: <why, in the UI language> Nothing was changed." */
export function backupFailureText(error: BackupFailedError, t: TFunction): string {
  return t('backup.failed', { detail: errorText(error.failure, t) });
}

/** Bumped after every automatic backup, so an open list of backups reloads. */
export const useBackupsChanged = create<{ version: number }>(() => ({ version: 0 }));

/** Snapshot → automatic backup in the data folder. Throws BackupFailedError. */
export async function takeBackup(repositories: Repositories, reason: BackupReason): Promise<BackupEntry> {
  let entry: BackupEntry;
  try {
    const snapshot = await repositories.backup.snapshot();
    entry = await api.writeBackup({ reason, content: utf8Bytes(snapshot.text), counts: snapshot.counts });
  } catch (error) {
    throw new BackupFailedError(reason, error);
  }
  useBackupsChanged.setState((state) => ({ version: state.version + 1 }));
  return entry;
}

/** YYYY-MM-DD of a moment in this computer's time zone: "daily" follows the user's day. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whether today's daily backup is still to be taken, given the automatic backups (any order). */
export function dailyDue(backups: readonly BackupEntry[], now: Date): boolean {
  const today = localDay(now);
  return !backups.some((entry) => entry.reason === 'daily' && localDay(new Date(entry.createdAt)) === today);
}

let running: Promise<BackupEntry | null> | null = null;
/** The local day already dealt with (taken, present, or failed: a failure is reported once a day). */
let checkedDay: string | null = null;

/**
 * Takes today's daily backup unless there is one: at app start, and again when the app
 * stays open past midnight and is used. Concurrent callers share one run.
 */
export function ensureDailyBackup(repositories: Repositories, now: () => Date = () => new Date()): Promise<BackupEntry | null> {
  const today = localDay(now());
  if (checkedDay === today) return Promise.resolve(null);
  running ??= (async () => {
    try {
      const { backups } = await api.listBackups();
      if (!dailyDue(backups, now())) return null;
      return await takeBackup(repositories, 'daily');
    } finally {
      checkedDay = today;
      running = null;
    }
  })();
  return running;
}
