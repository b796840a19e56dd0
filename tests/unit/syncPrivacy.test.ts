/**
 * Privacy of contacts (shared/sync/privacy.ts): e-mail and phone of a delegate who did not
 * agree to share them never reach a bundle; what arrives instead never erases a value the
 * receiver holds, is never a conflict, and merges in any order to the same record.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncedTableName } from '../../shared/model';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { readBundleText } from '../../shared/sync/bundleRead';
import { buildChangesBundle } from '../../shared/sync/bundleWrite';
import { formatStamp, SEED_ORIGIN, SEED_STAMP } from '../../shared/sync/hlc';
import { mergeRecord } from '../../shared/sync/merge';
import { CONTACT_FIELDS, contactsWithheld, contactWithheld, withheldForBundle } from '../../shared/sync/privacy';
import { compactRecord, normalizeRecord, recordStamps, sameRecord, stampOf } from '../../shared/sync/records';
import { raiseVector, stampNode } from '../../shared/sync/versionVector';
import { generateSigner, nodeSyncCrypto, type TestSigner } from '../fixtures/bundles/nodeCrypto';
import { newRecord, recordId } from '../fixtures/bundles/recordFactory';

const SENDER = 'secretariat-1';
const stamp = (millis: number, node = SENDER, counter = 0) => formatStamp({ millis, counter, node });
const none = { senderKnows: {}, localKnows: {} };

/** A stored delegate (normalized): every field stamped `at`, then the given fields at their own stamps. */
function storedDelegate(key: string, fields: Record<string, unknown>, at: string, own: Record<string, string> = {}): SyncRecord {
  const values = { ...newRecord('delegates', recordId('delegates', key), 1), nameNative: 'Айгуль Садыкова', ...fields };
  const fieldStamps: Record<string, string> = {};
  for (const field of Object.keys(values)) if (field !== 'id') fieldStamps[field] = own[field] ?? at;
  return normalizeRecord({ ...values, hlc: at, origin: stampNode(at), fieldStamps });
}

let signer: TestSigner | undefined;

/** Compacts, writes, signs and reads back a bundle of delegates as exportBundle does. */
async function roundTrip(records: SyncRecord[]): Promise<{ text: string; received: SyncRecord[] }> {
  signer ??= await generateSigner();
  const table: SyncedTableName = 'delegates';
  const vector: Record<string, string> = {};
  for (const record of records) for (const value of recordStamps(record)) if (stampNode(value) !== SEED_ORIGIN) raiseVector(vector, value);
  const { text } = await buildChangesBundle(
    {
      bundleId: crypto.randomUUID(),
      createdAt: new Date(0).toISOString(),
      origin: { id: SENDER, name: 'Секретариат', role: 'secretariat', countryId: null },
      scope: { kind: 'all' },
      vector,
      records: { delegates: records.map((record) => compactRecord(withheldForBundle(table, record))) },
    },
    signer,
    nodeSyncCrypto,
  );
  const read = await readBundleText(text, nodeSyncCrypto);
  return { text, received: read.units[0]?.records.delegates ?? [] };
}

