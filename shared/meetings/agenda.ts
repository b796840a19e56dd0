/**
 * The agenda's rules, pure: session order within a day, overlap and double-booking warnings,
 * the current and next session in the venue's time zone, and where sessions go when they
 * are reordered, moved to another day, duplicated or copied with a whole day.
 *
 * Overlaps are warnings, never blocks: parallel breakout sessions are legitimate, and the
 * secretariat decides. Times are venue-local HH:MM on one date; a session ends on the day
 * it starts.
 */
import type { MeetingStatus, Session } from '../model';
import { epochToZoned, minutesOf, timeFromMinutes, zonedToEpoch } from './dates';

/** What the agenda rules need of a session. */
export type AgendaSlot = Pick<Session, 'id' | 'date' | 'start' | 'end' | 'order'>;
export type StaffedSlot = AgendaSlot & Pick<Session, 'speakerIds' | 'moderatorIds'>;

/** Day, then start, then the secretariat's order (for sessions starting together), then end. */
export function compareSlots(a: AgendaSlot, b: AgendaSlot): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.order !== b.order) return a.order - b.order;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortSlots<T extends AgendaSlot>(sessions: readonly T[]): T[] {
  return [...sessions].sort(compareSlots);
}

/** Sessions grouped by date, each day in agenda order. */
export function sessionsByDay<T extends AgendaSlot>(sessions: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const session of sortSlots(sessions)) {
    const list = days.get(session.date);
    if (list) list.push(session);
    else days.set(session.date, [session]);
  }
  return days;
}

/** Two sessions overlap when they share a date and some minute: [start, end) intervals. */
export function slotsOverlap(a: AgendaSlot, b: AgendaSlot): boolean {
  return a.date === b.date && a.start < b.end && b.start < a.end;
}

/**
 * Every overlapping pair, each once, in agenda order. A sweep over each day sorted by start:
 * a session is compared only with those starting before it ends, so a 200-session agenda
 * costs about as many comparisons as there are overlaps.
 */
export function findOverlaps<T extends AgendaSlot>(sessions: readonly T[]): [T, T][] {
  const pairs: [T, T][] = [];
  for (const day of sessionsByDay(sessions).values()) {
    for (let i = 0; i < day.length; i += 1) {
      const first = day[i];
      if (!first) continue;
      for (let j = i + 1; j < day.length; j += 1) {
        const second = day[j];
        if (!second || second.start >= first.end) break;
        if (slotsOverlap(first, second)) pairs.push([first, second]);
      }
    }
  }
  return pairs;
}

export interface DoubleBooking<T> {
  personId: string;
  sessions: [T, T];
}

/** People (speakers or moderators) due in two overlapping sessions at once. */
export function findDoubleBookings<T extends StaffedSlot>(sessions: readonly T[]): DoubleBooking<T>[] {
  const bookings: DoubleBooking<T>[] = [];
  for (const [first, second] of findOverlaps(sessions)) {
    const people = new Set([...first.speakerIds, ...first.moderatorIds]);
    const shared = new Set([...second.speakerIds, ...second.moderatorIds].filter((id) => people.has(id)));
    for (const personId of shared) bookings.push({ personId, sessions: [first, second] });
  }
  return bookings;
}

export type AgendaWarning =
  | { kind: 'overlap'; otherId: string }
  | { kind: 'double-booking'; otherId: string; personId: string };

