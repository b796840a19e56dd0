/** Tests of the hybrid logical clock: monotonicity, backwards clocks, overflow, drift bound, string order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClockDriftError,
  DEFAULT_MAX_DRIFT_MS,
  MAX_COUNTER,
  SEED_STAMP,
  StampFormatError,
  compareStamps,
  createClock,
  formatStamp,
  parseStamp,
  type StampParts,
} from '../../shared/sync/hlc';

const NODE_A = '3f2b8c1e-6a0d-4e8f-9b7a-1c2d3e4f5a6b';
const NODE_B = 'b1c2d3e4-0000-4000-8000-000000000000';
const HOUR = 3_600_000;

/** A physical clock the test moves by hand. */
function manualTime(start: number) {
  let time = start;
  return {
    now: () => time,
    set: (value: number) => {
      time = value;
    },
  };
}

function compareTuples(a: StampParts, b: StampParts): number {
  if (a.millis !== b.millis) return a.millis < b.millis ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return 0;
}

const nodeArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/);
const partsArb = fc.record({
  millis: fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 999_999_999_999_999 })),
  counter: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: MAX_COUNTER })),
  node: nodeArb,
});

describe('stamp format', () => {
  it('is fixed-width millis, counter, then node', () => {
    expect(formatStamp({ millis: 1_402_300_800_000, counter: 7, node: NODE_A })).toBe(`001402300800000-00007-${NODE_A}`);
    expect(parseStamp(`001402300800000-00007-${NODE_A}`)).toEqual({ millis: 1_402_300_800_000, counter: 7, node: NODE_A });
  });

  it('round-trips any valid parts', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        expect(parseStamp(formatStamp(parts))).toEqual(parts);
      }),
    );
  });

  it('sorts as strings exactly as (millis, counter, node) tuples', () => {
    fc.assert(
      fc.property(partsArb, partsArb, (a, b) => {
        expect(compareStamps(formatStamp(a), formatStamp(b))).toBe(compareTuples(a, b));
      }),
    );
  });

  it('orders same-time stamps by origin id', () => {
    const a = formatStamp({ millis: 5, counter: 1, node: 'aaa' });
    const b = formatStamp({ millis: 5, counter: 1, node: 'bbb' });
    expect([b, a].sort()).toEqual([a, b]);
  });

  it('rejects garbage with a message that says what a stamp looks like', () => {
    for (const garbage of ['', 'hello', '1402300800000-7-node', `001402300800000-00007-`, `001402300800000-00007-no spaces`, 42, null]) {
      expect(() => parseStamp(garbage)).toThrow(StampFormatError);
    }
    expect(() => parseStamp('yesterday')).toThrow(/Not a clock stamp: "yesterday"; expected 15 digits of milliseconds/);
    expect(() => parseStamp(42)).toThrow(/got a number/);
    expect(() => parseStamp(undefined)).toThrow(/got an undefined/);
    expect(() => parseStamp('001402300800000-00007-bad/node')).toThrow(/invalid origin id "bad\/node"/);
  });

  it('refuses to format parts that do not fit', () => {
    expect(() => formatStamp({ millis: -1, counter: 0, node: 'a' })).toThrow(StampFormatError);
    expect(() => formatStamp({ millis: 0, counter: MAX_COUNTER + 1, node: 'a' })).toThrow(StampFormatError);
    expect(() => formatStamp({ millis: 0.5, counter: 0, node: 'a' })).toThrow(StampFormatError);
    expect(() => formatStamp({ millis: 0, counter: 0, node: '' })).toThrow(StampFormatError);
  });

  it('has a seed stamp lower than anything a clock issues', () => {
    const clock = createClock({ node: '0', now: () => 0 });
    expect(compareStamps(SEED_STAMP, clock.send())).toBe(-1);
  });
});

