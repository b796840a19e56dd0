/**
 * Electron preload: exposes `window.cwg`, named functions built from the IPC contract.
 * No logic here and never ipcRenderer itself; runs sandboxed with context isolation.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi, type CwgApi } from '../../shared/ipc/api';
import type { IpcResult } from '../../shared/ipc/result';

// Files cross as Uint8Array: ipcRenderer.invoke and the context bridge copy them as structured clones, no encoding.
const api = createApi(
  (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<IpcResult<unknown>>,
  (event, listener) => {
    // Only the payload crosses: never the IpcRendererEvent (it reaches ipcRenderer).
    const handler = (_event: IpcRendererEvent, payload: unknown) => {
      listener(payload);
    };
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
) satisfies CwgApi;

contextBridge.exposeInMainWorld('cwg', api);
