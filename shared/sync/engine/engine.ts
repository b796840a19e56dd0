/**
 * The sync engine: export a signed bundle (everything, what one peer lacks, or one
 * meeting), import one in two steps (`prepareImport` checks the file completely and plans
 * the merge without writing: the preview; the session's `apply` writes the plan, the
 * trust decisions, the version vector, the clock, the conflicts and the history in ONE
 * transaction), and replace everything from a backup (`restore`) so that ordinary
 * exchange afterwards brings back what the restore removed.
 *
 * The rules live in the pure modules next to it (merge, importChecks, authority); this
 * file reads and writes through the storage port (port.ts), so the app (Dexie) and the
 * property tests (memory) run exactly this code.
 */
import { syncedTableNames, syncedTables, type Bilingual, type Peer, type ReceivedBundle, type SyncedTableName } from '../../model';
import type { Authority } from '../authority';
import { minutesLocksOf } from '../authorityRules';
import { BUNDLE_FILE_SUFFIX, type BundleScope, type SyncRecord } from '../bundleFormat';
import { readBundleText, readSealedHeader, SyncCancelledError, type ScanMemo, type VerifiedUnit, type WorkControl } from '../bundleRead';
import { buildChangesBundle } from '../bundleWrite';
import { bytesToBase64 } from '../encoding';
import { readGrants, signGrant, verifyGrant, type SecretariatGrant } from '../grants';
import { clockSkews } from '../clockSkew';
import { conflictNotice, conflictNoticeId, CONFLICTS_TABLE, unsettled } from '../conflictNotices';
import { DEFAULT_MAX_DRIFT_MS, isValidStamp } from '../hlc';
import {
  acceptedVectorClaim,
  checkClockDrift,
  evaluateTrust,
  maxStampsOf,
  missingReferenceError,
  openReferences,
  REFERENCE_RULES,
  type KnownPeer,
  type LocalIdentity,
  type PinnedSecretariat,
  type TrustContext,
  type UnitTrust,
} from '../importChecks';
import { planMerge, uncoveredIds, type LedgerLookup, type MergePlan, type PlanUnit, type TableSummary } from '../merge';
import { withheldForBundle } from '../privacy';
import { recordLabel } from '../recordLabel';
import { compactRecord, dataFields, normalizeRecord, recordCovered, recordStamps, stampOf } from '../records';
import type { BundleSigner, SyncCrypto } from '../syncCrypto';
import { mergeVectors, sortedVector, stampNode, type VersionVector } from '../versionVector';
import type { EngineClock, SyncStore, SyncTx } from './port';
import {
  StalePreviewError,
  TrustRequiredError,
  type ExportedBundle,
  type ExportRequest,
  type ExportStage,
  type ImportPreview,
  type ImportSession,
  type ImportStage,
  type WorkOptions,
} from './types';

export const VECTOR_META_KEY = 'sync.vector';
/** What the latest restore left to bring back (see RestoreState). */
export const RESTORE_META_KEY = 'sync.restore';
/** Where the clock persists its last stamp (renderer/db/clock.ts writes it). */
export const CLOCK_META_KEY = 'clock.lastStamp';
/** The pinned secretariat (importChecks PinnedSecretariat). */
export const PINNED_META_KEY = 'sync.pinnedSecretariat';
/** Grants of the secretariat's role, signed by the pinned secretariat (grants.ts). */
export const GRANTS_META_KEY = 'sync.grants';

/** Records per put while applying an import (progress and cancel between slices). */
const APPLY_SLICE = 5000;
/** Above this many ids to look up, listing a table's keys first is cheaper than fetching every id. */
const BULK_KEY_THRESHOLD = 2000;

export interface EngineInstallation {
  id: string;
  displayName: string;
  role: 'secretariat' | 'delegation';
  countryId: string | null;
}

export interface EngineEnv {
  store: SyncStore;
  crypto: SyncCrypto;
  /** This installation (throws when there is none yet). */
  installation(): Promise<EngineInstallation>;
  /** This installation's public key (base64), or null before it has one. */
  publicKey(): Promise<string | null>;
  /** The signing key (created on first use). */
  signer(): Promise<BundleSigner>;
  clock(): Promise<EngineClock>;
  now(): number;
  randomUUID(): string;
  /** Yields to the event loop between slices of long work. */
  pause?: () => Promise<void>;
  /** Turns a name into a file-name part (the app transliterates; tests may pass their own). */
  slug?: (text: string) => string;
}

/** An own change the restore removed, kept so peers may hand it back (see planMerge's ledger). */
export interface LedgerEntry {
  table: SyncedTableName;
  id: string;
  field: string;
  stamp: string;
  value: unknown;
  /** Held again (this field's stamp here is at least `stamp`). */
  back?: boolean;
}

/**
 * After a restore: the epoch (its stamp) that tells peers to replace what they knew this
 * installation held; the floor, the backup's own vector entry, which this installation
 * declares about itself until every own change the restore removed and that had left in
 * a file is held again (anyone may hold one: files travel by hand); and the ledger of
 * those changes, so that peers without authority over them may hand them back but
 * cannot forge them. Own changes that never left in a file are simply gone: the restore
 * removed them on purpose.
 */
export interface RestoreState {
  epoch: string;
  floor: string | null;
  ledger: LedgerEntry[];
}

/** The highest own stamp that ever left in a bundle (backups aside). */
export const EXPORTED_META_KEY = 'sync.exportedOwn';

/** A restore is still waiting for own changes to come back. */
const restoreOpen = (restore: RestoreState | null): restore is RestoreState => restore !== null && restore.ledger.some((entry) => entry.back !== true);

export function readVector(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string> = {};
  for (const [node, stamp] of Object.entries(value)) if (isValidStamp(stamp)) out[node] = stamp;
  return out;
}

function readRestoreState(value: unknown): RestoreState | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as Partial<RestoreState>;
  if (!isValidStamp(state.epoch)) return null;
  return {
    epoch: state.epoch,
    floor: isValidStamp(state.floor) ? state.floor : null,
    ledger: Array.isArray(state.ledger) ? state.ledger : [],
  };
}

export function emptySummary(): TableSummary {
  return { new: 0, updated: 0, deleted: 0, unchanged: 0, conflicting: 0, refused: 0 };
}

export function addSummary(total: TableSummary, part: TableSummary): void {
  total.new += part.new;
  total.updated += part.updated;
  total.deleted += part.deleted;
  total.unchanged += part.unchanged;
  total.conflicting += part.conflicting;
  total.refused += part.refused;
}

function fileStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

