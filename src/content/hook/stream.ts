/**
 * WebSocketStream (Chromium): its `opened` and `closed` promises carry the
 * negotiated protocol and the close code and reason. Message counters are not
 * kept for streams (that would mean wrapping the page's readable/writable
 * streams); the recording says 0 and docs/recording-format.md says why.
 *
 * Everything is read through getters saved at install and own data properties,
 * except close()'s options, which the hook reads once for the browser (see there).
 * The constructor's options are handed to the browser as the page gave them (a
 * forwarding Proxy around them showed: a revoked Proxy as options lost the
 * browser's error text); the requested protocols are read afterwards from an own
 * data property, so a getter's value is not recorded (docs/ARCHITECTURE.md,
 * "Threat model", what is accepted).
 * The options' `signal` is not watched: a handshake it aborted is told by how
 * `closed` rejects (an AbortError, not a WebSocketError).
 */
import type { HookContext } from './context';

/** The global, its wrapper's name and the recorded API: one string in the built file. */
const WSS = 'WebSocketStream';
import { CLOSE, CTOR, ERROR, isFn, PROTO, type AnyFn } from './natives';

export const hookStream = (win: Window & typeof globalThis, ctx: HookContext): void => {
  const { [WSS]: Native, WebSocketError } = win as unknown as {
    [WSS]?: new (url: string, opts?: object) => object;
    WebSocketError?: { prototype: object };
  };
  if (!isFn(Native)) return;
  const { emit, clock: now, n } = ctx;
  const { invoke: apply, read, getter, own, isObj } = n;
  const { setPrototypeOf: setProto } = Reflect;
  const PP = win.Promise[PROTO];
  const then = PP.then;
  const proto = Native[PROTO] as Record<string, unknown>;
  const gUrl = getter(proto, 'url');
  const gOpened = getter(proto, 'opened');
  const gClosed = getter(proto, 'closed');
  const WSE = WebSocketError?.[PROTO];
  const gErrCode = WSE && getter(WSE, 'closeCode');
  const gErrReason = WSE && getter(WSE, 'reason');
  const [keyOf, setKey, dropKey] = n.store<unknown, number>();
  // Read from the browser's own objects (a reaction of the hook's runs before any of the page's): a string or absent.
  const str = (v: unknown) => (v as string | undefined) ?? '';

  const Wrapped = n.ctor(Native, (s: object, args) => {
    let k: number;
    // Numbered last, as a WebSocket is (sockets.ts): page code may run in the reads before.
    emit({
      t: 'socket',
      api: WSS,
      url: read(gUrl, s) as string,
      protocols: ctx.protocolsOf(own(n.arg(args, 1), 'protocols')),
      at: now(),
      stack: ctx.trace(),
      k: (k = ctx.nextK()),
    });
    setKey(s, k);
    // Reactions to the stream's promise that `g` reads. then() looks up its result's constructor on the
    // promise (`constructor`, then its @@species): a page getter there would run, and one that throws
    // would leave the stream's open and close unrecorded. For the call the promise has no prototype, so
    // then() takes the realm's own Promise and runs no page code; no page code runs before it is back.
    const watch = (g: AnyFn, fns: AnyFn[], p = read(g, s) as object) => (
      setProto(p, null),
      apply(then, p, fns),
      setProto(p, PP)
    );
    // Once closed, the stream's number is let go (as WebSocket records are at their close event):
    // a WeakMap's table shrinks only on delete(), not when the collector clears dead keys.
    const closed = (code: unknown, fallback: number, reason: unknown, wasClean: boolean) => {
      dropKey(s);
      emit({
        t: CLOSE,
        k,
        // A number, or absent (a WebSocketError's closeCode is null when the browser has none).
        code: (code as number | undefined) ?? fallback,
        reason: str(reason),
        wasClean,
        counters: [0, 0, 0, 0],
      });
    };
    // Chromium marks these promises handled, so attaching reactions changes no unhandled-rejection behaviour.
    watch(gOpened, [
      (v: unknown) => emit({ t: 'open', k, protocol: str(own(v, 'protocol')), extensions: str(own(v, 'extensions')) }),
      () => emit({ t: ERROR, k }),
    ]);
    watch(gClosed, [
      (v: unknown) => closed(own(v, 'closeCode'), 1005, own(v, 'reason'), true),
      (err: unknown) => {
        const code = n.tryRead(gErrCode, err);
        // No WebSocketError: the page's `signal` aborted the handshake (Chromium rejects with an AbortError).
        // That end is the page's, as a WebSocket's close() while connecting is: recorded as its call, first.
        if (gErrCode && code === undefined) ctx.closeCall(k, -1);
        closed(code, 1006, n.tryRead(gErrReason, err), false);
      },
    ]);
  });
  ctx.swap(win, WSS, () => Wrapped);
  ctx.swap(proto, CTOR, () => Wrapped);
  ctx.swap(proto, CLOSE, (close: AnyFn) =>
    n.trap(close, (target: AnyFn, thisArg: unknown, args: unknown[]) => {
      // WeakMap.prototype.get answers undefined for a primitive `this` (it never throws): no check needed.
      // Socket numbers start at 1, so a stream's is never falsy.
      const k = keyOf(thisArg);
      const o = n.arg(args, 0) as { closeCode?: unknown; reason?: unknown };
      let c: unknown, r: unknown;
      // The options are read here, once, as the browser reads a dictionary (its members in order, inherited
      // ones and getters included), each member converted as it is read (natives.conv), and the browser gets
      // what was read, on an object of the hook's with no prototype: the code recorded is the one asked for
      // even when a getter or a Proxy gave it. (Read from own data properties after the call, a class's getter
      // left no code, and the server's echo of it was taken for the server's own close.) A code the browser
      // cannot make a number of ends the reading there, as in the bindings: the reason is not read. Options
      // that are a revoked Proxy go to the browser as they are, for its own error.
      if (k && isObj(o) && !n.revoked(o)) {
        // (The 0 is never read: the browser stops at a code it cannot convert, and else it is replaced.)
        const m = [o.closeCode, 0];
        c = n.conv(m, 0);
        if (n.num(c)) {
          m[1] = o.reason;
          r = n.conv(m, 1);
        }
        args[0] = { __proto__: null, closeCode: m[0], reason: m[1] };
      }
      const result = apply(target, thisArg, args);
      if (k) ctx.closeCall(k, -1, c, r);
      return result;
    }),
  );
};
