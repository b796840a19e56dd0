/**
 * Synced records as merges see them: each data field (including `deleted`) carries the
 * stamp of its last change, `hlc` is the greatest of them and `origin` the installation
 * that issued it. Helpers to read those stamps, to bring a record to its one stored form,
 * and to compare two records by meaning rather than by layout.
 */
import type { SyncRecord } from './bundleFormat';
import { sameValue } from './stampChanges';
import { stampNode, vectorCovers, type VersionVector } from './versionVector';

/** Fields that describe a record's stamps rather than its data. */
export const META_FIELDS: ReadonlySet<string> = new Set(['id', 'hlc', 'origin', 'fieldStamps']);

function ownStamps(record: SyncRecord): Record<string, string> | undefined {
  return record.fieldStamps;
}

/**
 * The stamp of a field: its entry in fieldStamps; else the record's hlc when the field
 * is present (records written before per-field stamps); else undefined, "no information".
 * An absent field without a stamp must not count as "removed at hlc": an older app that
 * does not know a newer optional field would otherwise erase it with every edit.
 */
export function stampOf(record: SyncRecord, field: string): string | undefined {
  const stamps = ownStamps(record);
  if (stamps && Object.hasOwn(stamps, field)) return stamps[field];
  return Object.hasOwn(record, field) && record[field] !== undefined ? record.hlc : undefined;
}

/** The data fields a record has a value or a stamp for. */
export function dataFields(record: SyncRecord): string[] {
  const fields = new Set<string>();
  for (const key of Object.keys(record)) if (!META_FIELDS.has(key) && record[key] !== undefined) fields.add(key);
  const stamps = ownStamps(record);
  if (stamps) for (const key of Object.keys(stamps)) fields.add(key);
  return [...fields];
}

/** True when the state already holds every change in the record (see versionVector.ts). */
export function recordCovered(record: SyncRecord, vector: VersionVector): boolean {
  if (!vectorCovers(vector, record.hlc)) return false;
  const stamps = ownStamps(record);
  if (stamps) for (const stamp of Object.values(stamps)) if (!vectorCovers(vector, stamp)) return false;
  return true;
}

/** Every stamp the record carries. */
export function recordStamps(record: SyncRecord): string[] {
  const stamps = ownStamps(record);
  return stamps ? [record.hlc, ...Object.values(stamps)] : [record.hlc];
}

/**
 * Applies the tombstone rule: a record marked deleted comes back when another field was
 * changed after the deletion (an edit made after a deletion, by someone who had not seen
 * it, wins). The `deleted` stamp is kept, so every machine reaches the same stored form
 * whatever order it merged in.
 */
export function applyTombstoneRule(values: Record<string, unknown>, stamps: Record<string, string>): void {
  if (values.deleted !== true) return;
  const deletedStamp = stamps.deleted;
  if (deletedStamp === undefined) return;
  for (const [field, stamp] of Object.entries(stamps)) {
    if (field !== 'deleted' && stamp > deletedStamp) {
      values.deleted = false;
      return;
    }
  }
}

/**
 * The one stored form of a record: a stamp for every data field, `hlc` the greatest and
 * `origin` its installation, the tombstone rule applied. Two machines holding the same
 * field values and stamps hold identical objects (up to key order).
 */
export function normalizeRecord(record: SyncRecord): SyncRecord {
  const values: Record<string, unknown> = { id: record.id };
  const stamps: Record<string, string> = {};
  const own = ownStamps(record);
  // The fields of dataFields, in its order, with stampOf's stamps; written out (no Set, no
  // second lookup) because an import normalizes every incoming record.
  const fields: string[] = [];
  for (const field of Object.keys(record)) if (!META_FIELDS.has(field) && record[field] !== undefined) fields.push(field);
  if (own) for (const field of Object.keys(own)) if (!(Object.hasOwn(record, field) && !META_FIELDS.has(field) && record[field] !== undefined)) fields.push(field);
  let hlc: string | undefined;
  for (const field of fields) {
    const stamp = own && Object.hasOwn(own, field) ? own[field] : record.hlc;
    if (stamp === undefined) continue;
    stamps[field] = stamp;
    if (record[field] !== undefined) values[field] = record[field];
    if (hlc === undefined || stamp > hlc) hlc = stamp;
  }
  applyTombstoneRule(values, stamps);
  const top = hlc ?? record.hlc;
  values.hlc = top;
  values.origin = stampNode(top);
  values.fieldStamps = stamps;
  return values as SyncRecord;
}

/** Same field values and same field stamps: what "unchanged" means to a merge. */
export function sameRecord(a: SyncRecord, b: SyncRecord): boolean {
  if (a.id !== b.id) return false;
  const fields = new Set([...dataFields(a), ...dataFields(b)]);
  for (const field of fields) {
    if (stampOf(a, field) !== stampOf(b, field)) return false;
    if (!sameValue(a[field], b[field])) return false;
  }
  return true;
}

/**
 * The record as a bundle carries it: field stamps equal to `hlc` are left out (they mean
 * the same, see stampOf), which roughly halves a bundle of records written in one go.
 * Stamps of fields the record no longer has are kept: they say when the field was removed.
 */
export function compactRecord(record: SyncRecord): SyncRecord {
  const stamps = record.fieldStamps;
  if (!stamps) return record;
  const kept: Record<string, string> = {};
  let any = false;
  for (const [field, stamp] of Object.entries(stamps)) {
    if (stamp !== record.hlc || record[field] === undefined) {
      kept[field] = stamp;
      any = true;
    }
  }
  const { fieldStamps: _stamps, ...rest } = record;
  return (any ? { ...rest, fieldStamps: kept } : rest);
}
