/**
 * Continuous sync through a shared folder (issue 13), against the real database
 * (fake-indexeddb) through the repositories, and the real folder service on temporary
 * folders: each installation runs the renderer's runner on its own service instance
 * pointed at the same folder, as installations on one network share do.
 */
import { appendFile, mkdtemp, readdir, readFile, rename, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncFolderService, type SyncFolderService } from '../../electron/main/services/syncFolderService';
import { createRepositories, openDatabase, type CwgDatabase, type Repositories } from '../../renderer/db';
import type { FolderRunResult } from '../../renderer/features/syncFolder/folderRunner';
import { nodeFolderRunner, workshop } from '../fixtures/folderRunner';
import { syncedTableNames, type Meeting } from '../../shared/model';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { emptyDelegateFields } from '../../shared/delegates/validation';
import { withheldForBundle } from '../../shared/sync/privacy';
import { sameRecord } from '../../shared/sync/records';

const databases: CwgDatabase[] = [];
const services: SyncFolderService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) service.stop();
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

const time = { now: Date.UTC(2026, 11, 5, 9) };

interface Installation {
  name: string;
  db: CwgDatabase;
  repos: Repositories;
  id: string;
  service: SyncFolderService;
  runner: ReturnType<typeof nodeFolderRunner>;
  backups: number;
}

async function install(
  folder: string,
  name: string,
  role: 'secretariat' | 'delegation',
  countryId: string | null = null,
  options: { compactAfterFiles?: number } = {},
): Promise<Installation> {
  const db = openDatabase(`cwg-folder-${crypto.randomUUID()}`);
  databases.push(db);
  const repos = createRepositories(db, { now: () => time.now });
  const installation = await repos.installation.create({ displayName: name, role, countryId });
  const dataFolder = await mkdtemp(join(tmpdir(), 'cwg-folder-app-'));
  // settleMs 0: a file counts as complete once seen (the settle test sets its own).
  const service = createSyncFolderService({ dataFolder, settleMs: 0, now: () => time.now });
  services.push(service);
  await service.choose(folder, installation.id);
  const self: Installation = { name, db, repos, id: installation.id, service, runner: undefined as never, backups: 0 };
  self.runner = nodeFolderRunner(repos, service, {
    now: () => time.now,
    onBackup: () => {
      self.backups += 1;
    },
    ...options,
  });
  return self;
}

async function run(installation: Installation): Promise<FolderRunResult> {
  time.now += 1000;
  return installation.runner.run();
}

/** First contact: the receiver opens one of the sender's files and trusts it, as Sync → Import does. */
async function trustFirstFile(into: Installation, from: Installation, folder: string): Promise<void> {
  const dir = join(folder, 'cwg-desk', from.id);
  const [first] = (await readdir(dir)).sort();
  if (!first) throw new Error(`${from.name} wrote nothing`);
  const session = await into.repos.sync.prepareImport({ name: first, bytes: new Uint8Array(await readFile(join(dir, first))) });
  await session.apply(session.preview.needsTrust);
}

/**
 * Same records with the same values and stamps in every synced table (as a merge sees them;
 * contacts without consent as bundles carry them: withheld).
 */
async function expectSameData(a: Installation, b: Installation): Promise<void> {
  for (const name of syncedTableNames) {
    const left = (await a.db.table<SyncRecord, string>(name).toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));
    const right = (await b.db.table<SyncRecord, string>(name).toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(left.map((record) => record.id), `${name} of ${a.name} and ${b.name}`).toEqual(right.map((record) => record.id));
    const differing = left.filter((record, index) => {
      const other = right[index];
      return !other || !sameRecord(withheldForBundle(name, record), withheldForBundle(name, other));
    });
    expect(differing.map((record) => `${name}/${record.id}`)).toEqual([]);
  }
}

async function addMeeting(installation: Installation, title: string): Promise<Meeting> {
  time.now += 1000;
  return installation.repos.meetings.save(workshop(title));
}

/** A delegation records one of its own officials (its peers accept that from it). */
async function addOfficial(installation: Installation, nameNative: string, countryId: string): Promise<void> {
  time.now += 1000;
  await installation.repos.delegates.save({ ...emptyDelegateFields(), nameNative, countryId });
}