describe('withheldForBundle', () => {
  const at = stamp(100);

  it('blanks e-mail and phone at the seed stamp for a delegate without consent, and nothing else', () => {
    const record = storedDelegate('a', { email: 'a.sadykova@customs.kg', phone: '+996 312 123456', consentShareContacts: false }, at);
    const sent = withheldForBundle('delegates', record);
    expect(sent).toMatchObject({ email: '', phone: '', nameNative: 'Айгуль Садыкова', hlc: at, origin: SENDER });
    expect(sent.fieldStamps).toMatchObject({ email: SEED_STAMP, phone: SEED_STAMP, nameNative: at });
    expect(record.email).toBe('a.sadykova@customs.kg');
    expect(contactsWithheld(sent)).toBe(true);
    expect(contactsWithheld(record)).toBe(false);
  });

  it('keeps hlc the greatest remaining stamp when a contact was the last change', () => {
    const record = storedDelegate('b', { email: 'late@customs.kz', phone: '+7 701 1234567', consentShareContacts: false }, stamp(100), { email: stamp(300, 'kz-1'), notes: stamp(200, 'kg-1') });
    expect(record.hlc).toBe(stamp(300, 'kz-1'));
    const sent = withheldForBundle('delegates', record);
    expect(sent.hlc).toBe(stamp(200, 'kg-1'));
    expect(sent.origin).toBe('kg-1');
    for (const value of recordStamps(sent)) expect(value <= sent.hlc).toBe(true);
    // The file's own check (no field stamped after hlc) passes once compacted.
    const compact = compactRecord(sent);
    expect(compact.fieldStamps).toMatchObject({ email: SEED_STAMP, phone: SEED_STAMP, nameNative: stamp(100) });
    expect(Object.values(compact.fieldStamps ?? {}).every((value) => value <= compact.hlc)).toBe(true);
  });

  it('returns the same record with consent, for other tables, and when there is nothing to hide', () => {
    const shared = storedDelegate('c', { email: 'c@customs.tj', consentShareContacts: true }, at);
    expect(withheldForBundle('delegates', shared)).toBe(shared);
    const meeting = { ...newRecord('meetings', recordId('meetings', 'm'), 1), email: 'x@y.z', hlc: at, origin: SENDER } as SyncRecord;
    expect(withheldForBundle('meetings', meeting)).toBe(meeting);
    const empty = storedDelegate('d', { email: '', phone: '', consentShareContacts: false }, at);
    expect(withheldForBundle('delegates', empty)).toBe(empty);
    // An erased contact still travels with its real stamp: clearing a field is a change to send.
    const erased = storedDelegate('e', { email: '', phone: '+7 727 2000000', consentShareContacts: false }, at, { email: stamp(150) });
    const sent = withheldForBundle('delegates', erased);
    expect(stampOf(sent, 'email')).toBe(stamp(150));
    expect(stampOf(sent, 'phone')).toBe(SEED_STAMP);
    expect(contactWithheld(sent, 'email')).toBe(false);
    expect(contactWithheld(sent, 'phone')).toBe(true);
  });

  it('travels through a signed bundle: the receiver keeps its earlier real e-mail, an empty receiver stores ""', async () => {
    const record = storedDelegate('f', { email: 'private@customs.kg', phone: '+996 555 111222', consentShareContacts: false }, stamp(500));
    const consenting = storedDelegate('g', { nameNative: 'Нурлан Токтогулов', email: 'shared@customs.kg', consentShareContacts: true }, stamp(500));
    const { text, received } = await roundTrip([record, consenting]);
    expect(text).not.toContain('private@customs.kg');
    expect(text).not.toContain('+996 555 111222');
    expect(text).toContain('shared@customs.kg');
    const incoming = received.find((r) => r.id === record.id);
    if (!incoming) throw new Error('record missing from the bundle');

    // A receiver that already held a real value (an earlier, older stamp from its own user).
    const held = storedDelegate('f', { email: 'known@customs.kg', phone: '+996 555 000000', consentShareContacts: false }, stamp(50, 'kg-1'));
    const merged = mergeRecord(held, incoming, { senderKnows: { [SENDER]: stamp(500) }, localKnows: { 'kg-1': stamp(50, 'kg-1') } });
    expect(merged.record).toMatchObject({ email: 'known@customs.kg', phone: '+996 555 000000', nameNative: 'Айгуль Садыкова' });
    expect(merged.conflicts).toEqual([]);
    expect(contactsWithheld(merged.record)).toBe(false);

    // An empty receiver stores the blank, marked as withheld for the UI.
    const fresh = mergeRecord(undefined, incoming, none);
    expect(fresh.record).toMatchObject({ email: '', phone: '' });
    expect(contactsWithheld(fresh.record)).toBe(true);
    // The same file again changes nothing.
    expect(mergeRecord(fresh.record, incoming, none).changed).toBe(false);
    // A later real value (the person consents, the sender exports again) replaces the blank.
    const later = mergeRecord(fresh.record, normalizeRecord({ ...record, consentShareContacts: true, fieldStamps: { ...record.fieldStamps, consentShareContacts: stamp(600) } }), none);
    expect(later.record).toMatchObject({ email: 'private@customs.kg', consentShareContacts: true });
    expect(later.conflicts).toEqual([]);
  });
});

