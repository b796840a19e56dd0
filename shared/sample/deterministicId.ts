/**
 * Deterministic UUIDs for sample records: the same key gives the same id on every machine,
 * so two installations that both load the sample data hold the same records (and a sync
 * merges them instead of duplicating them).
 *
 * Not a cryptographic hash and not meant to be: the keys are our own constant strings.
 * shared/ has no WebCrypto (and SHA-1 name-based v5 UUIDs would need it), so this is a
 * small pure 128-bit mix (four 32-bit lanes, murmur3 finalizer), formatted as an RFC 9562
 * version 8 ("custom") UUID, which `z.string().uuid()` accepts.
 */

/** Keeps sample ids apart from any other deterministic ids the app may derive later. */
const NAMESPACE = 'cwg-desk/sample/v1:';

function fmix32(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hash128(text: string): [number, number, number, number] {
  let h1 = 0x9e3779b1;
  let h2 = 0x85ebca77;
  let h3 = 0xc2b2ae3d;
  let h4 = 0x27d4eb2f;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995);
    h3 = Math.imul(h3 ^ code, 0x1b873593);
    h4 = Math.imul(h4 ^ code, 0xcc9e2d51);
    // Cross-feed the lanes so each depends on the whole input, not on one multiplier.
    h1 = (h1 + (h4 >>> 15)) | 0;
    h2 = (h2 + (h1 >>> 13)) | 0;
    h3 = (h3 + (h2 >>> 17)) | 0;
    h4 = (h4 + (h3 >>> 11)) | 0;
  }
  const length = text.length;
  return [fmix32(h1 ^ length), fmix32(h2 ^ h1), fmix32(h3 ^ h2), fmix32(h4 ^ h3)];
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** A version 8 UUID derived from `key`; equal keys give equal ids, on every machine. */
export function deterministicId(key: string): string {
  const [a, b, c, d] = hash128(NAMESPACE + key);
  // Version nibble 8 (bits 48–51) and variant bits 10 (bits 64–65), as RFC 9562 requires.
  const withVersion = ((b & 0xffff0fff) | 0x00008000) >>> 0;
  const withVariant = ((c & 0x3fffffff) | 0x80000000) >>> 0;
  const hex = hex8(a) + hex8(withVersion) + hex8(withVariant) + hex8(d);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
