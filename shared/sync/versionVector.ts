/**
 * Version vectors: for each origin, the highest stamp of that origin whose changes this
 * state is known to hold completely ("every change origin X made up to stamp S is here,
 * or has been overwritten by a later one"). Two uses:
 *   - import skips an incoming record whose every field stamp is covered without reading
 *     the database, so re-importing a bundle costs little more than checking it;
 *   - an export for a peer holds exactly the records with a field stamp the peer's vector
 *     does not cover.
 * A vector may only grow by what makes that claim true (see merge.ts: planMerge).
 */
import { COUNTER_WIDTH, MILLIS_WIDTH, SEED_ORIGIN, SEED_STAMP, maxStamp } from './hlc';

/** Origin id → highest covered stamp of that origin. */
export type VersionVector = Readonly<Record<string, string>>;

const NODE_OFFSET = MILLIS_WIDTH + COUNTER_WIDTH + 2;

/** The origin at the end of a (valid) stamp. */
export function stampNode(stamp: string): string {
  return stamp.slice(NODE_OFFSET);
}

/** The covered stamp of an origin; the seed stamp is held by every installation. */
export function vectorEntry(vector: VersionVector, node: string): string | undefined {
  if (node === SEED_ORIGIN) return SEED_STAMP;
  return Object.hasOwn(vector, node) ? vector[node] : undefined;
}

export function vectorCovers(vector: VersionVector, stamp: string): boolean {
  const covered = vectorEntry(vector, stampNode(stamp));
  return covered !== undefined && stamp <= covered;
}

/** Pointwise maximum. */
export function mergeVectors(a: VersionVector, b: VersionVector): Record<string, string> {
  const out: Record<string, string> = { ...a };
  for (const [node, stamp] of Object.entries(b)) {
    const current = Object.hasOwn(out, node) ? out[node] : undefined;
    out[node] = current === undefined ? stamp : maxStamp(current, stamp);
  }
  return out;
}

/** Raises one origin's entry to `stamp` if that is higher. */
export function raiseVector(vector: Record<string, string>, stamp: string): void {
  const node = stampNode(stamp);
  const current = Object.hasOwn(vector, node) ? vector[node] : undefined;
  if (current === undefined || stamp > current) vector[node] = stamp;
}

/** Vectors as stored: sorted keys, so equal vectors compare equal as JSON. */
export function sortedVector(vector: VersionVector): Record<string, string> {
  const out: Record<string, string> = {};
  for (const node of Object.keys(vector).sort()) {
    const stamp = vector[node];
    if (stamp !== undefined) out[node] = stamp;
  }
  return out;
}