function asciiSlug(text: string): string {
  const result = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return result === '' ? 'installation' : result;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SyncCancelledError();
}

/** Tables whose records belong to a meeting (mouVersions only mention where they were tabled). */
const MEETING_CONTENT_TABLES = syncedTableNames.filter((name) => name !== 'mouVersions' && 'meetingId' in syncedTables[name].shape);

interface UnitContext {
  unit: VerifiedUnit;
  trust: UnitTrust;
  peer: Peer | undefined;
}

export interface SyncEngine {
  exportBundle(request: ExportRequest, options?: WorkOptions<ExportStage>): Promise<ExportedBundle>;
  /**
   * Checks a bundle's text completely and plans its merge; writes nothing. `source`: the bytes
   * `text` was decoded from (TextDecoder, UTF-8), hashed as they are instead of encoded again.
   */
  prepareImport(file: { name: string; bytes: number; text: string; source?: Uint8Array }, options?: WorkOptions<ImportStage>): Promise<ImportSession>;
  /** What this installation holds, per origin, as its next bundle will declare it. */
  vector(): Promise<Record<string, string>>;
  /**
   * Replaces every synced table by `records` (a backup of this or another installation, read
   * and checked by the caller) in one transaction, and resets what sync believes it holds
   * so that the next ordinary exchange brings back what the restore removed.
   */
  restore(
    records: Partial<Record<SyncedTableName, readonly SyncRecord[]>>,
    backupVector: VersionVector | null,
    options?: WorkOptions<'write'>,
  ): Promise<{ written: number }>;
  /** The latest restore, while peers are still to hand back what it removed. */
  restoreState(): Promise<RestoreState | null>;
  /** Whether each bundle was imported here (a restore forgets them: they are read again). */
  received(bundleIds: readonly string[]): Promise<boolean[]>;
  /** The secretariat this installation pinned (itself for a secretariat not granted by another), and the grants it knows. */
  pinned(): Promise<{ pinned: PinnedSecretariat | null; grants: SecretariatGrant[] }>;
  /**
   * Grants a trusted peer the secretariat's role (a second secretariat laptop, a new key).
   * Only the pinned secretariat itself may grant; the grant travels in its next bundles.
   */
  grantSecretariat(peerId: string): Promise<SecretariatGrant>;
  /** Forgets the pinned secretariat and its grants: the next secretariat trusted is pinned. */
  forgetPinned(): Promise<void>;
}

/** A grant was asked where it cannot be made. */
export class GrantRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GrantRefusedError';
  }
}

const toKnownPeer = (peer: Peer | undefined): KnownPeer | undefined =>
  peer && {
    id: peer.id,
    name: peer.name,
    role: peer.role,
    countryId: peer.countryId,
    publicKey: peer.publicKey,
    trusted: peer.trusted,
    declaredVector: peer.declaredVector,
  };

