/**
 * Merge rules and the merge plan of an import, pure: the same inputs give the same plan on
 * every machine, so installations that exchange bundles in any order, any number of times,
 * end up with identical data.
 *
 * Rule: per field, the value with the greater stamp wins (stamps order by time, then by
 * origin id). `deleted` is a field like any other, and a record whose deletion is older
 * than another field's change comes back (records.ts: applyTombstoneRule). Changes that
 * did not know of each other are applied by the rule and reported as conflicts, so a person
 * can pick the other outcome (a new change that syncs in turn): two edits of one field
 * ('field'); a deletion that won over an edit ('deleted-over-edit'); an edit that brought a
 * deleted record back ('edit-over-deletion'). Conflict notices themselves (syncConflicts)
 * never conflict: they merge by the rule alone.
 */
import type { ConflictKind, SyncedTableName } from '../model';
import {
  judgeChange,
  judgeLockedMinutes,
  minutesLocksOf,
  ownerCountryOf,
  type Authority,
  type AuthorityVerdict,
  type MinutesLocks,
  type RefusalReason as TableRefusalReason,
} from './authorityRules';
import type { SyncRecord } from './bundleFormat';
import { compareJsonValues } from './canonicalJson';
import { applyTombstoneRule, dataFields, normalizeRecord, recordCovered, recordStamps, sameRecord, stampOf } from './records';
import { SEED_STAMP } from './hlc';
import { sameValue } from './stampChanges';
import { raiseVector, stampNode, vectorCovers, type VersionVector } from './versionVector';

export interface FieldConflict {
  kind: ConflictKind;
  /** The conflicted field; 'deleted' for the two deletion kinds. */
  field: string;
  keptValue: unknown;
  keptStamp: string;
  otherValue: unknown;
  otherStamp: string;
}

export interface MergeContext {
  /** What the sender held when it exported (its vector): a change it held was overwritten knowingly. */
  senderKnows: VersionVector;
  /** What this installation held before the import. */
  localKnows: VersionVector;
  /** Incoming fields that must not be applied (no authority for them). */
  blockedFields?: ReadonlySet<string>;
}

export interface RecordMerge {
  record: SyncRecord;
  /** False when the result means the same as `local` (nothing to write). */
  changed: boolean;
  conflicts: FieldConflict[];
}

/**
 * Whether a copy of a record proves its holder had seen the change stamped `stamp`: it
 * carries a stamp of the same installation at least as late. That installation's later
 * write to this record was made on a copy holding the earlier one, and merges only ever
 * move a field's stamp forward, so every copy descending from it holds `stamp` or newer.
 */
function carriesLaterStampOf(record: SyncRecord, stamp: string): boolean {
  const node = stampNode(stamp);
  return recordStamps(record).some((candidate) => candidate >= stamp && stampNode(candidate) === node);
}

/** One side of a merge, as it takes part: the incoming side without its blocked fields. */
interface Side {
  record: SyncRecord;
  stamp(field: string): string | undefined;
  /** Whether this side's copy (or its holder, by its vector) had seen the change stamped `stamp`. */
  knows(stamp: string): boolean;
}

/**
 * A deletion and an edit that did not know of each other (the tombstone rule decided):
 *   - the record stays deleted while the other side had edited it (its edits are newer than
 *     the deleting side's values of those fields, and the deleting side had not seen them):
 *     'deleted-over-edit', kept true (the deletion), other the lost edits by field;
 *   - the record came back because the other side edited it after the deletion without
 *     having seen it: 'edit-over-deletion', kept the edits that brought it back, other true.
 * Both are reported whichever side is local, with the same content: the merged record and
 * the two sides decide, not the order.
 */
