/**
 * Hybrid logical clock (HLC): the stamps that order every change in CWG Desk, so that
 * installations which only meet through bundle files still agree on "which write is newer".
 *
 * A stamp is a string `MMMMMMMMMMMMMMM-CCCCC-node`:
 *   - 15 decimal digits of physical time in milliseconds since 1970 (zero-padded),
 *   - 5 decimal digits of logical counter (zero-padded),
 *   - the id of the installation (origin) that issued it.
 * Both numbers are fixed-width, so comparing two stamps as plain strings compares
 * (millis, counter, node) in that order: stamps can be sorted, indexed by IndexedDB and
 * compared in a merge without parsing, and two changes made in the same millisecond with
 * the same counter on two machines still order deterministically, by origin id.
 *
 * Pure: no DOM, no Node, no global clock unless the caller passes none (then Date.now).
 */

/** Digits of the millisecond part: enough for dates until the year 33658. */
export const MILLIS_WIDTH = 15;
/** Digits of the counter part. */
export const COUNTER_WIDTH = 5;
export const MAX_MILLIS = 10 ** MILLIS_WIDTH - 1;
export const MAX_COUNTER = 10 ** COUNTER_WIDTH - 1;
/** Stamps more than this far ahead of the local clock are refused (see `receive`). */
export const DEFAULT_MAX_DRIFT_MS = 24 * 60 * 60 * 1000;
/**
 * How far ahead of the local clock a received stamp may be and still move this clock
 * forward (see `receive`); the same hour as SKEW_WARNING_MS in clockSkew.ts. A stamp further
 * ahead (a peer whose clock is wrong by hours) is accepted but not inherited: this
 * installation's own stamps stay near real time, and a local edit of a record that holds
 * such a stamp is stamped just above it instead (stampChanges.ts).
 */
export const DEFAULT_OBSERVE_AHEAD_MS = 60 * 60 * 1000;

/**
 * Node (origin) ids are installation UUIDs or short names such as "seed". ASCII only, so
 * that string order is the same everywhere (no locale, no normalization surprises), and
 * bounded so a hostile bundle cannot make stamps arbitrarily long.
 */
const NODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const STAMP_PATTERN = new RegExp(`^(\\d{${MILLIS_WIDTH}})-(\\d{${COUNTER_WIDTH}})-(.*)$`, 's');

export interface StampParts {
  millis: number;
  counter: number;
  node: string;
}

/** A string that is not a well-formed stamp, or parts that cannot be formatted into one. */
export class StampFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StampFormatError';
  }
}

/**
 * A remote stamp lies too far in the future. Accepting it would drag this clock (and every
 * later local edit) forward by the same amount, and a peer whose clock is a year ahead
 * would win every conflict for a year. The fields let the UI build a translated message;
 * `message` is the English fallback.
 */
export class ClockDriftError extends Error {
  constructor(
    readonly origin: string,
    readonly offsetMs: number,
    readonly maxDriftMs: number,
  ) {
    super(
      `Stamps from origin ${origin} are ${formatDuration(offsetMs)} ahead of this computer's clock ` +
        `(at most ${formatDuration(maxDriftMs)} is accepted). Check the date, time and time zone on both computers.`,
    );
    this.name = 'ClockDriftError';
  }
}

/** "36 h", "2.5 h", "40 min", "12 s": precise enough to tell a time-zone slip from a wrong year. */
function formatDuration(ms: number): string {
  const hour = 3_600_000;
  if (ms >= hour) return `${trimDecimal(ms / hour)} h`;
  if (ms >= 60_000) return `${trimDecimal(ms / 60_000)} min`;
  return `${trimDecimal(ms / 1000)} s`;
}

function trimDecimal(value: number): string {
  return String(Math.floor(value * 10) / 10);
}

export function isValidNode(node: string): boolean {
  return NODE_PATTERN.test(node);
}

