/**
 * What each library does after a close, from its source in node_modules (the
 * versions in package-lock.json), as delay ranges in seconds. The delays a
 * library scheduled (the setTimeout it asked for, recorded by the test page)
 * must fall in these ranges exactly; `sample` draws whole delay
 * sequences the library could produce, for the set of verdicts it can earn.
 *
 * - reconnecting-websocket 4.4 (dist/reconnecting-websocket-mjs.js): reconnects
 *   after every close and every failed handshake, whatever the code, with the
 *   same URL. Delay for retry k: minReconnectionDelay · 1.3^(k−1), capped at
 *   maxReconnectionDelay (10 s); minReconnectionDelay defaults to
 *   1000 + random·4000 ms, drawn once when the module loads.
 * - socket.io-client 4.8 (build/esm/manager.js, contrib/backo2.js): every
 *   engine close reconnects. Delay for attempt k: reconnectionDelay · 2^(k−1)
 *   ± up to randomizationFactor (0.5) of it, capped at reconnectionDelayMax (5 s).
 * - graphql-ws 6.4 (dist/client.js): with a subscription active, 1000 reconnects
 *   at once (no retryWait, even with retryAttempts 0); 1001–1999 except
 *   1001/1005/1006/1012/1013/1014 are fatal (1008: no reconnect); other closes
 *   wait retryWait(retries): 2^retries s + random 300–3000 ms, for at most
 *   retryAttempts (5) retries. A failed handshake is different: the browser fires
 *   `error` before `close`, the client rejects with the error first, and the
 *   default shouldRetry (isLikeCloseEvent) refuses to retry it, so the client
 *   gives up after its first refused handshake.
 * - sockette 2.0 (dist/sockette.mjs): no reconnect after 1000, 1001, 1005;
 *   otherwise a fixed `timeout` (1000 ms) before each attempt, up to maxAttempts.
 * - phoenix 1.8 (assets/js/phoenix/socket.js, timer.js): every close the client did not
 *   make itself is reconnected, whatever its code (1000 and 1008 included). Delay for
 *   attempt k since the last open: reconnectAfterMs(k), by default 10, 50, 100, 150, 200,
 *   250, 500, 1000, 2000 ms, then 5 s; no randomness. Its other timers: the heartbeat (30 s)
 *   and each push's reply timeout (10 s).
 * - @stomp/stompjs 7.5 (esm6/client.js): while the client is active, every close is
 *   reconnected, whatever its code, after `reconnectDelay` (5000 ms). With reconnectTimeMode
 *   EXPONENTIAL that delay doubles after each attempt, capped at maxReconnectDelay, and
 *   returns to reconnectDelay once a STOMP session is connected. No randomness; its
 *   heartbeats run on setInterval, not timers of the kind compared here.
 * - centrifuge 5.8 (build/index.mjs: backoff, _getReconnectDelay, the transport's onClose):
 *   every close below 3000 but 1009 is reconnected (3500–3999 and 4500–4999 are not). Delay for
 *   attempt k since the last connect: minReconnectDelay (500 ms) + a whole number of ms drawn
 *   uniformly from 0 … min(maxReconnectDelay, minReconnectDelay · 2^(k−1)), at most
 *   maxReconnectDelay (20 s): "full jitter" on top of the minimum.
 * - @microsoft/signalr 10 (dist/esm/HubConnection.js, DefaultReconnectPolicy.js): a
 *   HubConnection does not reconnect unless built withAutomaticReconnect(); then every close
 *   of a connected hub is reconnected, whatever its code, after 0, 2, 10 and 30 s, and after a
 *   fourth failed attempt it gives up (onclose). Its other timers: the server timeout (30 s)
 *   and the keep-alive ping (up to 15 s after the last message sent).
 * - @supabase/realtime-js 2.119 (src/RealtimeClient.ts: RECONNECT_INTERVALS, _initializeOptions;
 *   its socket is @supabase/phoenix 0.4.5, a fork of phoenix's: assets/js/phoenix/socket.js, timer.js):
 *   phoenix's Socket with the client's own reconnectAfterMs, so every close the client did not make
 *   itself is reconnected, whatever its code. Delay for attempt k since the last open: 1, 2, 5 s, then
 *   10 s; no randomness. The reconnect timer's callback awaits the client's beforeReconnect (auth)
 *   before connecting: no timer in between. Its other timers: the heartbeat and its reply timeout (25 s
 *   each) and each push's reply timeout (10 s, cancelled by the reply).
 * - y-websocket 3.1 (src/y-websocket.js: closeWebsocketConnection, setupWS, the `synced` setter): every
 *   close of the provider's socket, a refused handshake's included, counts one unsuccessful attempt, and
 *   the count goes back to 0 only when a connection syncs (the server's sync step 2 arrives). After each
 *   close it asks for one timer of min(2^count · 100 ms, maxBackoffTime (2500 ms)) and connects when it
 *   fires: 0.2, 0.4, 0.8, 1.6 s, then 2.5 s after a synced connection closes; no randomness. Its default
 *   shouldReconnect stops after codes 4400–4499 only (the timer is still asked for, and opens nothing).
 *   Its other clocks (the 30 s silence check, resyncInterval) run on setInterval.
 * - partysocket 1.3 (dist/ws.js, a fork of reconnecting-websocket): the same reconnect loop as
 *   reconnecting-websocket 4.4, with the same minUptime (5 s) and connectionTimeout (4 s) timers, but
 *   minReconnectionDelay defaults to a fixed 3000 ms instead of a random 1–5 s: delay k is
 *   3 s · 1.3^(k−1), capped at 10 s, whatever the code, with no randomness; and an option of its own,
 *   shouldReconnectOnClose(event), stops reconnecting when it returns false for a close.
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
 * - sockjs-client 1.6 (lib/main.js: the constructor, _receiveInfo, _connect, _transportClose, _close;
 *   lib/transport/websocket.js; lib/info-receiver.js; lib/transport/browser/abstract-xhr.js), as Spring's STOMP
 *   over SockJS runs it, under @stomp/stompjs 7.5: sockjs-client never reconnects. Each `new SockJS(url)` draws
 *   its server id (Math.random, 000–999) and its session id (crypto), fetches `<url>/info` by XHR (two zero-delay
 *   timers before the request leaves, and an 8 s timeout the answer cancels), then opens its WebSocket at
 *   `<url>/<server id>/<session id>/websocket` with a connect timeout worked out from that round trip (2 · (300
 *   ms + rtt), or 8 · rtt over 100 ms), which the open frame cancels. A close of the open WebSocket, whatever its
 *   code, reaches the app as SockJS's own close event with that code, one zero-delay timer later. A handshake
 *   that fails (the browser's `error`) ends the transport with 1006; with the WebSocket transport alone nothing
 *   is left to try, so the app gets close 2000 ("All transports failed"), and the connect timeout, not
 *   cancelled, fires later and does nothing. What reconnects is @stomp/stompjs, whose webSocketFactory makes a
 *   new SockJS: its reconnectDelay timer (as above) starts at SockJS's close event, so each attempt's WebSocket
 *   comes that delay, two zero-delay timers and the /info round trip after the browser's close or failure.
 */

