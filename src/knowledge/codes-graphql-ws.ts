/**
 * Close codes of the graphql-ws library (subprotocol `graphql-transport-ws`),
 * named after its `CloseCode` enum, plus 4499 Terminated which its client
 * raises from `terminate()`. Not to be confused with the legacy subprotocol
 * literally named `graphql-ws`, which belongs to subscriptions-transport-ws.
 *
 * Advice mirrors the graphql-ws client's own retry rule: the codes it treats as
 * fatal (4004, 4005, 4400, 4401, 4406, 4409, 4429, 4500) are do-not-resend;
 * the ones it retries (4403, 4408, 4499, 4504) are app-choice, because auth
 * travels in the connection_init payload, which a URL comparison cannot see.
 */
import { makeEntries } from './entry-builder';
import { SRC_GRAPHQL_WS, SRC_GRAPHQL_WS_CLIENT } from './sources';
import type { CodeEntry } from './types';

export const GRAPHQL_WS_PROTOCOL = 'graphql-ws';
export const GRAPHQL_TRANSPORT_WS_SUBPROTOCOL = 'graphql-transport-ws';

const FATAL = 'code_gqlws_reconnect_fatal';
const RETRIED = 'code_gqlws_reconnect_retried';

export const GRAPHQL_WS_ENTRIES: readonly CodeEntry[] = makeEntries(GRAPHQL_WS_PROTOCOL, 'code_gqlws', SRC_GRAPHQL_WS, [
  { code: 4004, category: 'application', reconnect: 'do-not-resend', reconnectId: FATAL },
  { code: 4005, category: 'application', reconnect: 'do-not-resend', reconnectId: FATAL },
  { code: 4400, category: 'application', reconnect: 'do-not-resend', reconnectId: FATAL },
  { code: 4401, category: 'policy', reconnect: 'do-not-resend', reconnectId: FATAL },
  { code: 4403, category: 'policy', reconnect: 'app-choice', reconnectId: RETRIED },
  { code: 4406, category: 'application', reconnect: 'do-not-resend', reconnectId: FATAL },
  { code: 4408, category: 'application', reconnect: 'app-choice', reconnectId: RETRIED },
  { code: 4409, category: 'application', reconnect: 'do-not-resend', reconnectId: FATAL },
  { code: 4429, category: 'application', reconnect: 'do-not-resend', reconnectId: FATAL },
  {
    code: 4499,
    category: 'application',
    reconnect: 'app-choice',
    reconnectId: RETRIED,
    source: SRC_GRAPHQL_WS_CLIENT,
  },
  { code: 4500, category: 'server-error', reconnect: 'do-not-resend', reconnectId: FATAL },
  { code: 4504, category: 'application', reconnect: 'app-choice', reconnectId: RETRIED },
]);
