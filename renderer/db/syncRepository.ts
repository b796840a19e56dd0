/**
 * Sync's storage side: export a signed bundle (everything, what one peer lacks, or one
 * meeting), and import one in two steps: `prepareImport` checks the file completely and
 * plans the merge without writing anything (the preview), and the session's `apply`
 * writes the plan, the trust decisions, the version vector, the clock, the conflicts and
 * the history in ONE transaction. Cancelling is simply not calling apply.
 * The rules live in shared/sync; this file reads and writes the database around them.
 */
import type { Table } from 'dexie';
import { slugify } from 'transliteration';
import {
  syncedTableNames,
  syncedTables,
  type Conflict,
  type Installation,
  type Peer,
  type ReceivedBundle,
  type SyncedTableName,
} from '../../shared/model';
import type { Authority } from '../../shared/sync/authority';
import { formatBytes } from '../../shared/sync/bundleErrors';
import {
  BUNDLE_FILE_SUFFIX,
  type BundleOrigin,
  type BundleScope,
  type BundleScopeKind,
  type SyncRecord,
} from '../../shared/sync/bundleFormat';
import {
  decodeBundleBytes,
  readBundleText,
  readSealedHeader,
  SyncCancelledError,
  type ReadStage,
  type VerifiedUnit,
  type WorkControl,
} from '../../shared/sync/bundleRead';
import { buildChangesBundle } from '../../shared/sync/bundleWrite';
import { DEFAULT_MAX_DRIFT_MS, isValidStamp } from '../../shared/sync/hlc';
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
  type TrustStatus,
  type UnitTrust,
} from '../../shared/sync/importChecks';
import { planMerge, uncoveredIds, type MergePlan, type PlannedConflict, type PlanUnit, type RefusedChange, type TableSummary } from '../../shared/sync/merge';
import { compactRecord, recordCovered } from '../../shared/sync/records';
import { recordLabel } from '../../shared/sync/recordLabel';
import { sameValue } from '../../shared/sync/stampChanges';
import { base64ToBytes } from '../../shared/sync/encoding';
import { keyFingerprint } from '../../shared/sync/syncCrypto';
import { mergeVectors, sortedVector, type VersionVector } from '../../shared/sync/versionVector';
import type { Bilingual } from '../../shared/model';
import { CLOCK_META_KEY, type InstallationClock } from './clock';
import { anySyncedTable } from './db';
import { NoInstallationError, ValidationError } from './errors';
import { browserSyncCrypto, KEYS_TABLE, loadSigningIdentity, storedPublicKey, type SigningIdentity } from './syncKeys';
import { unstamped, writeRecord, type RepositoryContext, type Unstamped } from './writes';

export const VECTOR_META_KEY = 'sync.vector';
export const SETTINGS_META_KEY = 'sync.settings';
export const HISTORY_TABLE = 'syncHistory';

const MB = 1024 * 1024;
/** Default import limit; Settings changes it. */
export const DEFAULT_MAX_BUNDLE_BYTES = 200 * MB;
export const MIN_MAX_BUNDLE_BYTES = 1 * MB;
/** The most the app reads at all (contract.ts MAX_READ_BYTES). */
export const MAX_MAX_BUNDLE_BYTES = 1024 * MB;

export interface SyncSettings {
  /** Largest bundle file an import accepts, in bytes. */
  maxBundleBytes: number;
}

export interface SyncHistoryEntry {
  seq?: number;
  /** ISO date-time. */
  at: string;
  direction: 'import' | 'export';
  bundleId: string;
  fileName: string;
  /** The peer the bundle came from or was made for; null for "everyone" or several. */
  peerId: string | null;
  /** Who: the sender's name(s) for an import; the addressee's for a peer export. */
  peerName: string;
  scope: BundleScopeKind | 'merged';
  /** Records in the file, per table. */
  counts: Partial<Record<SyncedTableName, number>>;
  /** Imports: what happened, per table. */
  summary?: Partial<Record<SyncedTableName, TableSummary>>;
  conflicts?: number;
  refused?: number;
}

export type ExportRequest = { kind: 'all' } | { kind: 'peer'; peerId: string } | { kind: 'meeting'; meetingId: string };

export interface ExportedBundle {
  bundleId: string;
  /** Suggested file name, ending in .cwgbundle.json. */
  fileName: string;
  text: string;
  scope: BundleScope;
  counts: Partial<Record<SyncedTableName, number>>;
  /** Of those, the records in use (not tombstones), per table: what people count. */
  live: Partial<Record<SyncedTableName, number>>;
  total: number;
  peerId: string | null;
  peerName: string;
}

