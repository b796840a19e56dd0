/**
 * Clocks that run ahead (issue 12, "Clocks"): the skew warning, the drift refusal's advice,
 * a clock that does not inherit a peer's skew, an edit that still wins over a future stamp,
 * and the plan that re-dates an installation's own changes once its clock is right again.
 */
import { describe, expect, it } from 'vitest';
import type { Country } from '../../shared/model';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import type { VerifiedUnit } from '../../shared/sync/bundleRead';
import { BundleError } from '../../shared/sync/bundleErrors';
import { clockSkews, planClockRepair, roughDuration, SKEW_WARNING_MS } from '../../shared/sync/clockSkew';
import {
  compareStamps,
  createClock,
  DEFAULT_OBSERVE_AHEAD_MS,
  formatStamp,
  isValidStamp,
  MAX_COUNTER,
  parseStamp,
  stampAfter,
} from '../../shared/sync/hlc';
import { checkClockDrift } from '../../shared/sync/importChecks';
import { mergeRecord } from '../../shared/sync/merge';
import { normalizeRecord } from '../../shared/sync/records';
import { stampChanges, stampForEdit } from '../../shared/sync/stampChanges';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = 1_750_000_000_000;
const SELF = 'self-0001';
const PEER = 'peer-kg';
const OTHER = 'peer-tj';

const stamp = (millis: number, node: string, counter = 0): string => formatStamp({ millis, counter, node });

function unit(originId: string, name: string, records: SyncRecord[], vector: Record<string, string> | null = null): VerifiedUnit {
  return {
    path: '$',
    header: { origin: { id: originId, name, role: 'delegation', countryId: 'KG' }, vector },
    records: { meetings: records },
    publicKey: new Uint8Array(),
    fingerprint: '',
  } as unknown as VerifiedUnit;
}

function meeting(id: string, hlc: string, fieldStamps?: Record<string, string>): SyncRecord {
  return { id, hlc, origin: hlc.slice(22), deleted: false, title: { en: id, ru: id }, ...(fieldStamps ? { fieldStamps } : {}) };
}

describe('clockSkews', () => {
  it('names every origin more than an hour ahead, furthest first, and no other', () => {
    const units = [
      unit(PEER, 'Kyrgyz delegation', [
        meeting('m1', stamp(NOW + 20 * HOUR, PEER)),
        meeting('m2', stamp(NOW + 2 * HOUR, OTHER)),
        meeting('m3', stamp(NOW + 30 * 60_000, 'peer-kz')),
      ]),
    ];
    expect(clockSkews(units, NOW, (node) => (node === OTHER ? 'Tajik delegation' : undefined))).toEqual([
      { node: PEER, name: 'Kyrgyz delegation', hours: 20 },
      { node: OTHER, name: 'Tajik delegation', hours: 2 },
    ]);
  });

  it('is silent at exactly one hour, and uses the newest stamp of an origin across units and field stamps', () => {
    expect(clockSkews([unit(PEER, 'K', [meeting('m1', stamp(NOW + SKEW_WARNING_MS, PEER))])], NOW)).toEqual([]);
    const units = [
      unit(PEER, 'K', [meeting('m1', stamp(NOW + 3 * HOUR, PEER), { title: stamp(NOW + 3 * HOUR, PEER), deleted: stamp(NOW, PEER) })]),
      unit(OTHER, 'T', [meeting('m2', stamp(NOW + 5.25 * HOUR, PEER))]),
    ];
    // The signed header's name wins; an unknown relayed origin is shown by its id.
    expect(clockSkews(units, NOW)).toEqual([{ node: PEER, name: 'K', hours: 5.3 }]);
    expect(clockSkews([unit(PEER, 'K', [meeting('m1', stamp(NOW + 2 * HOUR, OTHER))])], NOW)).toEqual([{ node: OTHER, name: OTHER, hours: 2 }]);
  });

  it('says roughly how long: hours up to a day and a half, then days', () => {
    expect(roughDuration(20 * HOUR)).toEqual({ unit: 'hour', value: 20 });
    expect(roughDuration(10 * 60_000)).toEqual({ unit: 'hour', value: 1 });
    expect(roughDuration(3 * DAY - 5 * 60_000)).toEqual({ unit: 'day', value: 3 });
  });
});

