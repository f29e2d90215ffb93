/**
 * Copy-on-change over immutable lists. A redaction of a 10,000-connection recording, or of every new
 * version of a live one, must cost what changed: unchanged items, and a list with none changed, are kept.
 */

/** `list.map(f)`, or `list` itself when `f` gave back every item. Indexed: a for-of step allocates until V8 optimises. */
export function mapChanged<T>(list: T[], f: (item: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const next = f(item);
    if (out) out.push(next);
    else if (next !== item) (out = list.slice(0, i)).push(next);
  }
  return out ?? list;
}

/**
 * `f` remembered by object in `done` (a view's, kept across versions of a live recording, whose deltas
 * replace only the objects that changed); `f` itself without it (a file has no next version to reuse for).
 */
export function byObject<T extends object>(f: (item: T) => T, done: WeakMap<T, T> | undefined): (item: T) => T {
  if (!done) return f;
  return (item) => {
    let out = done.get(item);
    if (out === undefined) done.set(item, (out = f(item)));
    return out;
  };
}
