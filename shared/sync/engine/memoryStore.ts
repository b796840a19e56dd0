/**
 * The sync engine's storage in memory: Maps instead of IndexedDB, with the same
 * all-or-nothing transactions (a write that throws leaves everything as it was). The
 * property tests and the command line run the shipping engine on it.
 */
/* eslint-disable @typescript-eslint/require-await -- the port is asynchronous; Maps answer at once */
import { syncedTableNames, type Conflict, type Peer, type ReceivedBundle, type SyncedTableName } from '../../model';
import type { SyncRecord } from '../bundleFormat';
import type { SyncStore, SyncTx } from './port';
import type { SyncHistoryEntry } from './types';

interface State {
  tables: Map<SyncedTableName, Map<string, SyncRecord>>;
  meta: Map<string, unknown>;
  peers: Map<string, Peer>;
  received: Map<string, ReceivedBundle>;
  conflicts: Map<string, Conflict>;
  history: SyncHistoryEntry[];
}

const clone = <T>(value: T): T => structuredClone(value);

function cloneState(state: State): State {
  return {
    tables: new Map([...state.tables].map(([name, table]) => [name, new Map(table)])),
    meta: new Map([...state.meta].map(([key, value]) => [key, clone(value)])),
    peers: new Map(state.peers),
    received: new Map(state.received),
    conflicts: new Map(state.conflicts),
    history: [...state.history],
  };
}

export interface MemoryStore extends SyncStore {
  /** The records of a table, as stored (for tests and the command line). */
  table(name: SyncedTableName): Map<string, SyncRecord>;
  /** Writes records outside the engine (a local edit, or a fixture). */
  putRecords(name: SyncedTableName, records: readonly SyncRecord[]): void;
  peersNow(): Peer[];
  metaNow(key: string): unknown;
}

export function createMemoryStore(): MemoryStore {
  let state: State = {
    tables: new Map(syncedTableNames.map((name) => [name, new Map<string, SyncRecord>()])),
    meta: new Map(),
    peers: new Map(),
    received: new Map(),
    conflicts: new Map(),
    history: [],
  };

  const txOver = (current: State): SyncTx => {
    const table = (name: SyncedTableName): Map<string, SyncRecord> => {
      const found = current.tables.get(name);
      if (!found) throw new Error(`no synced table ${name}`);
      return found;
    };
    return {
      get: async (name, ids) => ids.map((id) => table(name).get(id)),
      keys: async (name) => [...table(name).keys()],
      all: async (name) => [...table(name).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      where: async (name, field, value) => [...table(name).values()].filter((record) => record[field] === value),
      put: async (name, records) => {
        for (const record of records) table(name).set(record.id, clone(record));
      },
      clear: async (name) => {
        table(name).clear();
      },
      meta: async (key) => clone(current.meta.get(key)),
      setMeta: async (key, value) => {
        current.meta.set(key, clone(value));
      },
      peers: async (ids) => ids.map((id) => clone(current.peers.get(id))),
      allPeers: async () => [...current.peers.values()].map(clone),
      putPeer: async (peer) => {
        current.peers.set(peer.id, clone(peer));
      },
      deletePeer: async (id) => {
        current.peers.delete(id);
      },
      received: async (ids) => ids.map((id) => clone(current.received.get(id))),
      putReceived: async (entry) => {
        current.received.set(entry.bundleId, clone(entry));
      },
      clearReceived: async () => {
        current.received.clear();
      },
      conflicts: async () => [...current.conflicts.values()].map(clone),
      putConflict: async (conflict) => {
        current.conflicts.set(conflict.id, clone(conflict));
      },
      clearConflicts: async () => {
        current.conflicts.clear();
      },
      addHistory: async (entry) => {
        current.history.push({ ...clone(entry), seq: current.history.length + 1 });
      },
      history: async () => current.history.map(clone),
    };
  };

  // One transaction at a time, as IndexedDB serialises overlapping read-write ones.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    read: (work) => serial(() => work(txOver(state))),
    write: (work) =>
      serial(async () => {
        const draft = cloneState(state);
        const result = await work(txOver(draft));
        state = draft;
        return result;
      }),
    table(name) {
      const found = state.tables.get(name);
      if (!found) throw new Error(`no synced table ${name}`);
      return found;
    },
    putRecords(name, records) {
      const found = state.tables.get(name);
      if (!found) throw new Error(`no synced table ${name}`);
      for (const record of records) found.set(record.id, clone(record));
    },
    peersNow: () => [...state.peers.values()].map(clone),
    metaNow: (key) => clone(state.meta.get(key)),
  };
}
