import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact';

describe('redactUrl', () => {
  it.each([
    ['wss://a.example/ws', 'wss://a.example/ws'],
    ['wss://a.example/ws?token=abc', 'wss://a.example/ws?token=REDACTED'],
    ['wss://a.example/ws?token=abc&v=2&flag', 'wss://a.example/ws?token=REDACTED&v=REDACTED&flag'],
    ['wss://a.example/ws?token=a=b', 'wss://a.example/ws?token=REDACTED'],
    ['https://a.example/p?x=1#secret', 'https://a.example/p?x=REDACTED#REDACTED'],
    ['https://a.example/p#frag', 'https://a.example/p#frag'],
    ['not a url?k=v', 'not a url?k=REDACTED'],
  ])('%s', (input, want) => {
    expect(redactUrl(input)).toBe(want);
  });
});