function describe(value: unknown): string {
  if (typeof value !== 'string') {
    const type = value === null ? 'null' : typeof value;
    return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
  }
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return JSON.stringify(shown);
}

const EXPECTED =
  `expected ${MILLIS_WIDTH} digits of milliseconds, "-", ${COUNTER_WIDTH} digits of counter, "-", ` +
  'and an origin id (ASCII letters, digits, ".", "_", ":" or "-")';

/** Parses and validates a stamp. Takes `unknown` because stamps arrive from bundle files. */
export function parseStamp(stamp: unknown): StampParts {
  if (typeof stamp !== 'string') throw new StampFormatError(`Not a clock stamp: got ${describe(stamp)}; ${EXPECTED}.`);
  const match = STAMP_PATTERN.exec(stamp);
  const [, millis, counter, node] = match ?? [];
  if (millis === undefined || counter === undefined || node === undefined) {
    throw new StampFormatError(`Not a clock stamp: ${describe(stamp)}; ${EXPECTED}.`);
  }
  if (!isValidNode(node)) {
    throw new StampFormatError(`Clock stamp ${describe(stamp)} has an invalid origin id ${describe(node)}; ${EXPECTED}.`);
  }
  return { millis: Number(millis), counter: Number(counter), node };
}

export function isValidStamp(stamp: unknown): stamp is string {
  try {
    parseStamp(stamp);
    return true;
  } catch {
    return false;
  }
}

export function formatStamp(parts: StampParts): string {
  const { millis, counter, node } = parts;
  if (!Number.isSafeInteger(millis) || millis < 0 || millis > MAX_MILLIS) {
    throw new StampFormatError(`Stamp milliseconds must be an integer from 0 to ${MAX_MILLIS}, got ${millis}.`);
  }
  if (!Number.isSafeInteger(counter) || counter < 0 || counter > MAX_COUNTER) {
    throw new StampFormatError(`Stamp counter must be an integer from 0 to ${MAX_COUNTER}, got ${counter}.`);
  }
  if (!isValidNode(node)) throw new StampFormatError(`Invalid origin id for a stamp: ${describe(node)}; ${EXPECTED}.`);
  return `${String(millis).padStart(MILLIS_WIDTH, '0')}-${String(counter).padStart(COUNTER_WIDTH, '0')}-${node}`;
}

/**
 * Orders two valid stamps in time (then by origin). Plain code-unit comparison, never
 * localeCompare: the fixed-width layout makes that exactly (millis, counter, node) order.
 */
