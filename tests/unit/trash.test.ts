/**
 * Recently deleted, the pure rules (shared/trash): what was deleted with what, what a
 * restore brings back, merged people, duplicate participations, article order, and the
 * property that a restore gives back exactly what the deletion took.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncedTableName } from '../../shared/model';
import { formatStamp } from '../../shared/sync/hlc';
import { placeRestoredArticles } from '../../shared/trash/articles';
import { listEntries, planRestore, TrashIndex, withoutDuplicateParticipations } from '../../shared/trash/plan';
import { deletionStamp, isDeletedWith, refKey, type AnyRecord, type RecordRef } from '../../shared/trash/rules';

const stamp = (millis: number, node = 'A', counter = 0) => formatStamp({ millis, counter, node });

/** A stored record: `deletedAt` stamps its deletion field, like writes.ts does. */
function rec(id: string, fields: Record<string, unknown>, deletedAt: string | null): AnyRecord {
  const hlc = deletedAt ?? stamp(1);
  return { id, hlc, origin: 'A', deleted: deletedAt !== null, fieldStamps: { deleted: hlc }, ...fields };
}

const entry = (table: SyncedTableName, record: AnyRecord) => ({ table, record });
const keys = (refs: readonly RecordRef[]) => refs.map(refKey).sort();

describe('deleted with', () => {
  const meeting = rec('m', {}, stamp(100));
  it('counts a child deleted at or after its container, by the same installation', () => {
    expect(isDeletedWith(rec('s', { meetingId: 'm' }, stamp(100, 'A', 1)), meeting)).toBe(true);
    expect(isDeletedWith(rec('s', { meetingId: 'm' }, stamp(100)), meeting)).toBe(true);
  });
  it('does not count one deleted before, or by another installation, or not deleted', () => {
    expect(isDeletedWith(rec('s', { meetingId: 'm' }, stamp(99)), meeting)).toBe(false);
    expect(isDeletedWith(rec('s', { meetingId: 'm' }, stamp(101, 'B')), meeting)).toBe(false);
    expect(isDeletedWith(rec('s', { meetingId: 'm' }, null), meeting)).toBe(false);
  });
  it('reads the deletion from the field stamp, else the record stamp', () => {
    const record = { ...rec('x', {}, stamp(5)), hlc: stamp(9), fieldStamps: { deleted: stamp(5) } };
    expect(deletionStamp(record)).toBe(stamp(5));
    const { fieldStamps: _omit, ...bare } = record;
    expect(deletionStamp(bare)).toBe(stamp(9));
  });
});

describe('entries and restore plans', () => {
  // Session s0 deleted on its own first; then the meeting with s1, s2, p1, decision d1.
  const records = [
    entry('delegates', rec('dx', { nameLatin: 'Deleted Person', mergedIntoId: null }, stamp(50))),
    entry('sessions', rec('s0', { meetingId: 'm', moderatorIds: [], speakerIds: ['dx'] }, stamp(90))),
    entry('meetings', rec('m', { hostOrganizationId: null, coOrganizerIds: [] }, stamp(100))),
    entry('sessions', rec('s1', { meetingId: 'm', moderatorIds: [], speakerIds: [] }, stamp(100, 'A', 1))),
    entry('sessions', rec('s2', { meetingId: 'm', moderatorIds: [], speakerIds: [] }, stamp(100, 'A', 2))),
    entry('participations', rec('p1', { meetingId: 'm', delegateId: 'dx', attendedDays: [] }, stamp(100, 'A', 3))),
    entry('decisions', rec('d1', { meetingId: 'm' }, stamp(100, 'A', 4))),
    entry('organizations', rec('o', { countryId: null }, stamp(200))),
  ];
  const index = new TrashIndex(records);

  it('lists one entry per deletion, newest first, with what went with it', () => {
    const entries = listEntries(index);
    expect(entries.map((e) => refKey(e.ref))).toEqual(['organizations:o', 'meetings:m', 'sessions:s0', 'delegates:dx']);
    expect(entries[1]?.groupCounts).toEqual({ sessions: 2, participations: 1, decisions: 1 });
    expect(keys(entries[1]?.referenced ?? [])).toEqual(['delegates:dx']);
  });

  it('restores a meeting with exactly what was deleted with it, and the person it names', () => {
    const plan = planRestore(index, { table: 'meetings', id: 'm' });
    expect(keys(plan?.records.map((r) => ({ table: r.table, id: r.record.id })) ?? [])).toEqual(
      ['decisions:d1', 'delegates:dx', 'meetings:m', 'participations:p1', 'sessions:s1', 'sessions:s2'].sort(),
    );
    expect(plan?.records.every((r) => !r.record.deleted)).toBe(true);
    expect(keys(plan?.referenced ?? [])).toEqual(['delegates:dx']);
  });

  it('restores a session deleted on its own with its meeting, as that was deleted', () => {
    const plan = planRestore(index, { table: 'sessions', id: 's0' });
    expect(keys(plan?.records.map((r) => ({ table: r.table, id: r.record.id })) ?? [])).toEqual(
      ['decisions:d1', 'delegates:dx', 'meetings:m', 'participations:p1', 'sessions:s0', 'sessions:s1', 'sessions:s2'].sort(),
    );
    expect(plan?.group).toEqual([]);
  });

  it('plans nothing for a live record', () => {
    expect(planRestore(index, { table: 'meetings', id: 'live' })).toBeNull();
  });
});

