/**
 * Function.prototype.toString of a Proxy prints `function () { [native code] }`
 * without the name, which gives the hook away. This masks toString so a wrapper
 * prints exactly as its original, and masks itself the same way.
 *
 * A same-origin frame's hook registers its wrappers with every same-origin
 * ancestor's mask too, so `Function.prototype.toString.call(frame.WebSocket)`
 * prints the name in the parent as well. The mask never inspects an unknown
 * function beyond the native toString (no prototype walk): a page Proxy's traps
 * never run.
 */
import type { AnyFn } from './natives';

type ApplyFn = typeof Reflect.apply;

/** `this` value that turns a call of a hook's masked toString into a registration (natively a TypeError). */
const REGISTER = '\u0000closeline-mask';

export function createToStringMask(win: Window & typeof globalThis, apply: ApplyFn): (wrapper: object, original: object) => void {
  const { getOwnPropertyDescriptor: gopd, defineProperty } = Reflect;
  const FnProto = win.Function.prototype;
  const desc = gopd(FnProto, 'toString');
  const nativeToString = desc?.value as AnyFn;
  const masks = new win.WeakMap<object, object>();
  const get = win.WeakMap.prototype.get;
  const set = win.WeakMap.prototype.set;
  const masked = new Proxy(nativeToString, {
    apply(target, thisArg, args) {
      if (thisArg === REGISTER) {
        if (typeof args[0] === 'function' && typeof args[1] === 'function') apply(set, masks, [args[0], args[1]]);
        return '';
      }
      const original = typeof thisArg === 'function' ? (apply(get, masks, [thisArg]) as object | undefined) : undefined;
      return apply(target, original ?? thisArg, args);
    },
  });
  // How this engine prints an anonymous native function: Chromium on one line, Firefox on three.
  const anonymousNative = apply(nativeToString, masked, []) as string;
  // The masks of same-origin ancestors, read from own data properties only (no page getter runs).
  const ancestors: AnyFn[] = [];
  const gParent = gopd(win, 'parent')?.get as AnyFn;
  try {
    for (let w = win as unknown, up = apply(gParent, w, []), depth = 0; up !== w && depth < 16; depth++) {
      w = up;
      up = apply(gParent, w, []);
      const F = gopd(w as object, 'Function')?.value as { prototype?: object } | undefined;
      const P = F && (gopd(F, 'prototype')?.value as object | undefined);
      const m = P && gopd(P, 'toString')?.value;
      // A hook's mask prints as an anonymous native function; the page's own replacement would not.
      if (typeof m === 'function' && apply(nativeToString, m, []) === anonymousNative) {
        defineProperty(ancestors, ancestors.length, { value: m, writable: true, enumerable: true, configurable: true });
      }
    }
  } catch {
    // A cross-origin ancestor: nothing further up is reachable.
  }
  const mask = (wrapper: object, original: object) => {
    apply(set, masks, [wrapper, original]);
    for (let i = 0; i < ancestors.length; i++) {
      try {
        apply(ancestors[i] as AnyFn, REGISTER, [wrapper, original]);
      } catch {
        // that frame went away
      }
    }
  };
  mask(masked, nativeToString);
  if (desc) defineProperty(FnProto, 'toString', { ...desc, value: masked });
  return mask;
}
