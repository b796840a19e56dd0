/**
 * The test host's stand-in for the Electron preload, injected as an init script into the
 * Chromium page. Same factory, same `window.cwg`; the transport is a Playwright binding
 * that calls the main-process dispatcher running in Node, and main's unasked messages
 * arrive through `__cwgMainEvent`, which the host calls with page.evaluate.
 * The binding carries JSON, so files' bytes do not go through it whole: each Uint8Array goes
 * to the host in chunks through an upload binding and comes back as an HTTP body from the
 * host's own server, a Uint8Array again on the other side, as Electron's structured clone
 * delivers it (shared/ipc/byteTransport.ts).
 */
import { createApi, type CwgApi, type MainEventNameOnly } from '../../shared/ipc/api';
import { BYTES_ROUTE, isBytes, isBytesRef, swapLeaves, UPLOAD_BINDING, UPLOAD_CHUNK, type BytesRef } from '../../shared/ipc/byteTransport';
import type { IpcResult } from '../../shared/ipc/result';

declare global {
  interface Window {
    __cwgInvoke?: (channel: string, payload: unknown) => Promise<IpcResult<unknown>>;
  }
}

const binding = window.__cwgInvoke;
const sendChunk = (window as unknown as Record<string, unknown>)[UPLOAD_BINDING] as ((id: string, at: number, base64: string) => Promise<string>) | undefined;
// Taken now, before any code of the app runs: the transport does not depend on what the page does to fetch later.
const fetchOwn = window.fetch.bind(window);

function chunkToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Sends a Uint8Array to the host in chunks (each a short base64 text), never as one string. */
async function upload(bytes: Uint8Array): Promise<BytesRef> {
  if (!sendChunk) throw new Error('The test host has no upload binding.');
  const id = await sendChunk('', bytes.byteLength, '');
  for (let offset = 0; offset < bytes.byteLength; offset += UPLOAD_CHUNK) {
    await sendChunk(id, offset, chunkToBase64(bytes.subarray(offset, Math.min(offset + UPLOAD_CHUNK, bytes.byteLength))));
  }
  return { __cwgBytes: id, length: bytes.byteLength };
}

async function download(ref: BytesRef): Promise<Uint8Array> {
  const response = await fetchOwn(`${BYTES_ROUTE}${encodeURIComponent(ref.__cwgBytes)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`The test host lost the bytes of an answer (HTTP ${String(response.status)}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength !== ref.length) throw new Error(`The test host sent ${String(bytes.byteLength)} bytes of ${String(ref.length)}.`);
  return bytes;
}

const invoke =
  binding &&
  (async (channel: string, payload: unknown): Promise<IpcResult<unknown>> => {
    const answer = await binding(channel, await swapLeaves(payload, isBytes, upload));
    return (await swapLeaves(answer, isBytesRef, download)) as IpcResult<unknown>;
  });
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
  Reflect.deleteProperty(window, UPLOAD_BINDING);
}
