/**
 * Bundles each client library the way its users ship it: a browser build by
 * Vite from the package in node_modules, unmodified, as one classic script
 * that puts the library's export on `window` for the test page to use.
 */
import { build } from 'vite';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { libraryFileStem, type LibraryId } from './library-ids';

const ROOT = resolve(__dirname, '../../..');

/** The import a user writes, and the global the page reads it from. */
export const ENTRIES: Record<LibraryId, { code: string; global: string; define?: Record<string, string> }> = {
  'reconnecting-websocket': {
    code: `import ReconnectingWebSocket from 'reconnecting-websocket'; export default ReconnectingWebSocket;`,
    global: 'ReconnectingWebSocket',
  },
  'socket.io-client': { code: `export { io } from 'socket.io-client';`, global: 'SocketIoClient' },
  'graphql-ws': { code: `export { createClient } from 'graphql-ws';`, global: 'GraphqlWs' },
  sockette: { code: `import Sockette from 'sockette'; export default Sockette;`, global: 'Sockette' },
  phoenix: { code: `export { Socket } from 'phoenix';`, global: 'Phoenix' },
  '@stomp/stompjs': { code: `export { Client } from '@stomp/stompjs';`, global: 'StompJs' },
  centrifuge: { code: `export { Centrifuge } from 'centrifuge';`, global: 'CentrifugeJs' },
  '@microsoft/signalr': {
    code: `export { HubConnectionBuilder, HttpTransportType } from '@microsoft/signalr';`,
    global: 'SignalR',
  },
  '@supabase/realtime-js': {
    code: `export { RealtimeClient } from '@supabase/realtime-js';`,
    global: 'SupabaseRealtime',
  },
  // The provider syncs a Yjs document: the app imports both, and one copy of yjs goes in the bundle.
  'y-websocket': {
    code: `export { WebsocketProvider } from 'y-websocket'; export { Doc } from 'yjs';`,
    global: 'YWebsocket',
  },
  partysocket: { code: `export { PartySocket } from 'partysocket';`, global: 'PartySocketJs' },
  // ConnectionMonitor too: an app tunes its staleThreshold on the class.
  '@rails/actioncable': {
    code: `export { createConsumer, ConnectionMonitor } from '@rails/actioncable';`,
    global: 'ActionCable',
  },
  // The browser build (package.json's browser export), as a bundler picks it.
  mqtt: { code: `import mqtt from 'mqtt'; export default mqtt;`, global: 'Mqtt' },
  // The browser build (package.json's browser field), as a bundler picks it.
  'pusher-js': { code: `import Pusher from 'pusher-js'; export default Pusher;`, global: 'PusherJs' },
  // STOMP over SockJS, as a Spring app's page writes it: both clients, one bundle. sockjs-client's browser build
  // (dist/, the file package.json names for its CDN): its CommonJS source reads Node's `global` and
  // `process.env`, which a Vite build leaves undefined in the browser.
  'sockjs-client': {
    code: `export { Client } from '@stomp/stompjs'; export { default as SockJS } from 'sockjs-client/dist/sockjs.min.js';`,
    global: 'StompSockJs',
  },
  // Apollo's legacy transport: its browser build (package.json's browser field, dist/client.js), as a bundler picks it.
  'subscriptions-transport-ws': {
    code: `export { SubscriptionClient } from 'subscriptions-transport-ws';`,
    global: 'SubscriptionsTransportWs',
  },
  // A React app: the hook with the React it renders in, one bundle. React's CommonJS entry picks its build from
  // `process.env.NODE_ENV`, which an app's bundler replaces (Vite's app build with "production"); a library build
  // leaves it to the consumer, so it is replaced here as the app's build would.
  'react-use-websocket': {
    code: `export { default as useWebSocket, ReadyState } from 'react-use-websocket'; export { createElement, useEffect } from 'react'; export { createRoot } from 'react-dom/client';`,
    global: 'ReactUseWebSocket',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  },
  // Its package.json's browser field maps its `ws` import to the browser's WebSocket, as a bundler picks it.
  'socketcluster-client': {
    code: `import socketClusterClient from 'socketcluster-client'; export default socketClusterClient;`,
    global: 'SocketCluster',
  },
  // A dapp's client, as viem's docs import it; its WebSocket comes from isows, whose browser export is the page's own.
  viem: { code: `export { createPublicClient, webSocket } from 'viem';`, global: 'Viem' },
  // Its browser build (package.json's browser export), as a bundler picks it for @solana/web3.js's apps.
  'rpc-websockets': { code: `export { Client } from 'rpc-websockets';`, global: 'RpcWebSockets' },
  // Its WebSocket comes from its browser ws.js (package.json's browser field): the page's own, read at load.
  ethers: { code: `export { WebSocketProvider } from 'ethers';`, global: 'Ethers' },
};

/** Builds one IIFE per library into `outDir`; returns the file path per library. */
export async function bundleLibraries(outDir: string, ids: readonly LibraryId[]): Promise<Record<string, string>> {
  mkdirSync(outDir, { recursive: true });
  const files: Record<string, string> = {};
  for (const id of ids) {
    const entry = ENTRIES[id];
    const name = libraryFileStem(id);
    // A virtual entry (nothing written to the repository); its bare import resolves
    // from the repository's node_modules like a user's own module would.
    const entryId = `${ROOT}/conformance-entry-${name}.js`;
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      ...(entry.define && { define: entry.define }),
      plugins: [
        {
          name: 'conformance-entry',
          resolveId: (id) => (id === entryId ? id : undefined),
          load: (id) => (id === entryId ? entry.code : undefined),
        },
      ],
      build: {
        outDir,
        emptyOutDir: false,
        minify: true,
        lib: { entry: entryId, formats: ['iife'], name: entry.global, fileName: () => `${name}.iife.js` },
      },
    });
    files[id] = join(outDir, `${name}.iife.js`);
    if (!readFileSync(files[id], 'utf8').includes('WebSocket'))
      throw new Error(`bundle of ${id} does not mention WebSocket`);
  }
  return files;
}
