/**
 * Automatic backups in the app's data folder. The renderer produces the snapshot (the data
 * lives in its IndexedDB); this service owns where it goes: atomic writes, an index with
 * date, reason, size and counts, and rotation (the last 14 daily snapshots and the last 10
 * taken "before" a risky operation). Manual backups to a USB stick go through the file
 * service instead; they are the user's files, not rotated.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { backupReasons, FILE_READ_LIMITS, type BackupEntry, type BackupReason } from '../../../shared/ipc/contract';
import { ServiceError } from './serviceError';
import { explainWriteError, writeFileAtomic } from './atomicFile';
import { tooLarge, toServiceError, unreadable } from './fileService';

export const BACKUP_FOLDER = 'backups';
export const BACKUP_INDEX = 'index.json';
export const KEEP_DAILY = 14;
export const KEEP_BEFORE = 10;

const FILE_PATTERN = /^cwg-backup-(?<id>\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{6})-(?<reason>[a-z-]+)\.json$/;

/**
 * An index entry. Its fileName reaches readFile and unlink, so it must be a backup file's
 * name (no folders, no "..") that carries the entry's own id and reason; an index with any
 * other name is treated as damaged and rebuilt from the folder.
 */
const entrySchema = z
  .object({
    id: z.string().regex(/^[0-9A-Za-z-]+$/),
    fileName: z.string().regex(FILE_PATTERN, 'a backup file name'),
    reason: z.enum(backupReasons),
    createdAt: z.string(),
    size: z.number(),
    counts: z.record(z.string(), z.number()),
  })
  .refine((entry) => {
    const groups = FILE_PATTERN.exec(entry.fileName)?.groups;
    return groups?.id === entry.id && groups.reason === entry.reason;
  }, 'the file name carries the entry\'s id and reason');
const indexSchema = z.array(entrySchema);

/** "2026-11-27T21-02-24-123Z-ab12cd" → "2026-11-27T21:02:24.123Z" */
function idToIso(id: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(id);
  return m ? `${m[1] ?? ''}T${m[2] ?? ''}:${m[3] ?? ''}:${m[4] ?? ''}.${m[5] ?? ''}Z` : id;
}

/** Which entries rotation keeps: the newest KEEP_DAILY daily ones and the newest KEEP_BEFORE others. */
export function rotate(entries: readonly BackupEntry[]): { keep: BackupEntry[]; drop: BackupEntry[] } {
  const newestFirst = [...entries].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const keep: BackupEntry[] = [];
  const drop: BackupEntry[] = [];
  let daily = 0;
  let before = 0;
  for (const entry of newestFirst) {
    const isDaily = entry.reason === 'daily';
    const kept = isDaily ? daily++ < KEEP_DAILY : before++ < KEEP_BEFORE;
    (kept ? keep : drop).push(entry);
  }
  return { keep, drop };
}

export interface BackupServiceOptions {
  dataFolder: string;
  now?: () => Date;
}

export function createBackupService({ dataFolder, now = () => new Date() }: BackupServiceOptions) {
  const folder = join(dataFolder, BACKUP_FOLDER);
  const indexFile = join(folder, BACKUP_INDEX);

  /**
   * Entries rebuilt from the files themselves (names carry id, time and reason), for when
   * the index is missing or damaged: a broken index must never hide a backup.
   */
  async function scanFolder(): Promise<BackupEntry[]> {
    const entries: BackupEntry[] = [];
    for (const fileName of await readdir(folder).catch(() => [] as string[])) {
      const match = FILE_PATTERN.exec(fileName);
      if (!match?.groups) continue;
      const { id = '', reason = '' } = match.groups;
      const parsedReason = z.enum(backupReasons).safeParse(reason);
      if (!parsedReason.success) continue;
      const info = await stat(join(folder, fileName)).catch(() => null);
      if (!info) continue;
      entries.push({ id, fileName, reason: parsedReason.data, createdAt: idToIso(id), size: info.size, counts: {} });
    }
    return entries;
  }

  async function readIndex(): Promise<BackupEntry[]> {
    try {
      const parsed = indexSchema.safeParse(JSON.parse(await readFile(indexFile, 'utf8')) as unknown);
      if (parsed.success) return parsed.data;
    } catch {
      // missing or not JSON: rebuilt below
    }
    return scanFolder();
  }

  async function existing(entries: BackupEntry[]): Promise<BackupEntry[]> {
    const files = new Set(await readdir(folder).catch(() => [] as string[]));
    return entries.filter((entry) => files.has(entry.fileName));
  }

  return {
    folder,

    async list(): Promise<BackupEntry[]> {
      const entries = await existing(await readIndex());
      return entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    },

    /** `content`: the snapshot's UTF-8 bytes, written as they arrived. */
    async write(reason: BackupReason, content: Uint8Array, counts: Record<string, number>): Promise<BackupEntry> {
      await mkdir(folder, { recursive: true }).catch((error: unknown) => {
        throw toServiceError(explainWriteError(error, folder), folder);
      });
      const createdAt = now().toISOString();
      const id = `${createdAt.replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
      const fileName = `cwg-backup-${id}-${reason}.json`;
      const data = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      try {
        await writeFileAtomic(join(folder, fileName), data);
      } catch (error) {
        throw toServiceError(error, join(folder, fileName));
      }
      const entry: BackupEntry = { id, fileName, reason, createdAt, size: data.byteLength, counts };
      // A rebuilt index (see scanFolder) already holds the file just written: count it once.
      const previous = (await existing(await readIndex())).filter((other) => other.id !== id);
      const { keep, drop } = rotate([...previous, entry]);
      // The index is written before old files go: a crash in between leaves orphans, never a listed file that is gone.
      await writeFileAtomic(indexFile, JSON.stringify(keep, null, 2)).catch((error: unknown) => {
        throw toServiceError(error, indexFile);
      });
      for (const old of drop) await unlink(join(folder, old.fileName)).catch(() => undefined);
      return entry;
    },

    /** The snapshot's bytes (never one string: the renderer decodes them); refused above the backup limit. */
    async read(id: string): Promise<{ entry: BackupEntry; bytes: Uint8Array }> {
      const entry = (await readIndex()).find((candidate) => candidate.id === id);
      if (!entry) throw new ServiceError('not-allowed', `There is no backup "${id}".`);
      const path = join(folder, entry.fileName);
      const limit = FILE_READ_LIMITS.backup;
      let bytes: Buffer;
      try {
        const { size } = await stat(path);
        if (size > limit) throw tooLarge(path, size, limit, 'backup');
        bytes = await readFile(path);
      } catch (error) {
        if (error instanceof ServiceError) throw error;
        throw unreadable(error, path);
      }
      if (bytes.byteLength > limit) throw tooLarge(path, bytes.byteLength, limit, 'backup');
      return { entry, bytes };
    },

    /** The newest daily backup's date (YYYY-MM-DD, UTC), so the renderer knows whether today's is due. */
    async lastDaily(): Promise<string | null> {
      const daily = (await this.list()).find((entry) => entry.reason === 'daily');
      return daily ? daily.createdAt.slice(0, 10) : null;
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
