/**
 * Grants of the secretariat's role. Roles are granted, not claimed: a delegation pins the
 * first secretariat it trusts, and another key (a second secretariat laptop, a new key
 * after a reinstall) acts as the secretariat only through a grant signed by the pinned
 * one. Grants travel in every bundle the granting secretariat makes (header `grants`),
 * so installations learn them with ordinary sync. A grant names the installation and its
 * exact public key: a look-alike with the same name but another key gains nothing.
 */
import { z } from 'zod';
import { canonicalJson } from './canonicalJson';
import { base64ToBytes, bytesToBase64 } from './encoding';
import type { BundleSigner, Bytes, SyncCrypto } from './syncCrypto';

const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a base64 Ed25519 public key');

export const grantSchema = z
  .object({
    kind: z.literal('secretariat-role'),
    /** The installation that may act as the secretariat, and its key. */
    installationId: z.string().min(1).max(128),
    name: z.string().min(1).max(120),
    publicKey: base64Key,
    /** ISO date-time. */
    grantedAt: z.iso.datetime(),
    /** The pinned secretariat that granted it. */
    grantorId: z.string().min(1).max(128),
    grantorPublicKey: base64Key,
    /** Ed25519 signature (base64) by grantorPublicKey over the canonical JSON of the other fields. */
    signature: z.string().min(1).max(200),
  })
  .strict();
export type SecretariatGrant = z.infer<typeof grantSchema>;

function signedBytes(crypto: Pick<SyncCrypto, 'utf8'>, grant: Omit<SecretariatGrant, 'signature'>): Bytes {
  const { kind, installationId, name, publicKey, grantedAt, grantorId, grantorPublicKey } = grant;
  return crypto.utf8(canonicalJson({ kind, installationId, name, publicKey, grantedAt, grantorId, grantorPublicKey }));
}

export async function signGrant(
  crypto: Pick<SyncCrypto, 'utf8'>,
  signer: BundleSigner,
  grant: Omit<SecretariatGrant, 'signature' | 'kind' | 'grantorPublicKey'>,
): Promise<SecretariatGrant> {
  const unsigned = { ...grant, kind: 'secretariat-role' as const, grantorPublicKey: bytesToBase64(signer.publicKey) };
  const signature = bytesToBase64(await signer.sign(signedBytes(crypto, unsigned)));
  return { ...unsigned, signature };
}

/** True when the grant is well formed and signed by the key it names as grantor. */
export async function verifyGrant(crypto: SyncCrypto, grant: unknown): Promise<boolean> {
  const parsed = grantSchema.safeParse(grant);
  if (!parsed.success) return false;
  const key = base64ToBytes(parsed.data.grantorPublicKey);
  const signature = base64ToBytes(parsed.data.signature);
  if (key === null || signature === null) return false;
  try {
    return await crypto.verifyEd25519(key, signature, signedBytes(crypto, parsed.data));
  } catch {
    return false;
  }
}

/** Stored grants (meta), keeping only well-formed ones; signatures were checked when they were stored. */
export function readGrants(value: unknown): SecretariatGrant[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = grantSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
