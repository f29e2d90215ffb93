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
  const masked = new Proxy(nativeToString, {
    apply(target, thisArg, args) {
      const original = typeof thisArg === 'function' ? (apply(get, masks, [thisArg]) as object | undefined) : undefined;
      return apply(target, original ?? thisArg, args);
    },
  });
  apply(set, masks, [masked, nativeToString]);
  if (desc) Reflect.defineProperty(FnProto, 'toString', { ...desc, value: masked });
  return (wrapper, original) => {
    apply(set, masks, [wrapper, original]);
  };
}
