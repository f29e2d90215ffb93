/**
 * What the hook's parts share (made once per window by install.ts, before any page
 * script runs): its saved natives, the private port it posts records on, the page's
 * clock as it was at install, stack traces, and the per-socket records.
 */
import type { HookCounters, HookEvent } from '../../protocol/messages';
import type { Swap } from './mask';
import type { Natives, Store } from './natives';
import type { Ring } from './ring';
import type { Stall } from './stall';

/** Per-socket state. Per message: counters, and one slot write in a ring while capture may be on. */
export interface SocketRec {
  /** Set once the socket is numbered, right after its record is made. */
  k: number;
  /** [sentMessages, sentSize, receivedMessages, receivedSize], as posted (HookCounters). */
  c: HookCounters;
  /** Its close event was recorded. */
  done?: boolean;
  /** A message of unknown size was counted (0 added to the size). */
  u?: boolean;
  rin: Ring;
  rout: Ring;
  /** A simulated close or drop under way: the real close event it causes is swallowed. */
  p?: { code: number; reason: string; wasClean: boolean; error: boolean };
  /** A simulated stall under way. */
  s?: Stall;
}

/** A hook event whose time may be left to emit(), which stamps it when posting. */
export type Stamped = HookEvent extends infer E
  ? E extends { at: number }
    ? Omit<E, 'at'> & { at?: number }
    : never
  : never;

export interface HookContext {
  n: Natives;
  /** Posts an event; one without `at` gets the time of the call. */
  emit(ev: Stamped): void;
  /** Epoch milliseconds, from the page's clock as it was at install. */
  clock(): number;
  /** A stack trace of the current call. */
  trace(): string;
  /** Replaces a function property by a masked wrapper (mask.ts). */
  swap: Swap;
  nextK(): number;
  /** Requested subprotocols as strings, read from own data properties only. */
  protocolsOf(p: unknown): string[];
  /** A socket's record, from its construction until its close event is recorded (then undefined). */
  recOf(ws: unknown): SocketRec | undefined;
  /** Remembers a socket's record: the hook's listeners and Proxies find it by the socket. */
  setRec(ws: object, rec: SocketRec): void;
  /**
   * Forgets a socket's record at its close event. A WeakMap's table shrinks only on delete(), not
   * when the collector clears dead keys: left to the collector, it stayed sized for every socket
   * closed between two full collections.
   */
  dropRec(ws: object): void;
  /**
   * Records a close() call (with its stack) on socket `k`, with the code and reason as the browser took
   * them: absent, or primitives it converted (made a number and a string here, which runs no page code).
   * Never objects: close() hands the browser the primitives an object argument was converted to.
   */
  closeCall(k: number, readyState: number, code?: unknown, reason?: unknown): void;
  /**
   * Live WebSockets by number, for the simulation commands; a socket leaves at its close event. (A
   * connecting or open socket with listeners, as every socket has the hook's, is never collected.)
   */
  sockets: Store<number, object>;
}
