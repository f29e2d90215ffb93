/**
 * Two list helpers the analysis's passes share: grouping into lists by key, and the binary search each pass
 * runs over a list sorted by time. One search, tested once, rather than one per pass with its own bounds.
 */

/** Adds `item` to the list `map` keeps under `key`, starting the list when there is none. */
export function pushTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/**
 * The first index in [from, to) at which `passes` holds, for a test that stays true once true as the index
 * rises (a list sorted by what it tests); `to` when it holds nowhere.
 */
export function firstPassing(from: number, to: number, passes: (i: number) => boolean): number {
  let lo = Math.max(0, from);
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (passes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
