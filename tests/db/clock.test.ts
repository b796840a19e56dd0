/** The installation's clock in the database: persisted, restored after a restart, never going back. */
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_STAMP, compareStamps, formatStamp, parseStamp } from '../../shared/sync/hlc';
import { CLOCK_META_KEY, createRepositories, openDatabase, stampRecord, type CwgDatabase } from '../../renderer/db';

const names: string[] = [];
const open: CwgDatabase[] = [];

function newName(): string {
  const name = `cwg-test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

function openNamed(name: string): CwgDatabase {
  const db = openDatabase(name);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  for (const name of names.splice(0)) await openDatabase(name).delete();
});

async function highestStoredStamp(db: CwgDatabase): Promise<string> {
  let highest = SEED_STAMP;
  for (const table of db.tables) {
    if (!table.schema.idxByName.hlc) continue;
    const top = (await table.orderBy('hlc').last()) as { hlc: string } | undefined;
    if (top && compareStamps(top.hlc, highest) > 0) highest = top.hlc;
  }
  return highest;
}

describe('installation clock', () => {
  it('stamps with the installation id as origin and persists the last stamp with the writes', async () => {
    const db = openNamed(newName());
    const repositories = createRepositories(db, { now: () => 1_000_000 });
    const installation = await repositories.installation.create({ displayName: 'A', role: 'secretariat', countryId: null });
    const clock = await repositories.clock();
    expect(await repositories.clock()).toBe(clock);
    const record = stampRecord(clock, { title: 'x' });
    expect(record.origin).toBe(installation.id);
    expect(parseStamp(record.hlc)).toEqual({ millis: 1_000_000, counter: 0, node: installation.id });

    await repositories.sampleData.load();
    const saved = (await db.meta.get(CLOCK_META_KEY))?.value;
    expect(saved).toBe(clock.last());
    expect(compareStamps(String(saved), await highestStoredStamp(db))).toBeGreaterThanOrEqual(0);
  });

  it('issues greater stamps after the database is reopened, even with the clock set back', async () => {
    const name = newName();
    const first = openNamed(name);
    const before = createRepositories(first, { now: () => 2_000_000_000_000 });
    await before.installation.create({ displayName: 'A', role: 'secretariat', countryId: null });
    await before.sampleData.load();
    const highest = await highestStoredStamp(first);
    first.close();

    const reopened = openNamed(name);
    // The computer's clock was set back by half an hour. (Set back by more than an hour, the
    // clock is repaired instead: its own changes are re-dated, see clockRepair.test.ts.)
    const after = createRepositories(reopened, { now: () => 2_000_000_000_000 - 30 * 60_000 });
    const clock = await after.clock();
    const stamp = clock.stamp().hlc;
    expect(compareStamps(stamp, highest)).toBe(1);
    expect(parseStamp(stamp).millis).toBe(parseStamp(highest).millis);
  });

  it('resumes above the stored records even if its saved stamp was lost', async () => {
    const name = newName();
    const first = openNamed(name);
    const before = createRepositories(first, { now: () => 3_000_000 });
    await before.installation.create({ displayName: 'A', role: 'secretariat', countryId: null });
    await before.sampleData.load();
    // A record from a peer, stamped later than anything local.
    const peerStamp = formatStamp({ millis: 3_500_000, counter: 4, node: 'peer' });
    await first.comments.update((await first.comments.toCollection().first())?.id ?? '', { hlc: peerStamp, origin: 'peer' });
    await first.meta.delete(CLOCK_META_KEY);
    first.close();

    const reopened = openNamed(name);
    const clock = await createRepositories(reopened, { now: () => 3_000_000 }).clock();
    expect(compareStamps(clock.stamp().hlc, peerStamp)).toBe(1);
  });

  it('never lowers the saved stamp', async () => {
    const db = openNamed(newName());
    const repositories = createRepositories(db, { now: () => 10 });
    await repositories.installation.create({ displayName: 'A', role: 'secretariat', countryId: null });
    const clock = await repositories.clock();
    clock.stamp();
    const higher = formatStamp({ millis: 99_999, counter: 0, node: 'other-window' });
    await db.meta.put({ key: CLOCK_META_KEY, value: higher });
    await db.transaction('rw', db.meta, () => clock.persist());
    expect((await db.meta.get(CLOCK_META_KEY))?.value).toBe(higher);
  });
});
