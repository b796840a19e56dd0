/**
 * The local IndexedDB database (Dexie 4): every table and index. Only repositories in
 * renderer/db use it; components never see the Dexie instance.
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import type { z } from 'zod';
import { buildSeedCountries } from '../../shared/sample/countries';
import type {
  Conflict,
  Country,
  Delegate,
  Installation,
  Peer,
  ReceivedBundle,
  Synced,
  SyncedTableName,
  syncedTables,
} from '../../shared/model';
import { DELEGATE_LIST_TABLE, delegateListMiddleware, listChunksOf, type DelegateListChunk } from './delegateList';

/** The record type of each synced table, by table name. */
export type SyncedRecordMap = { [K in SyncedTableName]: z.infer<(typeof syncedTables)[K]> };
/** The Dexie table of each synced table, by table name. */
export type SyncedTables = { [K in SyncedTableName]: Table<SyncedRecordMap[K], string> };

/** Small local settings, e.g. the clock's last stamp. Readers narrow `value` themselves. */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/**
 * Index notes:
 * - `hlc` on every synced table, and `[origin+hlc]`, let sync export "changes after stamp S"
 *   (from any origin, or from one origin for a version vector) without a full scan.
 * - Booleans (`deleted`, `resolved`) are not valid IndexedDB keys, so they are never
 *   indexed: a record holding a boolean would silently be missing from such an index.
 *   "Not deleted" is a filter over an indexed query instead.
 * - Null values are left out of an index, which suits nullable references (countryId…).
 */
const SCHEMA_V1: Record<string, string> = {
  countries: 'id, hlc, [origin+hlc]',
  organizations: 'id, hlc, [origin+hlc], countryId',
  delegates: 'id, hlc, [origin+hlc], countryId, organizationId, nameLatin',
  meetings: 'id, hlc, [origin+hlc], startDate',
  sessions: 'id, hlc, [origin+hlc], meetingId, [meetingId+date]',
  participations: 'id, hlc, [origin+hlc], meetingId, delegateId, [meetingId+delegateId]',
  mouDocuments: 'id, hlc, [origin+hlc]',
  articles: 'id, hlc, [origin+hlc], documentId, [documentId+order]',
  mouVersions: 'id, hlc, [origin+hlc], documentId, [documentId+number]',
  amendments: 'id, hlc, [origin+hlc], documentId, articleId',
  comments: 'id, hlc, [origin+hlc], targetId',
  positions: 'id, hlc, [origin+hlc], versionId, [versionId+countryId]',
  // Local tables, never synced.
  installation: 'key',
  peers: 'id',
  receivedBundles: 'bundleId, fromOrigin, receivedAt',
  conflicts: 'id, table, recordId, [table+recordId]',
  meta: 'key',
};

/** Version 2: the tables added by the meetings area (decisions and action items of a meeting). */
const SCHEMA_V2_MEETINGS: Record<string, string> = {
  decisions: 'id, hlc, [origin+hlc], meetingId',
  actionItems: 'id, hlc, [origin+hlc], meetingId',
};

/** One schema version: its number, the stores it adds or changes, and the upgrade of existing records if any. */
export interface SchemaVersion {
  readonly version: number;
  /** Dexie's store syntax; a version lists only what it adds or changes (null deletes a table). */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Rewrites existing records for this version; omitted when the version only adds tables or indexes. */
  readonly upgrade?: (transaction: Transaction) => PromiseLike<unknown> | undefined;
}

