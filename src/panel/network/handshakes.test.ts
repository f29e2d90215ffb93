import { describe, expect, it } from 'vitest';
import type { Connection } from '../../protocol/recording';
import { conn, T0 } from '../fixtures/recording';
import {
  addHandshakes,
  handshakeFromHar,
  MAX_HANDSHAKES,
  matchHandshakes,
  normaliseSocketUrl,
  unmatchedCount,
  type HandshakeEntry,
} from './handshakes';

const iso = (ms: number) => new Date(ms).toISOString();
const har = (
  url: string,
  at: number,
  status: number,
  extra: Record<string, unknown> = { _resourceType: 'websocket' },
) => ({
  startedDateTime: iso(at),
  request: { url, method: 'GET' },
  response: { status, statusText: status === 403 ? 'Forbidden' : '' },
  ...extra,
});

/** A socket refused at the handshake: error then 1006, no open. */
function refused(id: string, at: number, url = 'wss://rt.example/live'): Connection {
  const c = conn({ id, at, url });
  c.events = [
    { type: 'error', at: at + 20 },
    { type: 'close', at: at + 21, code: 1006, reason: '', wasClean: false },
  ];
  return c;
}
const entry = (url: string, startedAt: number, status = 403): HandshakeEntry => ({
  url: normaliseSocketUrl(url),
  startedAt,
  status,
  statusText: '',
});

describe('normaliseSocketUrl', () => {
  it.each([
    ['wss://RT.example:443/live#x', 'wss://rt.example/live'],
    ['https://rt.example/live?a=1', 'wss://rt.example/live?a=1'],
    ['http://rt.example:8080/', 'ws://rt.example:8080/'],
    ['ws://rt.example', 'ws://rt.example/'],
    ['not a url', 'not a url'],
    ['wss://alice:s3cret@rt.example/live', 'wss://rt.example/live'],
  ])('%s → %s', (raw, want) => {
    expect(normaliseSocketUrl(raw)).toBe(want);
  });
});

describe('handshakeFromHar', () => {
  it.each<[string, unknown, HandshakeEntry | null]>([
    [
      'a refused WebSocket upgrade',
      har('wss://rt.example/live', T0, 403),
      { url: 'wss://rt.example/live', startedAt: T0, status: 403, statusText: 'Forbidden' },
    ],
    [
      'a successful upgrade',
      har('wss://rt.example/live', T0, 101),
      { url: 'wss://rt.example/live', startedAt: T0, status: 101, statusText: '' },
    ],
    [
      'no response at all',
      har('wss://rt.example/live', T0, 0),
      { url: 'wss://rt.example/live', startedAt: T0, status: 0, statusText: '' },
    ],
    [
      'a ws: URL without a resource type',
      har('ws://rt.example/live', T0, 503, {}),
      { url: 'ws://rt.example/live', startedAt: T0, status: 503, statusText: '' },
    ],
    ['an XHR', har('https://rt.example/api', T0, 403, { _resourceType: 'xhr' }), null],
    ['no start time', { ...har('wss://rt.example/live', T0, 403), startedDateTime: 'yesterday' }, null],
    ['no status', { ...har('wss://rt.example/live', T0, 403), response: {} }, null],
    ['not an object', 'GET /live', null],
  ])('%s', (_name, raw, want) => {
    expect(handshakeFromHar(raw)).toEqual(want);
  });
});

