/**
 * Backups against the real database (fake-indexeddb): a snapshot is a complete signed
 * bundle; restoring it replaces the synced data in one transaction, brings back exactly
 * what was there (deletions included), never moves the clock back, makes later bundles
 * importable again, and refuses files that are not complete backups without changing
 * anything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { syncedTableNames } from '../../shared/model';
import { sampleId } from '../../shared/sample/sampleData';
import { BundleError } from '../../shared/sync/bundleErrors';
import { SyncCancelledError } from '../../shared/sync/bundleRead';
import { sameRecord } from '../../shared/sync/records';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { createRepositories, openDatabase, type CwgDatabase, type Repositories } from '../../renderer/db';
import { RestoreRefusedError } from '../../renderer/db/backupRepository';
import { VECTOR_META_KEY } from '../../renderer/db/syncRepository';
import { CLOCK_META_KEY } from '../../renderer/db/clock';
import { expectListInStep } from '../fixtures/delegateListInStep';

const databases: CwgDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    await expectListInStep(db);
    db.close();
    await db.delete();
  }
});

const time = { now: Date.UTC(2024, 8, 9, 8) };

async function install(name: string, role: 'secretariat' | 'delegation' = 'secretariat', countryId: string | null = null) {
  const db = openDatabase(`cwg-backup-${crypto.randomUUID()}`);
  databases.push(db);
  const repos = createRepositories(db, { now: () => time.now });
  const installation = await repos.installation.create({ displayName: name, role, countryId });
  return { db, repos, id: installation.id };
}

const file = (text: string, name = 'backup.cwgbundle.json') => ({ name, bytes: new TextEncoder().encode(text) });

async function syncedRecords(db: CwgDatabase): Promise<Record<string, SyncRecord[]>> {
  const out: Record<string, SyncRecord[]> = {};
  for (const name of syncedTableNames) out[name] = (await db.table<SyncRecord, string>(name).toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
  return out;
}

/** Same records, same values and same stamps (layout aside): what "the same data" means. */
function expectSameData(actual: Record<string, SyncRecord[]>, expected: Record<string, SyncRecord[]>): void {
  for (const name of syncedTableNames) {
    const a = actual[name] ?? [];
    const e = expected[name] ?? [];
    expect(a.map((r) => r.id), name).toEqual(e.map((r) => r.id));
    a.forEach((record, index) => {
      const other = e[index];
      expect(other && sameRecord(record, other), `${name} ${record.id}`).toBe(true);
    });
  }
}

async function restore(repos: Repositories, text: string) {
  time.now += 1000;
  const session = await repos.backup.prepareRestore(file(text));
  const outcome = await session.apply();
  return { preview: session.preview, outcome };
}

