import { describe, expect, it } from 'vitest';
import type { Connection } from '../protocol/recording';
import { classify, type ClosureFacts } from './classify';
import { linkReconnects } from './link';
import { DEFAULT_TERMS } from './profiles/default';
import { conn, seededRandom, T0 } from './test-fixtures';
import type { ReconnectLink } from './types';

function links(conns: Connection[]): Record<string, ReconnectLink> {
  const closures = new Map<string, ClosureFacts>();
  for (const c of conns) {
    const f = classify(c);
    if (f) closures.set(c.id, f);
  }
  return Object.fromEntries(linkReconnects(conns, closures, DEFAULT_TERMS));
}

/** A socket that dropped 1006 after `life` ms. */
const dropped = (id: string, createdAt: number, url: string, extra: Partial<Parameters<typeof conn>[0]> = {}) =>
  conn({ id, createdAt, url, openAfter: 10, closeAfter: 5_000, code: 1006, ...extra });
const fresh = (id: string, createdAt: number, url: string, extra: Partial<Parameters<typeof conn>[0]> = {}) =>
  conn({ id, createdAt, url, openAfter: 10, ...extra });

describe('linkReconnects', () => {
  it.each<[string, Connection[], Record<string, ReconnectLink>]>([
    [
      'a changed query still links (endpoint ignores query and fragment)',
      [dropped('a', T0, 'wss://h.example/ws?token=1'), fresh('b', T0 + 6_000, 'wss://h.example/ws?token=2#x')],
      { a: { nextId: 'b', delayS: 1 } },
    ],
    [
      'a different path on the same host does not link',
      [dropped('a', T0, 'wss://h.example/ws'), fresh('b', T0 + 6_000, 'wss://h.example/other')],
      {},
    ],
    [
      'another document does not link',
      [dropped('a', T0, 'wss://h.example/ws'), fresh('b', T0 + 6_000, 'wss://h.example/ws', { documentId: 'doc-2' })],
      {},
    ],
    [
      'past the 60 s window does not link',
      [dropped('a', T0, 'wss://h.example/ws'), fresh('b', T0 + 5_000 + 61_000, 'wss://h.example/ws')],
      {},
    ],
    [
      'another host, same path: moved',
      [dropped('a', T0, 'wss://h1.example/ws'), fresh('b', T0 + 7_500, 'wss://H2.example/ws')],
      { a: { nextId: 'b', delayS: 2.5, label: 'moved', movedTo: 'h2.example' } },
    ],
    [
      'moved to a URL with a user name: the host it names is without it (views redact user names)',
      [dropped('a', T0, 'wss://h1.example/ws'), fresh('b', T0 + 7_500, 'wss://sk_live_123@h2.example/ws')],
      { a: { nextId: 'b', delayS: 2.5, label: 'moved', movedTo: 'h2.example' } },
    ],
    [
      'another path with the same requested subprotocols: moved',
      [
        dropped('a', T0, 'wss://h1.example/a', { protocols: ['graphql-transport-ws'] }),
        fresh('b', T0 + 6_000, 'wss://h2.example/b', { protocols: ['graphql-transport-ws'] }),
      ],
      { a: { nextId: 'b', delayS: 1, label: 'moved', movedTo: 'h2.example' } },
    ],
    [
      'the same subprotocols on another path of the same host: moved, saying to which path',
      [
        dropped('a', T0, 'wss://h1.example/a', { protocols: ['graphql-transport-ws'] }),
        fresh('b', T0 + 6_000, 'wss://h1.example/b?x=1', { protocols: ['graphql-transport-ws'] }),
      ],
      { a: { nextId: 'b', delayS: 1, label: 'moved', movedTo: 'h1.example/b' } },
    ],
    [
      'a same-endpoint attempt wins over a moved one',
      [
        dropped('a', T0, 'wss://h1.example/ws'),
        fresh('m', T0 + 5_500, 'wss://h2.example/ws'),
        fresh('b', T0 + 6_000, 'wss://h1.example/ws'),
      ],
      { a: { nextId: 'b', delayS: 1 } },
    ],
    [
      // A list of hosts tried in turn: each attempt answers the failure just before it, not the next one to its host.
      'hosts tried in turn: the attempt to the other host answers the closure, the one back answers its failure',
      [
        dropped('a', T0, 'wss://h1.example/ws'),
        conn({ id: 'm', createdAt: T0 + 6_000, url: 'wss://h2.example/ws', closeAfter: 50, error: true }),
        conn({ id: 'b', createdAt: T0 + 8_050, url: 'wss://h1.example/ws', closeAfter: 50, error: true }),
        fresh('m2', T0 + 12_100, 'wss://h2.example/ws'),
      ],
      {
        a: { nextId: 'm', delayS: 1, label: 'moved', movedTo: 'h2.example' },
        m: { nextId: 'b', delayS: 2, label: 'moved', movedTo: 'h1.example' },
        b: { nextId: 'm2', delayS: 4, label: 'moved', movedTo: 'h2.example' },
      },
    ],
    [
      'make-before-break: created before the close, delay 0, overlapping',
      [dropped('a', T0, 'wss://h.example/ws'), fresh('b', T0 + 4_000, 'wss://h.example/ws')],
      { a: { nextId: 'b', delayS: 0, label: 'overlapping' } },
    ],
    [
      // socketcluster-client's ping timeout: it closes the socket itself and opens the next one on a zero-delay
      // timer, before the server's answer to its close frame ends the old one. That is no make-before-break.
      'a socket made after the page closed the last one, before its close event, is its next attempt',
      [
        conn({
          id: 'a',
          createdAt: T0,
          url: 'wss://h.example/ws',
          openAfter: 10,
          closeCallAfter: 1_500,
          closeAfter: 1_520,
          code: 4000,
        }),
        conn({
          id: 'b',
          createdAt: T0 + 1_502,
          url: 'wss://h.example/ws',
          openAfter: 10,
          closeCallAfter: 1_500,
          closeAfter: 1_520,
          code: 4000,
        }),
        fresh('c', T0 + 3_004, 'wss://h.example/ws'),
      ],
      { a: { nextId: 'b', delayS: 0.002 }, b: { nextId: 'c', delayS: 0.002 } },
    ],
    [
      'a parallel socket opened long before the close is not a replacement',
      [
        fresh('p', T0 - 30_000, 'wss://h.example/ws'),
        dropped('a', T0 - 29_000, 'wss://h.example/ws', { closeAfter: 35_000 }),
        fresh('b', T0 + 6_100, 'wss://h.example/ws'),
      ],
      { a: { nextId: 'b', delayS: 0.1 } },
    ],
    [
      'several sockets: first closed pairs with first next',
      [
        dropped('a', T0, 'wss://h.example/ws', { closeAfter: 5_000 }),
        dropped('b', T0 + 1, 'wss://h.example/ws', { closeAfter: 5_199 }),
        fresh('a2', T0 + 6_000, 'wss://h.example/ws'),
        fresh('b2', T0 + 6_500, 'wss://h.example/ws'),
      ],
      { a: { nextId: 'a2', delayS: 1 }, b: { nextId: 'b2', delayS: 1.3 } },
    ],
    [
      'a chain of failed attempts links each to the next',
      [
        dropped('a', T0, 'wss://h.example/ws'),
        conn({ id: 'f1', createdAt: T0 + 6_000, url: 'wss://h.example/ws', closeAfter: 100, error: true }),
        fresh('ok', T0 + 6_100 + 2_000, 'wss://h.example/ws'),
      ],
      { a: { nextId: 'f1', delayS: 1 }, f1: { nextId: 'ok', delayS: 2 } },
    ],
    [
      // pusher-js opens its next socket from the failed one's error event, which the browser fires just before
      // the close event: the failure came first, so the retry answers it (at once), and the next answers the retry.
      "a retry made in a refused handshake's error handler, before its close event, answers that failure",
      [
        dropped('a', T0, 'wss://h.example/ws'),
        conn({
          id: 'f1',
          createdAt: T0 + 6_000,
          url: 'wss://h.example/ws',
          errorAfter: 10,
          closeAfter: 12,
          error: true,
        }),
        conn({ id: 'f2', createdAt: T0 + 6_011, url: 'wss://h.example/ws', closeAfter: 10, error: true }),
        fresh('ok', T0 + 6_021 + 15_000, 'wss://h.example/ws'),
      ],
      { a: { nextId: 'f1', delayS: 1 }, f1: { nextId: 'f2', delayS: 0.001 }, f2: { nextId: 'ok', delayS: 15 } },
    ],
  ])('%s', (_name, conns, want) => {
    expect(links(conns)).toEqual(want);
  });
});

