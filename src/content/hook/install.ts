/**
 * Installs the WebSocket hook into one window. Transparency rules (see
 * docs/ARCHITECTURE.md, "The hook"): the page must not be able to tell by
 * ordinary means that WebSocket is wrapped, so
 * - the constructor and prototype methods are Proxies of the natives (name,
 *   length, statics, prototype, errors and `new.target` all forward),
 * - Function.prototype.toString is masked so wrapped functions print as native,
 * - every native we call later is saved now, before page scripts can replace it,
 * - untrusted (page-dispatched) events are ignored, and our listeners never throw.
 */
import { HOOK_HELLO_TAG, type HookEvent } from '../../protocol/messages';
import { emptyCounters, type MessageCounters } from '../../protocol/recording';
import { hookStream } from './stream';
import { createToStringMask } from './mask';
import { createSimulator } from './simulate';
import type { HookCommand } from '../../protocol/messages';

/** Per-socket state. Counters are the only per-message work. */
export interface SocketRec {
  k: number;
  c: MessageCounters;
  done: boolean;
}

export interface HookContext {
  emit(ev: HookEvent): void;
  now(): number;
  stack(): string;
  apply: typeof Reflect.apply;
  mask: (wrapper: object, original: object) => void;
  nextK(): number;
  /** Requested subprotocols, read without re-iterating page objects. */
  protocolsOf(p: unknown): string[];
}

type AnyFn = (...args: unknown[]) => unknown;

