/** The merge rules, pure: per-field last writer wins, tombstones, conflicts, authority, trust and version vectors. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import type { VerifiedUnit } from '../../shared/sync/bundleRead';
import { formatStamp } from '../../shared/sync/hlc';
import { acceptedVectorClaim, evaluateTrust, type LocalIdentity } from '../../shared/sync/importChecks';
import { mergeRecord, planMerge, uncoveredIds, type PlanUnit } from '../../shared/sync/merge';
import { normalizeRecord } from '../../shared/sync/records';
import { stampChanges } from '../../shared/sync/stampChanges';

const stamp = (millis: number, node: string, counter = 0) => formatStamp({ millis, counter, node });
const none = { senderKnows: {}, localKnows: {} };

function record(fields: Record<string, [unknown, string]>): SyncRecord {
  const values: Record<string, unknown> = {};
  const fieldStamps: Record<string, string> = {};
  let hlc = '';
  for (const [field, [value, at]] of Object.entries(fields)) {
    values[field] = value;
    fieldStamps[field] = at;
    if (at > hlc) hlc = at;
  }
  return { id: 'r1', ...values, hlc, origin: hlc.slice(22), fieldStamps } as SyncRecord;
}

describe('mergeRecord', () => {
  it('keeps the later value of each field, so edits of different fields both survive', () => {
    const local = record({ deleted: [false, stamp(1, 'a')], name: ['Asanov', stamp(5, 'a')], email: ['old@x', stamp(1, 'a')] });
    const incoming = record({ deleted: [false, stamp(1, 'a')], name: ['Asanov', stamp(1, 'a')], email: ['new@x', stamp(7, 'b')] });
    const { record: merged, changed, conflicts } = mergeRecord(local, incoming, none);
    expect(merged).toMatchObject({ name: 'Asanov', email: 'new@x', hlc: stamp(7, 'b'), origin: 'b' });
    expect(merged.fieldStamps).toMatchObject({ name: stamp(5, 'a'), email: stamp(7, 'b') });
    expect(changed).toBe(true);
    expect(conflicts).toEqual([]);
  });

  it('reports concurrent edits of one field, whichever side wins', () => {
    const local = record({ deleted: [false, stamp(1, 'a')], email: ['a@x', stamp(5, 'a')] });
    const incoming = record({ deleted: [false, stamp(1, 'a')], email: ['b@x', stamp(6, 'b')] });
    expect(mergeRecord(local, incoming, none).conflicts).toEqual([
      { kind: 'field', field: 'email', keptValue: 'b@x', keptStamp: stamp(6, 'b'), otherValue: 'a@x', otherStamp: stamp(5, 'a') },
    ]);
    // The local value wins when it is later; still a conflict, the other value offered.
    const older = record({ deleted: [false, stamp(1, 'a')], email: ['b@x', stamp(4, 'b')] });
    const result = mergeRecord(local, older, none);
    expect(result.changed).toBe(false);
    expect(result.conflicts).toEqual([{ kind: 'field', field: 'email', keptValue: 'a@x', keptStamp: stamp(5, 'a'), otherValue: 'b@x', otherStamp: stamp(4, 'b') }]);
  });

  it('does not call a knowing overwrite a conflict', () => {
    const local = record({ deleted: [false, stamp(1, 'a')], email: ['a@x', stamp(5, 'a')] });
    const incoming = record({ deleted: [false, stamp(1, 'a')], email: ['b@x', stamp(6, 'b')] });
    // The sender held a's changes up to 5 when it wrote at 6.
    expect(mergeRecord(local, incoming, { senderKnows: { a: stamp(5, 'a') }, localKnows: {} }).conflicts).toEqual([]);
    // We held b's change when we wrote ours later.
    const older = record({ deleted: [false, stamp(1, 'a')], email: ['b@x', stamp(4, 'b')] });
    expect(mergeRecord(local, older, { senderKnows: {}, localKnows: { b: stamp(4, 'b') } }).conflicts).toEqual([]);
  });

  it('orders equal times by counter, then by origin id', () => {
    const local = record({ deleted: [false, stamp(1, 'a')], email: ['from-a', stamp(5, 'a', 2)] });
    expect(mergeRecord(local, record({ deleted: [false, stamp(1, 'a')], email: ['from-b', stamp(5, 'b', 1)] }), none).record.email).toBe('from-a');
    expect(mergeRecord(local, record({ deleted: [false, stamp(1, 'a')], email: ['from-b', stamp(5, 'b', 2)] }), none).record.email).toBe('from-b');
  });

  it('brings a record back when another field was edited after its deletion, not before', () => {
    const deleted = record({ deleted: [true, stamp(10, 'a')], name: ['X', stamp(1, 'a')] });
    const editedAfter = record({ deleted: [false, stamp(1, 'a')], name: ['Y', stamp(12, 'b')] });
    const editedBefore = record({ deleted: [false, stamp(1, 'a')], name: ['Z', stamp(8, 'b')] });
    expect(mergeRecord(deleted, editedAfter, none).record).toMatchObject({ deleted: false, name: 'Y' });
    expect(mergeRecord(editedAfter, deleted, none).record).toMatchObject({ deleted: false, name: 'Y' });
    expect(mergeRecord(deleted, editedBefore, none).record).toMatchObject({ deleted: true, name: 'Z' });
    expect(mergeRecord(editedBefore, deleted, none).record).toMatchObject({ deleted: true, name: 'Z' });
    // The deletion keeps its own stamp: a later deletion still wins over the edit.
    const deletedAgain = record({ deleted: [true, stamp(15, 'c')], name: ['X', stamp(1, 'a')] });
    const back = mergeRecord(deleted, editedAfter, none).record;
    expect(mergeRecord(back, deletedAgain, none).record).toMatchObject({ deleted: true, name: 'Y' });
  });

  it('treats a field an older app does not know as "no information", not as removed', () => {
    const local = record({ deleted: [false, stamp(1, 'a')], name: ['X', stamp(1, 'a')], mergedIntoId: ['m1', stamp(3, 'a')] });
    const incoming = record({ deleted: [false, stamp(1, 'a')], name: ['Y', stamp(5, 'b')] });
    expect(mergeRecord(local, incoming, none).record).toMatchObject({ name: 'Y', mergedIntoId: 'm1' });
  });

  it('keeps a deletion when a local write edits a record that stays deleted', () => {
    const live = stampChanges<SyncRecord>(undefined, { id: 'r1', deleted: false, name: 'X' }, { hlc: stamp(1, 'a'), origin: 'a' });
    const gone = stampChanges<SyncRecord>(live ?? undefined, { id: 'r1', deleted: true, name: 'X' }, { hlc: stamp(2, 'a'), origin: 'a' });
    const edited = stampChanges<SyncRecord>(gone ?? undefined, { id: 'r1', deleted: true, name: 'Y' }, { hlc: stamp(3, 'a'), origin: 'a' });
    expect(edited?.fieldStamps).toMatchObject({ deleted: stamp(3, 'a'), name: stamp(3, 'a') });
    if (!edited || !live) throw new Error('no record');
    expect(mergeRecord(live, edited, none).record.deleted).toBe(true);
  });

  it('is commutative, associative and idempotent (any order of the same versions gives the same record)', () => {
    const fields = ['deleted', 'name', 'email'] as const;
    const version = fc.record({
      deleted: fc.tuple(fc.integer({ min: 1, max: 20 }), fc.constantFrom('a', 'b', 'c')),
      name: fc.tuple(fc.integer({ min: 1, max: 20 }), fc.constantFrom('a', 'b', 'c')),
      email: fc.option(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.constantFrom('a', 'b', 'c')), { nil: undefined }),
    });
    // A value is a function of its stamp: one write gives one value, as with real clocks.
    type Version = { deleted: [number, string]; name: [number, string]; email: [number, string] | undefined };
    const build = (v: Version) => {
      const entries: Record<string, [unknown, string]> = {};
      for (const field of fields) {
        const at = v[field];
        if (!at) continue;
        const s = stamp(at[0], at[1]);
        entries[field] = [field === 'deleted' ? (at[0] + at[1].charCodeAt(0)) % 2 === 0 : `${field}@${s}`, s];
      }
      return normalizeRecord(record(entries));
    };
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 5 }), fc.func(fc.integer()), (versions, shuffle) => {
        const records = versions.map(build);
        const fold = (list: SyncRecord[]) => list.reduce((acc, next) => mergeRecord(acc, next, none).record);
        const expected = fold(records);
        const shuffled = [...records].sort((x, y) => shuffle(x.hlc) - shuffle(y.hlc) || (x.hlc < y.hlc ? -1 : 1));
        expect(fold(shuffled)).toEqual(expected);
        expect(mergeRecord(expected, expected, none).changed).toBe(false);
        for (const one of records) expect(mergeRecord(expected, one, none).record).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mergeRecord: a deletion and an edit that did not know of each other', () => {
  const live = record({ deleted: [false, stamp(1, 'a')], name: ['X', stamp(1, 'a')], notes: ['', stamp(1, 'a')] });
  const deletedAt = (at: number, base = live) => record({ ...entries(base), deleted: [true, stamp(at, 'a')] });
  const editedAt = (at: number, base = live, node = 'b') => record({ ...entries(base), name: ['Y', stamp(at, node)] });
  function entries(r: SyncRecord): Record<string, [unknown, string]> {
    return Object.fromEntries(Object.entries(r.fieldStamps ?? {}).map(([field, at]) => [field, [r[field], at]]));
  }

  it('reports a deletion that won over an edit it had not seen, whichever side is local', () => {
    const edited = editedAt(5);
    const deleted = deletedAt(7);
    const expected = { kind: 'deleted-over-edit', field: 'deleted', keptValue: true, keptStamp: stamp(7, 'a'), otherValue: { name: 'Y' }, otherStamp: stamp(5, 'b') };
    expect(mergeRecord(edited, deleted, none)).toMatchObject({ record: { deleted: true, name: 'Y' }, conflicts: [expected] });
    expect(mergeRecord(deleted, edited, none)).toMatchObject({ record: { deleted: true, name: 'Y' }, conflicts: [expected] });
  });

  it('reports an edit that brought a deleted record back without knowing of the deletion, whichever side is local', () => {
    const deleted = deletedAt(10);
    const edited = editedAt(12);
    const expected = { kind: 'edit-over-deletion', field: 'deleted', keptValue: { name: 'Y' }, keptStamp: stamp(12, 'b'), otherValue: true, otherStamp: stamp(10, 'a') };
    expect(mergeRecord(deleted, edited, none)).toMatchObject({ record: { deleted: false, name: 'Y' }, conflicts: [expected] });
    expect(mergeRecord(edited, deleted, none)).toMatchObject({ record: { deleted: false, name: 'Y' }, conflicts: [expected] });
  });

  it('reports nothing when one side knew of the other', () => {
    // The deleter had received the edit (its vector, or its copy, holds it): a knowing deletion.
    const edited = editedAt(5);
    const deletedKnowing = deletedAt(7, edited);
    expect(mergeRecord(edited, deletedKnowing, none).conflicts).toEqual([]);
    expect(mergeRecord(edited, deletedAt(7), { senderKnows: { b: stamp(5, 'b') }, localKnows: {} }).conflicts).toEqual([]);
    expect(mergeRecord(deletedAt(7), edited, { senderKnows: {}, localKnows: { b: stamp(5, 'b') } }).conflicts).toEqual([]);
    // A record brought back elsewhere (its copy holds the deletion) is not reported again here.
    const back = mergeRecord(deletedAt(10), editedAt(12), none).record;
    expect(mergeRecord(deletedAt(10), back, none).conflicts).toEqual([]);
    expect(mergeRecord(back, deletedAt(10), none).conflicts).toEqual([]);
    // The editor knew of the deletion by its vector: undeleting on purpose is not a conflict.
    expect(mergeRecord(deletedAt(10), editedAt(12), { senderKnows: { a: stamp(10, 'a') }, localKnows: {} }).conflicts).toEqual([]);
    // Both sides deleted, or the edit older than what the deleter holds of that field: nothing lost to a deletion.
    expect(mergeRecord(deletedAt(7), record({ ...entries(editedAt(5)), deleted: [true, stamp(6, 'b')] }), none).conflicts).toEqual([]);
  });

  it('reports the same conflicts whichever side is local (property)', () => {
    const side = fc.record({
      deleted: fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 12 })),
      name: fc.integer({ min: 1, max: 12 }),
      notes: fc.integer({ min: 1, max: 12 }),
      knows: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(side, side, ({ deleted: [da, dta], name: na, notes: ta, knows: ka }, { deleted: [db, dtb], name: nb, notes: tb, knows: kb }) => {
        const a = normalizeRecord(record({ deleted: [da, stamp(dta, 'a')], name: [`a${na}`, stamp(na, 'a')], notes: [`a${ta}`, stamp(ta, 'a')] }));
        const b = normalizeRecord(record({ deleted: [db, stamp(dtb, 'b')], name: [`b${nb}`, stamp(nb, 'b')], notes: [`b${tb}`, stamp(tb, 'b')] }));
        const aKnows: Record<string, string> = ka === undefined ? {} : { b: stamp(ka, 'b') };
        const bKnows: Record<string, string> = kb === undefined ? {} : { a: stamp(kb, 'a') };
        const sorted = (list: readonly { kind: string; field: string }[]) => [...list].sort((x, y) => `${x.kind}/${x.field}`.localeCompare(`${y.kind}/${y.field}`));
        const intoA = mergeRecord(a, b, { senderKnows: bKnows, localKnows: aKnows });
        const intoB = mergeRecord(b, a, { senderKnows: aKnows, localKnows: bKnows });
        expect(intoA.record).toEqual(intoB.record);
        expect(sorted(intoA.conflicts)).toEqual(sorted(intoB.conflicts));
        // A deletion conflict says what the merged record shows.
        for (const conflict of intoA.conflicts) {
          if (conflict.kind === 'deleted-over-edit') expect(intoA.record.deleted).toBe(true);
          if (conflict.kind === 'edit-over-deletion') expect(intoA.record.deleted).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

const article = (body: string, at: string): SyncRecord => ({
  id: 'art-1',
  deleted: false,
  documentId: 'doc',
  order: 1,
  heading: { en: 'H', ru: 'З' },
  body: { en: body, ru: body },
  translationStale: null,
  changedByAmendmentId: null,
  hlc: at,
  origin: at.slice(22),
});

const amendment = (status: string, at: string, rationale = 'why'): SyncRecord => ({
  id: 'am-1',
  deleted: false,
  status,
  proposedByCountryId: 'KZ',
  decisionReason: status === 'rejected' ? 'no' : '',
  decidedOn: status === 'proposed' ? null : '2024-06-01',
  rationale: { en: rationale, ru: rationale },
  hlc: at,
  origin: at.slice(22),
});

function unit(records: PlanUnit['records'], authority: PlanUnit['authority'], signerId = 'd1'): PlanUnit {
  return { signerId, signerName: signerId, authority, countryId: authority === 'official' ? null : 'KZ', records, senderKnows: {}, vectorClaim: { [signerId]: stamp(100, signerId) } };
}

describe('planMerge', () => {
  it('applies the official text only from an official signer', () => {
    const stored = article('Official.', stamp(1, 's'));
    const forged = article('Forged.', stamp(5, 'd1'));
    const local = () => stored;
    const fromDelegation = planMerge(['articles'], { units: [unit({ articles: [forged] }, 'delegation')], local, localVector: {} });
    expect(fromDelegation.writes).toEqual({});
    expect(fromDelegation.refused).toEqual([{ table: 'articles', recordId: 'art-1', fields: null, signerId: 'd1', signerName: 'd1', reason: 'official-text' }]);
    expect(fromDelegation.summary.articles).toMatchObject({ refused: 1, updated: 0 });
    // The refused change's origin does not count as held.
    expect(fromDelegation.vector).toEqual({});
    const fromSecretariat = planMerge(['articles'], { units: [unit({ articles: [forged] }, 'official', 's')], local, localVector: {} });
    expect(fromSecretariat.writes.articles?.[0]?.body).toEqual({ en: 'Forged.', ru: 'Forged.' });
    expect(fromSecretariat.vector).toEqual({ s: stamp(100, 's') });
  });

  it('takes a delegation’s amendment edits but not a decision on it', () => {
    const stored = amendment('proposed', stamp(1, 'd1'));
    const decided = { ...amendment('accepted', stamp(5, 'd2'), 'better'), fieldStamps: undefined };
    const plan = planMerge(['amendments'], { units: [unit({ amendments: [decided] }, 'delegation', 'd2')], local: () => stored, localVector: {} });
    expect(plan.writes.amendments?.[0]).toMatchObject({ status: 'proposed', decidedOn: null, rationale: { en: 'better' } });
    expect(plan.refused).toEqual([expect.objectContaining({ fields: ['status', 'decisionReason', 'decidedOn'] })]);
    // A withdrawal is the proposer's to make.
    const withdrawn = amendment('withdrawn', stamp(6, 'd1'));
    const ok = planMerge(['amendments'], { units: [unit({ amendments: [withdrawn] }, 'delegation')], local: () => stored, localVector: {} });
    expect(ok.writes.amendments?.[0]?.status).toBe('withdrawn');
    expect(ok.refused).toEqual([]);
    // A decided amendment this computer has never seen cannot come from a delegation at all.
    const unknown = planMerge(['amendments'], { units: [unit({ amendments: [decided] }, 'delegation', 'd2')], local: () => undefined, localVector: {} });
    expect(unknown.writes).toEqual({});
    expect(unknown.refused).toEqual([expect.objectContaining({ fields: null })]);
  });

  it('never reads a record the local vector already covers', () => {
    const held = article('Held.', stamp(3, 's'));
    const fresh = { ...article('New.', stamp(9, 's')), id: 'art-2' };
    const units = [unit({ articles: [held, fresh] }, 'official', 's')];
    const localVector = { s: stamp(5, 's') };
    expect([...(uncoveredIds(units, localVector).get('articles') ?? [])]).toEqual(['art-2']);
    const asked: string[] = [];
    const plan = planMerge(['articles'], {
      units,
      localVector,
      local: (_table, id) => {
        asked.push(id);
        return undefined;
      },
    });
    expect(asked).toEqual(['art-2']);
    expect(plan.summary.articles).toMatchObject({ new: 1, unchanged: 1 });
    expect(plan.maxStamps).toEqual({ s: stamp(9, 's') });
  });
});

describe('trust and vector claims', () => {
  const self: LocalIdentity = { id: 'me', name: 'Me', role: 'delegation', countryId: 'KG', publicKey: 'SELFKEY' };
  const verified = (origin: Partial<VerifiedUnit['header']['origin']>, key = 'KEY1', scope: VerifiedUnit['header']['scope'] = { kind: 'all' }): VerifiedUnit =>
    ({
      path: '$',
      fingerprint: 'FP',
      publicKey: new Uint8Array(32),
      records: {},
      header: {
        origin: { id: 'sec', name: 'Secretariat', role: 'secretariat', countryId: null, ...origin },
        signature: { algorithm: 'Ed25519', publicKey: key, value: '' },
        scope,
        vector: { sec: stamp(9, 'sec'), d2: stamp(8, 'd2') },
      },
    }) as unknown as VerifiedUnit;
  const peer = { id: 'sec', name: 'Secretariat', role: 'secretariat' as const, countryId: null, publicKey: 'KEY1', trusted: true };

  it('asks about a new origin, recognises a trusted one, refuses a known one with another key', () => {
    // No secretariat pinned yet: the first one is pinned once confirmed.
    expect(evaluateTrust(verified({}), self, undefined)).toMatchObject({ status: 'new', authority: 'official', pins: true, warning: null });
    const pinned = { id: 'sec', name: 'Secretariat', publicKey: 'KEY1', fingerprint: 'FP' };
    const context = { pinned, grants: new Map<string, string>() };
    expect(evaluateTrust(verified({}), self, peer, context)).toMatchObject({ status: 'trusted', authority: 'official', pins: false });
    expect(evaluateTrust(verified({ role: 'delegation', countryId: 'KZ' }), self, peer, context).status).toBe('changed');
    // Another key in the secretariat's role, or with the pinned one's name: a look-alike, never official.
    expect(evaluateTrust(verified({ id: 'sec2' }, 'KEY9'), self, undefined, context)).toMatchObject({
      status: 'new',
      authority: 'none',
      warning: { kind: 'look-alike', pinned },
    });
    expect(evaluateTrust(verified({ id: 'sec2', role: 'delegation', countryId: 'KZ', name: ' secretariat ' }, 'KEY9'), self, undefined, context)).toMatchObject({
      authority: 'delegation',
      warning: { kind: 'look-alike' },
    });
    // …unless the pinned secretariat granted that key the role.
    const granted = { pinned, grants: new Map([['sec2', 'KEY9']]) };
    expect(evaluateTrust(verified({ id: 'sec2' }, 'KEY9'), self, undefined, granted)).toMatchObject({ authority: 'official', warning: null });
    expect(evaluateTrust(verified({ id: 'sec2' }, 'KEY8'), self, undefined, granted)).toMatchObject({ authority: 'none' });
    // A trusted delegation that switched itself to the secretariat keeps a delegation's authority, without a new prompt.
    const delegationPeer = { id: 'd2', name: 'Kazakh delegation', role: 'delegation' as const, countryId: 'KZ', publicKey: 'KEY2', trusted: true };
    expect(evaluateTrust(verified({ id: 'd2', name: 'Kazakh delegation' }, 'KEY2'), self, delegationPeer, context)).toMatchObject({
      status: 'trusted',
      authority: 'delegation',
      countryId: 'KZ',
      warning: { kind: 'role-claim', claimed: 'secretariat', kept: 'delegation' },
    });
    expect(evaluateTrust(verified({ id: 'd2', name: 'Kazakh delegation' }, 'KEY2'), self, delegationPeer).authority).toBe('delegation');
    expect(() => evaluateTrust(verified({}, 'KEY2'), self, peer)).toThrow(/known with another key/);
    expect(() => evaluateTrust(verified({ id: 'me' }, 'OTHER'), self, undefined)).toThrow(/claims to come from this installation/);
    expect(evaluateTrust(verified({ id: 'me', role: 'delegation' }, 'SELFKEY'), self, undefined)).toMatchObject({ status: 'self', authority: 'delegation' });
  });

  it('adopts a delegation’s claims about itself only, and no claims from a delta made for someone else', () => {
    const fromSecretariat = verified({});
    expect(acceptedVectorClaim(fromSecretariat, 'me', { status: 'trusted', authority: 'official', countryId: null, pins: false, warning: null })).toEqual({ sec: stamp(9, 'sec'), d2: stamp(8, 'd2') });
    const fromDelegation = verified({ id: 'd2', role: 'delegation', countryId: 'KZ' });
    expect(acceptedVectorClaim(fromDelegation, 'me', { status: 'trusted', authority: 'delegation', countryId: 'KZ', pins: false, warning: null })).toEqual({ d2: stamp(8, 'd2') });
    const forOther = verified({}, 'KEY1', { kind: 'peer', peerId: 'someone-else', peerName: 'X', base: {} });
    expect(acceptedVectorClaim(forOther, 'me', { status: 'trusted', authority: 'official', countryId: null, pins: false, warning: null })).toBeNull();
  });
});
