/**
 * The test host's stand-in for the Electron preload, injected as an init script into the
 * Chromium page. Same factory, same `window.cwg`; the transport is a Playwright binding
 * that calls the main-process dispatcher running in Node.
 */
import { createApi, type CwgApi } from '../../shared/ipc/api';
import type { IpcResult } from '../../shared/ipc/result';

declare global {
  interface Window {
    __cwgInvoke?: (channel: string, payload: unknown) => Promise<IpcResult<unknown>>;
  }
}

const invoke = window.__cwgInvoke;
if (invoke) {
  const api = createApi((channel, payload) => invoke(channel, payload)) satisfies CwgApi;
  Object.defineProperty(window, 'cwg', { value: api, writable: false, configurable: false });
  // The renderer must not reach the raw transport, exactly as it cannot reach ipcRenderer.
  delete window.__cwgInvoke;
}