describe('createClock', () => {
  it('issues strictly increasing stamps at a standing clock', () => {
    const clock = createClock({ node: NODE_A, now: () => 1000 });
    const stamps = Array.from({ length: 50 }, () => clock.send());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(parseStamp(stamps[0] ?? '')).toEqual({ millis: 1000, counter: 0, node: NODE_A });
    expect(parseStamp(stamps[49] ?? '')).toEqual({ millis: 1000, counter: 49, node: NODE_A });
  });

  it('follows the physical clock and resets the counter when time moves on', () => {
    const time = manualTime(1000);
    const clock = createClock({ node: NODE_A, now: time.now });
    clock.send();
    clock.send();
    time.set(2000);
    expect(parseStamp(clock.send())).toEqual({ millis: 2000, counter: 0, node: NODE_A });
  });

  it('stays monotonic when the clock runs backwards', () => {
    const time = manualTime(10_000);
    const clock = createClock({ node: NODE_A, now: time.now });
    const before = clock.send();
    time.set(4_000); // e.g. the user corrects a clock that was 6 seconds fast
    const after = clock.send();
    expect(compareStamps(after, before)).toBe(1);
    // Keeps the last physical time and counts up until the real clock catches up.
    expect(parseStamp(after)).toEqual({ millis: 10_000, counter: 1, node: NODE_A });
    time.set(10_001);
    expect(parseStamp(clock.send())).toEqual({ millis: 10_001, counter: 0, node: NODE_A });
  });

  it('rolls a full counter into the next millisecond, keeping fixed width and order', () => {
    const clock = createClock({ node: NODE_A, now: () => 7_000 });
    let previous = clock.send();
    let ordered = true;
    for (let i = 1; i <= MAX_COUNTER; i += 1) {
      const next = clock.send();
      ordered &&= next > previous;
      previous = next;
    }
    expect(ordered).toBe(true);
    expect(parseStamp(previous)).toEqual({ millis: 7_000, counter: MAX_COUNTER, node: NODE_A });
    const rolled = clock.send();
    expect(parseStamp(rolled)).toEqual({ millis: 7_001, counter: 0, node: NODE_A });
    expect(rolled.length).toBe(previous.length);
    expect(compareStamps(rolled, previous)).toBe(1);
  });

  it('rolls over on receive too', () => {
    const clock = createClock({ node: NODE_A, now: () => 7_000 });
    clock.receive(formatStamp({ millis: 7_000, counter: MAX_COUNTER, node: NODE_B }));
    expect(parseStamp(clock.last())).toEqual({ millis: 7_001, counter: 0, node: NODE_A });
  });

  it('issues stamps greater than a received stamp even from a later-sorting origin', () => {
    const clock = createClock({ node: 'a', now: () => 1_000 });
    const remote = formatStamp({ millis: 5_000, counter: 3, node: 'zzz' });
    clock.receive(remote);
    const next = clock.send();
    expect(compareStamps(next, remote)).toBe(1);
    expect(parseStamp(next)).toEqual({ millis: 5_000, counter: 5, node: 'a' });
  });

  it('ignores the counter of an older remote stamp', () => {
    const clock = createClock({ node: NODE_A, now: () => 9_000 });
    clock.receive(formatStamp({ millis: 1_000, counter: 99, node: NODE_B }));
    expect(parseStamp(clock.last())).toEqual({ millis: 9_000, counter: 0, node: NODE_A });
  });

  it('refuses stamps too far ahead, naming the origin and the offset, and stays unchanged', () => {
    const now = 1_402_300_800_000;
    const clock = createClock({ node: NODE_A, now: () => now });
    clock.send();
    const before = clock.last();
    const ahead = formatStamp({ millis: now + 36 * HOUR, counter: 0, node: NODE_B });
    expect(() => {
      clock.receive(ahead);
    }).toThrow(`Stamps from origin ${NODE_B} are 36 h ahead of this computer's clock`);
    try {
      clock.receive(ahead);
    } catch (error) {
      expect(error).toBeInstanceOf(ClockDriftError);
      expect(error).toMatchObject({ origin: NODE_B, offsetMs: 36 * HOUR, maxDriftMs: DEFAULT_MAX_DRIFT_MS });
    }
    expect(clock.last()).toBe(before);
  });

  it('accepts a stamp exactly at the bound, and refuses one millisecond beyond', () => {
    const now = 50_000_000;
    const clock = createClock({ node: NODE_A, now: () => now, maxDriftMs: HOUR });
    expect(() => {
      clock.receive(formatStamp({ millis: now + HOUR + 1, counter: 0, node: NODE_B }));
    }).toThrow(ClockDriftError);
    const atBound = formatStamp({ millis: now + HOUR, counter: 0, node: NODE_B });
    clock.receive(atBound);
    expect(compareStamps(clock.send(), atBound)).toBe(1);
  });

  it('rejects a garbage remote stamp without changing state', () => {
    const clock = createClock({ node: NODE_A, now: () => 1 });
    const before = clock.last();
    expect(() => {
      clock.receive('not a stamp');
    }).toThrow(StampFormatError);
    expect(clock.last()).toBe(before);
  });

  it('restores from a persisted stamp so stamps keep increasing after a restart', () => {
    const first = createClock({ node: NODE_A, now: () => 80_000 });
    first.send();
    const persisted = first.last();
    // Restarted with the clock set back by a minute.
    const second = createClock({ node: NODE_A, now: () => 20_000, last: persisted });
    expect(compareStamps(second.send(), persisted)).toBe(1);
  });

  it('rejects an invalid node or persisted stamp', () => {
    expect(() => createClock({ node: 'has space' })).toThrow(StampFormatError);
    expect(() => createClock({ node: NODE_A, last: 'garbage' })).toThrow(StampFormatError);
  });

  it('property: any sequence of sends and receives at arbitrary clock readings is strictly increasing', () => {
    const maxDriftMs = 1_000;
    // Small readings make ties, counter carries and backwards steps frequent.
    const readingArb = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5_000 }));
    const opArb = fc.oneof(
      fc.record({ kind: fc.constant('send' as const), now: readingArb }),
      fc.record({
        kind: fc.constant('receive' as const),
        now: readingArb,
        remote: fc.record({
          millis: fc.integer({ min: 0, max: 7_000 }),
          counter: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(MAX_COUNTER), fc.integer({ min: 0, max: MAX_COUNTER })),
          node: nodeArb,
        }),
      }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const time = manualTime(0);
        const clock = createClock({ node: NODE_A, now: time.now, maxDriftMs });
        let highestSeen = SEED_STAMP;
        let state = clock.last();
        for (const op of ops) {
          time.set(op.now);
          if (op.kind === 'send') {
            const stamp = clock.send();
            expect(compareStamps(stamp, highestSeen)).toBe(1);
            expect(compareStamps(stamp, state)).toBe(1);
            highestSeen = stamp;
          } else {
            const remote = formatStamp(op.remote);
            if (op.remote.millis - op.now > maxDriftMs) {
              expect(() => {
                clock.receive(remote);
              }).toThrow(ClockDriftError);
              expect(clock.last()).toBe(state);
              continue;
            }
            clock.receive(remote);
            if (compareStamps(remote, highestSeen) > 0) highestSeen = remote;
            expect(compareStamps(clock.last(), highestSeen)).toBeGreaterThanOrEqual(0);
          }
          const next = clock.last();
          expect(compareStamps(next, state)).toBe(1);
          state = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});
