/**
 * Natives the hook calls later, saved at install before any page script runs,
 * and shared by every part of the hook (recording, simulations, stalls, the ring).
 * After install the page may patch any prototype, getter or global: the hook
 * reads event fields and message data only through these saved getters, so a
 * patched `CloseEvent.prototype.code` neither changes what is recorded nor runs
 * page code while the hook's functions are on the stack. Page objects are only
 * ever passed as `this` to brand-checking natives: a Proxy or a look-alike makes
 * them throw, and no trap, getter or toString of the page's runs.
 */
export type AnyFn = (...args: unknown[]) => unknown;

/** get, set and delete of one Map or WeakMap, through its methods as they were at install. */
export type Store<K, V> = [get: (k: K) => V | undefined, set: (k: K, v: V) => unknown, del: (k: K) => unknown];

export interface Natives {
  /** Reflect.apply as it was at install (named so the build can shorten it: `apply` is also a Proxy trap). */
  invoke: typeof Reflect.apply;
  /** `f` with `this` fixed to `self`, made by Function.prototype.bind as it was at install. */
  bindTo<F extends AnyFn>(f: F, self: unknown): F;
  /**
   * A Proxy of the function `target` with the one trap `apply`, made by the Proxy constructor as it was at
   * install. Its handler has no prototype: an engine looks every trap up on the handler, so one inheriting
   * from Object.prototype would take a page's `Object.prototype.get` (or `construct`, ...) for its trap.
   * `engineOnly`: the native runs no page code, so whatever it throws is captured again from the page's call.
   */
  trap<T extends object>(target: T, fn: (...args: never[]) => unknown, engineOnly?: boolean): T;
  /**
   * A constructor's Proxy: like `trap`, with the trap `construct`, whose `caller` and `arguments` are read from
   * the native. Read through a Proxy, those own properties of a browser's constructor throw (the engine
   * answers them only for a real function), where the native answers null: a known way to detect a Proxy.
   * The trap constructs with the native (its `new.target` forwarded), then hands each object made and its
   * arguments to `track`, whose errors are swallowed: recording must never break the page. `track` runs
   * right under the trap: the hook's frames above a page's count against the page's Error.stackTraceLimit
   * in a recorded stack, so each API's are as many as they have always been.
   */
  ctor<T extends object>(target: T, track: (made: never, args: unknown[]) => void): T;
  /** Argument `i` of an engine-made argument list, or undefined past its end (never `Array.prototype[i]`). */
  arg(args: unknown[], i: number): unknown;
  /**
   * Converts `list[i]` as the browser's bindings would (ToPrimitive, with the hint 'number' for a close
   * code at 0 and 'string' for a reason at 1), here, once, and replaces an object by one of the hook's
   * whose @@toPrimitive gives the browser the result, for it to finish the conversion (ToNumber,
   * ToString) and throw its own errors. Returns the primitive (a reason's as its string), or an object
   * where the browser's conversion fails: a result that is an object (left to the browser to reject), or
   * the page's object itself, left in place, where the engine fails before any page code runs (a revoked
   * Proxy; an @@toPrimitive that is no function, which the browser reads once more). Only the browser
   * words those errors as without the hook: thrown in any function of the hook's (even a builtin it
   * calls), they lack the "Failed to execute 'close' on …" prefix Chromium's bindings add.
   */
  conv(list: unknown[], i: 0 | 1): unknown;
  /** Truthy when the browser can make a number of `v` (a primitive that is no Symbol or BigInt). */
  num(v: unknown): unknown;
  /** `x` is a revoked Proxy (told without running any of a Proxy's traps). */
  revoked(x: unknown): boolean | undefined;
  /** Calls a saved getter on `o`. */
  read(getter: AnyFn, o: unknown): unknown;
  gopd: typeof Reflect.getOwnPropertyDescriptor;
  /** Calls a saved getter on `o`; undefined when it throws (`o` is not of the getter's kind). */
  tryRead(getter: AnyFn | undefined, o: unknown): unknown;
  /** Appends to an array the hook made, by definition: no setter on Array.prototype runs. */
  push(a: unknown[], v: unknown): void;
  /** An object or a function. */
  isObj(v: unknown): v is object;
  /** A getter of `proto[name]` as it was at install. */
  getter(proto: object, name: string): AnyFn;
  /** An own data property's value, read without running getters or prototype lookups; never throws. */
  own(o: unknown, key: PropertyKey): unknown;
  /** A new WeakMap (or, with `strong`, a Map); create stores at install only. */
  store<K, V>(strong?: boolean): Store<K, V>;
  /**
   * Size of a message: a string's length in UTF-16 units, or the byteLength or size of a real
   * ArrayBuffer, view or Blob; -1 for anything else. `blobFirst` tries Blob first (a socket whose
   * binaryType is "blob"), so the common case throws nothing.
   */
  size(d: unknown, blobFirst?: boolean): number;
  /**
   * A copy of at most `max` bytes of a real ArrayBuffer or view (empty if it was detached); undefined for anything
   * else.
   */
  copy(d: unknown, max: number): Uint8Array | undefined;
  /**
   * The first `units` UTF-16 units of a string, as a string of its own: a slice shares the engine's
   * storage with the whole text and would keep it alive.
   */
  head(s: string, units: number): string;
  /**
   * Error.captureStackTrace (Chromium, and Firefox from 133): writes the current stack on `o` as its own
   * `stack`. Throws where the browser has none.
   */
  captureStack(o: object): void;
  /** Event.prototype.stopImmediatePropagation. */
  stop(e: Event): void;
  /** EventTarget.prototype.dispatchEvent. */
  fire(target: object, e: Event): void;
  /** The document's WebSocket readyState getter. */
  state(ws: object): number;
  /** A MessageEvent's data, through the getter as it was at install (a page getter would see the event). */
  msgData(e: Event): unknown;
  /**
   * Adds a listener that never throws into the page (its errors are swallowed), in the capture phase
   * unless `opts` says otherwise: at its target an event reaches capture listeners before the others
   * (the DOM standard, and Firefox; Chromium keeps the order they were added in), so the hook's, added
   * first, runs first, and a page's capture listener that stops the event cannot keep it from the hook.
   */
  listen(target: object, type: string, fn: (e: Event) => unknown, opts?: boolean | AddEventListenerOptions): void;
}

