/**
 * Canonical JSON: one byte sequence per value, whatever order its keys were written in or
 * how it was indented. Bundles hash and sign the canonical text, so a file that was
 * re-indented or had its keys reordered still verifies, while any change of a value does not.
 *
 * The rules follow RFC 8785 (JCS) for the values bundles hold: object keys sorted by UTF-16
 * code units (JavaScript's default sort), no whitespace, strings and numbers as
 * JSON.stringify writes them (ECMAScript number formatting, which JCS adopts). Object
 * members whose value is undefined are left out, as JSON.stringify does.
 */

/** A value that cannot be written as JSON (a function, a non-finite number, a bigint…). */
export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalJson(value: unknown): string {
  // JSON.stringify does the writing (native, several times faster than building the text
  // in script for a 100 000-record payload); the replacer only puts object keys in order
  // and refuses what JSON cannot hold instead of silently writing null. Objects with
  // integer-like keys ("10", "9") are the exception: engines always list those first, in
  // numeric order, so such a value is written by hand instead.
  const state = { integerKeys: false };
  const text = JSON.stringify(value, function (this: unknown, key: string, item: unknown) {
    return canonicalReplacer(state, key, item);
  }) as string | undefined;
  if (text === undefined) throw new CanonicalJsonError(`A ${typeof value} cannot be written as JSON.`);
  return state.integerKeys ? write(value) : text;
}

const INTEGER_KEY = /^(0|[1-9]\d*)$/;

/** The careful writer, for the rare value the fast path cannot order. */
function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${String(value)} cannot be written as JSON.`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item: unknown) => (item === undefined ? 'null' : write(item))).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const item = record[key];
        if (item !== undefined) members.push(`${JSON.stringify(key)}:${write(item)}`);
      }
      return `{${members.join(',')}}`;
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      break;
  }
  throw new CanonicalJsonError(`A ${typeof value} cannot be written as JSON.`);
}

function canonicalReplacer(state: { integerKeys: boolean }, _key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'object': {
      if (value === null || Array.isArray(value)) return value;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      if (!state.integerKeys && keys.some((key) => INTEGER_KEY.test(key))) state.integerKeys = true;
      let sorted = true;
      for (let index = 1; index < keys.length; index += 1) {
        if ((keys[index - 1] ?? '') > (keys[index] ?? '')) {
          sorted = false;
          break;
        }
      }
      // Most objects (records written by this app) are sorted already: no copy then.
      if (sorted) return record;
      const copy: Record<string, unknown> = {};
      for (const key of keys.sort()) copy[key] = record[key];
      return copy;
    }
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${String(value)} cannot be written as JSON.`);
      return value;
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new CanonicalJsonError(`A ${typeof value} cannot be written as JSON.`);
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
  }
}

/**
 * A total order on JSON values, by their canonical text. Merges use it to break a tie
 * between two different values carrying the same stamp (which only a hand-made or
 * corrupted file can produce) the same way on every machine. `undefined` (a field that is
 * absent) sorts first.
 */
export function compareJsonValues(a: unknown, b: unknown): -1 | 0 | 1 {
  const left = a === undefined ? '' : canonicalJson(a);
  const right = b === undefined ? '' : canonicalJson(b);
  if (left < right) return -1;
  if (left > right) return 1;
  return 0;
}
