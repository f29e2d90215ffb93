import { describe, expect, it } from 'vitest';
import {
  DIRECTIONS,
  END_CAUSES,
  EVENT_TYPES,
  exactConnection,
  HEX,
  MAX_CODE,
  MESSAGE_KINDS,
  SOCKET_APIS,
  STALL_OUTCOMES,
} from './exact-connection';
import { seededRandom } from '../test-support/seeded-random';
import { decodeConnection } from './recording-decoders';
import { IMPORT_LIMITS } from './limits';
import type { Connection } from './recording';

const T = 1_700_000_000_000;
const MAX_TIME = IMPORT_LIMITS.maxTimeMs;

/** Connections with every event kind and every optional field, as a file holds them. */
function corpus(): Connection[] {
  const base = {
    api: 'WebSocket' as const,
    url: 'wss://app.example/live?token=1',
    protocols: ['graphql-ws', 'v2'],
    frameId: 0,
    documentId: 'doc-1',
    frameUrl: 'https://app.example/',
    createdAt: T,
    stack: 'Error\n    at connect (https://app.example/app.js:1:2)',
    counters: { sentMessages: 1, sentSize: 10, receivedMessages: 2, receivedSize: 20 },
  };
  return [
    {
      ...base,
      id: 'a',
      socketNumber: 1,
      events: [
        { type: 'open', at: T + 1, protocol: 'v2', extensions: 'permessage-deflate' },
        { type: 'stall', at: T + 2, seconds: 30, simulated: true },
        { type: 'stall-end', at: T + 3, outcome: 'delivered', heldIn: 2, heldOut: 0, simulated: true },
        { type: 'close-call', at: T + 4, code: 4000, reason: 'bye', readyState: 1, stack: 'at stop' },
        { type: 'close', at: T + 5, code: 1000, reason: 'bye', wasClean: true },
      ],
      truncated: ['url'],
      site: 'app.example',
      lastMessages: [
        { dir: 'in', at: T + 4, kind: 'text', size: 5, text: 'hello' },
        { dir: 'out', at: T + 4, kind: 'binary', size: 70, hex: '00ff', cut: true },
        { dir: 'in', at: T + 4, kind: 'blob', size: 9 },
      ],
    },
    {
      ...base,
      id: 'b',
      protocols: [],
      events: [
        { type: 'error', at: T + 1 },
        { type: 'error', at: T + 1, simulated: true },
        { type: 'close-call', at: T + 2, readyState: 3, stack: '' },
        { type: 'close', at: T + 3, code: 1006, reason: '', wasClean: false, simulated: false },
      ],
    },
    { ...base, id: 'c', events: [{ type: 'ended-with-document', at: T + 9, cause: 'pagehide' }] },
    { ...base, id: 'd', api: 'WebSocketStream', events: [] },
    {
      ...base,
      id: 'e',
      api: 'WebSocketStream',
      // A stream has no readyState: its close() call carries -1.
      events: [
        { type: 'close-call', at: T + 1, readyState: -1, stack: '' },
        { type: 'close', at: T + 2, code: 1005, reason: '', wasClean: false },
      ],
    },
  ];
}

/** A fresh copy, as JSON.parse makes it (every object plain, fresh and own). */
const parsed = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** What decoding says: the same object kept, a changed copy, or a refusal. */
function decoded(v: unknown): 'kept' | 'copied' | 'refused' {
  try {
    return decodeConnection(v, '$') === v ? 'kept' : 'copied';
  } catch {
    return 'refused';
  }
}

