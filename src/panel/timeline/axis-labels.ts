/**
 * Where the time axis puts a tick's label. Labels start just after their tick and read left to right
 * in every language (the timeline is laid out left to right), so the last one ran past the canvas's end
 * and was cut off, in every language: it is moved back inside instead.
 */

/** Space between a tick and its label, between two labels, and before the canvas's edges. */
export const AXIS_LABEL_GAP_PX = 3;

/**
 * The left x of a label `width` wide for the tick at `tickX`, kept within [minX, maxX]; null when, moved
 * back inside, it would run into the label before it (which ends at `prevEnd`): it is then not drawn.
 */
export function axisLabelX(tickX: number, width: number, minX: number, maxX: number, prevEnd: number): number | null {
  const x = Math.max(minX, Math.min(tickX + AXIS_LABEL_GAP_PX, maxX - AXIS_LABEL_GAP_PX - width));
  return x < prevEnd + AXIS_LABEL_GAP_PX ? null : x;
}