/** Warnings per session id (both sessions of a pair get one), for the agenda to show beside each. */
export function agendaWarnings(sessions: readonly StaffedSlot[]): Map<string, AgendaWarning[]> {
  const warnings = new Map<string, AgendaWarning[]>();
  const add = (id: string, warning: AgendaWarning) => {
    const list = warnings.get(id);
    if (list) list.push(warning);
    else warnings.set(id, [warning]);
  };
  for (const [first, second] of findOverlaps(sessions)) {
    add(first.id, { kind: 'overlap', otherId: second.id });
    add(second.id, { kind: 'overlap', otherId: first.id });
  }
  for (const { personId, sessions: [first, second] } of findDoubleBookings(sessions)) {
    add(first.id, { kind: 'double-booking', otherId: second.id, personId });
    add(second.id, { kind: 'double-booking', otherId: first.id, personId });
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------
// Now: the current and next session, in the venue's time zone.

export interface AgendaMoment {
  /** The venue's date at `now` is one of the meeting's days (and the meeting is not cancelled). */
  running: boolean;
  /** The venue's date and time at `now`. */
  localDate: string;
  localTime: string;
  /** Sessions under way (more than one when they run in parallel). */
  currentIds: string[];
  /** The sessions starting next, all at the same time; empty after the last one. */
  nextIds: string[];
}

export interface MeetingTimes {
  startDate: string;
  endDate: string;
  timeZone: string;
  status: MeetingStatus;
}

/**
 * Which sessions are on now and which come next. Instants, not wall times, are compared,
 * so a laptop in Washington following a meeting in Kabul marks the same sessions as one
 * in Kabul does.
 */
export function agendaMoment(meeting: MeetingTimes, sessions: readonly AgendaSlot[], nowMs: number): AgendaMoment {
  const local = epochToZoned(nowMs, meeting.timeZone);
  const running = meeting.status !== 'cancelled' && local.date >= meeting.startDate && local.date <= meeting.endDate;
  const moment: AgendaMoment = { running, localDate: local.date, localTime: local.time, currentIds: [], nextIds: [] };
  if (!running) return moment;
  let nextStart = Number.POSITIVE_INFINITY;
  for (const session of sortSlots(sessions)) {
    const start = zonedToEpoch(session.date, session.start, meeting.timeZone);
    const end = zonedToEpoch(session.date, session.end, meeting.timeZone);
    if (start <= nowMs && nowMs < end) moment.currentIds.push(session.id);
    else if (start > nowMs) {
      if (start < nextStart) {
        nextStart = start;
        moment.nextIds = [session.id];
      } else if (start === nextStart) moment.nextIds.push(session.id);
    }
  }
  return moment;
}

// ---------------------------------------------------------------------------------------
// Rearranging: each function returns the changed placements; the repository writes them.

export interface Placement {
  id: string;
  date: string;
  start: string;
  end: string;
  order: number;
}

const LAST_MINUTE = 24 * 60;

function durationOf(slot: AgendaSlot): number {
  return minutesOf(slot.end) - minutesOf(slot.start);
}

/** The order value after every session of the day, for a session added at its end. */
export function nextOrder(sessions: readonly AgendaSlot[], date: string): number {
  return sessions.filter((session) => session.date === date).reduce((max, session) => Math.max(max, session.order + 1), 0);
}

export type MoveResult = { ok: true; placements: Placement[] } | { ok: false; reason: 'edge' | 'past-midnight' | 'not-found' };

/**
 * Swaps a session with its neighbour in the day. Sessions that start together (parallel)
 * swap their order only. Otherwise they swap places in time: the one moving earlier starts
 * where the first of the two started, the other follows after the same gap that separated
 * them, each keeping its length, so back-to-back sessions still end the pair at the same time
 * (a talk moved before a coffee break: the talk starts at the break's time, the break follows).
 */
export function moveWithinDay(sessions: readonly AgendaSlot[], id: string, direction: 'up' | 'down'): MoveResult {
  const target = sessions.find((session) => session.id === id);
  if (!target) return { ok: false, reason: 'not-found' };
  const day = sortSlots(sessions.filter((session) => session.date === target.date));
  const index = day.findIndex((session) => session.id === id);
  const neighbourIndex = direction === 'up' ? index - 1 : index + 1;
  const neighbour = day[neighbourIndex];
  if (!neighbour) return { ok: false, reason: 'edge' };
  const [first, second] = direction === 'up' ? [neighbour, target] : [target, neighbour];

  if (first.start === second.start) {
    const [firstOrder, secondOrder] = first.order === second.order ? [first.order, first.order + 1] : [first.order, second.order];
    return {
      ok: true,
      placements: [
        { id: second.id, date: second.date, start: second.start, end: second.end, order: firstOrder },
        { id: first.id, date: first.date, start: first.start, end: first.end, order: secondOrder },
      ],
    };
  }

  const blockStart = minutesOf(first.start);
  const gap = Math.max(0, minutesOf(second.start) - minutesOf(first.end));
  const newFirstEnd = blockStart + durationOf(second);
  const newSecondStart = newFirstEnd + gap;
  const newSecondEnd = newSecondStart + durationOf(first);
  if (newSecondEnd >= LAST_MINUTE) return { ok: false, reason: 'past-midnight' };
  return {
    ok: true,
    placements: [
      { id: second.id, date: second.date, start: first.start, end: timeFromMinutes(newFirstEnd), order: second.order },
      {
        id: first.id,
        date: first.date,
        start: timeFromMinutes(newSecondStart),
        end: timeFromMinutes(newSecondEnd),
        order: first.order,
      },
    ],
  };
}

/** Moves a session to another day at the same times, after that day's sessions in order. */
export function moveToDay(sessions: readonly AgendaSlot[], id: string, date: string): Placement | null {
  const session = sessions.find((candidate) => candidate.id === id);
  if (!session) return null;
  if (session.date === date) return { id, date, start: session.start, end: session.end, order: session.order };
  return { id, date, start: session.start, end: session.end, order: nextOrder(sessions, date) };
}

/**
 * Where a duplicate goes: right after the original, as long, when that still ends before
 * midnight; otherwise at the same times (the overlap warning then points at it).
 */
export function duplicatePlacement(sessions: readonly AgendaSlot[], original: AgendaSlot): Omit<Placement, 'id'> {
  const start = minutesOf(original.end);
  const end = start + durationOf(original);
  const order = nextOrder(sessions, original.date);
  if (end < LAST_MINUTE) return { date: original.date, start: original.end, end: timeFromMinutes(end), order };
  return { date: original.date, start: original.start, end: original.end, order };
}

/** Placements for copies of every session of `fromDate` on `toDate`, same times, after what is there. */
export function copyDayPlacements(sessions: readonly AgendaSlot[], fromDate: string, toDate: string): { sourceId: string; placement: Omit<Placement, 'id'> }[] {
  const base = nextOrder(sessions, toDate);
  return sortSlots(sessions.filter((session) => session.date === fromDate)).map((session, index) => ({
    sourceId: session.id,
    placement: { date: toDate, start: session.start, end: session.end, order: base + index },
  }));
}
