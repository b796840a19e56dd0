/**
 * The registry list as a virtualized table: only the rows in view (plus a few) are in the
 * document, so 10,000 people render and scroll like 30. ARIA table roles keep it a table
 * for screen readers (aria-rowcount/aria-rowindex give the full size), and the arrow,
 * Page and Home/End keys move between rows, scrolling rows that are not rendered yet
 * into view, so nothing needs a mouse.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListRow, SortDirection, SortKey } from '../../../shared/delegates/list';
import { sortKeys } from '../../../shared/delegates/list';
import { useListState } from './listState';

const ROW_HEIGHT = 40;

interface Props {
  rows: readonly ListRow[];
  sortKey: SortKey;
  sortDirection: SortDirection;
  onSort: (key: SortKey) => void;
  label: string;
  /** Changes when the order or the filters change: the list goes back to its top. */
  resetKey: string;
}

const COLUMN_LABEL: Record<SortKey, string> = {
  name: 'delegates.columns.name',
  nativeName: 'delegates.columns.nativeName',
  country: 'delegates.columns.country',
  organization: 'delegates.columns.organization',
  position: 'delegates.columns.position',
};

export function DelegateTable({ rows, sortKey, sortDirection, onSort, label, resetKey }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialOffset: () => useListState.getState().scrollOffset,
    // The window's size until the list's own is measured: the first render already holds
    // the rows in view, instead of an empty list and a second render (issue 16 item 7).
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    onChange: (instance) => {
      useListState.getState().setScrollOffset(instance.scrollOffset ?? 0);
    },
  });
  const items = virtualizer.getVirtualItems();

  // A new order or filter starts at the top; the first render keeps the remembered offset.
  const shownKey = useRef(resetKey);
  useEffect(() => {
    if (shownKey.current === resetKey) return;
    shownKey.current = resetKey;
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  // Moves focus to a row once it is rendered (it may have just been scrolled into view).
  useEffect(() => {
    if (focusIndex === null) return;
    const link = scrollRef.current?.querySelector<HTMLAnchorElement>(`[aria-rowindex="${String(focusIndex + 2)}"] a`);
    if (link) {
      link.focus({ preventScroll: true });
      setFocusIndex(null);
    }
  }, [focusIndex, items]);

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest('[aria-rowindex]');
    if (!row || rows.length === 0) return;
    const current = Number(row.getAttribute('aria-rowindex')) - 2;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const targets: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const index = Math.min(rows.length - 1, Math.max(0, target));
    virtualizer.scrollToIndex(index, { align: 'auto' });
    setFocusIndex(index);
  };

  const ariaSort = (key: SortKey) => (key === sortKey ? sortDirection : 'none');

  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1} className="vtable">
      <div role="rowgroup" className="vtable-head">
        <div role="row" aria-rowindex={1} className="vtable-row">
          {sortKeys.map((key) => (
            <div key={key} role="columnheader" aria-sort={ariaSort(key)}>
              <button
                type="button"
                onClick={() => {
                  onSort(key);
                }}
              >
                {t(COLUMN_LABEL[key])}
                {key === sortKey && (
                  <span className="sort-mark" aria-hidden="true">
                    {sortDirection === 'ascending' ? '▲' : '▼'}
                  </span>
                )}
              </button>
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="vtable-body" onKeyDown={moveFocus}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={row.delegate.id}
                role="row"
                aria-rowindex={item.index + 2}
                className="vtable-row"
                style={{ transform: `translateY(${String(item.start)}px)` }}
              >
                <div role="rowheader" title={row.name}>
                  <Link to={`/delegates/${row.delegate.id}`}>{row.name}</Link>
                </div>
                <div role="cell" dir="auto" title={row.delegate.nameNative}>
                  {row.delegate.nameNative}
                </div>
                <div role="cell">{row.countryName}</div>
                <div role="cell" title={row.organizationName}>
                  {row.organizationName}
                </div>
                <div role="cell" title={row.position}>
                  {row.position}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
