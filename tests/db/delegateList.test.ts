/**
 * The registry list table (renderer/db/delegateList.ts): every way people are written keeps
 * it equal to the listed fields of the records, in the same transaction, and what the list
 * screen reads from it (listEntries, getMany) is what the records say.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listEntryOf } from '../../shared/delegates/list';
import type { Delegate } from '../../shared/model';
import { sampleId } from '../../shared/sample/sampleData';
import { createRepositories, openDatabase, type CwgDatabase, type Repositories } from '../../renderer/db';
import { expectListInStep } from '../fixtures/delegateListInStep';

const open: CwgDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

async function withSample(): Promise<{ db: CwgDatabase; repositories: Repositories }> {
  const db = openDatabase(`cwg-list-${crypto.randomUUID()}`);
  open.push(db);
  const repositories = createRepositories(db);
  await repositories.installation.create({ displayName: 'Secretariat', role: 'secretariat', countryId: null });
  await repositories.sampleData.load();
  return { db, repositories };
}

describe('the registry list table', () => {
  it('holds every person of the sample, and the list reads the living ones from it', async () => {
    const { db, repositories } = await withSample();
    await expectListInStep(db);
    const people = await repositories.delegates.list();
    expect(people.length).toBeGreaterThan(10);
    const entries = await repositories.delegates.listEntries();
    expect(entries.map((entry) => entry.id).sort()).toEqual(people.map((person) => person.id).sort());
    // Exactly the listed fields: no phone, notes or field stamps.
    const person = people[0] as Delegate;
    expect(entries.find((entry) => entry.id === person.id)).toEqual(listEntryOf(person));
    expect(entries[0]).not.toHaveProperty('phone');
    expect(entries[0]).not.toHaveProperty('fieldStamps');
    // A change to one person rewrites one of the 64 chunks, not the list.
    expect(await db.delegateList.count()).toBeLessThanOrEqual(64);
  });

  it('follows edits, deletions and merges made through the registry', async () => {
    const { db, repositories } = await withSample();
    const [first, second] = await repositories.delegates.list();
    if (!first || !second) throw new Error('the sample has people');
    await repositories.delegates.save({ ...first, nameLatin: 'Aidana Renamed' });
    await repositories.delegates.remove(second.id);
    await expectListInStep(db);
    const entries = await repositories.delegates.listEntries();
    expect(entries.find((entry) => entry.id === first.id)?.nameLatin).toBe('Aidana Renamed');
    expect(entries.some((entry) => entry.id === second.id)).toBe(false);
  });

  it('follows Dexie writes of every kind: bulkPut, modify, delete by query, clear', async () => {
    const { db } = await withSample();
    const people = await db.delegates.toArray();
    await db.delegates.bulkPut(people.map((person) => ({ ...person, email: `changed.${person.id.slice(0, 4)}@customs.example` })));
    await expectListInStep(db);
    await db.delegates.where('countryId').equals('KG').modify({ nameNative: 'Изменено' });
    await expectListInStep(db);
    const entries = await createRepositories(db).delegates.listEntries();
    expect(entries.filter((entry) => entry.nameNative === 'Изменено').length).toBe(people.filter((p) => p.countryId === 'KG' && !p.deleted).length);
    // A range of ids deleted by primary key (Dexie's deleteRange below a filterless query).
    const ids = people.map((person) => person.id).sort();
    const [low, high] = [ids[2] ?? '', ids[6] ?? ''];
    await db.delegates.where('id').between(low, high, true, false).delete();
    await expectListInStep(db);
    await db.delegates.where('countryId').equals('TJ').delete();
    await expectListInStep(db);
    await db.delegates.clear();
    await expectListInStep(db);
    expect(await createRepositories(db).delegates.listEntries()).toEqual([]);
  });

  it('is not changed by a transaction that fails after writing people', async () => {
    const { db } = await withSample();
    const before = await db.delegateList.toArray();
    expect(before.length).toBeGreaterThan(0);
    await expect(
      db.transaction('rw', db.delegates, async () => {
        await db.delegates.update(sampleId('delegate', 'kg-1'), { nameLatin: 'Never saved' });
        await db.delegates.delete(sampleId('delegate', 'kz-1'));
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(await db.delegateList.toArray()).toEqual(before);
    await expectListInStep(db);
  });

  it('gives the export the full records of the listed ids, in their order, without deleted or unknown ones', async () => {
    const { repositories } = await withSample();
    const [a, b, c] = await repositories.delegates.list();
    if (!a || !b || !c) throw new Error('the sample has people');
    await repositories.delegates.remove(b.id);
    const records = await repositories.delegates.getMany([c.id, b.id, 'no-such-person', a.id]);
    expect(records.map((record) => record.id)).toEqual([c.id, a.id]);
    expect(records[0]).toEqual(await repositories.delegates.get(c.id));
  });
  // The upgrade that fills it from an earlier version's people: tests/db/migrations.test.ts (version 9).
});
