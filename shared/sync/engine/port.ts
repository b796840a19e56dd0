/**
 * The storage port of the sync engine: the few operations export, import, conflicts,
 * peers and restore need, inside one transaction. Two adapters implement it: Dexie
 * (renderer/db/dexieSyncStore.ts, the app) and memory (memoryStore.ts: property tests and
 * the command line). The engine never sees IndexedDB, so the code the tests prove is the
 * code that ships.
 */
import type { Conflict, Peer, ReceivedBundle, SyncedTableName } from '../../model';
import type { SyncRecord } from '../bundleFormat';
import type { SyncHistoryEntry } from './types';

export interface SyncTx {
  /** Records by id, in the order asked (undefined where none). */
  get(table: SyncedTableName, ids: readonly string[]): Promise<(SyncRecord | undefined)[]>;
  /** Every id of a table (cheap: no record is read). */
  keys(table: SyncedTableName): Promise<string[]>;
  all(table: SyncedTableName): Promise<SyncRecord[]>;
  /** Records whose `field` equals `value` (an index range where the table has one). */
  where(table: SyncedTableName, field: string, value: string): Promise<SyncRecord[]>;
  put(table: SyncedTableName, records: readonly SyncRecord[]): Promise<void>;
  clear(table: SyncedTableName): Promise<void>;

  meta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;

  peers(ids: readonly string[]): Promise<(Peer | undefined)[]>;
  allPeers(): Promise<Peer[]>;
  putPeer(peer: Peer): Promise<void>;
  deletePeer(id: string): Promise<void>;

  received(bundleIds: readonly string[]): Promise<(ReceivedBundle | undefined)[]>;
  putReceived(entry: ReceivedBundle): Promise<void>;
  clearReceived(): Promise<void>;

  conflicts(): Promise<Conflict[]>;
  putConflict(conflict: Conflict): Promise<void>;
  clearConflicts(): Promise<void>;

  addHistory(entry: SyncHistoryEntry): Promise<void>;
  history(): Promise<SyncHistoryEntry[]>;
}

export interface SyncStore {
  /** Runs `work` in one read transaction. */
  read<T>(work: (tx: SyncTx) => Promise<T>): Promise<T>;
  /** Runs `work` in one read-write transaction: all of it is stored, or (on a throw) none. */
  write<T>(work: (tx: SyncTx) => Promise<T>): Promise<T>;
}

/** The installation's clock as the engine uses it (renderer/db/clock.ts in the app). */
export interface EngineClock {
  /** A fresh stamp for a local change. */
  stamp(): { hlc: string; origin: string };
  receive(stamp: string): void;
  last(): string;
  /** Saves the clock; called inside the engine's write transaction. */
  persist(): Promise<void>;
}