describe('merged people', () => {
  const records = [
    entry('delegates', rec('old', { nameLatin: 'Old', mergedIntoId: 'mid' }, stamp(300))),
    entry('delegates', rec('mid', { nameLatin: 'Mid', mergedIntoId: 'new' }, stamp(310))),
    entry('meetings', rec('m', { hostOrganizationId: null, coOrganizerIds: [] }, stamp(100))),
    entry('participations', rec('p-old', { meetingId: 'm', delegateId: 'old', attendedDays: ['2026-01-02'] }, stamp(100, 'A', 1))),
    entry('participations', rec('p-new', { meetingId: 'm', delegateId: 'new', attendedDays: ['2026-01-01'] }, stamp(100, 'A', 2))),
    entry('sessions', rec('s', { meetingId: 'm', moderatorIds: ['old'], speakerIds: ['old', 'new'] }, stamp(100, 'A', 3))),
  ];
  const index = new TrashIndex(records);

  it('are listed as merged and never restored; references follow the merges', () => {
    const entries = listEntries(index);
    const old = entries.find((e) => e.ref.id === 'old');
    expect(old?.mergedIntoId).toBe('new');
    expect(planRestore(index, { table: 'delegates', id: 'old' })).toBeNull();
    const plan = planRestore(index, { table: 'meetings', id: 'm' });
    const byId = new Map(plan?.records.map((r) => [r.record.id, r.record]));
    expect(byId.has('old')).toBe(false);
    expect(byId.get('p-old')?.delegateId).toBe('new');
    expect(byId.get('s')).toMatchObject({ moderatorIds: ['new'], speakerIds: ['new'] });
  });

  it('keep one participation per person, joining the attended days', () => {
    const plan = planRestore(index, { table: 'meetings', id: 'm' });
    if (!plan) throw new Error('no plan');
    const deduped = withoutDuplicateParticipations(plan, new Set());
    const participations = deduped.records.filter((r) => r.table === 'participations');
    expect(participations).toHaveLength(1);
    expect(participations[0]?.record.attendedDays).toEqual(['2026-01-01', '2026-01-02']);
    expect(deduped.group.filter((ref) => ref.table === 'participations')).toHaveLength(1);
    // A live participation of the same person wins: the restored ones stay deleted.
    const withLive = withoutDuplicateParticipations(plan, new Set(['m|new']));
    expect(withLive.records.filter((r) => r.table === 'participations')).toHaveLength(0);
  });
});

describe('references that are history', () => {
  it('an accepted "delete" amendment does not bring back the article it deleted', () => {
    const index = new TrashIndex([
      entry('articles', rec('a', { documentId: 'doc' }, stamp(10))),
      entry('amendments', rec('x', { documentId: 'doc', articleId: 'a', kind: 'delete', status: 'accepted', proposedByCountryId: null, proposedByDelegateId: null }, stamp(20))),
      entry('amendments', rec('y', { documentId: 'doc', articleId: 'a', kind: 'replace', status: 'proposed', proposedByCountryId: null, proposedByDelegateId: null }, stamp(30))),
    ]);
    expect(planRestore(index, { table: 'amendments', id: 'x' })?.records.map((r) => r.record.id)).toEqual(['x']);
    expect(planRestore(index, { table: 'amendments', id: 'y' })?.records.map((r) => r.record.id).sort()).toEqual(['a', 'y']);
  });
});

describe('restored articles', () => {
  it('keep a free sort key: nothing else changes', () => {
    expect(placeRestoredArticles([{ id: 'a', order: 1000 }, { id: 'c', order: 3000 }], [{ id: 'b', order: 2000 }])).toEqual(new Map());
  });
  it('take a fresh key after an article that took theirs', () => {
    const changes = placeRestoredArticles(
      [
        { id: 'a', order: 1000 },
        { id: 'new', order: 2000 },
        { id: 'c', order: 3000 },
      ],
      [{ id: 'b', order: 2000 }],
    );
    expect(changes).toEqual(new Map([['b', 2500]]));
  });
  it('spread the keys out when there is no room, and never share a key', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 0, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 5 }),
        (liveKeys, restoredKeys) => {
          const live = liveKeys.map((order, i) => ({ id: `l${String(i)}`, order: order * 1e-7 }));
          const restored = restoredKeys.map((order, i) => ({ id: `r${String(i)}`, order: order * 1e-7 }));
          const changes = placeRestoredArticles(live, restored);
          const finalOrders = [...live, ...restored].map((a) => changes.get(a.id) ?? a.order);
          // Restored articles with the same key among themselves are ordered by id, as before deletion.
          const restoredShared = restored.length - new Set(restored.map((a) => a.order)).size;
          expect(new Set(finalOrders).size).toBeGreaterThanOrEqual(finalOrders.length - restoredShared);
          const liveAfter = [...live].sort((a, b) => a.order - b.order).map((a) => changes.get(a.id) ?? a.order);
          // Live articles keep their relative order.
          expect([...liveAfter].sort((a, b) => a - b)).toEqual(liveAfter);
        },
      ),
    );
  });
});