export interface Plan {
  /** Attempts after the close. */
  attempts: number;
  /** Whether the last of them gets through (the handshakes after the refused ones are accepted). */
  accepted: boolean;
}

export interface DelayModel {
  /** Whether the library attempts again after the server closes with `code` (1006: TCP dropped). */
  reconnectsAfter(code: number): boolean;
  /** What the library does after the close when the next `refusals` handshakes are refused. */
  plan(code: number, refusals: number): Plan;
  /** Whether the attempts after `code` come at once, with no timer (graphql-ws after 1000). */
  immediate(code: number): boolean;
  /**
   * Whether attempt k (1-based) alone comes at once from the failure of the one before, with no timer of its
   * own (pusher-js's second, opened from its cached attempt's `error` event): its scheduled delay is 0.
   */
  timerless?(code: number, k: number): boolean;
  /** Range of d_k (1-based) the library schedules, given the delays it scheduled before (seconds, exact). */
  range(code: number, k: number, earlier: readonly number[]): [number, number];
  /** One delay sequence the library could produce (n delays), from a uniform random source. */
  sample(code: number, n: number, rand: () => number): number[];
  /** Sentence for docs/conformance.md. */
  summary: string;
}

const times = <T>(n: number, f: (k: number) => T) => Array.from({ length: n }, (_, i) => f(i + 1));

