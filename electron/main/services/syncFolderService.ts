/**
 * The sync folder, as main sees it: a folder the user chose (shared by Syncthing,
 * Nextcloud, a network share, or a USB stick) where every installation writes its change
 * files, write-once, under `cwg-desk/<installation id>/`, and reads everyone else's.
 * Node only, no Electron: unit-tested against temporary folders.
 *
 * What it promises (docs/sync-folder.md):
 *   - it never edits or deletes another installation's file, and uses no lock files;
 *   - it writes to a temporary name and renames (readers skip temporary names);
 *   - it notices new files by polling (network shares send no events) and by file-system
 *     events where there are some, and tells the renderer through `onChange`;
 *   - a file counts as settled once its size and time stopped changing for `settleMs`:
 *     the renderer treats a broken file that is not settled as still arriving;
 *   - a missing, unmounted or emptied folder is "offline": nothing is written or removed.
 *
 * The renderer decides what to import and what to write (it holds the data); this service
 * only lists, reads, writes and removes files, inside the app's folder and nowhere else.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import {
  FOLDER_APP_DIR,
  FOLDER_INSTALLATION_PATTERN,
  FOLDER_OWN_FILE_PATTERN,
  isConflictCopy,
  isFolderBundleName,
} from '../../../shared/sync/folderNames';
import { FILE_READ_LIMITS, formatLimit, type SyncFolderFile, type SyncFolderScan, type SyncFolderStatus } from '../../../shared/ipc/contract';
import { explainWriteError, FileWriteError, writeFileAtomic } from './atomicFile';

export const SYNC_FOLDER_CONFIG_FILE = 'sync-folder.json';

/** Largest change file read (a compaction snapshot of a large registry stays well below). */
export const MAX_FOLDER_FILE_BYTES = FILE_READ_LIMITS.bundle;

interface Config {
  folder: string | null;
  installationId: string | null;
  paused: boolean;
  /** This installation wrote to the folder before: an empty folder then means "not mounted". */
  joined: boolean;
}

const EMPTY: Config = { folder: null, installationId: null, paused: false, joined: false };

/** A refusal the renderer shows as it is: a path outside the folder, a file too large. */
export class SyncFolderError extends Error {
  constructor(
    readonly code: 'not-configured' | 'offline' | 'outside' | 'too-large' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'SyncFolderError';
  }
}

export interface SyncFolderOptions {
  /** The app's own folder, where the choice of folder is remembered. */
  dataFolder: string;
  /** Told when the folder's listing may have changed (a new file, a file grown, online again). */
  onChange?: (reason: 'watch' | 'poll') => void;
  /** How often the folder is listed for changes (network shares send no events). */
  pollMs?: number;
  /** How long a file's size and time must stay the same before it counts as complete. */
  settleMs?: number;
  /** File-system events besides polling (true by default; tests that log file access turn them off). */
  watch?: boolean;
  now?: () => number;
}