export function installHook(win: Window & typeof globalThis): void {
  const NativeWS = win.WebSocket;
  if (typeof NativeWS !== 'function') return;
  const { apply, construct, defineProperty, getOwnPropertyDescriptor } = Reflect;
  const perf = win.performance;
  const perfNow = perf.now;
  const timeOrigin = perf.timeOrigin;
  const NativeError = win.Error;
  const addEL = win.EventTarget.prototype.addEventListener;
  const portPost = win.MessagePort.prototype.postMessage;
  const WM = win.WeakMap;
  const isArray = Array.isArray;
  const wmGet = WM.prototype.get;
  const wmSet = WM.prototype.set;
  const proto = NativeWS.prototype;
  const getter = (name: string) => getOwnPropertyDescriptor(proto, name)?.get as AnyFn;
  const gUrl = getter('url');
  const gState = getter('readyState');
  const gProtocol = getter('protocol');
  const gExt = getter('extensions');

  const channel = new win.MessageChannel();
  const port = channel.port1;
  const recs = new WM<object, SocketRec>();
  let k = 0;

  const protocolsOf = (p: unknown): string[] => {
    // Never re-iterate page objects (a generator would be exhausted, getters would run twice).
    if (typeof p === 'string') return [p];
    const out: string[] = [];
    if (isArray(p)) for (let i = 0; i < p.length && i < 64; i++) out[i] = typeof p[i] === 'string' ? (p[i] as string) : '?';
    return out;
  };

  const ctx: HookContext = {
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
    apply,
    mask: createToStringMask(win, apply),
    nextK: () => ++k,
    protocolsOf,
  };
  const { emit, now } = ctx;
  const sim = createSimulator(win, apply, getOwnPropertyDescriptor(proto, 'close')?.value as AnyFn, gState);

  const size = (d: unknown): number =>
    typeof d === 'string' ? d.length : typeof d === 'object' && d !== null ? ((d as { byteLength?: number; size?: number }).byteLength ?? (d as { size?: number }).size ?? 0) : 0;


  const track = (ws: WebSocket, args: unknown[]) => {
    const rec: SocketRec = { k: ctx.nextK(), c: emptyCounters(), done: false };
    apply(wmSet, recs, [ws, rec]);
    emit({ t: 'socket', k: rec.k, api: 'WebSocket', url: apply(gUrl, ws, []) as string, protocols: protocolsOf(args[1]), at: now(), stack: ctx.stack() });
    sim.remember(rec.k, ws);
    const trusted = (e: Event) => e.isTrusted || sim.isSimulated(e);
    const c = rec.c;
    apply(addEL, ws, ['open', (e: Event) => {
      if (trusted(e)) emit({ t: 'open', k: rec.k, at: now(), protocol: apply(gProtocol, ws, []) as string, extensions: apply(gExt, ws, []) as string });
    }]);
    apply(addEL, ws, ['message', (e: MessageEvent) => {
      if (e.isTrusted) {
        c.receivedMessages++;
        c.receivedSize += size(e.data);
      }
    }]);
    apply(addEL, ws, ['error', (e: Event) => {
      if (e.isTrusted && sim.intercept(ws, e)) return;
      if (trusted(e)) emit({ t: 'error', k: rec.k, at: now(), ...(e.isTrusted ? {} : { sim: true }) });
    }]);
    apply(addEL, ws, ['close', (e: CloseEvent) => {
      // A simulated close swallows the real one here, before any page listener runs.
      if (e.isTrusted && sim.intercept(ws, e)) return;
      if (!trusted(e) || rec.done) return;
      rec.done = true;
      sim.forget(rec.k);
      emit({ t: 'close', k: rec.k, at: now(), code: e.code, reason: e.reason, wasClean: e.wasClean, counters: { ...c }, ...(e.isTrusted ? {} : { sim: true }) });
    }]);
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

  // One WeakMap lookup per call; readyState is read only for close() (send is the hot path).
  const wrapMethod = (name: 'send' | 'close', after: (rec: SocketRec, args: unknown[], rs: number) => void, needsState: boolean) => {
    const desc = getOwnPropertyDescriptor(proto, name);
    const original = desc?.value as AnyFn | undefined;
    if (!desc || typeof original !== 'function') return;
    const wrapped = new Proxy(original, {
      apply(target, thisArg, args: unknown[]) {
        const rec = typeof thisArg === 'object' && thisArg !== null ? (apply(wmGet, recs, [thisArg]) as SocketRec | undefined) : undefined;
        const rs = rec && needsState ? (apply(gState, thisArg, []) as number) : -1;
        const result = apply(target, thisArg, args);
        if (rec) {
          try {
            after(rec, args, rs);
          } catch {
            // never surface hook errors
          }
        }
        return result;
      },
    });
    ctx.mask(wrapped, original);
    defineProperty(proto, name, { ...desc, value: wrapped });
  };

  wrapMethod(
    'send',
    (rec, args) => {
      rec.c.sentMessages++;
      rec.c.sentSize += size(args[0]);
    },
    false,
  );
  wrapMethod('close', (rec, args, rs) => {
    const code = typeof args[0] === 'number' ? args[0] : typeof args[0] === 'string' ? +args[0] : undefined;
    const reason = typeof args[1] === 'string' ? args[1] : undefined;
    emit({ t: 'close-call', k: rec.k, at: now(), readyState: rs, stack: ctx.stack(), ...(code !== undefined && !Number.isNaN(code) ? { code } : {}), ...(reason !== undefined ? { reason } : {}) });
  }, true);

  ctx.mask(WSProxy, NativeWS);
  const ctorDesc = getOwnPropertyDescriptor(proto, 'constructor');
  if (ctorDesc) defineProperty(proto, 'constructor', { ...ctorDesc, value: WSProxy });
  const winDesc = getOwnPropertyDescriptor(win, 'WebSocket');
  defineProperty(win, 'WebSocket', { ...(winDesc ?? { writable: true, enumerable: false, configurable: true }), value: WSProxy });

  hookStream(win, ctx);

  // Commands from the panel (issue 7) arrive on the private port: the page cannot send them.
  port.onmessage = (e: MessageEvent) => sim.run(e.data as HookCommand);
  // Hand the private port to the relay; its capture listener takes it before any page listener.
  win.postMessage({ [HOOK_HELLO_TAG]: 1 }, '*', [channel.port2]);
}
