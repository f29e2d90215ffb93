import type { Ref } from 'react';
import { t } from '../../ui/i18n';
import type { ColumnId, SortState } from '../model/sort-rows';
import { COLUMNS } from './columns';

interface Props {
  ref?: Ref<HTMLDivElement>;
  sort: SortState;
  onSort(column: ColumnId): void;
}

/** Column headers: each is a button that sorts by it (again: reverses). */
export function TableHeader({ ref, sort, onSort }: Props) {
  return (
    <div role="rowgroup" className="closures-head" ref={ref}>
      <div role="row" aria-rowindex={1} className="closures-row">
        {COLUMNS.map((c) => {
          const active = sort.column === c.id;
          return (
            <div
              key={c.id}
              role="columnheader"
              className="closures-cell"
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" className="sort-button" onClick={() => onSort(c.id)}>
                {t(`panel_col_${c.id}`)}
                {active ? <span aria-hidden="true">{sort.direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
