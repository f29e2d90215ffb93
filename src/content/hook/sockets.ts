/**
 * The WebSocket part of the hook. WebSocket, and its prototype's send and close, become
 * Proxies of the natives: name, length, statics, prototype, thrown errors and `new.target`
 * all forward, so `instanceof`, subclassing and feature checks see the browser's own
 * objects. Each socket constructed is followed from then on: a record, the 'socket' event,
 * and the hook's own listeners, registered before the page can add any, for open, message,
 * error and close. Messages are counted and their references kept in a ring (no copy); the
 * ring is turned into text only at the close, and only where content capture is on.
 */
import type { HookContext, SocketRec } from './context';
import { newRing, ringPush, ringRaw } from './ring';
import { CLOSE, CTOR, ERROR, isStr, MESSAGE, PROTO, WS, type AnyFn } from './natives';
import type { Simulator } from './simulate';

/** Content capture for this document's site: unknown until the relay says (kept in the ring only). */
const enum Capture {
  Unknown,
  On,
  Off,
}

/** Installs the Proxies; returns how to set content capture (the relay's answer for this site). */
export const wrapWebSocket = (
  win: Window & typeof globalThis,
  ctx: HookContext,
  sim: Simulator,
): ((capture: boolean) => void) => {
  const { n, emit, clock: now, swap } = ctx;
  const { invoke: apply, read, getter, isObj, listen: on } = n;
  const NativeWS = win[WS];
  const proto = NativeWS[PROTO];
  const gUrl = getter(proto, 'url');
  const gProtocol = getter(proto, 'protocol');
  const gExt = getter(proto, 'extensions');
  const gBinary = getter(proto, 'binaryType');
  const CE = win.CloseEvent[PROTO];
  const gCode = getter(CE, 'code');
  const gReason = getter(CE, 'reason');
  const gClean = getter(CE, 'wasClean');
  let capture = Capture.Unknown;
  // The browser's events (as against the page's, or the hook's simulated ones): one short call in the built file.
  const real = (e: Event) => e.isTrusted;

  const count = (rec: SocketRec, d: unknown, sent: boolean, blobFirst?: boolean) => {
    const size = n.size(d, blobFirst);
    const c = rec.c;
    const i = sent ? 0 : 2;
    c[i]++;
    if (size < 0) rec.u = true;
    else c[(i + 1) as 1 | 3] += size;
    if (capture !== Capture.Off) ringPush(sent ? rec.rout : rec.rin, d, size, now(), n, sent, blobFirst);
  };

  const track = (ws: WebSocket, args: unknown[]) => {
    // No prototype, so a field left absent until it is set (the number, done, unsized) reaches no page
    // accessor on Object.prototype, and absent reads as false.
    const rec = { __proto__: null, c: [0, 0, 0, 0], rin: newRing(), rout: newRing() } as unknown as SocketRec;
    let kk: number;
    ctx.setRec(ws, rec);
    // Numbered last, once no page code can run before it is announced: reading the protocols (a page
    // Proxy's traps) and the stack (Error.prepareStackTrace) may open another socket, which must not
    // take a number before this one and be announced after it (the relay drops a number it has passed).
    emit({
      t: 'socket',
      api: WS,
      url: read(gUrl, ws) as string,
      protocols: ctx.protocolsOf(n.arg(args, 1)),
      at: now(),
      stack: ctx.trace(),
      k: (kk = rec.k = ctx.nextK()),
    });
    ctx.sockets[1](kk, ws);
    const trusted = (e: Event) => real(e) || sim.isOwn(e, ws);
    on(
      ws,
      'open',
      (e) =>
        trusted(e) &&
        emit({
          t: 'open',
          k: kk,
          protocol: read(gProtocol, ws) as string,
          extensions: read(gExt, ws) as string,
        }),
    );
    // Like every listener of the hook's, in the capture phase (natives.listen): a stall withholds the
    // message from every page listener, capturing or not.
    on(ws, MESSAGE, (e) => {
      if (!real(e)) return;
      const d = n.msgData(e);
      // binaryType only matters for binary data: a text message costs no extra call into the browser.
      count(rec, d, false, !isStr(d) && read(gBinary, ws) === 'blob');
      sim.holdIncoming(rec, e as MessageEvent, d);
    });
    on(
      ws,
      ERROR,
      (e) => (real(e) && sim.intercept(rec, ws, e)) || (trusted(e) && emit({ t: ERROR, k: kk, sim: !real(e) })),
    );
    on(ws, CLOSE, (e) => {
      // A simulated close swallows the real one here, before any page listener runs.
      if ((real(e) && sim.intercept(rec, ws, e, true)) || !trusted(e) || rec.done) return;
      rec.done = true;
      ctx.sockets[2](kk);
      // Nothing is kept per closed socket: later send() and close() calls on it go straight to the
      // browser, unrecorded (its close is already sent; the relay would ignore them anyway).
      ctx.dropRec(ws);
      sim.end(rec, ws);
      emit({
        t: CLOSE,
        k: kk,
        code: read(gCode, e) as number,
        reason: read(gReason, e) as string,
        wasClean: read(gClean, e) as boolean,
        counters: rec.c,
        unsized: rec.u,
        sim: !real(e),
        last: capture === Capture.On ? [ringRaw(rec.rin), ringRaw(rec.rout)] : undefined,
      });
    });
  };

  // send is the hot path: one WeakMap lookup, a counter and one ring slot. A stalled socket holds
  // the page's sends instead of passing them to the network.
  swap(proto, 'send', (send: AnyFn) =>
    n.trap(send, (target: AnyFn, thisArg: unknown, args: unknown[]) => {
      const rec = ctx.recOf(thisArg);
      // Without its argument the browser throws its own error, before anything is held or counted.
      if (!rec || !args.length) return apply(target, thisArg, args);
      const d = args[0];
      const result = sim.holdOutgoing(rec, thisArg as object, d) ? undefined : apply(target, thisArg, args);
      // Once closing, the browser discards what is sent (it only grows bufferedAmount): not a sent message.
      // A primitive that is no string (a number: a heartbeat of Date.now(), say) went out as its text, which
      // the browser accepted, so making it here runs no page code and cannot throw.
      if (n.state(thisArg as object) < 2) count(rec, isObj(d) ? d : `${d as string}`, true);
      return result;
    }),
  );
  swap(proto, CLOSE, (close: AnyFn) =>
    n.trap(close, (target: AnyFn, thisArg: unknown, args: unknown[]) => {
      const rec = ctx.recOf(thisArg);
      if (!rec) return apply(target, thisArg, args);
      // The arguments are converted here, once, in the browser's order, and the browser finishes what only it
      // words as the page expects (natives.conv): the page's valueOf/toString run as often as without the
      // hook, the record has what the browser used, and the errors are the browser's. A code the browser
      // cannot make a number of ends the conversion there, as in the bindings: the reason is not touched.
      // Arguments past the list's end are absent, never read from Array.prototype (a page getter there).
      const c = n.conv(args, 0);
      const r = n.num(c) ? n.conv(args, 1) : undefined;
      // The state once the arguments are converted, as the browser checks it: a page's valueOf may
      // itself have closed the socket, and then this call does nothing.
      const rs = n.state(thisArg as object);
      const result = apply(target, thisArg, args);
      ctx.closeCall(rec.k, rs, c, r);
      return result;
    }),
  );
  // Through one call more than a stream's (as it always was): the hook's frames above the page's in the stack
  // recorded for a socket count against the page's Error.stackTraceLimit, and each API keeps its number of them.
  const WSProxy = n.ctor(NativeWS, (ws: WebSocket, args) => track(ws, args));
  swap(win, WS, () => WSProxy);
  swap(proto, CTOR, () => WSProxy);
  return (on) => {
    capture = on ? Capture.On : Capture.Off;
  };
};
