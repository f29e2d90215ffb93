/**
 * The libraries an app wires into its GraphQL or UI framework (Apollo's legacy subscriptions transport,
 * React's WebSocket hook): their server, the page code a user would write, and the delay model read from
 * their source (models-framework.ts).
 */
import type { LibraryId } from './library-ids';
import type { Library } from './library-types';
import { echoBackend } from './backends';
import { LEGACY_GRAPHQL_SUBPROTOCOL, subscriptionsTransportBackend } from './backends-legacy-graphql';
import { reactUseWebSocketModel, subscriptionsTransportModel } from './models-framework';

/** react-use-websocket's README: a fixed interval (3 s, at most 10 attempts), and its exponential backoff. */
const README_INTERVAL_MS = 3000;
const README_ATTEMPTS = 10;
const readmeBackoffMs = (n: number) => Math.min(2 ** n * 1000, 10_000);

export const FRAMEWORK_LIBRARIES = {
  'subscriptions-transport-ws': {
    id: 'subscriptions-transport-ws',
    backend: () => subscriptionsTransportBackend(),
    configs: [
      {
        label: 'default (reconnect false)',
        options: {},
        model: subscriptionsTransportModel({ reconnect: false }),
      },
      {
        label: 'reconnect: true',
        options: { reconnect: true },
        model: subscriptionsTransportModel({ reconnect: true }),
      },
    ],
    // As Apollo Client's WebSocketLink makes it: eager, one long-lived subscription, and three echo queries on each
    // (re)connection. Its connect timeout is asked for just after each new socket, while the client holds it in its
    // `client` field; its reconnect timer once the closed socket is dropped (the field null): __onTimer tells them
    // apart as they are asked for, since a random reconnect delay may equal a connect timeout's.
    harness: `
      let client = null;
      window.__onTimer = (t) => { if (client === null || client.client !== null) t.other = true; };
      client = new SubscriptionsTransportWs.SubscriptionClient(WS + '/graphql', O);
      const echo = () => {
        for (let i = 0; i < ECHOES; i++) {
          H.sent++;
          client.request({ query: 'query ($t: String) { echo(text: $t) }', variables: { t: 'm' + i } })
            .subscribe({ next: () => { H.echoed(); }, error: () => H.note('echo error') });
        }
      };
      client.onConnected(() => { H.opened(); echo(); });
      client.onReconnected(() => { H.opened(); echo(); });
      client.onDisconnected(() => H.closed('disconnected'));
      client.onError(() => H.note('error'));
      client.request({ query: 'subscription { forever }' })
        .subscribe({ next: () => {}, error: () => H.note('subscription error'), complete: () => H.note('subscription complete') });`,
    // The legacy subprotocol named `graphql-ws`: the graphql-ws library's codes (its subprotocol is
    // graphql-transport-ws) must not be read into this socket's.
    subprotocol: { negotiated: LEGACY_GRAPHQL_SUBPROTOCOL, establishes: [] },
    otherTimers: (t) => t.other === true,
    raceTimers: (t) => t.other === true,
  },
  'react-use-websocket': {
    id: 'react-use-websocket',
    backend: () => echoBackend(),
    configs: [
      {
        label: `shouldReconnect: () => true, reconnectInterval ${README_INTERVAL_MS}, reconnectAttempts ${README_ATTEMPTS}`,
        options: { shouldReconnect: true, reconnectInterval: README_INTERVAL_MS, reconnectAttempts: README_ATTEMPTS },
        model: reactUseWebSocketModel({
          intervalMs: () => README_INTERVAL_MS,
          summary: `constant ${README_INTERVAL_MS / 1000} s, up to ${README_ATTEMPTS} attempts, any code`,
        }),
      },
      {
        label: `shouldReconnect: () => true, reconnectInterval: (n) => min(2^n · 1000, 10000), reconnectAttempts ${README_ATTEMPTS}`,
        options: { shouldReconnect: true, backoff: true, reconnectAttempts: README_ATTEMPTS },
        model: reactUseWebSocketModel({
          intervalMs: readmeBackoffMs,
          summary: `1 s ×2, cap 10 s, up to ${README_ATTEMPTS} attempts, any code`,
        }),
      },
    ],
    // A React app's component, as the README writes it (no StrictMode, as in a production build), rendered as the
    // page's script runs (in its head: no body yet): messages sent
    // when the hook's readyState becomes OPEN, each echo counted by onMessage.
    harness: `
      const { useWebSocket, ReadyState, createElement, useEffect, createRoot } = ReactUseWebSocket;
      const options = {
        onMessage: () => { H.echoed(); },
        onClose: (e) => H.closed(e.code),
        onError: () => H.note('error'),
        reconnectAttempts: O.reconnectAttempts,
      };
      if (O.shouldReconnect) options.shouldReconnect = () => true;
      options.reconnectInterval = O.backoff ? (n) => Math.min(Math.pow(2, n) * 1000, 10000) : O.reconnectInterval;
      function App() {
        const { sendMessage, readyState } = useWebSocket(WS + '/react', options);
        useEffect(() => {
          if (readyState !== ReadyState.OPEN) return;
          H.opened();
          for (let i = 0; i < ECHOES; i++) { sendMessage('m' + i); H.sent++; }
        }, [readyState]);
        return null;
      }
      createRoot(document.documentElement.appendChild(document.createElement('div'))).render(createElement(App));`,
  },
} satisfies Partial<Record<LibraryId, Library>>;
