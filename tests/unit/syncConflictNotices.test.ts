/** Conflict notices (shared/sync/conflictNotices.ts): ids, the stored notice, what settling writes. */
import { describe, expect, it } from 'vitest';
import { syncConflictSchema } from '../../shared/model';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { conflictNotice, conflictNoticeId, keptStill, otherOutcome, reaffirmedDeletion, unsettled } from '../../shared/sync/conflictNotices';
import { formatStamp, SEED_STAMP } from '../../shared/sync/hlc';
import type { PlannedConflict } from '../../shared/sync/merge';
import { mergeRecord } from '../../shared/sync/merge';
import { stampChanges } from '../../shared/sync/stampChanges';

const stamp = (millis: number, node: string) => formatStamp({ millis, counter: 0, node });
const RECORD = '00000000-0000-4000-8000-000000000001';

const fieldConflict: PlannedConflict = {
  table: 'comments',
  recordId: RECORD,
  kind: 'field',
  field: 'text',
  keptValue: 'later',
  keptStamp: stamp(6, 'b'),
  otherValue: 'earlier',
  otherStamp: stamp(5, 'a'),
  ownerCountryId: null,
};

describe('conflict notices', () => {
  it('give the same conflict the same id on every installation, and different conflicts different ids', () => {
    const elsewhere: PlannedConflict = { ...fieldConflict, keptValue: 'another', keptStamp: stamp(7, 'c') };
    expect(conflictNoticeId(fieldConflict)).toBe(conflictNoticeId(elsewhere));
    expect(conflictNoticeId(fieldConflict)).not.toBe(conflictNoticeId({ ...fieldConflict, otherStamp: stamp(4, 'a') }));
    expect(conflictNoticeId(fieldConflict)).not.toBe(conflictNoticeId({ ...fieldConflict, field: 'resolved' }));
    // A deletion that won is one notice, whichever edits each installation saw it override.
    const deletion = { ...fieldConflict, kind: 'deleted-over-edit' as const, field: 'deleted', keptStamp: stamp(9, 's') };
    expect(conflictNoticeId({ ...deletion, otherStamp: stamp(5, 'a') })).toBe(conflictNoticeId({ ...deletion, otherStamp: stamp(8, 'b') }));
    expect(conflictNoticeId(deletion)).not.toBe(conflictNoticeId({ ...deletion, kind: 'edit-over-deletion' }));
  });

  it('are valid records, open, with the resolution stamped lowest so any resolution wins over a later detection', () => {
    const notice = conflictNotice(fieldConflict, stamp(10, 'd'));
    expect(syncConflictSchema.safeParse(notice).success).toBe(true);
    expect(notice).toMatchObject({ resolution: 'open', resolvedOn: null, hlc: stamp(10, 'd'), origin: 'd' });
    expect(notice.fieldStamps).toMatchObject({ resolution: SEED_STAMP, resolvedOn: SEED_STAMP, kind: stamp(10, 'd') });
    // Resolved at 'e' at time 11, then the same conflict detected again at 'f' at time 20.
    const { hlc: _h, origin: _o, fieldStamps: _f, ...values } = notice;
    const resolved = stampChanges<SyncRecord>(notice, { ...values, resolution: 'kept', resolvedOn: '2024-06-01' }, { hlc: stamp(11, 'e'), origin: 'e' });
    const again = conflictNotice(fieldConflict, stamp(20, 'f')) as SyncRecord;
    if (!resolved) throw new Error('no change');
    for (const [local, incoming] of [[resolved, again], [again, resolved]] as const) {
      expect(mergeRecord(local, incoming, { senderKnows: {}, localKnows: {} }).record).toMatchObject({ resolution: 'kept', resolvedOn: '2024-06-01' });
    }
  });

  it('say what "use the other" writes and whether the record still shows what was kept', () => {
    const comment = { id: RECORD, deleted: false, text: 'later', resolved: false };
    expect(otherOutcome(fieldConflict, comment)).toEqual({ ...comment, text: 'earlier' });
    expect(keptStill(fieldConflict, comment)).toBe(true);
    expect(keptStill(fieldConflict, { ...comment, text: 'edited since' })).toBe(false);
    expect(keptStill(fieldConflict, undefined)).toBe(false);
    const lost = { kind: 'deleted-over-edit' as const, field: 'deleted', keptValue: true, otherValue: { text: 'lost edit' } };
    expect(otherOutcome(lost, { ...comment, deleted: true })).toEqual({ ...comment, deleted: false, text: 'lost edit' });
    expect(keptStill(lost, { ...comment, deleted: true })).toBe(true);
    const back = { kind: 'edit-over-deletion' as const, field: 'deleted', keptValue: { text: 'later' }, otherValue: true };
    expect(otherOutcome(back, comment)).toEqual({ ...comment, deleted: true });
    expect(keptStill(back, comment)).toBe(true);
    expect(keptStill(back, { ...comment, deleted: true })).toBe(false);
  });

  it('re-stamp a deletion above an edit this copy never held ("Delete it after all")', () => {
    const deleted = { id: RECORD, deleted: true, text: 'x', hlc: stamp(5, 's'), origin: 's', fieldStamps: { deleted: stamp(5, 's'), text: stamp(1, 's') } } as SyncRecord;
    const again = reaffirmedDeletion(deleted, stamp(8, 'b'), { hlc: stamp(6, 's'), origin: 's' });
    expect(again?.deleted).toBe(true);
    expect(again?.fieldStamps?.deleted !== undefined && again.fieldStamps.deleted > stamp(8, 'b')).toBe(true);
    expect(again?.fieldStamps?.text).toBe(stamp(1, 's'));
    // Merged with the copy that came back, the deletion now wins.
    const live = { ...deleted, deleted: false, hlc: stamp(8, 'b'), fieldStamps: { deleted: stamp(5, 's'), text: stamp(8, 'b') }, text: 'edited' } as SyncRecord;
    if (!again) throw new Error('no deletion');
    expect(mergeRecord(live, again, { senderKnows: {}, localKnows: {} }).record.deleted).toBe(true);
    // Nothing to do when the deletion is later than the edit, or the record is not deleted.
    expect(reaffirmedDeletion(deleted, stamp(4, 'b'), { hlc: stamp(6, 's'), origin: 's' })).toBeNull();
    expect(reaffirmedDeletion(live, stamp(8, 'b'), { hlc: stamp(9, 's'), origin: 's' })).toBeNull();
  });

  it('leave out a deletion over an edit someone already chose to delete over', () => {
    const overEdit = { ...fieldConflict, kind: 'deleted-over-edit' as const, field: 'deleted', otherStamp: stamp(8, 'b') };
    const answer = { table: 'comments', recordId: RECORD, kind: 'edit-over-deletion', resolution: 'other', keptStamp: stamp(8, 'b') };
    expect(unsettled([overEdit, fieldConflict], [answer])).toEqual([fieldConflict]);
    expect(unsettled([overEdit], [{ ...answer, resolution: 'open' }])).toEqual([overEdit]);
    expect(unsettled([overEdit], [{ ...answer, keptStamp: stamp(7, 'b') }])).toEqual([overEdit]);
    expect(unsettled([overEdit], [{ ...answer, recordId: 'another' }])).toEqual([overEdit]);
  });
});
