/**
 * Writing bundles: a signed changes bundle from one installation's records, and a merged
 * bundle that carries several signed bundles unchanged (`cwg merge`). The file is the
 * canonical JSON of the bundle, so its payload text is exactly what the checksum covers.
 */
import { syncedTableNames, type SyncedTableName } from '../model';
import { signedHeaderBytes } from './bundleRead';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type BundleOrigin,
  type BundleScope,
  type ChangesBundle,
  type ChangesHeader,
  type MergedHeader,
  type SyncRecord,
} from './bundleFormat';
import { canonicalJson } from './canonicalJson';
import type { SecretariatGrant } from './grants';
import { SIGNATURE_ALGORITHM, type BundleSigner, type SyncCrypto } from './syncCrypto';
import { bytesToBase64, bytesToHex } from './encoding';
import { sortedVector, type VersionVector } from './versionVector';

export interface ChangesBundleInput {
  bundleId: string;
  /** ISO 8601 date-time. */
  createdAt: string;
  origin: BundleOrigin;
  scope: BundleScope;
  /** What the origin holds (its version vector); null for a partial scope. */
  vector: VersionVector | null;
  /** The origin's latest restore (see changesHeaderSchema); null or absent when none. */
  epoch?: string | null;
  /** Grants of the secretariat's role this origin made (grants.ts). */
  grants?: readonly SecretariatGrant[];
  records: Partial<Record<SyncedTableName, readonly SyncRecord[]>>;
}

export interface WrittenBundle<B> {
  bundle: B;
  /** The file's text. */
  text: string;
}

/** Builds and signs a changes bundle. */
export async function buildChangesBundle(
  input: ChangesBundleInput,
  signer: BundleSigner,
  crypto: SyncCrypto,
): Promise<WrittenBundle<ChangesBundle>> {
  const changes: Partial<Record<SyncedTableName, SyncRecord[]>> = {};
  const counts: Partial<Record<SyncedTableName, number>> = {};
  for (const name of syncedTableNames) {
    const records = input.records[name] ?? [];
    changes[name] = [...records];
    counts[name] = records.length;
  }
  const payload = { changes };
  const payloadText = canonicalJson(payload);
  const payloadSha256 = bytesToHex(await crypto.sha256(crypto.utf8(payloadText)));
  const unsigned: ChangesHeader = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    kind: 'changes',
    bundleId: input.bundleId,
    createdAt: input.createdAt,
    origin: input.origin,
    scope: input.scope.kind === 'peer' || input.scope.kind === 'folder' ? { ...input.scope, base: sortedVector(input.scope.base) } : input.scope,
    vector: input.vector === null ? null : sortedVector(input.vector),
    ...(input.epoch ? { epoch: input.epoch } : {}),
    ...(input.grants && input.grants.length > 0 ? { grants: [...input.grants] } : {}),
    counts,
    payloadSha256,
    signature: { algorithm: SIGNATURE_ALGORITHM, publicKey: bytesToBase64(signer.publicKey), value: '' },
  };
  const value = bytesToBase64(await signer.sign(signedHeaderBytes(crypto, unsigned)));
  const header: ChangesHeader = { ...unsigned, signature: { ...unsigned.signature, value } };
  return { bundle: { header, payload }, text: `{"header":${canonicalJson(header)},"payload":${payloadText}}` };
}

export interface MergedBundleInput {
  bundleId: string;
  createdAt: string;
  createdBy: string;
  /** The parts as they were read (raw JSON values, so their signatures still hold), with their headers. */
  parts: readonly { raw: unknown; header: ChangesHeader }[];
}

/** A merged bundle of signed parts; the caller has verified every part and removed duplicates. */
export async function buildMergedBundle(input: MergedBundleInput, crypto: SyncCrypto): Promise<WrittenBundle<{ header: MergedHeader; payload: { parts: unknown[] } }>> {
  const counts: Partial<Record<SyncedTableName, number>> = {};
  for (const name of syncedTableNames) counts[name] = 0;
  for (const part of input.parts) {
    for (const [name, count] of Object.entries(part.header.counts) as [SyncedTableName, number][]) counts[name] = (counts[name] ?? 0) + count;
  }
  const payload = { parts: input.parts.map((part) => part.raw) };
  const payloadText = canonicalJson(payload);
  const header: MergedHeader = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    kind: 'merged',
    bundleId: input.bundleId,
    createdAt: input.createdAt,
    createdBy: input.createdBy,
    counts,
    payloadSha256: bytesToHex(await crypto.sha256(crypto.utf8(payloadText))),
    partCount: input.parts.length,
  };
  return { bundle: { header, payload }, text: `{"header":${canonicalJson(header)},"payload":${payloadText}}` };
}
