import { describe, expect, it } from 'vitest';
import { seededRandom } from '../test-support/seeded-random';
import { urlUpToQuery } from './url-prefix';

/** What the knowledge base reads of a URL: its host and path, or that it does not parse. */
function hostAndPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname} ${u.pathname}`;
  } catch {
    return 'invalid';
  }
}

describe('urlUpToQuery', () => {
  it.each([
    ['wss://a.example/ws', 'wss://a.example/ws'],
    ['wss://a.example/ws?token=1', 'wss://a.example/ws?'],
    ['wss://a.example/ws#x?y', 'wss://a.example/ws?'],
    ['wss://a.example/ws?x#y', 'wss://a.example/ws?'],
    ['wss://a.example?x', 'wss://a.example?'],
    ['', ''],
  ])('%j → %j', (url, prefix) => {
    expect(urlUpToQuery(url)).toBe(prefix);
  });

  it.each([
    'wss://a.example/p ?x',
    'wss://a.example/p  #x',
    ' wss://a.example/p?x',
    'wss://user:pa?ss@a.example/p',
    'wss://user@a.example:44?3/p',
    'wss://[::1?]/p',
    'ws?s://a.example/p',
    'wss://a.example\\p\\q?x',
    'wss://a.example/%3F?x',
    'wss:a.example/p?x',
    'wss://a.example/p\t?x',
  ])('gives the host and path the whole URL gives: %j', (url) => {
    expect(hostAndPath(urlUpToQuery(url))).toBe(hostAndPath(url));
  });

  it('gives the host and path the whole URL gives, for 20,000 seeded random URLs', () => {
    const random = seededRandom(6455);
    const parts = [
      'wss://',
      'ws://',
      'https:',
      'a',
      'b.example',
      '/',
      '\\',
      '?',
      '#',
      '@',
      ':',
      '443',
      '[',
      ']',
      '::1',
      ' ',
      '\t',
      '%',
      '3F',
      '.',
      '..',
      'x=1',
      '&',
    ];
    for (let i = 0; i < 20_000; i++) {
      let url = i % 3 === 0 ? '' : 'wss://';
      const n = 1 + Math.floor(random() * 10);
      for (let j = 0; j < n; j++) url += parts[Math.floor(random() * parts.length)];
      expect([url, hostAndPath(urlUpToQuery(url))]).toEqual([url, hostAndPath(url)]);
    }
  });
});
