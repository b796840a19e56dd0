/**
 * Sync's storage side in the app: the shared sync engine (shared/sync/engine) on the Dexie
 * adapter, plus what only the screens need: settings, the signing identity, peers with
 * fingerprints, and conflicts to review. Export, import (preview, then apply in ONE
 * transaction) and restore are the engine's; the property tests run the same engine in
 * memory.
 */
import { slugify } from 'transliteration';
import {
  syncedTableNames,
  type Bilingual,
  type Conflict,
  type ConflictKind,
  type ConflictResolution,
  type SyncConflict,
  type Installation,
  type Peer,
  type SyncedTableName,
} from '../../shared/model';
import { formatBytes } from '../../shared/sync/bundleErrors';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import { decodeBundleBytes, SyncCancelledError } from '../../shared/sync/bundleRead';
import { createSyncEngine, UnknownExportTargetError, VECTOR_META_KEY, type SyncEngine } from '../../shared/sync/engine/engine';
import type { PinnedSecretariat } from '../../shared/sync/importChecks';
import type {
  ExportedBundle,
  ExportRequest,
  ExportStage,
  ImportSession,
  ImportStage,
  SyncHistoryEntry,
  WorkOptions,
} from '../../shared/sync/engine/types';
import { canEdit } from '../../shared/sync/authorityRules';
import { CONFLICTS_TABLE, keptStill, otherOutcome, reaffirmedDeletion } from '../../shared/sync/conflictNotices';
import { recordLabel } from '../../shared/sync/recordLabel';
import { base64ToBytes } from '../../shared/sync/encoding';
import { keyFingerprint } from '../../shared/sync/syncCrypto';
import { stampNode } from '../../shared/sync/versionVector';
import { anySyncedTable } from './db';
import { dexieSyncStore, HISTORY_TABLE } from './dexieSyncStore';
import { NoInstallationError, ValidationError } from './errors';
import { browserSyncCrypto, KEYS_TABLE, loadSigningIdentity, storedPublicKey } from './syncKeys';
import { unstamped, writeRecord, type RepositoryContext, type Unstamped } from './writes';
import { yieldToUi } from '../lib/yieldToUi';
import { FILE_READ_LIMITS, MAX_FILE_BYTES } from '../../shared/ipc/contract';

export type {
  ExportedBundle,
  ExportRequest,
  ExportStage,
  ImportOutcome,
  ImportPreview,
  ImportSession,
  ImportStage,
  PreviewConflict,
  PreviewRefusal,
  PreviewUnit,
  Progress,
  SyncHistoryEntry,
  WorkOptions,
} from '../../shared/sync/engine/types';
export { StalePreviewError, TrustRequiredError } from '../../shared/sync/engine/types';
export { VECTOR_META_KEY, HISTORY_TABLE };

export const SETTINGS_META_KEY = 'sync.settings';

/** Default import limit (the contract's bundle limit); Settings changes it. */
export const DEFAULT_MAX_BUNDLE_BYTES = FILE_READ_LIMITS.bundle;
/** The smallest limit Settings offers. */
export const MIN_MAX_BUNDLE_BYTES = 1024 * 1024;
/** The most the app reads at all (the contract's MAX_FILE_BYTES). */
export const MAX_MAX_BUNDLE_BYTES = MAX_FILE_BYTES;

export interface SyncSettings {
  /** Largest bundle file an import accepts, in bytes. */
  maxBundleBytes: number;
}

/**
 * A conflict to review: a synced notice (syncConflicts, shared/sync/conflictNotices.ts),
 * or one an earlier version of the app detected and kept on this computer only (the local
 * `conflicts` table, read as it is: settling it still writes the data change, which syncs).
 */
export interface ConflictView {
  id: string;
  source: 'synced' | 'local';
  table: string;
  recordId: string;
  field: string;
  kind: ConflictKind;
  keptValue: unknown;
  keptStamp: string;
  otherValue: unknown;
  otherStamp: string;
  resolution: ConflictResolution;
  label: Bilingual;
  /** The record is gone or no longer shows what was kept (edited since). */
  stale: boolean;
  /** The record is not on this computer. */
  gone: boolean;
  /** This installation's role may settle it ("Keep this"): peers accept the resolution. */
  canKeep: boolean;
  /** …and may write the other outcome to the record ("Use the other"). */
  canUseOther: boolean;
}

