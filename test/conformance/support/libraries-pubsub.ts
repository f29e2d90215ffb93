/**
 * The libraries whose server pushes on subscriptions it keeps per connection (SocketCluster's pub/sub, an
 * Ethereum node's `eth_subscribe` through viem): their server, the page code a user would write, and the delay
 * model read from their source (models-socketcluster.ts, models-viem.ts).
 */
import type { LibraryId } from './library-ids';
import type { Library } from './library-types';
import { socketClusterBackend, SC_PING_TIMEOUT_MS } from './backends-socketcluster';
import { SC_DEFAULT_RECONNECT, socketClusterModel, type ScReconnect } from './models-socketcluster';
import { jsonRpcBackend } from './backends-jsonrpc';
import { viemModel } from './models-viem';

/** A quicker backoff, as an app whose users should not wait 10–20 s sets it. */
const SC_TUNED: ScReconnect = { initialDelay: 1000, randomness: 1000, multiplier: 2, maxDelay: 8000 };

export const PUBSUB_LIBRARIES = {
  'socketcluster-client': {
    id: 'socketcluster-client',
    backend: () => socketClusterBackend(),
    configs: [
      { label: 'default', options: {}, model: socketClusterModel(SC_DEFAULT_RECONNECT) },
      {
        label: 'autoReconnectOptions 1–2 s ×2, cap 8 s',
        options: { autoReconnectOptions: SC_TUNED },
        model: socketClusterModel(SC_TUNED),
      },
    ],
    // As its README writes a client: create() with the server's host and port (its default path
    // /socketcluster/), a receiver for the server's `echo` transmits, and the socket's own event streams.
    // The client reports no close by callback: its `disconnect` stream carries the code of a connected socket's
    // close, and `connectAbort` that of an attempt that never opened (a refused handshake's 1006).
    harness: `
      const u = new URL(WS);
      const socket = SocketCluster.create(Object.assign({ hostname: u.hostname, port: Number(u.port) }, O));
      (async () => { for await (const _ of socket.listener('connect')) {
        H.opened();
        for (let i = 0; i < ECHOES; i++) { socket.transmit('echo', 'm' + i); H.sent++; }
      } })();
      (async () => { for await (const _ of socket.receiver('echo')) H.echoed(); })();
      (async () => { for await (const e of socket.listener('disconnect')) H.closed(e.code); })();
      (async () => { for await (const e of socket.listener('connectAbort')) H.note('connect abort ' + e.code); })();`,
    // The handshake's ack timeout (10 s), the connect timeout (20 s) and the ping timeout (the server's 20 s).
    otherTimers: (t) => t.ms === 10_000 || t.ms === SC_PING_TIMEOUT_MS,
    // The ping timeout is re-armed by every ping the server sends on its own 8 s clock: how many the page asked
    // for follows how long the scenario ran in that browser, not what the library decided.
    heartbeatTimers: (t) => t.ms === SC_PING_TIMEOUT_MS,
  },
  viem: {
    id: 'viem',
    backend: () => jsonRpcBackend(),
    configs: [
      { label: 'default', options: {}, model: viemModel({ attempts: 5, delay: 2 }) },
      {
        label: 'reconnect: { attempts: 10, delay: 1000 }',
        options: { reconnect: { attempts: 10, delay: 1000 } },
        model: viemModel({ attempts: 10, delay: 1 }),
      },
    ],
    // A dapp watching the chain's head over its node's WebSocket, as viem's docs write it: a public client on the
    // webSocket transport, and watchBlockNumber, which subscribes to newHeads there and is subscribed again on
    // every reconnection. The server's block numbers run on, ECHOES_PER_OPEN per connection, so a connection's
    // first head is a multiple of it. viem reports no close code: each lost socket reaches the watcher's
    // onError as a SocketClosedError (and a failed handshake's error event first, as the event itself).
    harness: `
      const client = Viem.createPublicClient({ transport: Viem.webSocket(WS + '/rpc', O) });
      client.watchBlockNumber({
        onBlockNumber: (n) => { if (n % BigInt(ECHOES) === 0n) H.opened(); H.echoed(); },
        onError: (e) => (e && e.name === 'SocketClosedError' ? H.closed(e.name) : H.note('error ' + (e && (e.name || e.type)))),
      });`,
    // Each request's timeout (10 s, cleared by its answer).
    otherTimers: (t) => t.ms === 10_000,
  },
} satisfies Partial<Record<LibraryId, Library>>;
