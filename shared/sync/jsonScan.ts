/**
 * A fast structural pass over a bundle's text before JSON.parse, so hostile files are
 * refused with a JSON path instead of reaching code that could misbehave on them:
 *   - nesting deeper than any real bundle (deep arrays would overflow recursive code later),
 *   - the keys `__proto__`, `constructor` and `prototype` (prototype pollution; escaped
 *     spellings such as "__pro\u0074o__" are decoded before the check),
 *   - strings longer than any real field (a 50 MB "name"),
 *   - a file that ends inside a string or with brackets still open (truncated).
 * It does not validate the grammar; JSON.parse does that next, and `pathAt` turns the
 * position of its error into a JSON path.
 */
import { BundleError, childPath } from './bundleErrors';

export interface ScanLimits {
  maxDepth: number;
  /** Longest string, in UTF-16 code units. */
  maxStringLength: number;
}

/** A bundle is 9 levels deep at most (a frozen article's heading in a version); 32 leaves room. */
export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxDepth: 32, maxStringLength: 1_000_000 };

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface Frame {
  isArray: boolean;
  /** Where a "header" or "payload" object starts, and its JSON path, to record its span. */
  spanStart?: number;
  spanPath?: string;
  /** Object: the key whose value is being read, null while a key is expected. */
  key: string | null;
  /** Array: index of the element being read. */
  index: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function framesPath(stack: readonly Frame[]): string {
  let path = '$';
  for (const frame of stack) {
    if (frame.isArray) path = childPath(path, frame.index);
    else if (frame.key !== null) path = childPath(path, frame.key);
  }
  return path;
}

/** Index of the quote that closes the string opened at `start`, or -1 if the text ends first. */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let k = quote - 1; k > start && text.charCodeAt(k) === BACKSLASH; k -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    const decoded: unknown = JSON.parse(text.slice(start, end + 1));
    return typeof decoded === 'string' ? decoded : raw;
  } catch {
    return raw; // a bad escape: JSON.parse reports it with its position
  }
}

/** Start and end (exclusive) of a value in the text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Headers and payloads sit at "$.header", "$.payload" and, in merged bundles, "$.payload.parts[i].payload". */
const MAX_PAYLOAD_DEPTH = 4;

/**
 * Walks the text; with `stopAt`, returns the JSON path of the value at that position.
 * Records in `spans` where each "header" and "payload" object lies, so a checksum can be
 * computed over the file's own bytes, and a header read alone (see bundleRead.ts).
 */
function walk(text: string, limits: ScanLimits, stopAt?: number, spans?: Map<string, TextSpan>): string {
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (stopAt !== undefined && i >= stopAt) return framesPath(stack);
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
      case 0x3a: // ':'
        i += 1;
        break;
      case 0x7b: // '{'
      case 0x5b: {
        // '['
        const frame: Frame = { isArray: c === 0x5b, key: null, index: 0 };
        if (stack.length >= limits.maxDepth) {
          throw new BundleError(
            'too-deep',
            framesPath(stack),
            `nesting deeper than ${limits.maxDepth} levels; no bundle is nested like that.`,
            { limit: limits.maxDepth },
          );
        }
        const parent = stack[stack.length - 1];
        if (spans && c === 0x7b && parent && !parent.isArray && (parent.key === 'payload' || parent.key === 'header') && stack.length <= MAX_PAYLOAD_DEPTH) {
          frame.spanStart = i;
          frame.spanPath = framesPath(stack);
        }
        stack.push(frame);
        i += 1;
        break;
      }
      case 0x7d: // '}'
      case 0x5d: {
        // ']'
        const closed = stack.pop();
        if (spans && closed?.spanStart !== undefined && closed.spanPath !== undefined) {
          spans.set(closed.spanPath, { start: closed.spanStart, end: i + 1 });
        }
        i += 1;
        break;
      }
      case 0x2c: {
        // ','
        const top = stack[stack.length - 1];
        if (top?.isArray) top.index += 1;
        else if (top) top.key = null;
        i += 1;
        break;
      }
      case QUOTE: {
        const end = stringEnd(text, i);
        if (end < 0) {
          throw new BundleError('truncated', framesPath(stack), 'the file ends inside a text value: it is incomplete (truncated).');
        }
        const top = stack[stack.length - 1];
        if (top && !top.isArray && top.key === null) {
          const key = decodeKey(text, i, end);
          if (FORBIDDEN_KEYS.has(key)) {
            throw new BundleError('forbidden-key', childPath(framesPath(stack), key), `the key "${key}" is not allowed in a bundle.`, {
              key,
            });
          }
          top.key = key;
        } else if (end - i - 1 > limits.maxStringLength) {
          const length = end - i - 1;
          throw new BundleError(
            'string-too-long',
            framesPath(stack),
            `a text of ${length} characters, more than the ${limits.maxStringLength} a field may hold.`,
            { length, limit: limits.maxStringLength },
          );
        }
        i = end + 1;
        break;
      }
      default:
        // A number or a literal: skip to the next structural character.
        i += 1;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09 || d === 0x3a || d === QUOTE || d === 0x7b || d === 0x5b) break;
          i += 1;
        }
    }
  }
  if (stopAt !== undefined) return framesPath(stack);
  if (stack.length > 0) {
    throw new BundleError(
      'truncated',
      framesPath(stack),
      `the file ends with ${stack.length} bracket${stack.length === 1 ? '' : 's'} still open: it is incomplete (truncated).`,
      { open: stack.length },
    );
  }
  return '$';
}

/** Throws a BundleError for the first structural problem of the text; returns where the headers and payloads are. */
export function scanJson(text: string, limits: ScanLimits = DEFAULT_SCAN_LIMITS): Map<string, TextSpan> {
  const spans = new Map<string, TextSpan>();
  walk(text, limits, undefined, spans);
  return spans;
}

/** JSON path of the value being read at `position` (for JSON.parse's syntax errors). */
export function pathAt(text: string, position: number): string {
  return walk(text, { maxDepth: Number.MAX_SAFE_INTEGER, maxStringLength: Number.MAX_SAFE_INTEGER }, position);
}
