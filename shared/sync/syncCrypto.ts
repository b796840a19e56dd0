/**
 * The cryptography sync needs (SHA-256, Ed25519 verify and sign) as small ports, so the
 * bundle code in shared/ stays free of DOM and Node types. The renderer, the tests and the
 * command line all pass WebCrypto's `crypto.subtle` (Chromium, Electron and Node 20 have
 * it) through `webCryptoSync`, so there is one implementation everywhere.
 */
import { bytesToBase64, formatFingerprint } from './encoding';

/** Bytes backed by a plain ArrayBuffer, as WebCrypto takes them. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** What verifying a bundle needs. */
export interface SyncCrypto {
  sha256(data: Bytes): Promise<Bytes>;
  /** True when `signature` is a valid Ed25519 signature of `data` by the raw 32-byte `publicKey`. */
  verifyEd25519(publicKey: Bytes, signature: Bytes, data: Bytes): Promise<boolean>;
  /** UTF-8 bytes of a string (TextEncoder; passed in because shared/ has no DOM types). */
  utf8(text: string): Bytes;
}

/** What signing a bundle needs: the installation's key pair. */
export interface BundleSigner {
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKey: Bytes;
  sign(data: Bytes): Promise<Bytes>;
}

/**
 * The part of WebCrypto's SubtleCrypto used here, declared structurally. Method syntax on
 * purpose: the DOM's SubtleCrypto (with its wider parameter types) must be assignable to it.
 */
export interface SubtleLike {
  digest(algorithm: string, data: Bytes): Promise<ArrayBuffer>;
  importKey(format: 'raw', keyData: Bytes, algorithm: { name: string }, extractable: boolean, usages: string[]): Promise<unknown>;
  verify(algorithm: { name: string }, key: never, signature: Bytes, data: Bytes): Promise<boolean>;
}

export interface TextEncoderLike {
  encode(text: string): Bytes;
}

export const SIGNATURE_ALGORITHM = 'Ed25519';
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export function webCryptoSync(subtle: SubtleLike, encoder: TextEncoderLike): SyncCrypto {
  return {
    async sha256(data) {
      return new Uint8Array(await subtle.digest('SHA-256', data));
    },
    async verifyEd25519(publicKey, signature, data) {
      if (publicKey.length !== PUBLIC_KEY_BYTES || signature.length !== SIGNATURE_BYTES) return false;
      try {
        const key = await subtle.importKey('raw', publicKey, { name: SIGNATURE_ALGORITHM }, true, ['verify']);
        return await subtle.verify({ name: SIGNATURE_ALGORITHM }, key as never, signature, data);
      } catch {
        // A malformed key (not a point on the curve) is simply not a valid signer.
        return false;
      }
    },
    utf8: (text) => encoder.encode(text),
  };
}

/** The key fingerprint people compare by phone, e.g. "3F2A 9C01 77E0 …". */
export async function keyFingerprint(crypto: Pick<SyncCrypto, 'sha256'>, publicKey: Bytes): Promise<string> {
  return formatFingerprint(await crypto.sha256(publicKey));
}

/** The public key as bundles carry it (standard base64 of the raw 32 bytes). */
export function encodePublicKey(publicKey: Bytes): string {
  return bytesToBase64(publicKey);
}
