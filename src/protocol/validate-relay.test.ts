import { describe, expect, it } from 'vitest';
import { relayHello } from './validate-relay';
import { RELAY_LIMITS } from './limits';
import { PAGE_URL_CHARS } from './clamp';

describe('relayHello', () => {
  const base = { type: 'hello', docNonce: 'n1', url: 'https://app.example/', isTop: true };

  it.each<[string, unknown, object]>([
    ['a plain hello', base, { type: 'hello', docNonce: 'n1', url: 'https://app.example/', isTop: true }],
    ['restored from the back/forward cache', { ...base, restored: true }, { restored: true }],
    ['restored: false says nothing', { ...base, restored: false }, {}],
    [
      'a nonce past its bound is cut',
      { ...base, docNonce: 'x'.repeat(500) },
      { docNonce: 'x'.repeat(RELAY_LIMITS.docNonceChars) },
    ],
    ['isTop absent is false', { type: 'hello', docNonce: 'n1', url: 'https://app.example/' }, { isTop: false }],
    ['the document’s start', { ...base, startedAt: 1.7e12 + 0.25 }, { startedAt: 1.7e12 + 0.25 }],
    // A hint the background bounds anyway: one it cannot use is left out, and the hello is kept.
    ['a start that is no number is left out', { ...base, startedAt: '1700000000000' }, {}],
    ['a start that is not finite is left out', { ...base, startedAt: Infinity }, {}],
    ['the document’s origin', { ...base, origin: 'https://app.example' }, { origin: 'https://app.example' }],
    ['an origin that is no string is left out', { ...base, origin: 7 }, {}],
    ['an origin past the URL bound is cut', { ...base, origin: 'x'.repeat(100_000) }, {}],
  ])('%s', (_name, input, want) => {
    const got = relayHello(input, '$');
    expect(got).toMatchObject(want);
    if (!('restored' in want)) expect('restored' in got).toBe(false);
    if (!('startedAt' in want)) expect('startedAt' in got).toBe(false);
    if (typeof (input as { origin?: unknown }).origin !== 'string') expect('origin' in got).toBe(false);
    else expect(got.origin!.length).toBeLessThanOrEqual(PAGE_URL_CHARS);
  });

  it.each<[string, unknown]>([
    ['restored that is not a boolean', { ...base, restored: 'yes' }],
    ['no nonce', { type: 'hello', url: 'https://app.example/' }],
  ])('refuses %s', (_name, input) => {
    expect(() => relayHello(input, '$')).toThrow();
  });
});
