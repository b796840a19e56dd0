/**
 * The import checks that need this installation's state, as pure functions: is the
 * signer trusted (and with which authority), are its stamps within the allowed clock
 * drift, do its records refer to records that exist, and which of its vector claims may
 * this installation adopt. The repository supplies the state; these decide.
 */
import type { InstallationRole, SyncedTableName } from '../model';
import type { Authority } from './authority';
import { BundleError, childPath, pathFrom } from './bundleErrors';
import type { SyncRecord } from './bundleFormat';
import type { VerifiedUnit } from './bundleRead';
import { DEFAULT_MAX_DRIFT_MS, parseStamp } from './hlc';
import { recordStamps } from './records';
import { stampNode, type VersionVector } from './versionVector';

export interface LocalIdentity {
  id: string;
  name: string;
  role: InstallationRole;
  countryId: string | null;
  /** This installation's public key, base64; null before it has signed anything. */
  publicKey: string | null;
}

/** A peer as trust needs it (a subset of the stored Peer). */
export interface KnownPeer {
  id: string;
  name: string;
  role: InstallationRole;
  countryId: string | null;
  publicKey: string | null;
  trusted: boolean;
  /** What the peer declared it holds in its latest bundle. */
  declaredVector?: VersionVector | undefined;
}

/**
 * - self: the bundle was made by this installation (re-importing one's own file is harmless);
 * - trusted: a known key, with the role and country it was trusted with;
 * - new: first bundle from this origin: the user must compare the fingerprint and confirm;
 * - changed: a known key now claims another role or country (or was distrusted): confirm again.
 */
export type TrustStatus = 'self' | 'trusted' | 'new' | 'changed';

/**
 * The secretariat this installation pinned: the first one it trusted (or itself, when it
 * was set up as the secretariat). Only this key, and keys it granted the role, act as
 * the secretariat; a role written in a file is only a claim.
 */
export interface PinnedSecretariat {
  id: string;
  name: string;
  /** base64 raw public key. */
  publicKey: string;
  fingerprint: string;
}

/** Why a unit does not get the authority its file claims. */
export type TrustWarning =
  /** Claims the secretariat's role (or the pinned secretariat's name) with another key and no grant. */
  | { kind: 'look-alike'; pinned: PinnedSecretariat }
  /** A known delegation now claims the secretariat's role: its authority stays a delegation's. */
  | { kind: 'role-claim'; claimed: InstallationRole; kept: InstallationRole };

export interface UnitTrust {
  status: TrustStatus;
  /** The authority the unit has once trusted: granted by this installation, never by a claim. */
  authority: Authority;
  /** The country whose records a delegation may change (as trusted, or as claimed by a new one). */
  countryId: string | null;
  /** Confirming this unit pins its key as the secretariat (no secretariat is pinned yet). */
  pins: boolean;
  warning: TrustWarning | null;
}

/** What trust decisions depend on besides the peer itself. */
export interface TrustContext {
  /** null: no secretariat pinned yet (the first trusted one will be). */
  pinned: PinnedSecretariat | null;
  /** Installation id → public key (base64) the pinned secretariat granted its role to. */
  grants: ReadonlyMap<string, string>;
}

export const NO_TRUST_CONTEXT: TrustContext = { pinned: null, grants: new Map() };

const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Decides the trust of a unit; throws when the origin is known with another key. */
export function evaluateTrust(unit: VerifiedUnit, self: LocalIdentity, peer: KnownPeer | undefined, context: TrustContext = NO_TRUST_CONTEXT): UnitTrust {
  const { origin, signature } = unit.header;
  const originPath = pathFrom(unit.path, ['header', 'origin', 'id']);
  if (origin.id === self.id) {
    if (signature.publicKey !== self.publicKey) {
      throw new BundleError(
        'key-mismatch',
        originPath,
        `the bundle claims to come from this installation ("${self.name}") but is signed with another key (fingerprint ${unit.fingerprint}). It is forged or from a copied installation; it was not imported.`,
        { origin: self.name, fingerprint: unit.fingerprint },
      );
    }
    return { status: 'self', authority: self.role === 'secretariat' ? 'official' : 'delegation', countryId: self.countryId, pins: false, warning: null };
  }
  if (peer?.publicKey != null && peer.publicKey !== signature.publicKey) {
    throw new BundleError(
      'key-mismatch',
      originPath,
      `the bundle claims to come from "${peer.name}", which is known with another key; this one has fingerprint ${unit.fingerprint}. It may be forged; it was not imported.`,
      { origin: peer.name, fingerprint: unit.fingerprint },
    );
  }
  const { pinned, grants } = context;
  const isPinned = pinned !== null && pinned.id === origin.id && pinned.publicKey === signature.publicKey;
  const granted = grants.get(origin.id) === signature.publicKey;
  if (!isPinned && !granted && peer?.trusted === true && peer.role === 'delegation' && origin.role === 'secretariat') {
    // A delegation that switched itself to the secretariat's role in its Settings: its
    // screens changed, its authority here did not. Nothing to confirm; the preview says so.
    return { status: 'trusted', authority: 'delegation', countryId: peer.countryId, pins: false, warning: { kind: 'role-claim', claimed: 'secretariat', kept: 'delegation' } };
  }
  const status: TrustStatus =
    peer === undefined ? 'new' : !peer.trusted || peer.role !== origin.role || peer.countryId !== origin.countryId ? 'changed' : 'trusted';
  if (isPinned || granted) return { status, authority: 'official', countryId: null, pins: false, warning: null };
  const claimsSecretariat = origin.role === 'secretariat';
  const looksLikePinned = pinned !== null && sameName(pinned.name, origin.name);
  if (pinned !== null && (claimsSecretariat || looksLikePinned)) {
    // Another key in the secretariat's role or name: nothing it sends is official, ever.
    return { status, authority: claimsSecretariat ? 'none' : 'delegation', countryId: origin.countryId, pins: false, warning: { kind: 'look-alike', pinned } };
  }
  if (claimsSecretariat) {
    // No secretariat pinned yet: a new origin becomes the pinned secretariat once confirmed.
    return { status, authority: 'official', countryId: null, pins: true, warning: null };
  }
  const countryId = status === 'trusted' && peer ? peer.countryId : origin.countryId;
  return { status, authority: 'delegation', countryId, pins: false, warning: null };
}

