/**
 * Installs the WebSocket hook into one window. Transparency rules (see
 * docs/ARCHITECTURE.md, "The hook"): the page must not be able to tell by
 * ordinary means that WebSocket is wrapped, so
 * - the constructor and prototype methods are Proxies of the natives (name,
 *   length, statics, prototype, errors and `new.target` all forward),
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
 */
import {
  HOOK_PORT_REPLY,
  HOOK_PORT_REQUEST,
  type HookCommand,
  type HookCounters,
  type HookEvent,
} from '../../protocol/messages';
import { hookStream } from './stream';
import { createToStringMask, type Swap } from './mask';
import { createSimulator } from './simulate';
import { saveNatives, type AnyFn, type Natives, type Store } from './natives';
import { newRing, ringPush, ringRaw, type Ring } from './ring';
import type { Stall } from './stall';

/** Per-socket state. Per message: counters, and one slot write in a ring while capture may be on. */
export interface SocketRec {
  k: number;
  /** [sentMessages, sentSize, receivedMessages, receivedSize], as posted (HookCounters). */
  c: HookCounters;
  done: boolean;
  /** A message of unknown size was counted (0 added to the size). */
  u: boolean;
  rin: Ring;
  rout: Ring;
  /** A simulated close or drop under way: the real close event it causes is swallowed. */
  p?: { code: number; reason: string; wasClean: boolean; error: boolean };
  /** A simulated stall under way. */
  s?: Stall;
}

/** Content capture for this document's site: unknown until the relay says (kept in the ring only). */
const enum Capture {
  Unknown,
  On,
  Off,
}

export interface HookContext {
  n: Natives;
  emit(ev: HookEvent): void;
  /** Epoch milliseconds, from the page's clock as it was at install. */
  clock(): number;
  /** A stack trace of the current call. */
  trace(): string;
  /** Replaces a function property by a masked wrapper (mask.ts). */
  swap: Swap;
  nextK(): number;
  /** Requested subprotocols as strings, read from own data properties only. */
  protocolsOf(p: unknown): string[];
  recOf(ws: unknown): SocketRec | undefined;
  /** Records a close() call (with its stack) on socket `k`. */
  closeCall(k: number, readyState: number, code: number | undefined, reason: string | undefined): void;
  /**
   * Live WebSockets by number, for the simulation commands; a socket leaves at its close event. (A
   * connecting or open socket with listeners, as every socket has the hook's, is never collected.)
   */
  sockets: Store<number, object>;
}

