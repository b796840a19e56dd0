/**
 * The sync engine's storage port on Dexie: each operation is one IndexedDB call inside the
 * transaction the engine opened (Dexie keeps it as the ambient transaction across awaits).
 */
import type { Table } from 'dexie';
import { syncedTableNames, type SyncedTableName } from '../../shared/model';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import type { SyncStore, SyncTx } from '../../shared/sync/engine/port';
import type { SyncHistoryEntry } from '../../shared/sync/engine/types';
import type { CwgDatabase } from './db';

export const HISTORY_TABLE = 'syncHistory';

/** Every table a sync transaction may touch. */
export const SYNC_SCOPE = [...syncedTableNames, 'meta', 'peers', 'receivedBundles', 'conflicts', HISTORY_TABLE] as const;

export function dexieSyncStore(db: CwgDatabase): SyncStore {
  const records = (name: SyncedTableName): Table<SyncRecord, string> => db.table<SyncRecord, string>(name);
  const history = (): Table<SyncHistoryEntry, number> => db.table<SyncHistoryEntry, number>(HISTORY_TABLE);

  const tx: SyncTx = {
    get: (name, ids) => records(name).bulkGet([...ids]),
    keys: (name) => records(name).toCollection().primaryKeys(),
    all: (name) => records(name).toArray(),
    where: (name, field, value) => {
      const table = records(name);
      return table.schema.idxByName[field] ? table.where(field).equals(value).toArray() : table.filter((record) => record[field] === value).toArray();
    },
    // The engine's slice as it is (Dexie only reads it): no copy of 5,000 records per put.
    put: async (name, list) => {
      await records(name).bulkPut(list);
    },
    clear: (name) => records(name).clear(),
    meta: async (key) => (await db.meta.get(key))?.value,
    setMeta: async (key, value) => {
      await db.meta.put({ key, value });
    },
    peers: (ids) => db.peers.bulkGet([...ids]),
    allPeers: () => db.peers.toArray(),
    putPeer: async (peer) => {
      await db.peers.put(peer);
    },
    deletePeer: (id) => db.peers.delete(id),
    received: (ids) => db.receivedBundles.bulkGet([...ids]),
    putReceived: async (entry) => {
      await db.receivedBundles.put(entry);
    },
    clearReceived: () => db.receivedBundles.clear(),
    conflicts: () => db.conflicts.toArray(),
    putConflict: async (conflict) => {
      await db.conflicts.put(conflict);
    },
    clearConflicts: () => db.conflicts.clear(),
    addHistory: async (entry) => {
      await history().add(entry);
    },
    history: async () => history().orderBy('seq').toArray(),
  };

  // `async () => await work(tx)`, not `() => work(tx)`: Dexie keeps its transaction across
  // the engine's nested async helpers only when the scope function itself is async.
  return {
    read: (work) => db.transaction('r', [...SYNC_SCOPE], async () => await work(tx)),
    write: (work) => db.transaction('rw', [...SYNC_SCOPE], async () => await work(tx)),
  };
}
