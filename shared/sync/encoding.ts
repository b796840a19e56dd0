/**
 * Small byte encodings for keys, signatures and digests (base64, hex) and the fingerprint
 * people read to each other over the phone. Pure: shared/ has neither btoa nor Buffer.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Map<string, number>(Array.from({ length: ALPHABET.length }, (_, index) => [ALPHABET.charAt(index), index]));

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    out += ALPHABET.charAt((triple >> 18) & 63) + ALPHABET.charAt((triple >> 12) & 63);
    out += i + 1 < bytes.length ? ALPHABET.charAt((triple >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? ALPHABET.charAt(triple & 63) : '=';
  }
  return out;
}

/** Decodes standard padded base64; returns null for anything else (callers report where). */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let offset = 0;
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let j = 0; j < 4; j += 1) {
      const char = text.charAt(i + j);
      const isPad = char === '=' && i + 4 === text.length && j >= 4 - padding;
      const value = isPad ? 0 : LOOKUP.get(char);
      if (value === undefined) return null;
      triple = (triple << 6) | value;
    }
    for (let k = 2; k >= 0 && offset < bytes.length; k -= 1) {
      const shift = k * 8;
      bytes[offset] = (triple >> shift) & 255;
      offset += 1;
    }
  }
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/**
 * The fingerprint of a public key as people compare it: the first 128 bits of its SHA-256
 * in eight groups of four upper-case hex digits ("3F2A 9C01 …"). Hex rather than words
 * because it reads the same in English and Russian; 128 bits because a forger would have
 * to find a key matching all of them, which is out of reach.
 */
export function formatFingerprint(keyDigest: Uint8Array): string {
  const hex = bytesToHex(keyDigest.subarray(0, 16)).toUpperCase();
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}
