/**
 * What the sync engine takes and gives: export requests and bundles, the import preview
 * and its outcome, the history, progress and cancelling. The screens use these types
 * through renderer/db/syncRepository.ts.
 */
import type { Bilingual, Installation, SyncedTableName } from '../../model';
import type { BundleOrigin, BundleScope, BundleScopeKind } from '../bundleFormat';
import type { ReadStage } from '../bundleRead';
import type { ClockSkew } from '../clockSkew';
import type { Authority } from '../authorityRules';
import type { TrustStatus, TrustWarning } from '../importChecks';
import type { PlannedConflict, RefusedChange, TableSummary } from '../merge';

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
  /** Imports: origins whose clock was more than an hour ahead of this computer's (clockSkew.ts). */
  skews?: ClockSkew[];
}

export type ExportRequest =
  /** `backup`: a backup keeps the contacts that bundles for others withhold (privacy.ts). */
  | { kind: 'all'; backup?: true }
  | { kind: 'peer'; peerId: string }
  /** A sync folder's change file: what this installation holds beyond `base` (syncFolder.ts). */
  | { kind: 'folder'; base: Record<string, string> }
  | { kind: 'meeting'; meetingId: string };

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
  /** What its changes may touch once trusted: granted here, never taken from the file's claim. */
  authority: Authority;
  /** A look-alike of the pinned secretariat, or a delegation claiming the secretariat's role. */
  warning: TrustWarning | null;
  /** Confirming it pins it as this installation's secretariat. */
  pins: boolean;
  /** How this installation knew the origin before (for a changed role or name). */
  known: { name: string; role: Installation['role']; countryId: string | null } | null;
  createdAt: string;
  scope: BundleScope;
  counts: Partial<Record<SyncedTableName, number>>;
  /** What the sender held when it wrote the file (null for a partial scope). */
  vector: Record<string, string> | null;
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
  /** Origins whose newest stamp is more than an hour ahead of this computer's clock (clockSkew.ts). */
  skews: ClockSkew[];
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

