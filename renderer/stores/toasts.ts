/** UI state for the toast area: short messages, errors stay until dismissed. */
import i18next from 'i18next';
import { create } from 'zustand';
import { storageFaultMessage } from '../lib/storageErrors';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  message: string;
}

interface ToastState {
  toasts: Toast[];
  show: (kind: Toast['kind'], message: string) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;
const INFO_TIMEOUT_MS = 6000;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show: (kind, message) => {
    const id = nextId++;
    set({ toasts: [...get().toasts, { id, kind, message }] });
    if (kind === 'info') {
      setTimeout(() => {
        get().dismiss(id);
      }, INFO_TIMEOUT_MS);
    }
  },
  dismiss: (id) => {
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
  },
}));

/**
 * Shows an error from anywhere (event handlers, promises) as a toast. A storage fault (no
 * room left, a failed write) gets its clear, translated explanation instead of the
 * engine's wording.
 */
export function showError(error: unknown): void {
  const message = storageFaultMessage(error, i18next.t) ?? (error instanceof Error ? error.message : String(error));
  useToasts.getState().show('error', message);
}
