/**
 * Agenda rules: overlap detection (against a brute-force oracle), double-booked speakers,
 * the current and next session in the venue's zone, and where sessions go when reordered,
 * moved, duplicated or copied with their day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agendaMoment,
  agendaWarnings,
  compareSlots,
  copyDayPlacements,
  duplicatePlacement,
  findDoubleBookings,
  findOverlaps,
  moveToDay,
  moveWithinDay,
  nextOrder,
  slotsOverlap,
  type StaffedSlot,
} from '../../shared/meetings/agenda';
import { minutesOf, timeFromMinutes, zonedToEpoch } from '../../shared/meetings/dates';

let counter = 0;
function slot(date: string, start: string, end: string, people: { speakers?: string[]; moderators?: string[]; order?: number; id?: string } = {}): StaffedSlot {
  counter += 1;
  return {
    id: people.id ?? `s${String(counter)}`,
    date,
    start,
    end,
    order: people.order ?? 0,
    speakerIds: people.speakers ?? [],
    moderatorIds: people.moderators ?? [],
  };
}

const pairIds = (pairs: [StaffedSlot, StaffedSlot][]) => pairs.map(([a, b]) => [a.id, b.id].sort().join('+')).sort();

describe('overlaps', () => {
  it('finds sessions that share minutes on the same day, not those that only touch', () => {
    const a = slot('2014-09-09', '09:00', '10:30', { id: 'a' });
    const b = slot('2014-09-09', '10:00', '11:00', { id: 'b' });
    const c = slot('2014-09-09', '11:00', '12:00', { id: 'c' });
    const d = slot('2014-09-10', '09:30', '10:00', { id: 'd' });
    expect(pairIds(findOverlaps([a, b, c, d]))).toEqual(['a+b']);
    expect(slotsOverlap(b, c)).toBe(false);
    expect(slotsOverlap(a, d)).toBe(false);
  });

  it('finds a session nested in a long one and parallel sessions', () => {
    const visit = slot('2014-09-10', '09:00', '13:00', { id: 'visit' });
    const coffee = slot('2014-09-10', '10:30', '10:45', { id: 'coffee' });
    const parallel = slot('2014-09-10', '09:00', '10:00', { id: 'parallel' });
    expect(pairIds(findOverlaps([visit, coffee, parallel]))).toEqual(['coffee+visit', 'parallel+visit']);
  });

  it('agrees with comparing every pair (property)', () => {
    const time = fc.integer({ min: 0, max: 1438 });
    const arbitrarySlot = fc
      .tuple(fc.constantFrom('2014-09-09', '2014-09-10'), time, fc.integer({ min: 1, max: 240 }))
      .map(([date, start, length]) => slot(date, timeFromMinutes(start), timeFromMinutes(Math.min(start + length, 1439))));
    fc.assert(
      fc.property(fc.array(arbitrarySlot, { maxLength: 40 }), (slots) => {
        const expected: string[] = [];
        for (let i = 0; i < slots.length; i += 1) {
          for (let j = i + 1; j < slots.length; j += 1) {
            const a = slots[i];
            const b = slots[j];
            if (a && b && a.date === b.date && minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end)) {
              expected.push([a.id, b.id].sort().join('+'));
            }
          }
        }
        expect(pairIds(findOverlaps(slots))).toEqual(expected.sort());
      }),
    );
  });

  it('warns both sessions of an overlapping pair, and names a speaker booked twice', () => {
    const valuation = slot('2014-09-09', '09:30', '12:30', { id: 'valuation', speakers: ['hayes', 'dubois'] });
    const risk = slot('2014-09-09', '12:00', '13:00', { id: 'risk', speakers: ['collins', 'dubois'] });
    const lunch = slot('2014-09-09', '13:00', '14:00', { id: 'lunch' });
    expect(findDoubleBookings([valuation, risk, lunch]).map((booking) => booking.personId)).toEqual(['dubois']);
    const warnings = agendaWarnings([valuation, risk, lunch]);
    expect(warnings.get('valuation')).toEqual([
      { kind: 'overlap', otherId: 'risk' },
      { kind: 'double-booking', otherId: 'risk', personId: 'dubois' },
    ]);
    expect(warnings.get('risk')?.map((warning) => warning.kind)).toEqual(['overlap', 'double-booking']);
    expect(warnings.has('lunch')).toBe(false);
  });

  it('counts a moderator who also speaks elsewhere at the same time', () => {
    const a = slot('2014-09-09', '09:00', '10:00', { moderators: ['grant'] });
    const b = slot('2014-09-09', '09:30', '10:30', { speakers: ['grant'] });
    expect(findDoubleBookings([a, b])).toHaveLength(1);
  });
});

describe('current and next session', () => {
  const meeting = { startDate: '2025-10-01', endDate: '2025-10-02', timeZone: 'Asia/Kabul', status: 'confirmed' as const };
  const opening = slot('2025-10-01', '09:00', '09:30', { id: 'opening' });
  const talk = slot('2025-10-01', '09:30', '11:00', { id: 'talk' });
  const parallelA = slot('2025-10-01', '11:15', '12:30', { id: 'parallel-a' });
  const parallelB = slot('2025-10-01', '11:15', '12:00', { id: 'parallel-b' });
  const dayTwo = slot('2025-10-02', '09:00', '12:00', { id: 'day-two' });
  const sessions = [dayTwo, parallelB, talk, opening, parallelA];

  it('marks the session under way and the next one, by the venue’s clock (UTC+4:30)', () => {
    // 09:45 in Kabul is 05:15 UTC.
    const now = Date.UTC(2025, 9, 1, 5, 15);
    expect(agendaMoment(meeting, sessions, now)).toMatchObject({
      running: true,
      localDate: '2025-10-01',
      localTime: '09:45',
      currentIds: ['talk'],
      // Both start at 11:15; the shorter one comes first in agenda order.
      nextIds: ['parallel-b', 'parallel-a'],
    });
  });

  it('points to the next day’s first session after the last one of the day', () => {
    const evening = zonedToEpoch('2025-10-01', '18:00', 'Asia/Kabul');
    expect(agendaMoment(meeting, sessions, evening)).toMatchObject({ running: true, currentIds: [], nextIds: ['day-two'] });
  });

  it('marks nothing before the first day, after the last, or for a cancelled meeting', () => {
    // 23:00 UTC on 30 September is already 03:30 on 1 October in Kabul: the meeting has begun.
    expect(agendaMoment(meeting, sessions, Date.UTC(2025, 8, 30, 23, 0)).running).toBe(true);
    expect(agendaMoment(meeting, sessions, Date.UTC(2025, 8, 30, 19, 0)).running).toBe(false);
    const after = agendaMoment(meeting, sessions, Date.UTC(2025, 9, 2, 20, 0));
    expect(after).toMatchObject({ running: false, currentIds: [], nextIds: [] });
    expect(agendaMoment({ ...meeting, status: 'cancelled' }, sessions, Date.UTC(2025, 9, 1, 5, 15)).running).toBe(false);
  });

  it('ends a session at its end minute', () => {
    const atEnd = zonedToEpoch('2025-10-01', '09:30', 'Asia/Kabul');
    expect(agendaMoment(meeting, sessions, atEnd).currentIds).toEqual(['talk']);
  });
});

describe('rearranging', () => {
  const day = '2014-09-09';

  it('swaps back-to-back sessions, keeping each length and the pair’s end', () => {
    const coffee = slot(day, '10:30', '10:45', { id: 'coffee', order: 0 });
    const talk = slot(day, '10:45', '12:00', { id: 'talk', order: 1 });
    const result = moveWithinDay([coffee, talk], 'talk', 'up');
    expect(result).toEqual({
      ok: true,
      placements: [
        { id: 'talk', date: day, start: '10:30', end: '11:45', order: 1 },
        { id: 'coffee', date: day, start: '11:45', end: '12:00', order: 0 },
      ],
    });
  });

  it('keeps the gap between the two', () => {
    const a = slot(day, '09:00', '10:00', { id: 'a' });
    const b = slot(day, '10:15', '10:45', { id: 'b' });
    const result = moveWithinDay([a, b], 'a', 'down');
    expect(result.ok && result.placements).toEqual([
      { id: 'b', date: day, start: '09:00', end: '09:30', order: 0 },
      { id: 'a', date: day, start: '09:45', end: '10:45', order: 0 },
    ]);
  });

  it('swaps only the order of parallel sessions', () => {
    const a = slot(day, '14:00', '15:00', { id: 'a', order: 0 });
    const b = slot(day, '14:00', '16:00', { id: 'b', order: 1 });
    const result = moveWithinDay([a, b], 'b', 'up');
    expect(result.ok && result.placements).toEqual([
      { id: 'b', date: day, start: '14:00', end: '16:00', order: 0 },
      { id: 'a', date: day, start: '14:00', end: '15:00', order: 1 },
    ]);
  });

  it('refuses to move past the ends of the day', () => {
    const a = slot(day, '09:00', '10:00', { id: 'a' });
    const b = slot(day, '10:00', '11:00', { id: 'b' });
    expect(moveWithinDay([a, b], 'a', 'up')).toEqual({ ok: false, reason: 'edge' });
    expect(moveWithinDay([a, b], 'b', 'down')).toEqual({ ok: false, reason: 'edge' });
    expect(moveWithinDay([a, b], 'zzz', 'down')).toEqual({ ok: false, reason: 'not-found' });
    const late = slot(day, '20:00', '23:00', { id: 'late' });
    const overlapping = slot(day, '21:00', '23:30', { id: 'overlapping' });
    expect(moveWithinDay([late, overlapping], 'overlapping', 'up')).toEqual({ ok: false, reason: 'past-midnight' });
  });

  it('moving up then down restores back-to-back sessions (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 5, max: 300 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 5, max: 300 }), (start, lengthA, gap, lengthB) => {
        const a = slot(day, timeFromMinutes(start), timeFromMinutes(start + lengthA), { id: 'a' });
        const b = slot(day, timeFromMinutes(start + lengthA + gap), timeFromMinutes(start + lengthA + gap + lengthB), { id: 'b' });
        const up = moveWithinDay([a, b], 'b', 'up');
        if (!up.ok) throw new Error('move failed');
        const moved = up.placements.map((placement) => ({ ...placement, speakerIds: [], moderatorIds: [] }));
        const [first] = [...moved].sort(compareSlots);
        expect(first?.id).toBe('b');
        const back = moveWithinDay(moved, 'b', 'down');
        if (!back.ok) throw new Error('move back failed');
        const restored = Object.fromEntries(back.placements.map((placement) => [placement.id, [placement.start, placement.end]]));
        expect(restored).toEqual({ a: [a.start, a.end], b: [b.start, b.end] });
      }),
    );
  });

  it('moves a session to another day at the same times, after that day’s sessions', () => {
    const a = slot('2014-09-09', '09:00', '10:00', { id: 'a' });
    const b = slot('2014-09-10', '09:00', '10:00', { id: 'b', order: 4 });
    expect(moveToDay([a, b], 'a', '2014-09-10')).toEqual({ id: 'a', date: '2014-09-10', start: '09:00', end: '10:00', order: 5 });
    expect(nextOrder([a, b], '2014-09-11')).toBe(0);
  });

  it('duplicates right after the original, or at the same time near midnight', () => {
    const talk = slot(day, '09:00', '10:30', { id: 'talk' });
    expect(duplicatePlacement([talk], talk)).toEqual({ date: day, start: '10:30', end: '12:00', order: 1 });
    const dinner = slot(day, '19:00', '22:00', { id: 'dinner' });
    expect(duplicatePlacement([dinner], dinner)).toEqual({ date: day, start: '19:00', end: '22:00', order: 1 });
  });

  it('copies a whole day in order, after what the target day has', () => {
    const a = slot('2014-09-09', '14:00', '15:00', { id: 'a' });
    const b = slot('2014-09-09', '09:00', '10:00', { id: 'b' });
    const existing = slot('2014-09-11', '09:00', '09:30', { id: 'existing', order: 2 });
    expect(copyDayPlacements([a, b, existing], '2014-09-09', '2014-09-11')).toEqual([
      { sourceId: 'b', placement: { date: '2014-09-11', start: '09:00', end: '10:00', order: 3 } },
      { sourceId: 'a', placement: { date: '2014-09-11', start: '14:00', end: '15:00', order: 4 } },
    ]);
  });
});
