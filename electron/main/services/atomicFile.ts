/**
 * Writes files so that a crash, a full disk or a cut power leaves either the old file or
 * the new one, never half of one: write a temporary file in the same folder, flush it to
 * disk, then rename it over the target (atomic on the same file system).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileFault, FileFaultReason } from '../../../shared/ipc/result';

/** A file-system failure, explained for a person, with what happened to their data. */
export class FileWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** The same failure as a value the renderer translates. */
    readonly fault: FileFault,
  ) {
    super(message);
    this.name = 'FileWriteError';
  }
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** A clear sentence for the errors people actually meet when saving. */
export function explainWriteError(error: unknown, target: string): FileWriteError {
  const code = errnoCode(error);
  const where = `"${target}"`;
  const unchanged = 'Nothing was written; any earlier file there is unchanged.';
  const detail = error instanceof Error ? error.message : String(error);
  const fault = (reason: FileFaultReason): FileFault => ({ reason, path: target });
  switch (code ?? '') {
    case 'ENOSPC':
      return new FileWriteError(`The disk is full: ${where} could not be saved. ${unchanged} Free some space or choose another drive.`, code, fault('disk-full'));
    case 'EDQUOT':
      return new FileWriteError(`Your disk quota is used up: ${where} could not be saved. ${unchanged}`, code, fault('disk-quota'));
    case 'EACCES':
    case 'EPERM':
      return new FileWriteError(`No permission to write ${where}. ${unchanged} Choose another folder.`, code, fault('no-permission'));
    case 'EROFS':
      return new FileWriteError(`The drive is read-only: ${where} could not be saved. ${unchanged}`, code, fault('read-only'));
    case 'ENOENT':
      return new FileWriteError(`The folder of ${where} no longer exists (was a USB stick removed?). ${unchanged}`, code, fault('folder-gone'));
    case 'EISDIR':
      return new FileWriteError(`${where} is a folder, not a file. ${unchanged}`, code, fault('is-folder'));
    default:
      return new FileWriteError(`${where} could not be saved: ${detail}. ${unchanged}`, code, { ...fault('other'), detail });
  }
}

/** The file-system calls the writer needs; tests pass versions that fail on purpose. */
export interface AtomicFs {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
}

const nodeFs: AtomicFs = { open, rename, unlink };

/** Writes `data` to `target` atomically. Throws FileWriteError; never leaves a temp file behind. */
export async function writeFileAtomic(target: string, data: Uint8Array | string, fs: AtomicFs = nodeFs): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let written = false;
  try {
    const handle = await fs.open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
    written = true;
  } catch (error) {
    throw explainWriteError(error, target);
  } finally {
    if (!written) await fs.unlink(temp).catch(() => undefined);
  }
}

/** Size of a file, or null when it does not exist. */
export async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}
