/**
 * Saving and opening the user's files (calendars, CSV, bundles, PDFs, backups) through the
 * dialog port: filters and size limits per purpose, the last folder remembered per purpose,
 * atomic writes, and errors a person can act on.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FILE_READ_LIMITS, formatLimit, type FilePurpose, type OpenFileResult, type SaveFileResult } from '../../../shared/ipc/contract';
import { ServiceError } from './serviceError';
import type { DialogPort, FileFilter } from './ports';
import { FileWriteError, writeFileAtomic } from './atomicFile';

export const FOLDER_MEMORY_FILE = 'last-folders.json';

const MB = 1024 * 1024;

interface PurposeSpec {
  title: string;
  filters: FileFilter[];
  /** Default read limit; a caller may ask for another up to MAX_FILE_BYTES. */
  maxBytes: number;
}

export const purposes: Record<FilePurpose, PurposeSpec> = {
  calendar: { title: 'Calendar file', filters: [{ name: 'iCalendar', extensions: ['ics'] }], maxBytes: FILE_READ_LIMITS.calendar },
  csv: {
    title: 'Spreadsheet (CSV)',
    filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }],
    maxBytes: FILE_READ_LIMITS.csv,
  },
  bundle: {
    title: 'CWG Desk bundle',
    filters: [{ name: 'CWG Desk bundle', extensions: ['json'] }],
    maxBytes: FILE_READ_LIMITS.bundle,
  },
  pdf: { title: 'PDF document', filters: [{ name: 'PDF', extensions: ['pdf'] }], maxBytes: FILE_READ_LIMITS.pdf },
  backup: {
    title: 'CWG Desk backup',
    filters: [{ name: 'CWG Desk backup', extensions: ['json'] }],
    maxBytes: FILE_READ_LIMITS.backup,
  },
};

/** A failed write as the renderer receives it: English message, and the reason as a value. */
export function toServiceError(error: unknown, path: string): ServiceError {
  if (error instanceof FileWriteError) return new ServiceError('io-error', error.message, error.fault);
  const detail = error instanceof Error ? error.message : String(error);
  return new ServiceError('io-error', `"${path}" could not be saved: ${detail}.`, { reason: 'other', path, detail });
}

/** A failed read: the file vanished, a permission, a broken drive. */
export function unreadable(error: unknown, path: string): ServiceError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ServiceError('io-error', `"${path}" cannot be read: ${detail}.`, { reason: 'unreadable', path, detail });
}

function formatSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A file above its limit: the message names the limit, the fault carries both sizes. */
export function tooLarge(path: string, size: number, limit: number, what: string): ServiceError {
  return new ServiceError('not-allowed', `"${basename(path)}" is ${formatSize(size)}, more than the limit of ${formatLimit(limit)} for a ${what}.`, {
    reason: 'too-large',
    path,
    size,
    limit,
  });
}

export interface FileServiceOptions {
  dialogs: DialogPort;
  /** Folder of the app's own files, where the remembered folders are kept. */
  dataFolder: string;
  /** Where dialogs open before anything was remembered (e.g. Documents). */
  defaultFolder: string;
}

export function createFileService({ dialogs, dataFolder, defaultFolder }: FileServiceOptions) {
  const memoryFile = join(dataFolder, FOLDER_MEMORY_FILE);

  async function rememberedFolders(): Promise<Partial<Record<FilePurpose, string>>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(memoryFile, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed) : {};
    } catch {
      return {}; // missing or broken: start from the default folder
    }
  }

  async function remember(purpose: FilePurpose, path: string): Promise<void> {
    const folders = await rememberedFolders();
    folders[purpose] = dirname(path);
    // Losing this convenience must never fail the user's save.
    await writeFileAtomic(memoryFile, JSON.stringify(folders, null, 2)).catch(() => undefined);
  }

  async function startFolder(purpose: FilePurpose): Promise<string> {
    return (await rememberedFolders())[purpose] ?? defaultFolder;
  }

  return {
    /** `title`: the dialog's title in the user's language (from the renderer); the English one when absent. */
    /** `content`: the file's bytes as they arrived (IPC) or were made in main (a printed PDF); written as they are. */
    async save(purpose: FilePurpose, suggestedName: string, content: Uint8Array, title?: string): Promise<SaveFileResult> {
      const spec = purposes[purpose];
      const path = await dialogs.chooseSaveFile({
        title: title ?? spec.title,
        defaultPath: join(await startFolder(purpose), suggestedName),
        filters: spec.filters,
      });
      if (path === null) return { saved: false };
      // A view on the same memory, not a copy (a backup may be hundreds of megabytes).
      const data = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      try {
        await writeFileAtomic(path, data);
      } catch (error) {
        throw toServiceError(error, path);
      }
      await remember(purpose, path);
      return { saved: true, path, bytes: data.byteLength };
    },

    async open(purpose: FilePurpose, maxBytes?: number, title?: string): Promise<OpenFileResult> {
      const spec = purposes[purpose];
      const limit = maxBytes ?? spec.maxBytes;
      const path = await dialogs.chooseOpenFile({ title: title ?? spec.title, filters: spec.filters });
      if (path === null) return { opened: false };
      let size: number;
      try {
        const info = await stat(path);
        if (!info.isFile()) throw new ServiceError('io-error', `"${path}" is not a file.`, { reason: 'not-a-file', path });
        size = info.size;
      } catch (error) {
        if (error instanceof ServiceError) throw error;
        throw unreadable(error, path);
      }
      if (size > limit) throw tooLarge(path, size, limit, spec.title.toLowerCase());
      const bytes = await readFile(path).catch((error: unknown) => {
        throw unreadable(error, path);
      });
      if (bytes.byteLength > limit) throw tooLarge(path, bytes.byteLength, limit, spec.title.toLowerCase()); // grew since stat
      await remember(purpose, path);
      // The Buffer is a Uint8Array: it crosses IPC as one (structured clone), never as text.
      return { opened: true, name: basename(path), path, size: bytes.byteLength, bytes };
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;
