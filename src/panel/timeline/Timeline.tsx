/**
 * The panel's timeline: one lane per endpoint, a bar per connection, reconnect
 * links, navigation lines and throttled periods, drawn on a canvas. React only
 * holds the viewport state and the accessible text; geometry, hit-testing and
 * drawing are the pure modules beside this file.
 */
import { memo, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Analysis } from '../../analysis/types';
import type { Recording } from '../../protocol/recording';
import { t } from '../../i18n/translate';
import { buildHitIndex, DEFAULT_GEOMETRY, hitTest, rowAtY } from './hit-test';
import { BarTooltipLines, SelectedAnnouncement } from './BarDescription';
import { rangeLabel } from './labels';
import { buildModel, tickCategoriesOf } from './layout';
import { spanOf, xToTime } from './scale';
import { onTimelineKey, ZOOM_STEP } from './timeline-keys';
import { TimelineSummary } from './TimelineSummary';
import { TimelineToolbar } from './TimelineToolbar';
import { useCanvasDraw } from './use-canvas-draw';
import { useElementSize } from './use-element-size';
import { MIN_LANES_PX, nextFold, UNFOLDED, type Fold } from './legend-fold';
import { useLocale } from '../../ui/locale/LocaleRoot';
import { OPEN_BAR_TICK_MS, useNow } from '../../ui/hooks/use-now';
import { usePointer } from './use-pointer';
import { useTimelineView } from './use-timeline-view';
import { useThemeVersion } from './use-theme-version';
import './timeline.css';

export interface TimelineProps {
  recording: Recording;
  analysis: Analysis | null | undefined;
  selectedId: string | null;
  onSelect(connectionId: string): void;
  /** The current time (tests); defaults to Date.now. */
  clock?: () => number;
  /** Told the least height that shows the toolbar, the axis and two lanes (the pane holding it must give it). */
  onMinHeight?(px: number): void;
}

const FALLBACK_SIZE = { width: 800, height: 240 };
const NO_SIZE = { width: 0, height: 0 };
const HIT_SLOP_PX = 4;

/**
 * Memoised: the panel re-renders on every filter keystroke and selection; the timeline depends on
 * neither the filter nor anything but its props, and redraws only when what it draws changed.
 */
