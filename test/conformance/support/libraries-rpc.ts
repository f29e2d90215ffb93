/**
 * The JSON-RPC clients of the blockchain apps that do not use viem: rpc-websockets (under @solana/web3.js's
 * Connection) against its own server, and ethers' WebSocketProvider against an Ethereum node's endpoint. Their
 * server, the page code a user would write, and the delay model read from their source (models-rpc.ts).
 */
import type { LibraryId } from './library-ids';
import type { Library } from './library-types';
import { jsonRpcBackend, rpcWebsocketsBackend } from './backends-jsonrpc';
import { ETHERS_MODEL, ethersAppModel, rpcWebsocketsModel } from './models-rpc';

/** The app's reconnect around ethers, as the snippet passed around for WebSocketProvider writes it: 100 ms. */
const ETHERS_APP_RECONNECT_MS = 100;

export const RPC_LIBRARIES = {
  'rpc-websockets': {
    id: 'rpc-websockets',
    backend: () => rpcWebsocketsBackend(),
    configs: [
      { label: 'default', options: {}, model: rpcWebsocketsModel({ interval: 1, maxReconnects: 5 }) },
      {
        // @solana/web3.js's Connection passes max_reconnects: Infinity, which JSON cannot carry; 0 is the
        // library's own "no limit" and takes the same branch of its check.
        label: "max_reconnects: 0 (no limit, as @solana/web3.js's Infinity)",
        options: { max_reconnects: 0 },
        model: rpcWebsocketsModel({ interval: 1, maxReconnects: 0 }),
      },
    ],
    // As its README writes a browser client: a Client on the server's address, calls once it is open. It reports
    // the close of a socket that opened (`close`, with the code), every `error` event, and giving up.
    harness: `
      const ws = new RpcWebSockets.Client(WS + '/', O);
      ws.on('open', () => {
        H.opened();
        for (let i = 0; i < ECHOES; i++) {
          ws.call('echo', ['m' + i]).then(() => H.echoed(), (e) => H.note('call ' + (e && e.message)));
          H.sent++;
        }
      });
      ws.on('close', (code) => H.closed(code));
      ws.on('error', (e) => H.note('error ' + (e && e.type)));
      ws.on('max_reconnects_reached', (code) => H.note('max reconnects reached after ' + code));`,
    // The zero-delay timer that emits `close` to the app, and the 1 ms one that emits `max_reconnects_reached`.
    otherTimers: (t) => t.ms <= 1,
  },
  ethers: {
    id: 'ethers',
    backend: () => jsonRpcBackend(),
    configs: [
      { label: 'default', options: {}, model: ETHERS_MODEL },
      {
        label: `the app's reconnect: its own WebSocket, a new one and a new provider ${ETHERS_APP_RECONNECT_MS} ms after each close`,
        options: { appReconnectMs: ETHERS_APP_RECONNECT_MS },
        model: ethersAppModel(ETHERS_APP_RECONNECT_MS / 1000),
      },
    ],
    // A dapp watching the chain's head, as ethers' docs write it: a WebSocketProvider on the node's URL and a
    // `block` listener (eth_subscribe to newHeads). The server's block numbers run on, ECHOES_PER_OPEN per
    // connection, so a connection's first head is a multiple of it. ethers tells the app of no close: the page
    // listens on the provider's socket itself. With `appReconnectMs`, the app does what ethers' maintainer
    // advises for a reconnect: it makes the WebSocket, with a close listener, and passes it in place of the URL;
    // on its close it destroys the provider (whose close() on the closed socket closes nothing) and starts over.
    harness: `
      const watch = (provider) =>
        provider.on('block', (n) => { if (n % ECHOES === 0) H.opened(); H.echoed(); });
      if (O.appReconnectMs === undefined) {
        const provider = new Ethers.WebSocketProvider(WS + '/rpc');
        provider.websocket.addEventListener('close', (e) => H.closed(e.code));
        watch(provider);
      } else {
        const connect = () => {
          const socket = new WebSocket(WS + '/rpc');
          const provider = new Ethers.WebSocketProvider(socket);
          socket.addEventListener('close', (e) => {
            H.closed(e.code);
            provider.destroy();
            setTimeout(connect, O.appReconnectMs);
          });
          watch(provider);
        };
        connect();
      }`,
    // The provider's request queue, drained on a zero-delay timer (provider-jsonrpc.js, #scheduleDrain: a stall
    // time of 0 with batchMaxCount 1, as on a socket). A request made while one is pending joins it, so how many
    // there are follows whether the network check and the subscription were asked for in one task or two.
    otherTimers: (t) => t.ms === 0,
    queueTimers: (t) => t.ms === 0,
  },
} satisfies Partial<Record<LibraryId, Library>>;