/** Libraries that keep trying through refused handshakes until one is accepted. */
const persistent =
  (reconnectsAfter: (code: number) => boolean) =>
  (code: number, refusals: number): Plan =>
    reconnectsAfter(code) ? { attempts: refusals + 1, accepted: true } : { attempts: 0, accepted: false };

/**
 * A library with no randomness: delay k (s) is `at(k)`, exactly, and it keeps trying through refused
 * handshakes after every code `reconnectsAfter` accepts.
 */
function fixedSchedule(
  at: (k: number) => number,
  summary: string,
  reconnectsAfter: (code: number) => boolean = () => true,
): DelayModel {
  return {
    reconnectsAfter,
    plan: persistent(reconnectsAfter),
    immediate: () => false,
    range: (_code, k) => [at(k), at(k)],
    sample: (_code, n) => times(n, at),
    summary,
  };
}

/**
 * reconnecting-websocket (and partysocket, its fork): `min` fixed, or null for reconnecting-websocket's
 * random default of 1–5 s; `stopsAfter`, the codes an app's shouldReconnectOnClose (partysocket) refuses.
 */
export function rwsModel(opts: {
  min: number | null;
  grow: number;
  max: number;
  stopsAfter?: readonly number[];
}): DelayModel {
  const at = (min: number, k: number) => Math.min(min * opts.grow ** (k - 1), opts.max);
  const reconnectsAfter = (code: number) => !opts.stopsAfter?.includes(code);
  const codes = opts.stopsAfter?.length ? `any code but ${opts.stopsAfter.join(', ')}` : 'any code';
  return {
    reconnectsAfter,
    plan: persistent(reconnectsAfter),
    immediate: () => false,
    range(_code, k, earlier) {
      if (opts.min !== null) return [at(opts.min, k), at(opts.min, k)];
      const d1 = earlier[0];
      if (k === 1 || d1 === undefined) return [1, 5];
      // The random start is drawn once: later delays follow from the first one the library scheduled.
      return [at(d1, k), at(d1, k)];
    },
    sample(_code, n, rand) {
      const min = opts.min ?? 1 + 4 * rand();
      return times(n, (k) => at(min, k));
    },
    summary:
      opts.min === null
        ? `random start 1–5 s, ×1.3, cap 10 s, ${codes}`
        : `${opts.min} s ×${opts.grow}, cap ${opts.max} s, ${codes}`,
  };
}

/** socket.io-client's Manager backoff. */
export function socketIoModel(opts: { delay: number; max: number; jitter: number }): DelayModel {
  const base = (k: number) => opts.delay * 2 ** (k - 1);
  return {
    reconnectsAfter: () => true,
    plan: persistent(() => true),
    immediate: () => false,
    range: (_code, k) => [
      Math.min(base(k) * (1 - opts.jitter), opts.max),
      Math.min(base(k) * (1 + opts.jitter), opts.max),
    ],
    sample: (_code, n, rand) =>
      times(n, (k) => {
        const r = rand();
        const dev = Math.floor(r * opts.jitter * base(k) * 1000) / 1000;
        return Math.min((Math.floor(r * 10) & 1) === 0 ? base(k) - dev : base(k) + dev, opts.max);
      }),
    summary: `${opts.delay} s ×2 ±${opts.jitter * 100} %, cap ${opts.max} s, any code`,
  };
}

const GQL_FATAL = (code: number) =>
  code >= 1000 && code <= 1999 && ![1000, 1001, 1005, 1006, 1012, 1013, 1014].includes(code);

