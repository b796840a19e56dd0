/**
 * Which deleted records belong together, and what a record needs back to make sense:
 * the rules behind "Recently deleted". Pure: records in, references out.
 *
 * - A record is *contained* in another (a session in its meeting, an article in its
 *   document, a comment in its article…). A contained record counts as *deleted with* its
 *   container when its deletion was stamped by the same installation at or after the
 *   container's: deleting a meeting tombstones the meeting first and its sessions,
 *   participants and outcomes right after, in one transaction, while a session the user
 *   deleted on its own earlier carries an older stamp. No extra field is needed, and the
 *   rule holds on every computer, because the stamps travel with the records.
 * - A restored record brings back the deleted records it *refers to* (its container, the
 *   people it names…), so every reference resolves again.
 */
import type { Synced, SyncedTableName } from '../model';
import { parseStamp } from '../sync/hlc';
import { REFERENCE_RULES } from '../sync/importChecks';

/** A stored record of any synced table, seen through the fields every record has. */
export type AnyRecord = Synced & { readonly [field: string]: unknown };

export interface RecordRef {
  table: SyncedTableName;
  id: string;
}

export const refKey = (ref: RecordRef): string => `${ref.table}:${ref.id}`;

/** The stamp of the record's deletion (or of its last change when fields are not stamped). */
export function deletionStamp(record: Synced): string {
  return record.fieldStamps?.deleted ?? record.hlc;
}

/** The installation whose stamp it is (the part after the second dash). */
export function stampNode(stamp: string): string {
  try {
    return parseStamp(stamp).node;
  } catch {
    return '';
  }
}

/** Milliseconds since 1970 of a stamp; null when it is not a well-formed stamp. */
export function stampMillis(stamp: string): number | null {
  try {
    return parseStamp(stamp).millis;
  } catch {
    return null;
  }
}

interface ContainmentRule {
  table: SyncedTableName;
  field: string;
  parent: SyncedTableName | ((record: AnyRecord) => SyncedTableName | null);
}

/** What holds what: deleting the holder may delete these with it. */
export const CONTAINMENT_RULES: readonly ContainmentRule[] = [
  { table: 'sessions', field: 'meetingId', parent: 'meetings' },
  { table: 'participations', field: 'meetingId', parent: 'meetings' },
  { table: 'decisions', field: 'meetingId', parent: 'meetings' },
  { table: 'actionItems', field: 'meetingId', parent: 'meetings' },
  { table: 'minutes', field: 'meetingId', parent: 'meetings' },
  { table: 'articles', field: 'documentId', parent: 'mouDocuments' },
  { table: 'mouVersions', field: 'documentId', parent: 'mouDocuments' },
  { table: 'amendments', field: 'documentId', parent: 'mouDocuments' },
  { table: 'positions', field: 'versionId', parent: 'mouVersions' },
  {
    table: 'comments',
    field: 'targetId',
    parent: (record) => (record.targetKind === 'article' ? 'articles' : record.targetKind === 'amendment' ? 'amendments' : record.targetKind === 'minutes' ? 'minutes' : null),
  },
];

/** The record that holds this one, if any. */
export function containerOf(table: SyncedTableName, record: AnyRecord): RecordRef | null {
  const rule = CONTAINMENT_RULES.find((candidate) => candidate.table === table);
  if (!rule) return null;
  const parentTable = typeof rule.parent === 'function' ? rule.parent(record) : rule.parent;
  const id = record[rule.field];
  return parentTable !== null && typeof id === 'string' ? { table: parentTable, id } : null;
}

/** Whether `child` (contained in `parent`) was deleted by the same deletion as `parent`. */
export function isDeletedWith(child: Synced, parent: Synced): boolean {
  if (!child.deleted || !parent.deleted) return false;
  const childStamp = deletionStamp(child);
  const parentStamp = deletionStamp(parent);
  return childStamp >= parentStamp && stampNode(childStamp) === stampNode(parentStamp);
}

interface RestoreReferenceRule {
  table: SyncedTableName;
  field: string;
  target: SyncedTableName | ((record: AnyRecord) => SyncedTableName | null);
}

/**
 * References a restored record needs resolved: the sync import's rules, plus the meeting
 * and owner of decisions and action items (records the import list predates), minus two
 * that point at history rather than at something the record lives in: an accepted
 * "delete" amendment names the article it deleted (bringing the amendment back must not
 * undo its own decision), and a position names an article of a frozen version (the
 * version keeps that text).
 */
export const RESTORE_REFERENCE_RULES: readonly RestoreReferenceRule[] = [
  ...REFERENCE_RULES.filter((rule) => !(rule.table === 'positions' && rule.field === 'articleId')).map((rule) => ({
    table: rule.table,
    field: rule.field,
    target:
      typeof rule.target === 'function'
        ? rule.target
        : rule.table === 'amendments' && rule.field === 'articleId'
          ? (record: AnyRecord): SyncedTableName | null =>
              record.kind === 'delete' && record.status === 'accepted' ? null : 'articles'
          : rule.target,
  })),
  { table: 'decisions', field: 'meetingId', target: 'meetings' },
  { table: 'actionItems', field: 'meetingId', target: 'meetings' },
  { table: 'actionItems', field: 'ownerDelegateId', target: 'delegates' },
];

/** Every record this one refers to under the restore rules (nulls and non-strings skipped). */
export function referencesOf(table: SyncedTableName, record: AnyRecord): RecordRef[] {
  const out: RecordRef[] = [];
  for (const rule of RESTORE_REFERENCE_RULES) {
    if (rule.table !== table) continue;
    const target = typeof rule.target === 'function' ? rule.target(record) : rule.target;
    if (target === null) continue;
    const value = record[rule.field];
    const ids = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const id of ids) if (typeof id === 'string') out.push({ table: target, id });
  }
  return out;
}

/** Fields that name a delegate, so references to a merged-away record can follow the merge. */
export const DELEGATE_FIELDS: readonly { table: SyncedTableName; field: string }[] = RESTORE_REFERENCE_RULES.filter(
  (rule) => rule.target === 'delegates',
).map(({ table, field }) => ({ table, field }));
