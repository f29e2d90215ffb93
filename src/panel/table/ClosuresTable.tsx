/**
 * The closures table: sortable headers, windowed rows, one selection shared
 * with the timeline. The grid holds focus and points at the selected row with
 * aria-activedescendant, so arrow keys work without focusing each row.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type UIEvent,
} from 'react';
import { t } from '../../i18n/translate';
import type { Row } from '../model/rows';
import type { ColumnId, SortState } from '../model/sort-rows';
import { useLatest } from '../../ui/hooks/use-latest';
import { useElementSize } from '../timeline/use-element-size';
import { fitColumns, gridTemplate } from './column-prefs';
import { COLUMNS } from './columns';
import type { ColumnPrefsState } from './use-column-prefs';
import { nextIndex } from './keyboard';
import { TableHeader } from './TableHeader';
import { ROW_PX, rowDomId, TableRow } from './TableRow';
import { useWindowing } from './use-windowing';

interface Props {
  rows: readonly Row[];
  sort: SortState;
  onSort(column: ColumnId): void;
  selectedId: string | null;
  /** Arrow keys: move the selection only. */
  onSelect(id: string): void;
  /** Click or Enter: select and show the detail; Enter also moves focus there. */
  onOpen(id: string, fromKeyboard: boolean): void;
  columnPrefs: ColumnPrefsState;
  /** Told which wanted columns the width cannot hold (for the columns menu). */
  onSqueezed?(ids: readonly ColumnId[]): void;
}

// Where layout reports no width (tests, a panel not yet shown), every wanted column is drawn.
const NO_LAYOUT = { width: 100_000, height: 0 };
// The body reserves room for its scrollbar (scrollbar-gutter), the header the same room.
const SCROLLBAR_PX = 16;

export function ClosuresTable({ rows, sort, onSort, selectedId, onSelect, onOpen, columnPrefs, onSqueezed }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const { width, measured } = useElementSize(rootRef, NO_LAYOUT);
  const fitted = useMemo(
    () => fitColumns(COLUMNS, columnPrefs.prefs, width - SCROLLBAR_PX),
    [columnPrefs.prefs, width],
  );
  const squeezedKey = fitted.squeezed.join(',');
  const squeezedNow = useLatest({ onSqueezed, squeezed: fitted.squeezed });
  useEffect(() => {
    squeezedNow.current.onSqueezed?.(squeezedNow.current.squeezed);
    // The key stands for the list: a new array with the same ids is no change.
  }, [squeezedKey, squeezedNow]);
  const win = useWindowing(rows.length, ROW_PX);
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)),
    [rows, selectedId],
  );
  // Follow the selection wherever it comes from (keys, timeline clicks, a filter that moves it), in
  // this render: only when the selected index changes, so the user's own scrolling is never undone.
  const [followed, setFollowed] = useState(-1);
  if (followed !== selectedIndex) {
    setFollowed(selectedIndex);
    if (selectedIndex >= 0) win.reveal(selectedIndex);
  }

  const headRef = useRef<HTMLDivElement>(null);
  // The header sits outside the scroller so it stays put vertically; it follows horizontal scrolling by hand.
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    win.onScroll(e);
    if (headRef.current) headRef.current.scrollLeft = e.currentTarget.scrollLeft;
  };
  const onRowClick = useCallback((id: string) => onOpen(id, false), [onOpen]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    // Row keys are the grid's own: a key bubbling from a header button or resize handle is theirs (Enter is
    // a button's click, Home or End must not move the selection), and cancelling it broke Enter to sort.
    if (e.target instanceof Node && headRef.current?.contains(e.target)) return;
    if (e.key === 'Enter') {
      if (selectedId !== null && selectedIndex >= 0) onOpen(selectedId, true);
      e.preventDefault();
      return;
    }
    const next = nextIndex(e.key, selectedIndex, rows.length, win.pageRows);
    const row = next === null ? undefined : rows[next];
    if (!row) return;
    e.preventDefault();
    onSelect(row.id);
  }

  // The active row named only while it is in the DOM: scrolled out of the window (by the user; keys
  // bring it back), a reference to no element leaves a screen reader with nothing to read.
  const selectedInDom = measured && selectedIndex >= win.start && selectedIndex < win.end;
  const style = { '--closures-columns': gridTemplate(fitted.shown) } as CSSProperties;
  return (
    <div
      ref={rootRef}
      role="grid"
      className="closures"
      style={style}
      aria-label={t('panel_table_label')}
      aria-rowcount={rows.length + 1}
      aria-activedescendant={selectedInDom ? rowDomId(selectedId ?? '') : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <TableHeader ref={headRef} columns={fitted.shown} sort={sort} onSort={onSort} onResize={columnPrefs.resize} />
      {/* Chromium makes a scroller a tab stop of its own (named with the whole table's text); the grid
          is the one stop for its rows. Focusable at all, it would take a click on a row: that hands the
          focus on to the grid, which holds the active row. */}
      <div
        role="rowgroup"
        className="closures-body"
        ref={win.containerRef}
        onScroll={onScroll}
        tabIndex={-1}
        onFocus={(e) => {
          // Without scrolling: in a panel that scrolls as a page (short and narrow), scrolling the grid
          // into view between the press and the release would move the row from under the pointer, and
          // the click would select nothing.
          if (e.target === e.currentTarget) rootRef.current?.focus({ preventScroll: true });
        }}
      >
        {/* Each row is placed at its own offset in the full list's height. Moved as a block (one transform
            for the window of rows), every row was painted again at each step of a scroll, which following
            the selection with the arrow keys is. */}
        <div style={{ height: win.totalPx, position: 'relative' }}>
          {/* Rows wait for the table's width: laid out first with every column at the fallback width, a
              10,000-row import laid its first screen of rows out twice, the second time with the columns that fit. */}
          {(measured ? rows.slice(win.start, win.end) : []).map((row, i) => (
            // Keyed by position, not by row: a filter or sort that changes the rows on screen updates
            // the same row elements in place instead of removing them all and building new ones (whose
            // style and layout start from nothing). Scrolling is unchanged: a position that stays on
            // screen keeps its row, so its memoised element is reused as before.
            <TableRow
              key={win.start + i}
              row={row}
              columns={fitted.shown}
              index={win.start + i}
              selected={row.id === selectedId}
              onSelect={onRowClick}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
