// @vitest-environment node
/**
 * The scenario server's waits are bounded and end with the server: a library
 * that never opens the socket awaited leaves no pending wait or timer behind
 * its run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { echoBackend } from './backends';
import { startScenarioServer } from './scenario-server';

afterEach(() => {
  vi.useRealTimers();
});

describe('scenario server waits', () => {
  it('resolve with the socket once it is accepted', async () => {
    const server = await startScenarioServer(() => echoBackend());
    try {
      const wait = server.socket(1, 30_000);
      const client = new WebSocket(`${server.wsOrigin}/x`);
      // The server accepts before the client reads its answer: ended while still connecting, a ws client
      // emits an error that nothing here listens for. End it once it is open.
      const opened = new Promise((resolve) => client.once('open', resolve));
      expect((await wait)?.acceptedAt).toBeTypeOf('number');
      expect(await server.handshakesReach(1, 30_000)).toBe(true);
      await opened;
      client.terminate();
    } finally {
      await server.close();
    }
  });

  it('resolve with nothing once their bound has passed, and leave no timer', async () => {
    const server = await startScenarioServer(() => echoBackend());
    try {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const socket = server.socket(2, 8_000);
      const handshakes = server.handshakesReach(3, 8_000);
      expect(vi.getTimerCount()).toBe(2);
      vi.advanceTimersByTime(8_000);
      expect(await socket).toBeUndefined();
      expect(await handshakes).toBe(false);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
      await server.close();
    }
  });

  it('end when the server closes, and leave no timer', async () => {
    const server = await startScenarioServer(() => echoBackend());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const socket = server.socket(1, 60_000);
    expect(vi.getTimerCount()).toBe(1);
    await server.close();
    expect(await socket).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });
});
