import { describe, expect, it } from 'vitest';
import type { Connection } from '../protocol/recording';
import { classify, type ClosureFacts } from './classify';
import { linkReconnects } from './link';
import { DEFAULT_TERMS } from './profiles/default';
import { conn, T0 } from './test-fixtures';
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
      'another path with the same requested subprotocols: moved',
      [
        dropped('a', T0, 'wss://h1.example/a', { protocols: ['graphql-transport-ws'] }),
        fresh('b', T0 + 6_000, 'wss://h2.example/b', { protocols: ['graphql-transport-ws'] }),
      ],
      { a: { nextId: 'b', delayS: 1, label: 'moved', movedTo: 'h2.example' } },
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
      'make-before-break: created before the close, delay 0, overlapping',
      [dropped('a', T0, 'wss://h.example/ws'), fresh('b', T0 + 4_000, 'wss://h.example/ws')],
      { a: { nextId: 'b', delayS: 0, label: 'overlapping' } },
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
  ])('%s', (_name, conns, want) => {
    expect(links(conns)).toEqual(want);
  });
});
