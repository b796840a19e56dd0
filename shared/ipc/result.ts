/** The envelope every IPC answer travels in: errors are values at the process boundary. */
export const ipcErrorCodes = [
  'invalid-payload',
  'forbidden-sender',
  'unknown-channel',
  'not-allowed',
  'cancelled',
  'io-error',
  'internal',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

/**
 * Why a file operation failed, as a value: main explains it in English (`message`, for logs
 * and the command line) and the renderer says it in the user's language from this.
 */
export const fileFaultReasons = [
  'disk-full',
  'disk-quota',
  'no-permission',
  'read-only',
  'folder-gone',
  'is-folder',
  'not-a-file',
  'too-large',
  'unreadable',
  'other',
] as const;
export type FileFaultReason = (typeof fileFaultReasons)[number];

export interface FileFault {
  reason: FileFaultReason;
  /** The file or folder concerned. */
  path: string;
  /** too-large: the file's size and the limit, in bytes; unreadable/other: the system's words. */
  size?: number;
  limit?: number;
  detail?: string;
}

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /** Present when a file operation failed: what the renderer translates. */
  fault?: FileFault;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string, fault?: FileFault): IpcResult<never> {
  return { ok: false, error: fault ? { code, message, fault } : { code, message } };
}
