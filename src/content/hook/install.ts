/**
 * Installs the WebSocket hook into one window. Transparency rules (see
 * docs/ARCHITECTURE.md, "The pieces", Hook): the page must not be able to tell by
 * ordinary means that WebSocket is wrapped, so
 * - the constructor and prototype methods are Proxies of the natives (sockets.ts),
 * - Function.prototype.toString is masked so wrapped functions print as native,
 * - every native we call later is saved now, before page scripts can replace it,
 * - untrusted (page-dispatched) events are ignored, and our listeners never throw.
 *
 * Threat model (docs/ARCHITECTURE.md): the built file is strict code, so a page's
 * `Error.prepareStackTrace` gets no hook function from `CallSite.getFunction()`;
 * event fields and message data are read through getters saved at install and
 * only primitives and the hook's own objects are emitted, so no page code runs
 * inside `emit`. The hook's records have no prototype: a page getter or setter
 * on Object.prototype never sees them.
 *
 * This file makes the shared context (context.ts) and wires the private port; the
 * hook's parts are built from it: sockets.ts (WebSocket), stream.ts (WebSocketStream),
 * simulate.ts and stall.ts (the panel's simulations).
 */
import { HOOK_PORT_REPLY, HOOK_PORT_REQUEST, type HookCommand } from '../../protocol/messages';
import type { HookContext, SocketRec, Stamped } from './context';
import { createToStringMask } from './mask';
import { CLOSE, isFn, isStr, PROTO, saveNatives, WS, type AnyFn } from './natives';
import { createSimulator } from './simulate';
import { wrapWebSocket } from './sockets';
import { hookStream } from './stream';

export const installHook = (win: Window & typeof globalThis): void => {
  if (!isFn(win[WS])) return;
  const n = saveNatives(win);
  const { invoke: apply, own } = n;
  const perf = win.performance;
  const perfNow = perf.now;
  const timeOrigin = perf.timeOrigin;
  const portPost = win.MessagePort[PROTO].postMessage;
  const channel = new win.MessageChannel();
  const port = channel.port1;
  const [recOf, setRec, dropRec] = n.store<unknown, SocketRec>();
  let k = 0;

  // Read for every message (the ring's time): bound, so no argument array is built per call.
  const perfNowBound = n.bindTo(perfNow as AnyFn, perf);
  const now = () => timeOrigin + (perfNowBound() as number);
  // An event without its own time is stamped here, when it is posted: one clock read in the built
  // file instead of one per event kind. The copy is made by definition from the hook's own literal
  // (its own data properties), so no getter or setter of the page's runs.
  const emit = (ev: Stamped) => {
    try {
      apply(portPost, port, [{ at: now(), ...ev }]);
    } catch {
      // The port is gone (document tearing down): nothing to report to.
    }
  };
  // Written on an object of the hook's own with no prototype: V8 writes an Error's first line from its `name`,
  // read through Error.prototype, and Firefox keeps an Error's `stack` there: a page's getter on either would
  // run inside the hook. (The first line is dropped at the relay anyway.)
  const stack = () => {
    try {
      const o = { __proto__: null } as { stack?: unknown };
      n.captureStack(o);
      const st = o.stack;
      if (isStr(st)) return st;
    } catch {
      // a page's Error.prepareStackTrace threw (or the browser has no Error.captureStackTrace)
    }
    return '';
  };
  const ctx: HookContext = {
    n,
    emit,
    clock: now,
    trace: stack,
    swap: createToStringMask(win, n),
    nextK: () => ++k,
    protocolsOf: (p) => {
      // Never re-read through page getters or iterators: the browser already did, once. No Array.isArray:
      // it throws for a Proxy the page revoked after the browser read it (own() never throws). A primitive
      // is one protocol, as the browser makes a string of it (null asks for "null").
      if (!n.isObj(p)) return p === undefined ? [] : [`${p as string}`];
      const out: string[] = [];
      const len = own(p, 'length') as number;
      // An iterable with no readable length (a Set, a generator, a Proxy whose traps throw here): the
      // browser iterated it, and reading it again could run page code. One unreadable entry, so the
      // recording says something was asked for rather than nothing.
      if (!(len >= 0)) return ['?'];
      for (let i = 0; i < len && i < 64; i++) {
        const v = own(p, i);
        n.push(out, isStr(v) ? v : '?');
      }
      return out;
    },
    // Called with any `this` a page passes to send() or close(): WeakMap.prototype.get answers
    // undefined for a primitive (it never throws), so no check is needed before it.
    recOf,
    setRec,
    dropRec,
    sockets: n.store<number, object>(true),
    // The browser took the code, so a primitive one converts to 1000 or 3000–4999 (0, NaN and '' throw).
    // Both are primitives (or absent): close() hands the browser what it converted, so an object never reaches here.
    closeCall: (k, readyState, code, reason) =>
      emit({
        t: 'close-call',
        k,
        at: now(),
        readyState,
        stack: stack(),
        code: (code as number) && +(code as number),
        reason: reason === undefined ? reason : `${reason as string}`,
      }),
  };
  const sim = createSimulator(win, ctx, own(win[WS][PROTO], CLOSE) as AnyFn);
  const capOn = wrapWebSocket(win, ctx, sim);
  hookStream(win, ctx);

  // Commands from the panel arrive on the private port: the page cannot send them. `data` is
  // read through the saved getter: a page getter on MessageEvent.prototype would get the port.
  // The relay also says whether to keep message content for this site.
  port.onmessage = (e: MessageEvent) => {
    const cmd = n.msgData(e) as HookCommand;
    if (!n.isObj(cmd)) return;
    if (cmd.t === 'capture') capOn(cmd.on === true);
    else sim.run(cmd);
  };
  // The relay, injected right after this script and before any page script, asks for the port with a
  // synchronous event, answered once, and gets it in a synchronous reply. Nothing is left in flight, so
  // a document.open() from another frame cannot erase the relay's listener while the port is posted.
  n.listen(
    win,
    HOOK_PORT_REQUEST,
    () =>
      n.fire(
        win,
        new win.MessageEvent(HOOK_PORT_REPLY, { __proto__: null, ports: [channel.port2] } as MessageEventInit),
      ),
    { __proto__: null, capture: true, once: true } as AddEventListenerOptions,
  );
};