interface Seen {
  size: number;
  modifiedMs: number;
  /** When this size and time were first seen. */
  since: number;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export function createSyncFolderService(options: SyncFolderOptions) {
  const { dataFolder, onChange } = options;
  const pollMs = options.pollMs ?? 5000;
  const settleMs = options.settleMs ?? 3000;
  const now = options.now ?? Date.now;
  const configFile = join(dataFolder, SYNC_FOLDER_CONFIG_FILE);
  const seen = new Map<string, Seen>();
  let config: Config | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let watcher: FSWatcher | null = null;
  let lastSignature = '';

  async function load(): Promise<Config> {
    if (config) return config;
    try {
      const parsed = JSON.parse(await readFile(configFile, 'utf8')) as Partial<Config>;
      config = {
        folder: typeof parsed.folder === 'string' ? parsed.folder : null,
        installationId: typeof parsed.installationId === 'string' && FOLDER_INSTALLATION_PATTERN.test(parsed.installationId) ? parsed.installationId : null,
        paused: parsed.paused === true,
        joined: parsed.joined === true,
      };
    } catch {
      config = { ...EMPTY };
    }
    return config;
  }

  async function save(next: Config): Promise<void> {
    await writeFileAtomic(configFile, JSON.stringify(next, null, 2));
    config = next;
  }

  const appDir = (folder: string) => join(folder, FOLDER_APP_DIR);

  /** Online, off, or offline with the reason; never creates anything. */
  async function status(): Promise<SyncFolderStatus> {
    const current = await load();
    const base = { folder: current.folder, paused: current.paused, installationId: current.installationId };
    if (current.folder === null || current.installationId === null) return { ...base, state: 'off' };
    try {
      const info = await stat(current.folder);
      if (!info.isDirectory()) return { ...base, state: 'offline', reason: 'missing' };
    } catch (error) {
      return { ...base, state: 'offline', reason: errnoCode(error) === 'ENOENT' ? 'missing' : 'unreadable' };
    }
    if (current.joined) {
      // Written to before: a folder without the app's files is a share not mounted or a
      // stick not plugged in, not "everyone deleted everything".
      const entries = await readdir(appDir(current.folder)).catch((): string[] => []);
      if (entries.length === 0) return { ...base, state: 'offline', reason: 'empty' };
    }
    return { ...base, state: 'online' };
  }

  /** Every installation's files (this one's marked `own`), with whether each has settled. */
  async function scan(): Promise<SyncFolderScan> {
    const current = await status();
    if (current.state !== 'online' || current.folder === null) return { status: current, files: [] };
    const root = appDir(current.folder);
    const files: SyncFolderFile[] = [];
    const at = now();
    const present = new Set<string>();
    const installations = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const entry of installations) {
      if (!entry.isDirectory() || !FOLDER_INSTALLATION_PATTERN.test(entry.name)) continue;
      const names = await readdir(join(root, entry.name)).catch((): string[] => []);
      for (const name of names) {
        if (!isFolderBundleName(name)) continue;
        const relative = `${entry.name}/${name}`;
        let info;
        try {
          info = await stat(join(root, entry.name, name));
        } catch {
          continue; // removed between the listing and now
        }
        if (!info.isFile()) continue;
        present.add(relative);
        const before = seen.get(relative);
        const modifiedMs = Math.trunc(info.mtimeMs);
        const unchanged = before !== undefined && before.size === info.size && before.modifiedMs === modifiedMs;
        const since = unchanged ? before.since : at;
        if (!unchanged) seen.set(relative, { size: info.size, modifiedMs, since });
        files.push({
          name: relative,
          installationId: entry.name,
          own: entry.name === current.installationId,
          size: info.size,
          modifiedMs,
          settled: at - since >= settleMs,
          conflictCopy: isConflictCopy(name),
        });
      }
    }
    for (const key of [...seen.keys()]) if (!present.has(key)) seen.delete(key);
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { status: current, files };
  }

  /** The absolute path of a listed file; refuses anything outside the app's folder. */
  async function pathOf(name: string): Promise<string> {
    const current = await status();
    if (current.state === 'off' || current.folder === null) throw new SyncFolderError('not-configured', 'No sync folder is chosen.');
    if (current.state === 'offline') throw new SyncFolderError('offline', `The sync folder "${current.folder}" cannot be reached.`);
    const parts = name.split('/');
    const [installation, file] = parts;
    if (parts.length !== 2 || installation === undefined || file === undefined || !FOLDER_INSTALLATION_PATTERN.test(installation) || !isFolderBundleName(file)) {
      throw new SyncFolderError('outside', `"${name}" is not a file of the sync folder.`);
    }
    const root = resolve(appDir(current.folder));
    const path = resolve(root, installation, file);
    if (!path.startsWith(root + sep)) throw new SyncFolderError('outside', `"${name}" is not a file of the sync folder.`);
    return path;
  }

