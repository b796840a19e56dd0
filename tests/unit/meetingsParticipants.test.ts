/**
 * Participant totals and attendance rules, including the seed page's "15 customs officials
 * from Kyrgyzstan who were not members" as the sample's second meeting records them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { participantTotals, suggestedCapacity, withAttendance } from '../../shared/meetings/participants';
import { participationCapacities, participationStatuses, type Participation } from '../../shared/model';
import { buildSampleData, sampleId } from '../../shared/sample/sampleData';
import { createClock } from '../../shared/sync/hlc';

type Counted = Pick<Participation, 'delegateId' | 'capacity' | 'status' | 'attendedDays'>;

const person = (delegateId: string, capacity: Counted['capacity'], status: Counted['status'] = 'confirmed', attendedDays: string[] = []): Counted => ({
  delegateId,
  capacity,
  status,
  attendedDays,
});

describe('participantTotals', () => {
  const countries: Record<string, string | null> = { a: 'KZ', b: 'KZ', c: 'KG', d: 'KG', e: null, f: 'AF' };
  const countryOf = (id: string) => countries[id] ?? null;

  it('counts by country and capacity, leaving out those who declined', () => {
    const totals = participantTotals(
      [person('a', 'member'), person('b', 'member', 'declined'), person('c', 'member'), person('d', 'guest'), person('e', 'expert'), person('f', 'observer')],
      countryOf,
      { countryOrder: ['KZ', 'KG', 'TJ', 'TM', 'AF'] },
    );
    expect(totals.total).toBe(5);
    expect(totals.byCapacity).toEqual({ member: 2, observer: 1, guest: 1, expert: 1, trainee: 0, secretariat: 0, organizer: 0 });
    expect(totals.byStatus).toEqual({ invited: 0, confirmed: 5, declined: 1, attended: 0, absent: 0 });
    expect(totals.byCountry.map((row) => [row.countryId, row.total])).toEqual([
      ['KZ', 1],
      ['KG', 2],
      ['AF', 1],
      [null, 1],
    ]);
    expect(totals.byCountry[1]?.byCapacity).toMatchObject({ member: 1, guest: 1 });
  });

  it('counts presence per day and on any day', () => {
    const days = ['2014-09-09', '2014-09-10', '2014-09-11'];
    const totals = participantTotals(
      [person('a', 'member', 'attended', ['2014-09-09', '2014-09-10']), person('c', 'member', 'attended', ['2014-09-10']), person('d', 'guest')],
      countryOf,
      { days },
    );
    expect(totals.presentByDay).toEqual({ '2014-09-09': 1, '2014-09-10': 2, '2014-09-11': 0 });
    expect(totals.attendedAnyDay).toBe(2);
  });

  it('adds up: rows sum to the columns, columns to the total (property)', () => {
    const arbitrary = fc.array(
      fc.record({
        delegateId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'unknown'),
        capacity: fc.constantFrom(...participationCapacities),
        status: fc.constantFrom(...participationStatuses),
        attendedDays: fc.subarray(['2014-09-09', '2014-09-10']),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arbitrary, (participations) => {
        const totals = participantTotals(participations, countryOf);
        const rowSum = totals.byCountry.reduce((sum, row) => sum + row.total, 0);
        const columnSum = Object.values(totals.byCapacity).reduce((sum, count) => sum + count, 0);
        expect(rowSum).toBe(totals.total);
        expect(columnSum).toBe(totals.total);
        expect(totals.total + totals.byStatus.declined).toBe(participations.length);
        for (const row of totals.byCountry) expect(Object.values(row.byCapacity).reduce((sum, count) => sum + count, 0)).toBe(row.total);
      }),
    );
  });

  it('expresses the 15 non-member Kyrgyz officials of the Bishkek meeting (sample data)', () => {
    const clock = createClock({ node: 'test', now: () => 1_700_000_000_000 });
    const data = buildSampleData({ origin: 'test', stamp: () => clock.send() });
    const meetingId = sampleId('meeting', 'second');
    const delegates = new Map(data.delegates.map((delegate) => [delegate.id, delegate]));
    const totals = participantTotals(
      data.participations.filter((participation) => participation.meetingId === meetingId),
      (id) => delegates.get(id)?.countryId ?? null,
      { days: ['2014-09-09', '2014-09-10', '2014-09-11'] },
    );
    const kyrgyzstan = totals.byCountry.find((row) => row.countryId === 'KG');
    expect(kyrgyzstan?.byCapacity.guest).toBe(15);
    expect(kyrgyzstan?.byCapacity.member).toBe(2);
    expect(totals.byCapacity.guest).toBe(15);
    // The guests attended the trainings and the site visit, not the third day.
    expect(totals.presentByDay['2014-09-11']).toBe((totals.presentByDay['2014-09-09'] ?? 0) - 15);
  });
});

describe('suggestedCapacity', () => {
  it('follows role first, then the country’s standing', () => {
    expect(suggestedCapacity({ roles: ['expert'], countryId: 'US' }, { membership: 'non-member' })).toBe('expert');
    expect(suggestedCapacity({ roles: ['secretariat'], countryId: 'US' }, { membership: 'non-member' })).toBe('secretariat');
    expect(suggestedCapacity({ roles: ['customs-official'], countryId: 'KZ' }, { membership: 'member' })).toBe('member');
    expect(suggestedCapacity({ roles: ['customs-official'], countryId: 'AF' }, { membership: 'observer' })).toBe('observer');
    expect(suggestedCapacity({ roles: ['customs-official'], countryId: 'UZ' }, { membership: 'non-member' })).toBe('guest');
    expect(suggestedCapacity({ roles: [], countryId: null }, undefined)).toBe('guest');
  });
});

describe('withAttendance', () => {
  const days = ['2014-09-09', '2014-09-10', '2014-09-11'];

  it('marks a confirmed person attended when present, and back when their last day is cleared', () => {
    const marked = withAttendance({ status: 'confirmed' as const, attendedDays: [] }, '2014-09-10', true, days);
    expect(marked).toEqual({ status: 'attended', attendedDays: ['2014-09-10'] });
    const twice = withAttendance(marked, '2014-09-09', true, days);
    expect(twice.attendedDays).toEqual(['2014-09-09', '2014-09-10']);
    expect(withAttendance(twice, '2014-09-10', false, days)).toEqual({ status: 'attended', attendedDays: ['2014-09-09'] });
    expect(withAttendance(marked, '2014-09-10', false, days)).toEqual({ status: 'confirmed', attendedDays: [] });
  });

  it('leaves declined and absent alone when unmarking, and is idempotent', () => {
    expect(withAttendance({ status: 'absent' as const, attendedDays: [] }, '2014-09-09', false, days).status).toBe('absent');
    const once = withAttendance({ status: 'invited' as const, attendedDays: [] }, '2014-09-11', true, days);
    expect(withAttendance(once, '2014-09-11', true, days)).toEqual(once);
  });
});
