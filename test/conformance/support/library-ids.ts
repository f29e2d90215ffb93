/** The client libraries the conformance suite runs, by npm package name. */
export const LIBRARY_IDS = [
  'reconnecting-websocket',
  'socket.io-client',
  'graphql-ws',
  'sockette',
  'phoenix',
  '@stomp/stompjs',
  'centrifuge',
  '@microsoft/signalr',
  '@supabase/realtime-js',
  'y-websocket',
  'partysocket',
  '@rails/actioncable',
  'mqtt',
  'pusher-js',
  'sockjs-client',
  'subscriptions-transport-ws',
  'react-use-websocket',
  'socketcluster-client',
  'viem',
  'rpc-websockets',
  'ethers',
] as const;
export type LibraryId = (typeof LIBRARY_IDS)[number];

/** A library id as one file name (bundles, results, traces): a scoped name (`@scope/name`) must not become a folder. */
export const libraryFileStem = (id: LibraryId): string => id.replace(/[^a-z0-9.-]/gi, '_');
