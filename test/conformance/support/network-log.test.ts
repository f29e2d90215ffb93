import { describe, expect, it } from 'vitest';
import { networkDelays, type NetSocket } from './network-log';

const sock = (handshakeAt: number, end: { closedAt?: number; erroredAt?: number }): NetSocket => ({
  requestId: String(handshakeAt),
  url: 'ws://127.0.0.1/x',
  handshakeAt,
  ...end,
});

describe('networkDelays', () => {
  it.each([
    ['an opened socket ends at its close', [sock(0, { closedAt: 5 }), sock(6, {})], [1]],
    // The browser reports the failure, then the page's error handlers run, then it reports the close.
    [
      'a failed socket ends at its failure, not at the close reported after it',
      [sock(0, { erroredAt: 2, closedAt: 2.2 }), sock(3, {})],
      [1],
    ],
    ['an error reported after the close changes nothing', [sock(0, { closedAt: 2, erroredAt: 2.5 }), sock(3, {})], [1]],
    [
      'each delay from the socket before it',
      [sock(0, { closedAt: 1 }), sock(2, { erroredAt: 2.1, closedAt: 2.15 }), sock(4.1, {})],
      [1, 2],
    ],
  ])('%s', (_name, sockets, delays) => {
    expect(networkDelays(sockets).map((d) => Number(d.toFixed(6)))).toEqual(delays);
  });

  it('is NaN while the socket before has not ended', () => {
    expect(networkDelays([sock(0, {}), sock(1, {})])).toEqual([NaN]);
  });
});
