/**
 * Recognises failures of the local database itself (quota exceeded or a full disk, an
 * aborted or failed write) however Dexie wraps them, and says them in words a person can
 * act on. Every write is one transaction, so such a failure always means "nothing of this
 * change was saved; what was there before is intact": the messages can promise that.
 */
import type { TFunction } from 'i18next';
import { fileFaultReasons, type FileFault } from '../../shared/ipc/result';
import { currentLanguage } from '../app/i18n';
import { ApiError } from './api';
import { formatBytes } from './storage';

export type StorageFault = { kind: 'quota' } | { kind: 'write-failed'; detail: string };

/**
 * IndexedDB and Dexie error names that mean the engine failed the write, not the app's
 * own checks. (A transaction aborted by our code rejects with our error, not AbortError.)
 */
const WRITE_FAILURES = new Set(['AbortError', 'UnknownError', 'DatabaseClosedError', 'TimeoutError', 'OpenFailedError']);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/**
 * The error and everything it wraps, outermost first: Dexie puts the engine's error in
 * `inner` (AbortError → QuotaExceededError), bulk operations list theirs in `failures`,
 * and standard errors chain through `cause`.
 */
function chain(error: unknown): ErrorLike[] {
  const found: ErrorLike[] = [];
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && found.length < 50) {
    const next = pending.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const like = next as ErrorLike;
    found.push(like);
    pending.push(like.inner, like.cause);
    if (Array.isArray(like.failures)) pending.push(...(like.failures as unknown[]));
  }
  return found;
}

const nameOf = (error: ErrorLike): string => (typeof error.name === 'string' ? error.name : '');

/** True when the engine refused a write for lack of space (its quota for the app, or the disk). */
export function isQuotaError(error: unknown): boolean {
  return chain(error).some((entry) => nameOf(entry) === 'QuotaExceededError');
}

/** What kind of storage fault `error` is, or null when it is not one (validation, refusals, bugs). */
export function storageFault(error: unknown): StorageFault | null {
  if (isQuotaError(error)) return { kind: 'quota' };
  const entries = chain(error);
  if (!entries.some((entry) => WRITE_FAILURES.has(nameOf(entry)))) return null;
  // The innermost message says most about the cause (the engine's own words).
  const innermost = [...entries].reverse().find((entry) => typeof entry.message === 'string' && entry.message !== '');
  return { kind: 'write-failed', detail: typeof innermost?.message === 'string' ? innermost.message : nameOf(entries[0] ?? {}) };
}

/** A failed file operation of the main process (a full USB stick, a file that vanished), in the UI language. */
export function fileFaultMessage(fault: FileFault, t: TFunction): string {
  const language = currentLanguage();
  const reason = (fileFaultReasons as readonly string[]).includes(fault.reason) ? fault.reason : 'other';
  return t(`faults.file.${reason}`, {
    path: fault.path,
    detail: fault.detail ?? '',
    size: fault.size === undefined ? '' : formatBytes(fault.size, language),
    limit: fault.limit === undefined ? '' : formatBytes(fault.limit, language),
  });
}

/** The message to show for a storage fault, in the UI language; null when `error` is not one. */
export function storageFaultMessage(error: unknown, t: TFunction): string | null {
  if (error instanceof ApiError && error.fault) return fileFaultMessage(error.fault, t);
  const fault = storageFault(error);
  if (fault === null) return null;
  switch (fault.kind) {
    case 'quota':
      return t('faults.quota');
    case 'write-failed':
      return t('faults.writeFailed', { detail: fault.detail });
  }
}

/** Any error as a person should read it: a storage or file fault in the UI language, else its message. */
export function errorText(error: unknown, t: TFunction): string {
  return storageFaultMessage(error, t) ?? (error instanceof Error ? error.message : String(error));
}
