/**
 * The deleted records as the user sees them, and what a restore writes: entries grouped by
 * deletion (a meeting with the sessions deleted with it is one entry), and the closure of
 * a restore (the entry's group, the deleted records it refers to and their groups, with
 * references to merged-away people moved to the person they were merged into). Pure: the
 * repository hands in the tombstones and writes the plan in one transaction.
 */
import type { SyncedTableName } from '../model';
import {
  containerOf,
  DELEGATE_FIELDS,
  deletionStamp,
  isDeletedWith,
  referencesOf,
  refKey,
  type AnyRecord,
  type RecordRef,
} from './rules';

/** The deleted records of every table, by table and id. Records missing here are live (or unknown). */
export class TrashIndex {
  private readonly byKey = new Map<string, { table: SyncedTableName; record: AnyRecord }>();
  /** Deleted records by the key of their container (live or deleted). */
  private readonly contained = new Map<string, RecordRef[]>();

  constructor(records: Iterable<{ table: SyncedTableName; record: AnyRecord }>) {
    for (const { table, record } of records) {
      if (!record.deleted) continue;
      this.byKey.set(refKey({ table, id: record.id }), { table, record });
      const container = containerOf(table, record);
      if (container) {
        const key = refKey(container);
        const list = this.contained.get(key) ?? [];
        list.push({ table, id: record.id });
        this.contained.set(key, list);
      }
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The tombstone, or undefined when the record is live or unknown. */
  get(ref: RecordRef): AnyRecord | undefined {
    return this.byKey.get(refKey(ref))?.record;
  }

  all(): { table: SyncedTableName; record: AnyRecord }[] {
    return [...this.byKey.values()];
  }

  /** Records deleted together with this one (directly contained in it). */
  deletedWithChildren(ref: RecordRef): RecordRef[] {
    const parent = this.get(ref);
    if (!parent) return [];
    return (this.contained.get(refKey(ref)) ?? []).filter((child) => {
      const record = this.get(child);
      return record !== undefined && isDeletedWith(record, parent);
    });
  }

  /** Everything deleted with this record, at any depth (not the record itself). */
  group(ref: RecordRef): RecordRef[] {
    const out: RecordRef[] = [];
    const queue = this.deletedWithChildren(ref);
    const seen = new Set([refKey(ref)]);
    while (queue.length > 0) {
      const next = queue.shift();
      if (!next || seen.has(refKey(next))) continue;
      seen.add(refKey(next));
      out.push(next);
      queue.push(...this.deletedWithChildren(next));
    }
    return out;
  }

  /** How many records of each table were deleted with this one. */
  groupCounts(ref: RecordRef): Partial<Record<SyncedTableName, number>> {
    const counts: Partial<Record<SyncedTableName, number>> = {};
    for (const member of this.group(ref)) counts[member.table] = (counts[member.table] ?? 0) + 1;
    return counts;
  }

  /** Whether the record was deleted by the deletion of the record that holds it. */
  isDeletedWithContainer(ref: RecordRef): boolean {
    const record = this.get(ref);
    if (!record) return false;
    const container = containerOf(ref.table, record);
    const parent = container ? this.get(container) : undefined;
    return parent !== undefined && isDeletedWith(record, parent);
  }

  /** Deleted records that are not part of a deleted container's group: the list's entries. */
  topLevel(): RecordRef[] {
    return this.all()
      .map(({ table, record }) => ({ table, id: record.id }))
      .filter((ref) => !this.isDeletedWithContainer(ref));
  }

  /** The id of a merged-away person's surviving record (following merges), or null if not merged. */
  survivorOf(delegateId: string): string | null {
    let id = delegateId;
    // Bounded: a merge cycle (two machines merging each way) must not hang the screen.
    for (let hops = 0; hops < 16; hops += 1) {
      const into = this.get({ table: 'delegates', id })?.mergedIntoId;
      if (typeof into !== 'string' || into === '') break;
      id = into;
    }
    return id === delegateId ? null : id;
  }

  isMerged(ref: RecordRef): boolean {
    if (ref.table !== 'delegates') return false;
    const into = this.get(ref)?.mergedIntoId;
    return typeof into === 'string' && into !== '';
  }
}

/** The record with references to merged-away people moved to their surviving records. */
export function redirectMerged(table: SyncedTableName, record: AnyRecord, survivorOf: (id: string) => string | null): AnyRecord {
  let next: AnyRecord = record;
  for (const { field } of DELEGATE_FIELDS.filter((candidate) => candidate.table === table)) {
    const value = next[field];
    if (typeof value === 'string') {
      const survivor = survivorOf(value);
      if (survivor !== null) next = { ...next, [field]: survivor };
    } else if (Array.isArray(value)) {
      const ids = (value as unknown[]).map((id) => (typeof id === 'string' ? (survivorOf(id) ?? id) : id));
      const unique = [...new Set(ids)];
      if (unique.length !== value.length || unique.some((id, index) => id !== value[index])) next = { ...next, [field]: unique };
    }
  }
  return next;
}

export interface RestorePlan {
  root: RecordRef;
  /** Every record to write back, with `deleted: false` (and references moved after merges). */
  records: { table: SyncedTableName; record: AnyRecord }[];
  /** Records deleted with the root (its group). */
  group: RecordRef[];
  /**
   * Records outside the group that come back because something restored refers to them
   * (each with its own group, which is in `records` but not listed here).
   */
  referenced: RecordRef[];
}

/**
 * What restoring `root` writes: the root, its group, and, for every restored record, the
 * deleted records it refers to with their own groups (a record brought back as a
 * reference comes back as it was deleted, e.g. a meeting with its agenda). A merged-away
 * person is never restored: references to them move to the survivor. Returns null for a
 * record that is not deleted or was merged away.
 */
export function planRestore(index: TrashIndex, root: RecordRef): RestorePlan | null {
  if (!index.get(root) || index.isMerged(root)) return null;
  const survivorOf = (id: string) => index.survivorOf(id);
  const planned = new Map<string, { table: SyncedTableName; record: AnyRecord }>();
  const queue: RecordRef[] = [root];
  const viaReference = new Set<string>();
  while (queue.length > 0) {
    const ref = queue.shift();
    if (!ref || planned.has(refKey(ref))) continue;
    const stored = index.get(ref);
    if (!stored || index.isMerged(ref)) continue;
    const record = { ...redirectMerged(ref.table, stored, survivorOf), deleted: false };
    planned.set(refKey(ref), { table: ref.table, record });
    queue.push(...index.deletedWithChildren(ref));
    for (const target of referencesOf(ref.table, record)) {
      if (index.get(target) && !planned.has(refKey(target))) {
        viaReference.add(refKey(target));
        queue.push(target);
      }
    }
  }
  const group = index.group(root);
  const inGroup = new Set([refKey(root), ...group.map(refKey)]);
  return {
    root,
    records: [...planned.values()],
    group,
    referenced: [...planned.values()]
      .map(({ table, record }) => ({ table, id: record.id }))
      .filter((ref) => !inGroup.has(refKey(ref)) && viaReference.has(refKey(ref))),
  };
}

/** Key of a participation's meeting and person: one participation per person per meeting. */
export const participationKey = (record: AnyRecord): string => `${String(record.meetingId)}|${String(record.delegateId)}`;

/**
 * The plan without participations that would list a person twice in a meeting (possible
 * once a reference moved to a merge survivor who already takes part): such a record stays
 * deleted, and its attended days are added to the participation that is kept when that
 * one is restored too. `live` holds the keys of participations that are not deleted.
 */
export function withoutDuplicateParticipations(plan: RestorePlan, live: ReadonlySet<string>): RestorePlan {
  const kept = new Map<string, AnyRecord>();
  const dropped = new Set<string>();
  const records: RestorePlan['records'] = [];
  for (const entry of plan.records) {
    if (entry.table !== 'participations') {
      records.push(entry);
      continue;
    }
    const key = participationKey(entry.record);
    const earlier = kept.get(key);
    if (live.has(key)) {
      dropped.add(refKey({ table: 'participations', id: entry.record.id }));
    } else if (earlier) {
      const days = [...new Set([...(earlier.attendedDays as string[]), ...(entry.record.attendedDays as string[])])].sort();
      const merged = { ...earlier, attendedDays: days };
      kept.set(key, merged);
      const at = records.findIndex((candidate) => candidate.record === earlier);
      records[at] = { table: 'participations', record: merged };
      dropped.add(refKey({ table: 'participations', id: entry.record.id }));
    } else {
      kept.set(key, entry.record);
      records.push(entry);
    }
  }
  if (dropped.size === 0) return plan;
  return {
    ...plan,
    records,
    group: plan.group.filter((ref) => !dropped.has(refKey(ref))),
    referenced: plan.referenced.filter((ref) => !dropped.has(refKey(ref))),
  };
}

/** A list entry: one deletion, with what was deleted with it and what comes back with it. */
export interface TrashEntry {
  ref: RecordRef;
  record: AnyRecord;
  deletedStamp: string;
  /** How many records of each table were deleted with it. */
  groupCounts: Partial<Record<SyncedTableName, number>>;
  /** Deleted records outside the group that a restore brings back (references). */
  referenced: RecordRef[];
  /** The surviving person's id, for a record merged into another (not restorable). */
  mergedIntoId: string | null;
}

/** The entries to list, newest deletion first (ties: by table and id, the same everywhere). */
export function listEntries(index: TrashIndex): TrashEntry[] {
  const entries = index.topLevel().map((ref): TrashEntry => {
    const record = index.get(ref) as AnyRecord;
    const mergedIntoId = index.isMerged(ref) ? index.survivorOf(ref.id) : null;
    const plan = mergedIntoId === null ? planRestore(index, ref) : null;
    return {
      ref,
      record,
      deletedStamp: deletionStamp(record),
      groupCounts: index.groupCounts(ref),
      referenced: plan?.referenced ?? [],
      mergedIntoId,
    };
  });
  return entries.sort(
    (a, b) =>
      (a.deletedStamp < b.deletedStamp ? 1 : a.deletedStamp > b.deletedStamp ? -1 : 0) ||
      refKey(a.ref).localeCompare(refKey(b.ref)),
  );
}