export type ExportStage = 'read' | 'sign';
export type ImportStage = ReadStage | 'plan' | 'apply';

export interface Progress<S> {
  stage: S;
  done: number;
  total: number;
}

export interface WorkOptions<S> {
  onProgress?: (progress: Progress<S>) => void;
  signal?: AbortSignal;
}

export interface PreviewUnit {
  bundleId: string;
  origin: BundleOrigin;
  fingerprint: string;
  trust: TrustStatus;
  /** How this installation knew the origin before (for a changed role or name). */
  known: { name: string; role: Installation['role']; countryId: string | null } | null;
  createdAt: string;
  scope: BundleScope;
  counts: Partial<Record<SyncedTableName, number>>;
}

export interface PreviewConflict extends PlannedConflict {
  label: Bilingual;
}

export interface PreviewRefusal extends RefusedChange {
  label: Bilingual;
}

export interface ImportPreview {
  fileName: string;
  bytes: number;
  kind: 'changes' | 'merged';
  bundleId: string;
  createdAt: string;
  units: PreviewUnit[];
  /** Every signed part was imported before (importing again changes nothing). */
  alreadyReceived: boolean;
  summary: Record<SyncedTableName, TableSummary>;
  totals: TableSummary;
  conflicts: PreviewConflict[];
  refused: PreviewRefusal[];
  /** Records in the file. */
  incoming: number;
  /** Origins the user must trust (fingerprint compared) before applying. */
  needsTrust: string[];
}

export interface ImportOutcome {
  written: number;
  totals: TableSummary;
  conflicts: number;
  refused: number;
}

export interface ImportSession {
  readonly preview: ImportPreview;
  /**
   * Applies the plan in one transaction; `trustedOrigins` must list every origin in
   * preview.needsTrust. Cancelling (the signal) aborts the transaction: nothing is written.
   */
  apply(trustedOrigins: readonly string[], options?: WorkOptions<'apply'>): Promise<ImportOutcome>;
}

/** Apply was asked without trusting every new origin. */
export class TrustRequiredError extends Error {
  constructor(readonly origins: readonly string[]) {
    super(`Confirm the key fingerprint of ${origins.join(', ')} before importing.`);
    this.name = 'TrustRequiredError';
  }
}

/** The database changed between preview and apply in a way that needs a new preview (e.g. a peer's key). */
export class StalePreviewError extends Error {
  constructor() {
    super('Something changed since the preview; open the file again to see what it would change now.');
    this.name = 'StalePreviewError';
  }
}

export interface ConflictView extends Conflict {
  label: Bilingual;
  /** The record is gone or the field no longer holds the kept value (edited since). */
  stale: boolean;
}

export interface PeerView extends Peer {
  fingerprint: string;
}

export interface SyncIdentityView {
  installation: Installation;
  publicKey: string;
  fingerprint: string;
  keyCreatedAt: string;
}

export interface SyncRepository {
  /** This installation with its public key and fingerprint (the key is created on first use). */
  identity(): Promise<SyncIdentityView>;
  settings(): Promise<SyncSettings>;
  updateSettings(patch: Partial<SyncSettings>): Promise<SyncSettings>;
  exportBundle(request: ExportRequest, options?: WorkOptions<ExportStage>): Promise<ExportedBundle>;
  /** Records an export once its file is saved (history, and what the peer was sent). */
  recordExport(bundle: ExportedBundle, savedAs: string): Promise<void>;
  prepareImport(file: { name: string; bytes: Uint8Array }, options?: WorkOptions<ImportStage>): Promise<ImportSession>;
  history(): Promise<SyncHistoryEntry[]>;
  peers(): Promise<PeerView[]>;
  /** Forgets a peer: its next bundle asks for trust again (and may carry a new key). */
  forgetPeer(id: string): Promise<void>;
  conflicts(options?: { includeResolved?: boolean }): Promise<ConflictView[]>;
  unresolvedConflictCount(): Promise<number>;
  /** Keeps the applied value: the conflict leaves the list. */
  keepConflict(id: string): Promise<void>;
  /** Writes the other value as a new change (which syncs), and resolves the conflict. */
  useOtherValue(id: string): Promise<void>;
  /** What this installation holds, per origin. */
  vector(): Promise<Record<string, string>>;
}

const SELF = 'self';

/** Records per bulkPut while applying an import (progress and cancel between slices). */
const APPLY_SLICE = 5000;

/** Above this many ids to look up, listing a table's keys first is cheaper than fetching every id. */
const BULK_KEY_THRESHOLD = 2000;

