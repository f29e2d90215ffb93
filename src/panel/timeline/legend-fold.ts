/**
 * Whether the legend folds behind its button for lack of height. A narrow panel folds it by width
 * (timeline.css); a short one (DevTools docked at the bottom and dragged low, a zoomed-in panel, a
 * long Arabic or Hindi legend that wraps to four lines) left the lanes no room at all: the wrapped
 * legend took the timeline's share. Folded when the lanes would get less than the axis and two
 * lanes; unfolded again only once the timeline is as tall as it was then plus what was missing, so
 * folding (which gives the lanes the legend's lines) cannot make it unfold and fold again.
 */
import { DEFAULT_GEOMETRY } from './hit-test';

/** The axis and two lanes: the least the timeline must show beside its toolbar. */
export const MIN_LANES_PX = DEFAULT_GEOMETRY.axisHeight + 2 * DEFAULT_GEOMETRY.rowHeight;

export interface Fold {
  short: boolean;
  /** When folded: the timeline's height at which the unfolded legend leaves the lanes enough. */
  unfoldAt: number;
}

export const UNFOLDED: Fold = { short: false, unfoldAt: 0 };

/** The next fold state from the timeline's height and its lanes' height (axis included), both measured. */
export function nextFold(fold: Fold, rootHeight: number, lanesHeight: number): Fold {
  if (!fold.short) {
    if (lanesHeight >= MIN_LANES_PX) return fold;
    return { short: true, unfoldAt: rootHeight + (MIN_LANES_PX - lanesHeight) };
  }
  return rootHeight >= fold.unfoldAt ? UNFOLDED : fold;
}
