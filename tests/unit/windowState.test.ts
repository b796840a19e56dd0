/**
 * Window state: atomic writes in a real temp folder, tolerance of broken files, clamping
 * onto the displays that exist, and the debounced tracker.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  MIN_WINDOW_SIZE,
  parseWindowState,
  saveWindowState,
  trackWindowState,
  WINDOW_STATE_FILE,
  type Rect,
  type TrackableWindow,
  type WindowState,
} from '../../electron/main/windowState';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cwg-window-state-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(folder, { recursive: true, force: true });
});

describe('saveWindowState', () => {
  it('writes the state as JSON and leaves no temp file behind', () => {
    const file = join(folder, WINDOW_STATE_FILE);
    const state: WindowState = { x: 10, y: 20, width: 1200, height: 800, maximized: true };
    saveWindowState(file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(readdirSync(folder)).toEqual([WINDOW_STATE_FILE]);
  });

  it('replaces an existing file whole', () => {
    const file = join(folder, WINDOW_STATE_FILE);
    writeFileSync(file, JSON.stringify({ x: 1, y: 1, width: 900, height: 600, maximized: false, extra: 'x'.repeat(5000) }));
    saveWindowState(file, { width: 1000, height: 700, maximized: false });
    expect(parseWindowState(readFileSync(file, 'utf8'))).toEqual({ width: 1000, height: 700, maximized: false });
    expect(readdirSync(folder)).toEqual([WINDOW_STATE_FILE]);
  });

  it('creates the data folder when it does not exist yet', () => {
    const file = join(folder, 'nested', 'deeper', WINDOW_STATE_FILE);
    saveWindowState(file, DEFAULT_WINDOW_STATE);
    expect(parseWindowState(readFileSync(file, 'utf8'))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('on failure throws, keeps what was there and removes its temp file', () => {
    // The target is a non-empty folder, so the final rename cannot succeed on any OS.
    const target = join(folder, WINDOW_STATE_FILE);
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'keep');
    expect(() => {
      saveWindowState(target, DEFAULT_WINDOW_STATE);
    }).toThrow();
    expect(readdirSync(folder)).toEqual([WINDOW_STATE_FILE]);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('keep');
  });
});

describe('loadWindowState', () => {
  it('falls back to defaults when the file is missing', async () => {
    expect(await loadWindowState(join(folder, 'none.json'), [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });

  it.each([
    ['broken JSON', '{"x": 10, "y":'],
    ['empty file', ''],
    ['an array', '[1, 2, 3]'],
    ['null', 'null'],
    ['wrong types', '{"x": "10", "y": 10, "width": "wide", "height": 700, "maximized": false}'],
    ['non-integer size', '{"width": 1000.5, "height": 700, "maximized": false}'],
    ['negative size', '{"width": -5, "height": 700, "maximized": false}'],
    ['missing maximized', '{"width": 1000, "height": 700}'],
    ['binary garbage', '\u0000\u0001\u0002'],
  ])('falls back to defaults on %s', async (_label, text) => {
    const file = join(folder, WINDOW_STATE_FILE);
    writeFileSync(file, text);
    expect(await loadWindowState(file, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('reads back what was saved, clamped to the displays', async () => {
    const file = join(folder, WINDOW_STATE_FILE);
    saveWindowState(file, { x: 100, y: 80, width: 1300, height: 900, maximized: true });
    expect(await loadWindowState(file, [laptop])).toEqual({ x: 100, y: 80, width: 1300, height: 900, maximized: true });
  });

  it('drops a half position (x without y)', () => {
    expect(parseWindowState('{"x": 10, "width": 1000, "height": 700, "maximized": false}')).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});

describe('clampToDisplays', () => {
  it('keeps a window that is fully visible', () => {
    const state: WindowState = { x: 100, y: 100, width: 1000, height: 700, maximized: false };
    expect(clampToDisplays(state, [laptop])).toEqual(state);
  });

  it('keeps a window on a secondary display', () => {
    const state: WindowState = { x: 2200, y: 100, width: 1600, height: 900, maximized: false };
    expect(clampToDisplays(state, [laptop, rightMonitor])).toEqual(state);
  });

  it('moves a window from an unplugged monitor back to the primary display, for the OS to centre', () => {
    const state: WindowState = { x: 2200, y: 100, width: 1600, height: 900, maximized: true };
    expect(clampToDisplays(state, [laptop])).toEqual({ width: 1600, height: 900, maximized: true });
  });

  it('pulls a partly off-screen window fully onto the display it mostly covers', () => {
    expect(clampToDisplays({ x: -300, y: -50, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(clampToDisplays({ x: 1500, y: 600, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({
      x: 920,
      y: 340,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('shrinks a window larger than its display', () => {
    const small: Rect = { x: 0, y: 0, width: 1280, height: 680 };
    expect(clampToDisplays({ x: 0, y: 0, width: 2500, height: 1500, maximized: false }, [small])).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 680,
      maximized: false,
    });
  });

  it('raises a size below the minimum', () => {
    const result = clampToDisplays({ x: 0, y: 0, width: 100, height: 50, maximized: false }, [laptop]);
    expect(result.width).toBe(MIN_WINDOW_SIZE.width);
    expect(result.height).toBe(MIN_WINDOW_SIZE.height);
  });

  it('respects a work area that does not start at 0,0 (taskbar on the left or top)', () => {
    const area: Rect = { x: 64, y: 32, width: 1856, height: 1048 };
    expect(clampToDisplays({ x: 10, y: 0, width: 1000, height: 700, maximized: false }, [area])).toMatchObject({ x: 64, y: 32 });
  });

  it('without any display information keeps only the size', () => {
    expect(clampToDisplays({ x: 5000, y: 5000, width: 1000, height: 700, maximized: false }, [])).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('always yields a window inside some display', () => {
    const displays = [laptop, rightMonitor];
    for (let x = -5000; x <= 7000; x += 997) {
      for (let y = -3000; y <= 3000; y += 991) {
        const result = clampToDisplays({ x, y, width: 1400, height: 900, maximized: false }, displays);
        if (result.x === undefined || result.y === undefined) continue;
        const { x: left, y: top } = result;
        const inside = displays.some(
          (area) =>
            left >= area.x &&
            top >= area.y &&
            left + result.width <= area.x + area.width &&
            top + result.height <= area.y + area.height,
        );
        expect(inside, `${x},${y}`).toBe(true);
      }
    }
  });
});

class FakeWindow implements TrackableWindow {
  readonly listeners = new Map<string, (() => void)[]>();
  bounds: Rect = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  destroyed = false;

  on(event: string, listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }

  getNormalBounds(): Rect {
    return this.bounds;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

describe('trackWindowState', () => {
  function stored(file: string): unknown {
    return JSON.parse(readFileSync(file, 'utf8'));
  }

  it('saves once after resizing and moving stop', () => {
    vi.useFakeTimers();
    const file = join(folder, WINDOW_STATE_FILE);
    const window = new FakeWindow();
    trackWindowState(window, { file, debounceMs: 300 });
    window.emit('resize');
    window.bounds = { x: 50, y: 60, width: 1100, height: 750 };
    window.emit('move');
    vi.advanceTimersByTime(299);
    expect(readdirSync(folder)).toEqual([]);
    window.emit('resize');
    vi.advanceTimersByTime(299);
    expect(readdirSync(folder)).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(stored(file)).toEqual({ x: 50, y: 60, width: 1100, height: 750, maximized: false });
  });

  it('saves immediately on close, with the maximized flag and the normal bounds', () => {
    vi.useFakeTimers();
    const file = join(folder, WINDOW_STATE_FILE);
    const window = new FakeWindow();
    trackWindowState(window, { file });
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    expect(stored(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    // The pending debounced save was cancelled, not run a second time later.
    window.bounds = { x: 0, y: 0, width: 900, height: 600 };
    vi.runAllTimers();
    expect(stored(file)).toMatchObject({ width: 1000 });
  });

  it('flush writes a pending save now', () => {
    vi.useFakeTimers();
    const file = join(folder, WINDOW_STATE_FILE);
    const window = new FakeWindow();
    const tracker = trackWindowState(window, { file });
    tracker.flush();
    expect(readdirSync(folder)).toEqual([]);
    window.emit('move');
    tracker.flush();
    expect(stored(file)).toMatchObject({ x: 10, y: 20 });
  });

  it('skips destroyed windows and reports write errors instead of throwing', () => {
    vi.useFakeTimers();
    const window = new FakeWindow();
    const onError = vi.fn();
    const blocked = join(folder, 'blocked');
    mkdirSync(join(blocked, WINDOW_STATE_FILE), { recursive: true });
    writeFileSync(join(blocked, WINDOW_STATE_FILE, 'keep.txt'), 'x');
    trackWindowState(window, { file: join(blocked, WINDOW_STATE_FILE), onError });
    window.emit('close');
    expect(onError).toHaveBeenCalledTimes(1);

    const gone = new FakeWindow();
    gone.destroyed = true;
    trackWindowState(gone, { file: join(folder, 'gone.json'), onError });
    gone.emit('close');
    expect(readdirSync(folder)).not.toContain('gone.json');
  });
});