export function createSyncEngine(env: EngineEnv): SyncEngine {
  const { store, crypto } = env;
  const pause = env.pause ?? (() => Promise.resolve());
  const slug = env.slug ?? asciiSlug;

  const storedVector = async (tx: SyncTx): Promise<Record<string, string>> => readVector(await tx.meta(VECTOR_META_KEY));
  const restoreStateIn = async (tx: SyncTx): Promise<RestoreState | null> => readRestoreState(await tx.meta(RESTORE_META_KEY));

  /** The pinned secretariat (itself when set up as the secretariat and none is pinned) and its grants. */
  const trustContextIn = async (tx: SyncTx, identity: LocalIdentity): Promise<TrustContext> => {
    const stored = readPinned(await tx.meta(PINNED_META_KEY));
    const pinned: PinnedSecretariat | null =
      stored ?? (identity.role === 'secretariat' ? { id: identity.id, name: identity.name, publicKey: identity.publicKey ?? '', fingerprint: '' } : null);
    const grants = new Map<string, string>();
    for (const grant of readGrants(await tx.meta(GRANTS_META_KEY))) {
      if (pinned && grant.grantorId === pinned.id && grant.grantorPublicKey === pinned.publicKey) grants.set(grant.installationId, grant.publicKey);
    }
    return { pinned, grants };
  };

  /**
   * What this installation declares about itself: its clock; after a restore, the floor,
   * until every own change the restore removed that had left in a file is held again.
   */
  const ownEntry = (restore: RestoreState | null, clock: EngineClock): string | null =>
    restoreOpen(restore) ? restore.floor : clock.last();

  // ---------------------------------------------------------------------------------------
  // Export

  /** The meeting, what belongs to it, and every record those refer to (so references resolve). */
  const meetingClosure = async (tx: SyncTx, meetingId: string): Promise<Map<SyncedTableName, Map<string, SyncRecord>>> => {
    const selected = new Map<SyncedTableName, Map<string, SyncRecord>>();
    const add = (table: SyncedTableName, record: SyncRecord): boolean => {
      let records = selected.get(table);
      if (!records) {
        records = new Map();
        selected.set(table, records);
      }
      if (records.has(record.id)) return false;
      records.set(record.id, record);
      return true;
    };
    const [meeting] = await tx.get('meetings', [meetingId]);
    if (!meeting) throw new UnknownExportTargetError('meetingId', `unknown meeting ${meetingId}`);
    add('meetings', meeting);
    let frontier: [SyncedTableName, SyncRecord][] = [['meetings', meeting]];
    for (const name of MEETING_CONTENT_TABLES) {
      for (const record of await tx.where(name, 'meetingId', meetingId)) if (add(name, record)) frontier.push([name, record]);
    }
    while (frontier.length > 0) {
      const wanted = new Map<SyncedTableName, Set<string>>();
      for (const [table, record] of frontier) {
        if (record.deleted) continue;
        for (const rule of REFERENCE_RULES) {
          if (rule.table !== table) continue;
          const target = typeof rule.target === 'function' ? rule.target(record) : rule.target;
          if (target === null || target === 'mouDocuments' || target === 'articles' || target === 'mouVersions') continue;
          const value = record[rule.field];
          for (const id of Array.isArray(value) ? value : [value]) {
            if (typeof id !== 'string' || selected.get(target)?.has(id)) continue;
            let ids = wanted.get(target);
            if (!ids) {
              ids = new Set();
              wanted.set(target, ids);
            }
            ids.add(id);
          }
        }
      }
      frontier = [];
      for (const [target, ids] of wanted) {
        const found = await tx.get(target, [...ids]);
        for (const record of found) if (record && add(target, record)) frontier.push([target, record]);
      }
    }
    return selected;
  };

  const exportBundle: SyncEngine['exportBundle'] = async (request, options = {}) => {
    const { onProgress, signal } = options;
    const self = await env.installation();
    const signer = await env.signer();
    // Read before the records: the vector may only claim what the export then contains.
    const clock = await env.clock();
    interface Selection {
      scope: BundleScope;
      vector: VersionVector | null;
      epoch: string | null;
      grants: SecretariatGrant[];
      records: Partial<Record<SyncedTableName, SyncRecord[]>>;
      total: number;
      peerId: string | null;
      peerName: string;
    }
    const selection = await store.read(async (tx): Promise<Selection> => {
      const records: Partial<Record<SyncedTableName, SyncRecord[]>> = {};
      const restore = await restoreStateIn(tx);
      const epoch = restore?.epoch ?? null;
      const grants = readGrants(await tx.meta(GRANTS_META_KEY));
      let total = 0;
      if (request.kind === 'meeting') {
        onProgress?.({ stage: 'read', done: 0, total: 1 });
        const selected = await meetingClosure(tx, request.meetingId);
        const meeting = selected.get('meetings')?.get(request.meetingId);
        const title = (meeting?.title ?? { en: '', ru: '' }) as Bilingual;
        for (const [name, map] of selected) {
          records[name] = [...map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((record) => compactRecord(withheldForBundle(name, record)));
          total += map.size;
        }
        onProgress?.({ stage: 'read', done: 1, total: 1 });
        const scope: BundleScope = { kind: 'meeting', meetingId: request.meetingId, meetingTitle: { en: title.en, ru: title.ru } };
        return { scope, vector: null, epoch, grants, records, total, peerId: null, peerName: '' };
      }
      let base: VersionVector | null = null;
      let scope: BundleScope = { kind: 'all' };
      let peerId: string | null = null;
      let peerName = '';
      if (request.kind === 'peer') {
        const [peer] = await tx.peers([request.peerId]);
        if (!peer) throw new UnknownExportTargetError('peerId', `unknown installation ${request.peerId}`);
        base = peer.declaredVector ?? {};
        peerId = peer.id;
        peerName = peer.name;
        scope = { kind: 'peer', peerId: peer.id, peerName: peer.name, base };
      } else if (request.kind === 'folder') {
        base = { ...request.base };
        scope = { kind: 'folder', base };
      }
      const { [self.id]: _held, ...vector } = await storedVector(tx);
      const own = ownEntry(restore, clock);
      if (own !== null) vector[self.id] = own;
      for (const [index, name] of syncedTableNames.entries()) {
        throwIfAborted(signal);
        onProgress?.({ stage: 'read', done: index, total: syncedTableNames.length });
        const all = await tx.all(name);
        const chosen = base === null ? all : all.filter((record) => !recordCovered(record, base));
        // Contacts people did not agree to share never leave in a bundle for others; a backup keeps them.
        const backup = request.kind === 'all' && request.backup === true;
        records[name] = chosen.map((record) => compactRecord(backup ? record : withheldForBundle(name, record)));
        total += chosen.length;
      }
      onProgress?.({ stage: 'read', done: syncedTableNames.length, total: syncedTableNames.length });
      return { scope, vector, epoch, grants, records, total, peerId, peerName };
    });
    throwIfAborted(signal);
    onProgress?.({ stage: 'sign', done: 0, total: 1 });
    const bundleId = env.randomUUID();
    const createdAt = new Date(env.now());
    const { scope: finalScope, peerId, peerName } = selection;
    const { bundle, text } = await buildChangesBundle(
      {
        bundleId,
        createdAt: createdAt.toISOString(),
        origin: { id: self.id, name: self.displayName, role: self.role, countryId: self.countryId },
        scope: finalScope,
        vector: selection.vector,
        epoch: selection.epoch,
        grants: selection.grants,
        records: selection.records,
      },
      signer,
      crypto,
    );
    onProgress?.({ stage: 'sign', done: 1, total: 1 });
    // What left in a file may come back after a restore (see RestoreState); backups stay here.
    if (!(request.kind === 'all' && request.backup === true)) {
      let top: string | null = null;
      for (const list of Object.values(selection.records)) {
        for (const record of list) {
          for (const stamp of recordStamps(record)) if (stampNode(stamp) === self.id && (top === null || stamp > top)) top = stamp;
        }
      }
      if (top !== null) {
        const highest = top;
        await store.write(async (tx) => {
          const known = await tx.meta(EXPORTED_META_KEY);
          if (!isValidStamp(known) || known < highest) await tx.setMeta(EXPORTED_META_KEY, highest);
        });
      }
    }
    const what =
      finalScope.kind === 'all'
        ? 'all'
        : finalScope.kind === 'peer'
          ? `for-${slug(peerName)}`
          : finalScope.kind === 'folder'
            ? 'folder'
            : `meeting-${slug(finalScope.meetingTitle.en || finalScope.meetingTitle.ru)}`;
    return {
      bundleId,
      fileName: `cwg-${slug(self.displayName)}-${what}-${fileStamp(createdAt)}${BUNDLE_FILE_SUFFIX}`,
      text,
      scope: finalScope,
      counts: bundle.header.counts,
      live: Object.fromEntries(Object.entries(selection.records).map(([name, list]) => [name, list.filter((record) => !record.deleted).length])),
      total: selection.total,
      peerId,
      peerName,
    };
  };

  // ---------------------------------------------------------------------------------------
  // Import

  const localIdentity = async (): Promise<LocalIdentity> => {
    const self = await env.installation();
    return { id: self.id, name: self.displayName, role: self.role, countryId: self.countryId, publicKey: await env.publicKey() };
  };

  /**
   * The merge units of a checked file. A new origin is previewed (and, once the user has
   * compared its fingerprint, applied) with the authority of the role it claims.
   */
  const planUnits = (contexts: readonly UnitContext[], selfId: string): EngineUnit[] =>
    contexts.map(({ unit, trust, peer }) => {
      const authority: Authority = trust.authority;
      return {
        madeFrom: unit.header.scope.kind === 'peer' || unit.header.scope.kind === 'folder' ? unit.header.scope.base : null,
        signerId: unit.header.origin.id,
        signerName: unit.header.origin.name,
        authority,
        // The country the signer was trusted with; a claim in the file counts only once confirmed.
        countryId: trust.countryId,
        records: unit.records,
        senderKnows: unit.header.vector ?? peer?.declaredVector ?? {},
        vectorClaim: acceptedVectorClaim(unit, selfId, trust),
      };
    });

  /** The vector a plan starts from: what is stored, with this installation's own entry capped by an open restore. */
  const planningVector = (stored: Record<string, string>, selfId: string, restore: RestoreState | null): Record<string, string> => {
    if (!restoreOpen(restore)) return { ...stored };
    return withOwnEntry(stored, selfId, restore.floor);
  };

  const ledgerLookup = (restore: RestoreState | null): LedgerLookup | undefined => {
    if (!restore || restore.ledger.length === 0) return undefined;
    const byKey = new Map<string, LedgerEntry>();
    for (const entry of restore.ledger) byKey.set(`${entry.table}\u0000${entry.id}\u0000${entry.field}`, entry);
    return (table, id, field) => byKey.get(`${table}\u0000${id}\u0000${field}`);
  };

  /** Reads the stored records the plan needs, and plans. */
  const readAndPlan = async (tx: SyncTx, units: readonly EngineUnit[], selfId: string): Promise<{ plan: MergePlan; token: string }> => {
    const stored = await storedVector(tx);
    const restore = await restoreStateIn(tx);
    const localVector = planningVector(stored, selfId, restore);
    const token = JSON.stringify([(await tx.meta(CLOCK_META_KEY)) ?? null, sortedVector(stored), restore?.epoch ?? null, restore?.ledger.length ?? null]);
    const wanted = uncoveredIds(units, localVector);
    const found = new Map<SyncedTableName, Map<string, SyncRecord>>();
    for (const [table, ids] of wanted) {
      let list = [...ids];
      // Many ids: read the table's keys first (cheap) and fetch only records that exist;
      // a first import into empty tables then reads no record at all.
      if (list.length > BULK_KEY_THRESHOLD) {
        const existing = new Set(await tx.keys(table));
        list = list.filter((id) => existing.has(id));
      }
      const records = list.length === 0 ? [] : await tx.get(table, list);
      const map = new Map<string, SyncRecord>();
      records.forEach((record, index) => {
        const id = list[index];
        if (record && id !== undefined) map.set(id, record);
      });
      found.set(table, map);
    }
    const ledger = ledgerLookup(restore);
    // Approved minutes held here lock their meeting's outcomes (a handful of records per meeting).
    const minutesLocks = minutesLocksOf(await tx.all('minutes'));
    const plan = planMerge(syncedTableNames, {
      minutesLocks,
      // A file made for this installation from a base it no longer holds (made before the
      // sender learned of a restore here) left out what the sender believed was here: its
      // records merge, but its claim "you now hold all of mine" is false and is not adopted.
      units: units.map((unit) => (baseHeld(unit.madeFrom, localVector, selfId) ? unit : { ...unit, vectorClaim: null })),
      localVector,
      local: (table, id) => found.get(table)?.get(id),
      selfId,
      ...(ledger ? { ledger } : {}),
    });
    return { plan: await withoutSettled(tx, plan), token };
  };

  /** The plan without conflicts a person already answered (conflictNotices.ts unsettled), its counts to match. */
  const withoutSettled = async (tx: SyncTx, plan: MergePlan): Promise<MergePlan> => {
    const deletions = new Set(plan.conflicts.filter((conflict) => conflict.kind === 'deleted-over-edit').map((conflict) => conflict.recordId));
    if (deletions.size === 0) return plan;
    const notices: SyncRecord[] = [...(plan.writes[CONFLICTS_TABLE] ?? [])];
    for (const id of deletions) notices.push(...(await tx.where(CONFLICTS_TABLE, 'recordId', id)));
    const conflicts = unsettled(plan.conflicts, notices);
    if (conflicts.length === plan.conflicts.length) return plan;
    const summary = { ...plan.summary };
    for (const table of new Set(plan.conflicts.map((conflict) => conflict.table))) {
      const records = new Set(conflicts.filter((conflict) => conflict.table === table).map((conflict) => conflict.recordId));
      summary[table] = { ...summary[table], conflicting: records.size };
    }
    return { ...plan, conflicts, summary };
  };

  /**
   * Labels for the preview's conflicts and refusals. The plan's changes (and, for a refused
   * record, the signer's records) are indexed once, at the first label: searching 100,000
   * changes per conflict or refusal would take minutes.
   */
  const labeller = (plan: MergePlan, contexts: readonly UnitContext[]) => {
    let changed: Map<string, SyncRecord> | undefined;
    const offered = new Map<string, Map<string, SyncRecord>>();
    return (table: SyncedTableName, id: string, signerId?: string): Bilingual => {
      changed ??= new Map(plan.changes.map((change) => [`${change.table}\u0000${change.after.id}`, change.after]));
      let record = changed.get(`${table}\u0000${id}`);
      if (!record && signerId !== undefined) {
        let records = offered.get(`${signerId}\u0000${table}`);
        if (!records) {
          const unit = contexts.find((c) => c.unit.header.origin.id === signerId)?.unit;
          records = new Map((unit?.records[table] ?? []).map((candidate) => [candidate.id, candidate]));
          offered.set(`${signerId}\u0000${table}`, records);
        }
        record = records.get(id);
      }
      return record ? recordLabel(record) : { en: id, ru: id };
    };
  };

  /**
   * A changes bundle imported completely before, unchanged (same id, same payload checksum,
   * valid signature) and still from a trusted sender: importing it again cannot change
   * anything (merges only move forward), so its records are not even parsed. This is what
   * makes a re-import cost little more than reading the header and hashing the payload.
   */
  const importedBefore = async (text: string, identity: LocalIdentity, scan: ScanMemo): Promise<{ unit: VerifiedUnit; trust: UnitTrust } | null> => {
    // What is held of this bundle is read first: one not imported before is neither verified
    // nor hashed here (its full read does that, once).
    const held: { state?: readonly [ReceivedBundle | undefined, Peer | undefined, TrustContext] } = {};
    const sealed = await readSealedHeader(text, crypto, undefined, async (header) => {
      held.state = await store.read(
        async (tx) => [(await tx.received([header.bundleId]))[0], (await tx.peers([header.origin.id]))[0], await trustContextIn(tx, identity)] as const,
      );
      return held.state[0]?.payloadSha256 === header.payloadSha256;
    }, scan);
    if (!sealed || !held.state) return null;
    const { header } = sealed;
    const [, peer, context] = held.state;
    const unit: VerifiedUnit = { path: '$', header, records: {}, publicKey: sealed.publicKey, fingerprint: sealed.fingerprint };
    const trust = evaluateTrust(unit, identity, toKnownPeer(peer), context);
    return trust.status === 'trusted' || trust.status === 'self' ? { unit, trust } : null;
  };

  const knownSession = (file: { name: string; bytes: number }, { unit, trust }: { unit: VerifiedUnit; trust: UnitTrust }): ImportSession => {
    const { header } = unit;
    const summary = Object.fromEntries(
      syncedTableNames.map((name) => [name, { ...emptySummary(), unchanged: header.counts[name] ?? 0 }]),
    ) as Record<SyncedTableName, TableSummary>;
    const totals = emptySummary();
    for (const name of syncedTableNames) addSummary(totals, summary[name]);
    const preview: ImportPreview = {
      fileName: file.name,
      bytes: file.bytes,
      kind: 'changes',
      bundleId: header.bundleId,
      createdAt: header.createdAt,
      units: [
        {
          bundleId: header.bundleId,
          origin: header.origin,
          fingerprint: unit.fingerprint,
          trust: trust.status,
          authority: trust.authority,
          warning: trust.warning,
          pins: false,
          known: null,
          createdAt: header.createdAt,
          scope: header.scope,
          counts: header.counts,
          vector: header.vector,
        },
      ],
      alreadyReceived: true,
      summary,
      totals,
      conflicts: [],
      refused: [],
      incoming: totals.unchanged,
      needsTrust: [],
      skews: [],
    };
    return {
      preview,
      apply: async () => {
        const at = new Date(env.now()).toISOString();
        await store.write(async (tx) => {
          const [received] = await tx.received([header.bundleId]);
          if (received) await tx.putReceived({ ...received, receivedAt: at, fileName: file.name });
          const [peer] = await tx.peers([header.origin.id]);
          if (peer) await tx.putPeer({ ...peer, lastReceivedAt: at });
          await tx.addHistory({
            at,
            direction: 'import',
            bundleId: header.bundleId,
            fileName: file.name,
            peerId: header.origin.id,
            peerName: header.origin.name,
            scope: header.scope.kind,
            counts: header.counts,
            summary: Object.fromEntries(Object.entries(summary).filter(([, counts]) => counts.unchanged > 0)),
            conflicts: 0,
            refused: 0,
          });
        });
        return { written: 0, totals, conflicts: 0, refused: 0 };
      },
    };
  };

  const prepareImport: SyncEngine['prepareImport'] = async (file, options = {}) => {
    const { onProgress, signal } = options;
    const control: WorkControl = {
      onProgress: (stage, done, total) => onProgress?.({ stage, done, total }),
      signal: {
        get aborted() {
          return signal?.aborted ?? false;
        },
      },
      pause,
    };
    const { text } = file;
    const identity = await localIdentity();
    const selfId = identity.id;

    onProgress?.({ stage: 'checksum', done: 0, total: 0 });
    // The text is scanned once for both reads, and its payload hashed from the file's bytes.
    const scan: ScanMemo = file.source ? { source: file.source } : {};
    const known = await importedBefore(text, identity, scan);
    if (known) return knownSession(file, known);

    const read = await readBundleText(text, crypto, control, undefined, scan);
    throwIfAborted(signal);
    onProgress?.({ stage: 'plan', done: 0, total: 1 });
    // Grants carried in the file, each checked against its own signature (outside the transaction).
    const carried: SecretariatGrant[] = [];
    for (const unit of read.units) {
      for (const grant of unit.header.grants ?? []) if (await verifyGrant(crypto, grant)) carried.push(grant);
    }

    const state = await store.read(async (tx) => {
      const peers = await tx.peers(read.units.map((unit) => unit.header.origin.id));
      const allPeers = await tx.allPeers();
      const received = await tx.received(read.units.map((unit) => unit.header.bundleId));
      const trustContext = withCarriedGrants(await trustContextIn(tx, identity), identity, read.units, peers, carried);
      const contexts: UnitContext[] = read.units.map((unit, index) => {
        const peer = peers[index];
        const trust = evaluateTrust(unit, identity, toKnownPeer(peer), trustContext.context);
        // The secretariat this import pins (its first, or the one that granted this installation the role).
        const pins = trustContext.pinnedNow && trustContext.context.pinned?.id === unit.header.origin.id && unit.header.origin.id !== identity.id;
        return { unit, peer, trust: pins ? { ...trust, pins } : trust };
      });
      const names = new Map(allPeers.map((peer) => [peer.id, peer.name]));
      for (const { unit } of contexts) checkClockDrift(unit, env.now(), DEFAULT_MAX_DRIFT_MS, (node) => names.get(node));
      const skews = clockSkews(read.units, env.now(), (node) => names.get(node));
      // References must resolve in the bundle or here.
      const open = openReferences(read.units);
      const byTarget = new Map<SyncedTableName, Set<string>>();
      for (const reference of open) {
        let ids = byTarget.get(reference.target);
        if (!ids) {
          ids = new Set();
          byTarget.set(reference.target, ids);
        }
        ids.add(reference.id);
      }
      const existing = new Map<SyncedTableName, Set<string>>();
      for (const [target, ids] of byTarget) {
        const list = [...ids];
        const found = await tx.get(target, list);
        existing.set(target, new Set(list.filter((_, index) => found[index] !== undefined)));
      }
      const missing = missingReferenceError(open, (table, id) => existing.get(table)?.has(id) ?? false);
      if (missing) throw missing;
      const units = planUnits(contexts, selfId);
      const { plan, token } = await readAndPlan(tx, units, selfId);
      return { contexts, plan, token, trustContext, alreadyReceived: received.every((entry) => entry !== undefined), skews };
    });
    onProgress?.({ stage: 'plan', done: 1, total: 1 });

    const { contexts, plan } = state;
    const totals = emptySummary();
    for (const name of syncedTableNames) addSummary(totals, plan.summary[name]);
    // Pinning the secretariat always asks, even for an installation trusted before (e.g. after
    // "Forget the pinned secretariat", a look-alike already in the list must not slip in).
    const needsTrust = [
      ...new Set(contexts.filter((c) => c.trust.status === 'new' || c.trust.status === 'changed' || c.trust.pins).map((c) => c.unit.header.origin.id)),
    ];
    const header = read.header;
    const labelFor = labeller(plan, contexts);
    const preview: ImportPreview = {
      fileName: file.name,
      bytes: file.bytes,
      kind: header.kind,
      bundleId: header.bundleId,
      createdAt: header.createdAt,
      units: contexts.map(({ unit, trust, peer }) => ({
        bundleId: unit.header.bundleId,
        origin: unit.header.origin,
        fingerprint: unit.fingerprint,
        trust: trust.status,
        authority: trust.authority,
        warning: trust.warning,
        pins: trust.pins,
        known: peer ? { name: peer.name, role: peer.role, countryId: peer.countryId } : null,
        createdAt: unit.header.createdAt,
        scope: unit.header.scope,
        counts: unit.header.counts,
        vector: unit.header.vector,
      })),
      alreadyReceived: state.alreadyReceived,
      summary: plan.summary,
      totals,
      conflicts: plan.conflicts.map((conflict) => ({ ...conflict, label: labelFor(conflict.table, conflict.recordId) })),
      refused: plan.refused.map((refusal) => ({ ...refusal, label: labelFor(refusal.table, refusal.recordId, refusal.signerId) })),
      incoming: plan.incoming,
      needsTrust,
      skews: state.skews,
    };

    let applied = false;
    const apply: ImportSession['apply'] = async (trustedOrigins, work = {}) => {
      if (applied) throw new Error('This import was applied already.');
      const missingTrust = needsTrust.filter((origin) => !trustedOrigins.includes(origin));
      if (missingTrust.length > 0) throw new TrustRequiredError(missingTrust);
      const clock = await env.clock();
      const at = new Date(env.now()).toISOString();
      const outcome = await store.write(async (tx) => {
        // Trust may have changed since the preview (another window): re-check it first.
        const peersNow = await tx.peers(contexts.map((c) => c.unit.header.origin.id));
        const contextNow = withCarriedGrants(await trustContextIn(tx, identity), identity, read.units, peersNow, carried).context;
        contexts.forEach(({ unit, trust }, index) => {
          const again = evaluateTrust(unit, identity, toKnownPeer(peersNow[index]), contextNow);
          if (again.authority !== trust.authority) throw new StalePreviewError();
          if (again.status !== trust.status && !(trust.status !== 'trusted' && again.status === 'trusted')) throw new StalePreviewError();
        });
        const units = planUnits(contexts, selfId);
        const restore = await restoreStateIn(tx);
        const currentToken = JSON.stringify([(await tx.meta(CLOCK_META_KEY)) ?? null, sortedVector(await storedVector(tx)), restore?.epoch ?? null, restore?.ledger.length ?? null]);
        // Unchanged since the preview: its plan still holds, and re-reading is skipped.
        const finalPlan = currentToken === state.token ? plan : (await readAndPlan(tx, units, selfId)).plan;

        // Written in slices so progress shows and Cancel works; still one transaction,
        // so a cancel (or any failure) leaves every table as it was.
        const toWrite = Object.entries(finalPlan.writes) as [SyncedTableName, SyncRecord[]][];
        const total = toWrite.reduce((sum, [, records]) => sum + records.length, 0);
        let written = 0;
        work.onProgress?.({ stage: 'apply', done: 0, total });
        for (const [name, records] of toWrite) {
          for (let start = 0; start < records.length; start += APPLY_SLICE) {
            if (work.signal?.aborted) throw new SyncCancelledError();
            const slice = records.slice(start, start + APPLY_SLICE);
            await tx.put(name, slice);
            written += slice.length;
            work.onProgress?.({ stage: 'apply', done: written, total });
          }
        }
        if (work.signal?.aborted) throw new SyncCancelledError();
        const receivedStamps = Object.values(finalPlan.maxStamps);
        for (const stamp of receivedStamps) clock.receive(stamp);
        // Conflicts become notices, synced records stamped here (conflictNotices.ts); one
        // held already (from the file, or detected before) is left as it is: never reopened.
        const notices = new Map(finalPlan.conflicts.map((conflict) => [conflictNoticeId(conflict), conflict]));
        const held = notices.size === 0 ? [] : await tx.get(CONFLICTS_TABLE, [...notices.keys()]);
        const fresh = [...notices.values()].filter((_, index) => held[index] === undefined).map((conflict) => conflictNotice(conflict, clock.stamp().hlc));
        if (fresh.length > 0) await tx.put(CONFLICTS_TABLE, fresh);
        if (receivedStamps.length > 0 || fresh.length > 0) await clock.persist();

        // After a restore: own changes handed back are held again; once all are, this
        // installation declares its clock again.
        let vector = { ...finalPlan.vector };
        if (restoreOpen(restore)) {
          const writes = new Map<string, SyncRecord>();
          for (const [name, records] of Object.entries(finalPlan.writes)) for (const record of records) writes.set(`${name}\u0000${record.id}`, record);
          const ledger: LedgerEntry[] = [];
          let returned = 0;
          for (const entry of restore.ledger) {
            const written = entry.back === true ? undefined : writes.get(`${entry.table}\u0000${entry.id}`);
            const stamp = written ? stampOf(written, entry.field) : undefined;
            if (stamp !== undefined && stamp >= entry.stamp) {
              ledger.push({ ...entry, back: true });
              returned += 1;
            } else ledger.push(entry);
          }
          const next = { ...restore, ledger };
          if (returned > 0) await tx.setMeta(RESTORE_META_KEY, next);
          vector = restoreOpen(next) ? withOwnEntry(vector, selfId, next.floor) : { ...vector, [selfId]: clock.last() };
        }
        await tx.setMeta(VECTOR_META_KEY, sortedVector(vector));

        for (const { unit, trust } of contexts) {
          const { origin, signature, vector: declaredNow, scope, epoch } = unit.header;
          await tx.putReceived({
            bundleId: unit.header.bundleId,
            fromOrigin: origin.id,
            fromName: origin.name,
            receivedAt: at,
            fileName: file.name,
            counts: unit.header.counts,
            payloadSha256: unit.header.payloadSha256,
          } satisfies ReceivedBundle);
          if (origin.id === selfId) continue;
          const [previous] = await tx.peers([origin.id]);
          const received: Record<string, string> = {};
          for (const [node, { stamp }] of maxStampsOf(unit)) received[node] = stamp;
          const { declared, epoch: knownEpoch } = nextDeclared(previous, declaredNow, scope, epoch, selfId);
          const trustedNow = previous?.trusted === true && trust.status === 'trusted';
          // A role claimed without a grant is not recorded as the peer's role.
          const keepsRole = trust.warning?.kind === 'role-claim' && previous !== undefined;
          const peer: Peer = {
            id: origin.id,
            name: origin.name,
            role: keepsRole ? previous.role : origin.role,
            countryId: keepsRole ? previous.countryId : origin.countryId,
            publicKey: signature.publicKey,
            trusted: true,
            receivedVector: sortedVector(mergeVectors(previous?.receivedVector ?? {}, received)),
            sentWatermark: previous?.sentWatermark ?? null,
            ...(declared ? { declaredVector: sortedVector(declared) } : {}),
            ...(knownEpoch ? { epoch: knownEpoch } : {}),
            trustedAt: trustedNow && previous.trustedAt ? previous.trustedAt : at,
            lastReceivedAt: at,
          };
          await tx.putPeer(peer);
        }

        // The secretariat this import pinned (the first one trusted, or the one that granted
        // this installation the role), and the grants it made.
        const { context: applied, pinnedNow } = state.trustContext;
        if (pinnedNow && applied.pinned) await tx.setMeta(PINNED_META_KEY, applied.pinned);
        if (applied.pinned) {
          const pin = applied.pinned;
          const kept = new Map(readGrants(await tx.meta(GRANTS_META_KEY)).map((grant) => [grant.installationId, grant]));
          let added = false;
          for (const grant of carried) {
            if (grant.grantorId !== pin.id || grant.grantorPublicKey !== pin.publicKey) continue;
            const known = kept.get(grant.installationId);
            if (known && known.grantedAt >= grant.grantedAt) continue;
            kept.set(grant.installationId, grant);
            added = true;
          }
          if (added) await tx.setMeta(GRANTS_META_KEY, [...kept.values()]);
        }

        const totalsNow = emptySummary();
        for (const name of syncedTableNames) addSummary(totalsNow, finalPlan.summary[name]);
        const senders = [...new Set(contexts.map((c) => c.unit.header.origin.name))];
        const single = contexts.length === 1 ? contexts[0]?.unit.header : undefined;
        const counts: Partial<Record<SyncedTableName, number>> = {};
        for (const { unit } of contexts) {
          for (const [name, count] of Object.entries(unit.header.counts) as [SyncedTableName, number][]) counts[name] = (counts[name] ?? 0) + count;
        }
        await tx.addHistory({
          at,
          direction: 'import',
          bundleId: header.bundleId,
          fileName: file.name,
          peerId: single?.origin.id ?? null,
          peerName: senders.join(', '),
          scope: header.kind === 'merged' ? 'merged' : (single?.scope.kind ?? 'all'),
          counts,
          summary: Object.fromEntries(Object.entries(finalPlan.summary).filter(([, s]) => s.new + s.updated + s.deleted + s.unchanged + s.refused > 0)),
          conflicts: finalPlan.conflicts.length,
          refused: finalPlan.refused.length,
          ...(preview.skews.length > 0 ? { skews: preview.skews } : {}),
        });
        return { written, totals: totalsNow, conflicts: finalPlan.conflicts.length, refused: finalPlan.refused.length };
      });
      applied = true;
      return outcome;
    };

    return { preview, apply };
  };

  // ---------------------------------------------------------------------------------------
  // Restore

  const restore: SyncEngine['restore'] = async (records, backupVector, options = {}) => {
    const self = await env.installation();
    const clock = await env.clock();
    const normalized = syncedTableNames.map((name) => [name, (records[name] ?? []).map(normalizeRecord)] as const);
    const total = normalized.reduce((sum, [, list]) => sum + list.length, 0);
    return store.write(async (tx) => {
      const previous = await restoreStateIn(tx);
      // The floor: what the backup held of this installation's own changes (never above an earlier floor).
      const backupOwn = backupVector?.[self.id];
      const floor =
        previous ? minStamp(previous.floor, backupOwn ?? null) : backupOwn !== undefined && isValidStamp(backupOwn) ? backupOwn : null;
      // Own changes about to be removed: peers may hand them back, nobody may forge them.
      const ledger = new Map<string, LedgerEntry>();
      if (previous) for (const entry of previous.ledger) ledger.set(`${entry.table}\u0000${entry.id}\u0000${entry.field}`, entry);
      const ownNode = self.id;
      for (const [name] of normalized) {
        for (const record of await tx.all(name)) {
          for (const field of dataFields(record)) {
            const stamp = stampOf(record, field);
            if (stamp === undefined || stampNode(stamp) !== ownNode || (floor !== null && stamp <= floor)) continue;
            const key = `${name}\u0000${record.id}\u0000${field}`;
            const known = ledger.get(key);
            if (!known || known.stamp < stamp) ledger.set(key, { table: name, id: record.id, field, stamp, value: record[field] ?? null });
          }
        }
      }
      let written = 0;
      options.onProgress?.({ stage: 'write', done: 0, total });
      for (const [name, list] of normalized) {
        await tx.clear(name);
        for (let start = 0; start < list.length; start += APPLY_SLICE) {
          if (options.signal?.aborted) throw new SyncCancelledError();
          const slice = list.slice(start, start + APPLY_SLICE);
          await tx.put(name, slice);
          written += slice.length;
          options.onProgress?.({ stage: 'write', done: written, total });
        }
      }
      if (options.signal?.aborted) throw new SyncCancelledError();
      // The clock never goes back: every later change is stamped after everything restored.
      let newest: string | null = null;
      for (const [, list] of normalized) for (const record of list) if (newest === null || record.hlc > newest) newest = record.hlc;
      if (newest !== null) clock.receive(newest);
      const epoch = clock.stamp().hlc;
      await clock.persist();
      // What this computer now holds from each installation is what the backup held: the
      // changes made after it are imported again instead of being skipped as "seen".
      const { [self.id]: _own, ...held } = backupVector ?? {};
      await tx.setMeta(VECTOR_META_KEY, sortedVector(held));
      // Only what had left in a file can come back; the rest the restore removed for good.
      const exported = await tx.meta(EXPORTED_META_KEY);
      const left = [...ledger.values()].filter((entry) => entry.back === true || (isValidStamp(exported) && entry.stamp <= exported));
      const state: RestoreState = { epoch, floor, ledger: left };
      await tx.setMeta(RESTORE_META_KEY, state);
      await tx.clearReceived();
      await tx.clearConflicts();
      return { written };
    });
  };

  return {
    exportBundle,
    prepareImport,
    restore,
    restoreState: () => store.read(restoreStateIn),
    async received(bundleIds) {
      const found = await store.read((tx) => tx.received(bundleIds));
      return found.map((entry) => entry !== undefined);
    },
    async pinned() {
      const identity = await localIdentity();
      return store.read(async (tx) => ({ pinned: (await trustContextIn(tx, identity)).pinned, grants: readGrants(await tx.meta(GRANTS_META_KEY)) }));
    },
    async grantSecretariat(peerId) {
      const identity = await localIdentity();
      const signer = await env.signer();
      const [peer, context] = await store.read(async (tx) => [(await tx.peers([peerId]))[0], await trustContextIn(tx, identity)] as const);
      if (context.pinned?.id !== identity.id) {
        throw new GrantRefusedError(`Only the pinned secretariat${context.pinned ? ` ("${context.pinned.name}")` : ''} can grant the secretariat's role.`);
      }
      if (!peer || peer.publicKey === null || !peer.trusted) throw new GrantRefusedError('Import a file from that installation and confirm its fingerprint first.');
      const grant = await signGrant(crypto, signer, {
        installationId: peer.id,
        name: peer.name,
        publicKey: peer.publicKey,
        grantedAt: new Date(env.now()).toISOString(),
        grantorId: identity.id,
      });
      if (bytesToBase64(signer.publicKey) !== (identity.publicKey ?? bytesToBase64(signer.publicKey))) throw new GrantRefusedError('This installation\'s key changed; restart the app.');
      await store.write(async (tx) => {
        const kept = readGrants(await tx.meta(GRANTS_META_KEY)).filter((known) => known.installationId !== peer.id);
        await tx.setMeta(GRANTS_META_KEY, [...kept, grant]);
      });
      return grant;
    },
    async forgetPinned() {
      await store.write(async (tx) => {
        await tx.setMeta(PINNED_META_KEY, null);
        await tx.setMeta(GRANTS_META_KEY, []);
      });
    },
    async vector() {
      const self = await env.installation();
      const clock = await env.clock();
      return store.read(async (tx) => {
        const { [self.id]: _held, ...vector } = await storedVector(tx);
        const own = ownEntry(await restoreStateIn(tx), clock);
        if (own !== null) vector[self.id] = own;
        return vector;
      });
    },
  };
}

/** The vector with `node`'s entry set to `stamp`, or without it (null). */
function withOwnEntry(vector: VersionVector, node: string, stamp: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(vector)) if (key !== node) out[key] = value;
  if (stamp !== null) out[node] = stamp;
  return out;
}

