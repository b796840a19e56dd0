/**
 * The test host's stand-in for the Electron preload, injected as an init script into the
 * Chromium page. Same factory, same `window.cwg`; the transport is a Playwright binding
 * that calls the main-process dispatcher running in Node, and main's unasked messages
 * arrive through `__cwgMainEvent`, which the host calls with page.evaluate.
 */
import { createApi, type CwgApi, type MainEventNameOnly } from '../../shared/ipc/api';
import type { IpcResult } from '../../shared/ipc/result';

declare global {
  interface Window {
    __cwgInvoke?: (channel: string, payload: unknown) => Promise<IpcResult<unknown>>;
  }
}

const invoke = window.__cwgInvoke;
if (invoke) {
  const listeners = new Map<MainEventNameOnly, Set<(payload: unknown) => void>>();
  const api = createApi(
    (channel, payload) => invoke(channel, payload),
    (event, listener) => {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  ) satisfies CwgApi;
  Object.defineProperty(window, 'cwg', { value: api, writable: false, configurable: false });
  Object.defineProperty(window, '__cwgMainEvent', {
    value: (event: MainEventNameOnly, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    writable: false,
    configurable: false,
    enumerable: false,
  });
  // The renderer must not reach the raw transport, exactly as it cannot reach ipcRenderer.
  delete window.__cwgInvoke;
}
