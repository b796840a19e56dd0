/**
 * The one way features write synced records: validate against the record's schema, stamp
 * the record and each changed field with the installation's clock, and persist the clock,
 * all inside the caller's transaction (or a new one). Deletion is a tombstone, stamped like
 * any other change, so it syncs and can be undone.
 */
import { syncedTables, type SyncedTableName } from '../../shared/model';
import { stampChanges } from '../../shared/sync/stampChanges';
import type { InstallationClock } from './clock';
import { syncedTable, type CwgDatabase, type SyncedRecordMap } from './db';
import { ValidationError } from './errors';

/** What area repositories are built from. */
export interface RepositoryContext {
  db: CwgDatabase;
  /** The installation's clock; rejects with NoInstallationError before first run. */
  clock(): Promise<InstallationClock>;
  now(): number;
  randomUUID(): string;
}

/** A record as a feature hands it in: everything but the sync stamps. */
export type Unstamped<K extends SyncedTableName> = Omit<SyncedRecordMap[K], 'hlc' | 'origin' | 'fieldStamps'>;

/**
 * Validates and stores `next` in table `name`, stamping what changed, and persists the
 * clock. Must run inside a transaction that covers `name` and `meta` (Dexie nests it in
 * the caller's); get the clock with `ctx.clock()` before opening that transaction, since
 * loading it reads tables the transaction may not cover. Returns the stored record
 * (unchanged input returns the existing record without writing). Throws a ValidationError
 * naming each bad field, which aborts the caller's transaction: nothing is written.
 */
export async function writeRecord<K extends SyncedTableName>(
  db: CwgDatabase,
  clock: InstallationClock,
  name: K,
  next: Unstamped<K>,
): Promise<SyncedRecordMap[K]> {
  const table = syncedTable(db, name);
  return db.transaction('rw', [name, 'meta'], async () => {
    const previous = await table.get(next.id);
    const candidate = stampChanges<SyncedRecordMap[K]>(
      previous,
      next,
      clock.stamp(),
    );
    if (candidate === null && previous !== undefined) return previous;
    const parsed = syncedTables[name].safeParse(candidate);
    if (!parsed.success) throw ValidationError.fromIssues(name, parsed.error.issues);
    const record = parsed.data as SyncedRecordMap[K];
    await (table as unknown as { put(value: SyncedRecordMap[K]): Promise<unknown> }).put(record);
    await clock.persist();
    return record;
  });
}

/** writeRecord in a transaction of its own. */
export async function saveRecord<K extends SyncedTableName>(
  ctx: RepositoryContext,
  name: K,
  next: Unstamped<K>,
): Promise<SyncedRecordMap[K]> {
  const clock = await ctx.clock();
  return writeRecord(ctx.db, clock, name, next);
}

/** The record without its sync stamps, ready to be changed and written again. */
export function unstamped<K extends SyncedTableName>(record: SyncedRecordMap[K]): Unstamped<K> {
  const { hlc: _hlc, origin: _origin, fieldStamps: _stamps, ...rest } = record;
  return rest;
}

/**
 * Marks a record deleted (a tombstone that syncs), or restores it, stamped like any change.
 * Runs inside a transaction covering `name` and `meta`; returns undefined for an unknown id.
 */
export async function writeDeleted<K extends SyncedTableName>(
  db: CwgDatabase,
  clock: InstallationClock,
  name: K,
  id: string,
  deleted: boolean,
): Promise<SyncedRecordMap[K] | undefined> {
  return db.transaction('rw', [name, 'meta'], async () => {
    const previous = await syncedTable(db, name).get(id);
    if (!previous) return undefined;
    return writeRecord(db, clock, name, { ...unstamped<K>(previous), deleted });
  });
}

/**
 * writeRecord for many records of one table at once: one bulkGet, one bulkPut, one clock
 * save. Same validation and stamping; a bad record throws before anything is written.
 * Large imports use this: per-record writes cost several IndexedDB requests each.
 */
export async function writeRecords<K extends SyncedTableName>(
  db: CwgDatabase,
  clock: InstallationClock,
  name: K,
  records: readonly Unstamped<K>[],
): Promise<SyncedRecordMap[K][]> {
  const table = syncedTable(db, name) as unknown as {
    bulkGet(keys: string[]): Promise<(SyncedRecordMap[K] | undefined)[]>;
    bulkPut(values: SyncedRecordMap[K][]): Promise<unknown>;
  };
  return db.transaction('rw', [name, 'meta'], async () => {
    const previous = await table.bulkGet(records.map((record) => record.id));
    const stored: SyncedRecordMap[K][] = [];
    const changed: SyncedRecordMap[K][] = [];
    records.forEach((next, index) => {
      const before = previous[index];
      const candidate = stampChanges<SyncedRecordMap[K]>(
        before,
        next,
        clock.stamp(),
      );
      if (candidate === null && before !== undefined) {
        stored.push(before);
        return;
      }
      const parsed = syncedTables[name].safeParse(candidate);
      if (!parsed.success) throw ValidationError.fromIssues(`${name}[${String(index)}]`, parsed.error.issues);
      const record = parsed.data as SyncedRecordMap[K];
      stored.push(record);
      changed.push(record);
    });
    if (changed.length > 0) {
      await table.bulkPut(changed);
      await clock.persist();
    }
    return stored;
  });
}