// Values at and just past every bound the decoder checks, every enum value, and other kinds of value.
const lengths = [0, 1, 127, 128, 129, 1023, 1024, 1025, 65_535, 65_536, 65_537];
const POOL: unknown[] = [
  ...lengths.map((n) => 'a'.repeat(n)),
  'ab'.repeat(64),
  `${'ab'.repeat(64)}a`,
  'ab'.repeat(65),
  'AB',
  'zz',
  ...EVENT_TYPES,
  ...END_CAUSES,
  ...STALL_OUTCOMES,
  ...SOCKET_APIS,
  ...DIRECTIONS,
  ...MESSAGE_KINDS,
  -1,
  0,
  -0,
  1,
  1.5,
  3,
  4,
  IMPORT_LIMITS.stallSeconds,
  IMPORT_LIMITS.stallSeconds + 1,
  MAX_CODE,
  MAX_CODE + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  MAX_TIME,
  MAX_TIME + 1,
  1e300,
  -1e300,
  true,
  false,
  null,
  [],
  {},
  Array.from({ length: 65 }, () => 'p'),
  Array.from({ length: 11 }, () => ({ dir: 'in', at: T, kind: 'other', size: 0 })),
  { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 },
  { type: 'stall', at: T, seconds: 1, simulated: true },
  { dir: 'out', at: T, kind: 'text', size: 1, text: 'x' },
];
const KEYS = [
  ...new Set([
    ...Object.keys(corpus()[0]!),
    'type',
    'at',
    'code',
    'reason',
    'readyState',
    'stack',
    'protocol',
    'extensions',
    'simulated',
    'wasClean',
    'cause',
    'seconds',
    'outcome',
    'heldIn',
    'heldOut',
    'dir',
    'kind',
    'size',
    'text',
    'hex',
    'cut',
    'sentMessages',
    'extra',
    '__proto__',
  ]),
];

/** Every object and array inside a connection, itself included. */
function containers(v: unknown, out: (O | unknown[])[] = []): (O | unknown[])[] {
  if (typeof v !== 'object' || v === null) return out;
  out.push(v as O);
  for (const x of Object.values(v)) containers(x, out);
  return out;
}
type O = Record<string, unknown>;

