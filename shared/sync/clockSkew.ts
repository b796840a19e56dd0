/**
 * Clocks that run ahead, as pure rules.
 *
 * - `clockSkews`: the origins of a bundle whose newest stamp is more than an hour ahead of
 *   this computer's clock. Up to 24 h such a bundle is imported (importChecks.ts refuses
 *   more), but the people importing it should know: until the real time catches up, those
 *   changes win over edits other computers make to the same fields.
 * - `planClockRepair`: what an installation whose own clock ran ahead does on start once
 *   its clock is right again: its own changes that no other installation can hold yet get
 *   fresh stamps near the real time (same order), and the clock goes back to the real time,
 *   so the next export is accepted instead of refused for days.
 */
import type { VerifiedUnit } from './bundleRead';
import { DEFAULT_MAX_DRIFT_MS, formatStamp, isValidStamp, MAX_MILLIS, parseStamp, stampAfter } from './hlc';
import { maxStampsOf } from './importChecks';
import { stampNode } from './versionVector';

/** A bundle's origin this much (or more) ahead of this computer's clock is named in a warning. */
export const SKEW_WARNING_MS = 3_600_000;

const HOUR = 3_600_000;

export interface ClockSkew {
  /** The origin (installation id). */
  node: string;
  /** Its name: as the bundle's signed header says, else as this computer knows it, else the id. */
  name: string;
  /** How far its newest stamp is ahead of this computer's clock, in hours (one decimal). */
  hours: number;
}

/**
 * Every origin whose newest stamp in the units is more than SKEW_WARNING_MS ahead of
 * `now`, furthest ahead first. `nameOf` names origins that did not sign a unit (changes a
 * bundle relays from a third installation).
 */