export interface PinnedView {
  pinned: PinnedSecretariat | null;
  /** This installation is the pinned secretariat (it may grant the role). */
  isSelf: boolean;
  /** Installations granted the secretariat's role by the pinned secretariat, with the key granted. */
  granted: { installationId: string; name: string; publicKey: string; grantedAt: string }[];
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
  /** Open conflicts (with `includeResolved`, settled ones too), newest first. */
  conflicts(options?: { includeResolved?: boolean }): Promise<ConflictView[]>;
  unresolvedConflictCount(): Promise<number>;
  /** Keeps what the merge applied: the notice is resolved 'kept', a change that syncs. */
  keepConflict(id: string): Promise<void>;
  /**
   * Writes the other outcome to the record (the other value; the record back with the lost
   * edit; the record deleted after all) and resolves the notice 'other', in one transaction;
   * both are changes that sync.
   */
  useOtherValue(id: string): Promise<void>;
  /** What this installation holds, per origin. */
  vector(): Promise<Record<string, string>>;
  /** The secretariat this installation pinned, and the grants of the role it knows. */
  pinned(): Promise<PinnedView>;
  /** Grants a trusted peer the secretariat's role (only the pinned secretariat can). */
  grantSecretariat(peerId: string): Promise<void>;
  /** Forgets the pinned secretariat: the next secretariat trusted is pinned instead. */
  forgetPinned(): Promise<void>;
  /** What the sync folder's runner remembers (renderer/features/syncFolder/folderRunner.ts); this computer only. */
  folderState(): Promise<unknown>;
  saveFolderState(state: unknown): Promise<void>;
  /** The engine itself (backups restore through it). */
  readonly engine: SyncEngine;
}

export const FOLDER_META_KEY = 'sync.folder';

const SELF = 'self';

function readSettings(value: unknown): SyncSettings {
  const limit = typeof value === 'object' && value !== null ? (value as { maxBundleBytes?: unknown }).maxBundleBytes : undefined;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < MIN_MAX_BUNDLE_BYTES) return { maxBundleBytes: DEFAULT_MAX_BUNDLE_BYTES };
  // A limit saved when the largest file was 1 GiB becomes the largest there is now, not the default.
  return { maxBundleBytes: Math.min(limit, MAX_MAX_BUNDLE_BYTES) };
}

const pause = yieldToUi;

function slug(text: string): string {
  const result = slugify(text, { lowercase: true, separator: '-' }).replace(/[^a-z0-9-]/g, '').slice(0, 40);
  return result === '' ? 'installation' : result;
}

