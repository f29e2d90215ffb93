/**
 * A fixed-size array of numbers that answers "the first position at or after
 * `from` whose value passes a test" in O(log n), for a test that is monotone
 * (if a value passes, every larger value passes). Each node keeps the largest
 * value below it, so a subtree whose largest value fails is skipped whole.
 * Linking uses it to find a closure's replacement among thousands of sockets
 * open at once without walking them all for every closure.
 */
export interface MaxTree {
  set(position: number, value: number): void;
  /** The first position >= from whose value passes `ok`; -1 when none does. */
  firstFrom(from: number, ok: (value: number) => boolean): number;
}

/** All values start at -Infinity (no value passes a test of "at least"). */
export function createMaxTree(length: number): MaxTree {
  let size = 1;
  while (size < length) size *= 2;
  const max = new Float64Array(2 * size).fill(-Infinity);

  /** The first passing position in node's range that is >= from; node covers [lo, lo + span). */
  const search = (node: number, lo: number, span: number, from: number, ok: (value: number) => boolean): number => {
    if (lo + span <= from || !ok(max[node]!)) return -1;
    if (span === 1) return lo;
    const half = span / 2;
    const left = search(2 * node, lo, half, from, ok);
    return left !== -1 ? left : search(2 * node + 1, lo + half, half, from, ok);
  };

  return {
    set(position, value) {
      let i = position + size;
      max[i] = value;
      for (i >>= 1; i >= 1; i >>= 1) max[i] = Math.max(max[2 * i]!, max[2 * i + 1]!);
    },
    firstFrom: (from, ok) => (from >= length ? -1 : search(1, 0, size, Math.max(0, from), ok)),
  };
}
