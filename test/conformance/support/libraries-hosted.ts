/**
 * The libraries of hosted or framework realtime services (SignalR, Supabase Realtime, Yjs, PartyKit,
 * Action Cable, MQTT, Pusher Channels): their server, the page code a user would write, and the delay
 * model read from their source (models.ts, models-hosted.ts).
 */
import type { LibraryId } from './library-ids';
import type { Library } from './library-types';
import { echoBackend, phoenixBackend, signalrBackend, yjsBackend } from './backends';
import { actionCableBackend, mqttBackend } from './backends-cable-mqtt';
import { PUSHER_APP_KEY, pusherBackend } from './backends-pusher';
import { phoenixModel, rwsModel } from './models';
import { actionCableModel, mqttModel, pusherModel, signalrModel, yWebsocketModel } from './models-hosted';

/** @supabase/realtime-js's own default reconnectAfterMs (RealtimeClient.ts: RECONNECT_INTERVALS), before its 10 s plateau. */
const REALTIME_STEPS = [1000, 2000, 5000];

/** pusher-js's non-default heartbeat (ms), as apps behind proxies that cut idle connections set it. */
const PUSHER_TUNED_ACTIVITY_MS = 20_000;
const PUSHER_TUNED_PONG_MS = 8000;
/**
 * Delays pusher-js asks for that are constants of its source (defaults.ts, default_strategy.ts,
 * connection_manager.ts, transport_manager's minPingDelay) or this suite's options, in ms.
 */
const PUSHER_CONSTANT_MS = [
  0,
  1000,
  2000,
  5000,
  10_000,
  15_000,
  30_000,
  60_000,
  120_000,
  PUSHER_TUNED_ACTIVITY_MS,
  PUSHER_TUNED_PONG_MS,
];