/** Greatest stamp per origin in a unit. */
export function maxStampsOf(unit: VerifiedUnit): Map<string, { stamp: string; path: string }> {
  const out = new Map<string, { stamp: string; path: string }>();
  const changesPath = pathFrom(unit.path, ['payload', 'changes']);
  for (const [table, records] of Object.entries(unit.records) as [SyncedTableName, SyncRecord[]][]) {
    records.forEach((record, index) => {
      for (const stamp of recordStamps(record)) {
        const node = stampNode(stamp);
        const top = out.get(node);
        if (top === undefined || stamp > top.stamp) out.set(node, { stamp, path: childPath(childPath(changesPath, table), index) });
      }
    });
  }
  return out;
}

/**
 * Refuses a unit holding stamps further ahead of this computer's clock than allowed:
 * those changes would win every conflict until the real time catches up. The header's
 * vector claims are stamps too ("everything of X up to S"): one that far ahead is refused
 * as well, or this installation would later skip X's changes as already held. The message
 * names the origin, its clock offset and what helps: the sender corrects its clock and
 * exports again (on start CWG Desk re-dates the changes made while its clock was ahead, see
 * clockSkew.ts planClockRepair).
 */
export function checkClockDrift(
  unit: VerifiedUnit,
  now: number,
  maxDriftMs: number = DEFAULT_MAX_DRIFT_MS,
  nameOf: (node: string) => string | undefined = () => undefined,
): void {
  const stamps = [...maxStampsOf(unit)].map(([node, { stamp, path }]) => ({ node, stamp, path }));
  for (const [node, stamp] of Object.entries(unit.header.vector ?? {})) {
    stamps.push({ node, stamp, path: pathFrom(unit.path, ['header', 'vector', node]) });
  }
  for (const { node, stamp, path } of stamps) {
    const offsetMs = parseStamp(stamp).millis - now;
    if (offsetMs > maxDriftMs) {
      const name = node === unit.header.origin.id ? unit.header.origin.name : (nameOf(node) ?? node);
      const hours = Math.round((offsetMs / 3_600_000) * 10) / 10;
      const limitHours = Math.round((maxDriftMs / 3_600_000) * 10) / 10;
      throw new BundleError(
        'clock-drift',
        path,
        `changes from "${name}" are stamped ${hours} h ahead of this computer's clock (at most ${limitHours} h is accepted). ` +
          `If the clock of "${name}" is wrong: set its date, time and time zone right, restart CWG Desk there (it re-dates the changes made meanwhile) and export again. ` +
          `If this computer's clock is wrong, correct it and import the file again.`,
        { origin: name, node, hours, limitHours },
      );
    }
  }
}

interface ReferenceRule {
  table: SyncedTableName;
  field: string;
  /** The referenced table, or a function of the record for polymorphic references. */
  target: SyncedTableName | ((record: SyncRecord) => SyncedTableName | null);
}

