/**
 * The delay models of the hosted or framework realtime services' libraries (libraries-hosted.ts) that
 * have a model of their own (Supabase Realtime and PartyKit reuse phoenix's and reconnecting-websocket's):
 * what each does after a close, from its source in node_modules, as models.ts says.
 *
 * - @microsoft/signalr 10 (dist/esm/HubConnection.js, DefaultReconnectPolicy.js): a
 *   HubConnection does not reconnect unless built withAutomaticReconnect(); then every close
 *   of a connected hub is reconnected, whatever its code, after 0, 2, 10 and 30 s, and after a
 *   fourth failed attempt it gives up (onclose). Its other timers: the server timeout (30 s)
 *   and the keep-alive ping (up to 15 s after the last message sent).
 * - y-websocket 3.1 (src/y-websocket.js: closeWebsocketConnection, setupWS, the `synced` setter): every
 *   close of the provider's socket, a refused handshake's included, counts one unsuccessful attempt, and
 *   the count goes back to 0 only when a connection syncs (the server's sync step 2 arrives). After each
 *   close it asks for one timer of min(2^count · 100 ms, maxBackoffTime (2500 ms)) and connects when it
 *   fires: 0.2, 0.4, 0.8, 1.6 s, then 2.5 s after a synced connection closes; no randomness. Its default
 *   shouldReconnect stops after codes 4400–4499 only (the timer is still asked for, and opens nothing).
 *   Its other clocks (the 30 s silence check, resyncInterval) run on setInterval.
 * - @rails/actioncable 8.1 (src/connection.js, src/connection_monitor.js): the socket's close event only notes
 *   the time (recordDisconnect) and tells the subscriptions; nothing reconnects from it. What reconnects is the
 *   ConnectionMonitor's poll, one timer re-armed as each fires from the moment the consumer first opened:
 *   staleThreshold (6 s) · 1.15^min(reconnectAttempts, 10) · (1 + jitter), the jitter up to 1 while no attempt
 *   was counted and up to 0.15 after. A poll counts an attempt and opens a new socket when nothing arrived for
 *   6 s and the close is at least 6 s old (a poll sooner after it counts the attempt and opens nothing), whatever
 *   the code; a refused handshake is not a new disconnect (its close is ignored), so every later poll opens
 *   again, and a `welcome` resets the count. With the poll armed just before the close, the wait for attempt k
 *   is the poll's own delay: 6–12 s for the first, then 6 · 1.15^(k−1) · (1 … 1.15) s. A server's `disconnect`
 *   message makes the client close the socket itself; with `reconnect: false` it stops the monitor first, so
 *   nothing reconnects. Its other timer: the subscription guarantor's 500 ms after each subscribe.
 * - mqtt 5.16 (build/lib/client.js: _setupReconnect, _reconnect, connect): every close of the stream, a refused
 *   handshake's included, arms setInterval(reconnectPeriod) (1000 ms by default) unless the client was ended or
 *   reconnectPeriod is 0; its first run reconnects, and connect() clears it. No backoff, no randomness, whatever
 *   the code. Its other timers: the connect timeout (30 s, cleared by the CONNACK) and the zero-delay timers its
 *   browser build's stream polyfills use; the keep-alive runs on worker timers, off the page's clock.
 * - pusher-js 8.6 (src/core/connection/connection_manager.ts: the connection callbacks' `closed`, retryIn and
 *   buildErrorCallbacks; src/core/connection/protocol/protocol.ts: getCloseAction;
 *   src/core/strategies/websocket_prioritized_cached_strategy.ts: connect; sequential_strategy.ts: connect and
 *   tryStrategy; src/runtimes/web/default_strategy.ts): a close with a code below 4000 is retried by
 *   retryIn(1000), 1 s after the close, whatever the code (1002–1004 are its 'backoff', the same 1 s), and so is
 *   4100–4199 ('backoff'); 4200–4299 ('retry') and 4000 ('tls_only', over TLS from then on) are retried at once
 *   (retryIn(0)); 4001–4099 and 4300 up ('refused') disconnect for good. That retry first tries alone the
 *   transport cached in localStorage by the last connection (ws), failing fast: a refused handshake's `error`
 *   event hands over to the full strategy there and then, and it opens the next socket with no timer of its own.
 *   Its ws loop arms 15 s as each attempt starts, doubling up to 60 s, and opens the next socket when that runs
 *   out (a refused handshake does not end the wait). Through refused handshakes that is 1 s, at once, then 15,
 *   30 and 60 s, each counted from the start of the attempt before; no randomness. Its other timers: the cached
 *   attempt's timeout (twice the cached latency plus 1 s, from the clock; cancelled as that attempt ends), the
 *   unavailable timer (10 s after each connect), the delayed starts of the wss and HTTP fallback loops (2 s, 5 s;
 *   their transports, disabled by enabledTransports, fail on a zero-delay timer while the loop's own 15 s timer
 *   runs, to be cancelled when a socket connects), and the activity check (the smaller of activityTimeout,
 *   120 s, and the server's, cut to 10 s after a connection is dropped unclean; then pongTimeout, 30 s).
 */
