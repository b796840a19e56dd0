/**
 * The renderer's typed client for main-process calls. Unwraps the IpcResult envelope into
 * a value or an ApiError, so features can `await api.appInfo()` and show errors in a toast.
 */
import i18next from 'i18next';
import type { CwgApi } from '../../shared/ipc/api';
import { mainEvents, type FilePurpose, type MainEventName, type MainEventPayload, type RequestOf } from '../../shared/ipc/contract';
import type { FileFault, IpcErrorCode, IpcResult } from '../../shared/ipc/result';

declare global {
  interface Window {
    cwg?: CwgApi;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: IpcErrorCode | 'no-bridge',
    message: string,
    /** A file operation's failure as a value (renderer/lib/storageErrors.ts says it in the UI language). */
    readonly fault?: FileFault,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function bridge(): CwgApi {
  const api = window.cwg;
  if (!api) throw new ApiError('no-bridge', 'window.cwg is missing: the app was opened outside its shell.');
  return api;
}

function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.fault);
}

export function hasBridge(): boolean {
  return window.cwg !== undefined;
}

/** A save or open dialog's title in the UI language (main has only English ones). */
function dialogTitle(purpose: FilePurpose): string {
  return i18next.t(`files.dialogTitles.${purpose}`);
}

export const api = {
  appInfo: async () => unwrap(await bridge().appInfo()),
  openExternal: async (url: string) => unwrap(await bridge().openExternal({ url })),
  /** Save dialog + atomic write; `{ saved: false }` when the user cancelled. */
  saveFile: async (request: RequestOf<'cwg:file:save'>) => unwrap(await bridge().saveFile({ dialogTitle: dialogTitle(request.purpose), ...request })),
  writeBackup: async (request: RequestOf<'cwg:backup:write'>) => unwrap(await bridge().writeBackup(request)),
  listBackups: async () => unwrap(await bridge().listBackups()),
  readBackup: async (id: string) => unwrap(await bridge().readBackup({ id })),
  /** Open dialog + read (the file's bytes, a Uint8Array); `{ opened: false }` when the user cancelled. */
  openFile: async (request: RequestOf<'cwg:file:open'>) => unwrap(await bridge().openFile({ dialogTitle: dialogTitle(request.purpose), ...request })),
  /** Prints a report to PDF, then save dialog + atomic write; `{ saved: false }` when the user cancelled. */
  exportReportPdf: async (request: RequestOf<'cwg:report:export-pdf'>) => unwrap(await bridge().exportReportPdf({ dialogTitle: dialogTitle('pdf'), ...request })),
  /** Sends a report to the system print dialog; `{ printed: false }` when the user cancelled it. */
  printReport: async (request: RequestOf<'cwg:report:print'>) => unwrap(await bridge().printReport(request)),
  syncFolderStatus: async () => unwrap(await bridge().syncFolderStatus()),
  chooseSyncFolder: async (installationId: string) => unwrap(await bridge().chooseSyncFolder({ installationId })),
  forgetSyncFolder: async () => unwrap(await bridge().forgetSyncFolder()),
  pauseSyncFolder: async (paused: boolean) => unwrap(await bridge().pauseSyncFolder({ paused })),
  scanSyncFolder: async () => unwrap(await bridge().scanSyncFolder()),
  readSyncFolderFile: async (name: string) => unwrap(await bridge().readSyncFolderFile({ name })),
  writeSyncFolderFile: async (request: RequestOf<'cwg:sync-folder:write'>) => unwrap(await bridge().writeSyncFolderFile(request)),
  removeSyncFolderFiles: async (names: string[]) => unwrap(await bridge().removeSyncFolderFiles({ names })),
  readyToQuit: async () => unwrap(await bridge().readyToQuit()),
  /**
   * Listens to a message main sends unasked; a payload that does not match the contract is
   * dropped (and logged), never handed to the listener. Returns the unsubscribe function.
   */
  onMainEvent<E extends MainEventName>(event: E, listener: (payload: MainEventPayload<E>) => void): () => void {
    const cwg = window.cwg;
    if (!cwg) return () => undefined;
    return cwg.onMainEvent(event, (payload) => {
      const parsed = mainEvents[event].safeParse(payload);
      if (!parsed.success) {
        console.warn(`Ignored an invalid "${event}" message from main.`);
        return;
      }
      listener(parsed.data as MainEventPayload<E>);
    });
  },
};