export function compareStamps(a: string, b: string): -1 | 0 | 1 {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

export function maxStamp(a: string, b: string): string {
  return a >= b ? a : b;
}

/**
 * The stamp of `node` just above `floor`: same milliseconds, counter + 1 (a full counter
 * rolls into the next millisecond). Greater than `floor` whatever the two nodes are.
 */
export function stampAfter(floor: string, node: string): string {
  const { millis, counter } = parseStamp(floor);
  return counter < MAX_COUNTER
    ? formatStamp({ millis, counter: counter + 1, node })
    : formatStamp({ millis: millis + 1, counter: 0, node });
}

/** Origin of records that every installation creates identically (the seeded countries). */
export const SEED_ORIGIN = 'seed';
/**
 * Stamp of seeded records. (0, 0) is never issued by a clock (its first stamp at time 0
 * already has counter 1), so any real edit of a seeded record wins over the seed.
 */
export const SEED_STAMP = formatStamp({ millis: 0, counter: 0, node: SEED_ORIGIN });

export interface ClockOptions {
  /** This installation's id; ends every stamp it issues. */
  node: string;
  /** Physical clock in milliseconds; Date.now by default. */
  now?: () => number;
  /** How far ahead of `now` a received stamp may be; 24 h by default. */
  maxDriftMs?: number;
  /** How far ahead of `now` a received stamp may be and still move this clock; 1 h by default. */
  observeAheadMs?: number;
  /** The last stamp persisted before a restart: every new stamp is greater than it. */
  last?: string | null;
}

export interface HybridLogicalClock {
  readonly node: string;
  /**
   * A new stamp for a local change, strictly greater than every stamp issued, and than every
   * stamp received that was at most observeAheadMs ahead of the physical clock.
   */
  send(): string;
  /**
   * Merges a stamp received from a peer so that later local stamps are greater than it,
   * unless it is more than observeAheadMs ahead of the local clock: then the clock keeps its
   * state (its owner's stamps must not inherit a peer's wrong clock). Throws
   * StampFormatError for garbage and ClockDriftError when the stamp is more than
   * maxDriftMs ahead of the local clock; in both cases the clock is unchanged.
   */
  receive(remoteStamp: string): void;
  /** The clock's current state as a stamp (with this node): persist it to restore later. */
  last(): string;
}

export function createClock(options: ClockOptions): HybridLogicalClock {
  const { node, now = Date.now, maxDriftMs = DEFAULT_MAX_DRIFT_MS, observeAheadMs = DEFAULT_OBSERVE_AHEAD_MS } = options;
  if (!isValidNode(node)) throw new StampFormatError(`Invalid clock node id ${describe(node)}; ${EXPECTED}.`);
  if (!(maxDriftMs >= 0)) throw new RangeError(`maxDriftMs must be zero or more, got ${maxDriftMs}.`);
  if (!(observeAheadMs >= 0)) throw new RangeError(`observeAheadMs must be zero or more, got ${observeAheadMs}.`);

  // Only (millis, counter) is state: a restored stamp may carry another node (e.g. one
  // written before a reinstall) and still bounds what this clock may issue next.
  let millis = 0;
  let counter = 0;
  if (options.last != null) {
    const restored = parseStamp(options.last);
    millis = restored.millis;
    counter = restored.counter;
  }

  const readNow = (): number => {
    const reading = now();
    if (!Number.isFinite(reading)) throw new RangeError(`The physical clock returned ${reading}.`);
    // A reading before 1970 (or past the stamp width) cannot be encoded; clamping is safe
    // because monotonicity never depends on the reading, only on the kept state.
    return Math.min(MAX_MILLIS, Math.max(0, Math.floor(reading)));
  };

  /**
   * Counter overflow rolls into the next millisecond with counter 0. The alternatives are
   * worse: widening the counter breaks the fixed width that makes string order equal time
   * order, and throwing (as some HLCs do) would fail a bulk write of 100 000 records made
   * within one millisecond. Logical time then runs ahead of the wall clock by 1 ms per
   * 100 000 stamps, which the next real clock tick absorbs (send keeps the larger time).
   */
  const advance = (nextMillis: number, nextCounter: number): void => {
    let m = nextMillis;
    let c = nextCounter;
    if (c > MAX_COUNTER) {
      m += 1;
      c = 0;
    }
    if (m > MAX_MILLIS) throw new RangeError('The clock has reached the largest time a stamp can hold.');
    millis = m;
    counter = c;
  };

  return {
    node,
    send() {
      const physical = readNow();
      // A clock that stands still or runs backwards (NTP correction, manual change, a
      // restored last stamp from the future) keeps the last time and counts up instead.
      if (physical > millis) advance(physical, 0);
      else advance(millis, counter + 1);
      return formatStamp({ millis, counter, node });
    },
    receive(remoteStamp) {
      const remote = parseStamp(remoteStamp);
      const physical = readNow();
      const offset = remote.millis - physical;
      if (offset > maxDriftMs) throw new ClockDriftError(remote.node, offset, maxDriftMs);
      if (offset > observeAheadMs) return;
      const next = Math.max(millis, remote.millis, physical);
      if (next === millis && next === remote.millis) advance(next, Math.max(counter, remote.counter) + 1);
      else if (next === millis) advance(next, counter + 1);
      else if (next === remote.millis) advance(next, remote.counter + 1);
      else advance(next, 0);
    },
    last() {
      return formatStamp({ millis, counter, node });
    },
  };
}
