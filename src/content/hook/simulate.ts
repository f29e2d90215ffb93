/**
 * Simulated server closes and network drops. The hook closes the real
 * socket, swallows the real close (and error) event in its own listener — the
 * first one registered on every socket, so no page listener or onclose sees it —
 * and dispatches a CloseEvent with the simulated code instead. Such events are
 * not trusted (isTrusted is false) and the server sees a client close: both are
 * documented as the simulation's traces.
 */
import type { HookCommand } from '../../protocol/messages';

interface Pending {
  code: number;
  reason: string;
  wasClean: boolean;
  /** A drop during the handshake is preceded by an error event, as a refused handshake is. */
  error: boolean;
}

import type { AnyFn } from './natives';

export interface Simulator {
  /** Our own synthetic events (recorded as simulated; treated as trusted by the hook). */
  isSimulated(e: Event): boolean;
  /** Called first for every real error/close event: true when it must be swallowed. */
  intercept(ws: object, e: Event): boolean;
  remember(k: number, ws: object): void;
  /** The live socket with this number, if any. */
  socketOf(k: number): object | undefined;
  /** Marks one of the hook's own synthetic events (a stall's delayed messages). */
  markOwn(e: Event): void;
  forget(k: number): void;
  run(cmd: HookCommand): void;
}

export function createSimulator(win: Window & typeof globalThis, apply: typeof Reflect.apply, nativeClose: AnyFn, gState: AnyFn, gType: AnyFn): Simulator {
  const simulated = new win.WeakSet<Event>();
  const wsHas = win.WeakSet.prototype.has;
  const wsAdd = win.WeakSet.prototype.add;
  const pending = new win.WeakMap<object, Pending>();
  const pmGet = win.WeakMap.prototype.get;
  const pmSet = win.WeakMap.prototype.set;
  const pmDel = win.WeakMap.prototype.delete;
  const stopNow = win.Event.prototype.stopImmediatePropagation;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const NativeCloseEvent = win.CloseEvent;
  const NativeEvent = win.Event;
  const deref = win.WeakRef.prototype.deref;
  const NativeWeakRef = win.WeakRef;
  const byK: Record<number, WeakRef<object>> = Object.create(null) as Record<number, WeakRef<object>>;

  const fire = (ws: object, ev: Event) => {
    apply(wsAdd, simulated, [ev]);
    apply(dispatch, ws, [ev]);
  };

  return {
    isSimulated: (e) => apply(wsHas, simulated, [e]) as boolean,
    intercept(ws, e) {
      const p = apply(pmGet, pending, [ws]) as Pending | undefined;
      if (!p) return false;
      apply(stopNow, e, []);
      if (apply(gType, e, []) === 'close') {
        apply(pmDel, pending, [ws]);
        if (p.error) fire(ws, new NativeEvent('error'));
        // A null-prototype init: the event constructor's reads of absent members reach no page getter.
        const init = { __proto__: null, code: p.code, reason: p.reason, wasClean: p.wasClean } as CloseEventInit;
        fire(ws, new NativeCloseEvent('close', init));
      }
      return true;
    },
    remember(k, ws) {
      byK[k] = new NativeWeakRef(ws);
    },
    socketOf(k) {
      const ref = typeof k === 'number' ? byK[k] : undefined;
      return ref ? (apply(deref, ref, []) as object | undefined) : undefined;
    },
    markOwn(e) {
      apply(wsAdd, simulated, [e]);
    },
    forget(k) {
      delete byK[k];
    },
    run(cmd) {
      if (typeof cmd !== 'object' || cmd === null || typeof cmd.k !== 'number') return;
      const ref = byK[cmd.k];
      const ws = ref ? (apply(deref, ref, []) as object | undefined) : undefined;
      if (!ws) return;
      const state = apply(gState, ws, []) as number;
      if (state > 1 || apply(pmGet, pending, [ws])) return; // already closing: nothing to simulate
      if (cmd.t === 'simulate-close') {
        // A server can only send a close frame on an open connection.
        if (state !== 1 || typeof cmd.code !== 'number' || typeof cmd.reason !== 'string') return;
        apply(pmSet, pending, [ws, { code: cmd.code, reason: cmd.reason, wasClean: true, error: false }]);
      } else if (cmd.t === 'simulate-drop') {
        // A drop after open gives 1006 with no error event; during the handshake, error then 1006.
        apply(pmSet, pending, [ws, { code: 1006, reason: '', wasClean: false, error: state === 0 }]);
      } else return;
      apply(nativeClose, ws, state === 0 ? [] : [1000, 'Closeline simulation']);
    },
  };
}
