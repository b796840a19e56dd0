/**
 * Repositories: the only code that reads and writes the local database. Features get them
 * through RepositoriesContext and never touch Dexie; every write here validates its input
 * and stamps synced records with this installation's clock.
 */
import type { RepositoryContext } from './writes';
import { Dexie } from 'dexie';
import type { z } from 'zod';
import {
  installationSchema,
  syncedTableNames,
  syncedTables,
  type Article,
  type Country,
  type Delegate,
  type Installation,
  type InstallationRole,
  type Meeting,
  type MouDocument,
  type Organization,
  type SyncedTableName,
} from '../../shared/model';
import { buildSeedCountries } from '../../shared/sample/countries';
import { buildSampleData, sampleCounts, type SampleData } from '../../shared/sample/sampleData';
import { loadInstallationClock, type InstallationClock } from './clock';
import { anySyncedTable, syncedTable, type CwgDatabase, type SyncedRecordMap } from './db';
import { InstallationExistsError, NoInstallationError, ValidationError } from './errors';

/** The key of the one installation row. */
const SELF = 'self';

export interface InstallationInput {
  displayName: string;
  role: InstallationRole;
  /** The delegation's country; null for the secretariat. */
  countryId: string | null;
}

export type InstallationPatch = Partial<InstallationInput>;

export interface RepositoryOptions {
  /** Physical clock in milliseconds (clock stamps, createdAt); Date.now by default. */
  now?: () => number;
  /** Id of a new installation; crypto.randomUUID by default. */
  randomUUID?: () => string;
  /** How far ahead of this computer's clock a received stamp may be; 24 h by default. */
  maxDriftMs?: number;
}

export type TableCounts = Record<SyncedTableName, number>;

export interface Repositories {
  installation: {
    get(): Promise<Installation | undefined>;
    /** First run: creates the identity and seeds the countries, in one transaction. */
    create(input: InstallationInput): Promise<Installation>;
    update(patch: InstallationPatch): Promise<Installation>;
  };
  countries: {
    /** Not deleted, by English name. */
    list(): Promise<Country[]>;
  };
  organizations: {
    /** Not deleted, by English name. */
    list(): Promise<Organization[]>;
    count(): Promise<number>;
  };
  delegates: {
    /** Not deleted, by Latin-script name. */
    list(): Promise<Delegate[]>;
    count(): Promise<number>;
  };
  meetings: {
    /** Not deleted, newest start date first. */
    list(): Promise<Meeting[]>;
    count(): Promise<number>;
  };
  mou: {
    /** Not deleted, by English title. */
    listDocuments(): Promise<MouDocument[]>;
    /** Not deleted, in document order. */
    listArticles(documentId: string): Promise<Article[]>;
    countArticles(documentId: string): Promise<number>;
  };
  sampleData: {
    /**
     * Adds the sample records, all in one transaction, and returns the size of the sample
     * per table. Records already present (same deterministic id, even as a tombstone) are
     * left as they are: loading twice adds nothing, and never overwrites a user's edit or
     * brings back a record the user deleted.
     */
    load(): Promise<TableCounts>;
  };
  stats: {
    /** Records per synced table, not counting deleted ones. */
    counts(): Promise<TableCounts>;
  };
  /** Every table's full contents (local tables too), sorted by primary key: for tests and diagnostics. */
  dump(): Promise<Record<string, unknown[]>>;
  /** The installation's clock (one per database, shared by every writer). */
  clock(): Promise<InstallationClock>;
}

const notDeleted = (record: { deleted: boolean }): boolean => !record.deleted;

const byEnglish =
  <T>(text: (item: T) => string) =>
  (a: T, b: T): number =>
    text(a).localeCompare(text(b), 'en');

function parseInstallation(candidate: unknown): Installation {
  const result = installationSchema.safeParse(candidate);
  if (!result.success) throw ValidationError.fromIssues('installation', result.error.issues);
  return result.data;
}

