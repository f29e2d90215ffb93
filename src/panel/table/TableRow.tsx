import { memo, useState } from 'react';
import type { Row } from '../model/rows';
import type { Column } from './columns';
import { useLocale } from '../../ui/locale/LocaleRoot';

interface Props {
  row: Row;
  columns: readonly Column[];
  index: number;
  selected: boolean;
  onSelect(id: string): void;
}

/**
 * A row's DOM id, which aria-activedescendant names. A connection id from an imported file may hold spaces
 * (an id list separator there, so the grid's active row was lost to assistive technology): each `%` and
 * whitespace character becomes `%` and four hex digits, so it has none, and distinct ids stay distinct
 * (a lone surrogate, which encodeURIComponent throws on, is kept as it is).
 */
export const rowDomId = (id: string) =>
  `closure-row-${id.replace(/[%\s]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`;

/** A row's height in CSS pixels (panel.css sets the same): rows are placed and windowed by it. */
export const ROW_PX = 21;

/**
 * One connection: a closure, or a connection still open. Memoised: scrolling
 * re-renders only rows entering the window. The data-* attributes state the
 * row's facts for tests and tools without parsing its text.
 *
 * Cells' tooltips (their full text) are made only for the row under the pointer and the selected row:
 * a filter keystroke that changed the rows on screen re-made every cell's tooltip too (dates with their
 * zone, plural counts), about a tenth of the keystroke's time, for the one cell a pointer might rest on.
 * The selected row is the grid's active row, the one a screen reader reads, and a title is also a cell's
 * accessible description. Made while rendering, from the row shown now, they follow a row replaced under
 * a resting pointer.
 */
export const TableRow = memo(function TableRow({ row, columns, index, selected, onSelect }: Props) {
  useLocale(); // a new language re-renders the memoised row
  const [pointed, setPointed] = useState(false);
  const closure = row.kind === 'closure' ? row : undefined;
  const level = closure?.verdict?.level;
  const titled = pointed || selected;
  return (
    <div
      role="row"
      id={rowDomId(row.id)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-id={row.id}
      data-testid="closure-row"
      data-open={row.kind === 'open' ? 'true' : undefined}
      data-code={closure?.closure.code}
      data-verdict={level}
      data-simulated={closure?.closure.simulated ? 'true' : undefined}
      className={[
        'closures-row',
        // Striped by the row's place in the whole list, not in the DOM: the window of rendered rows moves
        // as the table scrolls, and striping by DOM position recoloured every row at each step (and so
        // restyled and repainted all of them).
        index % 2 === 1 && 'row-alt',
        selected && 'selected',
        level && `row-${level}`,
        row.kind === 'open' && 'row-open',
      ]
        .filter(Boolean)
        .join(' ')}
      style={{ top: index * ROW_PX }}
      onClick={() => onSelect(row.id)}
      onMouseEnter={() => setPointed(true)}
      onMouseLeave={() => setPointed(false)}
    >
      {columns.map((c) => (
        <div
          key={c.id}
          role="gridcell"
          className={`closures-cell cell-${c.id}`}
          title={(titled && c.title?.(row)) || undefined}
        >
          {c.render(row)}
        </div>
      ))}
    </div>
  );
});
