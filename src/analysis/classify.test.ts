import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { conn, T0 } from './test-fixtures';
import type { Initiator } from './types';

describe('classify', () => {
  it.each<
    [
      string,
      Parameters<typeof conn>[0],
      { code: number; initiator: Initiator; inferred: boolean; lifetimeMs: number | undefined },
    ]
  >([
    [
      'server clean close',
      { id: 'c', createdAt: T0, openAfter: 100, closeAfter: 5_100, code: 1012 },
      { code: 1012, initiator: 'server', inferred: false, lifetimeMs: 5_000 },
    ],
    [
      // It ends at the call: the page may open its next socket before the server answers its close frame.
      'page called close() first: code is the server echo, ended at the call',
      { id: 'c', createdAt: T0, openAfter: 100, closeCallAfter: 2_000, closeAfter: 2_050, code: 1000 },
      { code: 1000, initiator: 'page', inferred: false, lifetimeMs: 1_900 },
    ],
    [
      'page closed a connecting socket: 1006',
      { id: 'c', createdAt: T0, closeCallAfter: 10, closeAfter: 12, code: 1006 },
      { code: 1006, initiator: 'page', inferred: false, lifetimeMs: undefined },
    ],
    [
      'close() in the error handler of a refused handshake (readyState CLOSED) is not the page closing',
      { id: 'c', createdAt: T0, closeAfter: 300, closeCallAfter: 300, closeCallState: 3, code: 1006, error: true },
      { code: 1006, initiator: 'network-never-opened', inferred: true, lifetimeMs: undefined },
    ],
    [
      "close() while the server's close handshake runs (readyState CLOSING) is not the page closing",
      {
        id: 'c',
        createdAt: T0,
        openAfter: 50,
        closeCallAfter: 1_000,
        closeCallState: 2,
        closeAfter: 1_010,
        code: 1012,
      },
      { code: 1012, initiator: 'server', inferred: false, lifetimeMs: 960 },
    ],
    [
      '1006 before open: never opened (inferred)',
      { id: 'c', createdAt: T0, closeAfter: 300, code: 1006, error: true },
      { code: 1006, initiator: 'network-never-opened', inferred: true, lifetimeMs: undefined },
    ],
    [
      '1006 after open: dropped (inferred)',
      { id: 'c', createdAt: T0, openAfter: 50, closeAfter: 9_050, code: 1006 },
      { code: 1006, initiator: 'network-dropped', inferred: true, lifetimeMs: 9_000 },
    ],
    [
      'ended with the document: 1001 (inferred)',
      { id: 'c', createdAt: T0, openAfter: 50, documentEndAfter: 4_050 },
      { code: 1001, initiator: 'document', inferred: true, lifetimeMs: 4_000 },
    ],
  ])('%s', (_name, spec, want) => {
    const c = classify(conn(spec));
    expect(c).toMatchObject({ connectionId: 'c', ...want });
    expect(c?.lifetimeMs).toBe(want.lifetimeMs);
  });

  // A WebSocketStream has no readyState (its close() calls carry -1), and a page typically calls close()
  // once its read loop ends, which the server's close frame ends before the stream's closed promise
  // settles (checked in Chromium: server 1012, then the page's close(), then the close). The code tells:
  // a close the page began is answered with the code it asked for (none: 1005, or 1000).
  it.each<[string, { callCode?: number; code: number; wasClean?: boolean }, Initiator]>([
    ["the server's 1012 ends the read loop, then the page calls close()", { code: 1012 }, 'server'],
    ["the server's 1008 ends the read loop, then the page calls close(4000)", { callCode: 4000, code: 1008 }, 'server'],
    ['the page calls close(4000) first: the server echoes 4000', { callCode: 4000, code: 4000 }, 'page'],
    ['the page calls close() first: the server answers 1005', { code: 1005 }, 'page'],
    ['the page calls close() first: the server answers 1000', { code: 1000 }, 'page'],
    ['the page calls close() first and no answer comes: 1006', { code: 1006, wasClean: false }, 'page'],
  ])('WebSocketStream: %s', (_name, { callCode, code, wasClean = true }, initiator) => {
    const c = conn({ id: 'c', createdAt: T0, openAfter: 10, closeAfter: 500, code, wasClean });
    const call = { type: 'close-call', at: T0 + 499, readyState: -1, stack: '' } as const;
    c.events.splice(1, 0, callCode === undefined ? call : { ...call, code: callCode });
    // The server's only by its code: said to be inferred, not observed.
    expect(classify(c)).toMatchObject({ code, initiator, inferred: initiator === 'server' });
  });

  // A WebSocket's close() called on an open socket can cross the server's close frame (Action Cable's
  // consumer closes on the server's `disconnect` message, sent just before the server's own close): the
  // close event then carries the server's code. A code no close() can send is the server's.
  it.each<[string, { callCode?: number; code: number; wasClean?: boolean }, Initiator, boolean]>([
    ["the page's close() crosses the server's 1012", { code: 1012 }, 'server', true],
    ["the page's close(4000) crosses the server's 1008", { callCode: 4000, code: 1008 }, 'server', true],
    ["the page's close() crosses the server's 1001", { code: 1001 }, 'server', true],
    ['the page calls close(4000): the server echoes 4000', { callCode: 4000, code: 4000 }, 'page', false],
    ['the page calls close(): the server answers 1005', { code: 1005 }, 'page', false],
    ['the page calls close(4000): the server answers 1000', { callCode: 4000, code: 1000 }, 'page', false],
    ['the page calls close(): no answer comes, 1006', { code: 1006, wasClean: false }, 'page', false],
  ])('WebSocket: %s', (_name, { callCode, code, wasClean = true }, initiator, inferred) => {
    const c = conn({ id: 'c', createdAt: T0, openAfter: 10, closeAfter: 500, code, wasClean });
    const call = { type: 'close-call', at: T0 + 499, readyState: 1, stack: '' } as const;
    c.events.splice(1, 0, callCode === undefined ? call : { ...call, code: callCode });
    expect(classify(c)).toMatchObject({ code, initiator, inferred });
  });

  it.each([
    ['still open', { id: 'c', createdAt: T0, openAfter: 10 }],
    ['still connecting', { id: 'c', createdAt: T0 }],
  ])('%s: no closure', (_name, spec) => {
    expect(classify(conn(spec))).toBeUndefined();
  });

  // The browser fires `error` and then `close` in one task when it fails a connection; the page's error
  // handlers run between the two (pusher-js makes its next socket there). The connection ended at the failure.
  it.each<[string, Parameters<typeof conn>[0], number]>([
    ['a refused handshake ends at its error event', { id: 'c', createdAt: T0, errorAfter: 300, closeAfter: 302 }, 300],
    [
      'a connection failed after it opened ends at its error event',
      { id: 'c', createdAt: T0, openAfter: 50, errorAfter: 9_000, closeAfter: 9_004 },
      9_000,
    ],
    [
      'a close() made in that error handler comes between, and changes nothing',
      { id: 'c', createdAt: T0, errorAfter: 300, closeCallAfter: 302, closeCallState: 3, closeAfter: 302 },
      300,
    ],
    [
      'an error at the close event itself changes nothing',
      { id: 'c', createdAt: T0, closeAfter: 300, error: true },
      300,
    ],
    [
      'no error: the close event',
      { id: 'c', createdAt: T0, openAfter: 50, closeAfter: 9_004, code: 1012, error: false },
      9_004,
    ],
    [
      'an error stamped before the opening (a forged record) is held to it',
      { id: 'c', createdAt: T0, openAfter: 50, errorAfter: 20, closeAfter: 9_004 },
      50,
    ],
  ])('closedAt: %s', (_name, spec, afterMs) => {
    expect(classify(conn({ error: true, ...spec }))?.closedAt).toBe(T0 + afterMs);
  });

  it('keeps the close event time and the simulated flag', () => {
    const c = conn({ id: 'c', createdAt: T0, openAfter: 10, closeAfter: 1_000, code: 4000 });
    const close = c.events.find((e) => e.type === 'close');
    if (close?.type === 'close') close.simulated = true;
    expect(classify(c)).toMatchObject({ closedAt: T0 + 1_000, simulated: true, initiator: 'server' });
  });
});
