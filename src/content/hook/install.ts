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
 * only primitives are emitted, so no page code runs inside `emit`.
 */
import { HOOK_PORT_REPLY, HOOK_PORT_REQUEST, type HookCommand, type HookEvent } from '../../protocol/messages';
import { emptyCounters, type MessageCounters } from '../../protocol/recording';
import { hookStream } from './stream';
import { createToStringMask } from './mask';
import { createSimulator } from './simulate';
import { saveNatives, type AnyFn, type Natives } from './natives';
import { createSerializer, newRing, ringPush, saveRingNatives, type Ring } from './ring';
import { createStaller } from './stall';

/** Per-socket state. Per message: counters, and one slot write in a ring while capture may be on. */
export interface SocketRec {
  k: number;
  c: MessageCounters;
  done: boolean;
  /** A message of unknown size was counted (0 added to the size). */
  u?: boolean;
  rin: Ring;
  rout: Ring;
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
  now(): number;
  stack(): string;
  mask: (wrapper: object, original: object) => void;
  nextK(): number;
  /** Requested subprotocols as strings, read from own data properties only. */
  protocolsOf(p: unknown): string[];
}

export function installHook(win: Window & typeof globalThis): void {
  const NativeWS = win.WebSocket;
  if (typeof NativeWS !== 'function') return;
  const n = saveNatives(win);
  const { apply, read, getter, own } = n;
  const { construct, defineProperty, getOwnPropertyDescriptor, ownKeys } = Reflect;
  const isObj = (v: unknown): boolean => (typeof v === 'object' && v !== null) || typeof v === 'function';
  const perf = win.performance;
  const perfNow = perf.now;
  const timeOrigin = perf.timeOrigin;
  const NativeError = win.Error;
  const addEL = win.EventTarget.prototype.addEventListener;
  const removeEL = win.EventTarget.prototype.removeEventListener;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const portPost = win.MessagePort.prototype.postMessage;
  const WM = win.WeakMap;
  const isArray = Array.isArray;
  const wmGet = WM.prototype.get;
  const wmSet = WM.prototype.set;
  const proto = NativeWS.prototype;
  const gUrl = getter(proto, 'url');
  const gState = getter(proto, 'readyState');
  const gProtocol = getter(proto, 'protocol');
  const gExt = getter(proto, 'extensions');
  const gBinary = getter(proto, 'binaryType');
  const CE = win.CloseEvent.prototype;
  const gCode = getter(CE, 'code');
  const gReason = getter(CE, 'reason');
  const gClean = getter(CE, 'wasClean');
  const gData = getter(win.MessageEvent.prototype, 'data');
  const gType = getter(win.Event.prototype, 'type');

  const ringNatives = saveRingNatives(win);
  const serialize = createSerializer(ringNatives);
  let capture = Capture.Unknown;

  const channel = new win.MessageChannel();
  const port = channel.port1;
  const recs = new WM<object, SocketRec>();
  let k = 0;

  const protocolsOf = (p: unknown): string[] => {
    // Never re-read through page getters or iterators: the browser already did, once.
    if (typeof p === 'string') return [p];
    const out: string[] = [];
    const len = isArray(p) ? own(p, 'length') : 0;
    for (let i = 0; i < (len as number) && i < 64; i++) {
      const v = own(p, i);
      // defineProperty: `out[i] =` would run a setter the page put on Array.prototype.
      defineProperty(out, i, { __proto__: null, value: typeof v === 'string' ? v : '?', writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
    }
    return out;
  };

  const ctx: HookContext = {
    n,
    emit: (ev) => {
      try {
        apply(portPost, port, [ev]);
      } catch {
        // The port is gone (document tearing down): nothing to report to.
      }
    },
    now: () => timeOrigin + (apply(perfNow, perf, []) as number),
    stack: () => {
      try {
        const st = new NativeError().stack;
        return typeof st === 'string' ? st : '';
      } catch {
        return '';
      }
    },
    mask: createToStringMask(win, apply),
    nextK: () => ++k,
    protocolsOf,
  };
  const { emit, now } = ctx;
  const sim = createSimulator(win, apply, getOwnPropertyDescriptor(proto, 'close')?.value as AnyFn, gState, gType);
  const stall = createStaller({
    win, nat: ringNatives, emit, now, gState, markOwn: sim.markOwn,
    nativeSend: getOwnPropertyDescriptor(proto, 'send')?.value as AnyFn | undefined,
  });
  const recOf = (o: unknown) => (typeof o === 'object' && o !== null ? (apply(wmGet, recs, [o]) as SocketRec | undefined) : undefined);
  const count = (rec: SocketRec, size: number, sent: boolean) => {
    const c = rec.c;
    if (sent) c.sentMessages++;
    else c.receivedMessages++;
    if (size < 0) rec.u = true;
    else if (sent) c.sentSize += size;
    else c.receivedSize += size;
  };
  const on = (ws: WebSocket, type: string, fn: (e: Event) => void, useCapture = false) =>
    apply(addEL, ws, [type, (e: Event) => {
      try {
        fn(e);
      } catch {
        // never surface hook errors to the page
      }
    }, useCapture]);

  const track = (ws: WebSocket, args: unknown[]) => {
    const rec: SocketRec = { k: ctx.nextK(), c: emptyCounters(), done: false, rin: newRing(), rout: newRing() };
    apply(wmSet, recs, [ws, rec]);
    emit({ t: 'socket', k: rec.k, api: 'WebSocket', url: read(gUrl, ws) as string, protocols: protocolsOf(args[1]), at: now(), stack: ctx.stack() });
    sim.remember(rec.k, ws);
    const trusted = (e: Event) => e.isTrusted || sim.isSimulated(e);
    on(ws, 'open', (e) => {
      if (trusted(e)) emit({ t: 'open', k: rec.k, at: now(), protocol: read(gProtocol, ws) as string, extensions: read(gExt, ws) as string });
    });
    // Capture phase: at the target the browser runs capture listeners first, so a stall can withhold
    // the message from every page listener, capturing or not.
    on(ws, 'message', (e) => {
      if (!e.isTrusted) return;
      const d = read(gData, e);
      count(rec, typeof d === 'string' ? d.length : n.byteSize(d, read(gBinary, ws) === 'blob'), false);
      if (capture !== Capture.Off) ringPush(rec.rin, d, now());
      stall.holdIncoming(ws, e as MessageEvent, d);
    }, true);
    on(ws, 'error', (e) => {
      if (e.isTrusted && sim.intercept(ws, e)) return;
      if (trusted(e)) emit({ t: 'error', k: rec.k, at: now(), ...(e.isTrusted ? {} : { sim: true }) });
    });
    on(ws, 'close', (e) => {
      // A simulated close swallows the real one here, before any page listener runs.
      if (e.isTrusted && sim.intercept(ws, e)) return;
      if (!trusted(e) || rec.done) return;
      rec.done = true;
      sim.forget(rec.k);
      stall.closed(ws);
      emit({
        t: 'close', k: rec.k, at: now(), code: read(gCode, e) as number, reason: read(gReason, e) as string, wasClean: read(gClean, e) as boolean,
        counters: { ...rec.c }, ...(rec.u ? { unsized: true } : {}), ...(e.isTrusted ? {} : { sim: true }),
        ...(capture === Capture.On ? { last: serialize(rec.rin, rec.rout) } : {}),
      });
    });
  };

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

  const wrap = (name: 'send' | 'close', trap: (target: AnyFn, thisArg: unknown, args: unknown[]) => unknown) => {
    const desc = getOwnPropertyDescriptor(proto, name);
    const original = desc?.value as AnyFn | undefined;
    if (!desc || typeof original !== 'function') return;
    const wrapped = new Proxy(original, { apply: trap });
    ctx.mask(wrapped, original);
    defineProperty(proto, name, { ...desc, value: wrapped });
  };

  // send is the hot path: one WeakMap lookup, a counter and one ring slot. A stalled socket holds
  // the page's sends instead of passing them to the network.
  wrap('send', (target, thisArg, args) => {
    const rec = recOf(thisArg);
    const result = rec && stall.holdOutgoing(thisArg as object, args[0]) ? undefined : apply(target, thisArg, args);
    if (rec) {
      const d = args[0];
      count(rec, typeof d === 'string' ? d.length : n.byteSize(d, false), true);
      if (capture !== Capture.Off) ringPush(rec.rout, d, now());
    }
    return result;
  });
  wrap('close', (target, thisArg, args) => {
    const rec = recOf(thisArg);
    if (!rec) return apply(target, thisArg, args);
    const rs = read(gState, thisArg) as number;
    // Objects are converted here, once, as the browser's bindings would, and the browser gets the
    // primitive: the page's valueOf/toString run once and the record has what the browser used.
    // A key of a fresh literal is ToString of a reason, except that a Symbol stays a Symbol, for the
    // browser to reject with its own message. Primitives go through untouched.
    if (isObj(args[0])) args[0] = +(args[0] as number);
    if (isObj(args[1])) args[1] = ownKeys({ [args[1] as string]: 0 })[0];
    const result = apply(target, thisArg, args);
    const code = args[0];
    const reason = args[1];
    emit({
      t: 'close-call', k: rec.k, at: now(), readyState: rs, stack: ctx.stack(),
      ...(code !== undefined ? { code: +(code as number) } : {}), ...(reason !== undefined ? { reason: `${reason as string}` } : {}),
    });
    return result;
  });

  ctx.mask(WSProxy, NativeWS);
  const ctorDesc = getOwnPropertyDescriptor(proto, 'constructor');
  if (ctorDesc) defineProperty(proto, 'constructor', { ...ctorDesc, value: WSProxy });
  const winDesc = getOwnPropertyDescriptor(win, 'WebSocket');
  defineProperty(win, 'WebSocket', { ...(winDesc ?? { writable: true, enumerable: false, configurable: true }), value: WSProxy });

  hookStream(win, ctx);

  // Commands from the panel arrive on the private port: the page cannot send them. `data` is
  // read through the saved getter: a page getter on MessageEvent.prototype would get the port.
  // The relay also says whether to keep message content for this site, and asks for stalls.
  port.onmessage = (e: MessageEvent) => {
    const cmd = read(gData, e) as HookCommand;
    if (typeof cmd !== 'object' || cmd === null) return;
    if (cmd.t === 'capture') capture = cmd.on === true ? Capture.On : Capture.Off;
    else if (cmd.t === 'simulate-stall') {
      const ws = sim.socketOf(cmd.k);
      if (ws && typeof cmd.seconds === 'number' && cmd.seconds > 0) stall.start(cmd.k, ws, cmd.seconds);
    } else sim.run(cmd);
  };
  // The relay, injected right after this script and before any page script, asks for the port
  // with a synchronous event and gets it in a synchronous reply. Nothing is left in flight, so a
  // document.open() from another frame cannot erase the relay's listener while the port is posted.
  const give = () => {
    apply(removeEL, win, [HOOK_PORT_REQUEST, give, true]);
    const init = { __proto__: null, ports: [channel.port2] } as MessageEventInit;
    apply(dispatch, win, [new win.MessageEvent(HOOK_PORT_REPLY, init)]);
  };
  apply(addEL, win, [HOOK_PORT_REQUEST, give, true]);
}
