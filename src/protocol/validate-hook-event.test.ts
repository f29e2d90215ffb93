import { describe, expect, it } from 'vitest';
import {
  closeCodeAs,
  closeCodeRuleFor,
  validateHookEvent,
  validateRelayEvent,
  type CloseCodeRule,
} from './validate-hook-event';
import { EVENT_LIMITS as LIMITS } from './limits';

const NOW = 1_800_000_000_000;
// The hook sends its counters as [sentMessages, sentSize, receivedMessages, receivedSize].
const sent = [1, 5, 2, 10];
const counters = { sentMessages: 1, sentSize: 5, receivedMessages: 2, receivedSize: 10 };
const socket = {
  t: 'socket',
  k: 1,
  api: 'WebSocket',
  url: 'wss://a.example/ws?x=1',
  protocols: ['p1'],
  at: NOW,
  stack: 'Error\n    at f (https://a.example/app.js:1:1)',
};

describe('validateHookEvent accepts what the hook sends', () => {
  it.each([
    ['socket', socket, { ...socket, stack: 'at f (https://a.example/app.js:1:1)' }],
    [
      'open',
      { t: 'open', k: 1, at: NOW, protocol: 'p1', extensions: '' },
      { t: 'open', k: 1, at: NOW, protocol: 'p1', extensions: '' },
    ],
    [
      'close-call with code and reason',
      { t: 'close-call', k: 1, at: NOW, code: 4000, reason: 'bye', readyState: 1, stack: '' },
      { t: 'close-call', k: 1, at: NOW, code: 4000, reason: 'bye', readyState: 1, stack: '' },
    ],
    [
      'close-call with lone surrogates in its reason: recorded as the browser sent it (U+FFFD), pairs kept',
      {
        t: 'close-call',
        k: 1,
        at: NOW,
        code: 4000,
        reason: 'a\uD800b\uDC00c\uD83D\uDE00\uD83D',
        readyState: 1,
        stack: '',
      },
      {
        t: 'close-call',
        k: 1,
        at: NOW,
        code: 4000,
        reason: 'a\uFFFDb\uFFFDc\uD83D\uDE00\uFFFD',
        readyState: 1,
        stack: '',
      },
    ],
    [
      'close-call without code',
      { t: 'close-call', k: 1, at: NOW, readyState: 0, stack: '' },
      { t: 'close-call', k: 1, at: NOW, readyState: 0, stack: '' },
    ],
    ['error', { t: 'error', k: 2, at: NOW }, { t: 'error', k: 2, at: NOW }],
    [
      'close',
      { t: 'close', k: 1, at: NOW, code: 1012, reason: 'restart', wasClean: true, counters: sent },
      { t: 'close', k: 1, at: NOW, code: 1012, reason: 'restart', wasClean: true, counters },
    ],
    [
      'close as the hook sends it, with its unset fields',
      {
        t: 'close',
        k: 1,
        at: NOW,
        code: 1000,
        reason: '',
        wasClean: true,
        counters: sent,
        unsized: false,
        sim: false,
        last: undefined,
      },
      { t: 'close', k: 1, at: NOW, code: 1000, reason: '', wasClean: true, counters },
    ],
    [
      'close-call and error as the hook sends them, with their unset fields',
      { t: 'close-call', k: 1, at: NOW, readyState: 1, stack: '', code: undefined, reason: undefined },
      { t: 'close-call', k: 1, at: NOW, readyState: 1, stack: '' },
    ],
    ['error as the hook sends it', { t: 'error', k: 2, at: NOW, sim: false }, { t: 'error', k: 2, at: NOW }],
    [
      'stream close-call (readyState -1)',
      { t: 'close-call', k: 3, at: NOW, readyState: -1, stack: '' },
      { t: 'close-call', k: 3, at: NOW, readyState: -1, stack: '' },
    ],
  ])('%s', (_n, input, want) => {
    expect(validateHookEvent(input, NOW)).toEqual({ ok: true, event: want });
  });
});

