import { describe, expect, it } from 'vitest';
import { relayHello } from './validate-relay';
import { RELAY_LIMITS } from './limits';

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
  ])('%s', (_name, input, want) => {
    const got = relayHello(input, '$');
    expect(got).toMatchObject(want);
    if (!('restored' in want)) expect('restored' in got).toBe(false);
  });

  it.each<[string, unknown]>([
    ['restored that is not a boolean', { ...base, restored: 'yes' }],
    ['no nonce', { type: 'hello', url: 'https://app.example/' }],
  ])('refuses %s', (_name, input) => {
    expect(() => relayHello(input, '$')).toThrow();
  });
});
