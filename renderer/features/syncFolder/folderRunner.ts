/**
 * Continuous sync through a shared folder (docs/sync-folder.md), the renderer's half: main
 * lists, reads and writes the files (electron/main/services/syncFolderService.ts); this
 * decides what to import and what to write, with the same engine, checks and authority
 * rules as a bundle opened by hand.
 *
 * One cycle (`run`):
 *   1. list the folder; offline or paused: stop there, touching nothing;
 *   2. import every other installation's file not yet imported (by bundle id, as the engine
 *      records it, never by a file's time): files from trusted installations are applied at
 *      once (one backup before the first automatic apply of a day), files from installations
 *      not yet trusted wait for the trust step in Sync → Import; a file that fails its checks
 *      while it may still be arriving is retried, one that stays broken after it stopped
 *      changing is reported with the reason;
 *   3. write this installation's new changes, once they have settled, as one write-once
 *      file: what it holds beyond what the folder already has (`base`: what it wrote and
 *      what the files it read say their writers held);
 *   4. now and then, compact: write one snapshot of everything it holds, then remove its own
 *      older files that every installation writing to the folder has acknowledged.
 */
import { z } from 'zod';
import { BundleError, type BundleErrorCode } from '../../../shared/sync/bundleErrors';
import { folderFileName } from '../../../shared/sync/folderNames';
import { mergeVectors } from '../../../shared/sync/versionVector';
import type { SyncFolderFile, SyncFolderStatus } from '../../../shared/ipc/contract';
import type { ExportedBundle, ImportSession, SyncRepository } from '../../db/syncRepository';
import { StalePreviewError } from '../../db/syncRepository';

export type Vector = Record<string, string>;

/** What the runner remembers between cycles and restarts (meta `sync.folder`, this computer only). */
export interface FolderState {
  /** What the folder holds, as far as this installation knows: it writes only beyond this. */
  base: Vector;
  /**
   * What this installation last declared it holds, in its newest file. Holding more (it read
   * files) is worth a file even with no change of its own: the writers learn what it has,
   * and may then remove their files it no longer needs (compaction).
   */
  declared: Vector;
  /** Files read before: name → size and bundle id (the id decides, through the engine's record). */
  files: Record<string, { size: number; bundleId: string }>;
  /** This installation's own files: name → the vector it held when writing it. */
  written: Record<string, { vector: Vector; snapshot: boolean }>;
  /** ISO time of the last compaction. */
  compactedAt: string | null;
  /** Local day (YYYY-MM-DD) of the last backup taken before an automatic apply. */
  backupDay: string | null;
  /** ISO time of the last cycle that reached the folder. */
  lastSyncedAt: string | null;
}

export const EMPTY_FOLDER_STATE: FolderState = { base: {}, declared: {}, files: {}, written: {}, compactedAt: null, backupDay: null, lastSyncedAt: null };

const vectorShape = z.record(z.string(), z.string());
const folderStateSchema = z.object({
  base: vectorShape,
  declared: vectorShape,
  files: z.record(z.string(), z.object({ size: z.number(), bundleId: z.string() })),
  written: z.record(z.string(), z.object({ vector: vectorShape, snapshot: z.boolean() })),
  compactedAt: z.string().nullable(),
  backupDay: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
});

/**
 * The stored state, or a fresh one when there is none or it is unreadable: starting afresh
 * only costs reading the folder's files again (the engine knows which it imported) and
 * writing what this installation holds once more.
 */
export function readFolderState(value: unknown): FolderState {
  const parsed = folderStateSchema.safeParse(value);
  return parsed.success ? parsed.data : structuredClone(EMPTY_FOLDER_STATE);
}

/** A file waiting for its sender to be trusted. */
export interface WaitingFile {
  name: string;
  senders: string[];
}

/** A file that stayed broken after it stopped changing. */
export interface FolderProblem {
  name: string;
  size: number;
  error: unknown;
}

export interface FolderRunResult {
  status: SyncFolderStatus;
  imported: { name: string; written: number; conflicts: number; refused: number }[];
  /** Files still arriving (broken, not settled): tried again at the next cycle. */
  arriving: string[];
  waiting: WaitingFile[];
  problems: FolderProblem[];
  wrote: string | null;
  removed: string[];
}

