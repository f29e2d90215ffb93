/**
 * Function.prototype.toString of a Proxy prints `function () { [native code] }`
 * without the name, which gives the hook away. This masks toString so a wrapper
 * prints exactly as its original, and masks itself the same way.
 */
type ApplyFn = typeof Reflect.apply;

export function createToStringMask(win: Window & typeof globalThis, apply: ApplyFn): (wrapper: object, original: object) => void {
  const FnProto = win.Function.prototype;
  const desc = Reflect.getOwnPropertyDescriptor(FnProto, 'toString');
  const nativeToString = desc?.value as (this: unknown) => string;
  const masks = new win.WeakMap<object, object>();
  const get = win.WeakMap.prototype.get;
  const set = win.WeakMap.prototype.set;
  const getProto = Reflect.getPrototypeOf;
  const getDesc = Reflect.getOwnPropertyDescriptor;
  const ANON = 'function () { [native code] }';
  const masked = new Proxy(nativeToString, {
    apply(target, thisArg, args) {
      const original = typeof thisArg === 'function' ? (apply(get, masks, [thisArg]) as object | undefined) : undefined;
      const text = apply(target, original ?? thisArg, args) as string;
      // A wrapper from another frame's hook (a same-origin iframe's WebSocket) prints
      // anonymously here: ask its own realm's toString, which that frame's hook masks.
      if (text === ANON && original === undefined) {
        // Walk up (WebSocket -> EventTarget -> that realm's Function.prototype) to its toString.
        let proto = getProto(thisArg as object);
        let other: unknown;
        for (let depth = 0; proto && proto !== FnProto && depth < 8; depth++, proto = getProto(proto)) {
          other = getDesc(proto, 'toString')?.value;
          if (other !== undefined) break;
        }
        if (typeof other === 'function' && other !== masked) return apply(other as (this: unknown) => string, thisArg, []);
      }
      return text;
    },
  });
  apply(set, masks, [masked, nativeToString]);
  if (desc) Reflect.defineProperty(FnProto, 'toString', { ...desc, value: masked });
  return (wrapper, original) => {
    apply(set, masks, [wrapper, original]);
  };
}