describe('validateHookEvent rejects what a forger sends', () => {
  it.each([
    ['null', null],
    ['array', [1, 2]],
    ['string', 'close'],
    ['unknown type', { t: 'evil', k: 1 }],
    ['k zero', { ...socket, k: 0 }],
    ['k fractional', { ...socket, k: 1.5 }],
    ['k as string', { ...socket, k: '1' }],
    ['bad api', { ...socket, api: 'XMLHttpRequest' }],
    ['protocols not array', { ...socket, protocols: 'p1' }],
    ['protocols with object', { ...socket, protocols: [{}] }],
    ['url not string', { ...socket, url: { toString: (): string => 'x' } }],
    ['at NaN', { ...socket, at: Number.NaN }],
    ['at far future', { ...socket, at: NOW + 2 * LIMITS.clockSkewMs }],
    ['close code out of range', { t: 'close', k: 1, at: NOW, code: 70000, reason: '', wasClean: true, counters: sent }],
    [
      'close wasClean not boolean',
      { t: 'close', k: 1, at: NOW, code: 1000, reason: '', wasClean: 'yes', counters: sent },
    ],
    ['close-call readyState 9', { t: 'close-call', k: 1, at: NOW, readyState: 9, stack: '' }],
    ['close-call code Infinity', { t: 'close-call', k: 1, at: NOW, readyState: 1, stack: '', code: Infinity }],
    ['life from the page', { t: 'life', at: NOW, state: 'hidden' }],
  ])('%s', (_n, input) => {
    expect(validateHookEvent(input, NOW).ok).toBe(false);
  });
});

describe('validateHookEvent clamps hostile sizes and says so', () => {
  it('cuts a megabyte URL and reason and a long stack, recording which fields', () => {
    const big = validateHookEvent(
      {
        ...socket,
        url: 'wss://x/' + 'a'.repeat(1e6),
        stack: 'Error\n' + '    at f (https://a/x.js:1:1)\n'.repeat(1000),
        protocols: Array(100).fill('p'),
      },
      NOW,
    );
    expect(big.ok).toBe(true);
    if (!big.ok || big.event.t !== 'socket') return;
    expect(big.event.url).toHaveLength(LIMITS.urlChars);
    expect(big.event.stack.split('\n')).toHaveLength(LIMITS.stackFrames);
    expect(big.event.protocols).toHaveLength(LIMITS.protocolCount);
    expect(big.event.truncated).toEqual(['protocols', 'url', 'stack']);
  });
  it('cuts a close reason to 123 UTF-8 bytes', () => {
    const r = validateHookEvent(
      { t: 'close', k: 1, at: NOW, code: 1008, reason: 'é'.repeat(500), wasClean: true, counters: sent },
      NOW,
    );
    expect(r.ok && r.event.t === 'close' && new TextEncoder().encode(r.event.reason).length).toBe(122);
    expect(r.ok && r.event.truncated).toEqual(['reason']);
  });
});

describe('validateHookEvent never drops a close for its counters', () => {
  const close = (c: unknown, extra: object = {}) =>
    validateHookEvent(
      { t: 'close', k: 1, at: NOW, code: 1000, reason: 'ok', wasClean: true, counters: c, ...extra },
      NOW,
    );
  it.each([
    ['missing', undefined, { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 }],
    [
      'an object instead of the four numbers',
      counters,
      { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 },
    ],
    ['three numbers', [1, 5, 2], { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 }],
    ['a string size', [1, 'large', 2, 10], { ...counters, sentSize: 0 }],
    ['a negative size', [1, -5, 2, 10], { ...counters, sentSize: 0 }],
    ['a huge size', [1, 5, 2, 1e300], { ...counters, receivedSize: Number.MAX_SAFE_INTEGER }],
    ['a fractional size', [1, 1.5, 2, 10], { ...counters, sentSize: 1 }],
    [
      'NaN and Infinity',
      [Number.NaN, 5, Infinity, 10],
      { ...counters, sentMessages: 0, receivedMessages: Number.MAX_SAFE_INTEGER },
    ],
  ])('%s: the close is kept, counters clamped and flagged', (_n, input, want) => {
    const r = close(input);
    expect(r.ok).toBe(true);
    if (!r.ok || r.event.t !== 'close') return;
    expect(r.event.counters).toEqual(want);
    expect(r.event.truncated).toEqual(['counters']);
  });
  it('flags counters the hook could not size (a non-binary object sent)', () => {
    const r = close(sent, { unsized: true });
    expect(r.ok && r.event.t === 'close' && r.event.truncated).toEqual(['counters']);
  });
  // As measured in Chromium 156 and Firefox ESR 153: the code each sent for close(v).
  it.each<[CloseCodeRule, number[]]>([
    ['round-half-even', [1000, 1000, 1001, 3002, 3002, 3000, 5000, 0, 65535]],
    ['truncate', [1000, 1000, 1000, 3001, 3002, 3000, 4999, 0, 65535]],
  ])('records a close() code as the browser converted it: %s', (rule, want) => {
    const given = [1000, 1000.4, 1000.6, 3001.5, 3002.5, 3000.5, 4999.9, -3, 70000];
    expect(given.map((v) => closeCodeAs(v, rule))).toEqual(want);
    const r = validateHookEvent({ t: 'close-call', k: 1, at: NOW, readyState: 1, stack: '', code: 3001.5 }, NOW, rule);
    expect(r.ok && r.event.t === 'close-call' && r.event.code).toBe(want[3]);
  });
  it.each([
    ['moz-extension://0b4f/', 'round-half-even'],
    ['chrome-extension://abcdefghijklmnop/', 'truncate'],
  ])('knows the rule of the browser from the extension URL %s', (url, rule) => {
    expect(closeCodeRuleFor(url)).toBe(rule);
  });
  it("keeps a relay's integer code under either rule", () => {
    const r = validateRelayEvent({ t: 'close-call', k: 1, at: NOW, readyState: 1, stack: '', code: 3001 }, NOW);
    expect(r.ok && r.event.t === 'close-call' && r.event.code).toBe(3001);
  });
});