/** The folder as main offers it (renderer/lib/api.ts in the app, a temporary folder in tests). */
export interface FolderPort {
  scan(): Promise<{ status: SyncFolderStatus; files: SyncFolderFile[] }>;
  read(name: string): Promise<Uint8Array>;
  write(fileName: string, text: string): Promise<{ name: string; written: boolean }>;
  removeOwn(names: string[]): Promise<{ removed: string[] }>;
}

export interface FolderRunnerDeps {
  folder: FolderPort;
  sync: SyncRepository;
  state: { load(): Promise<FolderState>; save(state: FolderState): Promise<void> };
  /** Takes the backup before an automatic apply (throws when it cannot: then nothing is applied). */
  backup(): Promise<void>;
  sha256Hex(text: string): Promise<string>;
  now?: () => number;
  /** The local day of a time, for "one backup a day". */
  localDay(ms: number): string;
  /** Own files before compaction is considered, and its least interval. */
  compactAfterFiles?: number;
  compactEveryMs?: number;
}

/** Errors that mean "not all of the file is here yet" while the file is still changing. */
const INCOMPLETE_CODES = new Set<BundleErrorCode>([
  'empty',
  'not-utf8',
  'not-json',
  'truncated',
  'syntax',
  'not-a-bundle',
  'schema',
  'counts-mismatch',
  'checksum',
  'bad-signature',
]);

function incomplete(error: unknown): boolean {
  return error instanceof BundleError && INCOMPLETE_CODES.has(error.code);
}

/** A file that refers to records another file brings: read again once other files were. */
function waitsForAnother(error: unknown): boolean {
  return error instanceof BundleError && error.code === 'missing-reference';
}

/** Files in the order they were written (names start with the time), whoever wrote them. */
function byWrittenTime(a: SyncFolderFile, b: SyncFolderFile): number {
  const [, nameA = ''] = a.name.split('/');
  const [, nameB = ''] = b.name.split('/');
  return nameA < nameB ? -1 : nameA > nameB ? 1 : a.name < b.name ? -1 : 1;
}

function covers(held: Vector, wanted: Vector): boolean {
  for (const [node, stamp] of Object.entries(wanted)) {
    const have = Object.hasOwn(held, node) ? held[node] : undefined;
    if (have === undefined || have < stamp) return false;
  }
  return true;
}