/**
 * The trust context of one import: the stored one, plus what the file itself brings. A
 * secretariat installation not yet pinned to another adopts the secretariat that granted
 * it the role (a grant for its own id and key, from the unit that carries it); a
 * delegation with no pin yet pins the first secretariat in the file. Grants carried by
 * the file count when the pinned secretariat signed them.
 */
function withCarriedGrants(
  stored: TrustContext,
  identity: LocalIdentity,
  units: readonly VerifiedUnit[],
  peers: readonly (Peer | undefined)[],
  carried: readonly SecretariatGrant[],
): { context: TrustContext; pinnedNow: boolean } {
  let pinned = stored.pinned;
  let pinnedNow = false;
  const selfPinned = pinned !== null && pinned.id === identity.id;
  if (selfPinned && identity.publicKey !== null) {
    for (const grant of carried) {
      if (grant.installationId !== identity.id || grant.publicKey !== identity.publicKey) continue;
      const unit = units.find((u) => u.header.origin.id === grant.grantorId && u.header.signature.publicKey === grant.grantorPublicKey);
      if (!unit) continue;
      pinned = { id: grant.grantorId, name: unit.header.origin.name, publicKey: grant.grantorPublicKey, fingerprint: unit.fingerprint };
      pinnedNow = true;
      break;
    }
  }
  if (pinned === null) {
    const index = units.findIndex((unit, position) => {
      const peer = peers[position];
      // A known delegation that now claims the role is not a first secretariat.
      return unit.header.origin.role === 'secretariat' && unit.header.origin.id !== identity.id && !(peer?.trusted === true && peer.role === 'delegation');
    });
    const unit = units[index];
    if (unit) {
      pinned = { id: unit.header.origin.id, name: unit.header.origin.name, publicKey: unit.header.signature.publicKey, fingerprint: unit.fingerprint };
      pinnedNow = true;
    }
  }
  const grants = new Map(pinned === stored.pinned ? stored.grants : []);
  if (pinned) {
    for (const grant of carried) if (grant.grantorId === pinned.id && grant.grantorPublicKey === pinned.publicKey) grants.set(grant.installationId, grant.publicKey);
  }
  return { context: { pinned, grants }, pinnedNow };
}