function deletionConflict(merged: SyncRecord, stamps: Readonly<Record<string, string>>, rawDeleted: unknown, sides: readonly [Side, Side]): FieldConflict | null {
  const deletedStamp = stamps.deleted;
  if (deletedStamp === undefined || rawDeleted !== true) return null;
  const isDeleted = (side: Side) => side.stamp('deleted') !== undefined && side.record.deleted;
  const deleting = sides.find((side) => side.stamp('deleted') === deletedStamp && isDeleted(side));
  const editing = sides.find((side) => side !== deleting);
  if (!deleting || !editing || isDeleted(editing)) return null;
  const edits: Record<string, unknown> = {};
  let editStamp: string | undefined;
  for (const field of dataFields(editing.record)) {
    if (field === 'deleted') continue;
    const stamp = editing.stamp(field);
    if (stamp === undefined || stamps[field] !== stamp || stamp === deleting.stamp(field)) continue;
    if (merged.deleted) {
      // Lost to the deletion: newer than the deleting side's value, unseen by it.
      if (deleting.knows(stamp)) continue;
    } else if (stamp <= deletedStamp) continue; // only edits after the deletion bring a record back
    edits[field] = editing.record[field] ?? null;
    if (editStamp === undefined || stamp > editStamp) editStamp = stamp;
  }
  if (editStamp === undefined) return null;
  if (merged.deleted) {
    return { kind: 'deleted-over-edit', field: 'deleted', keptValue: true, keptStamp: deletedStamp, otherValue: edits, otherStamp: editStamp };
  }
  // Brought back: only by an edit made without knowing of the deletion. A copy that holds
  // the deletion already came back elsewhere (where it was reported).
  if (editing.knows(deletedStamp)) return null;
  return { kind: 'edit-over-deletion', field: 'deleted', keptValue: edits, keptStamp: editStamp, otherValue: true, otherStamp: deletedStamp };
}

/** Merges one incoming record into the local one (undefined: not held yet). */
export function mergeRecord(local: SyncRecord | undefined, incoming: SyncRecord, context: MergeContext): RecordMerge {
  if (local === undefined) return { record: normalizeRecord(incoming), changed: true, conflicts: [] };
  const blocked = context.blockedFields;
  const values: Record<string, unknown> = { id: local.id };
  const stamps: Record<string, string> = {};
  const contested: { field: string; winner: 'local' | 'incoming'; localStamp: string; incomingStamp: string }[] = [];
  let hlc: string | undefined;

  for (const field of new Set([...dataFields(local), ...dataFields(incoming)])) {
    const localStamp = stampOf(local, field);
    const incomingStamp = blocked?.has(field) ? undefined : stampOf(incoming, field);
    let takeIncoming: boolean;
    if (incomingStamp === undefined) takeIncoming = false;
    else if (localStamp === undefined) takeIncoming = true;
    else if (incomingStamp !== localStamp) takeIncoming = incomingStamp > localStamp;
    // Equal stamps mean the same write, hence the same value; a crafted file may differ,
    // and the greater value then wins everywhere alike.
    else takeIncoming = compareJsonValues(incoming[field], local[field]) > 0;

    const stamp = takeIncoming ? incomingStamp : localStamp;
    const value = takeIncoming ? incoming[field] : local[field];
    if (stamp === undefined) continue;
    stamps[field] = stamp;
    if (value !== undefined) values[field] = value;
    if (hlc === undefined || stamp > hlc) hlc = stamp;

    if (
      field !== 'deleted' &&
      localStamp !== undefined &&
      incomingStamp !== undefined &&
      localStamp !== incomingStamp &&
      !sameValue(local[field], incoming[field])
    ) {
      contested.push({ field, winner: takeIncoming ? 'incoming' : 'local', localStamp, incomingStamp });
    }
  }
  const rawDeleted = values.deleted;
  applyTombstoneRule(values, stamps);
  const top = hlc ?? local.hlc;
  const record = { ...values, hlc: top, origin: stampNode(top), fieldStamps: stamps } as SyncRecord;

  const conflicts: FieldConflict[] = [];
  const localSide: Side = {
    record: local,
    stamp: (field) => stampOf(local, field),
    knows: (stamp) => vectorCovers(context.localKnows, stamp) || carriesLaterStampOf(local, stamp),
  };
  const incomingSide: Side = {
    record: incoming,
    stamp: (field) => (blocked?.has(field) ? undefined : stampOf(incoming, field)),
    knows: (stamp) => vectorCovers(context.senderKnows, stamp) || carriesLaterStampOf(incoming, stamp),
  };
  const deletion = deletionConflict(record, stamps, rawDeleted, [localSide, incomingSide]);
  if (deletion) conflicts.push(deletion);
  for (const { field, winner, localStamp, incomingStamp } of contested) {
    // Concurrent: the winner's side had not seen the loser's change when it wrote.
    const concurrent =
      winner === 'incoming'
        ? !vectorCovers(context.senderKnows, localStamp) && !carriesLaterStampOf(incoming, localStamp)
        : !vectorCovers(context.localKnows, incomingStamp) && !carriesLaterStampOf(local, incomingStamp);
    if (!concurrent) continue;
    conflicts.push(
      winner === 'incoming'
        ? { kind: 'field', field, keptValue: incoming[field], keptStamp: incomingStamp, otherValue: local[field], otherStamp: localStamp }
        : { kind: 'field', field, keptValue: local[field], keptStamp: localStamp, otherValue: incoming[field], otherStamp: incomingStamp },
    );
  }
  return { record, changed: !sameRecord(local, record), conflicts };
}