/** References between synced records that must resolve (nulls never need to). */
export const REFERENCE_RULES: readonly ReferenceRule[] = [
  { table: 'organizations', field: 'countryId', target: 'countries' },
  { table: 'delegates', field: 'organizationId', target: 'organizations' },
  { table: 'delegates', field: 'countryId', target: 'countries' },
  { table: 'meetings', field: 'hostOrganizationId', target: 'organizations' },
  { table: 'meetings', field: 'coOrganizerIds', target: 'organizations' },
  { table: 'sessions', field: 'meetingId', target: 'meetings' },
  { table: 'sessions', field: 'moderatorIds', target: 'delegates' },
  { table: 'sessions', field: 'speakerIds', target: 'delegates' },
  { table: 'participations', field: 'meetingId', target: 'meetings' },
  { table: 'participations', field: 'delegateId', target: 'delegates' },
  { table: 'mouDocuments', field: 'partyCountryIds', target: 'countries' },
  { table: 'articles', field: 'documentId', target: 'mouDocuments' },
  { table: 'mouVersions', field: 'documentId', target: 'mouDocuments' },
  { table: 'mouVersions', field: 'meetingId', target: 'meetings' },
  { table: 'amendments', field: 'documentId', target: 'mouDocuments' },
  { table: 'amendments', field: 'articleId', target: 'articles' },
  { table: 'amendments', field: 'proposedByCountryId', target: 'countries' },
  { table: 'amendments', field: 'proposedByDelegateId', target: 'delegates' },
  {
    table: 'comments',
    field: 'targetId',
    target: (record) => (record.targetKind === 'article' ? 'articles' : record.targetKind === 'amendment' ? 'amendments' : record.targetKind === 'minutes' ? 'minutes' : null),
  },
  { table: 'comments', field: 'authorDelegateId', target: 'delegates' },
  { table: 'minutes', field: 'meetingId', target: 'meetings' },
  { table: 'minutes', field: 'approvalSessionId', target: 'sessions' },
  { table: 'positions', field: 'versionId', target: 'mouVersions' },
  { table: 'positions', field: 'countryId', target: 'countries' },
  { table: 'positions', field: 'articleId', target: 'articles' },
];

export interface OpenReference {
  path: string;
  fromTable: SyncedTableName;
  field: string;
  target: SyncedTableName;
  id: string;
}

/**
 * References of live incoming records that the bundle itself does not resolve; the caller
 * looks these up locally. (A tombstone's references no longer matter.)
 */
export function openReferences(units: readonly VerifiedUnit[]): OpenReference[] {
  const present = new Map<SyncedTableName, Set<string>>();
  for (const unit of units) {
    for (const [table, records] of Object.entries(unit.records) as [SyncedTableName, SyncRecord[]][]) {
      let ids = present.get(table);
      if (!ids) {
        ids = new Set();
        present.set(table, ids);
      }
      for (const record of records) ids.add(record.id);
    }
  }
  const open: OpenReference[] = [];
  for (const unit of units) {
    const changesPath = pathFrom(unit.path, ['payload', 'changes']);
    for (const rule of REFERENCE_RULES) {
      const records = unit.records[rule.table];
      if (!records) continue;
      records.forEach((record, index) => {
        if (record.deleted) return;
        const target = typeof rule.target === 'function' ? rule.target(record) : rule.target;
        if (target === null) return;
        const value = record[rule.field];
        // Paths are built only for references that stay open (most resolve in the bundle).
        const targetIds = present.get(target);
        const check = (id: unknown, position: number | null) => {
          if (typeof id !== 'string') return;
          if (targetIds?.has(id)) return;
          const fieldPath = pathFrom(changesPath, [rule.table, index, rule.field]);
          open.push({ path: position === null ? fieldPath : childPath(fieldPath, position), fromTable: rule.table, field: rule.field, target, id });
        };
        if (Array.isArray(value)) value.forEach((id, position) => check(id, position));
        else check(value, null);
      });
    }
  }
  return open;
}

/** The first reference that resolves neither in the bundle nor locally, as an error. */
export function missingReferenceError(open: readonly OpenReference[], existsLocally: (table: SyncedTableName, id: string) => boolean): BundleError | null {
  for (const reference of open) {
    if (existsLocally(reference.target, reference.id)) continue;
    return new BundleError(
      'missing-reference',
      reference.path,
      `refers to ${reference.target} record ${reference.id}, which is neither in this bundle nor on this computer.`,
      { table: reference.target, id: reference.id },
    );
  }
  return null;
}

/**
 * The vector entries an import may adopt from a unit. A vector says "I hold every change
 * of X up to S"; it is adopted only when the whole unit is merged, only for a bundle that
 * was made for this installation or for anyone (a delta made for another peer proves
 * nothing about this one), and a delegation's claims are taken only about itself: a
 * wrong claim about the secretariat would make this installation skip the secretariat's
 * own changes later. The secretariat and this installation's own files vouch for all.
 */
export function acceptedVectorClaim(unit: VerifiedUnit, selfId: string, trust: UnitTrust): VersionVector | null {
  const { vector, scope, origin } = unit.header;
  if (vector === null) return null;
  if (scope.kind === 'peer' && scope.peerId !== selfId) return null;
  if (trust.status === 'self' || trust.authority === 'official') return vector;
  const own = Object.hasOwn(vector, origin.id) ? vector[origin.id] : undefined;
  return own === undefined ? {} : { [origin.id]: own };
}