export const HOSTED_LIBRARIES = {
  '@microsoft/signalr': {
    id: '@microsoft/signalr',
    backend: () => signalrBackend(),
    configs: [
      // Out of the box a hub connection does not reconnect at all: that is the library's default.
      { label: 'default (no automatic reconnect)', options: {}, model: signalrModel({ delays: [] }) },
      {
        label: 'withAutomaticReconnect() (0, 2, 10, 30 s)',
        options: { automaticReconnect: true },
        model: signalrModel({ delays: [0, 2, 10, 30] }),
      },
    ],
    // Straight to the WebSocket transport, as apps behind a load balancer without sticky sessions do
    // (no negotiate request). SignalR reports no close code: its error message carries it.
    harness: `
      const builder = new SignalR.HubConnectionBuilder()
        .withUrl(WS + '/hub', { skipNegotiation: true, transport: SignalR.HttpTransportType.WebSockets });
      if (O.automaticReconnect) builder.withAutomaticReconnect();
      const connection = builder.build();
      const codeOf = (e) => { const m = /status code: (\\d+)/.exec(String(e && e.message)); return m ? Number(m[1]) : 'closed'; };
      const sendAll = () => { for (let i = 0; i < ECHOES; i++) { void connection.send('echo', 'm' + i); H.sent++; } };
      connection.on('echo', () => { H.echoed(); });
      connection.onreconnecting((e) => H.closed(codeOf(e)));
      connection.onreconnected(() => { H.opened(); sendAll(); });
      connection.onclose((e) => H.closed(codeOf(e)));
      connection.start().then(() => { H.opened(); sendAll(); }, (e) => H.note('start failed ' + e));`,
    // Reconnect timers ask for exactly the policy's delays; the server timeout (30 s, cleared on close)
    // and the keep-alive ping ask for others. 30 s is also the fourth delay, which no scenario reaches:
    // the 32 s wait budget lets the server refuse two handshakes at most, so the third attempt connects.
    otherTimers: (t) => ![0, 2000, 10_000].includes(t.ms),
    // The keep-alive ping: 15 s after the last message sent, less the time since (HubConnection.js).
    clockTimers: (t) => t.ms > 10_000 && t.ms <= 15_000,
  },
  '@supabase/realtime-js': {
    id: '@supabase/realtime-js',
    // Supabase Realtime is a Phoenix endpoint: the phoenix backend also answers this client's binary broadcasts.
    backend: () => phoenixBackend(),
    configs: [
      { label: 'default', options: {}, model: phoenixModel({ steps: REALTIME_STEPS, after: 10_000 }) },
      {
        label: 'reconnectAfterMs 0.5 s, 1 s, 2 s, 4 s, then 8 s',
        options: { reconnectSteps: [500, 1000, 2000, 4000], reconnectAfter: 8000 },
        model: phoenixModel({ steps: [500, 1000, 2000, 4000], after: 8000 }),
      },
    ],
    // One broadcast channel, as a Supabase app subscribes to one; the client rejoins it on every reconnection
    // and reports SUBSCRIBED again. `self` brings each broadcast back to the page; `ack` has the server reply
    // to each one, which cancels its push timeout (10 s, as long as the fourth default reconnect delay).
    // The client refuses to start without an API key; this server reads none.
    harness: `
      const client = new SupabaseRealtime.RealtimeClient(WS + '/realtime/v1', Object.assign({ params: { apikey: 'local' } },
        O.reconnectSteps ? { reconnectAfterMs: (tries) => O.reconnectSteps[tries - 1] || O.reconnectAfter } : {}));
      const channel = client.channel('echo', { config: { broadcast: { self: true, ack: true } } });
      channel.on('broadcast', { event: 'echo' }, () => { H.echoed(); });
      channel.subscribe((status, err) => {
        if (status === 'SUBSCRIBED') {
          H.opened();
          for (let i = 0; i < ECHOES; i++) { void channel.send({ type: 'broadcast', event: 'echo', payload: { text: 'm' + i } }); H.sent++; }
        } else if (status === 'CHANNEL_ERROR') {
          H.closed(err && err.cause && typeof err.cause.code === 'number' ? err.cause.code : String(err && err.message));
        } else H.note(status);
      });`,
    // The heartbeat and its reply timeout (25 s each). Push timeouts (10 s) are all cancelled by the server's acks.
    otherTimers: (t) => t.ms === 25_000,
  },
  'y-websocket': {
    id: 'y-websocket',
    backend: () => yjsBackend(),
    configs: [
      { label: 'default', options: {}, model: yWebsocketModel({ maxBackoff: 2.5 }) },
      {
        label: 'maxBackoffTime 10000',
        options: { maxBackoffTime: 10000 },
        model: yWebsocketModel({ maxBackoff: 10 }),
      },
    ],
    // A shared Yjs document, as a collaborative editor holds one. A connection counts as open once it
    // synced (what resets the provider's backoff); each push to `out` is one update sent, and the room's
    // echo peer answers it with an item in `in`. Every other timer of the provider runs on setInterval.
    harness: `
      const doc = new YWebsocket.Doc();
      const provider = new YWebsocket.WebsocketProvider(WS + '/yjs', 'echo', doc, O);
      const out = doc.getArray('out');
      doc.getArray('in').observe((e) => { for (const d of e.changes.delta) for (const _ of d.insert || []) H.echoed(); });
      provider.on('sync', (synced) => {
        if (!synced) return;
        H.opened();
        for (let i = 0; i < ECHOES; i++) { out.push(['m' + i]); H.sent++; }
      });
      provider.on('connection-close', (e) => H.closed(e ? e.code : 'closed by the provider'));
      provider.on('connection-error', () => H.note('connection error'));`,
  },
  partysocket: {
    id: 'partysocket',
    backend: () => echoBackend(),
    configs: [
      { label: 'default', options: {}, model: rwsModel({ min: 3, grow: 1.3, max: 10 }) },
      {
        label: 'shouldReconnectOnClose: not after 1008',
        options: { stopsAfter: [1008] },
        model: rwsModel({ min: 3, grow: 1.3, max: 10, stopsAfter: [1008] }),
      },
    ],
    // PartySocket as a PartyKit app opens it: a host and a room (ws://host/parties/main/<room>?_pk=<id>).
    harness: `
      const s = new PartySocketJs.PartySocket(Object.assign({ host: WS.replace(/^ws:\\/\\//, ''), room: 'echo' },
        O.stopsAfter ? { shouldReconnectOnClose: (e) => !O.stopsAfter.includes(e.code) } : {}));
      s.addEventListener('open', () => { H.opened(); for (let i = 0; i < ECHOES; i++) { s.send('m' + i); H.sent++; } });
      s.addEventListener('message', () => { H.echoed(); });
      s.addEventListener('close', (e) => H.closed(e.code));`,
    // minUptime (5 s after an open, resets the retry count) and connectionTimeout (4 s, cancelled on open
    // or close), as in reconnecting-websocket.
    otherTimers: (t) => t.ms === 5000 || t.ms === 4000,
  },
  '@rails/actioncable': {
    id: '@rails/actioncable',
    backend: () => actionCableBackend(),
    configs: [
      { label: 'default', options: {}, model: actionCableModel({ stale: 6, rate: 0.15 }) },
      {
        label: 'ConnectionMonitor.staleThreshold 3',
        options: { staleThreshold: 3 },
        model: actionCableModel({ stale: 3, rate: 0.15 }),
      },
    ],
    // One channel subscription, as a Rails app's channels are: the consumer subscribes it again on every
    // welcome. The consumer reports no close code: its subscriptions hear 'disconnected' once per lost
    // connection (not for refused handshakes), with whether the monitor will reconnect.
    harness: `
      if (O.staleThreshold) ActionCable.ConnectionMonitor.staleThreshold = O.staleThreshold;
      const consumer = ActionCable.createConsumer(WS + '/cable');
      const sub = consumer.subscriptions.create({ channel: 'EchoChannel' }, {
        connected() { H.opened(); for (let i = 0; i < ECHOES; i++) { sub.send({ text: 'm' + i }); H.sent++; } },
        received() { H.echoed(); },
        disconnected(d) { H.closed(d && d.willAttemptReconnect ? 'disconnected, will reconnect' : 'disconnected'); },
        rejected() { H.note('rejected'); },
      });`,
    // The subscription guarantor's retry (500 ms after each subscribe; it finds nothing left to retry).
    otherTimers: (t) => t.ms === 500,
    // Closed just after the monitor re-arms its poll while the connection is healthy (no attempt counted):
    // that poll, drawn after the restart, is the one that opens the first attempt, 6–12 s later. A poll
    // sooner than the threshold after the close opens nothing (a "recent disconnect"), so a close that
    // lands δ after the arm needed the poll's excess over the threshold to be more than δ: a chance of
    // δ / 6 s of a different schedule, and δ (the round trip from the page to the server's close) differs
    // between the two browsers and grows on a loaded machine. Only a poll at least 1 s over the threshold
    // is taken; the draws are seeded alike in both browsers, so both take the same one. The polls passed
    // over fired before the close and reconnected nothing: they leave the timers kept for the judging.
    closeWhen: `new Promise((resolve) => { window.__onTimer = (t) => {
      if (t.ms < (ActionCable.ConnectionMonitor.staleThreshold + 1) * 1000) return;
      window.__onTimer = null; window.__timers.splice(0, window.__timers.indexOf(t)); resolve(); }; })`,
  },
  mqtt: {
    id: 'mqtt',
    backend: () => mqttBackend(),
    configs: [
      { label: 'default', options: {}, model: mqttModel({ period: 1 }) },
      { label: 'reconnectPeriod 5000', options: { reconnectPeriod: 5000 }, model: mqttModel({ period: 5 }) },
    ],
    // MQTT.js over WebSockets (subprotocol mqtt, MQTT 3.1.1). The client subscribes again on every connect
    // (and resubscribes by itself): the broker keeps one set of topics per connection, so each publish
    // comes back once. Its 'close' carries no code.
    harness: `
      const client = Mqtt.connect(WS + '/mqtt', O);
      client.on('connect', () => {
        H.opened();
        client.subscribe('echo');
        for (let i = 0; i < ECHOES; i++) { client.publish('echo', 'm' + i); H.sent++; }
      });
      client.on('message', () => { H.echoed(); });
      client.on('close', () => H.closed('close'));
      client.on('error', (e) => H.note('error ' + e.message));`,
    // The connect timeout (30 s, cleared by the CONNACK) and the zero-delay timers of the stream polyfills.
    otherTimers: (t) => t.ms === 30_000 || t.ms === 0,
    queueTimers: (t) => t.ms === 0 && !t.every,
  },
  'pusher-js': {
    id: 'pusher-js',
    backend: () => pusherBackend(),
    configs: [
      { label: 'default', options: {}, model: pusherModel() },
      {
        // Tuned as apps tune it against proxies that cut idle connections; its reconnect timing stays the same.
        label: `activityTimeout ${PUSHER_TUNED_ACTIVITY_MS}, pongTimeout ${PUSHER_TUNED_PONG_MS}`,
        options: { activityTimeout: PUSHER_TUNED_ACTIVITY_MS, pongTimeout: PUSHER_TUNED_PONG_MS },
        model: pusherModel(),
      },
    ],
    // The WebSocket transport only, to this server (as an app on Soketi or Reverb sets wsHost and wsPort): the
    // default's wss and HTTP fallbacks would open sockets and requests to Pusher's hosts and port 443. A private
    // channel, as client events need one, authorized by the app's own handler; each client event is answered
    // by the server's `echo` event. The manager reports a lost connection by leaving 'connected', and the close
    // code (but 1000 and 1001) as a PusherError just before.
    harness: `
      const u = new URL(WS);
      let code = 'closed';
      const pusher = new PusherJs(${JSON.stringify(PUSHER_APP_KEY)}, Object.assign({
        cluster: 'local', wsHost: u.hostname, wsPort: Number(u.port), forceTLS: false, enabledTransports: ['ws'],
        channelAuthorization: { customHandler: (p, cb) => cb(null, { auth: ${JSON.stringify(PUSHER_APP_KEY)} + ':' + p.socketId }) },
      }, O));
      pusher.connection.bind('error', (e) => { if (e && e.type === 'PusherError' && e.data) code = e.data.code; });
      pusher.connection.bind('state_change', (s) => {
        if (s.previous === 'connected') { H.closed(code); code = 'closed'; }
        if (s.current !== 'connected' && s.current !== 'connecting') H.note(s.current);
      });
      const channel = pusher.subscribe('private-echo');
      channel.bind('pusher:subscription_succeeded', () => {
        H.opened();
        for (let i = 0; i < ECHOES; i++) { channel.trigger('client-echo', { text: 'm' + i }); H.sent++; }
      });
      channel.bind('pusher:subscription_error', (e) => H.note('subscription error ' + (e && e.status)));
      channel.bind('echo', () => { H.echoed(); });`,
    // Reconnects come from retryIn's 1 s and the ws loop's 15, 30 and 60 s (models-hosted.ts). The wss and HTTP
    // fallback loops start 2 s and 5 s after the ws loop with a 15 s timer of their own: the attempt the ws
    // loop's 15 s opens connects, and cancels them, 2 s before the first of them is due.
    otherTimers: (t) => ![1000, 15_000, 30_000, 60_000].includes(t.ms),
    // The cached attempt's timeout, twice the latency of the last connection plus 1 s; every other delay
    // pusher-js asks for is a constant of its source or an option.
    clockTimers: (t) => !PUSHER_CONSTANT_MS.includes(t.ms),
  },
} satisfies Partial<Record<LibraryId, Library>>;