export function installHook(win: Window & typeof globalThis): void {
  const NativeWS = win.WebSocket;
  if (typeof NativeWS !== 'function') return;
  const n = saveNatives(win);
  const { apply, read, getter, own, isObj } = n;
  const { construct, ownKeys } = Reflect;
  const perf = win.performance;
  const perfNow = perf.now;
  const timeOrigin = perf.timeOrigin;
  const NativeError = win.Error;
  const ET = win.EventTarget.prototype;
  const addEL = ET.addEventListener;
  const removeEL = ET.removeEventListener;
  const portPost = win.MessagePort.prototype.postMessage;
  const isArray = Array.isArray;
  const proto = NativeWS.prototype;
  const gUrl = getter(proto, 'url');
  const gProtocol = getter(proto, 'protocol');
  const gExt = getter(proto, 'extensions');
  const gBinary = getter(proto, 'binaryType');
  const CE = win.CloseEvent.prototype;
  const gCode = getter(CE, 'code');
  const gReason = getter(CE, 'reason');
  const gClean = getter(CE, 'wasClean');
  const gData = getter(win.MessageEvent.prototype, 'data');
  let capture = Capture.Unknown;

  const channel = new win.MessageChannel();
  const port = channel.port1;
  const [recOf, setRec] = n.store<unknown, SocketRec>();
  const sockets = n.store<number, object>(true);
  let k = 0;

  const emit = (ev: HookEvent) => {
    try {
      apply(portPost, port, [ev]);
    } catch {
      // The port is gone (document tearing down): nothing to report to.
    }
  };
  const now = () => timeOrigin + (apply(perfNow, perf, []) as number);
  const stack = () => {
    try {
      const st = new NativeError().stack;
      return typeof st === 'string' ? st : '';
    } catch {
      return '';
    }
  };
  const ctx: HookContext = {
    n,
    emit,
    clock: now,
    trace: stack,
    swap: createToStringMask(win, n),
    nextK: () => ++k,
    protocolsOf: (p) => {
      // Never re-read through page getters or iterators: the browser already did, once.
      if (typeof p === 'string') return [p];
      const out: string[] = [];
      const len = isArray(p) ? own(p, 'length') : 0;
      for (let i = 0; i < (len as number) && i < 64; i++) {
        const v = own(p, i);
        n.push(out, typeof v === 'string' ? v : '?');
      }
      return out;
    },
    // Only objects are ever keys: a primitive `this` would make WeakMap.get return undefined anyway.
    recOf: (o) => (isObj(o) ? recOf(o) : undefined),
    sockets,
    closeCall: (k, readyState, code, reason) =>
      emit({ t: 'close-call', k, at: now(), readyState, stack: stack(), code, reason }),
  };
  const sim = createSimulator(win, ctx, n.own(proto, 'close') as AnyFn);
  const count = (rec: SocketRec, d: unknown, sent: boolean, blobFirst: boolean) => {
    const size = n.size(d, blobFirst);
    const c = rec.c;
    const i = sent ? 0 : 2;
    c[i]++;
    if (size < 0) rec.u = true;
    else c[(i + 1) as 1 | 3] += size;
    if (capture !== Capture.Off) ringPush(sent ? rec.rout : rec.rin, d, now());
  };
  const on = (ws: WebSocket, type: string, fn: (e: Event) => unknown, useCapture?: boolean) =>
    apply(addEL, ws, [
      type,
      (e: Event) => {
        try {
          fn(e);
        } catch {
          // never surface hook errors to the page
        }
      },
      useCapture,
    ]);

  const track = (ws: WebSocket, args: unknown[]) => {
    const rec = {
      __proto__: null,
      k: ++k,
      c: [0, 0, 0, 0],
      done: false,
      u: false,
      rin: newRing(),
      rout: newRing(),
    } as unknown as SocketRec;
    const kk = rec.k;
    setRec(ws, rec);
    emit({
      t: 'socket',
      k: kk,
      api: 'WebSocket',
      url: read(gUrl, ws) as string,
      protocols: ctx.protocolsOf(args[1]),
      at: now(),
      stack: stack(),
    });
    sockets[1](kk, ws);
    const trusted = (e: Event) => e.isTrusted || sim.isOwn(e);
    on(
      ws,
      'open',
      (e) =>
        trusted(e) &&
        emit({
          t: 'open',
          k: kk,
          at: now(),
          protocol: read(gProtocol, ws) as string,
          extensions: read(gExt, ws) as string,
        }),
    );
    // Capture phase: at the target the browser runs capture listeners first, so a stall can withhold
    // the message from every page listener, capturing or not.
    on(
      ws,
      'message',
      (e) => {
        if (!e.isTrusted) return;
        const d = read(gData, e);
        count(rec, d, false, read(gBinary, ws) === 'blob');
        sim.holdIncoming(rec, e as MessageEvent, d);
      },
      true,
    );
    on(
      ws,
      'error',
      (e) =>
        (e.isTrusted && sim.intercept(rec, ws, e)) ||
        (trusted(e) && emit({ t: 'error', k: kk, at: now(), sim: !e.isTrusted })),
    );
    on(ws, 'close', (e) => {
      // A simulated close swallows the real one here, before any page listener runs.
      if ((e.isTrusted && sim.intercept(rec, ws, e, true)) || !trusted(e) || rec.done) return;
      rec.done = true;
      sockets[2](kk);
      sim.end(rec, ws);
      emit({
        t: 'close',
        k: kk,
        at: now(),
        code: read(gCode, e) as number,
        reason: read(gReason, e) as string,
        wasClean: read(gClean, e) as boolean,
        counters: rec.c,
        unsized: rec.u,
        sim: !e.isTrusted,
        last: capture === Capture.On ? [ringRaw(rec.rin, n), ringRaw(rec.rout, n)] : undefined,
      });
    });
  };

  const { swap } = ctx;
  // send is the hot path: one WeakMap lookup, a counter and one ring slot. A stalled socket holds
  // the page's sends instead of passing them to the network.
  swap(
    proto,
    'send',
    (send: AnyFn) =>
      new Proxy(send, {
        apply(target, thisArg, args) {
          const rec = ctx.recOf(thisArg);
          const result =
            rec && sim.holdOutgoing(rec, thisArg as object, args[0]) ? undefined : apply(target, thisArg, args);
          if (rec) count(rec, args[0], true, false);
          return result;
        },
      }),
  );
  swap(
    proto,
    'close',
    (close: AnyFn) =>
      new Proxy(close, {
        apply(target, thisArg, args) {
          const rec = ctx.recOf(thisArg);
          if (!rec) return apply(target, thisArg, args);
          const rs = n.state(thisArg as object);
          // Objects are converted here, once, as the browser's bindings would, and the browser gets the
          // primitive: the page's valueOf/toString run once and the record has what the browser used.
          // A key of a fresh literal is ToString of a reason, except that a Symbol stays a Symbol, for the
          // browser to reject with its own message. Primitives go through untouched.
          if (isObj(args[0])) args[0] = +(args[0] as unknown as number);
          if (isObj(args[1])) args[1] = ownKeys({ [args[1] as unknown as string]: 0 })[0];
          const result = apply(target, thisArg, args);
          const code = args[0];
          const reason = args[1];
          ctx.closeCall(
            rec.k,
            rs,
            code === undefined ? code : +(code as number),
            reason === undefined ? reason : `${reason as string}`,
          );
          return result;
        },
      }),
  );
  const WSProxy = new Proxy(NativeWS, {
    construct(target, args, newTarget) {
      const ws = construct(target, args, newTarget) as WebSocket;
      try {
        track(ws, args);
      } catch {
        // Recording must never break the page.
      }
      return ws;
    },
  });
  swap(win, 'WebSocket', () => WSProxy);
  swap(proto, 'constructor', () => WSProxy);

  hookStream(win, ctx);

  // Commands from the panel arrive on the private port: the page cannot send them. `data` is
  // read through the saved getter: a page getter on MessageEvent.prototype would get the port.
  // The relay also says whether to keep message content for this site.
  port.onmessage = (e: MessageEvent) => {
    const cmd = read(gData, e) as HookCommand;
    if (typeof cmd === 'object' && cmd !== null && cmd.t === 'capture')
      capture = cmd.on === true ? Capture.On : Capture.Off;
    else sim.run(cmd);
  };
  // The relay, injected right after this script and before any page script, asks for the port
  // with a synchronous event and gets it in a synchronous reply. Nothing is left in flight, so a
  // document.open() from another frame cannot erase the relay's listener while the port is posted.
  const give = () => {
    apply(removeEL, win, [HOOK_PORT_REQUEST, give, true]);
    n.fire(win, new win.MessageEvent(HOOK_PORT_REPLY, { __proto__: null, ports: [channel.port2] } as MessageEventInit));
  };
  apply(addEL, win, [HOOK_PORT_REQUEST, give, true]);
}
