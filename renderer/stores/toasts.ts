/**
 * UI state for the notification area: short messages, at most three at a time. A message
 * shown again while it is still on screen is merged into it (a count, and its time starts
 * again) instead of stacking; a fourth message pushes out the oldest, information before
 * errors. Information goes after a few seconds, errors stay until dismissed.
 */
import i18next from 'i18next';
import { create } from 'zustand';
import { storageFaultMessage } from '../lib/storageErrors';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  message: string;
  /** How many times this message was shown while on screen (1 the first time). */
  repeats: number;
}

interface ToastState {
  toasts: Toast[];
  show: (kind: Toast['kind'], message: string) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;
const INFO_TIMEOUT_MS = 6000;
/** The most notifications on screen at once. */
export const MAX_TOASTS = 3;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const useToasts = create<ToastState>((set, get) => {
  const schedule = (toast: Toast) => {
    const previous = timers.get(toast.id);
    if (previous !== undefined) clearTimeout(previous);
    if (toast.kind !== 'info') return;
    timers.set(
      toast.id,
      setTimeout(() => {
        get().dismiss(toast.id);
      }, INFO_TIMEOUT_MS),
    );
  };
  return {
    toasts: [],
    show: (kind, message) => {
      const current = get().toasts;
      const same = current.find((toast) => toast.kind === kind && toast.message === message);
      if (same) {
        // Merged: moved to the end (the newest) with its count raised.
        const merged = { ...same, repeats: same.repeats + 1 };
        set({ toasts: [...current.filter((toast) => toast.id !== same.id), merged] });
        schedule(merged);
        return;
      }
      const toast: Toast = { id: nextId++, kind, message, repeats: 1 };
      let next = [...current, toast];
      while (next.length > MAX_TOASTS) {
        // The oldest information goes first; errors only when only errors are left.
        const drop = next.find((other) => other.kind === 'info' && other !== toast) ?? next[0];
        if (!drop) break;
        const timer = timers.get(drop.id);
        if (timer !== undefined) clearTimeout(timer);
        timers.delete(drop.id);
        next = next.filter((other) => other !== drop);
      }
      set({ toasts: next });
      schedule(toast);
    },
    dismiss: (id) => {
      const timer = timers.get(id);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(id);
      set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
    },
  };
});

/**
 * Shows an error from anywhere (event handlers, promises) as a toast. A storage fault (no
 * room left, a failed write) gets its clear, translated explanation instead of the
 * engine's wording.
 */
export function showError(error: unknown): void {
  const message = storageFaultMessage(error, i18next.t) ?? (error instanceof Error ? error.message : String(error));
  useToasts.getState().show('error', message);
}
