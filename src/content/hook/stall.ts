/**
 * Simulated stall: a connection that silently stops, as behind a NAT timeout or
 * a sleeping laptop. For the chosen time the socket stays OPEN while
 * - incoming messages are withheld from the page: the hook's own listener (the
 *   first on every socket, in the capture phase) stops each real message event
 *   and keeps its data;
 * - the page's send() calls do not reach the network: the data is kept (binary
 *   data copied at the call, as the browser would) and send() returns normally.
 * When the time is up and the socket is still open, held incoming messages are
 * dispatched to the page in order (as untrusted MessageEvents), then held sends
 * go out in order. If the socket closes during the stall, everything held is
 * dropped: a real silent connection loses it too. Each side holds at most
 * MAX_HELD messages; more are dropped and counted with the held ones.
 */
import type { HookEvent } from '../../protocol/messages';
import type { RingNatives } from './ring';

type AnyFn = (...a: unknown[]) => unknown;

const MAX_HELD = 10_000;

/** A queue as a linked list of literals: no array writes a page-patched prototype could intercept. */
interface Node {
  d: unknown;
  origin: string;
  id: string;
  next: Node | undefined;
}
interface Queue {
  head: Node | undefined;
  tail: Node | undefined;
  n: number;
}

interface Stall {
  k: number;
  inQ: Queue;
  outQ: Queue;
  timer: number;
}

export interface StallDeps {
  win: Window & typeof globalThis;
  nat: RingNatives;
  emit(ev: HookEvent): void;
  now(): number;
  gState: AnyFn;
  nativeSend: AnyFn | undefined;
  /** Marks an event as the hook's own (so the hook's listeners do not count it again). */
  markOwn(e: Event): void;
}

export interface Staller {
  start(k: number, ws: object, seconds: number): boolean;
  /** For each real incoming message event, before any page listener: true when it was withheld. */
  holdIncoming(ws: object, e: MessageEvent, data: unknown): boolean;
  /** Before the native send: true when the send was held instead. */
  holdOutgoing(ws: object, data: unknown): boolean;
  /** The socket closed during the stall: drop what is held. */
  closed(ws: object): void;
}

const queue = (): Queue => ({ head: undefined, tail: undefined, n: 0 });

export function createStaller(deps: StallDeps): Staller {
  const { win, nat, emit, now, gState } = deps;
  const { apply } = nat;
  const stalls = new win.WeakMap<object, Stall>();
  const wmGet = win.WeakMap.prototype.get;
  const wmSet = win.WeakMap.prototype.set;
  const wmDel = win.WeakMap.prototype.delete;
  const setT = win.setTimeout;
  const clearT = win.clearTimeout;
  const stopNow = win.Event.prototype.stopImmediatePropagation;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const NativeMessageEvent = win.MessageEvent;
  const gOrigin = Reflect.getOwnPropertyDescriptor(win.MessageEvent.prototype, 'origin')?.get as AnyFn;
  const gLastId = Reflect.getOwnPropertyDescriptor(win.MessageEvent.prototype, 'lastEventId')?.get as AnyFn;
  const taSet = (Reflect.getOwnPropertyDescriptor(Reflect.getPrototypeOf(win.Uint8Array.prototype) as object, 'set')?.value ?? (() => undefined)) as AnyFn;

  const get = (ws: object) => apply(wmGet, stalls, [ws]) as Stall | undefined;
  const enqueue = (q: Queue, d: unknown, origin: string, id: string) => {
    q.n++;
    if (q.n > MAX_HELD) return;
    const node: Node = { d, origin, id, next: undefined };
    if (q.tail) q.tail.next = node;
    else q.head = node;
    q.tail = node;
  };

  /**
   * What send() would have taken at the call: binary data is copied, a Blob kept (immutable),
   * and anything else converted to a string now, as the native send() does (its errors reach the page).
   */
  const snapshot = (d: unknown): unknown => {
    if (typeof d === 'string') return d;
    if (typeof d !== 'object' || d === null) return `${d as string}`;
    const tryGet = (fn: AnyFn) => {
      try {
        return apply(fn, d, []) as unknown;
      } catch {
        return undefined;
      }
    };
    let buffer: unknown = d;
    let offset = 0;
    let length = tryGet(nat.abLength);
    if (typeof length !== 'number') {
      length = tryGet(nat.taLength);
      if (typeof length === 'number') {
        buffer = tryGet(nat.taBuffer);
        offset = tryGet(nat.taOffset) as number;
      } else {
        length = tryGet(nat.dvLength);
        if (typeof length !== 'number') {
          const size = nat.blobSize ? tryGet(nat.blobSize) : undefined;
          return typeof size === 'number' ? d : `${d as unknown as string}`;
        }
        buffer = tryGet(nat.dvBuffer);
        offset = tryGet(nat.dvOffset) as number;
      }
    }
    try {
      const copy = nat.construct(nat.Uint8, [length]) as Uint8Array;
      apply(taSet, copy, [nat.construct(nat.Uint8, [buffer, offset, length])]);
      return apply(nat.taBuffer, copy, []);
    } catch {
      return d;
    }
  };

  const end = (ws: object, s: Stall, deliver: boolean) => {
    apply(wmDel, stalls, [ws]);
    apply(clearT, win, [s.timer]);
    emit({ t: 'stall-end', k: s.k, at: now(), outcome: deliver ? 'delivered' : 'dropped', heldIn: s.inQ.n, heldOut: s.outQ.n });
    if (!deliver) return;
    for (let m = s.inQ.head; m; m = m.next) {
      try {
        // A null-prototype init: the browser reads every dictionary member, and a page getter on
        // Object.prototype must not run (nor see the data) while the hook is on the stack.
        const init = { __proto__: null, data: m.d, origin: m.origin, lastEventId: m.id } as MessageEventInit;
        const ev = new NativeMessageEvent('message', init);
        deps.markOwn(ev);
        apply(dispatch, ws, [ev]);
      } catch {
        // a page listener's error is reported by the browser, as for any event
      }
      if ((apply(gState, ws, []) as number) !== 1) return; // the page closed it while catching up
    }
    for (let m = s.outQ.head; m; m = m.next) {
      try {
        if (deps.nativeSend) apply(deps.nativeSend, ws, [m.d]);
      } catch {
        // the socket closed meanwhile: the browser drops the data
      }
    }
  };

  return {
    start(k, ws, seconds) {
      if (get(ws) || (apply(gState, ws, []) as number) !== 1) return false;
      const s: Stall = { k, inQ: queue(), outQ: queue(), timer: 0 };
      apply(wmSet, stalls, [ws, s]);
      emit({ t: 'stall', k, at: now(), seconds });
      s.timer = apply(setT, win, [
        () => {
          if (get(ws) === s) end(ws, s, (apply(gState, ws, []) as number) === 1);
        },
        seconds * 1000,
      ]) as unknown as number;
      return true;
    },
    holdIncoming(ws, e, data) {
      const s = get(ws);
      if (!s) return false;
      apply(stopNow, e, []);
      enqueue(s.inQ, data, apply(gOrigin, e, []) as string, apply(gLastId, e, []) as string);
      return true;
    },
    holdOutgoing(ws, data) {
      const s = get(ws);
      if (!s || (apply(gState, ws, []) as number) !== 1) return false;
      enqueue(s.outQ, snapshot(data), '', '');
      return true;
    },
    closed(ws) {
      const s = get(ws);
      if (s) end(ws, s, false);
    },
  };
}
