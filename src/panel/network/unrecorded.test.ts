import { describe, expect, it } from 'vitest';
import type { Connection } from '../../protocol/recording';
import { conn, T0 } from '../fixtures/recording';
import { normaliseSocketUrl, type HandshakeEntry } from './handshakes';
import {
  EVICTION_MARGIN_MS,
  UNRECORDED_GRACE_MS,
  unrecordedHandshakes,
  unrecordedSince,
  type UnrecordedInput,
} from './unrecorded';

const URL_A = 'wss://rt.example/live';
const URL_B = 'wss://rt.example/worker';
const entry = (url: string, startedAt: number, status = 101): HandshakeEntry => ({
  url: normaliseSocketUrl(url),
  startedAt,
  status,
  statusText: '',
});
/** Opened 10 ms after it was made (conn's default). */
const opened = (id: string, at: number, url = URL_A) => conn({ id, at, url, code: 1000 });
/** Made, never opened, never ended. */
function connecting(id: string, at: number, url = URL_A): Connection {
  const c = conn({ id, at, url });
  c.events = [];
  return c;
}
/** Refused: error at +500 ms, then 1006 at +501 ms. */
function refused(id: string, at: number, url = URL_A): Connection {
  const c = conn({ id, at, url });
  c.events = [
    { type: 'error', at: at + 500 },
    { type: 'close', at: at + 501, code: 1006, reason: '', wasClean: false },
  ];
  return c;
}

const NOW = T0 + 60_000;
const run = (connections: Connection[], entries: HandshakeEntry[], o: Partial<UnrecordedInput> = {}) =>
  unrecordedHandshakes({ connections, entries, since: T0 - 10_000, now: NOW, ...o }).map((e) => [
    e.url,
    e.startedAt - T0,
  ]);

describe('unrecordedHandshakes', () => {
  it.each<[string, Connection[], HandshakeEntry[], [string, number][]]>([
    ['nothing seen', [opened('a', T0)], [], []],
    ['each handshake to a recorded URL', [opened('a', T0)], [entry(URL_A, T0 + 2)], []],
    ['a socket in a worker: no connection to its URL', [opened('a', T0)], [entry(URL_B, T0 + 5)], [[URL_B, 5]]],
    [
      'every handshake to an unrecorded URL, each counted',
      [opened('a', T0)],
      [entry(URL_B, T0 + 5), entry(URL_A, T0 + 6), entry(URL_B, T0 + 7)],
      [
        [URL_B, 5],
        [URL_B, 7],
      ],
    ],
    [
      // Two clocks: the page's monotonic one and DevTools' wall clock drift apart after the system clock
      // is set. Judged by time, every recorded socket would then be called unrecorded.
      'a handshake far from any recorded socket in time, to a recorded URL',
      [opened('a', T0)],
      [entry(URL_A, T0 + 40_000)],
      [],
    ],
    [
      'a refused socket, a still-connecting one: recorded all the same',
      [refused('a', T0), connecting('b', T0)],
      [entry(URL_A, T0 + 3)],
      [],
    ],
    [
      'URLs compared normalised (case, default port, fragment)',
      [opened('a', T0, 'wss://RT.example:443/live#x')],
      [entry('wss://rt.example/live', T0 + 3)],
      [],
    ],
    [
      // The recording keeps the user name and never the password; DevTools' request URL has both.
      'a socket made with a user name and password in its URL',
      [opened('a', T0, 'wss://alice@rt.example/live')],
      [entry('wss://alice:s3cret@rt.example/live', T0 + 3)],
      [],
    ],
    [
      // The recording keeps 2,048 characters of a longer URL, and says it cut it; DevTools has it whole.
      'a socket whose long URL the recording keeps cut',
      [{ ...opened('a', T0, `${URL_A}?q=${'x'.repeat(3000)}`.slice(0, 2048)), truncated: ['url'] }],
      [entry(`${URL_A}?q=${'x'.repeat(3000)}`, T0 + 3), entry(`${URL_B}?q=${'x'.repeat(3000)}`, T0 + 4)],
      [[`${URL_B}?q=${'x'.repeat(3000)}`, 4]],
    ],
    [
      'the query is part of the URL: another query is another URL',
      [opened('a', T0, `${URL_A}?token=1`)],
      [entry(`${URL_A}?token=2`, T0 + 3)],
      [[`${URL_A}?token=2`, 3]],
    ],
  ])('%s', (_name, connections, entries, want) => {
    expect(run(connections, entries)).toEqual(want);
  });

  it('judges only handshakes since the recording started and old enough to have been recorded', () => {
    const entries = [
      entry(URL_B, T0 - 1),
      entry(URL_B, T0),
      entry(URL_B, NOW - UNRECORDED_GRACE_MS),
      entry(URL_B, NOW - UNRECORDED_GRACE_MS + 1),
    ];
    expect(run([], entries, { since: T0 })).toEqual([
      [URL_B, 0],
      [URL_B, 60_000 - UNRECORDED_GRACE_MS],
    ]);
  });

  it('reports in the order the requests started, whatever order they came in', () => {
    expect(run([], [entry(URL_B, T0 + 9), entry(URL_A, T0 + 3)])).toEqual([
      [URL_A, 3],
      [URL_B, 9],
    ]);
  });
});

describe('unrecordedSince', () => {
  const kept = [opened('a', T0 + 100), opened('b', T0 + 50)];
  it.each<[string, number, Connection[], number]>([
    ['nothing evicted: the recording start', 0, kept, T0],
    ['evicted: a margin after the oldest kept', 3, kept, T0 + 50 + EVICTION_MARGIN_MS],
    ['evicted, nothing kept: nothing is judged', 3, [], Infinity],
  ])('%s', (_name, evicted, connections, want) => {
    expect(unrecordedSince(T0, connections, evicted)).toBe(want);
  });
});
