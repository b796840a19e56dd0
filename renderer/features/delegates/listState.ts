/**
 * UI state of the registry list (filters, order, scroll position), kept while the user
 * opens a person and comes back, so the list is where they left it.
 */
import { create } from 'zustand';
import { noFilters, type ListFilters, type SortDirection, type SortKey } from '../../../shared/delegates/list';

interface ListState {
  filters: ListFilters;
  sortKey: SortKey;
  sortDirection: SortDirection;
  scrollOffset: number;
  setFilters: (patch: Partial<ListFilters>) => void;
  clearFilters: () => void;
  /** Sorts by a column; the same column again reverses the order. */
  sortBy: (key: SortKey) => void;
  setScrollOffset: (offset: number) => void;
}

export const useListState = create<ListState>((set, get) => ({
  filters: noFilters,
  sortKey: 'name',
  sortDirection: 'ascending',
  scrollOffset: 0,
  setFilters: (patch) => {
    set({ filters: { ...get().filters, ...patch }, scrollOffset: 0 });
  },
  clearFilters: () => {
    set({ filters: noFilters, scrollOffset: 0 });
  },
  sortBy: (key) => {
    const { sortKey, sortDirection } = get();
    set({
      sortKey: key,
      sortDirection: key === sortKey && sortDirection === 'ascending' ? 'descending' : 'ascending',
      scrollOffset: 0,
    });
  },
  setScrollOffset: (offset) => {
    set({ scrollOffset: offset });
  },
}));
