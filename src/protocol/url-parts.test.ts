import { describe, expect, it } from 'vitest';
import { urlParts } from './url-parts';

describe('urlParts', () => {
  it.each([
    [
      'wss://Example.COM:8443/ws?token=1#x',
      { host: 'example.com:8443', path: '/ws', base: 'wss://example.com:8443/ws' },
    ],
    ['WSS://a.example', { host: 'a.example', path: '/', base: 'wss://a.example/' }],
    ['ws://a.example/p/q#frag', { host: 'a.example', path: '/p/q', base: 'ws://a.example/p/q' }],
    ['not a url?x=1', { host: '', path: 'not a url', base: 'not a url' }],
    ['', { host: '', path: '', base: '' }],
  ])('%s', (url, want) => {
    expect({ ...urlParts(url) }).toEqual(want);
  });

  it('answers a repeated URL with the same parts, which no reader can change', () => {
    const a = urlParts('wss://same.example/ws?k=1');
    expect(urlParts('wss://same.example/ws?k=1')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('stays right past its memo size and for URLs too long to remember', () => {
    for (let i = 0; i < 2000; i++)
      expect(urlParts(`wss://h${i}.example/p${i}?q`).base).toBe(`wss://h${i}.example/p${i}`);
    const long = `wss://long.example/${'p'.repeat(5000)}?q=1`;
    expect(urlParts(long).path).toBe(`/${'p'.repeat(5000)}`);
    expect(urlParts(long)).toEqual(urlParts(long));
  });
});