import { fixedSchedule, persistent, times, type DelayModel } from './models';

/** @microsoft/signalr's HubConnection: no reconnect, or withAutomaticReconnect's `delays` (s), then it gives up. */
export function signalrModel(opts: { delays: readonly number[] }): DelayModel {
  const n = opts.delays.length;
  const reconnectsAfter = () => n > 0;
  return {
    reconnectsAfter,
    // One attempt per delay, each after a refusal, until the delays run out.
    plan: (_code, refusals) =>
      n === 0 ? { attempts: 0, accepted: false } : { attempts: Math.min(refusals + 1, n), accepted: refusals < n },
    immediate: () => false,
    range: (_code, k) => [opts.delays[k - 1] ?? NaN, opts.delays[k - 1] ?? NaN],
    sample: (_code, count) => opts.delays.slice(0, count),
    summary:
      n === 0 ? 'no reconnect: the hub connection closes' : `${opts.delays.join(', ')} s, then it gives up; any code`,
  };
}

/**
 * y-websocket's WebsocketProvider: min(0.1 · 2^k, maxBackoff) s for the k-th close since the last synced
 * connection (the first after one is 0.2 s); no reconnect after 4400–4499 (its default shouldReconnect).
 */
export function yWebsocketModel(opts: { maxBackoff: number }): DelayModel {
  return fixedSchedule(
    (k) => Math.min(0.1 * 2 ** k, opts.maxBackoff),
    `0.2 s ×2, cap ${opts.maxBackoff} s; none after 4400–4499`,
    (code) => !(code >= 4400 && code < 4500),
  );
}

/**
 * @rails/actioncable's ConnectionMonitor with its staleThreshold (`stale` s) and reconnectionBackoffRate: d_k is
 * the delay of the poll that opened attempt k, the first armed just before the close; any code.
 */
export function actionCableModel(opts: { stale: number; rate: number }): DelayModel {
  const base = (k: number) => opts.stale * (1 + opts.rate) ** Math.min(k - 1, 10);
  const jitter = (k: number) => (k === 1 ? 1 : opts.rate);
  return {
    reconnectsAfter: () => true,
    plan: persistent(() => true),
    immediate: () => false,
    range: (_code, k) => [base(k), base(k) * (1 + jitter(k))],
    sample: (_code, n, rand) => times(n, (k) => base(k) * (1 + jitter(k) * rand())),
    summary: `polls: ${opts.stale}–${2 * opts.stale} s, then ${opts.stale} s ×${1 + opts.rate}^k +0–${opts.rate * 100} %; any code`,
  };
}

/** mqtt's MqttClient: a fixed reconnectPeriod (s) after every close. */
export function mqttModel(opts: { period: number }): DelayModel {
  return fixedSchedule(() => opts.period, `constant ${opts.period} s, any code`);
}

/** pusher-js's close codes that end its reconnecting (protocol.ts: getCloseAction's 'refused'). */
const PUSHER_REFUSED = (code: number) => (code > 4000 && code < 4100) || code >= 4300;
/** Codes pusher-js retries at once (getCloseAction's 'tls_only' and 'retry'). */
const PUSHER_AT_ONCE = (code: number) => code === 4000 || (code >= 4200 && code < 4300);

/**
 * pusher-js's ConnectionManager with its default strategy, ws transport only: 1 s after the close (at once for
 * 4000 and 4200–4299), then at once from the cached attempt's failure, then its ws loop's 15 s, doubling to a
 * cap of 60 s. None of its options changes these (they are constants in its source).
 */
export function pusherModel(): DelayModel {
  const at = (code: number, k: number) =>
    k === 1 ? (PUSHER_AT_ONCE(code) ? 0 : 1) : k === 2 ? 0 : Math.min(15 * 2 ** (k - 3), 60);
  const reconnectsAfter = (code: number) => !PUSHER_REFUSED(code);
  return {
    reconnectsAfter,
    plan: persistent(reconnectsAfter),
    immediate: () => false,
    timerless: (_code, k) => k === 2,
    range: (code, k) => [at(code, k), at(code, k)],
    sample: (code, n) => times(n, (k) => at(code, k)),
    summary:
      '1 s, then at once (its cached transport failed), then 15 s ×2, cap 60 s; codes below 4000 and 4100–4199 (4000, 4200–4299: the first at once; none after 4001–4099, 4300 up)',
  };
}