export function createRepositories(db: CwgDatabase, options: RepositoryOptions = {}): Repositories {
  const now = options.now ?? Date.now;
  const randomUUID = options.randomUUID ?? (() => crypto.randomUUID());

  let clockLoad: { origin: string; promise: Promise<InstallationClock> } | null = null;
  const clock = async (): Promise<InstallationClock> => {
    const installation = await db.installation.get(SELF);
    if (!installation) throw new NoInstallationError();
    // One clock per database: two clocks with the same node could issue equal stamps.
    if (clockLoad?.origin !== installation.id) {
      const promise = loadInstallationClock(db, installation.id, {
        now,
        ...(options.maxDriftMs === undefined ? {} : { maxDriftMs: options.maxDriftMs }),
      });
      const load = { origin: installation.id, promise };
      clockLoad = load;
      // A failed load (e.g. the database closed) is retried on the next call.
      promise.catch(() => {
        if (clockLoad === load) clockLoad = null;
      });
    }
    return clockLoad.promise;
  };

  /** What area repositories (renderer/db/<area>Repository.ts) are built from. */
  // Area repositories take this context; renamed to `ctx` once the first area uses it.
  const _ctx: RepositoryContext = { db, clock, now, randomUUID };

  /** Seeds the countries that are missing; call inside a transaction over `countries`. */
  const seedCountries = async (): Promise<void> => {
    const seeds = buildSeedCountries();
    const existing = await db.countries.bulkGet(seeds.map((country) => country.id));
    const missing = seeds.filter((_, index) => existing[index] === undefined);
    if (missing.length > 0) await db.countries.bulkAdd(missing);
  };

  /** The form only offers known countries; this catches stale or crafted input. */
  const assertKnownCountry = async (countryId: string | null): Promise<void> => {
    if (countryId === null) return;
    const country = await db.countries.get(countryId);
    if (!country || country.deleted) {
      throw new ValidationError('installation', [{ path: 'countryId', message: `unknown country ${countryId}` }]);
    }
  };

  const countLive = (name: SyncedTableName): Promise<number> => anySyncedTable(db, name).filter(notDeleted).count();

  /** Adds the records whose id is not stored yet; returns how many were added. */
  const addMissing = async <K extends SyncedTableName>(name: K, records: readonly SyncedRecordMap[K][]): Promise<number> => {
    const table = syncedTable(db, name);
    const existing = await table.bulkGet(records.map((record) => record.id));
    const missing = records.filter((_, index) => existing[index] === undefined);
    if (missing.length > 0) await table.bulkPut(missing);
    return missing.length;
  };

  const validateSample = (data: SampleData): void => {
    for (const name of syncedTableNames) {
      const schema: z.ZodType = syncedTables[name];
      data[name].forEach((record, index) => {
        const result = schema.safeParse(record);
        if (!result.success) {
          throw ValidationError.fromIssues(
            `sample ${name}`,
            result.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })),
          );
        }
      });
    }
  };

  return {
    installation: {
      get: () => db.installation.get(SELF),

      async create(input) {
        const installation = parseInstallation({
          key: SELF,
          id: randomUUID(),
          displayName: input.displayName,
          role: input.role,
          countryId: input.countryId,
          createdAt: new Date(now()).toISOString(),
        });
        return db.transaction('rw', db.installation, db.countries, async () => {
          if (await db.installation.get(SELF)) throw new InstallationExistsError();
          await seedCountries();
          await assertKnownCountry(installation.countryId);
          await db.installation.add(installation);
          return installation;
        });
      },

      async update(patch) {
        return db.transaction('rw', db.installation, db.countries, async () => {
          const current = await db.installation.get(SELF);
          if (!current) throw new NoInstallationError();
          // Only these three fields may change: id, key and createdAt are the identity.
          const next = parseInstallation({
            ...current,
            ...(patch.displayName === undefined ? {} : { displayName: patch.displayName }),
            ...(patch.role === undefined ? {} : { role: patch.role }),
            ...(patch.countryId === undefined ? {} : { countryId: patch.countryId }),
          });
          await assertKnownCountry(next.countryId);
          await db.installation.put(next);
          return next;
        });
      },
    },

    countries: {
      list: async () => (await db.countries.filter(notDeleted).toArray()).sort(byEnglish((country) => country.name.en)),
    },

    organizations: {
      list: async () =>
        (await db.organizations.filter(notDeleted).toArray()).sort(byEnglish((organization) => organization.name.en)),
      count: () => countLive('organizations'),
    },

    delegates: {
      // Sorted in JS, not by the nameLatin index: IndexedDB orders by code unit ("Émile" after "Zhyldyz").
      list: async () => (await db.delegates.filter(notDeleted).toArray()).sort(byEnglish((delegate) => delegate.nameLatin)),
      count: () => countLive('delegates'),
    },

    meetings: {
      list: () => db.meetings.orderBy('startDate').reverse().filter(notDeleted).toArray(),
      count: () => countLive('meetings'),
    },

    mou: {
      listDocuments: async () =>
        (await db.mouDocuments.filter(notDeleted).toArray()).sort(byEnglish((document) => document.title.en)),
      listArticles: (documentId) =>
        db.articles
          .where('[documentId+order]')
          .between([documentId, Dexie.minKey], [documentId, Dexie.maxKey])
          .filter(notDeleted)
          .toArray(),
      countArticles: (documentId) => db.articles.where('documentId').equals(documentId).filter(notDeleted).count(),
    },

    sampleData: {
      async load() {
        const installationClock = await clock();
        const data = buildSampleData({ origin: installationClock.origin, stamp: () => installationClock.stamp().hlc });
        validateSample(data);
        await db.transaction('rw', [...syncedTableNames, 'meta'], async () => {
          for (const name of syncedTableNames) await addMissing(name, data[name]);
          await installationClock.persist();
        });
        return sampleCounts(data);
      },
    },

    stats: {
      counts: () =>
        db.transaction('r', syncedTableNames, async () => {
          const counts: Partial<TableCounts> = {};
          for (const name of syncedTableNames) counts[name] = await countLive(name);
          return counts as TableCounts;
        }),
    },

    dump: () =>
      db.transaction('r', db.tables, async () => {
        const contents: Record<string, unknown[]> = {};
        // Table.toArray() walks the primary key, so each list comes sorted by it.
        for (const table of db.tables) contents[table.name] = (await table.toArray()) as unknown[];
        return contents;
      }),

    clock,
  };
}
