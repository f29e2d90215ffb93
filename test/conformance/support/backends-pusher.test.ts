// @vitest-environment node
/**
 * The Pusher server answers pusher-js as Pusher, Soketi and Reverb do, on the path and protocol version the
 * client asks for; a client that asked elsewhere gets Pusher's error and close, not a silent echo server.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { PUSHER_ACTIVITY_TIMEOUT_S, PUSHER_APP_KEY, pusherBackend } from './backends-pusher';
import { startScenarioServer } from './scenario-server';

interface Frame {
  event: string;
  channel?: string;
  data: unknown;
}

/** Connects, runs `talk` on the open socket, and returns every frame until `until` matches one (or the close). */
async function session(path: string, talk: (send: (f: object) => void) => void, until: (f: Frame) => boolean) {
  const server = await startScenarioServer(() => pusherBackend());
  const client = new WebSocket(`${server.wsOrigin}${path}`);
  const frames: Frame[] = [];
  try {
    const closed = new Promise<number>((resolve) => {
      client.on('close', (code) => resolve(code));
      client.on('message', (data) => {
        const f = JSON.parse(String(data)) as Frame;
        frames.push(f);
        if (until(f)) resolve(0);
      });
    });
    await new Promise((resolve) => client.once('open', resolve));
    talk((f) => client.send(JSON.stringify(f)));
    return { code: await closed, frames };
  } finally {
    client.terminate();
    await server.close();
  }
}

const CLIENT_PATH = `/app/${PUSHER_APP_KEY}?protocol=7&client=js&version=8.6.0&flash=false`;

describe('the Pusher server', () => {
  it('establishes the connection, pongs, confirms a subscription and answers a client event on it', async () => {
    const { frames } = await session(
      CLIENT_PATH,
      (send) => {
        send({ event: 'pusher:ping', data: {} });
        send({ event: 'pusher:subscribe', data: { auth: 'x', channel: 'private-echo' } });
        send({ event: 'client-echo', channel: 'private-echo', data: { text: 'm0' } });
      },
      (f) => f.event === 'echo',
    );
    expect(frames.map((f) => [f.event, f.channel])).toEqual([
      ['pusher:connection_established', undefined],
      ['pusher:pong', undefined],
      ['pusher_internal:subscription_succeeded', 'private-echo'],
      ['echo', 'private-echo'],
    ]);
    // Protocol 7 carries each event's data as a JSON string.
    expect(JSON.parse(frames[0]?.data as string)).toMatchObject({ activity_timeout: PUSHER_ACTIVITY_TIMEOUT_S });
    expect(JSON.parse(frames[3]?.data as string)).toEqual({ text: 'm0' });
  });

  it('answers no client event on a channel the connection did not subscribe to', async () => {
    const { frames } = await session(
      CLIENT_PATH,
      (send) => {
        send({ event: 'client-echo', channel: 'private-echo', data: { text: 'm0' } });
        send({ event: 'pusher:ping', data: {} });
      },
      (f) => f.event === 'pusher:pong',
    );
    expect(frames.map((f) => f.event)).toEqual(['pusher:connection_established', 'pusher:pong']);
  });

  it.each([
    ['another app key', '/app/other?protocol=7&client=js', 4001],
    ['another path', `/ws/${PUSHER_APP_KEY}?protocol=7`, 4001],
    ['an older protocol', `/app/${PUSHER_APP_KEY}?protocol=5&client=js`, 4007],
  ])('refuses %s with pusher:error and that close code', async (_what, path, code) => {
    const result = await session(
      path,
      () => undefined,
      () => false,
    );
    expect(result.code).toBe(code);
    expect(result.frames).toEqual([{ event: 'pusher:error', data: expect.objectContaining({ code }) as unknown }]);
  });
});