export function clockSkews(
  units: readonly VerifiedUnit[],
  now: number,
  nameOf: (node: string) => string | undefined = () => undefined,
): ClockSkew[] {
  const newest = new Map<string, string>();
  const signedNames = new Map<string, string>();
  for (const unit of units) {
    signedNames.set(unit.header.origin.id, unit.header.origin.name);
    for (const [node, { stamp }] of maxStampsOf(unit)) {
      const top = newest.get(node);
      if (top === undefined || stamp > top) newest.set(node, stamp);
    }
  }
  const skews: ClockSkew[] = [];
  for (const [node, stamp] of newest) {
    const aheadMs = parseStamp(stamp).millis - now;
    if (aheadMs <= SKEW_WARNING_MS) continue;
    skews.push({ node, name: signedNames.get(node) ?? nameOf(node) ?? node, hours: Math.round((aheadMs / HOUR) * 10) / 10 });
  }
  return skews.sort((a, b) => b.hours - a.hours || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A duration as people say it roughly: whole hours up to a day and a half, then whole days. */
export function roughDuration(ms: number): { unit: 'hour' | 'day'; value: number } {
  const hours = ms / HOUR;
  if (hours < 36) return { unit: 'hour', value: Math.max(1, Math.round(hours)) };
  return { unit: 'day', value: Math.round(hours / 24) };
}

export interface ClockRepairInput {
  /** This installation's id: the origin of its own stamps. */
  selfId: string;
  /** The real time now, in milliseconds. */
  now: number;
  /** The persisted clock: the last stamp this installation issued (or took from a peer). */
  lastStamp: string | null;
  /**
   * Stamps found in this installation's stored records (field stamps and hlc), in any
   * order, repeats allowed; stamps of other origins are ignored.
   */
  ownStamps: Iterable<string>;
  /** What peers declared they hold of this installation: each peer's declaredVector[selfId]. */
  acknowledged: Iterable<string | undefined>;
  /** Stamps at most this far ahead of now are left as they are; SKEW_WARNING_MS by default. */
  marginMs?: number;
  /**
   * Stamps at most this far ahead of now may already be held by a peer (imports refuse
   * stamps more than 24 h ahead of the importing computer, so a stamp further ahead than
   * that cannot have been imported by a computer whose clock is right); DEFAULT_MAX_DRIFT_MS
   * by default. Such stamps, and acknowledged ones, keep their dates: a peer holding them has
   * adopted "everything of this installation up to S", and new stamps below S would be
   * skipped by it as already held.
   */
  acceptWindowMs?: number;
}

export interface ClockRepairPlan {
  /** How far the clock (its last stamp, or the newest own stamp to re-date) was ahead of now. */
  aheadMs: number;
  /** Old stamp → fresh stamp for every stamp to re-date, in the order of the old stamps. */
  restamp: Map<string, string>;
  /** The clock's new last stamp (every later stamp is above it). */
  floor: string;
  /** How far `floor` is still ahead of now: dates peers may hold are kept, and the clock continues after them. */
  stillAheadMs: number;
  /** True when applying the plan changes anything (re-dates a stamp or moves the clock). */
  changes: boolean;
}

/**
 * The repair of a clock that ran ahead, or null when there is nothing to repair: the last
 * stamp is not more than `marginMs` ahead of now, and no own stamp needs re-dating (one
 * could, e.g. after restoring a backup made while the clock was ahead). Every own stamp
 * more than `marginMs` ahead that no peer can hold (neither acknowledged nor within
 * `acceptWindowMs` of now) gets a fresh stamp: the first just above the new floor, each
 * next one just above the previous, so their order is kept and they stay above every stamp
 * that keeps its date. The floor is the real time, raised to what peers acknowledged and to
 * the kept stamps the clock issued (those a peer may hold).
 */
export function planClockRepair(input: ClockRepairInput): ClockRepairPlan | null {
  const { selfId, marginMs = SKEW_WARNING_MS, acceptWindowMs = DEFAULT_MAX_DRIFT_MS } = input;
  const now = Math.min(MAX_MILLIS, Math.max(0, Math.floor(input.now)));
  const last = input.lastStamp !== null && isValidStamp(input.lastStamp) ? input.lastStamp : null;
  const lastMillis = last === null ? null : parseStamp(last).millis;

  let acknowledged: string | null = null;
  for (const stamp of input.acknowledged) {
    if (stamp !== undefined && isValidStamp(stamp) && (acknowledged === null || stamp > acknowledged)) acknowledged = stamp;
  }
  const mayBeHeld = (stamp: string, millis: number): boolean =>
    millis - now <= acceptWindowMs || (acknowledged !== null && stamp <= acknowledged);

  const toRedate = new Set<string>();
  const kept: string[] = [];
  for (const stamp of input.ownStamps) {
    if (!isValidStamp(stamp) || stampNode(stamp) !== selfId) continue;
    const { millis } = parseStamp(stamp);
    if (millis - now > marginMs && !mayBeHeld(stamp, millis)) toRedate.add(stamp);
    else kept.push(stamp);
  }
  if (toRedate.size === 0 && (lastMillis === null || lastMillis - now <= marginMs)) return null;

  let floor = formatStamp({ millis: now, counter: 0, node: selfId });
  const raise = (stamp: string): void => {
    if (stamp > floor) floor = formatStamp({ ...parseStamp(stamp), node: selfId });
  };
  if (acknowledged !== null) raise(acknowledged);
  if (last !== null && lastMillis !== null) {
    // Every claim this clock made is at most its last stamp; within the window a peer may hold it.
    if (lastMillis - now <= acceptWindowMs) raise(last);
    // A kept stamp the clock issued may have been exported and adopted: stay above it. (Own
    // stamps above the clock were raised over a peer's stamp by stampChanges; following them
    // would make this clock inherit that peer's skew.)
    for (const stamp of kept) if (stamp <= last) raise(stamp);
  }

  const restamp = new Map<string, string>();
  let next = floor;
  for (const old of [...toRedate].sort()) {
    next = stampAfter(next, selfId);
    restamp.set(old, next);
  }
  const newest = [...toRedate].reduce((top, stamp) => (stamp > top ? stamp : top), last ?? floor);
  return {
    aheadMs: Math.max(0, parseStamp(newest).millis - now),
    restamp,
    floor: next,
    stillAheadMs: Math.max(0, parseStamp(next).millis - now),
    changes: restamp.size > 0 || next !== last,
  };
}