describe('checkClockDrift', () => {
  it('refuses more than 24 h ahead and says what helps: correct the clock, restart, export again', () => {
    const ahead = unit(PEER, 'Kyrgyz delegation', [meeting('m1', stamp(NOW + 3 * DAY, PEER))]);
    expect(() => {
      checkClockDrift(ahead, NOW);
    }).toThrow(BundleError);
    try {
      checkClockDrift(ahead, NOW);
    } catch (error) {
      expect(error).toMatchObject({ code: 'clock-drift', params: { origin: 'Kyrgyz delegation', hours: 72, limitHours: 24 } });
      expect((error as Error).message).toMatch(/restart CWG Desk there \(it re-dates the changes made meanwhile\) and export again/);
    }
    expect(() => {
      checkClockDrift(unit(PEER, 'K', [meeting('m1', stamp(NOW + 20 * HOUR, PEER))]), NOW);
    }).not.toThrow();
  });

  it('refuses a vector claim that far ahead too', () => {
    const claim = unit(PEER, 'K', [meeting('m1', stamp(NOW, PEER))], { [PEER]: stamp(NOW + 2 * DAY, PEER) });
    expect(() => {
      checkClockDrift(claim, NOW);
    }).toThrow(/48 h ahead/);
  });
});

describe('a peer whose clock runs ahead', () => {
  it('is not inherited: after receiving a stamp 20 h ahead, the next local stamp is near real time', () => {
    let now = NOW;
    const clock = createClock({ node: SELF, now: () => now });
    clock.receive(stamp(NOW + 20 * HOUR, PEER));
    now += 1_000;
    expect(parseStamp(clock.send()).millis).toBe(NOW + 1_000);
    // Within the hour a stamp is still followed, as before.
    clock.receive(stamp(now + 30 * 60_000, PEER, 4));
    expect(parseStamp(clock.send())).toMatchObject({ millis: now + 30 * 60_000, counter: 6 });
    expect(DEFAULT_OBSERVE_AHEAD_MS).toBe(SKEW_WARNING_MS);
  });

  it('an edit of the record carrying the future stamp still wins over it everywhere', () => {
    const future = stamp(NOW + 20 * HOUR, PEER, 7);
    const stored: Country = {
      id: 'KG',
      deleted: false,
      name: { en: 'Kyrgyzstan', ru: 'Кыргызстан' },
      membership: 'member',
      hlc: future,
      origin: PEER,
      fieldStamps: { deleted: stamp(NOW - DAY, SELF), name: stamp(NOW - DAY, SELF), membership: future },
    };
    const clock = createClock({ node: SELF, now: () => NOW + 5_000 });
    clock.receive(future);
    const edited = stampChanges<Country>(stored, { id: 'KG', deleted: false, name: stored.name, membership: 'observer' }, { hlc: clock.send(), origin: SELF });
    if (!edited) throw new Error('expected an edit');
    expect(compareStamps(edited.hlc, future)).toBe(1);
    expect(parseStamp(edited.hlc)).toEqual({ millis: NOW + 20 * HOUR, counter: 8, node: SELF });
    expect(edited).toMatchObject({ origin: SELF, membership: 'observer' });
    expect(edited.fieldStamps).toMatchObject({ membership: edited.hlc, name: stamp(NOW - DAY, SELF) });
    expect(isValidStamp(edited.hlc)).toBe(true);
    // The peer that holds the future value takes the edit, and keeps it when merging again.
    const atPeer = mergeRecord(stored, edited, { senderKnows: {}, localKnows: {} });
    expect(atPeer.record.membership).toBe('observer');
    // The clock itself stays near real time.
    expect(parseStamp(clock.send()).millis).toBe(NOW + 5_000);
  });

  it('keeps the clock stamp when it is already above the record, and rolls a full counter over', () => {
    const own = { hlc: stamp(NOW, SELF), origin: SELF };
    expect(stampForEdit(undefined, own)).toBe(own);
    expect(stampForEdit({ id: 'x', deleted: false, hlc: stamp(NOW - 1, PEER), origin: PEER }, own)).toBe(own);
    const full = stamp(NOW + DAY, PEER, MAX_COUNTER);
    expect(stampForEdit({ id: 'x', deleted: false, hlc: full, origin: PEER }, own)).toEqual({ hlc: stamp(NOW + DAY + 1, SELF), origin: SELF });
    expect(stampAfter(stamp(5, 'zzz', 2), 'aaa')).toBe(stamp(5, 'aaa', 3));
  });
});

