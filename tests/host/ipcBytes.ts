/**
 * The host's side of the byte transport (shared/ipc/byteTransport.ts): bytes the page uploads (in
 * chunks through the upload binding, copied into place) wait here until the request that refers
 * to them is dispatched; bytes of an answer wait until the page fetches them from the byte route.
 * Each is handed out once, and only whole. Ids are random UUIDs, the server listens on 127.0.0.1
 * only, and nothing is kept past the call (or the host's close).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BYTES_ROUTE, isBytes, isBytesRef, swapLeaves, type BytesRef } from '../../shared/ipc/byteTransport';
import { MAX_FILE_BYTES } from '../../shared/ipc/contract';

/**
 * Largest upload taken: one byte above the contract's limit, so a file one byte too large still
 * reaches the dispatcher and is refused there with the limit's message, as in Electron.
 */
export const MAX_UPLOAD_BYTES = MAX_FILE_BYTES + 1;

export interface ByteStore {
  /** Request: references → the uploaded bytes (a reference to nothing stays as it is, and fails the schema). */
  resolveRequest(payload: unknown): Promise<unknown>;
  /** Answer: Uint8Arrays → references the page fetches. */
  referAnswer(answer: unknown): Promise<unknown>;
  /** The upload binding (UPLOAD_BINDING): opens an upload, or copies a chunk into place. */
  upload(id: unknown, at: unknown, base64: unknown): string;
  /** Serves the byte route; false when the request is not for it. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Bytes waiting (uploaded and not yet used, or answered and not yet fetched). */
  readonly waiting: number;
  clear(): void;
}

export function createByteStore(maxUpload = MAX_UPLOAD_BYTES): ByteStore {
  /** Answers' bytes, and uploads complete or under way (`filled` counts the bytes received). */
  const stored = new Map<string, { bytes: Uint8Array; filled: number }>();

  const put = (bytes: Uint8Array, filled = bytes.byteLength): BytesRef => {
    const id = randomUUID();
    stored.set(id, { bytes, filled });
    return { __cwgBytes: id, length: bytes.byteLength };
  };
  /** Complete bytes, once; an upload still missing bytes is not handed out. */
  const take = (id: string): Uint8Array | undefined => {
    const entry = stored.get(id);
    if (!entry || entry.filled !== entry.bytes.byteLength) return undefined;
    stored.delete(id);
    return entry.bytes;
  };

  return {
    resolveRequest: (payload) => swapLeaves(payload, isBytesRef, (ref) => Promise.resolve(take(ref.__cwgBytes) ?? ref)),
    referAnswer: (value) => swapLeaves(value, isBytes, (bytes) => Promise.resolve(put(bytes))),
    upload(id, at, base64) {
      if (typeof id !== 'string' || typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) throw new Error('Not an upload call.');
      if (id === '') {
        if (at > maxUpload) throw new Error(`The test host takes at most ${String(maxUpload)} bytes.`);
        // As Electron hands main a Uint8Array, not a Node Buffer.
        return put(new Uint8Array(at), 0).__cwgBytes;
      }
      const entry = stored.get(id);
      if (!entry || typeof base64 !== 'string') throw new Error('No such upload.');
      const chunk = Buffer.from(base64, 'base64');
      if (at + chunk.byteLength > entry.bytes.byteLength) {
        stored.delete(id);
        throw new Error('More bytes than announced.');
      }
      entry.bytes.set(chunk, at);
      entry.filled += chunk.byteLength;
      return 'ok';
    },
    handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://x');
      if (!url.pathname.startsWith(BYTES_ROUTE)) return false;
      const bytes = request.method === 'GET' ? take(decodeURIComponent(url.pathname.slice(BYTES_ROUTE.length))) : undefined;
      if (!bytes) {
        response.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('not found');
        return true;
      }
      response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.byteLength), 'Cache-Control': 'no-store' });
      response.end(bytes);
      return true;
    },
    get waiting() {
      return stored.size;
    },
    clear() {
      stored.clear();
    },
  };
}
