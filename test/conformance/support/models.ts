/**
 * What each library does after a close, from its source in node_modules (the
 * versions in package-lock.json), as delay ranges in seconds. The delays a
 * library scheduled (the setTimeout it asked for, recorded by the test page)
 * must fall in these ranges exactly; `sample` draws whole delay
 * sequences the library could produce, for the set of verdicts it can earn.
 * The models of the hosted services' libraries (SignalR, Yjs, Action Cable, MQTT, Pusher) are in
 * models-hosted.ts, and those of the framework ones (subscriptions-transport-ws, react-use-websocket) in
 * models-framework.ts, built from the helpers exported here.
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
 * - @supabase/realtime-js 2.119 (src/RealtimeClient.ts: RECONNECT_INTERVALS, _initializeOptions;
 *   its socket is @supabase/phoenix 0.4.5, a fork of phoenix's: assets/js/phoenix/socket.js, timer.js):
 *   phoenix's Socket with the client's own reconnectAfterMs, so every close the client did not make
 *   itself is reconnected, whatever its code. Delay for attempt k since the last open: 1, 2, 5 s, then
 *   10 s; no randomness. The reconnect timer's callback awaits the client's beforeReconnect (auth)
 *   before connecting: no timer in between. Its other timers: the heartbeat and its reply timeout (25 s
 *   each) and each push's reply timeout (10 s, cancelled by the reply).
 * - partysocket 1.3 (dist/ws.js, a fork of reconnecting-websocket): the same reconnect loop as
 *   reconnecting-websocket 4.4, with the same minUptime (5 s) and connectionTimeout (4 s) timers, but
 *   minReconnectionDelay defaults to a fixed 3000 ms instead of a random 1–5 s: delay k is
 *   3 s · 1.3^(k−1), capped at 10 s, whatever the code, with no randomness; and an option of its own,
 *   shouldReconnectOnClose(event), stops reconnecting when it returns false for a close.
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

export const times = <T>(n: number, f: (k: number) => T) => Array.from({ length: n }, (_, i) => f(i + 1));

/** Libraries that keep trying through refused handshakes until one is accepted. */
export const persistent =
  (reconnectsAfter: (code: number) => boolean) =>
  (code: number, refusals: number): Plan =>
    reconnectsAfter(code) ? { attempts: refusals + 1, accepted: true } : { attempts: 0, accepted: false };

/**
 * A library with no randomness: delay k (s) is `at(k)`, exactly, and it keeps trying through refused
 * handshakes after every code `reconnectsAfter` accepts.
 */
export function fixedSchedule(
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