describe('addHandshakes', () => {
  it('drops repeats and keeps the newest within the bound, oldest first', () => {
    const a = entry('wss://x/', 3);
    const list = addHandshakes([entry('wss://x/', 1), entry('wss://x/', 2)], [a, entry('wss://x/', 2)], 2);
    expect(list.map((e) => e.startedAt)).toEqual([2, 3]);
  });

  it("keeps a worker's one handshake through a reconnect storm to another URL", () => {
    const worker = entry('wss://rt.example/worker', T0);
    let list = addHandshakes([], [worker]);
    for (let i = 1; i <= 2 * MAX_HANDSHAKES; i++) list = addHandshakes(list, [entry('wss://rt.example/live', T0 + i)]);
    expect(list).toHaveLength(MAX_HANDSHAKES);
    expect(list[0]).toBe(worker);
    // The storm keeps its newest, in order.
    expect(list.at(-1)!.startedAt).toBe(T0 + 2 * MAX_HANDSHAKES);
    expect(list.slice(1).map((e) => e.startedAt - T0)).toEqual(
      Array.from({ length: MAX_HANDSHAKES - 1 }, (_, i) => MAX_HANDSHAKES + 2 + i),
    );
  });

  it('shares the bound among URLs: the fewest keep all they have, the rest the newest of an even share', () => {
    const many = (url: string, n: number, from: number) =>
      Array.from({ length: n }, (_, i) => entry(url, from + i * 10));
    const list = addHandshakes(
      [],
      [...many('wss://a/', 1, 0), ...many('wss://b/', 5, 1), ...many('wss://c/', 9, 2)],
      10,
    );
    const byUrl = (u: string) => list.filter((e) => e.url === u).map((e) => e.startedAt);
    expect(byUrl('wss://a/')).toEqual([0]);
    expect(byUrl('wss://b/')).toEqual([11, 21, 31, 41]);
    expect(byUrl('wss://c/')).toEqual([52, 62, 72, 82]);
    expect(list.map((e) => e.startedAt)).toEqual([...list.map((e) => e.startedAt)].sort((x, y) => x - y));
  });
});

const LONG_URL = `wss://rt.example/live?q=${'x'.repeat(3000)}`;

describe('matchHandshakes', () => {
  it.each<[string, Connection[], HandshakeEntry[], Record<string, number>]>([
    ['same URL, right after creation', [refused('r', T0)], [entry('wss://rt.example/live', T0 + 3)], { r: 403 }],
    ['another URL does not match', [refused('r', T0)], [entry('wss://other.example/live', T0 + 3)], {}],
    ['too long before creation', [refused('r', T0)], [entry('wss://rt.example/live', T0 - 5000)], {}],
    ['too long after the close', [refused('r', T0)], [entry('wss://rt.example/live', T0 + 5000)], {}],
    [
      // Closeline keeps no password; DevTools' request URL has it.
      'a URL with a user name and password',
      [refused('r', T0, 'wss://alice@rt.example/live')],
      [entry('wss://alice:s3cret@rt.example/live', T0 + 3)],
      { r: 403 },
    ],
    [
      // The recording keeps 2,048 characters of a longer URL, and says it cut it; DevTools has it whole.
      'a URL the recording keeps cut',
      [{ ...refused('r', T0, LONG_URL.slice(0, 2048)), truncated: ['url'] }],
      [entry(LONG_URL, T0 + 3), entry(`wss://other.example/live?q=${'x'.repeat(3000)}`, T0 + 1, 503)],
      { r: 403 },
    ],
    [
      'a socket that opened is not explained',
      [conn({ id: 'ok', at: T0, code: 1006 })],
      [entry('wss://rt.example/live', T0 + 3, 101)],
      {},
    ],
    [
      'a socket still connecting is not explained',
      [{ ...refused('k', T0), events: [] }],
      [entry('wss://rt.example/live', T0 + 3)],
      {},
    ],
    [
      'a burst of retries pairs up in order, each entry used once',
      [refused('r1', T0), refused('r2', T0 + 100), refused('r3', T0 + 200)],
      [
        entry('wss://rt.example/live', T0 + 2, 429),
        entry('wss://rt.example/live', T0 + 101, 503),
        entry('wss://rt.example/live', T0 + 203, 401),
      ],
      { r1: 429, r2: 503, r3: 401 },
    ],
    [
      'fewer entries than sockets: the closest wins',
      [refused('r1', T0), refused('r2', T0 + 900)],
      [entry('wss://rt.example/live', T0 + 905, 401)],
      { r2: 401 },
    ],
  ])('%s', (_name, connections, entries, want) => {
    const got = matchHandshakes(connections, entries);
    expect(Object.fromEntries([...got].map(([id, e]) => [id, e.status]))).toEqual(want);
  });

  it('counts the sockets that never opened and still lack a status', () => {
    const connections = [refused('r1', T0), refused('r2', T0 + 100), conn({ id: 'ok', at: T0, code: 1000 })];
    const matched = matchHandshakes(connections, [entry('wss://rt.example/live', T0 + 1)]);
    expect(unmatchedCount(connections, matched)).toBe(1);
  });
});
