/**
 * The host's side of the byte route (shared/ipc/byteTransport.ts): bytes the page uploads wait
 * here until the request that refers to them is dispatched; bytes of an answer wait until the
 * page fetches them. Each is handed out once. Ids are random UUIDs, the server listens on
 * 127.0.0.1 only, and nothing is kept past the call (or the host's close).
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
  /** Serves the byte route; false when the request is not for it. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Bytes waiting (uploaded and not yet used, or answered and not yet fetched). */
  readonly waiting: number;
  clear(): void;
}

export function createByteStore(maxUpload = MAX_UPLOAD_BYTES): ByteStore {
  const stored = new Map<string, Uint8Array>();

  const put = (bytes: Uint8Array): BytesRef => {
    const id = randomUUID();
    stored.set(id, bytes);
    return { __cwgBytes: id, length: bytes.byteLength };
  };
  const take = (id: string): Uint8Array | undefined => {
    const bytes = stored.get(id);
    stored.delete(id);
    return bytes;
  };

  const receive = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxUpload) {
        if (!refused) response.writeHead(413, { 'Content-Type': 'text/plain' }).end('too large');
        refused = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      const body = Buffer.concat(chunks, size);
      // As Electron hands main a Uint8Array, not a Node Buffer.
      const { __cwgBytes: id } = put(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
      response.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end(id);
    });
  };

  return {
    resolveRequest: (payload) => swapLeaves(payload, isBytesRef, (ref) => Promise.resolve(take(ref.__cwgBytes) ?? ref)),
    referAnswer: (answer) => swapLeaves(answer, isBytes, (bytes) => Promise.resolve(put(bytes))),
    handle(request, response) {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (!path.startsWith(BYTES_ROUTE)) return false;
      if (request.method === 'POST' && path === BYTES_ROUTE) {
        receive(request, response);
        return true;
      }
      const bytes = request.method === 'GET' ? take(path.slice(BYTES_ROUTE.length)) : undefined;
      if (!bytes) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
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
