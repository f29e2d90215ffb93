/**
 * Natives the hook calls later, saved at install before any page script runs.
 * After install the page may patch any prototype, getter or global: the hook
 * reads event fields and message data only through these saved getters, so a
 * patched `CloseEvent.prototype.code` neither changes what is recorded nor runs
 * page code while the hook's functions are on the stack.
 */
export type AnyFn = (...args: unknown[]) => unknown;

export interface Natives {
  apply: typeof Reflect.apply;
  /** Calls a saved getter on `o`. */
  read(getter: AnyFn, o: unknown): unknown;
  /** A getter of `proto[name]` as it was at install. */
  getter(proto: object, name: string): AnyFn;
  /**
   * Size of a real ArrayBuffer, view or Blob (brand-checked, no page code runs); -1 for anything
   * else. `blobFirst` tries Blob before ArrayBuffer (a socket whose binaryType is "blob").
   */
  byteSize(d: unknown, blobFirst: boolean): number;
  /** An own data property's value, read without running getters or prototype lookups. */
  own(o: unknown, key: PropertyKey): unknown;
}

export function saveNatives(win: Window & typeof globalThis): Natives {
  const { apply, getOwnPropertyDescriptor: gopd, getPrototypeOf } = Reflect;
  const getter = (proto: object, name: string) => gopd(proto, name)?.get as AnyFn;
  const read = (g: AnyFn, o: unknown) => apply(g, o, []);
  const isView = win.ArrayBuffer.isView;
  const gBuffer = getter(win.ArrayBuffer.prototype, 'byteLength');
  const gTyped = getter(getPrototypeOf(win.Uint8Array.prototype) as object, 'byteLength');
  const gView = getter(win.DataView.prototype, 'byteLength');
  const gBlob = getter(win.Blob.prototype, 'size');
  // Each getter throws on anything without its internal slot (a Proxy, a look-alike object).
  const first = (d: unknown, gs: AnyFn[]): number => {
    for (let i = 0; i < gs.length; i++) {
      try {
        return read(gs[i] as AnyFn, d) as number;
      } catch {
        // not this kind
      }
    }
    return -1;
  };
  return {
    apply,
    read,
    getter,
    byteSize: (d, blobFirst) =>
      typeof d !== 'object' || d === null ? -1 : isView(d) ? first(d, [gTyped, gView]) : first(d, blobFirst ? [gBlob, gBuffer] : [gBuffer, gBlob]),
    own: (o, key) => {
      if (typeof o !== 'object' || o === null) return undefined;
      // The descriptor's own `value` only: `d.value` could reach a page getter on Object.prototype.
      const d = gopd(o, key);
      return d ? gopd(d, 'value')?.value : undefined;
    },
  };
}
