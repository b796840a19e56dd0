/**
 * The sync folder service against real temporary folders: what it lists, skips, writes
 * and refuses, when a folder counts as offline, and when a file counts as settled.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncFolderService, SyncFolderError, type SyncFolderService } from '../../electron/main/services/syncFolderService';
import { folderFileName, isConflictCopy, isFolderBundleName, isTemporaryName } from '../../shared/sync/folderNames';

const SELF = '5b0d7c1e-1c7b-4a37-9a51-0a4f4f3a2b11';
const OTHER = 'c7d1e2f3-aaaa-4bbb-8ccc-1234567890ab';
const started: SyncFolderService[] = [];

async function setup(options: { settleMs?: number; pollMs?: number; now?: () => number; onChange?: (reason: 'watch' | 'poll') => void } = {}) {
  const dataFolder = await mkdtemp(join(tmpdir(), 'cwg-folder-data-'));
  const folder = await mkdtemp(join(tmpdir(), 'cwg-folder-shared-'));
  const service = createSyncFolderService({ dataFolder, ...options });
  started.push(service);
  return { dataFolder, folder, service };
}

afterEach(() => {
  for (const service of started.splice(0)) service.stop();
});

const fileA = folderFileName(new Date('2026-12-05T10:15:00Z'), 'a'.repeat(64));
const fileB = folderFileName(new Date('2026-12-05T10:16:00Z'), 'b'.repeat(64));

describe('names in the sync folder', () => {
  it('skips the temporary files of sync engines, editors and its own writes, and reads conflict copies', () => {
    for (const name of [
      '~syncthing~x.cwgbundle.json.tmp',
      '.syncthing.x.cwgbundle.json.tmp',
      'x.cwgbundle.json.part',
      'x.tmp',
      '~$report.json',
      '.~lock.x.json#',
      '.x.cwgbundle.json.1a2b3c.tmp',
      '.stfolder',
    ]) {
      expect(isTemporaryName(name), name).toBe(true);
      expect(isFolderBundleName(name), name).toBe(false);
    }
    const syncthing = '20261205T101500Z-aaaaaaaaaaaaaaaa.cwgbundle.sync-conflict-20261205-101600-ABCDEFG.json';
    const nextcloud = '20261205T101500Z-aaaaaaaaaaaaaaaa.cwgbundle (conflicted copy 2026-12-05 101600).json';
    for (const name of [syncthing, nextcloud]) {
      expect(isConflictCopy(name), name).toBe(true);
      expect(isFolderBundleName(name), name).toBe(true);
    }
    expect(isConflictCopy(fileA)).toBe(false);
    expect(fileA).toBe('20261205T101500Z-aaaaaaaaaaaaaaaa.cwgbundle.json');
  });
});

describe('the sync folder service', () => {
  it('is off until a folder is chosen, then online, and remembers the choice across a restart', async () => {
    const { dataFolder, folder, service } = await setup();
    expect((await service.status()).state).toBe('off');
    const status = await service.choose(folder, SELF);
    expect(status).toMatchObject({ state: 'online', folder, installationId: SELF, paused: false });
    const again = createSyncFolderService({ dataFolder });
    started.push(again);
    expect(await again.status()).toMatchObject({ state: 'online', folder, installationId: SELF });
    expect((await again.choose(null, null)).state).toBe('off');
  });

  it('writes its files once, atomically, under cwg-desk/<installation id>/, and never over an existing file', async () => {
    const { folder, service } = await setup();
    await service.choose(folder, SELF);
    expect(await service.write(fileA, '{"first":1}')).toEqual({ name: `${SELF}/${fileA}`, written: true });
    expect(await service.write(fileA, '{"second":2}')).toEqual({ name: `${SELF}/${fileA}`, written: false });
    expect(await readFile(join(folder, 'cwg-desk', SELF, fileA), 'utf8')).toBe('{"first":1}');
    // Nothing else is left behind: no temporary file, no lock file.
    expect(await readdir(join(folder, 'cwg-desk', SELF))).toEqual([fileA]);
    await expect(service.write('../escape.cwgbundle.json', '{}')).rejects.toThrow(SyncFolderError);
    await expect(service.write('notes.json', '{}')).rejects.toThrow(/not a name the app writes/);
  });

  it('lists every installation’s files, skipping temporary and hidden ones, and marks its own and conflict copies', async () => {
    const { folder, service } = await setup();
    await service.choose(folder, SELF);
    await service.write(fileA, '{}');
    const other = join(folder, 'cwg-desk', OTHER);
    await mkdir(other, { recursive: true });
    const conflict = fileB.replace('.json', '.sync-conflict-20261205-101700-ABCDEFG.json');
    for (const name of [fileB, conflict, `~syncthing~${fileB}.tmp`, `${fileB}.part`, '.stignore']) await writeFile(join(other, name), '{}');
    await mkdir(join(folder, 'cwg-desk', '.stversions'), { recursive: true });
    await writeFile(join(folder, 'cwg-desk', '.stversions', fileB), '{}');
    const { status, files } = await service.scan();
    expect(status.state).toBe('online');
    expect(files.map((file) => [file.name, file.own, file.conflictCopy])).toEqual([
      [`${SELF}/${fileA}`, true, false],
      [`${OTHER}/${fileB}`, false, false],
      [`${OTHER}/${conflict}`, false, true],
    ]);
  });

  it('counts a file as settled only once its size and time stopped changing', async () => {
    let clock = 1_000_000;
    const { folder, service } = await setup({ settleMs: 3000, now: () => clock });
    await service.choose(folder, SELF);
    const other = join(folder, 'cwg-desk', OTHER);
    await mkdir(other, { recursive: true });
    const path = join(other, fileB);
    await writeFile(path, '{"header":');
    const settledOf = async () => (await service.scan()).files.find((file) => file.name === `${OTHER}/${fileB}`)?.settled;
    expect(await settledOf()).toBe(false);
    clock += 2000;
    await writeFile(path, '{"header":{}}'); // still arriving: it grew
    await utimes(path, new Date(clock), new Date(clock));
    expect(await settledOf()).toBe(false);
    clock += 2999;
    expect(await settledOf()).toBe(false);
    clock += 1;
    expect(await settledOf()).toBe(true);
  });

  it('reads listed files and refuses names outside the app’s folder', async () => {
    const { folder, service } = await setup();
    await service.choose(folder, SELF);
    const other = join(folder, 'cwg-desk', OTHER);
    await mkdir(other, { recursive: true });
    await writeFile(join(other, fileB), '{"ok":true}');
    await writeFile(join(folder, 'secret.json'), '{"secret":true}');
    const read = await service.read(`${OTHER}/${fileB}`);
    expect(read.bytes.toString('utf8')).toBe('{"ok":true}');
    for (const name of ['../secret.json', `${OTHER}/../../secret.json`, 'secret.json', `${OTHER}/x/../../../secret.json`, `..%2F/${fileB}`]) {
      await expect(service.read(name), name).rejects.toThrow(/is not a file of the sync folder/);
    }
  });

  it('removes only its own files', async () => {
    const { folder, service } = await setup();
    await service.choose(folder, SELF);
    await service.write(fileA, '{}');
    const other = join(folder, 'cwg-desk', OTHER);
    await mkdir(other, { recursive: true });
    await writeFile(join(other, fileB), '{}');
    await expect(service.removeOwn([`${OTHER}/${fileB}`])).rejects.toThrow(/not one of this installation’s files|not one of this installation's files/);
    expect(await readdir(other)).toEqual([fileB]);
    expect(await service.removeOwn([`${SELF}/${fileA}`])).toEqual({ removed: [`${SELF}/${fileA}`] });
    expect(await readdir(join(folder, 'cwg-desk', SELF))).toEqual([]);
  });

  it('is offline, writing and listing nothing, when the folder is gone or empty after use (a share not mounted)', async () => {
    const { folder, service } = await setup();
    await service.choose(folder, SELF);
    await service.write(fileA, '{}');
    const away = `${folder}-away`;
    await rename(folder, away);
    expect(await service.status()).toMatchObject({ state: 'offline', reason: 'missing' });
    expect((await service.scan()).files).toEqual([]);
    await expect(service.write(fileB, '{}')).rejects.toThrow(/cannot be reached/);
    // The mount point is back but empty: still offline, and nothing is recreated in it.
    await mkdir(folder);
    expect(await service.status()).toMatchObject({ state: 'offline', reason: 'empty' });
    await expect(service.write(fileB, '{}')).rejects.toThrow(/cannot be reached/);
    expect(await readdir(folder)).toEqual([]);
    expect(await service.removeOwn([`${SELF}/${fileA}`])).toEqual({ removed: [] });
    // The share is mounted again: online, with everything where it was.
    await rm(folder, { recursive: true });
    await rename(away, folder);
    expect((await service.status()).state).toBe('online');
    expect((await service.scan()).files.map((file) => file.name)).toEqual([`${SELF}/${fileA}`]);
  });

  it('a new folder that is empty is online: the first write creates the app’s folder', async () => {
    const { folder, service } = await setup();
    await service.choose(folder, SELF);
    expect((await service.status()).state).toBe('online');
    expect(await readdir(folder)).toEqual([]);
    await service.write(fileA, '{}');
    expect(await readdir(join(folder, 'cwg-desk'))).toEqual([SELF]);
  });

  it('tells about a new file by polling, and stops telling while paused', async () => {
    const reasons: string[] = [];
    const { folder, service } = await setup({ pollMs: 40, onChange: (reason) => reasons.push(reason) });
    await service.choose(folder, SELF);
    const other = join(folder, 'cwg-desk', OTHER);
    await mkdir(other, { recursive: true });
    const waitFor = async (count: number) => {
      for (let i = 0; i < 200 && reasons.length < count; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    await waitFor(1);
    const before = reasons.length;
    expect(before).toBeGreaterThan(0);
    await writeFile(join(other, fileB), '{}');
    await waitFor(before + 1);
    expect(reasons.length).toBeGreaterThan(before);
    await service.setPaused(true);
    const paused = reasons.length;
    await writeFile(join(other, fileA), '{}');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reasons.length).toBe(paused);
    expect((await service.status()).paused).toBe(true);
  });
});