/** One edit: a field removed, set to a pool value, or added (an own `__proto__` too, as JSON.parse makes it). */
function mutate(c: Connection, rnd: () => number): void {
  const all = containers(c);
  const target = all[Math.floor(rnd() * all.length)]!;
  // Objects are copied in: a shared one could end up inside itself.
  const value = structuredClone(POOL[Math.floor(rnd() * POOL.length)]);
  if (Array.isArray(target)) {
    const i = Math.floor(rnd() * (target.length + 1));
    if (rnd() < 0.3) target.splice(i, 1);
    else target[i] = value;
    return;
  }
  const existing = Object.keys(target);
  const key =
    rnd() < 0.5 && existing.length > 0
      ? existing[Math.floor(rnd() * existing.length)]!
      : KEYS[Math.floor(rnd() * KEYS.length)]!;
  if (rnd() < 0.25) delete target[key];
  else Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

describe('exactConnection', () => {
  it('says yes to every field and event kind a file holds, where decoding keeps the object', () => {
    for (const c of corpus().map(parsed)) {
      expect(exactConnection(c)).toBe(true);
      expect(decoded(c)).toBe('kept');
    }
  });

  it.each<[string, (c: O) => void]>([
    ['an unknown key', (c) => (c.extra = 1)],
    ['an own __proto__ key', (c) => Object.defineProperty(c, '__proto__', { value: {}, enumerable: true })],
    ['a missing required field', (c) => delete c.stack],
    ['a URL over its bound', (c) => (c.url = 'u'.repeat(IMPORT_LIMITS.urlChars + 1))],
    ['a time after 2100', (c) => (c.createdAt = MAX_TIME + 1)],
    ['a fractional frame id', (c) => (c.frameId = 0.5)],
    ['a stall not marked simulated', (c) => ((c.events as O[])[1]!.simulated = false)],
    ['a close code over 16 bits', (c) => ((c.events as O[])[4]!.code = MAX_CODE + 1)],
    ['uppercase hex', (c) => ((c.lastMessages as O[])[1]!.hex = 'FF')],
    ['a site that is no string', (c) => (c.site = 7)],
    ['a site over its bound', (c) => (c.site = 's'.repeat(IMPORT_LIMITS.shortChars + 1))],
    ['too many protocols', (c) => (c.protocols = Array.from({ length: IMPORT_LIMITS.protocols + 1 }, () => 'p'))],
    ['an unknown event type', (c) => ((c.events as O[])[0]!.type = 'opened')],
    ['an extra counter', (c) => ((c.counters as O).bytes = 1)],
    ['a readyState below -1', (c) => ((c.events as O[])[3]!.readyState = -2)],
    ['a readyState above 3', (c) => ((c.events as O[])[3]!.readyState = 4)],
  ])('says no to %s, which decoding copies or refuses', (_, edit) => {
    const c = parsed(corpus()[0]!) as unknown as O;
    edit(c);
    expect(exactConnection(c)).toBe(false);
    expect(decoded(c)).not.toBe('kept');
  });

  it('takes an event list at its bound and no longer one', () => {
    const c = parsed(corpus()[3]!);
    const at = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'error' as const, at: T + i }));
    c.events = at(IMPORT_LIMITS.eventsPerConnection);
    expect([exactConnection(c), decoded(c)]).toEqual([true, 'kept']);
    c.events = at(IMPORT_LIMITS.eventsPerConnection + 1);
    expect([exactConnection(c), decoded(c)]).toEqual([false, 'refused']);
  });

  it('never says yes where decoding would copy or refuse, for every field set to every value at a bound', () => {
    const seen = { yes: 0, no: 0 };
    const check = (c: Connection) => {
      const outcome = decoded(c);
      if (exactConnection(c)) {
        seen.yes++;
        expect(outcome, JSON.stringify(c).slice(0, 300)).toBe('kept');
      } else seen.no++;
    };
    for (const source of corpus()) {
      const count = containers(parsed(source)).length;
      for (let j = 0; j < count; j++) {
        const slots = containers(parsed(source))[j]!;
        const existing = Array.isArray(slots) ? [...slots.keys(), slots.length].map(String) : Object.keys(slots);
        for (const key of existing) {
          for (const value of [...POOL, undefined]) {
            const c = parsed(source);
            const target = containers(c)[j] as O;
            if (value === undefined) delete target[key];
            else target[key] = structuredClone(value);
            check(c);
          }
        }
        if (Array.isArray(slots)) continue;
        // A field of another kind, or none at all, added to this object.
        for (const key of KEYS.filter((k) => !existing.includes(k))) {
          const c = parsed(source);
          Object.defineProperty(containers(c)[j], key, {
            value: 1,
            writable: true,
            enumerable: true,
            configurable: true,
          });
          check(c);
        }
      }
    }
    expect(seen.yes).toBeGreaterThan(500);
    expect(seen.no).toBeGreaterThan(5000);
  });

  it('never says yes where decoding would copy or refuse (20,000 seeded mutations at every bound)', () => {
    const rnd = seededRandom(7);
    const seen = { yes: 0, copied: 0, refused: 0 };
    const sources = corpus();
    for (let i = 0; i < 20_000; i++) {
      const c = parsed(sources[i % sources.length]!);
      const edits = 1 + Math.floor(rnd() * 3);
      for (let e = 0; e < edits; e++) mutate(c, rnd);
      const outcome = decoded(c);
      if (exactConnection(c)) {
        seen.yes++;
        // The one property the fast path must have: its yes is the decoder's "kept".
        expect(outcome, JSON.stringify(c).slice(0, 300)).toBe('kept');
      } else if (outcome !== 'kept') seen[outcome]++;
    }
    // The mutations reach all three outcomes, so the property above was tested, not assumed.
    expect(seen.yes).toBeGreaterThan(1000);
    expect(seen.copied).toBeGreaterThan(1000);
    expect(seen.refused).toBeGreaterThan(1000);
  });

  it('checks hex with the same pattern the decoder uses', () => {
    expect(HEX.test('00ff'.repeat(32))).toBe(true);
    expect(HEX.test(`${'00ff'.repeat(32)}00`)).toBe(false);
  });
});
