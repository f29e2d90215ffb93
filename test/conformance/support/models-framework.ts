/**
 * The delay models of the libraries an app wires into its GraphQL or UI framework (libraries-framework.ts):
 * what each does after a close, from its source in node_modules, as models.ts says.
 *
 * - subscriptions-transport-ws 0.11 (dist/client.js: the constructor, close, tryReconnect, connect,
 *   checkMaxConnectTimeout, processReceivedData; backo2 1.0: Backoff.duration): without `reconnect: true` (its
 *   default is false) a close ends the client; nothing reconnects. With it, every close the client did not make
 *   itself, a refused handshake's included, whatever the code, asks for one timer of backo2's duration, with
 *   `new Backoff({ jitter: 0.5 })`: 100 ms · 2^(k−1), minus or plus (by the same draw's tenths digit, even or
 *   odd) a whole number of ms below half of it, at most 10 s, cut to whole ms; the count goes back to 0 when a
 *   connection is acknowledged (`connection_ack`). Its other timer: the connect timeout armed by each new socket
 *   (1 s · 1.2^n, n the sockets since the last acknowledged one, at most `timeout`, 30 s), cancelled by the open
 *   or by the next socket; run after a refused handshake, it finds no socket and does nothing.
 * - react-use-websocket 4.13 (src/lib/attach-listener.ts: bindCloseHandler, bindOpenHandler; constants.ts):
 *   the hook reconnects only when the app's `shouldReconnect(closeEvent)` returns true (no option: never), and
 *   then after every close, a refused handshake's included (its `error` alone does nothing without
 *   `retryOnError`): one timer of `reconnectInterval` (5000 ms by default), or of reconnectInterval(n) when it
 *   is a function, n the attempts since the last open (0 first), up to `reconnectAttempts` (20) of them; then
 *   the hook makes a new WebSocket with the same URL. No randomness of its own.
 */
import { fixedSchedule, persistent, times, type DelayModel } from './models';

/** subscriptions-transport-ws's SubscriptionClient: no reconnect unless `reconnect`, then backo2 with jitter 0.5. */
export function subscriptionsTransportModel(opts: { reconnect: boolean }): DelayModel {
  const baseMs = (k: number) => 100 * 2 ** (k - 1);
  const MAX_MS = 10_000;
  const reconnectsAfter = () => opts.reconnect;
  return {
    reconnectsAfter,
    plan: persistent(reconnectsAfter),
    immediate: () => false,
    range: (_code, k) =>
      opts.reconnect
        ? [Math.min(baseMs(k) * 0.5, MAX_MS) / 1000, Math.min(baseMs(k) * 1.5, MAX_MS) / 1000]
        : [NaN, NaN],
    sample: (_code, n, rand) =>
      opts.reconnect
        ? times(n, (k) => {
            const ms = baseMs(k);
            const r = rand();
            const deviation = Math.floor(r * 0.5 * ms);
            const drawn = (Math.floor(r * 10) & 1) === 0 ? ms - deviation : ms + deviation;
            return (Math.min(drawn, MAX_MS) | 0) / 1000;
          })
        : [],
    summary: opts.reconnect
      ? '0.1 s ×2 ±50 %, cap 10 s, any code'
      : 'no reconnect: the client stays closed (its `reconnect` is false by default)',
  };
}

/** react-use-websocket's hook with `shouldReconnect: () => true`: reconnectInterval(k − 1) ms before attempt k. */
export function reactUseWebSocketModel(opts: { intervalMs: (n: number) => number; summary: string }): DelayModel {
  return fixedSchedule((k) => opts.intervalMs(k - 1) / 1000, opts.summary);
}
