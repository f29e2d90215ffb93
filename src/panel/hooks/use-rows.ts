import { useMemo, useState } from 'react';
import type { Analysed } from './use-analysis';
import { filterOptions, filterRows, NO_FILTERS, type FilterOptions, type Filters } from '../model/filter-rows';
import { buildRows, type ClosureRow } from '../model/rows';
import { sortRows, type ColumnId, type SortState } from '../model/sort-rows';
import type { PanelServices } from '../services';

export interface RowsState {
  all: ClosureRow[];
  shown: ClosureRow[];
  options: FilterOptions;
  filters: Filters;
  setFilters(f: Filters): void;
  sort: SortState;
  toggleSort(column: ColumnId): void;
}

/** Rows for the table: built per analysis, then filtered and sorted per user choice. */
export function useRows(analysed: Analysed | null, services: PanelServices): RowsState {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortState>({ column: 'time', direction: 'asc' });
  const all = useMemo(() => (analysed ? buildRows(analysed.recording, analysed.analysis, services) : []), [analysed, services]);
  const options = useMemo(() => filterOptions(all), [all]);
  const shown = useMemo(() => sortRows(filterRows(all, filters), sort), [all, filters, sort]);
  const toggleSort = (column: ColumnId) =>
    setSort((s) => (s.column === column ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' }));
  return { all, shown, options, filters, setFilters, sort, toggleSort };
}
