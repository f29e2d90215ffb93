// @vitest-environment node
/**
 * subscriptions-transport-ws's own server, as the suite mounts it: it negotiates the legacy subprotocol named
 * `graphql-ws`, acknowledges the client's init, and answers an echo query with `data` then `complete`, in the
 * messages its client reads (a message type the client does not know makes it throw).
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { LEGACY_GRAPHQL_SUBPROTOCOL, subscriptionsTransportBackend } from './backends-legacy-graphql';
import { startScenarioServer } from './scenario-server';

/** The message types subscriptions-transport-ws's client handles (client.js: processReceivedData). */
const CLIENT_READS = ['connection_error', 'connection_ack', 'data', 'error', 'complete', 'ka'];

describe('the subscriptions-transport-ws server', () => {
  it('negotiates graphql-ws, acknowledges the init and echoes a query as data, then complete', async () => {
    const server = await startScenarioServer(() => subscriptionsTransportBackend());
    const client = new WebSocket(`${server.wsOrigin}/graphql`, [LEGACY_GRAPHQL_SUBPROTOCOL]);
    try {
      const got: { type: string; id?: string; payload?: unknown }[] = [];
      const completed = new Promise<void>((resolve) =>
        client.on('message', (data) => {
          const m = JSON.parse(String(data)) as { type: string; id?: string; payload?: unknown };
          got.push(m);
          if (m.type === 'complete') resolve();
        }),
      );
      await new Promise((resolve) => client.once('open', resolve));
      expect(client.protocol).toBe('graphql-ws');
      client.send(JSON.stringify({ type: 'connection_init', payload: {} }));
      const query = 'query ($t: String) { echo(text: $t) }';
      client.send(JSON.stringify({ id: '1', type: 'start', payload: { query, variables: { t: 'm0' } } }));
      await completed;
      expect(got).toEqual([
        { type: 'connection_ack' },
        { id: '1', type: 'data', payload: { data: { echo: 'm0' } } },
        { id: '1', type: 'complete', payload: null },
      ]);
      expect(got.every((m) => CLIENT_READS.includes(m.type))).toBe(true);
    } finally {
      client.terminate();
      await server.close();
    }
  });
});
