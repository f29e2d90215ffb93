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

/**
 * Lined up with its button's start edge, how far the list moves back toward that edge (px, for
 * inset-inline-start, 0 or less) so its far end stays inside the panel: in a narrow panel (docked right,
 * 320 px) the button sits mid-row and neither edge lines the list up inside. Never past the panel's
 * start edge, where the checkboxes are.
 */
export function startShift(button: DOMRect, listWidth: number, rtl: boolean, panelWidth: number): number {
  const room = rtl ? button.right : panelWidth - button.left;
  const before = rtl ? panelWidth - button.right : button.left;
  const back = Math.max(0, Math.min(listWidth - room, before));
  return back === 0 ? 0 : -back;
}

export function ColumnsMenu({ state, squeezed }: Props) {
  const { prefs, toggle, reset } = state;
  // Where the list opens: lined up with the button's end (null), or with its start, moved back this far.
  const [atStart, setAtStart] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  const place = useCallback(() => {
    const details = ref.current;
    const list = details?.querySelector<HTMLElement>('.columns-menu-list');
    if (!details?.open || !list) return;
    const rtl = getComputedStyle(details).direction === 'rtl';
    const panelWidth = document.documentElement.clientWidth;
    const button = details.getBoundingClientRect();
    setAtStart(
      fitsAtEnd(button, list.offsetWidth, rtl, panelWidth)
        ? null
        : startShift(button, list.offsetWidth, rtl, panelWidth),
    );
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
        className={atStart === null ? 'columns-menu-list' : 'columns-menu-list at-start'}
        style={atStart ? { insetInlineStart: atStart } : undefined}
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