describe('validateHookEvent: the last messages sent with a close', () => {
  const close = { t: 'close', k: 1, at: NOW, code: 1008, reason: '', wasClean: true, counters };
  const text = '{"error":"token expired"}';
  const ring = (slots: unknown[], at: number[], n = slots.length) => ({ data: slots, at, n });
  const empty = ring([undefined, undefined, undefined, undefined, undefined], [0, 0, 0, 0, 0], 0);
  const withLast = (last: unknown) => validateHookEvent({ ...close, counters: sent, last }, NOW);

  it('turns the rings into messages, oldest first', () => {
    const v = withLast([
      ring([{ d: text, n: text.length }], [NOW - 5]),
      ring([{ d: new Uint8Array([0, 255, 16]), n: 3 }, { n: 70000 }], [NOW - 9, NOW - 8]),
    ]);
    expect(v).toEqual({
      ok: true,
      event: {
        ...close,
        last: [
          { dir: 'out', at: NOW - 9, kind: 'binary', size: 3, hex: '00ff10' },
          { dir: 'out', at: NOW - 8, kind: 'blob', size: 70000 },
          { dir: 'in', at: NOW - 5, kind: 'text', size: text.length, text },
        ],
      },
    });
  });

  it('a close without rings (capture off) has no last messages', () => {
    expect(withLast(undefined)).toEqual({ ok: true, event: close });
  });

  it.each([
    ['not an array', 'x'],
    ['one ring only', [empty]],
    ['a ring that is not an object', [1, empty]],
    ['a ring with more than five slots', [ring(Array(6).fill({ n: 1 }), Array(6).fill(NOW), 6), empty]],
    ['a slot that is not an object', [ring([1], [NOW]), empty]],
    ['a time after the close', [ring([{ d: 'x', n: 1 }], [NOW + 1]), empty]],
    ['a time that is not a number', [ring([{ d: 'x', n: 1 }], ['now' as unknown as number]), empty]],
    ['text longer than its size', [ring([{ d: 'xyz', n: 1 }], [NOW]), empty]],
    ['a fractional size', [ring([{ n: 1.5 }], [NOW]), empty]],
    ['data of an unknown kind', [ring([{ d: { toString: () => 'x' }, n: 1 }], [NOW]), empty]],
  ])('keeps the close when the rings are malformed (%s), and reports the cut', (_n, last) => {
    const v = withLast(last);
    expect(v.ok).toBe(true);
    if (!v.ok || v.event.t !== 'close') return;
    expect(v.event.truncated).toEqual(['lastMessages']);
    expect(v.event.last?.length ?? 0).toBeLessThanOrEqual(5);
  });
});

