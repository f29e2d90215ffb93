/**
 * Simulated server closes and network drops. The hook closes the real
 * socket, swallows the real close (and error) event in its own listener — the
 * first one registered on every socket, so no page listener or onclose sees it —
 * and dispatches a CloseEvent with the simulated code instead. Such events are
 * not trusted (isTrusted is false) and the server sees a client close: both are
 * documented as the simulation's traces. Stalls (stall.ts) take the same path in.
 */
import type { HookCommand } from '../../protocol/messages';
import type { HookContext, SocketRec } from './context';
import { CLOSE, ERROR, type AnyFn } from './natives';
import { createStaller, type Staller } from './stall';

export interface Simulator extends Staller {
  /**
   * The hook's own synthetic events, while the hook dispatches them on `ws` (recorded as simulated;
   * treated as trusted by the hook). A page that keeps such an event and dispatches it again, on this
   * socket or another, dispatches an untrusted event like any of its own: nothing is recorded.
   */
  isOwn(e: Event, ws: object): boolean;
  /** Called first for every real error and close event: true when it must be swallowed. */
  intercept(rec: SocketRec, ws: object, e: Event, close?: boolean): boolean;
  run(cmd: HookCommand): void;
}

export const createSimulator = (win: Window & typeof globalThis, ctx: HookContext, nativeClose: AnyFn): Simulator => {
  const { n } = ctx;
  const { invoke: apply, stop, fire } = n;
  const [ownTarget, setOwn, dropOwn] = n.store<Event, object>();
  const NativeCloseEvent = win.CloseEvent;
  const NativeEvent = win.Event;
  const own = (ws: object, e: Event) => {
    setOwn(e, ws);
    fire(ws, e);
    dropOwn(e);
  };
  const staller = createStaller(win, ctx, own);

  return {
    ...staller,
    isOwn: (e, ws) => ownTarget(e) === ws,
    intercept(rec, ws, e, close) {
      const p = rec.p;
      if (!p) return false;
      stop(e);
      if (close) {
        rec.p = undefined;
        if (p.error) own(ws, new NativeEvent(ERROR));
        // A null-prototype init: the event constructor's reads of absent members reach no page getter.
        own(
          ws,
          // The hook's own record (code, reason, wasClean, and an `error` the event ignores).
          new NativeCloseEvent(CLOSE, { __proto__: null, ...p } as CloseEventInit),
        );
      }
      return true;
    },
    /** `cmd` is an object from the relay (install.ts checks that much before calling). */
    run(cmd) {
      const ws = ctx.sockets[0](cmd.k);
      const rec = ctx.recOf(ws);
      if (!ws || !rec) return;
      const state = n.state(ws);
      if (state > 1 || rec.p) return; // already closing: nothing to simulate
      // Commands come only from the relay, which checked them (validateCommand in src/protocol/commands.ts).
      if (cmd.t === 'simulate-stall') return staller.start(rec, ws, cmd.seconds);
      // A server can only send a close frame on an open connection. A drop after open gives 1006 with no
      // error event; during the handshake, error then 1006 (a close is never simulated there).
      const close = cmd.t === 'simulate-close';
      if (close ? state !== 1 : cmd.t !== 'simulate-drop') return;
      // (`error` is false for a close: the socket is open.)
      rec.p = { code: close ? cmd.code : 1006, reason: close ? cmd.reason : '', wasClean: close, error: state === 0 };
      apply(nativeClose, ws, state === 0 ? [] : [1000, 'Closeline simulation']);
    },
  };
};