/** One signed set of changes: a changes bundle, or one part of a merged bundle. */
export interface PlanUnit {
  signerId: string;
  signerName: string;
  authority: Authority;
  /** The signer's country as this installation trusted it (a delegation's own records); null for the secretariat. */
  countryId?: string | null;
  records: Partial<Record<SyncedTableName, readonly SyncRecord[]>>;
  /** What the sender held (for telling concurrent edits apart); {} when unknown. */
  senderKnows: VersionVector;
  /**
   * Vector entries this import may adopt once the unit is merged (already limited by the
   * caller to claims it accepts), or null for a partial bundle that proves nothing.
   */
  vectorClaim: VersionVector | null;
}

export type LocalLookup = (table: SyncedTableName, id: string) => SyncRecord | undefined;

export interface PlanInput {
  units: readonly PlanUnit[];
  /** The stored record, for ids `uncoveredIds` listed (others are never asked for). */
  local: LocalLookup;
  localVector: VersionVector;
  /** Which incoming fields the unit's signer may not change; the authority table by default. */
  judge?: Judge;
  /** This installation's id: its own changes handed back after a restore are checked against `ledger`. */
  selfId?: string;
  ledger?: LedgerLookup;
  /**
   * Meetings whose minutes this computer holds as approved, with the approval's stamp:
   * later changes to what they record are refused (authorityRules judgeLockedMinutes).
   * Approvals arriving in the same import are added from the units.
   */
  minutesLocks?: MinutesLocks;
}

/** An own change a restore removed, as kept at the restore (engine RestoreState). */
export type LedgerLookup = (table: SyncedTableName, id: string, field: string) => { stamp: string; value: unknown } | undefined;

/** Why a change was left out. */
/** Why a change was left out: the authority table's reason. */
export type RefusalReason = TableRefusalReason;

export type Judge = (table: SyncedTableName, incoming: SyncRecord, unit: PlanUnit) => AuthorityVerdict;

/** The authority table (authorityRules.ts), applied to the unit's signer. */
const tableJudge: Judge = (table, incoming, unit) =>
  judgeChange(table, incoming, { authority: unit.authority, countryId: unit.countryId ?? null, signerId: unit.signerId });

/** The record with one field's value and stamp replaced. */
function withField(record: SyncRecord, field: string, value: unknown, stamp: string): SyncRecord {
  const normalized = normalizeRecord(record);
  const stamps = { ...normalized.fieldStamps, [field]: stamp };
  return normalizeRecord({ ...normalized, [field]: value, fieldStamps: stamps });
}

export interface PlannedConflict extends FieldConflict {
  table: SyncedTableName;
  recordId: string;
  /** The conflicted record's owning country where its table has one (authorityRules ownerCountryOf). */
  ownerCountryId: string | null;
}

export interface RefusedChange {
  table: SyncedTableName;
  recordId: string;
  /** null: the whole record; otherwise the fields that were left out. */
  fields: string[] | null;
  signerId: string;
  signerName: string;
  reason: RefusalReason;
}

export interface TableSummary {
  new: number;
  updated: number;
  deleted: number;
  unchanged: number;
  /** Records with at least one conflicting field (also counted as updated or unchanged). */
  conflicting: number;
  /** Records with changes refused for lack of authority. */
  refused: number;
}

export interface MergePlan {
  /** Records to store, per table (the complete stored form). */
  writes: Partial<Record<SyncedTableName, SyncRecord[]>>;
  summary: Record<SyncedTableName, TableSummary>;
  /** Final state of each changed or conflicting record, before and after, for the preview. */
  changes: PlannedChange[];
  conflicts: PlannedConflict[];
  refused: RefusedChange[];
  /** The local vector after the import. */
  vector: Record<string, string>;
  /** Greatest stamp per origin among incoming records not already held: the clock must receive them. */
  maxStamps: Record<string, string>;
  /** Incoming records in all units. */
  incoming: number;
}

