/**
 * Electron preload: exposes `window.cwg`, named functions built from the IPC contract.
 * No logic here and never ipcRenderer itself; runs sandboxed with context isolation.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type CwgApi } from '../../shared/ipc/api';
import type { IpcResult } from '../../shared/ipc/result';

const api = createApi((channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<IpcResult<unknown>>) satisfies CwgApi;

contextBridge.exposeInMainWorld('cwg', api);
