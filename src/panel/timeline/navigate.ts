/**
 * Keyboard navigation: Left/Right step through closures in the order they
 * happened, whatever lane they are on.
 */
import type { TimelineModel } from './layout';

/**
 * The id of the closure before (dir -1) or after (dir 1) the current selection.
 * From nothing, Right goes to the first closure and Left to the last; from an
 * open connection, the step is taken from its creation time. null at either end.
 */
export function adjacentClosure(model: TimelineModel, currentId: string | null, dir: -1 | 1): string | null {
  const order = model.closureOrder;
  if (order.length === 0) return null;
  const current = currentId === null ? undefined : model.indexById.get(currentId);
  let target: number;
  if (current === undefined) {
    target = dir === 1 ? 0 : order.length - 1;
  } else {
    const pos = order.indexOf(current);
    if (pos >= 0) {
      target = pos + dir;
    } else {
      const ref = model.bars[current]!.startMs;
      const after = order.findIndex((bi) => model.bars[bi]!.endMs! > ref);
      const firstAfter = after < 0 ? order.length : after;
      target = dir === 1 ? firstAfter : firstAfter - 1;
    }
  }
  const bi = order[target];
  return bi === undefined ? null : model.bars[bi]!.id;
}