describe('planClockRepair', () => {
  it('does nothing when the clock is at most an hour ahead', () => {
    expect(planClockRepair({ selfId: SELF, now: NOW, lastStamp: stamp(NOW + HOUR, SELF), ownStamps: [], acknowledged: [] })).toBeNull();
    expect(planClockRepair({ selfId: SELF, now: NOW, lastStamp: null, ownStamps: [stamp(NOW + DAY, SELF)], acknowledged: [] })).toBeNull();
  });

  it('re-dates the changes made three days ahead near the real time, in order, and lowers the clock', () => {
    const made = [stamp(NOW + 3 * DAY, SELF, 2), stamp(NOW + 3 * DAY - HOUR, SELF), stamp(NOW + 3 * DAY, SELF, 1)];
    const plan = planClockRepair({
      selfId: SELF,
      now: NOW,
      lastStamp: stamp(NOW + 3 * DAY, SELF, 2),
      ownStamps: [...made, stamp(NOW - DAY, SELF), stamp(NOW + 3 * DAY + 5, PEER), made[0] ?? ''],
      acknowledged: [stamp(NOW - DAY, SELF), undefined],
    });
    if (!plan) throw new Error('expected a plan');
    expect([...plan.restamp]).toEqual([
      [stamp(NOW + 3 * DAY - HOUR, SELF), stamp(NOW, SELF, 1)],
      [stamp(NOW + 3 * DAY, SELF, 1), stamp(NOW, SELF, 2)],
      [stamp(NOW + 3 * DAY, SELF, 2), stamp(NOW, SELF, 3)],
    ]);
    expect(plan).toMatchObject({ aheadMs: 3 * DAY, floor: stamp(NOW, SELF, 3), stillAheadMs: 0, changes: true });
  });

  it('keeps the dates a peer may hold: acknowledged ones, and those within 24 h; fresh stamps come after them', () => {
    const acked = stamp(NOW + 2 * DAY, SELF);
    const plan = planClockRepair({
      selfId: SELF,
      now: NOW,
      lastStamp: stamp(NOW + 3 * DAY, SELF),
      ownStamps: [stamp(NOW + 3 * DAY, SELF), acked, stamp(NOW + 2 * DAY - 1, SELF), stamp(NOW + 10 * HOUR, SELF)],
      acknowledged: [acked],
    });
    if (!plan) throw new Error('expected a plan');
    expect([...plan.restamp]).toEqual([[stamp(NOW + 3 * DAY, SELF), stamp(NOW + 2 * DAY, SELF, 1)]]);
    expect(plan.stillAheadMs).toBe(2 * DAY);

    // Twenty hours ahead: other installations may have imported it; nothing is re-dated.
    const near = planClockRepair({
      selfId: SELF,
      now: NOW,
      lastStamp: stamp(NOW + 20 * HOUR, SELF),
      ownStamps: [stamp(NOW + 20 * HOUR, SELF)],
      acknowledged: [],
    });
    expect(near).toMatchObject({ changes: false, floor: stamp(NOW + 20 * HOUR, SELF), stillAheadMs: 20 * HOUR });
    expect(near?.restamp.size).toBe(0);
  });

  it('re-dates own stamps far ahead even when the clock is right (a backup of that time was restored)', () => {
    const plan = planClockRepair({
      selfId: SELF,
      now: NOW,
      lastStamp: stamp(NOW - HOUR, SELF),
      ownStamps: [stamp(NOW + 3 * DAY, SELF), stamp(NOW - 2 * HOUR, SELF)],
      acknowledged: [],
    });
    expect(plan).toMatchObject({ floor: stamp(NOW, SELF, 1), aheadMs: 3 * DAY, stillAheadMs: 0, changes: true });
    expect([...(plan?.restamp ?? [])]).toEqual([[stamp(NOW + 3 * DAY, SELF), stamp(NOW, SELF, 1)]]);
  });

  it('does not let own stamps raised over a peer’s future stamp pull the clock forward', () => {
    // An edit stamped just above a peer's stamp 20 h ahead (stampChanges), while the clock was 2 days ahead.
    const raised = stampAfter(stamp(NOW + 20 * HOUR, PEER), SELF);
    const plan = planClockRepair({
      selfId: SELF,
      now: NOW,
      lastStamp: stamp(NOW + 2 * HOUR, SELF),
      ownStamps: [raised, stamp(NOW + 2 * HOUR, SELF)],
      acknowledged: [],
    });
    expect(plan).toMatchObject({ floor: stamp(NOW + 2 * HOUR, SELF), changes: false });
  });

  it('gives records that keep their values and recompute hlc and origin (normalizeRecord)', () => {
    const old = stamp(NOW + 3 * DAY, SELF);
    const record = meeting('m1', old, { title: old, deleted: stamp(NOW - DAY, PEER) });
    const plan = planClockRepair({ selfId: SELF, now: NOW, lastStamp: old, ownStamps: [old], acknowledged: [] });
    const fresh = plan?.restamp.get(old) ?? '';
    const repaired = normalizeRecord({
      ...record,
      fieldStamps: Object.fromEntries(Object.entries(normalizeRecord(record).fieldStamps ?? {}).map(([f, s]) => [f, plan?.restamp.get(s) ?? s])),
    });
    expect(repaired).toMatchObject({ title: record.title, deleted: false, hlc: fresh, origin: SELF });
    expect(repaired.fieldStamps).toEqual({ title: fresh, deleted: stamp(NOW - DAY, PEER) });
  });
});