describe('restore after delete', () => {
  type Op = { kind: 'session'; index: number } | { kind: 'meeting'; index: number } | { kind: 'person'; index: number };
  const op = fc.oneof(
    fc.record({ kind: fc.constant('session' as const), index: fc.nat(40) }),
    fc.record({ kind: fc.constant('meeting' as const), index: fc.nat(40) }),
    fc.record({ kind: fc.constant('person' as const), index: fc.nat(40) }),
  );

  it('gives back exactly the live records before the delete, plus the deleted people they name', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.tuple(fc.nat(2), fc.nat(5)), { minLength: 1, maxLength: 12 }),
        fc.array(op, { maxLength: 10 }),
        op,
        (meetingCount, children, history, last) => {
          let millis = 1000;
          const store = new Map<string, { table: SyncedTableName; record: AnyRecord }>();
          const put = (table: SyncedTableName, record: AnyRecord) => store.set(`${table}:${record.id}`, { table, record });
          for (let d = 0; d < 4; d += 1) put('delegates', rec(`d${String(d)}`, { mergedIntoId: null }, null));
          for (let m = 0; m < meetingCount; m += 1) put('meetings', rec(`m${String(m)}`, { hostOrganizationId: null, coOrganizerIds: [] }, null));
          children.forEach(([m, d], i) => {
            const meetingId = `m${String(m % meetingCount)}`;
            put('sessions', rec(`s${String(i)}`, { meetingId, moderatorIds: [], speakerIds: [`d${String(d % 4)}`] }, null));
            put('participations', rec(`p${String(i)}`, { meetingId, delegateId: `d${String(d % 4)}`, attendedDays: [] }, null));
          });
          const del = (key: string) => {
            const found = store.get(key);
            if (!found || found.record.deleted) return;
            millis += 1;
            const at = stamp(millis);
            put(found.table, { ...found.record, deleted: true, hlc: at, fieldStamps: { ...found.record.fieldStamps, deleted: at } });
          };
          const live = (table: SyncedTableName) => [...store.values()].filter((r) => r.table === table && !r.record.deleted);
          /** Deletes as the app does; returns the entry the deletion makes, if it deleted something. */
          const apply = (step: Op): RecordRef | null => {
            const pool = live(step.kind === 'session' ? 'sessions' : step.kind === 'meeting' ? 'meetings' : 'delegates');
            const target = pool[step.index % Math.max(pool.length, 1)];
            if (!target) return null;
            const key = `${target.table}:${target.record.id}`;
            if (step.kind === 'meeting') {
              del(key); // the meeting first (meetingsRepository.remove), then its children
              for (const child of [...live('sessions'), ...live('participations')]) {
                if (child.record.meetingId === target.record.id) del(`${child.table}:${child.record.id}`);
              }
            } else {
              del(key);
            }
            return { table: target.table, id: target.record.id };
          };
          history.forEach(apply);
          const before = new Set([...store.values()].filter((r) => !r.record.deleted).map((r) => `${r.table}:${r.record.id}`));
          const deletedRef = apply(last);
          if (!deletedRef) return;

          const index = new TrashIndex(store.values());
          expect(keys(index.topLevel())).toContain(refKey(deletedRef));
          const plan = planRestore(index, deletedRef);
          if (!plan) throw new Error('no plan');
          for (const { table, record } of plan.records) put(table, record);
          const after = new Set([...store.values()].filter((r) => !r.record.deleted).map((r) => `${r.table}:${r.record.id}`));
          const extra = [...after].filter((key) => !before.has(key));
          const missing = [...before].filter((key) => !after.has(key));
          expect(missing).toEqual([]);
          // Anything more is a record the restored ones refer to (a person, the meeting of a
          // session deleted on its own, with what was deleted with that meeting).
          const referenced = new Set([...plan.referenced, ...plan.referenced.flatMap((ref) => index.group(ref))].map(refKey));
          for (const key of extra) expect(referenced.has(key), key).toBe(true);
          if (deletedRef.table !== 'sessions') {
            // A meeting or a person: nothing outside the deletion but deleted people.
            for (const key of extra) expect(key.startsWith('delegates:') || key === refKey(deletedRef)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