describe('privacy properties', () => {
  const nodes = ['secretariat-1', 'kg-1', 'kz-1'] as const;
  const stampArb = fc.record({ millis: fc.integer({ min: 1, max: 400 }), counter: fc.integer({ min: 0, max: 2 }), node: fc.constantFrom(...nodes) }).map(formatStamp);
  const cyrillic = fc.array(fc.constantFrom(...Array.from('абвгдеёжзийклмнопрстуфхцчшщыэюяАБВГДЕЖЗИКЛМНОПРСТУ')), { minLength: 2, maxLength: 12 }).map((chars) => chars.join(''));
  const phoneArb = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 10 }).map((digits) => `+996 ${digits.join('')}`);
  const copyArb = fc.record({
    email: fc.oneof(fc.emailAddress(), fc.constant('')),
    phone: fc.oneof(phoneArb, fc.constant('')),
    nameNative: cyrillic,
    consent: fc.boolean(),
    deleted: fc.boolean(),
    stamps: fc.record({ base: stampArb, email: stampArb, phone: stampArb, nameNative: stampArb, consentShareContacts: stampArb, deleted: stampArb }),
  });
  interface Copy {
    email: string;
    phone: string;
    nameNative: string;
    consent: boolean;
    deleted: boolean;
    stamps: { base: string } & Record<string, string>;
  }
  /** One installation's copy of the same delegate. */
  const copyOf = (copy: Copy) => {
    const { base, ...own } = copy.stamps;
    return storedDelegate('p', { email: copy.email, phone: copy.phone, nameNative: copy.nameNative, consentShareContacts: copy.consent, deleted: copy.deleted }, base, own);
  };

  it('a withheld export never holds the real e-mail or phone anywhere in the file', async () => {
    await fc.assert(
      fc.asyncProperty(copyArb, async (copy) => {
        const record = copyOf({ ...copy, consent: false });
        const { text, received } = await roundTrip([record]);
        for (const secret of [record.email, record.phone]) {
          if (typeof secret !== 'string' || secret === '') continue;
          expect(text).not.toContain(secret);
          expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
        }
        // Everything else arrives as it was.
        const incoming = received[0];
        if (!incoming) throw new Error('record missing from the bundle');
        expect(incoming.nameNative).toBe(record.nameNative);
        expect(stampOf(incoming, 'nameNative')).toBe(stampOf(record, 'nameNative'));
      }),
      { numRuns: 60 },
    );
  });

  it('merges to the same record in any order, keeps any real value, and reports no conflict for a withheld field', () => {
    fc.assert(
      fc.property(copyArb, copyArb, copyArb, (senderCopy, receiverCopy, thirdCopy) => {
        const sender = copyOf({ ...senderCopy, consent: false });
        const withheld = compactRecord(withheldForBundle('delegates', sender));
        const receiver = copyOf(receiverCopy);
        const third = compactRecord(withheldForBundle('delegates', copyOf(thirdCopy)));
        const merge = (list: SyncRecord[]) => list.reduce<SyncRecord | undefined>((held, next) => mergeRecord(held, next, none).record, undefined);
        const orders = [
          [receiver, withheld, third],
          [withheld, receiver, third],
          [third, withheld, receiver],
          [withheld, third, receiver],
        ];
        const results = orders.map(merge);
        const [first] = results;
        if (!first) throw new Error('no result');
        for (const result of results) expect(result !== undefined && sameRecord(result, first)).toBe(true);

        const { conflicts, record } = mergeRecord(receiver, withheld, none);
        for (const field of CONTACT_FIELDS) {
          if (stampOf(withheld, field) !== SEED_STAMP) continue;
          // Withheld: the receiver's value stays, whatever it was, and nobody is asked to choose.
          expect(record[field]).toBe(receiver[field]);
          expect(conflicts.map((c) => c.field)).not.toContain(field);
        }
      }),
      { numRuns: 300 },
    );
  });
});