export const Timeline = memo(function Timeline({
  recording,
  analysis,
  selectedId,
  onSelect,
  clock = Date.now,
  onMinHeight,
}: TimelineProps) {
  const model = useMemo(() => buildModel(recording, analysis), [recording, analysis]);
  const index = useMemo(() => buildHitIndex(model), [model]);
  const tickCategories = useMemo(() => tickCategoriesOf(model), [model]);
  const live = model.openCount > 0 || model.periods.some((p) => p.toMs === null);
  // An exported recording is frozen at its export time.
  const ticking = useNow(clock, OPEN_BAR_TICK_MS, live && recording.exportedAt === undefined);
  const nowMs = recording.exportedAt ?? ticking;

  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(wrapRef, FALLBACK_SIZE);
  // The lanes get what the toolbar leaves of the timeline's height (the canvas's box may reach past it).
  const rootRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const rootSize = useElementSize(rootRef, FALLBACK_SIZE);
  const toolbarSize = useElementSize(toolbarRef, NO_SIZE);
  const [fold, setFold] = useState<Fold>(UNFOLDED);
  // Laid out before paint: a legend that leaves the lanes no room folds in the same frame.
  useLayoutEffect(() => {
    if (rootSize.measured && toolbarSize.measured)
      setFold((f) => nextFold(f, rootSize.height, rootSize.height - toolbarSize.height));
  }, [rootSize.measured, rootSize.height, toolbarSize.measured, toolbarSize.height]);
  // With the legend folded (for lack of height, or of width: timeline.css), the toolbar and two lanes are
  // the least the pane must give: narrow, the controls alone can take two lines. Said only then, and kept
  // when the legend unfolds, so the pane never grows for the legend and unfolding cannot undo folding.
  useLayoutEffect(() => {
    const toolbar = toolbarRef.current;
    const toggle = toolbar?.querySelector('.tl-legend-toggle');
    if (!toolbarSize.measured || !toolbar || !toggle || getComputedStyle(toggle).display === 'none') return;
    // The toolbar's whole box (its measured size is its content's): padding and border take room too.
    onMinHeight?.(toolbar.offsetHeight + MIN_LANES_PX);
  }, [toolbarSize.measured, toolbarSize.height, fold.short, onMinHeight]);
  const theme = useThemeVersion();
  // Lane and link labels are translated text: a new language redraws the memoised timeline.
  const { lang } = useLocale();
  const [hovered, setHovered] = useState(-1);
  const helpId = useId();

  const state = useTimelineView(model, nowMs, size.height - DEFAULT_GEOMETRY.axisHeight, DEFAULT_GEOMETRY);
  const geometry = { ...DEFAULT_GEOMETRY, scrollY: state.scrollY };
  const plotWidth = Math.max(1, size.width - geometry.labelWidth);
  const selected = selectedId === null ? -1 : (model.indexById.get(selectedId) ?? -1);
  const { view } = state;

  const hitAt = (x: number, y: number): number => {
    const row = rowAtY(y, geometry, model.rowCount);
    if (row < 0 || x < geometry.labelWidth) return -1;
    const ms = xToTime(view, plotWidth, x - geometry.labelWidth);
    return hitTest(model, index, row, ms, (spanOf(view) / plotWidth) * HIT_SLOP_PX, nowMs);
  };

  const pointer = usePointer(wrapRef, {
    state,
    labelWidth: geometry.labelWidth,
    plotWidth,
    hitAt,
    onClickBar: (bi) => onSelect(model.bars[bi]!.id),
    onHover: (bi, x, y) => {
      setHovered(bi);
      // The tooltip follows the mouse without re-rendering the component.
      const tip = tooltipRef.current;
      if (!tip) return;
      // Above the pointer near the bottom edge, since the canvas area clips its overflow.
      const tipHeight = tip.offsetHeight || 90;
      const top = y + 14 + tipHeight > size.height ? Math.max(0, y - 10 - tipHeight) : y + 14;
      tip.style.transform = `translate(${Math.max(0, Math.min(x + 12, size.width - 260))}px, ${top}px)`;
    },
  });

  // Reveal the selection when it changes, from a click here, the keyboard or the table outside;
  // only on a new selection: revealing again on every pan would fight the user. Done while rendering
  // (React renders again at once, before committing), not in an effect: an effect drew the canvas
  // once at the old scroll position and again after revealing, two full draws per selection.
  const [revealedId, setRevealedId] = useState<string | null | undefined>(undefined);
  if (revealedId !== selectedId) {
    setRevealedId(selectedId);
    if (selected >= 0) state.reveal(selected);
  }

  useCanvasDraw(canvasRef, {
    model,
    index,
    view,
    nowMs,
    width: size.width,
    height: size.height,
    geometry,
    selected,
    hovered,
    theme,
    lang,
  });
  const onKeyDown = (e: KeyboardEvent) =>
    onTimelineKey(e, { model, state, selectedId, rowHeight: geometry.rowHeight, onSelect });

  const hoveredBar = hovered >= 0 ? model.bars[hovered] : undefined;
  const selectedBar = selected >= 0 ? model.bars[selected] : undefined;
  // The canvas has no element per bar for a screen reader to read, so a selection is announced while
  // the timeline has focus. From elsewhere (the table's arrow keys) the focused widget already reads
  // its active row: announcing it here too read every step twice.
  const [focused, setFocused] = useState(false);
  return (
    <div ref={rootRef} className="tl-root" data-theme-version={theme}>
      <TimelineToolbar
        short={fold.short}
        boxRef={toolbarRef}
        rangeText={rangeLabel(view, model.originMs)}
        follow={state.follow}
        onZoomIn={() => state.zoomBy(ZOOM_STEP)}
        onZoomOut={() => state.zoomBy(1 / ZOOM_STEP)}
        onFit={state.fit}
        onFollow={state.setFollow}
        tickCategories={tickCategories}
      />
      <div
        ref={wrapRef}
        className="tl-canvas-wrap"
        role="application"
        tabIndex={0}
        aria-label={t('timeline_aria_label')}
        aria-describedby={helpId}
        data-view-start={Math.round(view.startMs - model.originMs)}
        data-view-end={Math.round(view.endMs - model.originMs)}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        {...pointer}
      >
        <canvas
          ref={canvasRef}
          className="tl-canvas"
          style={{ width: size.width, height: size.height }}
          aria-hidden="true"
        />
        {model.bars.length === 0 && <p className="tl-empty">{t('timeline_empty')}</p>}
        <div ref={tooltipRef} className="tl-tooltip" role="tooltip" hidden={!hoveredBar}>
          {hoveredBar && <BarTooltipLines bar={hoveredBar} />}
        </div>
      </div>
      <TimelineSummary model={model} id={helpId} />
      <div className="sr-only" aria-live="polite">
        {selectedBar && focused ? <SelectedAnnouncement bar={selectedBar} /> : ''}
      </div>
    </div>
  );
});

export default Timeline;