export interface PlannedChange {
  table: SyncedTableName;
  before: SyncRecord | undefined;
  after: SyncRecord;
}

/** Ids of incoming records the local state may not cover: the only ones to read from the database. */
export function uncoveredIds(units: readonly PlanUnit[], localVector: VersionVector): Map<SyncedTableName, Set<string>> {
  const out = new Map<SyncedTableName, Set<string>>();
  for (const unit of units) {
    for (const [table, records] of entries(unit.records)) {
      let ids = out.get(table);
      for (const record of records) {
        if (recordCovered(record, localVector)) continue;
        if (!ids) {
          ids = new Set();
          out.set(table, ids);
        }
        ids.add(record.id);
      }
    }
  }
  return out;
}

function entries(records: PlanUnit['records']): [SyncedTableName, readonly SyncRecord[]][] {
  return Object.entries(records) as [SyncedTableName, readonly SyncRecord[]][];
}

function emptySummary(): TableSummary {
  return { new: 0, updated: 0, deleted: 0, unchanged: 0, conflicting: 0, refused: 0 };
}

interface Touched {
  before: SyncRecord | undefined;
  current: SyncRecord | undefined;
  conflicted: boolean;
  refused: boolean;
}

export function planMerge(tableNames: readonly SyncedTableName[], input: PlanInput): MergePlan {
  const { units, local, localVector } = input;
  const touched = new Map<SyncedTableName, Map<string, Touched>>();
  const summary = Object.fromEntries(tableNames.map((name) => [name, emptySummary()])) as Record<SyncedTableName, TableSummary>;
  const conflicts = new Map<string, PlannedConflict>();
  const refused: RefusedChange[] = [];
  /** Origins whose changes were left out: their vector entries must not advance. */
  const droppedNodes = new Set<string>();
  const maxStamps = new Map<string, string>();
  let incoming = 0;
  const unchangedCovered = new Map<SyncedTableName, Set<string>>();

  const tableJudgeOf = input.judge ?? tableJudge;
  // Approved minutes lock their meeting's outcomes and attendance, whoever signs a change.
  const locks = new Map(input.minutesLocks ?? []);
  for (const unit of units) if (unit.authority === 'official' && unit.records.minutes) minutesLocksOf(unit.records.minutes, locks);
  const judge: Judge = (table, record, unit) => {
    const verdict = tableJudgeOf(table, record, unit);
    if (verdict.refusedFields === 'record' || locks.size === 0) return verdict;
    const locked = judgeLockedMinutes(table, record, locks);
    if (locked.refusedFields === null) return verdict;
    if (verdict.refusedFields === null || locked.refusedFields === 'record') return locked;
    return { refusedFields: [...new Set([...verdict.refusedFields, ...locked.refusedFields])], reason: verdict.reason };
  };
  const { selfId, ledger } = input;
  const refuse = (unit: PlanUnit, table: SyncedTableName, record: SyncRecord, fields: string[] | null, why: RefusalReason) => {
    refused.push({ table, recordId: record.id, fields, signerId: unit.signerId, signerName: unit.signerName, reason: why });
    if (fields === null) for (const stamp of recordStamps(record)) droppedNodes.add(stampNode(stamp));
    else for (const field of fields) {
      const stamp = stampOf(record, field);
      if (stamp !== undefined) droppedNodes.add(stampNode(stamp));
    }
  };

  for (const unit of units) {
    for (const [table, records] of entries(unit.records)) {
      let tableTouched = touched.get(table);
      if (!tableTouched) {
        tableTouched = new Map();
        touched.set(table, tableTouched);
      }
      for (const record of records) {
        incoming += 1;
        let entry = tableTouched.get(record.id);
        if (entry === undefined && recordCovered(record, localVector)) {
          // Held already (the fast path of a re-import): no read, nothing to do.
          let covered = unchangedCovered.get(table);
          if (!covered) {
            covered = new Set();
            unchangedCovered.set(table, covered);
          }
          covered.add(record.id);
          continue;
        }
        // Stamps this installation has not held yet: the clock must move past them.
        for (const stamp of recordStamps(record)) {
          const node = stampNode(stamp);
          const top = maxStamps.get(node);
          if (top === undefined || stamp > top) maxStamps.set(node, stamp);
        }
        if (entry === undefined) {
          const stored = local(table, record.id);
          entry = { before: stored, current: stored, conflicted: false, refused: false };
          tableTouched.set(record.id, entry);
        }
        const context: MergeContext = { senderKnows: unit.senderKnows, localKnows: localVector };
        const verdict = judge(table, record, unit);
        let offered = record;
        const blocked: string[] = [];
        let reason: RefusalReason | null = null;
        if (verdict.refusedFields !== null) {
          reason = verdict.reason;
          const asked = verdict.refusedFields === 'record' ? dataFields(record) : verdict.refusedFields;
          for (const field of asked) {
            const stamp = stampOf(record, field);
            if (stamp === undefined) continue;
            // This installation's own change, removed by a restore and handed back: taken
            // from the ledger it kept, never from the file (which could forge it).
            const kept = selfId !== undefined && stampNode(stamp) === selfId ? ledger?.(table, record.id, field) : undefined;
            if (kept && kept.stamp >= stamp) offered = withField(offered, field, kept.value, kept.stamp);
            else blocked.push(field);
          }
          // Fields at the seed stamp (contacts withheld for privacy) carry no change to judge:
          // they lose to any real value. They come along with a record whose real changes
          // passed (the ledger's, above); a record of nothing but seed stamps still does not.
          const real = blocked.filter((field) => stampOf(record, field) !== SEED_STAMP);
          if (real.length === 0 && blocked.length < asked.length) blocked.length = 0;
        }
        let merged = mergeRecord(entry.current, offered, context);
        if (blocked.length > 0) {
          const allowed = entry.current === undefined ? undefined : mergeRecord(entry.current, offered, { ...context, blockedFields: new Set(blocked) });
          if (!allowed || !sameRecord(allowed.record, merged.record)) {
            const wholeRecord = allowed === undefined || verdict.refusedFields === 'record' && blocked.length === dataFields(record).length;
            const relayed =
              unit.authority !== 'none' &&
              reason !== 'minutes-approved' &&
              blocked.every((field) => {
                const stamp = stampOf(record, field);
                return stamp === undefined || stampNode(stamp) !== unit.signerId;
              });
            refuse(unit, table, record, wholeRecord ? null : blocked, relayed ? 'relayed' : (reason ?? 'untrusted-role'));
            entry.refused = true;
            if (!allowed) continue;
          }
          // Its conflicts too: a signer without authority over a field offers no alternative value for it.
          merged = allowed;
        }
        // Notices merge by the rule alone: reporting their own differences would never end.
        if (table !== 'syncConflicts') {
          for (const conflict of merged.conflicts) {
            const ownerCountryId = ownerCountryOf(table, merged.record);
            conflicts.set(`${table}\u0000${record.id}\u0000${conflict.field}\u0000${conflict.kind}`, { table, recordId: record.id, ...conflict, ownerCountryId });
            entry.conflicted = true;
          }
        }
        if (merged.changed) entry.current = merged.record;
      }
    }
  }

  const writes: Partial<Record<SyncedTableName, SyncRecord[]>> = {};
  const changes: PlannedChange[] = [];
  for (const [table, tableTouched] of touched) {
    const counts = summary[table];
    const covered = unchangedCovered.get(table);
    if (covered) for (const id of covered) if (!tableTouched.has(id)) counts.unchanged += 1;
    for (const entry of tableTouched.values()) {
      if (entry.conflicted) counts.conflicting += 1;
      if (entry.refused) counts.refused += 1;
      const { before, current } = entry;
      if (current === undefined) continue; // only refused changes to a record not held
      if (before !== undefined && sameRecord(before, current)) {
        if (!entry.refused) counts.unchanged += 1;
        continue;
      }
      if (before === undefined) {
        if (current.deleted) counts.deleted += 1;
        else counts.new += 1;
      } else if (!before.deleted && current.deleted) counts.deleted += 1;
      else counts.updated += 1;
      (writes[table] ??= []).push(current);
      changes.push({ table, before, after: current });
    }
  }

  const vector: Record<string, string> = { ...localVector };
  for (const unit of units) {
    if (unit.vectorClaim === null) continue;
    for (const stamp of Object.values(unit.vectorClaim)) if (!droppedNodes.has(stampNode(stamp))) raiseVector(vector, stamp);
  }

  return { writes, summary, changes, conflicts: [...conflicts.values()], refused, vector, maxStamps: Object.fromEntries(maxStamps), incoming };
}
