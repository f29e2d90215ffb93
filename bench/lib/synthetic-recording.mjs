// A synthetic recording of many connections for the panel benchmark, shaped
// like a busy real page: episodes of one closure followed by reconnect attempts
// with growing delays, over several hosts, paths, documents and close codes.
// Deterministic (seeded), so every run renders the same data.

import { seededRandom as mulberry32 } from './stats.mjs';

const CODES = [1000, 1001, 1006, 1006, 1008, 1011, 1012, 1013, 4000, 4004, 4401, 4429];
const STACK =
  'Error\n    at connect (https://app.example/static/js/socket.js:41:17)\n    at reconnect (https://app.example/static/js/socket.js:88:9)';
const counters = (n) => ({ sentMessages: n, sentSize: n * 48, receivedMessages: n * 3, receivedSize: n * 512 });

/**
 * `connections` connections (a multiple of `perEpisode`), starting at `t0`.
 * Each episode: a connection that lived a while and closed with a code, then
 * reconnects; all but the last fail (1006 before open), the last lives on and
 * closes normally.
 */
export function syntheticRecording({ connections = 10_000, perEpisode = 5, t0 = 1_700_000_000_000, seed = 8 } = {}) {
  const rand = mulberry32(seed);
  const conns = [];
  const docs = 4;
  let t = t0;
  let k = 0;
  const connection = (doc, url, createdAt, events, n) => ({
    id: `7:0:doc-${doc}:${++k}`,
    api: 'WebSocket',
    url,
    protocols: k % 3 === 0 ? ['graphql-transport-ws'] : [],
    frameId: 0,
    documentId: `doc-${doc}`,
    frameUrl: `https://app.example/page-${doc}`,
    createdAt,
    stack: STACK,
    events,
    counters: counters(n),
  });
  for (let e = 0; conns.length + perEpisode <= connections; e++) {
    const doc = e % docs;
    const url = `wss://h${e % 10}.example/ws/${e % 400}?session=${e}&token=abc${e}`;
    const code = CODES[e % CODES.length];
    const lived = 5_000 + rand() * 20_000;
    conns.push(
      connection(
        doc,
        url,
        t,
        [
          { type: 'open', at: t + 12, protocol: '', extensions: '' },
          {
            type: 'close',
            at: t + lived,
            code,
            reason: code === 1006 ? '' : `server said ${code}`,
            wasClean: code !== 1006,
          },
        ],
        20,
      ),
    );
    let end = t + lived;
    for (let a = 1; a < perEpisode; a++) {
      const created = end + 500 * 2 ** (a - 1) * (0.5 + rand());
      const last = a === perEpisode - 1;
      const events = last
        ? [
            { type: 'open', at: created + 15, protocol: '', extensions: '' },
            { type: 'close-call', at: created + 30_000, code: 1000, reason: 'bye', readyState: 1, stack: STACK },
            { type: 'close', at: created + 30_004, code: 1000, reason: 'bye', wasClean: true },
          ]
        : [
            { type: 'error', at: created + 40 },
            { type: 'close', at: created + 41, code: 1006, reason: '', wasClean: false },
          ];
      conns.push(connection(doc, url, created, events, last ? 40 : 0));
      end = events[events.length - 1].at;
    }
    t += 600 + rand() * 400;
  }
  conns.sort((a, b) => a.createdAt - b.createdAt);
  const marks = [
    { type: 'navigation', at: t0 - 100, frameId: 0, documentId: 'doc-0', url: 'https://app.example/page-0' },
    ...Array.from({ length: 200 }, (_, i) => ({
      type: 'lifecycle',
      at: t0 + i * 5_000,
      frameId: 0,
      documentId: `doc-${i % docs}`,
      state: i % 2 ? 'visible' : 'hidden',
    })),
  ];
  return {
    format: 'closeline-recording',
    version: 1,
    extensionVersion: '0.1.0',
    tabId: 7,
    startedAt: t0 - 100,
    exportedAt: t + 60_000,
    connections: conns,
    marks,
    dropped: {
      connectionsEvicted: 0,
      connectionsRateLimited: 0,
      eventsRejected: 0,
      eventsOverflowed: 0,
      fieldsTruncated: 0,
      marksEvicted: 0,
    },
  };
}

/**
 * Recordings of page shapes that stress one part of the analysis and the panel, with the same envelope:
 * - `retry-loop`: one socket turned away with 1013, then retrying every second while its server stays
 *   down: one episode of `connections - 1` attempts (a page left open for hours).
 * - `crowd`: `connections` sockets on one endpoint, all open at once, then dropped (1006) newest first
 *   (a load-test page, or one that leaks sockets): every closure's make-before-break search sees them all.
 */
export function shapedRecording(shape, { connections = 10_000, t0 = 1_700_000_000_000 } = {}) {
  const base = syntheticRecording({ connections: 5, t0 });
  const template = base.connections[0];
  const url = 'wss://h0.example/ws/live';
  const make = (i, createdAt, events) => ({
    ...template,
    id: `7:0:doc-0:${i + 1}`,
    url,
    protocols: [],
    createdAt,
    events,
  });
  const conns = Array.from({ length: connections }, (_, i) => {
    if (shape === 'retry-loop') {
      const at = t0 + i * 1_000;
      return make(
        i,
        at,
        i === 0
          ? [
              { type: 'open', at: at + 12, protocol: '', extensions: '' },
              { type: 'close', at: at + 500, code: 1013, reason: 'server busy', wasClean: true },
            ]
          : [
              { type: 'error', at: at + 40 },
              { type: 'close', at: at + 41, code: 1006, reason: '', wasClean: false },
            ],
      );
    }
    if (shape === 'crowd') {
      const at = t0 + i * 2;
      const closedAt = t0 + 4 * connections - 2 * i;
      return make(i, at, [
        { type: 'open', at: at + 1, protocol: '', extensions: '' },
        { type: 'close', at: closedAt, code: 1006, reason: '', wasClean: false },
      ]);
    }
    throw new Error(`unknown shape ${shape}`);
  });
  const last = Math.max(...conns.map((c) => c.events.at(-1).at));
  return { ...base, exportedAt: last + 60_000, connections: conns, marks: base.marks.slice(0, 1) };
}