/**
 * Same-endpoint linking by the plainest walk: every closure looks through all sockets still waiting, in
 * creation order. linkReconnects must answer the same without that walk, which is quadratic when a page
 * keeps thousands of sockets open at once.
 */
function walkedLinks(conns: Connection[]): Record<string, ReconnectLink> {
  const t = DEFAULT_TERMS;
  const windowMs = Math.round((t.linkWindowS + t.toleranceS) * 1000);
  const stableMs = Math.round((t.stableOpenS - t.toleranceS) * 1000);
  const facts = new Map(conns.map((c) => [c, classify(c)] as const));
  const creations = [...conns].sort((a, b) => a.createdAt - b.createdAt);
  const ends = creations
    .filter((c) => facts.get(c) && facts.get(c)!.initiator !== 'document')
    .sort((a, b) => facts.get(a)!.closedAt - facts.get(b)!.closedAt);
  const created = new Set<Connection>();
  const waiting = new Set<Connection>();
  const pending: ClosureFacts[] = [];
  const out: Record<string, ReconnectLink> = {};
  let [ci, ei] = [0, 0];
  while (ci < creations.length || ei < ends.length) {
    const next = creations[ci];
    const end = ends[ei];
    const endAt = end ? facts.get(end)!.closedAt : 0;
    if (end && (!next || endAt < next.createdAt || (endAt === next.createdAt && created.has(end)))) {
      ei++;
      waiting.delete(end);
      const c = facts.get(end)!;
      const r = [...waiting].find((f) => {
        const fc = facts.get(f);
        const outlives = !fc || fc.closedAt - c.closedAt >= stableMs;
        return f.createdAt > end.createdAt && c.closedAt - f.createdAt <= t.overlapWindowS * 1000 && outlives;
      });
      if (r) {
        waiting.delete(r);
        out[c.connectionId] = { nextId: r.id, delayS: 0, label: 'overlapping' };
      } else pending.push(c);
    } else if (next) {
      ci++;
      created.add(next);
      while (pending.length && next.createdAt - pending[0]!.closedAt > windowMs) pending.shift();
      const w = pending.shift();
      if (w) out[w.connectionId] = { nextId: next.id, delayS: (next.createdAt - w.closedAt) / 1000 };
      else waiting.add(next);
    }
  }
  return out;
}

describe('linkReconnects with many sockets open at once', () => {
  it('links as the plain walk does, over 300 seeded pages of up to 120 sockets on one endpoint', () => {
    const r = seededRandom(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    for (let page = 0; page < 300; page++) {
      // Creation times on a coarse grid (ties), lives from instant to past the stable time, some never
      // closed, some ended with their document, some closed by the page.
      const spread = pick([2_000, 20_000, 120_000]);
      const conns = Array.from({ length: 2 + Math.floor(r() * 119) }, (_, i) => {
        const kind = r();
        return conn({
          id: `p${page}-${i}`,
          createdAt: T0 + Math.floor((r() * spread) / 250) * 250,
          url: 'wss://h.example/ws',
          openAfter: 5,
          ...(kind < 0.15
            ? {}
            : kind < 0.22
              ? { documentEndAfter: Math.floor(r() * 30_000) }
              : {
                  closeAfter: 10 + Math.floor(r() * pick([1_000, 12_000, 40_000])),
                  code: pick([1006, 1012, 1013, 1000]),
                  ...(r() < 0.2 ? { closeCallAfter: 5 } : {}),
                }),
        });
      });
      expect(links(conns), `page ${page}`).toEqual(walkedLinks(conns));
    }
  });
});
