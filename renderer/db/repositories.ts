/**
 * Repositories: the only code that reads and writes the local database. Features get them
 * through RepositoriesContext and never touch Dexie; every write here validates its input
 * and stamps synced records with this installation's clock.
 */
import type { RepositoryContext } from './writes';
import type { z } from 'zod';
import {
  installationSchema,
  syncedTableNames,
  syncedTables,
  type Installation,
  type InstallationRole,
  type SyncedTableName,
} from '../../shared/model';
import { buildSeedCountries } from '../../shared/sample/countries';
import type { SampleData } from '../../shared/sample/sampleData';
import { loadInstallationClock, type InstallationClock } from './clock';
import { clockRepairNotice, dismissClockRepairNotice, type ClockRepairNotice } from './clockRepair';
import { anySyncedTable, syncedTable, type CwgDatabase, type SyncedRecordMap } from './db';
import { InstallationExistsError, NoInstallationError, ValidationError } from './errors';
import { createMouRepository, type MouRepository } from './mouRepository';
import { createReportsRepository, type ReportsRepository } from './reportsRepository';
import { createSyncRepository, type SyncRepository } from './syncRepository';
import { createTrashRepository, type TrashRepository } from './trashRepository';
import { createBackupRepository, type BackupRepository } from './backupRepository';
import { createMeetingsRepository, type MeetingsRepository } from './meetingsRepository';
import { createMinutesRepository, type MinutesRepository } from './minutesRepository';
import { createDelegatesRepository, type DelegatesRepository } from './delegatesRepository';
import {
  createCountriesRepository,
  createOrganizationsRepository,
  type CountriesRepository,
  type OrganizationsRepository,
} from './registryRepository';

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
  /** Countries and membership (renderer/db/registryRepository.ts); list(): not deleted, by English name. */
  countries: CountriesRepository;
  /** Organizations (renderer/db/registryRepository.ts); list(): not deleted, by English name. */
  organizations: OrganizationsRepository;
  /** The delegate registry (renderer/db/delegatesRepository.ts); list(): not deleted, by Latin-script name. */
  delegates: DelegatesRepository;
  /** Meetings, agendas, participants and outcomes (renderer/db/meetingsRepository.ts); list(): newest first. */
  meetings: MeetingsRepository;
  /** The minutes of meetings: revisions, comments, approval (renderer/db/minutesRepository.ts). */
  minutes: MinutesRepository;
  /** Documents, articles, versions, amendments, comments and positions (renderer/db/mouRepository.ts). */
  mou: MouRepository;
  /** What printed reports read (renderer/db/reportsRepository.ts); read-only. */
  reports: ReportsRepository;
  /** Bundles: export, import with preview, trust, conflicts, history (renderer/db/syncRepository.ts). */
  sync: SyncRepository;
  /** Recently deleted: tombstones grouped by deletion, and their restore (renderer/db/trashRepository.ts). */
  trash: TrashRepository;
  /** Complete snapshots in the bundle format, and restore (renderer/db/backupRepository.ts). */
  backup: BackupRepository;
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
  /** What the start-up repair of a clock that ran ahead did, until dismissed (renderer/db/clockRepair.ts). */
  clockRepair: {
    /** Loads the clock first (which repairs it if needed); null when there is nothing to say. */
    notice(): Promise<ClockRepairNotice | null>;
    dismiss(): Promise<void>;
  };
}

const notDeleted = (record: { deleted: boolean }): boolean => !record.deleted;

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
  const ctx: RepositoryContext = { db, clock, now, randomUUID };

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

  const sync = createSyncRepository(ctx);

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

    countries: createCountriesRepository(ctx),

    organizations: createOrganizationsRepository(ctx),

    delegates: createDelegatesRepository(ctx),

    meetings: createMeetingsRepository(ctx),
    minutes: createMinutesRepository(ctx),

    mou: createMouRepository(ctx),

    reports: createReportsRepository(ctx),

    sync,
    backup: createBackupRepository(ctx, sync),

    trash: createTrashRepository(ctx),

    sampleData: {
      async load() {
        // Loaded when asked for: the app's first screen does not wait for the sample's code.
        const { buildSampleData, sampleCounts } = await import('../../shared/sample/sampleData');
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

    clockRepair: {
      async notice() {
        // Read first, so that a live query watches this entry (its zone may not survive the
        // clock's load); then load the clock, which repairs it if needed, and read again.
        const before = await clockRepairNotice(db);
        if (!(await db.installation.get(SELF))) return before;
        await clock();
        return clockRepairNotice(db);
      },
      dismiss: () => dismissClockRepairNotice(db),
    },
  };
}
