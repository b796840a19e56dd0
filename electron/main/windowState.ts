/**
 * Remembers the main window's size, position and maximized state between runs, in a small
 * JSON file in the data folder. Reading never fails (a missing or broken file means
 * defaults); positions are clamped onto a display that still exists; writes are atomic.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface WindowState {
  /** Absent until the window has been placed once: the OS then centres it. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

function isFiniteInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** The stored state, or null when the text is not a state this version understands. */
export function parseWindowState(text: string): WindowState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  const { x, y, width, height, maximized } = record;
  if (!isFiniteInt(width) || !isFiniteInt(height) || width <= 0 || height <= 0) return null;
  if (typeof maximized !== 'boolean') return null;
  const state: WindowState = { width, height, maximized };
  // A position is only meaningful as a pair.
  if (isFiniteInt(x) && isFiniteInt(y)) {
    state.x = x;
    state.y = y;
  }
  return state;
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/**
 * Fits a remembered state onto the displays that exist now (monitors get unplugged,
 * resolutions change). `workAreas` lists each display's work area, the primary first.
 *
 * The window goes to the display it overlaps most, shrinks to fit that display and is
 * moved so it lies entirely inside it, so its title bar is always reachable. A window
 * on no display at all is dropped onto the primary one and left for the OS to centre.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  const width = Math.max(state.width, MIN_WINDOW_SIZE.width);
  const height = Math.max(state.height, MIN_WINDOW_SIZE.height);
  if (primary === undefined) return { width, height, maximized: state.maximized };

  let target: Rect | undefined;
  if (state.x !== undefined && state.y !== undefined) {
    const windowRect: Rect = { x: state.x, y: state.y, width, height };
    let best = 0;
    for (const area of workAreas) {
      const overlap = overlapArea(windowRect, area);
      if (overlap > best) {
        best = overlap;
        target = area;
      }
    }
  }

  const area = target ?? primary;
  // A display smaller than the minimum size still wins: the window must fit on screen.
  const fitted = { width: Math.min(width, area.width), height: Math.min(height, area.height) };
  if (target === undefined || state.x === undefined || state.y === undefined) {
    return { ...fitted, maximized: state.maximized };
  }
  return {
    x: clamp(state.x, area.x, area.x + area.width - fitted.width),
    y: clamp(state.y, area.y, area.y + area.height - fitted.height),
    ...fitted,
    maximized: state.maximized,
  };
}

/** Reads and clamps the stored state; any problem with the file means defaults. */
export async function loadWindowState(file: string, workAreas: readonly Rect[]): Promise<WindowState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return clampToDisplays(DEFAULT_WINDOW_STATE, workAreas);
  }
  return clampToDisplays(parseWindowState(text) ?? DEFAULT_WINDOW_STATE, workAreas);
}

/**
 * Writes the state so that a crash or power cut leaves either the old file or the new
 * one, never half of one: temp file in the same folder (rename is only atomic within one
 * file system), fsync, rename over the target.
 *
 * Synchronous on purpose: the last save runs in the window's `close` event, right before
 * the process may exit, where an asynchronous write could be cut off or overtaken by an
 * earlier one still in flight. The file is a few dozen bytes.
 */
export function saveWindowState(file: string, state: WindowState): void {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true });
  const temp = join(folder, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(folder);
}

/** Makes the rename itself durable where the OS allows fsync on a directory (not Windows). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: some file systems refuse fsync on directories; the data is already safe.
  }
}

/** What the tracker needs from a BrowserWindow. */
export interface TrackableWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

export interface TrackOptions {
  file: string;
  /** Quiet time after the last resize/move before writing. */
  debounceMs?: number;
  onError?: (error: unknown) => void;
  /** For tests; defaults to the global timers. */
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export interface WindowStateTracker {
  /** Writes now if a save is pending. */
  flush(): void;
}

export function captureWindowState(window: TrackableWindow): WindowState {
  // Normal bounds, not current ones: a maximized window should un-maximize to where it was.
  const bounds = window.getNormalBounds();
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: window.isMaximized() };
}

/** Saves the window's state after it stops moving or resizing, and once more on close. */
export function trackWindowState(window: TrackableWindow, options: TrackOptions): WindowStateTracker {
  const debounceMs = options.debounceMs ?? 500;
  const timers = options.timers ?? {
    set: (fn: () => void, ms: number): unknown => setTimeout(fn, ms),
    clear: (handle: unknown) => {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
  let pending: unknown = null;

  const save = (): void => {
    if (window.isDestroyed()) return;
    try {
      saveWindowState(options.file, captureWindowState(window));
    } catch (error) {
      // Losing the window position is not worth an error dialog.
      options.onError?.(error);
    }
  };
  const schedule = (): void => {
    if (pending !== null) timers.clear(pending);
    pending = timers.set(() => {
      pending = null;
      save();
    }, debounceMs);
  };
  const flush = (): void => {
    if (pending === null) return;
    timers.clear(pending);
    pending = null;
    save();
  };

  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, schedule);
  window.on('close', () => {
    if (pending !== null) timers.clear(pending);
    pending = null;
    save();
  });
  return { flush };
}
