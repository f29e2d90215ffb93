import { useMemo, useState } from 'react';
import type { Analysed } from './use-analysis';
import { createFilterMemo, filterOptions, NO_FILTERS, type FilterOptions, type Filters } from '../model/filter-rows';
import { buildRows, withHandshakes, type HandshakeRowCache, type Row, type RowCache } from '../model/rows';
import { sortRows, type ColumnId, type SortState } from '../model/sort-rows';
import type { HandshakeEntry } from '../network/handshakes';
import { useLocale } from '../../ui/locale/LocaleRoot';

export interface RowsState {
  all: Row[];
  shown: Row[];
  options: FilterOptions;
  filters: Filters;
  setFilters(f: Filters): void;
  sort: SortState;
  toggleSort(column: ColumnId): void;
}

const NO_HANDSHAKES: ReadonlyMap<string, HandshakeEntry> = new Map();

/**
 * Rows for the table: built per analysis, joined with the handshake statuses
 * DevTools saw (a cheap second pass, so a new status does not rebuild rows),
 * then sorted and filtered per user choice.
 */
export function useRows(
  analysed: Analysed | null,
  handshakes: ReadonlyMap<string, HandshakeEntry> = NO_HANDSHAKES,
): RowsState {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortState>({ column: 'time', direction: 'asc' });
  // Rows hold translated search text: rebuild them in a new language. Within one, each version of a
  // live recording rebuilds only the rows of what changed (buildRows' cache); the rest keep their objects.
  // An imported file is analysed anew for each profile, so none of its rows could be reused: nothing
  // is kept for it.
  const { lang } = useLocale();
  const caches = useMemo(
    () => ({ lang, rows: new WeakMap() as RowCache, joined: new WeakMap() as HandshakeRowCache }),
    [lang],
  );
  const built = useMemo(
    () => (analysed ? buildRows(analysed.recording, analysed.analysis, analysed.live ? caches.rows : undefined) : []),
    [analysed, caches],
  );
  const all = useMemo(() => withHandshakes(built, handshakes, caches.joined), [built, handshakes, caches]);
  const options = useMemo(() => filterOptions(all), [all]);
  // Sorted once per data or sort change; a keystroke only filters the sorted list (filtering keeps
  // the order, and the sort is stable, so this is the same list as sorting the filtered rows).
  const sorted = useMemo(() => sortRows(all, sort), [all, sort]);
  // Typing narrows what the last keystroke showed rather than filtering every row again.
  const [filterMemo] = useState(createFilterMemo<Row>);
  const shown = useMemo(() => filterMemo(sorted, filters), [filterMemo, sorted, filters]);
  const toggleSort = (column: ColumnId) =>
    setSort((s) =>
      s.column === column
        ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: 'asc' },
    );
  return { all, shown, options, filters, setFilters, sort, toggleSort };
}
