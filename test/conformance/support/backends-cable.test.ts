// @vitest-environment node
/**
 * The Action Cable server answers a consumer as Rails does. Its subscription guarantor subscribes again
 * every 500 ms until it hears the confirmation: a server that confirmed each repeat made a slow machine's
 * consumer report `connected` twice, and the library's with/without comparison fail on one side only.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { actionCableBackend } from './backends-cable-mqtt';
import { startScenarioServer } from './scenario-server';

describe('the Action Cable server', () => {
  it('confirms a subscription once per connection, however often it is asked, and echoes to it', async () => {
    const server = await startScenarioServer(() => actionCableBackend());
    const client = new WebSocket(`${server.wsOrigin}/cable`, ['actioncable-v1-json']);
    try {
      const types: string[] = [];
      const identifier = JSON.stringify({ channel: 'EchoChannel' });
      const echoed = new Promise<void>((resolve) =>
        client.on('message', (data) => {
          const m = JSON.parse(String(data)) as { type?: string; message?: unknown };
          if (m.type === 'ping') return;
          types.push(m.type ?? 'echo');
          if (m.type === undefined) resolve();
        }),
      );
      await new Promise((resolve) => client.once('open', resolve));
      const send = (cmd: object) => client.send(JSON.stringify({ identifier, ...cmd }));
      send({ command: 'subscribe' });
      send({ command: 'subscribe' });
      send({ command: 'message', data: JSON.stringify({ text: 'm0' }) });
      await echoed;
      // The connection's messages come in order: a second confirmation would have come before the echo.
      expect(types).toEqual(['welcome', 'confirm_subscription', 'echo']);
    } finally {
      client.terminate();
      await server.close();
    }
  });
});
