/**
 * Show or hide columns. Columns the user wants but the width cannot hold are
 * marked, so a narrow panel never hides data without saying so.
 */
import { t } from '../../i18n/translate';
import type { ColumnId } from '../model/sort-rows';
import type { ColumnPrefsState } from './use-column-prefs';
import { COLUMNS } from './columns';

interface Props {
  state: ColumnPrefsState;
  squeezed: readonly ColumnId[];
}

export function ColumnsMenu({ state, squeezed }: Props) {
  const { prefs, toggle, reset } = state;
  return (
    <details className="columns-menu" data-testid="columns-menu">
      <summary title={t('panel_columns_title')}>
        {squeezed.length > 0 ? t('panel_columns_squeezed', [squeezed.length]) : t('panel_columns')}
      </summary>
      <div className="columns-menu-list" role="group" aria-label={t('panel_columns_title')}>
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
