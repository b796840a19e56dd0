/**
 * The start-up repair of a clock that ran ahead (issue 12, "Clocks"). A laptop whose date
 * was three days ahead stamps its changes three days ahead; once its date is corrected,
 * other installations would still refuse them (more than 24 h ahead) for days, and its
 * clock would never come back (stamps never go back). On start, when the persisted clock
 * is more than an hour ahead of the real time (or a stored record holds a stamp more than
 * a day ahead, e.g. from a backup of that time), this installation's own changes that no
 * peer can hold yet get fresh stamps near the real time (values unchanged, order kept) and
 * the clock is lowered, all in ONE transaction; what was done is kept in `meta` so the Sync
 * overview can say it once. The rules are pure (shared/sync/clockSkew.ts planClockRepair);
 * this file reads and writes around them.
 */
import { syncedTableNames } from '../../shared/model';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { planClockRepair, SKEW_WARNING_MS } from '../../shared/sync/clockSkew';
import { DEFAULT_MAX_DRIFT_MS, isValidStamp, MILLIS_WIDTH, parseStamp } from '../../shared/sync/hlc';
import { normalizeRecord, recordStamps } from '../../shared/sync/records';
import { stampNode } from '../../shared/sync/versionVector';
import { CLOCK_META_KEY } from './clock';
import { anySyncedTable, type CwgDatabase } from './db';

/** Where the last repair's report is kept until the user dismisses it. */
export const CLOCK_REPAIR_META_KEY = 'clock.repair';

export interface ClockRepairNotice {
  /** When the repair ran (ISO date-time, after the correction). */
  at: string;
  /** How far this computer's clock had been ahead, in milliseconds. */
  aheadMs: number;
  /** Changes (writes) re-dated so that other installations accept them. */
  changes: number;
  /** Records rewritten with the fresh stamps. */
  records: number;
  /** How far the clock still is ahead: dates other installations may hold were kept. */
  stillAheadMs: number;
  dismissed: boolean;
}

function isNotice(value: unknown): value is ClockRepairNotice {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.at === 'string' &&
    typeof v.aheadMs === 'number' &&
    typeof v.changes === 'number' &&
    typeof v.records === 'number' &&
    typeof v.stillAheadMs === 'number' &&
    typeof v.dismissed === 'boolean'
  );
}

async function persistedClock(db: CwgDatabase): Promise<string | null> {
  const value = (await db.meta.get(CLOCK_META_KEY))?.value;
  return isValidStamp(value) ? value : null;
}

/** The prefix every stamp with more than `millis` milliseconds sorts above. */
const stampsAfter = (millis: number): string => String(Math.floor(millis)).padStart(MILLIS_WIDTH, '0');

/**
 * True when a repair may be needed (a read; no write): the persisted clock is more than
 * SKEW_WARNING_MS ahead of `now`, or a stored record holds a stamp more than 24 h ahead,
 * which no computer whose clock is right accepts (e.g. restored from a backup made while
 * this computer's clock was ahead). planClockRepair decides what, if anything, to do.
 */
export async function clockRunsAhead(db: CwgDatabase, now: number): Promise<boolean> {
  return db.transaction('r', [...syncedTableNames, 'meta'], async () => {
    const last = await persistedClock(db);
    if (last !== null && parseStamp(last).millis - now > SKEW_WARNING_MS) return true;
    const far = stampsAfter(now + DEFAULT_MAX_DRIFT_MS);
    for (const name of syncedTableNames) if ((await anySyncedTable(db, name).where('hlc').above(far).count()) > 0) return true;
    return false;
  });
}

/**
 * Re-dates this installation's un-acknowledged future changes and lowers the persisted
 * clock, in one transaction; returns what was done (also stored for the notice), or null
 * when nothing needed changing. Must not run inside a liveQuery (it writes).
 */
export async function repairClock(db: CwgDatabase, selfId: string, now: number): Promise<ClockRepairNotice | null> {
  return db.transaction('rw', [...syncedTableNames, 'meta', 'peers'], async () => {
    const lastStamp = await persistedClock(db);
    // Only records holding a stamp more than the margin ahead can hold one to re-date: their
    // hlc (the greatest stamp) is then ahead too, so the hlc index finds them.
    const above = stampsAfter(now + SKEW_WARNING_MS);
    const ahead = new Map<(typeof syncedTableNames)[number], SyncRecord[]>();
    const ownStamps: string[] = [];
    for (const name of syncedTableNames) {
      const records = (await anySyncedTable(db, name).where('hlc').above(above).toArray()) as SyncRecord[];
      if (records.length === 0) continue;
      ahead.set(name, records);
      for (const record of records) for (const stamp of recordStamps(record)) if (stampNode(stamp) === selfId) ownStamps.push(stamp);
    }
    const peers = await db.peers.toArray();
    const plan = planClockRepair({
      selfId,
      now,
      lastStamp,
      ownStamps,
      acknowledged: peers.map((peer) => peer.declaredVector?.[selfId]),
    });
    if (plan === null || !plan.changes) return null;

    let records = 0;
    for (const [name, list] of ahead) {
      const rewritten: SyncRecord[] = [];
      for (const record of list) {
        if (!recordStamps(record).some((stamp) => plan.restamp.has(stamp))) continue;
        // The stored form has a stamp for every field; map those, then recompute hlc and origin.
        const normal = normalizeRecord(record);
        const fieldStamps = Object.fromEntries(
          Object.entries(normal.fieldStamps ?? {}).map(([field, stamp]) => [field, plan.restamp.get(stamp) ?? stamp]),
        );
        rewritten.push(normalizeRecord({ ...normal, hlc: plan.restamp.get(normal.hlc) ?? normal.hlc, fieldStamps }));
      }
      if (rewritten.length > 0) await anySyncedTable(db, name).bulkPut(rewritten);
      records += rewritten.length;
    }
    // Lowered on purpose: InstallationClock.persist() never lowers the saved stamp.
    await db.meta.put({ key: CLOCK_META_KEY, value: plan.floor });
    if (plan.restamp.size === 0) return null;
    const notice: ClockRepairNotice = {
      at: new Date(now).toISOString(),
      aheadMs: plan.aheadMs,
      changes: plan.restamp.size,
      records,
      stillAheadMs: plan.stillAheadMs,
      dismissed: false,
    };
    await db.meta.put({ key: CLOCK_REPAIR_META_KEY, value: notice });
    return notice;
  });
}

/** The last repair's report while it has not been dismissed. */
export async function clockRepairNotice(db: CwgDatabase): Promise<ClockRepairNotice | null> {
  const value = (await db.meta.get(CLOCK_REPAIR_META_KEY))?.value;
  return isNotice(value) && !value.dismissed ? value : null;
}

export async function dismissClockRepairNotice(db: CwgDatabase): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const value = (await db.meta.get(CLOCK_REPAIR_META_KEY))?.value;
    if (isNotice(value)) await db.meta.put({ key: CLOCK_REPAIR_META_KEY, value: { ...value, dismissed: true } });
  });
}

/**
 * Runs `work` outside any Dexie zone: a liveQuery (e.g. the Sync overview reading the
 * vector, which loads the clock) may not open a read-write transaction, and the repair
 * must run before the first stamp whoever asks for the clock first.
 */
export function outsideLiveQuery<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    setTimeout(() => {
      work().then(resolve, reject);
    }, 0);
  });
}
