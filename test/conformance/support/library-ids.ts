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
] as const;
export type LibraryId = (typeof LIBRARY_IDS)[number];
