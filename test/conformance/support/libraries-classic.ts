/**
 * The libraries that speak plain WebSocket or a protocol of their own to a server of that protocol
 * (reconnecting-websocket, socket.io, graphql-ws, sockette, phoenix, STOMP, Centrifugo): their server,
 * the page code a user would write, and the delay model read from their source (models.ts).
 */
import type { LibraryId } from './library-ids';
import type { Library } from './library-types';
import {
  centrifugoBackend,
  echoBackend,
  graphqlWsBackend,
  phoenixBackend,
  socketIoBackend,
  stompBackend,
} from './backends';
import { SOCKJS_BASE, sockjsStompBackend } from './backends-sockjs';
import {
  centrifugeModel,
  graphqlWsModel,
  phoenixModel,
  rwsModel,
  socketIoModel,
  socketteModel,
  stompModel,
  stompOverSockjsModel,
} from './models';

/** The reconnectDelay of each STOMP over SockJS configuration, ms: stompjs's default, and a shorter one. */
const SOCKJS_STOMP_DELAYS_MS = [5000, 2000];

/** phoenix's default reconnectAfterMs steps (socket.js), before its 5 s plateau. */
const PHOENIX_STEPS = [10, 50, 100, 150, 200, 250, 500, 1000, 2000];

/**
 * A STOMP app's page code around the client `make` builds: the subscription is made again on every
 * (re)connection, as STOMP sessions do not survive one.
 */
const stompHarness = (make: string) => `
      const client = ${make};
      client.onConnect = () => {
        H.opened();
        client.subscribe('/topic/echo', () => { H.echoed(); });
        for (let i = 0; i < ECHOES; i++) { client.publish({ destination: '/topic/echo', body: 'm' + i }); H.sent++; }
      };
      client.onWebSocketClose = (e) => H.closed(e.code);
      client.onStompError = (f) => H.note('stomp error ' + f.headers.message);
      client.activate();`;

