/**
 * Participants of a meeting, pure: totals by country and capacity (the seed page's "15
 * customs officials from Kyrgyzstan who were not members" is the Kyrgyzstan × guest cell),
 * attendance per day, and the capacity to suggest when a delegate is added.
 */
import {
  participationCapacities,
  participationStatuses,
  type Country,
  type Delegate,
  type Participation,
  type ParticipationCapacity,
  type ParticipationStatus,
} from '../model';

type Counted = Pick<Participation, 'delegateId' | 'capacity' | 'status' | 'attendedDays'>;

/** Counts per capacity, every capacity present (0 when none). */
export type CapacityCounts = Record<ParticipationCapacity, number>;

function emptyCapacityCounts(): CapacityCounts {
  return Object.fromEntries(participationCapacities.map((capacity) => [capacity, 0])) as CapacityCounts;
}

export interface CountryTotals {
  /** null: people of no country (international organizations). */
  countryId: string | null;
  byCapacity: CapacityCounts;
  total: number;
}

export interface ParticipantTotals {
  /** One row per country with participants, in the order given by `countryOrder`, then no-country last. */
  byCountry: CountryTotals[];
  byCapacity: CapacityCounts;
  byStatus: Record<ParticipationStatus, number>;
  /** Everyone counted in the country and capacity tables: all but those who declined. */
  total: number;
  /** People present on each meeting day (the day's attendance list). */
  presentByDay: Record<string, number>;
  /** People present on at least one day. */
  attendedAnyDay: number;
}

/**
 * Totals over a meeting's participations. People who declined are left out of the country
 * and capacity tables (they are not coming) but counted in `byStatus`. A participation
 * whose delegate is unknown (not yet synced, or deleted) counts under no country.
 */
export function participantTotals(
  participations: readonly Counted[],
  countryOf: (delegateId: string) => string | null,
  options: { days?: readonly string[]; countryOrder?: readonly string[] } = {},
): ParticipantTotals {
  const byCapacity = emptyCapacityCounts();
  const byStatus = Object.fromEntries(participationStatuses.map((status) => [status, 0])) as Record<ParticipationStatus, number>;
  const rows = new Map<string | null, CountryTotals>();
  const presentByDay: Record<string, number> = Object.fromEntries((options.days ?? []).map((day) => [day, 0]));
  let total = 0;
  let attendedAnyDay = 0;

  for (const participation of participations) {
    byStatus[participation.status] += 1;
    const days = new Set(participation.attendedDays);
    for (const day of days) presentByDay[day] = (presentByDay[day] ?? 0) + 1;
    if (days.size > 0) attendedAnyDay += 1;
    if (participation.status === 'declined') continue;
    total += 1;
    byCapacity[participation.capacity] += 1;
    const countryId = countryOf(participation.delegateId);
    let row = rows.get(countryId);
    if (!row) {
      row = { countryId, byCapacity: emptyCapacityCounts(), total: 0 };
      rows.set(countryId, row);
    }
    row.byCapacity[participation.capacity] += 1;
    row.total += 1;
  }

  const order = options.countryOrder ?? [];
  const rank = (countryId: string | null): number => {
    if (countryId === null) return Number.MAX_SAFE_INTEGER;
    const index = order.indexOf(countryId);
    return index === -1 ? order.length : index;
  };
  const byCountry = [...rows.values()].sort(
    (a, b) => rank(a.countryId) - rank(b.countryId) || (a.countryId ?? '').localeCompare(b.countryId ?? ''),
  );
  return { byCountry, byCapacity, byStatus, total, presentByDay, attendedAnyDay };
}

/**
 * The capacity a person most likely attends in: experts and secretariat staff by their
 * role, otherwise by their country's standing in the group (a non-member country's
 * officials are guests). Officials of a member country who are not its delegates, like the
 * 15 Kyrgyz trainees of 2014, are guests too: the form lets the secretariat say so.
 */
export function suggestedCapacity(
  delegate: Pick<Delegate, 'roles' | 'countryId'>,
  country: Pick<Country, 'membership'> | undefined,
): ParticipationCapacity {
  if (delegate.roles.includes('secretariat')) return 'secretariat';
  if (delegate.roles.includes('expert')) return 'expert';
  switch (country?.membership) {
    case 'member':
      return 'member';
    case 'observer':
      return 'observer';
    case 'non-member':
    case undefined:
      return 'guest';
  }
}

/**
 * A participation after a person was marked present or absent on a day. Being present on
 * any day makes an invited or confirmed person "attended"; clearing their last day takes
 * "attended" back to "confirmed". Declined and absent stay as the secretariat set them
 * unless the person is marked present (then they did come).
 */
export function withAttendance<T extends Pick<Participation, 'status' | 'attendedDays'>>(
  participation: T,
  day: string,
  present: boolean,
  meetingDays: readonly string[],
): T {
  const days = new Set(participation.attendedDays);
  if (present) days.add(day);
  else days.delete(day);
  const attendedDays = meetingDays.filter((candidate) => days.has(candidate));
  // Days outside the meeting (left from a date change) are kept, after the meeting's own.
  for (const other of [...days].sort()) if (!attendedDays.includes(other)) attendedDays.push(other);
  let status = participation.status;
  if (present && status !== 'attended') status = 'attended';
  if (!present && attendedDays.length === 0 && status === 'attended') status = 'confirmed';
  return { ...participation, attendedDays, status };
}