export function createFolderRunner(deps: FolderRunnerDeps) {
  const now = deps.now ?? Date.now;
  const compactAfterFiles = deps.compactAfterFiles ?? 50;
  const compactEveryMs = deps.compactEveryMs ?? 6 * 60 * 60 * 1000;
  /** Files waiting for trust, with the trusted set they were checked against (checked again when it changes). */
  let waitingChecked = new Map<string, { size: number; trusted: string; senders: string[] }>();
  /** Settled files found broken: not read again until they change. */
  let brokenChecked = new Map<string, { size: number; modifiedMs: number; error: unknown }>();

  const trustedKey = async (): Promise<string> =>
    (await deps.sync.peers())
      .filter((peer) => peer.trusted)
      .map((peer) => `${peer.id}:${peer.role}:${peer.countryId ?? ''}`)
      .sort()
      .join(',');

  async function backupOncePerDay(state: FolderState): Promise<void> {
    const today = deps.localDay(now());
    if (state.backupDay === today) return;
    await deps.backup();
    state.backupDay = today;
    await deps.state.save(state);
  }

  /** Steps 2: every other installation's new files (and this one's own, while a restore is open). */
  async function importFiles(files: readonly SyncFolderFile[], state: FolderState, result: FolderRunResult): Promise<void> {
    const restoreOpen = (await deps.sync.engine.restoreState()) !== null;
    const candidates = files.filter((file) => !file.own || restoreOpen).sort(byWrittenTime);
    const ids = candidates.flatMap((file) => {
      const entry = state.files[file.name];
      return entry && entry.size === file.size ? [entry.bundleId] : [];
    });
    const received = new Set<string>();
    if (ids.length > 0) (await deps.sync.engine.received(ids)).forEach((value, index) => value && received.add(ids[index] ?? ''));
    const trusted = await trustedKey();
    const stillWaiting = new Map<string, { size: number; trusted: string; senders: string[] }>();
    const stillBroken = new Map<string, { size: number; modifiedMs: number; error: unknown }>();
    let pending = candidates.filter((file) => {
      const entry = state.files[file.name];
      return !(entry && entry.size === file.size && received.has(entry.bundleId));
    });
    // Files that refer to what another file brings are tried again after the others.
    for (let pass = 0; pass < 3 && pending.length > 0; pass += 1) {
      const later: SyncFolderFile[] = [];
      let progressed = false;
      for (const file of pending) {
        const outcome = await importOne(file, state, result, trusted, stillWaiting, stillBroken, pass);
        if (outcome === 'later') later.push(file);
        if (outcome === 'applied') progressed = true;
      }
      pending = later;
      if (!progressed) break;
    }
    for (const file of pending) {
      // Still missing what another file brings: that file may not have arrived yet.
      if (file.settled) result.problems.push({ name: file.name, size: file.size, error: laterErrors.get(file.name) });
      else result.arriving.push(file.name);
    }
    waitingChecked = stillWaiting;
    brokenChecked = stillBroken;
  }

  const laterErrors = new Map<string, unknown>();

  async function importOne(
    file: SyncFolderFile,
    state: FolderState,
    result: FolderRunResult,
    trusted: string,
    stillWaiting: Map<string, { size: number; trusted: string; senders: string[] }>,
    stillBroken: Map<string, { size: number; modifiedMs: number; error: unknown }>,
    pass: number,
  ): Promise<'applied' | 'later' | 'done'> {
    const waited = waitingChecked.get(file.name);
    if (pass === 0 && waited && waited.size === file.size && waited.trusted === trusted) {
      stillWaiting.set(file.name, waited);
      result.waiting.push({ name: file.name, senders: waited.senders });
      return 'done';
    }
    const broken = brokenChecked.get(file.name);
    if (broken && broken.size === file.size && broken.modifiedMs === file.modifiedMs) {
      stillBroken.set(file.name, broken);
      result.problems.push({ name: file.name, size: file.size, error: broken.error });
      return 'done';
    }
    let session: ImportSession;
    try {
      const bytes = await deps.folder.read(file.name);
      session = await deps.sync.prepareImport({ name: file.name.split('/').pop() ?? file.name, bytes });
    } catch (error) {
      if (waitsForAnother(error)) {
        laterErrors.set(file.name, error);
        return 'later';
      }
      if (!file.settled && incomplete(error)) {
        result.arriving.push(file.name);
      } else {
        stillBroken.set(file.name, { size: file.size, modifiedMs: file.modifiedMs, error });
        result.problems.push({ name: file.name, size: file.size, error });
      }
      return 'done';
    }
    const { preview } = session;
    const remember = async () => {
      state.files[file.name] = { size: file.size, bundleId: preview.bundleId };
      state.base = mergeVectors(state.base, folderClaims(preview.units));
      await deps.state.save(state);
    };
    if (preview.alreadyReceived) {
      await remember();
      return 'done';
    }
    if (preview.needsTrust.length > 0) {
      const senders = preview.units.filter((unit) => preview.needsTrust.includes(unit.origin.id)).map((unit) => unit.origin.name);
      const entry = { size: file.size, trusted, senders: [...new Set(senders)] };
      stillWaiting.set(file.name, entry);
      result.waiting.push({ name: file.name, senders: entry.senders });
      return 'done';
    }
    const changes = preview.totals.new + preview.totals.updated + preview.totals.deleted + preview.conflicts.length;
    try {
      if (changes > 0) await backupOncePerDay(state);
      const outcome = await session.apply([]);
      result.imported.push({ name: file.name, written: outcome.written, conflicts: outcome.conflicts, refused: outcome.refused });
      await remember();
      return 'applied';
    } catch (error) {
      // The data changed under the preview: the file is read again at the next cycle.
      if (error instanceof StalePreviewError) return 'done';
      result.problems.push({ name: file.name, size: file.size, error });
      return 'done';
    }
  }

  /**
   * Step 3: this installation's changes beyond what the folder holds, as one file; or, with
   * none, a file that only says what it now holds (an acknowledgement), when that grew.
   */
  async function writeChanges(state: FolderState, result: FolderRunResult): Promise<void> {
    const vector = await deps.sync.vector();
    if (covers(state.base, vector) && covers(state.declared, vector)) return;
    const bundle = await deps.sync.exportBundle({ kind: 'folder', base: state.base });
    if (bundle.total > 0 || !covers(state.declared, vector)) {
      const name = await writeBundle(bundle);
      state.written[name] = { vector, snapshot: false };
      state.declared = mergeVectors(state.declared, vector);
      result.wrote = name;
    }
    state.base = mergeVectors(state.base, vector);
    await deps.state.save(state);
  }

  async function writeBundle(bundle: ExportedBundle): Promise<string> {
    const fileName = folderFileName(new Date(now()), await deps.sha256Hex(bundle.text));
    const { name } = await deps.folder.write(fileName, bundle.text);
    // The history lists files with changes; an acknowledgement alone (no record) would only
    // double every import there.
    if (bundle.total > 0) await deps.sync.recordExport(bundle, name.split('/').pop() ?? name);
    return name;
  }

  /**
   * Step 4: a snapshot of everything this installation holds, then its older files that every
   * installation writing to the folder has declared it holds (their files' vectors).
   */
  async function compact(files: readonly SyncFolderFile[], state: FolderState, result: FolderRunResult): Promise<void> {
    const own = files.filter((file) => file.own);
    const due = own.length >= compactAfterFiles && (state.compactedAt === null || now() - Date.parse(state.compactedAt) >= compactEveryMs);
    if (!due) return;
    const vector = await deps.sync.vector();
    const snapshot = await deps.sync.exportBundle({ kind: 'all' });
    const name = await writeBundle(snapshot);
    state.written[name] = { vector, snapshot: true };
    state.declared = mergeVectors(state.declared, vector);
    state.compactedAt = new Date(now()).toISOString();
    await deps.state.save(state);
    // The installations that read the folder: trusted peers writing there (an installation not
    // yet trusted here, or a stray folder, cannot hold compaction back or speed it up).
    const peers = new Map((await deps.sync.peers()).filter((peer) => peer.trusted).map((peer) => [peer.id, peer.declaredVector ?? {}]));
    const writers = new Set(files.filter((file) => !file.own && peers.has(file.installationId)).map((file) => file.installationId));
    const acknowledged = (written: Vector) => [...writers].every((writer) => covers(peers.get(writer) ?? {}, written));
    const removable = own
      .map((file) => file.name)
      .filter((fileName) => fileName !== name)
      .filter((fileName) => {
        const entry = state.written[fileName];
        return entry !== undefined && acknowledged(entry.vector);
      });
    if (removable.length === 0) return;
    const { removed } = await deps.folder.removeOwn(removable);
    const gone = new Set(removed);
    state.written = Object.fromEntries(Object.entries(state.written).filter(([fileName]) => !gone.has(fileName)));
    await deps.state.save(state);
    result.removed.push(...removed);
  }

  let running: Promise<FolderRunResult> | null = null;

  async function cycle(options: { write: boolean }): Promise<FolderRunResult> {
    const { status, files } = await deps.folder.scan();
    const result: FolderRunResult = { status, imported: [], arriving: [], waiting: [], problems: [], wrote: null, removed: [] };
    if (status.state !== 'online' || status.paused) return result;
    const state = await deps.state.load();
    await importFiles(files, state, result);
    if (options.write) await writeChanges(state, result);
    await compact(files, state, result);
    state.lastSyncedAt = new Date(now()).toISOString();
    await deps.state.save(state);
    return result;
  }

  return {
    /** One cycle; concurrent callers share the one running. */
    run(options: { write: boolean } = { write: true }): Promise<FolderRunResult> {
      if (!running) {
        running = cycle(options).finally(() => {
          running = null;
        });
      }
      return running;
    },
    /** Whether this installation holds changes the folder does not have yet. */
    async pending(): Promise<boolean> {
      const state = await deps.state.load();
      return !covers(state.base, await deps.sync.vector());
    },
  };
}

/**
 * What the files read put in the folder: each writer's own changes up to the stamp it
 * declares for itself (it wrote everything beyond what it saw there). Only its own entry:
 * what it passes on from others may be refused by readers that do not grant it the right
 * (a delegation relaying the secretariat's text), so those stay for their authors to write.
 */
function folderClaims(units: readonly { vector: Vector | null; scope: { kind: string }; origin: { id: string } }[]): Vector {
  let claims: Vector = {};
  for (const unit of units) {
    if (!unit.vector || (unit.scope.kind !== 'folder' && unit.scope.kind !== 'all')) continue;
    const own = Object.hasOwn(unit.vector, unit.origin.id) ? unit.vector[unit.origin.id] : undefined;
    if (own !== undefined) claims = mergeVectors(claims, { [unit.origin.id]: own });
  }
  return claims;
}
