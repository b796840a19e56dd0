/**
 * The test host's faithful path for a file's bytes. Electron's IPC is a structured clone: a
 * Uint8Array sent by either side arrives as a Uint8Array, whatever its size. The test host's
 * transport is a Playwright binding, whose arguments and answers travel as JSON through the
 * DevTools protocol: a Uint8Array would not arrive as one, and a 400 MB file encoded as one text
 * would pass V8's longest string. So on that transport each Uint8Array in a request or an answer
 * is swapped for a reference (BytesRef) and its bytes travel apart, never as one string:
 * - page → host: in chunks of UPLOAD_CHUNK bytes through a second binding, each chunk as base64
 *   (the binding carries text), copied into place on arrival. Not HTTP: the host's request
 *   routing (Playwright's `context.route`) copies each request body into DevTools messages, which
 *   ran at 0.6 MB/s, and a 150 MB body in one request closed the browser;
 * - host → page: the page fetches the bytes from the host's own 127.0.0.1 server
 *   (`GET <BYTES_ROUTE><id>`, once), a binary response body (routing does not copy responses).
 * Electron does not use this module; both sides of the test host do (testHostPreload.ts and
 * tests/host/ipcBytes.ts).
 */

/** Where the page fetches an answer's bytes: `GET <route><id>`. */
export const BYTES_ROUTE = '/__cwg-ipc-bytes/';

/** Bytes per upload chunk (4 MiB: 5.6 million characters of base64). */
export const UPLOAD_CHUNK = 4 * 1024 * 1024;

/**
 * The upload binding: `(id, at, base64)`. With `id` '' it opens an upload of `at` bytes and
 * answers its id; otherwise it copies the chunk `base64` to offset `at` and answers 'ok'.
 */
export const UPLOAD_BINDING = '__cwgUploadChunk';

/** A Uint8Array as it crosses the binding: the id of its bytes on the byte route. */
export interface BytesRef {
  readonly __cwgBytes: string;
  readonly length: number;
}

export function isBytesRef(value: unknown): value is BytesRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const ref = value as Partial<BytesRef>;
  return keys.length === 2 && typeof ref.__cwgBytes === 'string' && typeof ref.length === 'number';
}

export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

/** Deeper than any request or answer of the contract; anything deeper is passed on as it is. */
const MAX_DEPTH = 32;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` where every leaf that `isLeaf` picks is replaced by `swap(leaf)`; arrays
 * and plain objects are walked (the shapes IPC carries), everything else is kept as it is.
 */
export async function swapLeaves<L>(value: unknown, isLeaf: (candidate: unknown) => candidate is L, swap: (leaf: L) => Promise<unknown>, depth = 0): Promise<unknown> {
  if (isLeaf(value)) return swap(value);
  if (depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(await swapLeaves(item, isLeaf, swap, depth + 1));
    return out;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = await swapLeaves(item, isLeaf, swap, depth + 1);
    return out;
  }
  return value;
}
