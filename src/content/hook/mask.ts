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
import { isFn, PROTO, TO_STRING, type AnyFn, type Natives } from './natives';

/** `this` value that turns a call of a hook's masked toString into a registration (natively a TypeError). */
const REGISTER = '\u0000closeline';

/**
 * Replaces the function `o[name]` by `make(original)`, keeping the property's attributes, and masks
 * the replacement to print as the original. Nothing happens when `o[name]` is not a function.
 */
export type Swap = <T extends object>(o: object, name: string, make: (original: T) => object) => void;

export const createToStringMask = (win: Window & typeof globalThis, n: Natives): Swap => {
  const { invoke: apply, gopd, read } = n;
  const [maskOf, setMask] = n.store<object, object>();
  const ancestors: AnyFn[] = [];
  const mask = (wrapper: object, original: object) => {
    setMask(wrapper, original);
    for (let i = 0; i < ancestors.length; i++) {
      try {
        apply(ancestors[i] as AnyFn, REGISTER, [wrapper, original]);
      } catch {
        // that frame went away
      }
    }
  };
  const swap: Swap = (o, name, make) => {
    const desc = gopd(o, name);
    const original = desc?.value as object;
    if (!isFn(original)) return;
    const wrapper = make(original as never);
    mask(wrapper, original);
    // A copy with no prototype: its `value` is defined, never assigned, and the engine reading it as a
    // descriptor finds no `get` or `set` a page put on Object.prototype (in a frame its parent reached
    // before the hook installed there, one may be).
    Reflect.defineProperty(o, name, { __proto__: null, ...desc, value: wrapper } as PropertyDescriptor);
  };
  const FP = win.Function[PROTO];
  const nativeToString = n.own(FP, TO_STRING) as AnyFn;
  // How this engine prints an anonymous native function: Chromium on one line, Firefox on three.
  const anonymousNative = read(nativeToString, n.trap(nativeToString, nativeToString));
  // The masks of same-origin ancestors, read from own data properties only (no page getter runs).
  const gParent = n.getter(win, 'parent');
  try {
    for (let w = win as unknown, up = read(gParent, w), depth = 0; up !== w && depth < 16; depth++) {
      w = up;
      up = read(gParent, w);
      let m = n.own(n.own(n.own(w, 'Function'), PROTO), TO_STRING);
      // zone.js (Angular's) puts a function of its own over the mask, which drops the arguments of a
      // registration, and keeps the mask as this own property of it.
      m = n.own(m, '__zone_symbol__OriginalDelegate') || m;
      // A hook's mask prints as an anonymous native function; the page's own replacement would not.
      if (isFn(m) && read(nativeToString, m) === anonymousNative) {
        n.push(ancestors, m);
      }
    }
  } catch {
    // A cross-origin ancestor: nothing further up is reachable.
  }
  // The mask itself is masked (and registered with the ancestors) like every other wrapper. The native
  // toString runs no page code: what it throws (for a `this` that is no function) is the engine's, and is
  // captured again from the page's call, so its stack names no frame of the hook's file.
  swap(FP, TO_STRING, (target: AnyFn) =>
    n.trap(
      target,
      (fn: AnyFn, thisArg: unknown, args: unknown[]) => {
        if (thisArg === REGISTER) {
          if (isFn(args[0]) && isFn(args[1])) setMask(args[0], args[1]);
          return '';
        }
        return apply(fn, (isFn(thisArg) && maskOf(thisArg)) || thisArg, args);
      },
      true,
    ),
  );
  return swap;
};
