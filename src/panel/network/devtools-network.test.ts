import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandshakeFeed, REFRESH_MIN_MS, type NetworkApi } from './devtools-network';
import type { HandshakeEntry } from './handshakes';
import { T0 } from '../../test-support/recordings';

const ws = (url: string, at: number, status: number) => ({
  _resourceType: 'websocket',
  startedDateTime: new Date(at).toISOString(),
  request: { url },
  response: { status, statusText: '' },
});
const xhr = {
  _resourceType: 'xhr',
  startedDateTime: new Date(T0).toISOString(),
  request: { url: 'https://a.example/api' },
  response: { status: 200 },
};

function fakeNetwork(har: unknown[]) {
  const listeners = new Set<(r: unknown) => void>();
  const network: NetworkApi & { finish(r: unknown): void; listeners: Set<(r: unknown) => void> } = {
    getHAR: vi.fn(() => Promise.resolve({ entries: har })),
    onRequestFinished: { addListener: (cb) => listeners.add(cb), removeListener: (cb) => listeners.delete(cb) },
    finish: (r) => listeners.forEach((l) => l(r)),
    listeners,
  };
  return network;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createHandshakeFeed', () => {
  it('reads the HAR so far, then each finished WebSocket request, ignoring other requests and repeats', async () => {
    const network = fakeNetwork([ws('wss://a.example/live', T0, 403), xhr]);
    const feed = createHandshakeFeed(network, () => T0);
    const seen: (readonly HandshakeEntry[])[] = [];
    const stop = feed.subscribe((e) => seen.push(e));
    await vi.runAllTimersAsync();
    network.finish(xhr);
    network.finish(ws('wss://a.example/live', T0, 403));
    network.finish(ws('wss://a.example/live', T0 + 50, 429));
    expect(seen.map((list) => list.map((e) => e.status))).toEqual([[], [403], [403, 429]]);
    stop();
    expect(network.listeners.size).toBe(0);
  });

  it('takes the HAR from a callback when getHAR returns nothing (older Chromium), and from both routes once', async () => {
    const har = { entries: [ws('wss://a.example/live', T0, 403)] };
    for (const getHAR of [
      (cb?: (h: typeof har) => void) => void cb?.(har),
      (cb?: (h: typeof har) => void) => (cb?.(har), Promise.resolve(har)),
    ]) {
      const network = { ...fakeNetwork([]), getHAR };
      const seen: (readonly HandshakeEntry[])[] = [];
      createHandshakeFeed(network, () => T0).subscribe((e) => seen.push(e));
      await vi.runAllTimersAsync();
      expect(seen.map((list) => list.map((e) => e.status))).toEqual([[403]]);
    }
  });

  it('keeps working without the HAR when getHAR throws: finished requests still count', async () => {
    const network = {
      ...fakeNetwork([]),
      getHAR: () => {
        throw new Error('not available');
      },
    };
    const seen: (readonly HandshakeEntry[])[] = [];
    expect(() => createHandshakeFeed(network, () => T0).subscribe((e) => seen.push(e))).not.toThrow();
    network.finish(ws('wss://a.example/live', T0, 429));
    expect(seen.map((list) => list.map((e) => e.status))).toEqual([[], [429]]);
  });

  it('throttles HAR re-reads to one per interval, coalescing the calls in between', async () => {
    let now = T0;
    const network = fakeNetwork([]);
    const feed = createHandshakeFeed(network, () => now);
    feed.subscribe(() => undefined);
    expect(network.getHAR).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) feed.refresh();
    expect(network.getHAR).toHaveBeenCalledTimes(1);
    now += REFRESH_MIN_MS;
    await vi.advanceTimersByTimeAsync(REFRESH_MIN_MS);
    expect(network.getHAR).toHaveBeenCalledTimes(2);
    now += REFRESH_MIN_MS;
    feed.refresh();
    expect(network.getHAR).toHaveBeenCalledTimes(3);
  });

  it('survives a HAR read that fails (DevTools closing)', async () => {
    const network = fakeNetwork([]);
    vi.mocked(network.getHAR).mockRejectedValueOnce(new Error('gone'));
    const seen: number[] = [];
    createHandshakeFeed(network, () => T0).subscribe((e) => seen.push(e.length));
    await vi.runAllTimersAsync();
    network.finish(ws('wss://a.example/live', T0, 503));
    expect(seen).toEqual([0, 1]);
  });
});
