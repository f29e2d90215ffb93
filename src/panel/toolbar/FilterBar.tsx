import type { ReactNode, Ref } from 'react';
import type { VerdictLevel } from '../../analysis/types';
import type { CodeCategory } from '../../knowledge/types';
import { categoryLabelId } from '../../knowledge';
import { t } from '../../i18n/translate';
import { tPlural } from '../../i18n/plural';
import { isolatePage } from '../../ui/components/page-string';
import type { FilterOptions, Filters, RowState } from '../model/filter-rows';

interface Props {
  filters: Filters;
  options: FilterOptions;
  onChange(next: Filters): void;
  shown: number;
  total: number;
  /** The filter box, for the `/` key. */
  inputRef?: Ref<HTMLInputElement>;
  /** The columns menu, at the row's end. */
  columns?: ReactNode;
}

const ANY = '';

/** "N of M connections": shown beside the filters, and announced once the user stops typing. */
export const filterCountText = (shown: number, total: number) => tPlural('panel_filter_count', total, [shown]);

/** The filter row: free text, open/closed, then one select per dimension offering only values present. */
export function FilterBar({ filters, options, onChange, shown, total, inputRef, columns }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="toolbar filter-bar" role="search">
      <input
        ref={inputRef}
        type="search"
        className="filter-text"
        placeholder={t('panel_filter_placeholder')}
        aria-keyshortcuts="/"
        aria-label={t('panel_filter_text')}
        value={filters.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <label className="toolbar-select">
        {t('panel_filter_state')}
        <select
          data-testid="filter-state"
          value={filters.state ?? ANY}
          onChange={(e) => set({ state: e.target.value === ANY ? null : (e.target.value as RowState) })}
        >
          <option value={ANY}>{t('panel_filter_any')}</option>
          <option value="open">{t('panel_filter_state_open')}</option>
          <option value="closed">{t('panel_filter_state_closed')}</option>
        </select>
      </label>
      <label className="toolbar-select">
        {t('panel_filter_code')}
        <select
          value={filters.code ?? ANY}
          onChange={(e) => set({ code: e.target.value === ANY ? null : Number(e.target.value) })}
        >
          <option value={ANY}>{t('panel_filter_any')}</option>
          {options.codes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-select">
        {t('panel_filter_category')}
        <select
          value={filters.category ?? ANY}
          onChange={(e) => set({ category: e.target.value === ANY ? null : (e.target.value as CodeCategory) })}
        >
          <option value={ANY}>{t('panel_filter_any')}</option>
          {options.categories.map((c) => (
            <option key={c} value={c}>
              {t(categoryLabelId(c))}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-select">
        {t('panel_filter_verdict')}
        <select
          value={filters.verdict ?? ANY}
          onChange={(e) => set({ verdict: e.target.value === ANY ? null : (e.target.value as VerdictLevel) })}
        >
          <option value={ANY}>{t('panel_filter_any')}</option>
          {options.verdicts.map((v) => (
            <option key={v} value={v}>
              {t(`ui_verdict_${v}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-select">
        {t('panel_filter_frame')}
        <select
          value={filters.frameId ?? ANY}
          onChange={(e) => set({ frameId: e.target.value === ANY ? null : Number(e.target.value) })}
        >
          <option value={ANY}>{t('panel_filter_any')}</option>
          {options.frames.map((f) => (
            <option key={f.frameId} value={f.frameId}>
              {f.frameId === 0
                ? t('panel_frame_top', [isolatePage(f.url)])
                : t('panel_frame_sub', [f.frameId, isolatePage(f.url)])}
            </option>
          ))}
        </select>
      </label>
      <span className="toolbar-spacer" />
      {/* No live region: the panel announces the count once typing pauses (useFilterAnnouncement). */}
      <span className="filter-count">{filterCountText(shown, total)}</span>
      {columns}
    </div>
  );
}
