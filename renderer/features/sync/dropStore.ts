/** UI state: a bundle file dropped on the window, waiting for the import page to take it. */
import { create } from 'zustand';

interface DropState {
  file: File | null;
  drop: (file: File) => void;
  /** Returns the waiting file once, then forgets it. */
  take: () => File | null;
}

export const useBundleDrop = create<DropState>((set, get) => ({
  file: null,
  drop: (file) => {
    set({ file });
  },
  take: () => {
    const { file } = get();
    if (file) set({ file: null });
    return file;
  },
}));