function readPinned(value: unknown): PinnedSecretariat | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name, publicKey, fingerprint } = value as Partial<PinnedSecretariat>;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof publicKey !== 'string') return null;
  return { id, name, publicKey, fingerprint: typeof fingerprint === 'string' ? fingerprint : '' };
}

/** A merge unit with the base its sender made it from (a bundle for one installation), or null. */
type EngineUnit = PlanUnit & { madeFrom: VersionVector | null };

/**
 * Whether this installation still holds everything a bundle made for it was made from
 * (`base`: what the sender believed was here). Its own entry is left to the restore's
 * window and ledger (planningVector caps it at the floor).
 */
function baseHeld(base: VersionVector | null, held: VersionVector, selfId: string): boolean {
  if (base === null) return true;
  for (const [node, stamp] of Object.entries(base)) {
    if (node === selfId) continue;
    const entry = Object.hasOwn(held, node) ? held[node] : undefined;
    if (entry === undefined || stamp > entry) return false;
  }
  return true;
}

function minStamp(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  return a < b ? a : b;
}

/**
 * What a peer is known to hold after one of its bundles: a complete bundle (everything,
 * or made for this installation) declares it. A newer restore epoch replaces the old
 * declaration (the peer lost what it restored away); the same epoch merges (files arrive
 * in any order); an older one is a file made before the restore and declares nothing. A
 * partial file that announces a newer restore forgets the declaration entirely: the next
 * export for that peer then holds everything.
 */
export function nextDeclared(
  previous: Pick<Peer, 'declaredVector' | 'epoch'> | undefined,
  vector: VersionVector | null,
  scope: BundleScope,
  epoch: string | undefined,
  selfId: string,
): { declared: VersionVector | undefined; epoch: string | undefined } {
  const known = previous?.epoch;
  const newer = epoch !== undefined && (known === undefined || epoch > known);
  const older = known !== undefined && (epoch === undefined || epoch < known);
  const declared = vector !== null && (scope.kind === 'all' || scope.kind === 'folder' || (scope.kind === 'peer' && scope.peerId === selfId)) ? vector : null;
  if (newer) return { declared: declared ?? {}, epoch };
  if (older || declared === null) return { declared: previous?.declaredVector, epoch: known };
  return { declared: mergeVectors(previous?.declaredVector ?? {}, declared), epoch: known };
}

/** An export asked for a meeting or an installation that is not there. */
export class UnknownExportTargetError extends Error {
  constructor(
    readonly field: 'meetingId' | 'peerId',
    message: string,
  ) {
    super(message);
    this.name = 'UnknownExportTargetError';
  }
}
