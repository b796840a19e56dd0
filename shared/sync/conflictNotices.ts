/**
 * Conflict notices (issue 12, "Conflicts everywhere they matter"): a conflict the merge
 * detected (merge.ts mergeRecord) is stored as a record of the synced table `syncConflicts`
 * and travels in bundles like any record, so every installation that ends up with both
 * versions lists it, and settling it (keep, or use the other outcome) is a synced change.
 *
 * Pure; the engine creates notices in its import transaction, the repository settles them.
 *
 * - The id is derived from what the notice reports, so two installations that detect the
 *   same conflict create the same record and it merges to one: a field conflict by the lost
 *   change (table, record, field, its stamp), a deletion conflict by the deletion's stamp.
 * - An installation that already holds a notice of that id never writes it again: a
 *   re-import or a later detection cannot reopen what someone settled.
 * - `resolution` ('open') and `resolvedOn` (null) of a new notice are stamped SEED_STAMP,
 *   the lowest stamp: whoever detects it, and whenever, a resolution made anywhere wins over
 *   "open" (as withheld contacts do in privacy.ts), and two detections agree on them.
 */
import type { SyncConflict, SyncedTableName } from '../model';
import { deterministicId } from '../sample/deterministicId';
import type { SyncRecord } from './bundleFormat';
import { SEED_STAMP } from './hlc';
import type { PlannedConflict } from './merge';
import { normalizeRecord, stampOf } from './records';
import { sameValue, stampForEdit } from './stampChanges';
import { stampNode } from './versionVector';

export const CONFLICTS_TABLE = 'syncConflicts' satisfies SyncedTableName;

type Reported = Pick<PlannedConflict, 'table' | 'recordId' | 'field' | 'kind' | 'keptStamp' | 'otherStamp'>;

/** The notice's id: the same conflict gives the same id on every installation. */
export function conflictNoticeId(conflict: Reported): string {
  // A deletion that won is one notice, whichever edits it overrode here or there.
  const pivot = conflict.kind === 'deleted-over-edit' ? conflict.keptStamp : conflict.otherStamp;
  return deterministicId(`sync-conflict:${conflict.table}/${conflict.recordId}/${conflict.field}/${conflict.kind}/${pivot}`);
}

/** The notice of a detected conflict, as the detecting installation stores it (`stamp`: from its clock). */
export function conflictNotice(conflict: PlannedConflict, stamp: string): SyncConflict {
  const fieldStamps: Record<string, string> = {};
  const values = {
    deleted: false,
    table: conflict.table,
    recordId: conflict.recordId,
    field: conflict.field,
    kind: conflict.kind,
    keptValue: conflict.keptValue ?? null,
    keptStamp: conflict.keptStamp,
    otherValue: conflict.otherValue ?? null,
    otherStamp: conflict.otherStamp,
    ownerCountryId: conflict.ownerCountryId,
    resolution: 'open' as const,
    resolvedOn: null,
  };
  for (const field of Object.keys(values)) fieldStamps[field] = field === 'resolution' || field === 'resolvedOn' ? SEED_STAMP : stamp;
  return { id: conflictNoticeId(conflict), ...values, hlc: stamp, origin: stampNode(stamp), fieldStamps };
}

/** The edited fields a deletion conflict carries (its other or kept value), as an object. */
function editedFields(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The conflicted record as "use the other" leaves it (without stamps): the other value of
 * the field; for a deletion that won, the record back with the lost edits; for an edit that
 * brought it back, deleted after all.
 */
export function otherOutcome<T extends Record<string, unknown>>(notice: Pick<SyncConflict, 'kind' | 'field' | 'otherValue'>, current: T): T {
  switch (notice.kind) {
    case 'field':
      return { ...current, [notice.field]: notice.otherValue };
    case 'deleted-over-edit':
      return { ...current, ...editedFields(notice.otherValue), deleted: false };
    case 'edit-over-deletion':
      return { ...current, deleted: true };
  }
}

/**
 * "Delete it after all" where the record is deleted here already but the edit that brought
 * it back elsewhere never arrived (a relayed change this installation refused, or a file
 * still on its way): a write of `deleted: true` would change nothing here, and the edit
 * would still win elsewhere. The deletion is re-stamped above the edit (`keptStamp`)
 * instead; null when this copy's deletion is later than the edit already.
 */
export function reaffirmedDeletion(record: SyncRecord, keptStamp: string, clockStamp: { hlc: string; origin: string }): SyncRecord | null {
  const deletedStamp = stampOf(record, 'deleted');
  if (!record.deleted || (deletedStamp !== undefined && deletedStamp > keptStamp)) return null;
  const normalized = normalizeRecord(record);
  const stamp = stampForEdit({ ...normalized, hlc: normalized.hlc > keptStamp ? normalized.hlc : keptStamp }, clockStamp);
  return { ...normalized, hlc: stamp.hlc, origin: stamp.origin, fieldStamps: { ...normalized.fieldStamps, deleted: stamp.hlc } };
}

/**
 * The conflicts still to report, given the notices held (stored, or arriving in the same
 * import): a deletion that wins over an edit someone already chose to delete over ("Delete
 * it after all" on an edit-over-deletion notice of that record, settled 'other', that saw
 * the edit) is that person's answer, not a new conflict. It arises where the deleting
 * installation never held the edit (a relayed change it refused), so its copy cannot show
 * that it knew.
 */
export function unsettled<C extends Pick<PlannedConflict, 'table' | 'recordId' | 'kind' | 'otherStamp'>>(conflicts: readonly C[], notices: readonly Readonly<Record<string, unknown>>[]): C[] {
  return conflicts.filter(
    (conflict) =>
      conflict.kind !== 'deleted-over-edit' ||
      !notices.some(
        (notice) =>
          notice.table === conflict.table &&
          notice.recordId === conflict.recordId &&
          notice.kind === 'edit-over-deletion' &&
          notice.resolution === 'other' &&
          typeof notice.keptStamp === 'string' &&
          notice.keptStamp >= conflict.otherStamp,
      ),
  );
}

/** Whether the record still shows what the merge kept (false: it changed since, or is gone). */
export function keptStill(notice: Pick<SyncConflict, 'kind' | 'field' | 'keptValue'>, current: SyncRecord | Readonly<Record<string, unknown>> | undefined): boolean {
  if (current === undefined) return false;
  switch (notice.kind) {
    case 'field':
      return sameValue(current[notice.field] ?? null, notice.keptValue ?? null);
    case 'deleted-over-edit':
      return current.deleted === true;
    case 'edit-over-deletion':
      return current.deleted !== true;
  }
}
