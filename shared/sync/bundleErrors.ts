/**
 * Why a bundle was refused, as a value the UI can translate: a code, the JSON path of the
 * offending place ("$.payload.changes.delegates[3].email") and the facts the message needs.
 * `message` is the English text the command line prints.
 */

export type BundleErrorCode =
  | 'too-large'
  | 'empty'
  | 'not-utf8'
  | 'not-json'
  | 'truncated'
  | 'syntax'
  | 'too-deep'
  | 'forbidden-key'
  | 'string-too-long'
  | 'not-a-bundle'
  | 'newer-version'
  | 'schema'
  | 'unknown-table'
  | 'counts-mismatch'
  | 'duplicate-id'
  | 'stamp-origin'
  | 'field-stamp-later'
  | 'unknown-field-stamp'
  | 'vector-entry'
  | 'checksum'
  | 'bad-signature'
  | 'key-mismatch'
  | 'clock-drift'
  | 'missing-reference';

export type BundleErrorParams = Readonly<Record<string, string | number>>;

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    /** JSON path of the place at fault, "$" for the file as a whole. */
    readonly path: string,
    /** The detail without the path, in English. */
    readonly detail: string,
    readonly params: BundleErrorParams = {},
  ) {
    super(path === '$' ? detail : `${path}: ${detail}`);
    this.name = 'BundleError';
  }
}

/** Appends an object key or array index to a JSON path: `$.a.b[3]["odd key"]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A JSON path from zod's issue path. */
export function pathFrom(base: string, segments: readonly PropertyKey[]): string {
  let path = base;
  for (const segment of segments) path = childPath(path, typeof segment === 'number' ? segment : String(segment));
  return path;
}

const MB = 1024 * 1024;

/** "3.2 MB", "820 KB", "12 bytes": sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
