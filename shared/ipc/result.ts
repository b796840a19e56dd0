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

export interface IpcError {
  code: IpcErrorCode;
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}