function emptySummary(): TableSummary {
  return { new: 0, updated: 0, deleted: 0, unchanged: 0, conflicting: 0, refused: 0 };
}

function addSummary(total: TableSummary, part: TableSummary): void {
  total.new += part.new;
  total.updated += part.updated;
  total.deleted += part.deleted;
  total.unchanged += part.unchanged;
  total.conflicting += part.conflicting;
  total.refused += part.refused;
}

function readVector(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string> = {};
  for (const [node, stamp] of Object.entries(value)) if (isValidStamp(stamp)) out[node] = stamp;
  return out;
}

function readSettings(value: unknown): SyncSettings {
  const limit = typeof value === 'object' && value !== null ? (value as { maxBundleBytes?: unknown }).maxBundleBytes : undefined;
  return {
    maxBundleBytes:
      typeof limit === 'number' && Number.isInteger(limit) && limit >= MIN_MAX_BUNDLE_BYTES && limit <= MAX_MAX_BUNDLE_BYTES
        ? limit
        : DEFAULT_MAX_BUNDLE_BYTES,
  };
}

const pause = (): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, 0);
  });

function fileStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

function slug(text: string): string {
  const result = slugify(text, { lowercase: true, separator: '-' }).replace(/[^a-z0-9-]/g, '').slice(0, 40);
  return result === '' ? 'installation' : result;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SyncCancelledError();
}

/** Tables whose records belong to a meeting (mouVersions only mention where they were tabled). */
const MEETING_CONTENT_TABLES = syncedTableNames.filter((name) => name !== 'mouVersions' && 'meetingId' in syncedTables[name].shape);

