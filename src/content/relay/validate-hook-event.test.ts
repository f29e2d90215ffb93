import { describe, expect, it } from 'vitest';
import { validateHookEvent } from './validate-hook-event';
import { LIMITS } from './limits';

const NOW = 1_800_000_000_000;
const counters = { sentMessages: 1, sentSize: 5, receivedMessages: 2, receivedSize: 10 };
const socket = { t: 'socket', k: 1, api: 'WebSocket', url: 'wss://a.example/ws?x=1', protocols: ['p1'], at: NOW, stack: 'Error\n    at f (https://a.example/app.js:1:1)' };

describe('validateHookEvent accepts what the hook sends', () => {
  it.each([
    ['socket', socket, { ...socket, stack: 'at f (https://a.example/app.js:1:1)' }],
    ['open', { t: 'open', k: 1, at: NOW, protocol: 'p1', extensions: '' }, { t: 'open', k: 1, at: NOW, protocol: 'p1', extensions: '' }],
    ['close-call with code and reason', { t: 'close-call', k: 1, at: NOW, code: 4000, reason: 'bye', readyState: 1, stack: '' }, { t: 'close-call', k: 1, at: NOW, code: 4000, reason: 'bye', readyState: 1, stack: '' }],
    ['close-call without code', { t: 'close-call', k: 1, at: NOW, readyState: 0, stack: '' }, { t: 'close-call', k: 1, at: NOW, readyState: 0, stack: '' }],
    ['error', { t: 'error', k: 2, at: NOW }, { t: 'error', k: 2, at: NOW }],
    ['close', { t: 'close', k: 1, at: NOW, code: 1012, reason: 'restart', wasClean: true, counters }, { t: 'close', k: 1, at: NOW, code: 1012, reason: 'restart', wasClean: true, counters }],
    ['stream close-call (readyState -1)', { t: 'close-call', k: 3, at: NOW, readyState: -1, stack: '' }, { t: 'close-call', k: 3, at: NOW, readyState: -1, stack: '' }],
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
    ['close code out of range', { t: 'close', k: 1, at: NOW, code: 70000, reason: '', wasClean: true, counters }],
    ['close wasClean not boolean', { t: 'close', k: 1, at: NOW, code: 1000, reason: '', wasClean: 'yes', counters }],
    ['close counters missing', { t: 'close', k: 1, at: NOW, code: 1000, reason: '', wasClean: true }],
    ['close counters negative', { t: 'close', k: 1, at: NOW, code: 1000, reason: '', wasClean: true, counters: { ...counters, sentSize: -1 } }],
    ['close-call readyState 9', { t: 'close-call', k: 1, at: NOW, readyState: 9, stack: '' }],
    ['close-call code Infinity', { t: 'close-call', k: 1, at: NOW, readyState: 1, stack: '', code: Infinity }],
    ['life from the page', { t: 'life', at: NOW, state: 'hidden' }],
  ])('%s', (_n, input) => {
    expect(validateHookEvent(input, NOW).ok).toBe(false);
  });
});

describe('validateHookEvent clamps hostile sizes and says so', () => {
  it('cuts a megabyte URL and reason and a long stack, recording which fields', () => {
    const big = validateHookEvent({ ...socket, url: 'wss://x/' + 'a'.repeat(1e6), stack: 'Error\n' + '    at f (https://a/x.js:1:1)\n'.repeat(1000), protocols: Array(100).fill('p') }, NOW);
    expect(big.ok).toBe(true);
    if (!big.ok || big.event.t !== 'socket') return;
    expect(big.event.url).toHaveLength(LIMITS.urlChars);
    expect(big.event.stack.split('\n')).toHaveLength(LIMITS.stackFrames);
    expect(big.event.protocols).toHaveLength(LIMITS.protocolCount);
    expect(big.event.truncated).toEqual(['protocols', 'url', 'stack']);
  });
  it('cuts a close reason to 123 UTF-8 bytes', () => {
    const r = validateHookEvent({ t: 'close', k: 1, at: NOW, code: 1008, reason: 'é'.repeat(500), wasClean: true, counters }, NOW);
    expect(r.ok && r.event.t === 'close' && new TextEncoder().encode(r.event.reason).length).toBe(122);
    expect(r.ok && r.event.truncated).toEqual(['reason']);
  });
});
