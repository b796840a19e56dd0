import { describe, expect, it, vi } from 'vitest';
import { createQuitCoordinator } from '../../electron/main/quitCoordinator';

function setup(hasWindow = true) {
  const timers: (() => void)[] = [];
  const deps = {
    ask: vi.fn(() => hasWindow),
    quit: vi.fn(),
    setTimer: (work: () => void) => timers.push(work),
    clearTimer: vi.fn(),
  };
  const event = () => ({ preventDefault: vi.fn() });
  return { coordinator: createQuitCoordinator(deps), deps, timers, event };
}

describe('quitting waits for the renderer to write the sync folder', () => {
  it('holds the first quit, asks once, and quits when the renderer answers', () => {
    const { coordinator, deps, event } = setup();
    const first = event();
    coordinator.onBeforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(deps.ask).toHaveBeenCalledTimes(1);
    expect(deps.quit).not.toHaveBeenCalled();
    coordinator.onBeforeQuit(event()); // a second Quit while waiting asks nothing more
    expect(deps.ask).toHaveBeenCalledTimes(1);
    coordinator.readyToQuit();
    expect(deps.quit).toHaveBeenCalledTimes(1);
    const last = event();
    coordinator.onBeforeQuit(last); // app.quit() comes back through before-quit: let it pass
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it('quits after the timeout when the renderer never answers', () => {
    const { coordinator, deps, timers, event } = setup();
    coordinator.onBeforeQuit(event());
    expect(timers).toHaveLength(1);
    timers[0]?.();
    expect(deps.quit).toHaveBeenCalledTimes(1);
    coordinator.readyToQuit(); // a late answer changes nothing
    expect(deps.quit).toHaveBeenCalledTimes(1);
  });

  it('quits at once without a window to ask, and ignores an answer nobody asked for', () => {
    const { coordinator, deps, event } = setup(false);
    coordinator.readyToQuit();
    expect(deps.quit).not.toHaveBeenCalled();
    coordinator.onBeforeQuit(event());
    expect(deps.quit).toHaveBeenCalledTimes(1);
  });
});
