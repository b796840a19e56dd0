/**
 * This installation's Ed25519 signing key. WebCrypto creates it with a non-extractable
 * private key, and IndexedDB stores the CryptoKey object itself: the private key's bytes
 * are never visible to the app's code, a file export or a copy of the profile's JSON.
 * The public key (raw, base64) travels in every bundle; its fingerprint is shown in
 * Settings and compared by phone when a peer is trusted.
 */
import type { Table } from 'dexie';
import { base64ToBytes, bytesToBase64 } from '../../shared/sync/encoding';
import { keyFingerprint, webCryptoSync, type BundleSigner, type SyncCrypto } from '../../shared/sync/syncCrypto';
import type { CwgDatabase } from './db';

export const KEYS_TABLE = 'syncKeys';

interface StoredSigningKey {
  id: 'self';
  /** The installation the key belongs to: a new identity gets a new key. */
  installationId: string;
  privateKey: CryptoKey;
  publicKey: string;
  createdAt: string;
}

export interface SigningIdentity {
  publicKey: string;
  fingerprint: string;
  createdAt: string;
  signer: BundleSigner;
}

/** WebCrypto as the shared bundle code takes it (the browser's, or Node's in tests). */
export function browserSyncCrypto(): SyncCrypto {
  return webCryptoSync(globalThis.crypto.subtle, new TextEncoder());
}

function keysTable(db: CwgDatabase): Table<StoredSigningKey, string> {
  return db.table<StoredSigningKey, string>(KEYS_TABLE);
}

function rawKey(stored: StoredSigningKey): Uint8Array<ArrayBuffer> {
  const raw = base64ToBytes(stored.publicKey);
  if (raw === null) throw new Error('The stored public key is damaged.');
  return raw;
}

function toIdentity(stored: StoredSigningKey, fingerprint: string): SigningIdentity {
  const publicKey = rawKey(stored);
  return {
    publicKey: stored.publicKey,
    fingerprint,
    createdAt: stored.createdAt,
    signer: {
      publicKey,
      sign: async (data) =>
        new Uint8Array(await globalThis.crypto.subtle.sign({ name: 'Ed25519' }, stored.privateKey, data)),
    },
  };
}

/** The installation's public key if it has one yet, without creating it (imports must not write). */
export async function storedPublicKey(db: CwgDatabase, installationId: string): Promise<string | null> {
  const existing = await keysTable(db).get('self');
  return existing?.installationId === installationId ? existing.publicKey : null;
}

/** The installation's key, created on first use. */
export async function loadSigningIdentity(db: CwgDatabase, installationId: string, now: () => number): Promise<SigningIdentity> {
  const crypto = browserSyncCrypto();
  const existing = await keysTable(db).get('self');
  if (existing?.installationId === installationId) {
    return toIdentity(existing, await keyFingerprint(crypto, rawKey(existing)));
  }
  // Generated outside the transaction (WebCrypto's promises would let IndexedDB commit it
  // early), then stored only if no other window stored one meanwhile.
  const pair = await globalThis.crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
  const raw = new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', pair.publicKey));
  const candidate: StoredSigningKey = {
    id: 'self',
    installationId,
    privateKey: pair.privateKey,
    publicKey: bytesToBase64(raw),
    createdAt: new Date(now()).toISOString(),
  };
  const stored = await db.transaction('rw', KEYS_TABLE, async () => {
    const current = await keysTable(db).get('self');
    if (current?.installationId === installationId) return current;
    await keysTable(db).put(candidate);
    return candidate;
  });
  return toIdentity(stored, await keyFingerprint(crypto, rawKey(stored)));
}