describe('backups', () => {
  it('a snapshot holds every synced record, tombstones included, and counts those in use', async () => {
    const { db, repos } = await install('Secretariat laptop');
    await repos.sampleData.load();
    await repos.meetings.remove(sampleId('meeting', 'first'));
    const snapshot = await repos.backup.snapshot();
    const stored = await syncedRecords(db);
    for (const name of syncedTableNames) expect(snapshot.counts[name] ?? 0, name).toBe(stored[name]?.filter((record) => !record.deleted).length ?? 0);
    expect(snapshot.counts.meetings).toBe(1);
    expect(snapshot.fileName).toMatch(/^cwg-backup-secretariat-laptop-\d{4}-\d{2}-\d{2}-\d{4}\.cwgbundle\.json$/);
    const preview = (await repos.backup.prepareRestore(file(snapshot.text))).preview;
    expect(preview.backup.meetings).toEqual({ live: 1, deleted: 1 });
    expect(preview.ownBackup).toBe(true);
  });

  it('a snapshot reports its progress and can be cancelled', async () => {
    const { repos } = await install('Secretariat laptop');
    await repos.sampleData.load();
    const stages: string[] = [];
    await repos.backup.snapshot({ onProgress: (progress) => stages.push(progress.stage) });
    expect(stages).toContain('read');
    expect(stages.at(-1)).toBe('sign');
    const abort = new AbortController();
    const cancelled = repos.backup.snapshot({
      signal: abort.signal,
      onProgress: (progress) => {
        if (progress.stage === 'read' && progress.done > 2) abort.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(SyncCancelledError);
  });

  it('restore brings back exactly the data of the backup: edits undone, deletions undone, new records gone', async () => {
    const { db, repos } = await install('Secretariat laptop');
    await repos.sampleData.load();
    const before = await syncedRecords(db);
    const snapshot = await repos.backup.snapshot();

    time.now += 60_000;
    await repos.meetings.remove(sampleId('meeting', 'second'));
    const delegate = (await repos.delegates.list())[0];
    if (!delegate) throw new Error('sample has delegates');
    await repos.delegates.remove(delegate.id);
    await repos.countries.save({ id: 'UZ', name: { en: 'Uzbekistan (edited)', ru: 'Узбекистан' }, membership: 'observer' }, { create: false });
    expect(await repos.meetings.count()).toBe(1);

    const { preview, outcome } = await restore(repos, snapshot.text);
    expect(preview.current.meetings).toEqual({ live: 1, deleted: 1 });
    expect(preview.backup.meetings).toEqual({ live: 2, deleted: 0 });
    expect(outcome.written).toBe(Object.values(before).reduce((sum, list) => sum + list.length, 0));
    expectSameData(await syncedRecords(db), before);
    expect(await repos.meetings.count()).toBe(2);
    expect((await repos.countries.list()).find((c) => c.id === 'UZ')?.name.en).toBe('Uzbekistan');
  });

  it('never moves the clock back: a change after the restore is stamped after everything in the store', async () => {
    const { db, repos } = await install('Secretariat laptop');
    await repos.sampleData.load();
    const snapshot = await repos.backup.snapshot();
    for (let i = 0; i < 5; i += 1) await repos.countries.save({ id: 'UZ', name: { en: `Uzbekistan ${String(i)}`, ru: 'Узбекистан' }, membership: 'non-member' }, { create: false });
    const clockBefore = (await db.meta.get(CLOCK_META_KEY))?.value as string;
    await restore(repos, snapshot.text);
    expect(((await db.meta.get(CLOCK_META_KEY))?.value as string) >= clockBefore).toBe(true);
    const saved = await repos.countries.save({ id: 'UZ', name: { en: 'Uzbekistan again', ru: 'Узбекистан' }, membership: 'non-member' }, { create: false });
    expect(saved.hlc > clockBefore).toBe(true);
  });

  it('after a restore, bundles received since the backup are imported again instead of skipped', async () => {
    const secretariat = await install('Secretariat');
    const delegation = await install('Kyrgyz delegation', 'delegation', 'KG');
    await secretariat.repos.sampleData.load();
    const backup = await delegation.repos.backup.snapshot();
    time.now += 1000;
    const bundle = (await secretariat.repos.sync.exportBundle({ kind: 'all' })).text;
    const session = await delegation.repos.sync.prepareImport(file(bundle));
    await session.apply(session.preview.needsTrust);
    expect(await delegation.repos.meetings.count()).toBe(2);
    const vectorAfterImport = (await delegation.db.meta.get(VECTOR_META_KEY))?.value as Record<string, string>;
    expect(vectorAfterImport[secretariat.id]).toBeDefined();

    await restore(delegation.repos, backup.text);
    expect(await delegation.repos.meetings.count()).toBe(0);
    expect((await delegation.db.meta.get(VECTOR_META_KEY))?.value).toEqual({});
    expect(await delegation.db.receivedBundles.count()).toBe(0);
    // Trust in the secretariat's key is not data: it stays.
    expect((await delegation.db.peers.get(secretariat.id))?.trusted).toBe(true);

    time.now += 1000;
    const again = await delegation.repos.sync.prepareImport(file(bundle));
    expect(again.preview.alreadyReceived).toBe(false);
    expect(again.preview.totals.new).toBeGreaterThan(0);
    await again.apply([]);
    expect(await delegation.repos.meetings.count()).toBe(2);
  });

  it('restores a backup made by another installation, keeping this installation’s own identity', async () => {
    const oldLaptop = await install('Old laptop');
    await oldLaptop.repos.sampleData.load();
    const backup = await oldLaptop.repos.backup.snapshot();
    const newLaptop = await install('New laptop');
    const { preview } = await restore(newLaptop.repos, backup.text);
    expect(preview.ownBackup).toBe(false);
    expect(preview.origin.name).toBe('Old laptop');
    expect(await newLaptop.repos.meetings.count()).toBe(2);
    expect((await newLaptop.repos.installation.get())?.displayName).toBe('New laptop');
    expectSameData(await syncedRecords(newLaptop.db), await syncedRecords(oldLaptop.db));
  });

  it('refuses a damaged file, a one-meeting bundle and a merged bundle, changing nothing', async () => {
    const { db, repos } = await install('Secretariat laptop');
    await repos.sampleData.load();
    const before = await syncedRecords(db);
    const snapshot = await repos.backup.snapshot();

    const tampered = snapshot.text.replace('Bishkek', 'Bishkex');
    expect(tampered).not.toBe(snapshot.text);
    await expect(repos.backup.prepareRestore(file(tampered))).rejects.toBeInstanceOf(BundleError);
    await expect(repos.backup.prepareRestore(file(snapshot.text.slice(0, snapshot.text.length / 2)))).rejects.toMatchObject({ code: 'truncated' });

    const meeting = (await repos.sync.exportBundle({ kind: 'meeting', meetingId: sampleId('meeting', 'second') })).text;
    await expect(repos.backup.prepareRestore(file(meeting))).rejects.toMatchObject({ name: 'RestoreRefusedError', code: 'partial' });
    const refused = await repos.backup.prepareRestore(file(meeting)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RestoreRefusedError);
    expectSameData(await syncedRecords(db), before);
  });

  it('a restore cancelled (or failing) half-way leaves every table as it was', async () => {
    const { db, repos } = await install('Secretariat laptop');
    const empty = await repos.backup.snapshot();
    await repos.sampleData.load();
    const before = await syncedRecords(db);
    const session = await repos.backup.prepareRestore(file(empty.text));
    const abort = new AbortController();
    // Cancelled after the first table was cleared and written: the transaction rolls back.
    let seen = 0;
    await expect(
      session.apply({
        signal: abort.signal,
        onProgress: (progress) => {
          seen += 1;
          if (progress.done > 0 || seen > 3) abort.abort();
        },
      }),
    ).rejects.toBeInstanceOf(SyncCancelledError);
    expectSameData(await syncedRecords(db), before);
    expect(await repos.meetings.count()).toBe(2);
  });
});