export function createSyncRepository(ctx: RepositoryContext): SyncRepository {
  const { db } = ctx;
  const now = (): number => ctx.now();
  const crypto = browserSyncCrypto();

  const installation = async (): Promise<Installation> => {
    const found = await db.installation.get(SELF);
    if (!found) throw new NoInstallationError();
    return found;
  };

  const settings = async (): Promise<SyncSettings> => readSettings((await db.meta.get(SETTINGS_META_KEY))?.value);
  const folderState = async (): Promise<unknown> => (await db.meta.get(FOLDER_META_KEY))?.value;
  const saveFolderState = async (state: unknown): Promise<void> => {
    await db.meta.put({ key: FOLDER_META_KEY, value: state });
  };

  const engine = createSyncEngine({
    store: dexieSyncStore(db),
    crypto,
    installation,
    publicKey: async () => storedPublicKey(db, (await installation()).id),
    signer: async () => (await loadSigningIdentity(db, (await installation()).id, now)).signer,
    clock: () => ctx.clock(),
    now,
    randomUUID: () => ctx.randomUUID(),
    pause,
    slug,
  });

  const exportBundle: SyncRepository['exportBundle'] = async (request, options) => {
    try {
      return await engine.exportBundle(request, options);
    } catch (error) {
      if (error instanceof UnknownExportTargetError) throw new ValidationError('export', [{ path: error.field, message: error.message }]);
      throw error;
    }
  };

  const recordExport: SyncRepository['recordExport'] = async (bundle, savedAs) => {
    const fileName = savedAs.split(/[\\/]/).pop() ?? savedAs;
    await db.transaction('rw', [HISTORY_TABLE], async () => {
      await db.table<SyncHistoryEntry, number>(HISTORY_TABLE).add({
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

  const prepareImport: SyncRepository['prepareImport'] = async (file, options = {}): Promise<ImportSession> => {
    const limit = (await settings()).maxBundleBytes;
    const text = decodeBundleBytes(file.bytes, (bytes) => new TextDecoder('utf-8', { fatal: true }).decode(bytes), limit);
    await pause();
    if (options.signal?.aborted) throw new SyncCancelledError();
    return engine.prepareImport({ name: file.name, bytes: file.bytes.length, text, source: file.bytes }, options);
  };

  // ---------------------------------------------------------------------------------------
  // Conflicts

  const isSyncedTable = (name: string): name is SyncedTableName => (syncedTableNames as readonly string[]).includes(name) && name !== CONFLICTS_TABLE;

  /** A legacy local conflict (always a field conflict) seen as a notice. */
  const fromLocal = (conflict: Conflict): SyncConflict & { source: 'local' } => ({
    id: conflict.id,
    source: 'local',
    deleted: false,
    hlc: conflict.keptHlc,
    origin: stampNode(conflict.keptHlc),
    table: conflict.table,
    recordId: conflict.recordId,
    field: conflict.field,
    kind: 'field',
    keptValue: conflict.keptValue,
    keptStamp: conflict.keptHlc,
    otherValue: conflict.otherValue,
    otherStamp: conflict.otherHlc,
    ownerCountryId: null,
    resolution: conflict.resolved ? 'kept' : 'open',
    resolvedOn: null,
  });

  /** Today, as the date a notice was resolved on (this computer's calendar). */
  const today = (): string => {
    const date = new Date(now());
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  };

  const settled = (notice: SyncConflict, resolution: 'kept' | 'other'): SyncConflict => ({ ...notice, resolution, resolvedOn: today() });

  /** Whether this installation's role may write `next` of the conflicted table, as its peers judge it. */
  const mayWrite = (self: Installation, table: SyncedTableName | typeof CONFLICTS_TABLE, next: Readonly<Record<string, unknown>>): boolean =>
    canEdit(self.role, self.countryId, table, next);

  const conflictView = async (self: Installation, notice: SyncConflict & { source?: 'local' }): Promise<ConflictView> => {
    const table = notice.table;
    const record = isSyncedTable(table) ? ((await anySyncedTable(db, table).get(notice.recordId)) as SyncRecord | undefined) : undefined;
    const local = notice.source === 'local';
    const canKeep = local || mayWrite(self, CONFLICTS_TABLE, unstamped<'syncConflicts'>(settled(notice, 'kept')));
    const canUseOther =
      record !== undefined &&
      isSyncedTable(table) &&
      (local || mayWrite(self, CONFLICTS_TABLE, unstamped<'syncConflicts'>(settled(notice, 'other')))) &&
      mayWrite(self, table, otherOutcome(notice, unstamped(record as never) as Record<string, unknown>));
    return {
      id: notice.id,
      source: local ? 'local' : 'synced',
      table,
      recordId: notice.recordId,
      field: notice.field,
      kind: notice.kind,
      keptValue: notice.keptValue,
      keptStamp: notice.keptStamp,
      otherValue: notice.otherValue,
      otherStamp: notice.otherStamp,
      resolution: notice.resolution,
      label: record ? recordLabel(record) : { en: notice.recordId, ru: notice.recordId },
      stale: !keptStill(notice, record),
      gone: record === undefined,
      canKeep,
      canUseOther,
    };
  };

  const refuseSettling = (notice: SyncConflict): never => {
    throw new ValidationError('conflict', [
      { path: 'resolution', message: `this installation's role may not settle the conflict in ${notice.table} ${notice.recordId}: its peers would refuse the change` },
    ]);
  };

  return {
    folderState,
    saveFolderState,
    async identity() {
      const self = await installation();
      const key = await loadSigningIdentity(db, self.id, now);
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
    engine,

    history: async () => (await db.table<SyncHistoryEntry, number>(HISTORY_TABLE).orderBy('seq').reverse().toArray()),

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
      const self = await installation();
      const [notices, locals] = await Promise.all([db.syncConflicts.toArray(), db.conflicts.toArray()]);
      const all = [...notices, ...locals.map(fromLocal)].filter((notice) => !notice.deleted);
      const chosen = options.includeResolved ? all : all.filter((notice) => notice.resolution === 'open');
      const views = await Promise.all(chosen.map((notice) => conflictView(self, notice)));
      const latest = (view: ConflictView) => (view.keptStamp > view.otherStamp ? view.keptStamp : view.otherStamp);
      return views.sort((a, b) => (latest(a) < latest(b) ? 1 : latest(a) > latest(b) ? -1 : a.id < b.id ? -1 : 1));
    },

    async unresolvedConflictCount() {
      const open = await db.syncConflicts.where('resolution').equals('open').filter((notice) => !notice.deleted).count();
      return open + (await db.conflicts.filter((conflict) => !conflict.resolved).count());
    },

    async keepConflict(id) {
      const self = await installation();
      const clock = await ctx.clock();
      await db.transaction('rw', [CONFLICTS_TABLE, 'conflicts', 'meta'], async () => {
        const notice = await db.syncConflicts.get(id);
        if (notice) {
          const next = settled(notice, 'kept');
          if (!mayWrite(self, CONFLICTS_TABLE, unstamped<'syncConflicts'>(next))) refuseSettling(notice);
          await writeRecord(db, clock, CONFLICTS_TABLE, unstamped<'syncConflicts'>(next));
          return;
        }
        const conflict = await db.conflicts.get(id);
        if (conflict) await db.conflicts.put({ ...conflict, resolved: true });
      });
    },

    async useOtherValue(id) {
      const self = await installation();
      const clock = await ctx.clock();
      const notice = (await db.syncConflicts.get(id)) ?? (await db.conflicts.get(id).then((conflict) => conflict && fromLocal(conflict)));
      if (!notice || !isSyncedTable(notice.table)) return;
      const table = notice.table;
      const local = 'source' in notice;
      await db.transaction('rw', [table, CONFLICTS_TABLE, 'conflicts', 'meta'], async () => {
        const record = await anySyncedTable(db, table).get(notice.recordId);
        if (!record) throw new ValidationError('conflict', [{ path: '', message: `the record ${notice.recordId} is no longer on this computer` }]);
        const next = otherOutcome(notice, unstamped(record as never) as Record<string, unknown>) as Unstamped<typeof table>;
        const resolved = settled(notice, 'other');
        if (!mayWrite(self, table, next) || (!local && !mayWrite(self, CONFLICTS_TABLE, unstamped<'syncConflicts'>(resolved)))) refuseSettling(notice);
        const reaffirmed = notice.kind === 'edit-over-deletion' ? reaffirmedDeletion(record, notice.keptStamp, clock.stamp()) : null;
        if (reaffirmed) {
          await anySyncedTable(db, table).put(reaffirmed);
          await clock.persist();
        } else {
          await writeRecord(db, clock, table, next);
        }
        if (local) {
          const conflict = await db.conflicts.get(id);
          if (conflict) await db.conflicts.put({ ...conflict, resolved: true });
        } else {
          await writeRecord(db, clock, CONFLICTS_TABLE, unstamped<'syncConflicts'>(resolved));
        }
      });
    },

    vector: () => engine.vector(),

    async pinned() {
      const self = await installation();
      const { pinned, grants } = await engine.pinned();
      return {
        pinned,
        isSelf: pinned?.id === self.id,
        granted: grants
          .filter((grant) => pinned !== null && grant.grantorId === pinned.id && grant.grantorPublicKey === pinned.publicKey)
          .map((grant) => ({ installationId: grant.installationId, name: grant.name, publicKey: grant.publicKey, grantedAt: grant.grantedAt })),
      };
    },
    async grantSecretariat(peerId) {
      await engine.grantSecretariat(peerId);
    },
    forgetPinned: () => engine.forgetPinned(),
  };
}

/** For tests: the tables this repository writes besides the synced ones. */
export const SYNC_LOCAL_TABLES = ['meta', 'peers', 'receivedBundles', 'conflicts', HISTORY_TABLE, KEYS_TABLE] as const;
