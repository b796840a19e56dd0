/**
 * Quitting waits (briefly) for the renderer to write what is not yet in the sync folder:
 * main asks with `cwg:event:before-quit`, the renderer answers `cwg:app:ready-to-quit`, and
 * the app quits then, or after `timeoutMs` when no answer comes (a hung page never keeps
 * the app open). Without a window to ask, it quits at once. No Electron here: tested alone.
 */
export interface QuitCoordinatorDeps {
  /** Asks the renderer; false when there is no window to ask. */
  ask: () => boolean;
  /** Quits for real (app.quit); the coordinator then lets `before-quit` pass. */
  quit: () => void;
  timeoutMs?: number;
  setTimer?: (work: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createQuitCoordinator(deps: QuitCoordinatorDeps) {
  const timeoutMs = deps.timeoutMs ?? 3000;
  const setTimer = deps.setTimer ?? ((work: () => void, ms: number) => setTimeout(work, ms));
  const clearTimer = deps.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let state: 'running' | 'asking' | 'quitting' = 'running';
  let timer: unknown = null;

  const finish = () => {
    if (state === 'quitting') return;
    state = 'quitting';
    if (timer !== null) clearTimer(timer);
    timer = null;
    deps.quit();
  };

  return {
    /** Electron's `before-quit`: holds the first quit until the renderer answers. */
    onBeforeQuit(event: { preventDefault: () => void }): void {
      if (state === 'quitting') return;
      event.preventDefault();
      if (state === 'asking') return;
      if (!deps.ask()) {
        finish();
        return;
      }
      state = 'asking';
      timer = setTimer(finish, timeoutMs);
    },
    /** The renderer's answer. */
    readyToQuit(): void {
      if (state === 'asking') finish();
    },
  };
}