describe('sync through a shared folder', () => {
  it('a secretariat’s change reaches a delegation; files from a sender not yet trusted wait; nothing is read twice', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cwg-shared-'));
    const secretariat = await install(folder, 'Secretariat', 'secretariat');
    const delegation = await install(folder, 'Kyrgyz delegation', 'delegation', 'KG');
    await secretariat.repos.sampleData.load();

    const first = await run(secretariat);
    expect(first.wrote).toMatch(new RegExp(`^${secretariat.id}/\\d{8}T\\d{6}Z-[0-9a-f]{16}\\.cwgbundle\\.json$`));
    // Nothing new since: no second file.
    expect((await run(secretariat)).wrote).toBeNull();

    const waiting = await run(delegation);
    expect(waiting.waiting).toEqual([{ name: first.wrote, senders: ['Secretariat'] }]);
    expect(waiting.imported).toEqual([]);
    expect(await delegation.repos.meetings.list()).toEqual([]);

    await trustFirstFile(delegation, secretariat, folder);
    const meeting = await addMeeting(secretariat, 'Workshop on risk management');
    const second = await run(secretariat);
    expect(second.wrote).not.toBeNull();
    const after = await run(delegation);
    expect(after.imported.map((file) => file.name)).toEqual([second.wrote]);
    expect(after.waiting).toEqual([]);
    expect((await delegation.repos.meetings.list()).map((m) => m.id)).toContain(meeting.id);
    expect(delegation.backups).toBe(1);
    // Read once: a second cycle reads nothing and writes nothing new from the delegation's side
    // beyond its own first file.
    const again = await run(delegation);
    expect(again.imported).toEqual([]);
    await expectSameData(delegation, secretariat);
  });

  it('a broken file is "arriving" while it changes and a problem once it stopped; it is read again when it changes', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cwg-shared-'));
    const secretariat = await install(folder, 'Secretariat', 'secretariat');
    const delegation = await install(folder, 'Kazakh delegation', 'delegation', 'KZ');
    await secretariat.repos.sampleData.load();
    const { wrote } = await run(secretariat);
    if (!wrote) throw new Error('nothing written');
    await trustFirstFile(delegation, secretariat, folder);
    await addMeeting(secretariat, 'Site visit to the Dostyk border crossing');
    const { wrote: next } = await run(secretariat);
    if (!next) throw new Error('nothing written');
    const path = join(folder, 'cwg-desk', next);
    const full = await readFile(path);

    // Half the file is there, and it has just changed: arriving, not a problem.
    const slow = createSyncFolderService({ dataFolder: await mkdtemp(join(tmpdir(), 'cwg-folder-app-')), settleMs: 60_000, now: () => time.now });
    services.push(slow);
    await truncate(path, Math.floor(full.length / 2));
    const slowService = {
      ...slow,
      scan: async () => {
        await slow.choose(folder, delegation.id);
        return slow.scan();
      },
    };
    const arriving = await nodeFolderRunner(delegation.repos, slowService, { now: () => time.now }).run({ write: false });
    expect(arriving.arriving).toEqual([next]);
    expect(arriving.problems).toEqual([]);

    // It stopped changing and is still broken: a problem, with the reason.
    const broken = await run(delegation);
    expect(broken.problems.map((problem) => problem.name)).toEqual([next]);
    expect(String(broken.problems[0]?.error)).toMatch(/truncated|ends|checksum|JSON/i);

    // The rest arrives: imported.
    await appendFile(path, full.subarray(Math.floor(full.length / 2)));
    const done = await run(delegation);
    expect(done.problems).toEqual([]);
    expect(done.imported.map((file) => file.name)).toEqual([next]);
    await expectSameData(delegation, secretariat);
  });

  it('reads a conflict copy like any other file, and writes nothing while the folder is offline', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cwg-shared-'));
    const secretariat = await install(folder, 'Secretariat', 'secretariat');
    const delegation = await install(folder, 'Tajik delegation', 'delegation', 'TJ');
    await secretariat.repos.sampleData.load();
    const { wrote } = await run(secretariat);
    if (!wrote) throw new Error('nothing written');
    await trustFirstFile(delegation, secretariat, folder);
    await addMeeting(secretariat, 'Training with the WCO');
    const { wrote: next } = await run(secretariat);
    if (!next) throw new Error('nothing written');
    // A sync engine kept the file as a conflict copy only.
    const copy = next.replace('.cwgbundle.json', '.cwgbundle.sync-conflict-20261205-101700-ABCDEFG.json');
    await rename(join(folder, 'cwg-desk', next), join(folder, 'cwg-desk', copy));
    const result = await run(delegation);
    expect(result.imported.map((file) => file.name)).toEqual([copy]);

    // The share is gone: the delegation's change waits, and nothing is written or removed.
    await addOfficial(delegation, 'Фирӯз Раҳимов', 'TJ');
    const away = `${folder}-unmounted`;
    await rename(folder, away);
    const offline = await run(delegation);
    expect(offline.status).toMatchObject({ state: 'offline', reason: 'missing' });
    expect(offline.wrote).toBeNull();
    await rename(away, folder);
    expect((await run(delegation)).status.state).toBe('online');
  });

  it('after a backup restore, the folder’s files are read again and bring back what the restore removed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cwg-shared-'));
    const secretariat = await install(folder, 'Secretariat', 'secretariat');
    const delegation = await install(folder, 'Turkmen delegation', 'delegation', 'TM');
    await secretariat.repos.sampleData.load();
    await run(secretariat);
    await trustFirstFile(delegation, secretariat, folder);
    await run(delegation);
    time.now += 1000;
    const backup = await delegation.repos.backup.snapshot();
    const meeting = await addMeeting(secretariat, 'Workshop on the Harmonized System, Ashgabat');
    await run(secretariat);
    expect((await run(delegation)).imported).toHaveLength(1);
    expect(await delegation.repos.meetings.get(meeting.id)).toBeDefined();

    time.now += 1000;
    const session = await delegation.repos.backup.prepareRestore({ name: 'backup.json', bytes: new TextEncoder().encode(backup.text) });
    await session.apply();
    expect(await delegation.repos.meetings.get(meeting.id)).toBeUndefined();
    // The engine forgot which bundles it imported: the next cycle reads the folder again.
    const again = await run(delegation);
    expect(again.imported.length).toBeGreaterThan(0);
    expect(await delegation.repos.meetings.get(meeting.id)).toBeDefined();
    await expectSameData(delegation, secretariat);
  });

  it('three installations converge, a delegation joining late catches up, and compaction removes only acknowledged own files', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cwg-shared-'));
    const secretariat = await install(folder, 'Secretariat', 'secretariat', null, { compactAfterFiles: 4 });
    const kyrgyz = await install(folder, 'Kyrgyz delegation', 'delegation', 'KG');
    await secretariat.repos.sampleData.load();
    await run(secretariat);
    await trustFirstFile(kyrgyz, secretariat, folder);
    await run(kyrgyz); // acknowledges what it read
    await trustFirstFile(secretariat, kyrgyz, folder);
    for (const title of ['First workshop', 'Second workshop', 'Third workshop']) {
      await addMeeting(secretariat, title);
      await run(secretariat);
      await run(kyrgyz);
    }
    const before = await readdir(join(folder, 'cwg-desk', secretariat.id));
    expect(before).toHaveLength(4);
    const compaction = await run(secretariat); // reads the delegation's acknowledgement and compacts
    const after = await readdir(join(folder, 'cwg-desk', secretariat.id));
    // Every file the delegation declared it holds is gone; the snapshot stays (with the
    // acknowledgement the secretariat wrote in the same cycle, if it wrote one).
    expect(compaction.removed.map((name) => name.split('/')[1]).sort()).toEqual(before.sort());
    const kinds = await Promise.all(
      after.map(async (name) => (JSON.parse(await readFile(join(folder, 'cwg-desk', secretariat.id, name), 'utf8')) as { header: { scope: { kind: string } } }).header.scope.kind),
    );
    expect(kinds.sort()).toEqual(compaction.wrote ? ['all', 'folder'] : ['all']);

    // Quiet: with nothing new anywhere, a few more cycles write no file.
    await run(kyrgyz);
    await run(secretariat);
    const settled = [...(await readdir(join(folder, 'cwg-desk', secretariat.id))), ...(await readdir(join(folder, 'cwg-desk', kyrgyz.id)))];
    for (let round = 0; round < 3; round += 1) {
      expect((await run(kyrgyz)).wrote).toBeNull();
      expect((await run(secretariat)).wrote).toBeNull();
    }
    expect([...(await readdir(join(folder, 'cwg-desk', secretariat.id))), ...(await readdir(join(folder, 'cwg-desk', kyrgyz.id)))]).toEqual(settled);
    // The delegation's own files were left alone.
    expect((await readdir(join(folder, 'cwg-desk', kyrgyz.id))).length).toBeGreaterThan(0);
    await expectSameData(kyrgyz, secretariat);

    // A delegation joining now catches up from the snapshot and what followed.
    const tajik = await install(folder, 'Tajik delegation', 'delegation', 'TJ');
    const firstLook = await run(tajik);
    expect(firstLook.waiting.length).toBeGreaterThan(0);
    await trustFirstFile(tajik, secretariat, folder);
    await trustFirstFile(tajik, kyrgyz, folder);
    await run(tajik);
    await expectSameData(tajik, secretariat);
    // Nobody ever touched another installation's files.
    expect(await readdir(join(folder, 'cwg-desk'))).toEqual(expect.arrayContaining([secretariat.id, kyrgyz.id, tajik.id]));
    await writeFile(join(folder, 'cwg-desk', 'notes.txt'), 'not ours');
    await run(secretariat);
    expect(await readFile(join(folder, 'cwg-desk', 'notes.txt'), 'utf8')).toBe('not ours');
  });
});