describe('validateHookEvent: stall events', () => {
  it.each([
    ['stall', { t: 'stall', k: 2, at: NOW, seconds: 60 }, true],
    ['stall-end delivered', { t: 'stall-end', k: 2, at: NOW, outcome: 'delivered', heldIn: 3, heldOut: 1 }, true],
    ['stall-end dropped', { t: 'stall-end', k: 2, at: NOW, outcome: 'dropped', heldIn: 0, heldOut: 0 }, true],
    ['stall of 0 s', { t: 'stall', k: 2, at: NOW, seconds: 0 }, false],
    ['stall over the maximum', { t: 'stall', k: 2, at: NOW, seconds: 601 }, false],
    ['stall-end unknown outcome', { t: 'stall-end', k: 2, at: NOW, outcome: 'lost', heldIn: 0, heldOut: 0 }, false],
    ['stall-end negative count', { t: 'stall-end', k: 2, at: NOW, outcome: 'dropped', heldIn: -1, heldOut: 0 }, false],
  ])('%s', (_n, input, ok) => {
    const v = validateHookEvent(input, NOW);
    expect(v.ok).toBe(ok);
    if (ok) expect(v).toEqual({ ok: true, event: input });
  });
});

describe('validateRelayEvent reads a close as the relay hands it on, not as the hook posts it', () => {
  const text = 'é'.repeat(600);
  const rings = [
    { data: [{ d: text.slice(0, 1025), n: text.length }], at: [NOW - 5], n: 1 },
    { data: [{ d: new Uint8Array([1, 2]), n: 2 }], at: [NOW - 9], n: 1 },
  ];
  const hookClose = { t: 'close', k: 1, at: NOW, code: 1000, reason: '', wasClean: true, counters: sent, last: rings };

  it("a relay's close checked again in the background is the same event (named counters, last messages as made)", () => {
    const atRelay = validateHookEvent(hookClose, NOW);
    expect(atRelay.ok).toBe(true);
    if (!atRelay.ok) return;
    expect(atRelay.event).toMatchObject({
      counters,
      last: [
        { dir: 'out', hex: '0102' },
        { dir: 'in', cut: true },
      ],
    });
    expect(validateRelayEvent(atRelay.event, NOW)).toEqual(atRelay);
  });

  it("the hook's raw shapes are not a relay's: rings reject the event, four numbers are flagged as cut counters", () => {
    expect(validateRelayEvent(hookClose, NOW).ok).toBe(false);
    const r = validateRelayEvent({ ...hookClose, last: undefined }, NOW);
    expect(r.ok && r.event.t === 'close' && r.event.truncated).toEqual(['counters']);
  });
});

describe("a socket's page address (a single-page app's route) is the relay's word only", () => {
  const relayed = { ...socket, stack: 'at f (https://a.example/app.js:1:1)' };
  it.each([
    [
      'kept from a relay',
      validateRelayEvent({ ...relayed, page: 'https://a.example/chat' }, NOW),
      'https://a.example/chat',
    ],
    [
      'its password removed',
      validateRelayEvent({ ...relayed, page: 'https://u:pw@a.example/chat' }, NOW),
      'https://u@a.example/chat',
    ],
    ['absent when the relay sends none', validateRelayEvent(relayed, NOW), undefined],
    ['never taken from the hook', validateHookEvent({ ...socket, page: 'https://a.example/forged' }, NOW), undefined],
  ])('%s', (_, v, page) => {
    expect(v.ok).toBe(true);
    if (v.ok) expect((v.event as { page?: string }).page).toBe(page);
  });

  it('a page address that is no string is refused with the event', () => {
    expect(validateRelayEvent({ ...relayed, page: 42 }, NOW).ok).toBe(false);
  });
});

describe('a password longer than the bound is not kept in part', () => {
  // A bearer token as a basic-auth password (`wss://token:<JWT>@host`) can be longer than the 2,048
  // characters a URL keeps: the cut then ends inside the password, before the `@` that marks it.
  const long = 'p'.repeat(3000);
  it.each([
    ['a socket URL', validateHookEvent({ ...socket, url: `wss://u:${long}@a.example/ws` }, NOW), 'url'],
    [
      "a relay's page address",
      validateRelayEvent({ ...socket, stack: '', page: `https://u:${long}@a.example/chat` }, NOW),
      'page',
    ],
    [
      'a stack',
      validateHookEvent({ ...socket, stack: `Error\n    at f (https://u:${long}@a.example/a.js:1:1)` }, NOW),
      'stack',
    ],
  ])('%s', (_, v, field) => {
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const kept = (v.event as unknown as Record<string, string>)[field] ?? '';
    expect(kept).not.toContain('ppp');
    expect(kept).toMatch(/^(at f \()?\w+:\/\/u@/);
  });
});