export const CLASSIC_LIBRARIES = {
  'reconnecting-websocket': {
    id: 'reconnecting-websocket',
    backend: () => echoBackend(),
    configs: [
      { label: 'default', options: {}, model: rwsModel({ min: null, grow: 1.3, max: 10 }) },
      {
        label: 'constant 1 s (minReconnectionDelay 1000, reconnectionDelayGrowFactor 1)',
        options: { minReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 },
        model: rwsModel({ min: 1, grow: 1, max: 10 }),
      },
    ],
    harness: `
      const ws = new ReconnectingWebSocket(WS + '/rws', undefined, O);
      ws.addEventListener('open', () => { H.opened(); for (let i = 0; i < ECHOES; i++) { ws.send('m' + i); H.sent++; } });
      ws.addEventListener('message', () => { H.echoed(); });
      ws.addEventListener('close', (e) => H.closed(e.code));`,
    // minUptime (5 s after an open, resets the retry count) and connectionTimeout (4 s, cancelled on open or close).
    otherTimers: (t) => t.ms === 5000 || t.ms === 4000,
  },
  'socket.io-client': {
    id: 'socket.io-client',
    backend: (http) => socketIoBackend(http),
    configs: [
      { label: 'default', options: {}, model: socketIoModel({ delay: 1, max: 5, jitter: 0.5 }) },
      {
        label: 'reconnectionDelay 2000',
        options: { reconnectionDelay: 2000 },
        model: socketIoModel({ delay: 2, max: 5, jitter: 0.5 }),
      },
    ],
    // transports: ['websocket']: the default starts with HTTP long-polling, whose retries no WebSocket hook sees.
    harness: `
      const s = SocketIoClient.io(ORIGIN, Object.assign({ transports: ['websocket'] }, O));
      s.on('connect', () => { H.opened(); for (let i = 0; i < ECHOES; i++) { s.emit('echo', 'm' + i); H.sent++; } });
      s.on('echo', () => { H.echoed(); });
      s.on('disconnect', (reason) => H.closed(reason));`,
  },
  'graphql-ws': {
    id: 'graphql-ws',
    backend: () => graphqlWsBackend(),
    configs: [
      { label: 'default', options: {}, model: graphqlWsModel({ retryAttempts: 5 }) },
      { label: 'retryAttempts 0', options: { retryAttempts: 0 }, model: graphqlWsModel({ retryAttempts: 0 }) },
    ],
    // The client is lazy: the long-lived subscription is what makes (and keeps) a socket.
    harness: `
      const client = GraphqlWs.createClient(Object.assign({ url: WS + '/graphql' }, O));
      client.on('connected', () => {
        H.opened();
        for (let i = 0; i < ECHOES; i++) {
          H.sent++;
          client.subscribe({ query: 'query ($t: String) { echo(text: $t) }', variables: { t: 'm' + i } },
            { next: () => { H.echoed(); }, error: () => H.note('echo error'), complete: () => {} });
        }
      });
      client.on('closed', (e) => H.closed(e.code));
      client.subscribe({ query: 'subscription { forever }' },
        { next: () => {}, error: (e) => H.note('subscription error ' + (e && e.code)), complete: () => H.note('subscription complete') });`,
  },
  sockette: {
    id: 'sockette',
    backend: () => echoBackend(),
    configs: [
      { label: 'default', options: {}, model: socketteModel({ timeout: 1 }) },
      { label: 'timeout 250', options: { timeout: 250 }, model: socketteModel({ timeout: 0.25 }) },
    ],
    harness: `
      const s = new Sockette(WS + '/sockette', Object.assign({}, O, {
        onopen: () => { H.opened(); for (let i = 0; i < ECHOES; i++) { s.send('m' + i); H.sent++; } },
        onmessage: () => { H.echoed(); },
        onclose: (e) => H.closed(e.code),
        onmaximum: () => H.note('maximum'),
      }));`,
  },
  phoenix: {
    id: 'phoenix',
    backend: () => phoenixBackend(),
    configs: [
      { label: 'default', options: {}, model: phoenixModel({ steps: PHOENIX_STEPS, after: 5000 }) },
      {
        label: 'reconnectAfterMs 1.5 s, 3 s, 6 s, then 12 s',
        options: { reconnectSteps: [1500, 3000, 6000], reconnectAfter: 12000 },
        model: phoenixModel({ steps: [1500, 3000, 6000], after: 12000 }),
      },
    ],
    // A channel joined on every (re)connection, as an app's channels are: the library rejoins it itself.
    harness: `
      const socket = new Phoenix.Socket(WS + '/socket', O.reconnectSteps
        ? { reconnectAfterMs: (tries) => O.reconnectSteps[tries - 1] || O.reconnectAfter } : {});
      socket.onOpen(() => H.opened());
      socket.onClose((e) => H.closed(e.code));
      const channel = socket.channel('room:echo', {});
      channel.on('echo', () => { H.echoed(); });
      channel.join().receive('ok', () => { for (let i = 0; i < ECHOES; i++) { channel.push('echo', { text: 'm' + i }); H.sent++; } });
      socket.connect();`,
    // The heartbeat (30 s) and each push's reply timeout (10 s).
    otherTimers: (t) => t.ms === 30_000 || t.ms === 10_000,
  },
  '@stomp/stompjs': {
    id: '@stomp/stompjs',
    backend: () => stompBackend(),
    configs: [
      { label: 'default', options: {}, model: stompModel({ delay: 5, doubling: false, max: 900 }) },
      {
        label: 'reconnectTimeMode EXPONENTIAL, reconnectDelay 1000, maxReconnectDelay 16000',
        // ReconnectionTimeMode.EXPONENTIAL is 1 (the enum's value, as JSON carries it).
        options: { reconnectTimeMode: 1, reconnectDelay: 1000, maxReconnectDelay: 16000 },
        model: stompModel({ delay: 1, doubling: true, max: 16 }),
      },
    ],
    harness: stompHarness(`new StompJs.Client(Object.assign({ brokerURL: WS + '/stomp' }, O))`),
  },
  'sockjs-client': {
    id: 'sockjs-client',
    backend: () => sockjsStompBackend(),
    configs: [
      {
        label: 'default (@stomp/stompjs reconnectDelay 5000)',
        options: {},
        model: stompOverSockjsModel({ delay: 5, doubling: false, max: 900 }),
      },
      {
        label: 'reconnectDelay 2000',
        options: { reconnectDelay: 2000 },
        model: stompOverSockjsModel({ delay: 2, doubling: false, max: 900 }),
      },
    ],
    // The same STOMP client as above, its socket made by SockJS (Spring's STOMP over SockJS). The WebSocket
    // transport only: sockjs-client's fallbacks (xhr-streaming, eventsource, polling) are HTTP requests, which
    // no WebSocket hook sees; with them, a refused handshake would move the session to HTTP.
    harness: stompHarness(`new StompSockJs.Client(Object.assign({
        webSocketFactory: () => new StompSockJs.SockJS(ORIGIN + ${JSON.stringify(SOCKJS_BASE)}, null, { transports: ['websocket'] }),
      }, O))`),
    // Only stompjs's reconnectDelay reconnects. SockJS's own timers: zero-delay ones (the /info request's two, and
    // the close event's), the /info timeout (8 s, cancelled by the answer) and the connect timeout.
    otherTimers: (t) => !SOCKJS_STOMP_DELAYS_MS.includes(t.ms),
    // The connect timeout, worked out from the /info round trip (2 · (300 ms + rtt), or 8 · rtt over 100 ms): on
    // 127.0.0.1, 0.6–0.8 s. Only a round trip of exactly 250 or 625 ms would give it a reconnect delay's value.
    clockTimers: (t) => ![0, 8000, ...SOCKJS_STOMP_DELAYS_MS].includes(t.ms),
  },
  centrifuge: {
    id: 'centrifuge',
    backend: () => centrifugoBackend(),
    configs: [
      { label: 'default', options: {}, model: centrifugeModel({ min: 0.5, max: 20 }) },
      {
        label: 'minReconnectDelay 1000, maxReconnectDelay 10000',
        options: { minReconnectDelay: 1000, maxReconnectDelay: 10000 },
        model: centrifugeModel({ min: 1, max: 10 }),
      },
    ],
    // Centrifugo's documented WebSocket endpoint. 'connecting' with a non-zero code is a lost connection
    // the client will reconnect (code 0 is the first connect()); 'disconnected' is one it gave up on.
    harness: `
      const client = new CentrifugeJs.Centrifuge(WS + '/connection/websocket', O);
      client.on('connected', () => { H.opened(); for (let i = 0; i < ECHOES; i++) { void client.send({ text: 'm' + i }); H.sent++; } });
      client.on('message', () => { H.echoed(); });
      client.on('connecting', (ctx) => { if (ctx.code !== 0) H.closed(ctx.code); });
      client.on('disconnected', (ctx) => H.closed(ctx.code));
      client.connect();`,
  },
} satisfies Partial<Record<LibraryId, Library>>;
