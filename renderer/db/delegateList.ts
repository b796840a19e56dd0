/**
 * The registry list's own table, `delegateList`: for each living person only what the list
 * shows, sorts, filters and searches by (shared/delegates/list.ts `DelegateListEntry`).
 * With 10,000 people, reading the records takes most of a second in Chromium (IndexedDB
 * reads and clones 16 MB of records with their field stamps, one by one); the list reads 64
 * short JSON texts instead, a fraction of that, so it shows its first rows within the
 * start-up budget (docs/delegates.md).
 *
 * Layout: a person's entry lives in chunk `chunkOf(id)` (0–63), one record per chunk,
 * `{ chunk, entries }` with `entries` the JSON text of that chunk's entries as arrays in a
 * fixed field order. A change to one person rewrites one chunk (about 1/64 of the list).
 *
 * The table is derived, local and never synced or backed up. It is kept in step below the
 * repositories, by a Dexie DBCore middleware: every write to `delegates`, whoever makes it
 * (the forms, a CSV import, a merge, a sync bundle, a restore, a schema upgrade), rewrites
 * the affected chunks in the same IndexedDB transaction, so the two tables never disagree,
 * not even after a crash mid-write. Version 9 of the schema fills it from the records.
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { listEntryOf, type DelegateListEntry } from '../../shared/delegates/list';
import type { Delegate, DelegateRole } from '../../shared/model';

export const DELEGATE_LIST_TABLE = 'delegateList';
const SOURCE_TABLE = 'delegates';
export const LIST_CHUNKS = 64;

/** One stored chunk of the list. */
export interface DelegateListChunk {
  chunk: number;
  /** JSON: an array of `EntryRow`. */
  entries: string;
}

type EntryRow = [
  id: string,
  hlc: string,
  nameLatin: string,
  nameNative: string,
  email: string,
  countryId: string | null,
  organizationId: string | null,
  roles: DelegateRole[],
  positionEn: string,
  positionRu: string,
];

function toRow(entry: DelegateListEntry): EntryRow {
  return [entry.id, entry.hlc, entry.nameLatin, entry.nameNative, entry.email, entry.countryId, entry.organizationId, entry.roles, entry.position.en, entry.position.ru];
}

function fromRow(row: EntryRow): DelegateListEntry {
  return {
    id: row[0],
    hlc: row[1],
    nameLatin: row[2],
    nameNative: row[3],
    email: row[4],
    countryId: row[5],
    organizationId: row[6],
    roles: row[7],
    position: { en: row[8], ru: row[9] },
  };
}

/** The chunk a person's entry lives in: FNV-1a of the id, so ids spread evenly. */
export function chunkOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % LIST_CHUNKS;
}

type ChunkRows = Map<string, EntryRow>;

function parseChunk(chunk: DelegateListChunk | undefined): ChunkRows {
  const rows = chunk ? (JSON.parse(chunk.entries) as EntryRow[]) : [];
  return new Map(rows.map((row) => [row[0], row]));
}

function encodeChunk(chunk: number, rows: ChunkRows): DelegateListChunk {
  return { chunk, entries: JSON.stringify([...rows.values()]) };
}

/** The chunks holding these people's entries (tombstones hold none): what version 9 writes. */
export function listChunksOf(people: readonly Delegate[]): DelegateListChunk[] {
  const chunks = new Map<number, ChunkRows>();
  for (const person of people) {
    if (person.deleted) continue;
    const chunk = chunkOf(person.id);
    let rows = chunks.get(chunk);
    if (!rows) chunks.set(chunk, (rows = new Map<string, EntryRow>()));
    rows.set(person.id, toRow(listEntryOf(person)));
  }
  return [...chunks.entries()].sort(([a], [b]) => a - b).map(([chunk, rows]) => encodeChunk(chunk, rows));
}

/** Every living person's entry, from the stored chunks (in no particular order). */
export function entriesOf(chunks: readonly DelegateListChunk[]): DelegateListEntry[] {
  const entries: DelegateListEntry[] = [];
  for (const chunk of chunks) for (const row of JSON.parse(chunk.entries) as EntryRow[]) entries.push(fromRow(row));
  return entries;
}

