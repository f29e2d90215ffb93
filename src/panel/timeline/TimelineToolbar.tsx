/** Zoom, fit and follow-live controls, the visible range, and the colour legend. */
import { memo, useId, useState, type RefObject } from 'react';
import { t } from '../../i18n/translate';
import type { CodeCategory } from '../../knowledge/types';
import { categoryLabelId } from '../../knowledge';
import { OUTCOMES } from '../../analysis/present';
import { useLocale } from '../../ui/locale/LocaleRoot';

export interface TimelineToolbarProps {
  rangeText: string;
  follow: boolean;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
  onFollow(on: boolean): void;
  /** Kinds of close code whose ticks the timeline shows, so each tick colour is in the legend. */
  tickCategories: readonly CodeCategory[];
  /** Too short for the legend beside the lanes (legend-fold.ts): folded behind its button, as when narrow. */
  short?: boolean;
  /** The toolbar's element, whose height the timeline weighs against its own. */
  boxRef?: RefObject<HTMLDivElement | null>;
}

export const TimelineToolbar = memo(function TimelineToolbar(p: TimelineToolbarProps) {
  useLocale(); // a new language re-renders the memoised toolbar
  // A narrow panel (docked right) folds the legend behind this button, or it fills the timeline's
  // share and no lane shows; a wide one always shows it and hides the button (timeline.css).
  const [legendOpen, setLegendOpen] = useState(false);
  const legendId = useId();
  return (
    <div
      ref={p.boxRef}
      className={p.short ? 'tl-toolbar tl-short' : 'tl-toolbar'}
      role="toolbar"
      aria-label={t('timeline_toolbar_label')}
    >
      <button type="button" onClick={p.onZoomIn} aria-label={t('timeline_zoom_in')} title={t('timeline_zoom_in')}>
        {t('timeline_zoom_in_symbol')}
      </button>
      <button type="button" onClick={p.onZoomOut} aria-label={t('timeline_zoom_out')} title={t('timeline_zoom_out')}>
        {t('timeline_zoom_out_symbol')}
      </button>
      <button type="button" onClick={p.onFit}>
        {t('timeline_zoom_fit')}
      </button>
      <button
        type="button"
        aria-pressed={p.follow}
        className={p.follow ? 'tl-on' : undefined}
        onClick={() => p.onFollow(!p.follow)}
      >
        {t('timeline_follow_live')}
      </button>
      <span className="tl-range" data-testid="timeline-range">
        {p.rangeText}
      </span>
      <button
        type="button"
        className="tl-legend-toggle"
        aria-expanded={legendOpen}
        aria-controls={legendId}
        onClick={() => setLegendOpen((o) => !o)}
      >
        {t('timeline_legend_label')}
      </button>
      <ul
        id={legendId}
        className={legendOpen ? 'tl-legend tl-legend-open' : 'tl-legend'}
        aria-label={t('timeline_legend_label')}
      >
        {OUTCOMES.map((o) => (
          <li key={o}>
            <span className={`tl-swatch tl-swatch-${o}`} aria-hidden="true" />
            {t(`timeline_outcome_${o}`)}
          </li>
        ))}
        {p.tickCategories.length > 0 ? (
          <li className="tl-legend-group" data-testid="legend-ticks">
            {t('timeline_legend_ticks')}
          </li>
        ) : null}
        {p.tickCategories.map((c) => (
          <li key={c} data-category={c}>
            <span className={`tl-swatch tl-tick tl-tick-${c}`} aria-hidden="true" />
            {t(categoryLabelId(c))}
          </li>
        ))}
        <li>{t('timeline_legend_simulated')}</li>
        <li>
          <span className="tl-swatch tl-swatch-navigation" aria-hidden="true" />
          {t('timeline_legend_navigation')}
        </li>
        <li>
          <span className="tl-swatch tl-swatch-throttled" aria-hidden="true" />
          {t('timeline_legend_throttled')}
        </li>
      </ul>
    </div>
  );
});