/**
 * The schema's whole history, oldest first: the constructor declares exactly these, and
 * tests/db/migrations.test.ts builds every previous version's database from it, fills
 * every table and upgrades it. Append-only: never edit a released entry; a change is a new
 * entry with a higher number (gaps are allowed) and, if records must change, an `upgrade`.
 * A version declared anywhere else fails that test.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: SCHEMA_V1 },
  // Version 2 (meetings, issue 3): a meeting's decisions and action items, each its own
  // synced record so two people editing different items never overwrite each other.
  // New tables only: existing records need no upgrade.
  { version: 2, stores: SCHEMA_V2_MEETINGS },
  // Version 5 (sync, issue 7): the installation's signing key (a non-extractable
  // CryptoKey, stored as IndexedDB keeps it) and the log of exported and imported
  // bundles. New local tables only; renderer/db/syncRepository.ts reads them.
  { version: 5, stores: { syncKeys: 'id', syncHistory: '++seq, at' } },
  // Version 6 (sync, issue 12 "Conflicts everywhere they matter"): conflict notices as a
  // synced table, so they travel in bundles and their resolution syncs. `resolution` is a
  // string ('open', 'kept', 'other'), so it can be indexed for the count of open ones. The
  // local `conflicts` table stays (read by the Conflicts screen) for what earlier versions
  // detected; nothing new is written to it. New table only: existing records need no upgrade.
  { version: 6, stores: { syncConflicts: 'id, hlc, [origin+hlc], resolution, [table+recordId]' } },
  // Version 7 (issue 15 item 4, approving the minutes): the minutes of a meeting, a synced
  // table (circulated revisions, their approval). Comments on minutes use the comments
  // table (targetKind 'minutes'). New table only: existing records need no upgrade.
  { version: 7, stores: { minutes: 'id, hlc, [origin+hlc], meetingId, approvalSessionId' } },
  // Version 8 (MoU brackets, issue 15): square-bracketed text of an article and its
  // alternatives, each alternative its own record so a delegation's proposal merges beside
  // the others. New tables only: existing records need no upgrade (the optional fields added
  // to amendments and versions, where a decision or version was agreed, are not indexed).
  {
    version: 8,
    stores: {
      brackets: 'id, hlc, [origin+hlc], documentId, articleId',
      bracketAlternatives: 'id, hlc, [origin+hlc], documentId, bracketId',
    },
  },
  // Version 9 (issue 16 item 7, start-up with 10,000 people): the registry list's own
  // table, only what the list shows of each person, kept in step with `delegates` by the
  // middleware in delegateList.ts. Local and derived: filled here from the records.
  {
    version: 9,
    stores: { [DELEGATE_LIST_TABLE]: 'chunk' },
    upgrade: async (transaction) => {
      const people = await transaction.table<Delegate, string>('delegates').toArray();
      await transaction.table<DelegateListChunk, number>(DELEGATE_LIST_TABLE).bulkPut(listChunksOf(people));
    },
  },
];

export class CwgDatabase extends Dexie implements SyncedTables {
  // `declare`: Dexie creates the table objects in version().stores(); a class field
  // initializer (useDefineForClassFields) must not overwrite them.
  declare readonly countries: SyncedTables['countries'];
  declare readonly organizations: SyncedTables['organizations'];
  declare readonly delegates: SyncedTables['delegates'];
  declare readonly meetings: SyncedTables['meetings'];
  declare readonly sessions: SyncedTables['sessions'];
  declare readonly participations: SyncedTables['participations'];
  declare readonly decisions: SyncedTables['decisions'];
  declare readonly actionItems: SyncedTables['actionItems'];
  declare readonly mouDocuments: SyncedTables['mouDocuments'];
  declare readonly articles: SyncedTables['articles'];
  declare readonly mouVersions: SyncedTables['mouVersions'];
  declare readonly amendments: SyncedTables['amendments'];
  declare readonly comments: SyncedTables['comments'];
  declare readonly positions: SyncedTables['positions'];
  declare readonly syncConflicts: SyncedTables['syncConflicts'];
  declare readonly minutes: SyncedTables['minutes'];
  declare readonly brackets: SyncedTables['brackets'];
  declare readonly bracketAlternatives: SyncedTables['bracketAlternatives'];
  declare readonly installation: Table<Installation, string>;
  declare readonly peers: Table<Peer, string>;
  declare readonly receivedBundles: Table<ReceivedBundle, string>;
  declare readonly conflicts: Table<Conflict, string>;
  declare readonly meta: Table<MetaEntry, string>;
  /** Derived from `delegates` (delegateList.ts); read-only for everything else. */
  declare readonly delegateList: Table<DelegateListChunk, number>;

  constructor(name: string) {
    super(name);
    // Before the versions: upgrades that write people keep the list table in step too.
    this.use(delegateListMiddleware);
    // Schema versions are append-only and declared only from SCHEMA_VERSIONS (above), so
    // the migration tests upgrade from exactly the schemas users have (DESIGN.md §4).
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    // The seed countries exist from the moment the database does: the first-run form
    // offers them before there is an installation. They carry the seed origin and stamp,
    // identical on every machine.
    this.on('populate', (transaction) => {
      void transaction.table<Country, string>('countries').bulkAdd(buildSeedCountries());
    });
  }
}

/** The synced table of that name, typed by its record. */
export function syncedTable<K extends SyncedTableName>(db: CwgDatabase, name: K): SyncedTables[K] {
  const tables: SyncedTables = db;
  return tables[name];
}

/**
 * Any synced table, seen through the fields every synced record has: for code that walks
 * all synced tables alike (counts, clock restore, dumps), where a union of the precise
 * table types would not be callable.
 */
export function anySyncedTable(db: CwgDatabase, name: SyncedTableName): Table<Synced, string> {
  return db.table<Synced, string>(name);
}

export function openDatabase(name = 'cwg-desk'): CwgDatabase {
  return new CwgDatabase(name);
}
