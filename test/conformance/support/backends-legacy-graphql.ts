/**
 * Apollo's legacy GraphQL transport, served by its own server: `SubscriptionServer` from
 * subscriptions-transport-ws, on a `ws` server, with the schema graphql-ws's server serves (backends.ts).
 * It speaks the protocol its client does (subprotocol `graphql-ws`): `connection_init` answered with
 * `connection_ack`, each `start` run (the echo query: `data`, then `complete`; the `forever` subscription:
 * nothing until the socket goes), and each `stop` ending its operation. No keep-alive, its default.
 */
import { createRequire } from 'node:module';
import { wsBackend, schema } from './backends';
import type { Backend } from './scenario-server';

// The server, loaded by Node, gets graphql's CommonJS build: execute and subscribe must come from that same
// module instance as the schema (backends.ts).
const require = createRequire(import.meta.url);
const { execute, subscribe } = require('graphql') as typeof import('graphql');
const { SubscriptionServer } = require('subscriptions-transport-ws') as typeof import('subscriptions-transport-ws');

/** The subprotocol the client asks for and the server requires (its protocol.ts: GRAPHQL_WS). */
export const LEGACY_GRAPHQL_SUBPROTOCOL = 'graphql-ws';

export const subscriptionsTransportBackend = (): Backend =>
  wsBackend((wss) => void SubscriptionServer.create({ schema, execute, subscribe }, wss));