export function createSyncRepository(ctx: RepositoryContext): SyncRepository {
  const { db } = ctx;
  const now = (): number => ctx.now();
  const crypto = browserSyncCrypto();
  const history = (): Table<SyncHistoryEntry, number> => db.table<SyncHistoryEntry, number>(HISTORY_TABLE);

  const installation = async (): Promise<Installation> => {
    const found = await db.installation.get(SELF);
    if (!found) throw new NoInstallationError();
    return found;
  };

  const signing = async (): Promise<{ installation: Installation; key: SigningIdentity }> => {
    const self = await installation();
    return { installation: self, key: await loadSigningIdentity(db, self.id, now) };
  };

  const storedVector = async (): Promise<Record<string, string>> => readVector((await db.meta.get(VECTOR_META_KEY))?.value);

  const settings = async (): Promise<SyncSettings> => readSettings((await db.meta.get(SETTINGS_META_KEY))?.value);

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

  // ---------------------------------------------------------------------------------------
  // Export

  /** The meeting, what belongs to it, and every record those refer to (so references resolve). */
  const meetingClosure = async (meetingId: string): Promise<Map<SyncedTableName, Map<string, SyncRecord>>> => {
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
    const meeting = (await db.meetings.get(meetingId)) as SyncRecord | undefined;
    if (!meeting) throw new ValidationError('export', [{ path: 'meetingId', message: `unknown meeting ${meetingId}` }]);
    add('meetings', meeting);
    let frontier: [SyncedTableName, SyncRecord][] = [['meetings', meeting]];
    for (const name of MEETING_CONTENT_TABLES) {
      const table = anySyncedTable(db, name);
      const records = (
        table.schema.idxByName.meetingId ? await table.where('meetingId').equals(meetingId).toArray() : await table.filter((r) => (r as SyncRecord).meetingId === meetingId).toArray()
      ) as SyncRecord[];
      for (const record of records) if (add(name, record)) frontier.push([name, record]);
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
        const found = await anySyncedTable(db, target).bulkGet([...ids]);
        for (const record of found) if (record && add(target, record)) frontier.push([target, record]);
      }
    }
    return selected;
  };

  const exportBundle: SyncRepository['exportBundle'] = async (request, options = {}) => {
    const { onProgress, signal } = options;
    const { installation: self, key } = await signing();
    // Read before the records: the vector may only claim what the export then contains.
    const clock = await ctx.clock();
    const ownStamp = clock.last();
    interface Selection {
      scope: BundleScope;
      vector: VersionVector | null;
      records: Partial<Record<SyncedTableName, SyncRecord[]>>;
      total: number;
      peerId: string | null;
      peerName: string;
    }
    const selection = await db.transaction('r', [...syncedTableNames, 'meta', 'peers'], async (): Promise<Selection> => {
      const records: Partial<Record<SyncedTableName, SyncRecord[]>> = {};
      let total = 0;
      if (request.kind === 'meeting') {
        onProgress?.({ stage: 'read', done: 0, total: 1 });
        const selected = await meetingClosure(request.meetingId);
        const meeting = selected.get('meetings')?.get(request.meetingId);
        const title = (meeting?.title ?? { en: '', ru: '' }) as Bilingual;
        for (const [name, map] of selected) {
          records[name] = [...map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(compactRecord);
          total += map.size;
        }
        onProgress?.({ stage: 'read', done: 1, total: 1 });
        const scope: BundleScope = { kind: 'meeting', meetingId: request.meetingId, meetingTitle: { en: title.en, ru: title.ru } };
        return { scope, vector: null, records, total, peerId: null, peerName: '' };
      }
      let base: VersionVector | null = null;
      let scope: BundleScope = { kind: 'all' };
      let peerId: string | null = null;
      let peerName = '';
      if (request.kind === 'peer') {
        const peer = await db.peers.get(request.peerId);
        if (!peer) throw new ValidationError('export', [{ path: 'peerId', message: `unknown installation ${request.peerId}` }]);
        base = peer.declaredVector ?? {};
        peerId = peer.id;
        peerName = peer.name;
        scope = { kind: 'peer', peerId: peer.id, peerName: peer.name, base };
      }
      const vector = { ...(await storedVector()), [self.id]: ownStamp };
      for (const [index, name] of syncedTableNames.entries()) {
        throwIfAborted(signal);
        onProgress?.({ stage: 'read', done: index, total: syncedTableNames.length });
        const all = (await anySyncedTable(db, name).toArray()) as SyncRecord[];
        const chosen = base === null ? all : all.filter((record) => !recordCovered(record, base));
        records[name] = chosen.map(compactRecord);
        total += chosen.length;
      }
      onProgress?.({ stage: 'read', done: syncedTableNames.length, total: syncedTableNames.length });
      return { scope, vector, records, total, peerId, peerName };
    });
    throwIfAborted(signal);
    onProgress?.({ stage: 'sign', done: 0, total: 1 });
    const bundleId = ctx.randomUUID();
    const createdAt = new Date(now());
    const { scope: finalScope, peerId, peerName } = selection;
    const { bundle, text } = await buildChangesBundle(
      {
        bundleId,
        createdAt: createdAt.toISOString(),
        origin: { id: self.id, name: self.displayName, role: self.role, countryId: self.countryId },
        scope: finalScope,
        vector: selection.vector,
        records: selection.records,
      },
      key.signer,
      crypto,
    );
    onProgress?.({ stage: 'sign', done: 1, total: 1 });
    const what = finalScope.kind === 'all' ? 'all' : finalScope.kind === 'peer' ? `for-${slug(peerName)}` : `meeting-${slug(finalScope.meetingTitle.en || finalScope.meetingTitle.ru)}`;
    return {
      bundleId,
      fileName: `cwg-${slug(self.displayName)}-${what}-${fileStamp(createdAt)}${BUNDLE_FILE_SUFFIX}`,
      text,
      scope: finalScope,
      counts: bundle.header.counts,
      live: Object.fromEntries(
        Object.entries(selection.records).map(([name, list]) => [name, list.filter((record) => !record.deleted).length]),
      ),
      total: selection.total,
      peerId,
      peerName,
    };
  };

  const recordExport: SyncRepository['recordExport'] = async (bundle, savedAs) => {
    const fileName = savedAs.split(/[\\/]/).pop() ?? savedAs;
    await db.transaction('rw', [HISTORY_TABLE, 'peers'], async () => {
      await history().add({
        at: new Date(now()).toISOString(),
        direction: 'export',
        bundleId: bundle.bundleId,
        fileName,
        peerId: bundle.peerId,
        peerName: bundle.peerName,
        scope: bundle.scope.kind,
        counts: bundle.counts,
      });
    });
  };

  // ---------------------------------------------------------------------------------------
  // Import

  interface UnitContext {
    unit: VerifiedUnit;
    trust: UnitTrust;
    peer: Peer | undefined;
  }

  /**
   * The merge units of a checked file. A new origin is previewed (and, once the user has
   * compared its fingerprint, applied) with the authority of the role it claims.
   */
  const planUnits = (contexts: readonly UnitContext[], selfId: string): PlanUnit[] =>
    contexts.map(({ unit, trust, peer }) => {
      const authority: Authority = trust.authority;
      return {
        signerId: unit.header.origin.id,
        signerName: unit.header.origin.name,
        authority,
        records: unit.records,
        senderKnows: unit.header.vector ?? peer?.declaredVector ?? {},
        vectorClaim: acceptedVectorClaim(unit, selfId, trust),
      };
    });

  /** Reads the stored records the plan needs, and plans; call inside a transaction over the synced tables and meta. */
  const readAndPlan = async (units: readonly PlanUnit[]): Promise<{ plan: MergePlan; token: string }> => {
    const localVector = await storedVector();
    const token = JSON.stringify([(await db.meta.get(CLOCK_META_KEY))?.value ?? null, sortedVector(localVector)]);
    const wanted = uncoveredIds(units, localVector);
    const stored = new Map<SyncedTableName, Map<string, SyncRecord>>();
    for (const [table, ids] of wanted) {
      const source = anySyncedTable(db, table);
      let list = [...ids];
      // Many ids: read the table's keys first (cheap) and fetch only records that exist;
      // a first import into empty tables then reads no record at all.
      if (list.length > BULK_KEY_THRESHOLD) {
        const existing = new Set(await source.toCollection().primaryKeys());
        list = list.filter((id) => existing.has(id));
      }
      const found = list.length === 0 ? [] : await source.bulkGet(list);
      const map = new Map<string, SyncRecord>();
      found.forEach((record, index) => {
        const id = list[index];
        if (record && id !== undefined) map.set(id, record);
      });
      stored.set(table, map);
    }
    const plan = planMerge(syncedTableNames, { units, localVector, local: (table, id) => stored.get(table)?.get(id) });
    return { plan, token };
  };

  const labelFor = (plan: MergePlan, table: SyncedTableName, id: string, fallback?: SyncRecord): Bilingual => {
    const change = plan.changes.find((item) => item.table === table && item.after.id === id);
    const record = change?.after ?? fallback;
    return record ? recordLabel(record) : { en: id, ru: id };
  };

  interface KnownBundle {
    unit: VerifiedUnit;
    trust: UnitTrust;
  }

  /**
   * A changes bundle imported completely before, unchanged (same id, same payload checksum,
   * valid signature) and still from a trusted sender: importing it again cannot change
   * anything (merges only move forward), so its records are not even parsed. This is what
   * makes a re-import cost little more than reading the header and hashing the payload.
   */
  const importedBefore = async (text: string, identity: LocalIdentity): Promise<KnownBundle | null> => {
    const sealed = await readSealedHeader(text, crypto);
    if (!sealed) return null;
    const { header } = sealed;
    const [received, peer] = await db.transaction('r', ['receivedBundles', 'peers'], () =>
      Promise.all([db.receivedBundles.get(header.bundleId), db.peers.get(header.origin.id)]),
    );
    if (received?.payloadSha256 !== header.payloadSha256) return null;
    const unit: VerifiedUnit = { path: '$', header, records: {}, publicKey: sealed.publicKey, fingerprint: sealed.fingerprint };
    const trust = evaluateTrust(unit, identity, toKnownPeer(peer));
    return trust.status === 'trusted' || trust.status === 'self' ? { unit, trust } : null;
  };

  const knownSession = (file: { name: string; bytes: Uint8Array }, { unit, trust }: KnownBundle): ImportSession => {
    const { header } = unit;
    const summary = Object.fromEntries(
      syncedTableNames.map((name) => [name, { ...emptySummary(), unchanged: header.counts[name] ?? 0 }]),
    ) as Record<SyncedTableName, TableSummary>;
    const totals = emptySummary();
    for (const name of syncedTableNames) addSummary(totals, summary[name]);
    const preview: ImportPreview = {
      fileName: file.name,
      bytes: file.bytes.length,
      kind: 'changes',
      bundleId: header.bundleId,
      createdAt: header.createdAt,
      units: [
        {
          bundleId: header.bundleId,
          origin: header.origin,
          fingerprint: unit.fingerprint,
          trust: trust.status,
          known: null,
          createdAt: header.createdAt,
          scope: header.scope,
          counts: header.counts,
        },
      ],
      alreadyReceived: true,
      summary,
      totals,
      conflicts: [],
      refused: [],
      incoming: totals.unchanged,
      needsTrust: [],
    };
    return {
      preview,
      apply: async () => {
        const at = new Date(now()).toISOString();
        await db.transaction('rw', ['receivedBundles', 'peers', HISTORY_TABLE], async () => {
          const received = await db.receivedBundles.get(header.bundleId);
          if (received) await db.receivedBundles.put({ ...received, receivedAt: at, fileName: file.name });
          const peer = await db.peers.get(header.origin.id);
          if (peer) await db.peers.put({ ...peer, lastReceivedAt: at });
          await history().add({
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

  const prepareImport: SyncRepository['prepareImport'] = async (file, options = {}) => {
    const { onProgress, signal } = options;
    const control: WorkControl = {
      onProgress: (stage, done, total) => onProgress?.({ stage, done, total }),
      signal: { get aborted() { return signal?.aborted ?? false; } },
      pause,
    };
    const limit = (await settings()).maxBundleBytes;
    const text = decodeBundleBytes(file.bytes, (bytes) => new TextDecoder('utf-8', { fatal: true }).decode(bytes), limit);
    await pause();
    throwIfAborted(signal);
    const self = await installation();
    const identity: LocalIdentity = {
      id: self.id,
      name: self.displayName,
      role: self.role,
      countryId: self.countryId,
      publicKey: await storedPublicKey(db, self.id),
    };

    onProgress?.({ stage: 'checksum', done: 0, total: 0 });
    const known = await importedBefore(text, identity);
    if (known) return knownSession(file, known);

    const read = await readBundleText(text, crypto, control);
    throwIfAborted(signal);
    onProgress?.({ stage: 'plan', done: 0, total: 1 });

    const state = await db.transaction('r', [...syncedTableNames, 'meta', 'peers', 'receivedBundles'], async () => {
      const peers = await db.peers.bulkGet(read.units.map((unit) => unit.header.origin.id));
      const allPeers = await db.peers.toArray();
      const received = await db.receivedBundles.bulkGet(read.units.map((unit) => unit.header.bundleId));
      const contexts: UnitContext[] = read.units.map((unit, index) => {
        const peer = peers[index];
        return { unit, peer, trust: evaluateTrust(unit, identity, toKnownPeer(peer)) };
      });
      const names = new Map(allPeers.map((peer) => [peer.id, peer.name]));
      for (const { unit } of contexts) checkClockDrift(unit, now(), DEFAULT_MAX_DRIFT_MS, (node) => names.get(node));
      // References must resolve in the bundle or here.
      const open = openReferences(read.units);
      const existing = new Map<SyncedTableName, Set<string>>();
      const byTarget = new Map<SyncedTableName, Set<string>>();
      for (const reference of open) {
        let ids = byTarget.get(reference.target);
        if (!ids) {
          ids = new Set();
          byTarget.set(reference.target, ids);
        }
        ids.add(reference.id);
      }
      for (const [target, ids] of byTarget) {
        const list = [...ids];
        const found = await anySyncedTable(db, target).bulkGet(list);
        existing.set(target, new Set(list.filter((_, index) => found[index] !== undefined)));
      }
      const missing = missingReferenceError(open, (table, id) => existing.get(table)?.has(id) ?? false);
      if (missing) throw missing;
      const units = planUnits(contexts, self.id);
      const { plan, token } = await readAndPlan(units);
      return { contexts, plan, token, alreadyReceived: received.every((entry) => entry !== undefined) };
    });
    onProgress?.({ stage: 'plan', done: 1, total: 1 });

    const { contexts, plan } = state;
    const totals = emptySummary();
    for (const name of syncedTableNames) addSummary(totals, plan.summary[name]);
    const needsTrust = [...new Set(contexts.filter((c) => c.trust.status === 'new' || c.trust.status === 'changed').map((c) => c.unit.header.origin.id))];
    const header = read.header;
    const preview: ImportPreview = {
      fileName: file.name,
      bytes: file.bytes.length,
      kind: header.kind,
      bundleId: header.bundleId,
      createdAt: header.createdAt,
      units: contexts.map(({ unit, trust, peer }) => ({
        bundleId: unit.header.bundleId,
        origin: unit.header.origin,
        fingerprint: unit.fingerprint,
        trust: trust.status,
        known: peer ? { name: peer.name, role: peer.role, countryId: peer.countryId } : null,
        createdAt: unit.header.createdAt,
        scope: unit.header.scope,
        counts: unit.header.counts,
      })),
      alreadyReceived: state.alreadyReceived,
      summary: plan.summary,
      totals,
      conflicts: plan.conflicts.map((conflict) => ({ ...conflict, label: labelFor(plan, conflict.table, conflict.recordId) })),
      refused: plan.refused.map((refusal) => {
        const unit = contexts.find((c) => c.unit.header.origin.id === refusal.signerId)?.unit;
        const record = unit?.records[refusal.table]?.find((r) => r.id === refusal.recordId);
        return { ...refusal, label: labelFor(plan, refusal.table, refusal.recordId, record) };
      }),
      incoming: plan.incoming,
      needsTrust,
    };

    let applied = false;
    const apply = async (trustedOrigins: readonly string[], work: WorkOptions<'apply'> = {}): Promise<ImportOutcome> => {
      if (applied) throw new Error('This import was applied already.');
      const missingTrust = needsTrust.filter((origin) => !trustedOrigins.includes(origin));
      if (missingTrust.length > 0) throw new TrustRequiredError(missingTrust);
      const clock: InstallationClock = await ctx.clock();
      const at = new Date(now()).toISOString();
      const outcome = await db.transaction(
        'rw',
        [...syncedTableNames, 'meta', 'peers', 'receivedBundles', 'conflicts', HISTORY_TABLE],
        async () => {
          // Trust may have changed since the preview (another window): re-check it first.
          const peersNow = await db.peers.bulkGet(contexts.map((c) => c.unit.header.origin.id));
          contexts.forEach(({ unit, trust }, index) => {
            const again = evaluateTrust(unit, identity, toKnownPeer(peersNow[index]));
            if (again.status !== trust.status && !(trust.status !== 'trusted' && again.status === 'trusted')) throw new StalePreviewError();
          });
          const units = planUnits(contexts, self.id);
          const currentToken = JSON.stringify([(await db.meta.get(CLOCK_META_KEY))?.value ?? null, sortedVector(await storedVector())]);
          // Unchanged since the preview: its plan still holds, and re-reading is skipped.
          const finalPlan = currentToken === state.token ? plan : (await readAndPlan(units)).plan;

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
              await anySyncedTable(db, name).bulkPut(slice);
              written += slice.length;
              work.onProgress?.({ stage: 'apply', done: written, total });
            }
          }
          if (work.signal?.aborted) throw new SyncCancelledError();
          const received = Object.values(finalPlan.maxStamps);
          for (const stamp of received) clock.receive(stamp);
          if (received.length > 0) await clock.persist();
          await db.meta.put({ key: VECTOR_META_KEY, value: sortedVector(finalPlan.vector) });

          for (const { unit } of contexts) {
            const { origin, signature, vector, scope } = unit.header;
            await db.receivedBundles.put({
              bundleId: unit.header.bundleId,
              fromOrigin: origin.id,
              fromName: origin.name,
              receivedAt: at,
              fileName: file.name,
              counts: unit.header.counts,
              payloadSha256: unit.header.payloadSha256,
            } satisfies ReceivedBundle);
            if (origin.id === self.id) continue;
            const previous = await db.peers.get(origin.id);
            const received: Record<string, string> = {};
            for (const [node, { stamp }] of maxStampsOf(unit)) received[node] = stamp;
            const declares = vector !== null && (scope.kind === 'all' || (scope.kind === 'peer' && scope.peerId === self.id));
            const declared = declares ? mergeVectors(previous?.declaredVector ?? {}, vector) : previous?.declaredVector;
            const trustedNow = previous?.trusted === true && previous.role === origin.role && previous.countryId === origin.countryId;
            const peer: Peer = {
              id: origin.id,
              name: origin.name,
              role: origin.role,
              countryId: origin.countryId,
              publicKey: signature.publicKey,
              trusted: true,
              receivedVector: sortedVector(mergeVectors(previous?.receivedVector ?? {}, received)),
              sentWatermark: previous?.sentWatermark ?? null,
              ...(declared ? { declaredVector: sortedVector(declared) } : {}),
              trustedAt: trustedNow && previous.trustedAt ? previous.trustedAt : at,
              lastReceivedAt: at,
            };
            await db.peers.put(peer);
          }

          for (const conflict of finalPlan.conflicts) {
            await db.conflicts.put({
              id: `${conflict.table}/${conflict.recordId}/${conflict.field}`,
              table: conflict.table,
              recordId: conflict.recordId,
              field: conflict.field,
              keptValue: conflict.keptValue,
              keptHlc: conflict.keptStamp,
              otherValue: conflict.otherValue,
              otherHlc: conflict.otherStamp,
              detectedAt: at,
              resolved: false,
            });
          }

          const totalsNow = emptySummary();
          for (const name of syncedTableNames) addSummary(totalsNow, finalPlan.summary[name]);
          const senders = [...new Set(contexts.map((c) => c.unit.header.origin.name))];
          const single = contexts.length === 1 ? contexts[0]?.unit.header : undefined;
          const counts: Partial<Record<SyncedTableName, number>> = {};
          for (const { unit } of contexts) {
            for (const [name, count] of Object.entries(unit.header.counts) as [SyncedTableName, number][]) counts[name] = (counts[name] ?? 0) + count;
          }
          await history().add({
            at,
            direction: 'import',
            bundleId: header.bundleId,
            fileName: file.name,
            peerId: single?.origin.id ?? null,
            peerName: senders.join(', '),
            scope: header.kind === 'merged' ? 'merged' : (single?.scope.kind ?? 'all'),
            counts,
            summary: Object.fromEntries(
              Object.entries(finalPlan.summary).filter(([, s]) => s.new + s.updated + s.deleted + s.unchanged + s.refused > 0),
            ),
            conflicts: finalPlan.conflicts.length,
            refused: finalPlan.refused.length,
          });
          return { written, totals: totalsNow, conflicts: finalPlan.conflicts.length, refused: finalPlan.refused.length };
        },
      );
      applied = true;
      return outcome;
    };

    return { preview, apply };
  };

  // ---------------------------------------------------------------------------------------
  // Conflicts

  const conflictView = async (conflict: Conflict): Promise<ConflictView> => {
    const record = (await anySyncedTable(db, conflict.table as SyncedTableName).get(conflict.recordId)) as SyncRecord | undefined;
    const current = record?.[conflict.field];
    return {
      ...conflict,
      label: record ? recordLabel(record) : { en: conflict.recordId, ru: conflict.recordId },
      stale: record === undefined || !sameValue(current, conflict.keptValue),
    };
  };

  const isSyncedTable = (name: string): name is SyncedTableName => (syncedTableNames as readonly string[]).includes(name);

  return {
    async identity() {
      const { installation: self, key } = await signing();
      return { installation: self, publicKey: key.publicKey, fingerprint: key.fingerprint, keyCreatedAt: key.createdAt };
    },

    settings,

    async updateSettings(patch) {
      return db.transaction('rw', 'meta', async () => {
        const next = { ...(await settings()), ...patch };
        const limit = next.maxBundleBytes;
        if (!Number.isInteger(limit) || limit < MIN_MAX_BUNDLE_BYTES || limit > MAX_MAX_BUNDLE_BYTES) {
          throw new ValidationError('sync settings', [
            {
              path: 'maxBundleBytes',
              message: `the limit must be a whole number of megabytes from ${formatBytes(MIN_MAX_BUNDLE_BYTES)} to ${formatBytes(MAX_MAX_BUNDLE_BYTES)}`,
            },
          ]);
        }
        await db.meta.put({ key: SETTINGS_META_KEY, value: next });
        return next;
      });
    },

    exportBundle,
    recordExport,
    prepareImport,

    history: async () => (await history().orderBy('seq').reverse().toArray()),

    async peers() {
      const peers = await db.peers.toArray();
      return Promise.all(
        peers.map(async (peer) => {
          const raw = peer.publicKey === null ? null : base64ToBytes(peer.publicKey);
          return { ...peer, fingerprint: raw ? await keyFingerprint(crypto, raw) : '' };
        }),
      );
    },

    async forgetPeer(id) {
      await db.peers.delete(id);
    },

    async conflicts(options = {}) {
      const all = await db.conflicts.toArray();
      const chosen = options.includeResolved ? all : all.filter((conflict) => !conflict.resolved);
      const views = await Promise.all(chosen.map(conflictView));
      return views.sort((a, b) => (a.detectedAt < b.detectedAt ? 1 : a.detectedAt > b.detectedAt ? -1 : a.id < b.id ? -1 : 1));
    },

    unresolvedConflictCount: () => db.conflicts.filter((conflict) => !conflict.resolved).count(),

    async keepConflict(id) {
      await db.transaction('rw', 'conflicts', async () => {
        const conflict = await db.conflicts.get(id);
        if (conflict) await db.conflicts.put({ ...conflict, resolved: true });
      });
    },

    async useOtherValue(id) {
      const clock = await ctx.clock();
      const conflict = await db.conflicts.get(id);
      if (!conflict || !isSyncedTable(conflict.table)) return;
      const table = conflict.table;
      await db.transaction('rw', [table, 'meta', 'conflicts'], async () => {
        const record = await anySyncedTable(db, table).get(conflict.recordId);
        if (!record) throw new ValidationError('conflict', [{ path: '', message: `the record ${conflict.recordId} is no longer on this computer` }]);
        const next = { ...unstamped(record as never), [conflict.field]: conflict.otherValue } as Unstamped<typeof table>;
        await writeRecord(db, clock, table, next);
        await db.conflicts.put({ ...conflict, resolved: true });
      });
    },

    vector: async () => {
      const held = await storedVector();
      const self = await db.installation.get(SELF);
      if (!self) return held;
      const clock = await ctx.clock();
      return { ...held, [self.id]: clock.last() };
    },
  };
}

/** For tests: the tables this repository writes besides the synced ones. */
export const SYNC_LOCAL_TABLES = ['meta', 'peers', 'receivedBundles', 'conflicts', HISTORY_TABLE, KEYS_TABLE] as const;
