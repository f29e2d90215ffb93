// @vitest-environment node
/**
 * The SockJS endpoint answers as sockjs-client's WebSocket transport needs: `/info` by HTTP, then a session
 * at `<base>/<server>/<session>/websocket` that opens with `o` and carries STOMP frames in `a[…]` frames.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SOCKJS_BASE, sockjsStompBackend } from './backends-sockjs';
import { startScenarioServer } from './scenario-server';

describe('the SockJS endpoint', () => {
  it('answers /info with what sockjs-client reads before it picks a transport', async () => {
    const server = await startScenarioServer(() => sockjsStompBackend());
    try {
      const res = await fetch(`${server.origin}${SOCKJS_BASE}/info?t=1`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const info = (await res.json()) as Record<string, unknown>;
      expect(info).toMatchObject({ websocket: true, origins: ['*:*'], cookie_needed: false });
      expect(typeof info.entropy).toBe('number');
      expect((await fetch(`${server.origin}/elsewhere/info`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('opens a session with `o` and carries STOMP frames both ways in JSON arrays of strings', async () => {
    const server = await startScenarioServer(() => sockjsStompBackend());
    const client = new WebSocket(`${server.wsOrigin}${SOCKJS_BASE}/237/42ceiz2v/websocket`);
    try {
      const frames: string[] = [];
      const gotMessage = new Promise<void>((resolve) =>
        client.on('message', (data) => {
          frames.push(String(data));
          if (String(data).startsWith('a["MESSAGE')) resolve();
        }),
      );
      await new Promise((resolve) => client.once('open', resolve));
      client.send(
        JSON.stringify([
          'CONNECT\naccept-version:1.2\nheart-beat:10000,10000\n\n\0',
          'SUBSCRIBE\nid:sub-0\ndestination:/topic/echo\n\n\0',
        ]),
      );
      client.send(JSON.stringify(['SEND\ndestination:/topic/echo\n\nm0\0']));
      await gotMessage;
      expect(frames).toEqual([
        'o',
        `a${JSON.stringify(['CONNECTED\nversion:1.2\nheart-beat:0,0\n\n\0'])}`,
        `a${JSON.stringify(['MESSAGE\ndestination:/topic/echo\nsubscription:sub-0\nmessage-id:1\n\nm0\0'])}`,
      ]);
    } finally {
      client.terminate();
      await server.close();
    }
  });

  it('refuses a WebSocket anywhere but a session path, as a SockJS server does', async () => {
    const server = await startScenarioServer(() => sockjsStompBackend());
    const client = new WebSocket(`${server.wsOrigin}${SOCKJS_BASE}/websocket`);
    // Ending a handshake the server refused makes `ws` report that it never opened: the status is the check.
    client.on('error', () => undefined);
    try {
      const status = await new Promise<number | undefined>((resolve) => {
        client.once('unexpected-response', (_req, res) => resolve(res.statusCode));
        client.once('open', () => resolve(undefined));
      });
      expect(status).toBe(404);
      expect(server.sockets).toHaveLength(0);
    } finally {
      client.terminate();
      await server.close();
    }
  });
});
