/**
 * Show or hide columns. Columns the user wants but the width cannot hold are
 * marked, so a narrow panel never hides data without saying so.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/translate';
import type { ColumnId } from '../model/sort-rows';
import type { ColumnPrefsState } from './use-column-prefs';
import { COLUMNS } from './columns';

interface Props {
  state: ColumnPrefsState;
  squeezed: readonly ColumnId[];
}

/**
 * Whether the open list, lined up with its button's end edge, stays inside the panel. The button
 * usually ends the filter bar, but the bar wraps: docked at the bottom it can start a row of its own,
 * and the list lined up with its end would open past the panel's start edge, cut off.
 */
export function fitsAtEnd(button: DOMRect, listWidth: number, rtl: boolean, panelWidth: number): boolean {
  const start = rtl ? button.left : button.right - listWidth;
  return start >= 0 && start + listWidth <= panelWidth;
}

export function ColumnsMenu({ state, squeezed }: Props) {
  const { prefs, toggle, reset } = state;
  const [atStart, setAtStart] = useState(false);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  const place = useCallback(() => {
    const details = ref.current;
    const list = details?.querySelector<HTMLElement>('.columns-menu-list');
    if (!details?.open || !list) return;
    const rtl = getComputedStyle(details).direction === 'rtl';
    const panelWidth = document.documentElement.clientWidth;
    setAtStart(!fitsAtEnd(details.getBoundingClientRect(), list.offsetWidth, rtl, panelWidth));
  }, []);
  // Placed again while open when the panel is resized: the filter bar wraps differently, and the button
  // can move to a row of its own (or back) with the list still open.
  useEffect(() => {
    if (!open) return;
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open, place]);
  return (
    <details
      ref={ref}
      className="columns-menu"
      data-testid="columns-menu"
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
        place();
      }}
    >
      <summary title={t('panel_columns_title')}>
        {squeezed.length > 0 ? t('panel_columns_squeezed', [squeezed.length]) : t('panel_columns')}
      </summary>
      <div
        className={atStart ? 'columns-menu-list at-start' : 'columns-menu-list'}
        role="group"
        aria-label={t('panel_columns_title')}
      >
        {COLUMNS.map((c) => (
          <label key={c.id} className="toolbar-check">
            <input
              type="checkbox"
              checked={!prefs.hidden.includes(c.id)}
              onChange={() => toggle(c.id)}
              data-column={c.id}
            />
            {t(`panel_col_${c.id}`)}
            {squeezed.includes(c.id) ? <span className="muted"> {t('panel_columns_no_room')}</span> : null}
          </label>
        ))}
        <button type="button" onClick={reset}>
          {t('panel_columns_reset')}
        </button>
      </div>
    </details>
  );
}