/** Whether this transaction can reach the list table (not during upgrades before version 9). */
function reachesList(trans: DBCoreTransaction): boolean {
  // Dexie's IndexedDB core hands out the IDBTransaction itself as the DBCore transaction.
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return names?.contains(DELEGATE_LIST_TABLE) === true;
}

/** Dexie's DBCoreRangeType, a const enum its typings declare but its code does not export. */
const RANGE = { equal: 1, range: 2, any: 3 } as const;

function inRange(id: string, range: DBCoreKeyRange): boolean {
  const type: number = range.type;
  switch (type) {
    case RANGE.equal:
      return indexedDB.cmp(id, range.lower) === 0;
    case RANGE.range: {
      // Range: bounds may be any key (Dexie uses -Infinity and [[]] for open ends).
      const lower = range.lower === undefined ? 1 : indexedDB.cmp(id, range.lower);
      const upper = range.upper === undefined ? -1 : indexedDB.cmp(id, range.upper);
      return (range.lowerOpen ? lower > 0 : lower >= 0) && (range.upperOpen ? upper < 0 : upper <= 0);
    }
    case RANGE.any:
      return true;
    default: // Never
      return false;
  }
}

/** Rewrites the chunks `change` touches, in the request's transaction. */
async function rewrite(list: DBCoreTable, trans: DBCoreTransaction, chunks: readonly number[], change: (rows: ChunkRows, chunk: number) => void): Promise<void> {
  if (chunks.length === 0) return;
  const stored = (await list.getMany({ trans, keys: [...chunks] })) as (DelegateListChunk | undefined)[];
  const values = chunks.map((chunk, index) => {
    const rows = parseChunk(stored[index]);
    change(rows, chunk);
    return encodeChunk(chunk, rows);
  });
  await list.mutate({ type: 'put', trans, values });
}

function groupByChunk(ids: readonly string[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const id of ids) {
    const chunk = chunkOf(id);
    const group = groups.get(chunk);
    if (group) group.push(id);
    else groups.set(chunk, [id]);
  }
  return groups;
}

async function mirror(list: DBCoreTable, request: DBCoreMutateRequest, response: DBCoreMutateResponse): Promise<void> {
  const { trans } = request;
  switch (request.type) {
    case 'add':
    case 'put': {
      const written = (request.values as readonly Delegate[]).filter((_, index) => response.failures[index] === undefined);
      const byId = new Map(written.map((person) => [person.id, person]));
      const groups = groupByChunk([...byId.keys()]);
      await rewrite(list, trans, [...groups.keys()], (rows, chunk) => {
        for (const id of groups.get(chunk) ?? []) {
          const person = byId.get(id);
          if (!person || person.deleted) rows.delete(id);
          else rows.set(id, toRow(listEntryOf(person)));
        }
      });
      return;
    }
    case 'delete': {
      const groups = groupByChunk(request.keys as string[]);
      await rewrite(list, trans, [...groups.keys()], (rows, chunk) => {
        for (const id of groups.get(chunk) ?? []) rows.delete(id);
      });
      return;
    }
    case 'deleteRange': {
      const type: number = request.range.type;
      if (type === RANGE.any) {
        await list.mutate({ type: 'deleteRange', trans, range: request.range });
        return;
      }
      const all = Array.from({ length: LIST_CHUNKS }, (_, chunk) => chunk);
      await rewrite(list, trans, all, (rows) => {
        for (const id of [...rows.keys()]) if (inRange(id, request.range)) rows.delete(id);
      });
      return;
    }
  }
}

export const delegateListMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'DelegateListMirror',
  create(down) {
    const hasList = down.schema.tables.some((table) => table.name === DELEGATE_LIST_TABLE);
    if (!hasList) return down;
    return {
      ...down,
      // A transaction that may write people also holds the list table, whatever it declared.
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.includes(SOURCE_TABLE) && !stores.includes(DELEGATE_LIST_TABLE) ? [...stores, DELEGATE_LIST_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== SOURCE_TABLE) return table;
        const list = down.table(DELEGATE_LIST_TABLE);
        return {
          ...table,
          async mutate(request) {
            const response = await table.mutate(request);
            if (reachesList(request.trans)) await mirror(list, request, response);
            return response;
          },
        };
      },
    };
  },
};
