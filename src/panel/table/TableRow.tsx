import { memo } from 'react';
import type { ClosureRow } from '../model/rows';
import { COLUMNS } from './columns';

interface Props {
  row: ClosureRow;
  index: number;
  selected: boolean;
  onSelect(id: string): void;
}

export const rowDomId = (id: string) => `closure-row-${id}`;

/** One closure. Memoised: scrolling re-renders only rows entering the window. */
export const TableRow = memo(function TableRow({ row, index, selected, onSelect }: Props) {
  const level = row.verdict?.level;
  return (
    <div
      role="row"
      id={rowDomId(row.id)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-id={row.id}
      className={`closures-row${selected ? ' selected' : ''}${level ? ` row-${level}` : ''}`}
      onClick={() => onSelect(row.id)}
    >
      {COLUMNS.map((c) => (
        <div key={c.id} role="gridcell" className={`closures-cell cell-${c.id}`} title={c.title?.(row) || undefined}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
});
