/**
 * Backups' storage side. A backup is a complete snapshot in the sync bundle format (a
 * signed "everything" bundle, tombstones included), so any backup file can also be
 * imported on another computer. Restore is the opposite of a merge: the synced tables are
 * REPLACED by the backup's records, in one transaction, after the file was checked
 * completely (checksum, signature, schema). Where the files go (data folder, USB stick)
 * is the feature's and the main process's business; this file only reads and writes the
 * database.
 */
import { syncedTableNames, type SyncedTableName } from '../../shared/model';
import type { BundleOrigin } from '../../shared/sync/bundleFormat';
import { decodeBundleBytes, readBundleText, SyncCancelledError, type ReadStage, type WorkControl } from '../../shared/sync/bundleRead';
import { slugify } from 'transliteration';
import { anySyncedTable } from './db';
import { NoInstallationError } from './errors';
import { browserSyncCrypto } from './syncKeys';
import type { SyncRepository, WorkOptions } from './syncRepository';
import type { RepositoryContext } from './writes';
import { yieldToUi } from '../lib/yieldToUi';

/** Records per table: those in use and tombstones (which Recently deleted can bring back). */
export interface TableTally {
  live: number;
  deleted: number;
}

export type Tally = Record<SyncedTableName, TableTally>;

export interface Snapshot {
  /** The bundle text, ready to be written to a file. */
  text: string;
  /** Suggested name for a copy the user saves: cwg-backup-<installation>-<date>.cwgbundle.json */
  fileName: string;
  /** Records in use per table (tombstones left out), as the backup list shows them. */
  counts: Record<string, number>;
  createdAt: string;
}

export type RestoreStage = ReadStage | 'write';

/** Why a file cannot be restored although it is a valid bundle. */
export class RestoreRefusedError extends Error {
  constructor(
    readonly code: 'partial' | 'merged' | 'no-installation',
    detail: string,
  ) {
    super(detail);
    this.name = 'RestoreRefusedError';
  }
}

export interface RestorePreview {
  fileName: string;
  bytes: number;
  createdAt: string;
  /** The installation that made the backup. */
  origin: BundleOrigin;
  fingerprint: string;
  /** Made by this installation (not a copy from another computer). */
  ownBackup: boolean;
  /** What the backup holds, per table. */
  backup: Tally;
  /** What this computer holds now, per table. */
  current: Tally;
}

export interface RestoreOutcome {
  /** Records written, tombstones included. */
  written: number;
}

export interface RestoreSession {
  preview: RestorePreview;
  /** Replaces every synced table by the backup's records, in ONE transaction. */
  apply(options?: WorkOptions<'write'>): Promise<RestoreOutcome>;
}

export interface BackupRepository {
  /** A complete snapshot of the synced data, in the bundle format. */
  snapshot(options?: WorkOptions<'read' | 'sign'>): Promise<Snapshot>;
  /** Checks a backup file completely and previews it; writes nothing. */
  prepareRestore(file: { name: string; bytes: Uint8Array }, options?: WorkOptions<RestoreStage>): Promise<RestoreSession>;
  /** Records per table now, live and deleted. */
  tally(): Promise<Tally>;
}

const SELF = 'self';

const pause = yieldToUi;

function emptyTally(): Tally {
  return Object.fromEntries(syncedTableNames.map((name) => [name, { live: 0, deleted: 0 }])) as Tally;
}

function tallyOf(records: Partial<Record<SyncedTableName, readonly { deleted: boolean }[]>>): Tally {
  const tally = emptyTally();
  for (const name of syncedTableNames) {
    for (const record of records[name] ?? []) {
      if (record.deleted) tally[name].deleted += 1;
      else tally[name].live += 1;
    }
  }
  return tally;
}

/** "2026-11-27T21:02:24.123Z" → "2026-11-27-2102" (local names sort by time). */
function fileStamp(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

export function createBackupRepository(ctx: RepositoryContext, sync: SyncRepository): BackupRepository {
  const { db } = ctx;
  const crypto = browserSyncCrypto();

  const tally = async (): Promise<Tally> =>
    db.transaction('r', [...syncedTableNames], async () => {
      const records: Partial<Record<SyncedTableName, { deleted: boolean }[]>> = {};
      for (const name of syncedTableNames) records[name] = await anySyncedTable(db, name).toArray();
      return tallyOf(records);
    });

  return {
    tally,

    async snapshot(options = {}) {
      const self = await db.installation.get(SELF);
      if (!self) throw new NoInstallationError();
      const bundle = await sync.exportBundle({ kind: 'all', backup: true }, options);
      const createdAt = new Date(ctx.now());
      const who = slugify(self.displayName, { separator: '-' }).slice(0, 40) || 'cwg';
      return {
        text: bundle.text,
        fileName: `cwg-backup-${who}-${fileStamp(createdAt)}.cwgbundle.json`,
        // The list shows records in use; tombstones are in the file but not what people count.
        counts: Object.fromEntries(syncedTableNames.map((name) => [name, bundle.live[name] ?? 0])),
        createdAt: createdAt.toISOString(),
      };
    },

    async prepareRestore(file, options = {}) {
      const { onProgress, signal } = options;
      const self = await db.installation.get(SELF);
      if (!self) throw new RestoreRefusedError('no-installation', 'Set up this installation before restoring a backup.');
      const control: WorkControl = {
        onProgress: (stage, done, total) => onProgress?.({ stage, done, total }),
        signal: {
          get aborted() {
            return signal?.aborted ?? false;
          },
        },
        pause,
      };
      // Restoring never needs the import size limit: a backup is as large as the data.
      const text = decodeBundleBytes(file.bytes, (bytes) => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      const read = await readBundleText(text, crypto, control);
      if (signal?.aborted) throw new SyncCancelledError();
      const [unit] = read.units;
      if (read.header.kind !== 'changes' || read.units.length !== 1 || !unit) {
        throw new RestoreRefusedError('merged', 'This file joins the bundles of several installations; it is not a backup of one computer. Import it from Sync instead.');
      }
      if (unit.header.scope.kind !== 'all') {
        throw new RestoreRefusedError('partial', 'This file holds only part of the data (one meeting, or what one installation lacked); it is not a complete backup. Import it from Sync instead.');
      }
      const preview: RestorePreview = {
        fileName: file.name,
        bytes: file.bytes.length,
        createdAt: unit.header.createdAt,
        origin: unit.header.origin,
        fingerprint: unit.fingerprint,
        ownBackup: unit.header.origin.id === self.id,
        backup: tallyOf(unit.records),
        current: await tally(),
      };
      let applied = false;

      const apply: RestoreSession['apply'] = async (work = {}) => {
        if (applied) throw new Error('This backup was restored already.');
        // The engine replaces the data and resets what sync believes this computer holds,
        // so the next ordinary exchange brings back what the restore removed.
        const outcome = await sync.engine.restore(unit.records, unit.header.vector, work);
        applied = true;
        return outcome;
      };

      return { preview, apply };
    },
  };
}