  async function read(name: string): Promise<{ name: string; size: number; bytes: Buffer }> {
    const path = await pathOf(name);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (error) {
      throw new SyncFolderError('unreadable', `"${name}" cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
    }
    if (size > MAX_FOLDER_FILE_BYTES) throw new SyncFolderError('too-large', `"${name}" is larger than the limit of ${formatLimit(MAX_FOLDER_FILE_BYTES)}.`);
    try {
      const bytes = await readFile(path);
      return { name, size: bytes.byteLength, bytes };
    } catch (error) {
      throw new SyncFolderError('unreadable', `"${name}" cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }

  /**
   * Writes one of this installation's files, never over an existing one (names are
   * content hashes: an existing file already holds the same content).
   */
  async function write(fileName: string, data: Uint8Array | string): Promise<{ name: string; written: boolean }> {
    const current = await status();
    if (current.state === 'off' || current.folder === null || current.installationId === null) {
      throw new SyncFolderError('not-configured', 'No sync folder is chosen.');
    }
    if (current.state === 'offline') throw new SyncFolderError('offline', `The sync folder "${current.folder}" cannot be reached.`);
    if (!FOLDER_OWN_FILE_PATTERN.test(fileName)) throw new SyncFolderError('outside', `"${fileName}" is not a name the app writes.`);
    const dir = join(appDir(current.folder), current.installationId);
    const name = `${current.installationId}/${fileName}`;
    const target = join(dir, fileName);
    if ((await stat(target).catch(() => null)) !== null) return { name, written: false };
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw explainWriteError(error, dir);
    }
    await writeFileAtomic(target, data);
    if (!(await load()).joined) await save({ ...(await load()), joined: true });
    return { name, written: true };
  }

  /** Removes some of this installation's own files (compaction); never anyone else's. */
  async function removeOwn(names: readonly string[]): Promise<{ removed: string[] }> {
    const current = await status();
    if (current.state !== 'online' || current.installationId === null) return { removed: [] };
    const removed: string[] = [];
    for (const name of names) {
      const [installation, file] = name.split('/');
      if (installation !== current.installationId || file === undefined || !FOLDER_OWN_FILE_PATTERN.test(file)) {
        throw new SyncFolderError('outside', `"${name}" is not one of this installation's files.`);
      }
      try {
        await unlink(await pathOf(name));
        removed.push(name);
      } catch (error) {
        if (error instanceof SyncFolderError) throw error;
        if (errnoCode(error) !== 'ENOENT') throw explainWriteError(error, name);
      }
    }
    return { removed };
  }

  /** A cheap fingerprint of the listing: names, sizes and times. */
  async function signature(): Promise<string> {
    const { status: current, files } = await scan();
    return JSON.stringify([current.state, files.map((file) => [file.name, file.size, file.modifiedMs, file.settled])]);
  }

  async function tick(reason: 'watch' | 'poll'): Promise<void> {
    const next = await signature().catch(() => 'unreadable');
    if (next !== lastSignature) {
      lastSignature = next;
      onChange?.(reason);
    }
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
    watcher?.close();
    watcher = null;
  }

  /** Polls (and watches, where the system can) while a folder is chosen and not paused. */
  async function start(): Promise<void> {
    stop();
    const current = await load();
    if (current.folder === null || current.paused) return;
    timer = setInterval(() => {
      void tick('poll');
    }, pollMs);
    timer.unref();
    if (options.watch === false) return;
    try {
      watcher = watch(current.folder, { recursive: true }, () => {
        void tick('watch');
      });
      watcher.on('error', () => {
        watcher?.close();
        watcher = null;
      });
    } catch {
      watcher = null; // no events on this system or share: polling alone
    }
  }

  return {
    status,
    scan,
    read,
    write,
    removeOwn,
    start,
    stop,
    /** Sets (or, with null, forgets) the folder; `installationId` names this installation's folder. */
    async choose(folder: string | null, installationId: string | null): Promise<SyncFolderStatus> {
      if (installationId !== null && !FOLDER_INSTALLATION_PATTERN.test(installationId)) {
        throw new SyncFolderError('outside', `"${installationId}" cannot name a folder.`);
      }
      const previous = await load();
      const same = previous.folder === folder && previous.installationId === installationId;
      try {
        await save(folder === null ? { ...EMPTY } : { folder, installationId, paused: false, joined: same ? previous.joined : false });
      } catch (error) {
        throw error instanceof FileWriteError ? error : explainWriteError(error, configFile);
      }
      seen.clear();
      lastSignature = '';
      await start();
      return status();
    },
    async setPaused(paused: boolean): Promise<SyncFolderStatus> {
      await save({ ...(await load()), paused });
      await start();
      return status();
    },
  };
}

export type SyncFolderService = ReturnType<typeof createSyncFolderService>;
