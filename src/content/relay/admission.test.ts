import { describe, expect, it } from 'vitest';
import { Admission } from './admission';
import { LIMITS } from './limits';
import type { RelayEvent } from '../../protocol/messages';

const counters = { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 };
const sock = (k: number): RelayEvent => ({
  t: 'socket',
  k,
  api: 'WebSocket',
  url: 'ws://x',
  protocols: [],
  at: 0,
  stack: '',
});
const close = (k: number): RelayEvent => ({ t: 'close', k, at: 0, code: 1000, reason: '', wasClean: true, counters });
const open = (k: number): RelayEvent => ({ t: 'open', k, at: 0, protocol: '', extensions: '' });

describe('Admission', () => {
  it.each([
    [
      'events of an announced socket pass',
      [sock(1), { t: 'open', k: 1, at: 0, protocol: '', extensions: '' }, close(1)],
      ['ok', 'ok', 'ok'],
    ],
    [
      'events for a socket never announced are rejected',
      [{ t: 'open', k: 5, at: 0, protocol: '', extensions: '' }],
      ['rejected'],
    ],
    ['a reused socket number is rejected', [sock(1), sock(1)], ['ok', 'rejected']],
    ['a second open is rejected', [sock(1), open(1), open(1)], ['ok', 'ok', 'rejected']],
    ['a second close goes nowhere (the socket was let go)', [sock(1), close(1), close(1)], ['ok', 'ok', 'ignored']],
    [
      'a socket number a little ahead passes (the hook lost one); the skipped number is then out of order',
      [sock(1), sock(3), sock(2), sock(4)],
      ['ok', 'ok', 'rejected', 'ok'],
    ],
    [
      'a socket number far ahead is rejected without moving the count',
      [sock(1), sock(2 + LIMITS.socketNumberGap), sock(1 + LIMITS.socketNumberGap), sock(2)],
      ['ok', 'rejected', 'ok', 'rejected'],
    ],
    [
      'a hostile k does not make later real sockets look like duplicates',
      [sock(Number.MAX_SAFE_INTEGER), sock(1), close(1), sock(2)],
      ['rejected', 'ok', 'ok', 'ok'],
    ],
    ['events for a hostile k are rejected, not ignored', [sock(1), close(Number.MAX_SAFE_INTEGER)], ['ok', 'rejected']],
    ['lifecycle marks from the relay pass', [{ t: 'life', at: 0, state: 'hidden' }], ['ok']],
  ] as [string, RelayEvent[], string[]][])('%s', (_n, events, want) => {
    const a = new Admission(() => 0);
    expect(events.map((e) => a.admit(e))).toEqual(want);
  });

  it('keeps no state per closed socket: the per-document cap counts live sockets only', () => {
    let now = 0;
    const a = new Admission(() => now);
    const total = LIMITS.socketsPerDocument + 100;
    let ok = 0;
    for (let k = 1; k <= total; k++) {
      now += 1000 / LIMITS.socketsPerSecond; // within the rate limit
      if (a.admit(sock(k)) === 'ok' && a.admit(close(k)) === 'ok') ok++;
    }
    expect(ok).toBe(total);
  });

  it('rate-limits whole connections and ignores the rest of a dropped one', () => {
    let now = 0;
    const a = new Admission(() => now);
    const results = Array.from({ length: LIMITS.socketBurst + 10 }, (_, i) => a.admit(sock(i + 1)));
    expect(results.filter((r) => r === 'ok')).toHaveLength(LIMITS.socketBurst);
    expect(results.filter((r) => r === 'socket-rate-limited')).toHaveLength(10);
    // The dropped connection's close is ignored (already counted), not rejected.
    expect(a.admit(close(LIMITS.socketBurst + 5))).toBe('ignored');
    // Tokens come back with time.
    now += 1000;
    expect(a.admit(sock(LIMITS.socketBurst + 11))).toBe('ok');
  });

  it('caps close() calls per socket', () => {
    const a = new Admission(() => 0);
    a.admit(sock(1));
    const call: RelayEvent = { t: 'close-call', k: 1, at: 0, readyState: 1, stack: '' };
    const r = Array.from({ length: LIMITS.closeCallsPerSocket + 3 }, () => a.admit(call));
    expect(r.filter((x) => x === 'ok')).toHaveLength(LIMITS.closeCallsPerSocket);
    expect(r.filter((x) => x === 'over-limit')).toHaveLength(3);
  });
});
