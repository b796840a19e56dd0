/** Automatic backups: atomic snapshots, an index, and rotation (14 daily, 10 "before"). */
import { mkdtemp, readdir, readFile, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../electron/main/services/serviceError';
import { BACKUP_FOLDER, BACKUP_INDEX, createBackupService, KEEP_BEFORE, KEEP_DAILY, rotate } from '../../electron/main/services/backupService';
import { FILE_READ_LIMITS, type BackupEntry, type BackupReason } from '../../shared/ipc/contract';

const utf8 = (value: string) => new TextEncoder().encode(value);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function clock(start = Date.UTC(2026, 10, 1)) {
  let t = start;
  return () => new Date((t += 60 * 60 * 1000));
}

async function setup() {
  const dataFolder = await mkdtemp(join(tmpdir(), 'cwg-backups-'));
  return { dataFolder, backups: createBackupService({ dataFolder, now: clock() }) };
}

describe('backup rotation', () => {
  const entry = (n: number, reason: BackupReason): BackupEntry => ({
    id: `b${n}`,
    fileName: `f${n}`,
    reason,
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(),
    size: 1,
    counts: {},
  });

  it('keeps the newest 14 daily and the newest 10 before-operation snapshots', () => {
    const entries = [
      ...Array.from({ length: 20 }, (_, i) => entry(i, 'daily')),
      ...Array.from({ length: 6 }, (_, i) => entry(100 + i, 'before-import')),
      ...Array.from({ length: 6 }, (_, i) => entry(200 + i, 'before-restore')),
    ];
    const { keep, drop } = rotate(entries);
    expect(keep.filter((e) => e.reason === 'daily').map((e) => e.id)).toEqual(
      Array.from({ length: KEEP_DAILY }, (_, i) => `b${19 - i}`),
    );
    const before = keep.filter((e) => e.reason !== 'daily');
    expect(before).toHaveLength(KEEP_BEFORE);
    // The oldest two "before" snapshots (both before-import) are the ones dropped.
    expect(drop.filter((e) => e.reason !== 'daily').map((e) => e.id).sort()).toEqual(['b100', 'b101']);
    expect(keep.length + drop.length).toBe(entries.length);
  });
});

describe('backup service', () => {
  it('writes a snapshot atomically and lists it with reason, size and counts', async () => {
    const { dataFolder, backups } = await setup();
    const entry = await backups.write('before-import', utf8('{"meetings":[]}'), { meetings: 2, delegates: 34 });
    expect(entry).toMatchObject({ reason: 'before-import', size: 15, counts: { meetings: 2, delegates: 34 } });
    expect(await backups.list()).toEqual([entry]);
    const files = await readdir(join(dataFolder, BACKUP_FOLDER));
    expect(files.sort()).toEqual([BACKUP_INDEX, entry.fileName].sort()); // no temporary files left
    const read = await backups.read(entry.id);
    expect(read.entry).toEqual(entry);
    // Bytes, as written: never a string (the renderer decodes them).
    expect(read.bytes).toBeInstanceOf(Uint8Array);
    expect(text(read.bytes)).toBe('{"meetings":[]}');
    expect(await backups.lastDaily()).toBeNull();
  });

  it('rotates files on disk, not only the index', async () => {
    const { dataFolder, backups } = await setup();
    for (let i = 0; i < KEEP_DAILY + 3; i += 1) await backups.write('daily', utf8(`{"n":${i}}`), {});
    for (let i = 0; i < KEEP_BEFORE + 2; i += 1) await backups.write('before-merge', utf8(`{"m":${i}}`), {});
    const listed = await backups.list();
    expect(listed.filter((e) => e.reason === 'daily')).toHaveLength(KEEP_DAILY);
    expect(listed.filter((e) => e.reason === 'before-merge')).toHaveLength(KEEP_BEFORE);
    const files = (await readdir(join(dataFolder, BACKUP_FOLDER))).filter((f) => f !== BACKUP_INDEX);
    expect(files.sort()).toEqual(listed.map((e) => e.fileName).sort());
    const newestDaily = listed.find((e) => e.reason === 'daily');
    expect(newestDaily && text((await backups.read(newestDaily.id)).bytes)).toBe(`{"n":${KEEP_DAILY + 2}}`);
    expect(await backups.lastDaily()).toBe(newestDaily?.createdAt.slice(0, 10));
  });

  it('rebuilds the list from the files when the index is damaged or missing', async () => {
    const { dataFolder, backups } = await setup();
    const first = await backups.write('daily', utf8('{}'), { meetings: 1 });
    const second = await backups.write('before-restore', utf8('{"x":1}'), { meetings: 1 });
    const rebuilt = [
      { ...second, counts: {} },
      { ...first, counts: {} },
    ];
    for (const damage of ['{ not json', '[{"wrong":true}]']) {
      await writeFile(join(dataFolder, BACKUP_FOLDER, BACKUP_INDEX), damage);
      expect(await backups.list()).toEqual(rebuilt);
    }
    await unlink(join(dataFolder, BACKUP_FOLDER, BACKUP_INDEX));
    expect(await backups.list()).toEqual(rebuilt);
    expect(text((await backups.read(first.id)).bytes)).toBe('{}');
    const third = await backups.write('daily', utf8('{"a":1}'), {}); // the next backup still lands, and re-indexes all
    const index = JSON.parse(await readFile(join(dataFolder, BACKUP_FOLDER, BACKUP_INDEX), 'utf8')) as BackupEntry[];
    expect(index.map((e) => e.id)).toEqual([third.id, second.id, first.id]);
  });

  it('never reads or deletes a file an edited index names outside the backup folder', async () => {
    const { dataFolder, backups } = await setup();
    const real = await backups.write('daily', utf8('{"real":1}'), {});
    // Files next to the backup folder that a tampered index points at.
    const secret = join(dataFolder, 'secret.json');
    await writeFile(secret, '{"secret":true}');
    const sibling = join(dataFolder, BACKUP_FOLDER, 'notes.json');
    await writeFile(sibling, '{"notes":true}');
    const id = '2020-01-01T00-00-00-000Z-abcdef';
    const forged = (fileName: string, reason: BackupReason = 'daily') => ({ id, fileName, reason, createdAt: '2020-01-01T00:00:00.000Z', size: 1, counts: {} });
    const indexFile = join(dataFolder, BACKUP_FOLDER, BACKUP_INDEX);
    for (const entry of [
      forged('../secret.json'),
      forged(secret),
      forged('notes.json'),
      forged(`cwg-backup-${id}-daily.json/../../secret.json`),
      // A well-formed name of another entry's file, or with another reason, is refused too.
      forged(real.fileName),
      forged(`cwg-backup-${id}-before-import.json`),
    ]) {
      await writeFile(indexFile, JSON.stringify([entry, real]));
      // The damaged index is set aside and the list rebuilt from the folder's backup files.
      expect((await backups.list()).map((listed) => listed.id)).toEqual([real.id]);
      const error = await backups.read(id).catch((e: unknown) => e);
      expect((error as ServiceError).message, entry.fileName).toBe(`There is no backup "${id}".`);
    }
    // Rotation drops what the (tampered) index lists beyond the limits: never those files.
    const many = Array.from({ length: KEEP_DAILY + 2 }, (_, n) => {
      const oldId = `2020-01-${String(n + 1).padStart(2, '0')}T00-00-00-000Z-abcdef`;
      return { id: oldId, fileName: n % 2 === 0 ? '../secret.json' : 'notes.json', reason: 'daily', createdAt: `2020-01-${String(n + 1).padStart(2, '0')}T00:00:00.000Z`, size: 1, counts: {} };
    });
    await writeFile(indexFile, JSON.stringify([...many, real]));
    await backups.write('daily', utf8('{"next":1}'), {});
    expect(await readFile(secret, 'utf8')).toBe('{"secret":true}');
    expect(await readFile(sibling, 'utf8')).toBe('{"notes":true}');
  });

  it('reads a backup exactly at the backup limit as bytes, and refuses one byte more with the limit', async () => {
    const { dataFolder, backups } = await setup();
    const entry = await backups.write('daily', utf8('{}'), {});
    const path = join(dataFolder, BACKUP_FOLDER, entry.fileName);
    const limit = FILE_READ_LIMITS.backup;
    await truncate(path, limit + 1); // sparse: the size is real, the disk holds nothing
    const error = await backups.read(entry.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).message).toBe(`"${entry.fileName}" is 500.0 MB, more than the limit of 500 MB for a backup.`);
    expect((error as ServiceError).fault).toEqual({ reason: 'too-large', path, size: limit + 1, limit });
    await truncate(path, limit);
    const read = await backups.read(entry.id);
    expect(read.bytes.byteLength).toBe(limit);
    expect(read.bytes[0]).toBe(0x7b); // "{" kept at the start
  }, 60_000);

  it('refuses an unknown backup id clearly', async () => {
    const { backups } = await setup();
    const error = await backups.read('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).message).toBe('There is no backup "nope".');
  });

  it('says clearly when the backup folder cannot be made, and writes nothing', async () => {
    const { dataFolder, backups } = await setup();
    // A file where the folder should be: what a damaged or foreign data folder looks like.
    await writeFile(join(dataFolder, BACKUP_FOLDER), 'not a folder');
    const error = await backups.write('before-import', utf8('{"a":1}'), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('io-error');
    expect((error as ServiceError).message).toContain(`"${join(dataFolder, BACKUP_FOLDER)}" could not be saved`);
    expect((error as ServiceError).message).toContain('Nothing was written');
    expect(await backups.list()).toEqual([]);
  });
});
