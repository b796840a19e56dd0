/**
 * This installation's hybrid logical clock, kept monotonic across restarts: the last stamp
 * is saved in `meta` by every write that used the clock, and on start the clock resumes
 * from the greater of that and the highest stamp stored in any synced table that is not
 * more than an hour ahead (a peer's clock running ahead is not inherited; see hlc.ts).
 * One exception to "never back": when the saved stamp is more than an hour ahead of the
 * real time (this computer's clock ran ahead and was corrected), the clock is repaired
 * first (clockRepair.ts).
 */
import { SKEW_WARNING_MS } from '../../shared/sync/clockSkew';
import {
  compareStamps,
  createClock,
  isValidStamp,
  MILLIS_WIDTH,
  maxStamp,
  type HybridLogicalClock,
} from '../../shared/sync/hlc';
import { syncedTableNames } from '../../shared/model';
import { clockRunsAhead, outsideLiveQuery, repairClock } from './clockRepair';
import { anySyncedTable, type CwgDatabase } from './db';

export const CLOCK_META_KEY = 'clock.lastStamp';

/** What every write puts on a synced record besides its data. */
export interface RecordStamp {
  hlc: string;
  origin: string;
}

export interface InstallationClock {
  /** The installation id: origin of every record this installation writes. */
  readonly origin: string;
  /** A fresh stamp for one record write. */
  stamp(): RecordStamp;
  /** Merges a stamp from a peer (sync import); throws ClockDriftError when too far ahead. */
  receive(remoteStamp: string): void;
  /** The highest stamp issued or received so far. */
  last(): string;
  /**
   * Saves last() in `meta`. Call it inside every write transaction that used stamp() or
   * receive() (the transaction must include `meta`): then a stamp is saved exactly when
   * the records carrying it are, and an aborted write leaves both untouched.
   */
  persist(): Promise<void>;
}

export interface ClockSettings {
  /** Physical clock; Date.now by default (tests pass their own). */
  now?: () => number;
  maxDriftMs?: number;
  /** Repairs a clock that ran ahead before loading it (clockRepair.ts); true by default. */
  repair?: boolean;
}

async function persistedStamp(db: CwgDatabase): Promise<string | null> {
  const entry = await db.meta.get(CLOCK_META_KEY);
  return isValidStamp(entry?.value) ? entry.value : null;
}

/**
 * The highest stamp of any stored record that is at most SKEW_WARNING_MS ahead of `now`.
 * Usually not above the persisted stamp; it matters when `meta` was lost or records were
 * written without the clock. Stamps further ahead (a peer whose clock runs ahead) are left
 * out: following them would make every local stamp inherit that skew, and a local edit
 * out-stamps the record it replaces anyway (stampChanges.ts stampForEdit).
 */
async function highestStoredStamp(db: CwgDatabase, now: number): Promise<string | null> {
  let highest: string | null = null;
  // Every stamp with at most this many milliseconds sorts below this prefix.
  const limit = String(Math.floor(now + SKEW_WARNING_MS) + 1).padStart(MILLIS_WIDTH, '0');
  for (const name of syncedTableNames) {
    // Reverse walk of the hlc index: the first valid stamp is the table's highest one.
    const top = await anySyncedTable(db, name)
      .where('hlc')
      .below(limit)
      .reverse()
      .filter((record) => isValidStamp(record.hlc))
      .first();
    if (top) highest = highest === null ? top.hlc : maxStamp(highest, top.hlc);
  }
  return highest;
}

/** Loads the clock of installation `origin` from the database. */
export async function loadInstallationClock(
  db: CwgDatabase,
  origin: string,
  settings: ClockSettings = {},
): Promise<InstallationClock> {
  const now = settings.now ?? Date.now;
  if (settings.repair !== false && (await clockRunsAhead(db, now()))) {
    await outsideLiveQuery(() => repairClock(db, origin, now()));
  }
  const [persisted, stored] = await db.transaction('r', [...syncedTableNames, 'meta'], async () => [
    await persistedStamp(db),
    await highestStoredStamp(db, now()),
  ]);
  const last = persisted === null ? stored : stored === null ? persisted : maxStamp(persisted, stored);
  const hlc: HybridLogicalClock = createClock({
    node: origin,
    last,
    ...(settings.now ? { now: settings.now } : {}),
    ...(settings.maxDriftMs === undefined ? {} : { maxDriftMs: settings.maxDriftMs }),
  });
  return {
    origin,
    stamp: () => ({ hlc: hlc.send(), origin }),
    receive: (remoteStamp) => {
      hlc.receive(remoteStamp);
    },
    last: () => hlc.last(),
    async persist() {
      const current = hlc.last();
      const saved = await persistedStamp(db);
      // Never lower the saved stamp, e.g. if a second window's clock got further ahead.
      if (saved === null || compareStamps(current, saved) > 0) {
        await db.meta.put({ key: CLOCK_META_KEY, value: current });
      }
    },
  };
}

/** The record with a fresh stamp and this installation as its origin. */
export function stampRecord<T extends object>(clock: InstallationClock, record: T): T & RecordStamp {
  return { ...record, ...clock.stamp() };
}