/**
 * `x[PROTO]` for `x.prototype` in the hook: the word once in the built file instead of two dozen times,
 * in a file that every frame of every page loads.
 */
export const PROTO = 'prototype';
/** The event, the method and the recorded event's type: one string in the built file instead of seven. */
export const CLOSE = 'close';
/** Names of Object.prototype's conversion methods, each one string in the built file. */
export const TO_STRING = 'toString';
const VALUE_OF = 'valueOf';
/** Event names and message types used by several of the hook's modules, each one string in the built file. */
export const ERROR = 'error';
export const MESSAGE = 'message';
/** The prototypes' `constructor`, which each wrapped API replaces: one string in the built file. */
export const CTOR = 'constructor';
/** `win[WS]` for `win.WebSocket`, also the wrapped global's name and the recorded API: one string in the built file. */
export const WS = 'WebSocket';

/** Shared by the hook's modules: one short function in the built file instead of a `typeof` test at each use. */
export const isStr = (v: unknown): v is string => typeof v === 'string';
export const isFn = (v: unknown): v is AnyFn => typeof v === 'function';

export const saveNatives = (win: Window & typeof globalThis): Natives => {
  const { apply, construct, defineProperty, get, getOwnPropertyDescriptor: gopd, getPrototypeOf } = Reflect;
  const getter = (proto: object, name: string) => gopd(proto, name)?.get as AnyFn;
  const read = (g: AnyFn, o: unknown) => apply(g, o, []);
  // Bound natives for what runs per message: a call of a bound function goes straight to its target
  // (nothing a page can patch is consulted) and, unlike Reflect.apply, builds no argument array, which
  // matters most before the engine has optimised the caller (a page sending its first thousand messages).
  const bind = win.Function[PROTO].bind;
  const bindTo = <F extends AnyFn>(f: F, self: unknown) => apply(bind, f, [self]) as F;
  const isObj = (v: unknown): v is object => (typeof v === 'object' && v !== null) || isFn(v);
  // Each getter throws on anything without its internal slot (a Proxy, a look-alike object).
  const tryRead = (g: AnyFn | undefined, o: unknown): number | undefined => {
    try {
      return read(g as AnyFn, o) as number;
    } catch {
      // undefined, as the function's end (a `return` here would be bytes in the built file)
    }
  };
  const U8 = win.Uint8Array;
  const isView = win.ArrayBuffer.isView;
  const TA = getPrototypeOf(U8[PROTO]) as object;
  const DV = win.DataView[PROTO];
  const BYTE_LENGTH = 'byteLength';
  const gBuffer = getter(win.ArrayBuffer[PROTO], BYTE_LENGTH);
  const viewOf = (p: object) => [getter(p, BYTE_LENGTH), getter(p, 'buffer'), getter(p, 'byteOffset')];
  const gTA = viewOf(TA);
  const gDV = viewOf(DV);
  const gBlob = getter(win.Blob[PROTO], 'size');
  const taSet = gopd(TA, 'set')?.value as AnyFn;
  const { WeakMap: NativeWeakMap, Map: NativeMap, Proxy: NativeProxy } = win;
  const slice = win.String[PROTO].slice;
  const stopNow = win.Event[PROTO].stopImmediatePropagation;
  const { dispatchEvent: dispatch, addEventListener: addEL } = win.EventTarget[PROTO];
  const gState = getter(win[WS][PROTO], 'readyState');
  // [byteLength, buffer, byteOffset] getters of a view's kind (the only views are typed arrays and DataView).
  // Told apart by the typed arrays' @@toStringTag getter, which answers undefined for a DataView where the
  // others throw: an error caught on every message would capture a stack as deep as the page's, each time.
  const gTag = getter(TA, win.Symbol.toStringTag as never);
  const viewGetters = (d: unknown) => (read(gTag, d) ? gTA : gDV) as AnyFn[];
  // A DataView whose buffer was detached (transferred) throws from its byteLength getter, where the browser
  // sends it as an empty message: read there, the error came out of the page's send(). A view has 0 bytes then.
  const byteLength = (d: unknown) => (isView(d) ? (tryRead(viewGetters(d)[0], d) ?? 0) : tryRead(gBuffer, d));

  const own = (o: unknown, key: PropertyKey): unknown => {
    if (!isObj(o)) return undefined;
    // A page Proxy's descriptor trap may throw where the browser's own reads did not (it iterates
    // with `get`): an unreadable property reads as absent, so the socket is still announced.
    try {
      // The descriptor's own `value` only: `d.value` could reach a page getter on Object.prototype.
      const d = gopd(o, key);
      return d && gopd(d, 'value')?.value;
    } catch {
      // absent: undefined, as the function's end
    }
  };
  const gData = getter(win.MessageEvent[PROTO], 'data');
  const arg = (args: unknown[], i: number) => (i < args.length ? args[i] : undefined);
  const isArray = win.Array.isArray;
  // Array.isArray throws for a revoked Proxy, and looks through a live one to its target without a trap.
  const revoked = (x: unknown) => {
    try {
      isArray(x);
    } catch {
      return true;
    }
  };
  const toPrim = win.Symbol.toPrimitive;
  // A DOMException the browser throws from a trapped native (send() while CONNECTING, a bad URL or close
  // code) would carry the trap's frame, naming the extension's file, on top of its stack: error monitors
  // set such errors aside as an extension's. Captured again from the trap's caller, its stack is what the
  // page would have had. Only DOMExceptions: page code a native runs (a toString) throws other errors,
  // whose stack holds the page's own frames above the trap, which capturing again would drop. (Firefox
  // keeps an error's stack on its prototype: there the text is the page's, held in an own property.)
  // The bindings' own TypeErrors (a wrong `this`, a missing argument: "Illegal invocation", "Failed to
  // execute 'send' on 'WebSocket': …") come before any page code runs, so they are captured again too; a
  // TypeError page code threw keeps its message, and its stack. (Chromium's wording; the test is a saved native.)
  // A native that runs no page code (Function.prototype.toString) throws only the engine's errors: all are.
  const capture = win.Error.captureStackTrace as ((e: object, from: AnyFn) => void) | undefined;
  const gDomCode = getter(win.DOMException[PROTO], 'code');
  const starts = win.String[PROTO].startsWith;
  // `track` (a constructor's): handed what `fn` made and its arguments; its errors are swallowed.
  const clean = (fn: AnyFn, engineOnly?: boolean, track?: (made: never, args: unknown[]) => void) => {
    const h = (t: unknown, s: unknown, a: unknown) => {
      let made;
      try {
        made = fn(t, s, a);
      } catch (x) {
        const m = own(x, MESSAGE);
        if (
          engineOnly ||
          (tryRead(gDomCode, x) as number) >= 0 ||
          (isStr(m) && (apply(starts, m, ['Failed to ']) || m === 'Illegal invocation'))
        )
          capture?.(x as object, h);
        throw x;
      }
      try {
        track?.(made as never, s as unknown[]);
      } catch {
        // Recording must never break the page.
      }
      return made;
    };
    return h;
  };
  return {
    invoke: apply,
    bindTo,
    trap: (target, fn, engineOnly) =>
      new NativeProxy(target, { __proto__: null, apply: clean(fn as AnyFn, engineOnly) } as ProxyHandler<
        typeof target
      >),
    ctor: (target, track) =>
      new NativeProxy(target, {
        __proto__: null,
        // Through a function of the hook's, as it always was: an error the native throws carries as many of
        // the hook's frames (Firefox keeps them in the page's view of its stack).
        construct: clean((t, a, nt) => construct(t as AnyFn, a as unknown[], nt as AnyFn), false, track),
        get: (t: Record<PropertyKey, unknown>, k: PropertyKey, r: unknown) =>
          k === 'caller' || k === 'arguments' ? t[k] : get(t, k, r),
      } as ProxyHandler<typeof target>),
    arg,
    conv: (list, i) => {
      const x = arg(list, i) as Record<PropertyKey, unknown>;
      const hint = i ? 'string' : 'number';
      if (!isObj(x) || revoked(x)) return x;
      const m = x[toPrim];
      let p: unknown = x;
      if (m != null) {
        if (!isFn(m)) return x;
        p = apply(m as AnyFn, x, [hint]);
      } else {
        // OrdinaryToPrimitive: valueOf then toString for a number, the other way round for a string.
        const names = i ? [TO_STRING, VALUE_OF] : [VALUE_OF, TO_STRING];
        for (let j = 0; isObj(p) && j < 2; j++) {
          const f = x[names[j] as string];
          if (isFn(f)) p = apply(f, x, []);
        }
      }
      list[i] = { [toPrim]: () => p };
      // A reason's string, made here where that runs no page code (and cannot throw): undefined is "undefined".
      return i && !isObj(p) && typeof p != 'symbol' ? `${p as string}` : p;
    },
    // Only a Symbol or a BigInt makes ToNumber throw (the engine's TypeError, caught here): no page code runs.
    num: (v) => {
      try {
        return !isObj(v) && (+(v as number) || true);
      } catch {
        // false (undefined)
      }
    },
    revoked,
    read,
    getter,
    gopd,
    tryRead,
    // Enumerable, so a posted array keeps it (structured cloning copies enumerable properties only).
    push: (a, v) => {
      defineProperty(a, a.length, { __proto__: null, value: v, enumerable: true } as PropertyDescriptor);
    },
    isObj,
    own,
    store: <K, V>(strong?: boolean): Store<K, V> => {
      // Stores are made at install, before any page script: the methods read here are the natives.
      const C = strong ? NativeMap : NativeWeakMap;
      const m = new C();
      const P = C[PROTO] as Map<K, V>;
      return [
        bindTo(P.get as AnyFn, m) as (k: K) => V | undefined,
        bindTo(P.set as AnyFn, m),
        bindTo(P.delete as AnyFn, m),
      ];
    },
    size: (d, blobFirst) =>
      isStr(d) ? d.length : ((blobFirst ? tryRead(gBlob, d) : undefined) ?? byteLength(d) ?? tryRead(gBlob, d) ?? -1),
    copy: (d, max) => {
      const length = byteLength(d);
      if (length === undefined) return undefined;
      const g = isView(d) && viewGetters(d);
      const n = length < max ? length : max;
      try {
        const c = construct(U8, [n]) as Uint8Array;
        apply(taSet, c, [construct(U8, g ? [read(g[1] as AnyFn, d), read(g[2] as AnyFn, d), n] : [d, 0, n])]);
        return c;
      } catch {
        return construct(U8, [0]) as Uint8Array; // detached or shrunk since: the size is still known
      }
    },
    // A slice of a short new string: the engine copies the prefix into it (a concatenation is made flat
    // before it is sliced), so the slice shares nothing with the message.
    head: (s, units) => apply(slice, ` ${apply(slice, s, [0, units]) as string}`, [1]) as string,
    captureStack: capture as (o: object) => void,
    stop: (e) => apply(stopNow, e, []),
    fire: (t, e) => apply(dispatch, t, [e]),
    state: (ws) => read(gState, ws) as number,
    msgData: (e) => read(gData, e),
    listen: (target, type, fn, opts = true) =>
      apply(addEL, target, [
        type,
        (e: Event) => {
          try {
            fn(e);
          } catch {
            // never surface hook errors to the page
          }
        },
        opts,
      ]),
  };
};