/** graphql-ws client with its default retryWait, `retryAttempts` retries. */
export function graphqlWsModel(opts: { retryAttempts: number }): DelayModel {
  const immediate = (code: number) => code === 1000;
  const reconnectsAfter = (code: number) => immediate(code) || (!GQL_FATAL(code) && opts.retryAttempts > 0);
  return {
    reconnectsAfter,
    // A refused handshake fires the socket's `error` event before its close; errors are thrown first
    // and the default shouldRetry (isLikeCloseEvent) does not retry them: the client gives up.
    immediate,
    plan: (code, refusals) =>
      reconnectsAfter(code) ? { attempts: 1, accepted: refusals === 0 } : { attempts: 0, accepted: false },
    range: (code, k) => (immediate(code) ? [0, 0] : [2 ** (k - 1) + 0.3, 2 ** (k - 1) + 3]),
    sample: (code, n, rand) =>
      times(Math.min(n, opts.retryAttempts || n), (k) => (immediate(code) ? 0 : 2 ** (k - 1) + 0.3 + 2.7 * rand())),
    summary: `${opts.retryAttempts ? `2^k s + 0.3–3 s, up to ${opts.retryAttempts} retries after closes` : 'no retries'}; a failed handshake (error event) is fatal; 1008 fatal; 1000 reconnects at once`,
  };
}

/** sockette: a fixed timeout, no reconnect after 1000/1001/1005. */
export function socketteModel(opts: { timeout: number }): DelayModel {
  return fixedSchedule(
    () => opts.timeout,
    `constant ${opts.timeout} s; none after 1000/1001/1005`,
    (code) => ![1000, 1001, 1005].includes(code),
  );
}

/** phoenix's Socket (and @supabase/realtime-js's, a fork of it): `steps` ms for attempts 1…n since the last open, then `after` ms; any code. */
export function phoenixModel(opts: { steps: readonly number[]; after: number }): DelayModel {
  return fixedSchedule(
    (k) => (opts.steps[k - 1] ?? opts.after) / 1000,
    `${opts.steps.map((ms) => ms / 1000).join(', ')} s, then ${opts.after / 1000} s; any code`,
  );
}

/** @stomp/stompjs's Client: `delay` s before each attempt, doubling per attempt when `doubling`, capped at `max` s. */
export function stompModel(opts: { delay: number; doubling: boolean; max: number }): DelayModel {
  return fixedSchedule(
    (k) => (opts.doubling ? Math.min(opts.delay * 2 ** (k - 1), opts.max) : opts.delay),
    opts.doubling ? `${opts.delay} s ×2, cap ${opts.max} s, any code` : `constant ${opts.delay} s, any code`,
  );
}

/**
 * @stomp/stompjs over sockjs-client: stompjs's timer, as stompModel, from SockJS's close event; each attempt a
 * new SockJS session.
 */
export function stompOverSockjsModel(opts: { delay: number; doubling: boolean; max: number }): DelayModel {
  const stomp = stompModel(opts);
  return {
    ...stomp,
    summary: `${stomp.summary} (@stomp/stompjs); each attempt a new SockJS session (GET /info, then a new ‹server›/‹session›/websocket)`,
  };
}

/** centrifuge's backoff: `min` s plus full jitter up to min(max, min · 2^(k−1)) s, capped at `max` s; codes below 3000. */
export function centrifugeModel(opts: { min: number; max: number }): DelayModel {
  const minMs = opts.min * 1000;
  const maxMs = opts.max * 1000;
  const spanMs = (k: number) => Math.min(maxMs, minMs * 2 ** (k - 1));
  const reconnectsAfter = (code: number) => code < 3000 && code !== 1009;
  return {
    reconnectsAfter,
    plan: persistent(reconnectsAfter),
    immediate: () => false,
    range: (_code, k) => [Math.min(maxMs, minMs) / 1000, Math.min(maxMs, minMs + spanMs(k)) / 1000],
    sample: (_code, n, rand) => times(n, (k) => Math.min(maxMs, minMs + Math.floor(rand() * (spanMs(k) + 1))) / 1000),
    summary: `${opts.min} s + full jitter up to ${opts.min} s ×2^(k−1), cap ${opts.max} s; codes below 3000 but 1009`,
  };
}

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
