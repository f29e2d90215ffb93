import type { KeyboardEvent, PointerEvent, Ref } from 'react';
import { t } from '../../i18n/translate';
import type { ColumnId, SortState } from '../model/sort-rows';
import type { Column } from './columns';
import { MAX_WIDTH, MIN_WIDTH } from './column-prefs';

interface Props {
  ref?: Ref<HTMLDivElement>;
  columns: readonly Column[];
  sort: SortState;
  onSort(column: ColumnId): void;
  onResize(column: ColumnId, width: number): void;
}

const KEY_STEP = 16;

/**
 * Column headers: each is a button that sorts by it (again: reverses), with a
 * handle at its end edge that resizes it by pointer or arrow keys. The handle
 * works in both writing directions: it follows the header's end edge.
 */
export function TableHeader({ ref, columns, sort, onSort, onResize }: Props) {
  return (
    <div role="rowgroup" className="closures-head" ref={ref}>
      <div role="row" aria-rowindex={1} className="closures-row">
        {columns.map((c) => {
          const active = sort.column === c.id;
          const name = t(`panel_col_${c.id}`);
          return (
            <div
              key={c.id}
              role="columnheader"
              aria-label={name}
              className={`closures-cell head-${c.id}`}
              data-column={c.id}
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" className="sort-button" onClick={() => onSort(c.id)} title={name}>
                {name}
                {active ? <span aria-hidden="true">{sort.direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
              </button>
              <ResizeHandle column={c} name={name} onResize={onResize} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ResizeHandle({
  column,
  name,
  onResize,
}: {
  column: Column;
  name: string;
  onResize(id: ColumnId, w: number): void;
}) {
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const handle = e.currentTarget;
    const cell = handle.parentElement;
    if (!cell) return;
    handle.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startW = cell.getBoundingClientRect().width;
    const rtl = getComputedStyle(cell).direction === 'rtl';
    const move = (ev: globalThis.PointerEvent) =>
      onResize(column.id, startW + (rtl ? startX - ev.clientX : ev.clientX - startX));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
    e.preventDefault();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
    const grow = e.key === (rtl ? 'ArrowLeft' : 'ArrowRight');
    const shrink = e.key === (rtl ? 'ArrowRight' : 'ArrowLeft');
    if (!grow && !shrink) return;
    const w = e.currentTarget.parentElement?.getBoundingClientRect().width || column.width;
    onResize(column.id, w + (grow ? KEY_STEP : -KEY_STEP));
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      className="col-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('panel_col_resize', [name])}
      aria-valuenow={column.width}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onClick={(e) => e.stopPropagation()}
    />
  );
}
