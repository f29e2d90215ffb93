/**
 * Simulated stall: a connection that silently stops, as behind a NAT timeout or
 * a sleeping laptop. For the chosen time the socket stays OPEN while
 * - incoming messages are withheld from the page: the hook's own listener (the
 *   first on every socket, in the capture phase) stops each real message event
 *   and keeps its data;
 * - the page's send() calls do not reach the network: the data is kept (binary
 *   data copied at the call, as the browser would) and send() returns normally.
 * When the time is up and the socket is still open, held sends go out in order,
 * then held incoming messages are dispatched to the page in order (as untrusted
 * MessageEvents): what the page sends while catching up (a heartbeat's answer)
 * follows what it sent during the stall, as on a connection that recovers. If
 * the socket closes during the stall, everything held is dropped: a real silent
 * connection loses it too. Each side holds at most
 * MAX_HELD messages; more are dropped and counted with the held ones.
 */
import type { HookContext, SocketRec } from './context';
import { isStr, MESSAGE, PROTO, WS, type AnyFn } from './natives';

const MAX_HELD = 10_000;

/** A queue as a linked list of literals: no array writes a page-patched prototype could intercept. */
interface Node {
  d: unknown;
  org: string;
  id: string;
  next: Node | undefined;
}
interface Queue {
  head: Node | undefined;
  tail: Node | undefined;
  n: number;
}

/** A stall under way on one socket (kept on its SocketRec). */
export interface Stall {
  inQ: Queue;
  outQ: Queue;
  timer: number;
}

export interface Staller {
  start(rec: SocketRec, ws: object, seconds: number): void;
  /** For each real incoming message event, before any page listener: true when it was withheld. */
  holdIncoming(rec: SocketRec, e: MessageEvent, data: unknown): boolean;
  /** Before the native send: true when the send was held instead. */
  holdOutgoing(rec: SocketRec, ws: object, data: unknown): boolean;
  /** Ends a stall: delivers what is held while the socket is open, else drops it (it closed meanwhile). */
  end(rec: SocketRec, ws: object): void;
}

const queue = (): Queue => ({ head: undefined, tail: undefined, n: 0 });

/** `fire` dispatches one of the hook's own events (so the hook's listeners do not count it again). */
export const createStaller = (
  win: Window & typeof globalThis,
  ctx: HookContext,
  fire: (ws: object, e: Event) => void,
): Staller => {
  const { n, emit } = ctx;
  const { invoke: apply, read, getter, state } = n;
  const setT = win.setTimeout;
  const clearT = win.clearTimeout;
  const NativeMessageEvent = win.MessageEvent;
  const ME = NativeMessageEvent[PROTO];
  const gOrigin = getter(ME, 'origin');
  const gLastId = getter(ME, 'lastEventId');
  const nativeSend = n.own(win[WS][PROTO], 'send') as AnyFn;

  const enqueue = (q: Queue, d: unknown, origin: string, id: string) => {
    if (++q.n > MAX_HELD) return;
    const node: Node = { d, org: origin, id, next: undefined };
    if (q.tail) q.tail.next = node;
    else q.head = node;
    q.tail = node;
  };

  /**
   * What send() would have taken at the call: binary data is copied, a Blob kept (immutable),
   * and anything else converted to a string now, as the native send() does (its errors reach the page).
   */
  const snapshot = (d: unknown): unknown => {
    if (isStr(d)) return d;
    // What is neither binary nor a Blob (a size below 0) becomes its string.
    return n.copy(d, Infinity) ?? (n.size(d, true) < 0 ? `${d as string}` : d);
  };

  const end = (rec: SocketRec, ws: object) => {
    const s = rec.s;
    if (!s) return;
    rec.s = undefined;
    apply(clearT, win, [s.timer]);
    const deliver = state(ws) === 1;
    emit({
      t: 'stall-end',
      k: rec.k,
      outcome: deliver ? 'delivered' : 'dropped',
      heldIn: s.inQ.n,
      heldOut: s.outQ.n,
    });
    if (!deliver) return;
    for (let m = s.outQ.head; m; m = m.next) {
      try {
        apply(nativeSend, ws, [m.d]);
      } catch {
        // never expected on an open socket: the data is dropped rather than thrown at the page's timer
      }
    }
    for (let m = s.inQ.head; m; m = m.next) {
      // A null-prototype init: the browser reads every dictionary member, and a page getter on
      // Object.prototype must not run (nor see the data) while the hook is on the stack. A page
      // listener's error is reported by the browser, as for any event: dispatching never throws.
      fire(
        ws,
        new NativeMessageEvent(MESSAGE, {
          __proto__: null,
          data: m.d,
          origin: m.org,
          lastEventId: m.id,
        } as MessageEventInit),
      );
      if (state(ws) !== 1) return; // the page closed it while catching up
    }
  };

  return {
    start(rec, ws, seconds) {
      if (rec.s || state(ws) !== 1) return;
      const s: Stall = { inQ: queue(), outQ: queue(), timer: 0 };
      rec.s = s;
      emit({ t: 'stall', k: rec.k, seconds });
      s.timer = apply(setT, win, [() => rec.s === s && end(rec, ws), seconds * 1000]) as unknown as number;
    },
    holdIncoming(rec, e, data) {
      const s = rec.s;
      if (!s) return false;
      n.stop(e);
      enqueue(s.inQ, data, read(gOrigin, e) as string, read(gLastId, e) as string);
      return true;
    },
    holdOutgoing(rec, ws, data) {
      const s = rec.s;
      if (!s || state(ws) !== 1) return false;
      enqueue(s.outQ, snapshot(data), '', '');
      return true;
    },
    end,
  };
};
