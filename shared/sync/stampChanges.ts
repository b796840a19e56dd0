/**
 * Stamps a record for a local write: the record's `hlc` and `origin` become the new stamp,
 * and every field whose value changed (including `deleted`) gets the new stamp in
 * `fieldStamps`, while unchanged fields keep theirs. That is what lets sync merge two
 * machines' edits field by field (last writer wins per field) instead of record by record.
 */
import type { Synced } from '../model';
import { isValidStamp, stampAfter } from './hlc';

const META_KEYS = new Set(['id', 'hlc', 'origin', 'fieldStamps']);

/** Structural equality for the JSON-shaped values records hold. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key])) return false;
  return true;
}

/** The stamp a field of a stored record carries. */
export function fieldStamp(record: Synced, field: string): string {
  return record.fieldStamps?.[field] ?? record.hlc;
}

/** The greatest stamp a stored record carries (its hlc, or a field stamp if greater). */
function greatestStamp(record: Synced): string {
  let top = record.hlc;
  for (const stamp of Object.values(record.fieldStamps ?? {})) if (stamp > top) top = stamp;
  return top;
}

/**
 * The stamp for a local edit of `previous`: the clock's, unless the record already holds a
 * stamp at or above it (a peer whose clock runs ahead; the clock does not follow such
 * stamps, see hlc.ts `receive`). Then the stamp just above the record's greatest one, with
 * this installation as its origin: an edit made after seeing a value always wins over it.
 */
export function stampForEdit(previous: Synced | undefined, stamp: { hlc: string; origin: string }): { hlc: string; origin: string } {
  if (previous === undefined) return stamp;
  const top = greatestStamp(previous);
  if (stamp.hlc > top || !isValidStamp(top) || !isValidStamp(stamp.hlc)) return stamp;
  return { hlc: stampAfter(top, stamp.origin), origin: stamp.origin };
}

/**
 * The record to store: `next` with `hlc`/`origin` set to the stamp and `fieldStamps`
 * updated for the fields that differ from `previous` (all of them for a new record).
 * The stamp is raised above the record's greatest stamp when needed (stampForEdit).
 * Returns null when nothing changed, so callers can skip a write that would only
 * move the stamp forward (and make peers think there was an edit).
 */
export function stampChanges<T extends Synced>(
  previous: T | undefined,
  next: Omit<T, 'hlc' | 'origin' | 'fieldStamps'>,
  clockStamp: { hlc: string; origin: string },
): T | null {
  const stamp = stampForEdit(previous, clockStamp);
  const fieldStamps: Record<string, string> = {};
  let changed = previous === undefined;
  const fields = new Set([...Object.keys(next), ...(previous ? Object.keys(previous) : [])]);
  for (const field of fields) {
    if (META_KEYS.has(field)) continue;
    const before = previous ? (previous as Record<string, unknown>)[field] : undefined;
    const after = (next as Record<string, unknown>)[field];
    if (previous === undefined || !sameValue(before, after)) {
      fieldStamps[field] = stamp.hlc;
      changed = true;
    } else {
      fieldStamps[field] = fieldStamp(previous, field);
    }
  }
  if (!changed) return null;
  // A change to a record that stays deleted re-affirms the deletion. Otherwise the edit
  // would be newer than the deletion, and merges bring such a record back (an edit made
  // after a deletion wins, see records.ts): this machine would show it deleted, others not.
  if ((next as Record<string, unknown>).deleted === true) fieldStamps.deleted = stamp.hlc;
  return { ...next, hlc: stamp.hlc, origin: stamp.origin, fieldStamps } as unknown as T;
}
