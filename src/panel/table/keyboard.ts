/**
 * Where a key moves the selection in a list of `count` rows. Pure, so the
 * table's keyboard behaviour is tested without a DOM.
 */
export function nextIndex(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  // No selection yet: any movement key starts at an end.
  if (current < 0)
    return key === 'ArrowUp' || key === 'End'
      ? last
      : key === 'ArrowDown' || key === 'Home' || key === 'PageDown'
        ? 0
        : null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'PageDown':
      return Math.min(last, current + pageRows);
    case 'PageUp':
      return Math.max(0, current - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
