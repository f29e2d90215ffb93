import { describe, expect, it } from 'vitest';
import { connectionFrom } from './apply-event';

const frame = { frameId: 0, url: 'https://app.example/login' };
const socket = {
  t: 'socket' as const,
  k: 1,
  api: 'WebSocket' as const,
  url: 'wss://app.example/ws',
  protocols: [],
  at: 1_800_000_000_000,
  stack: '',
};

describe("a connection's page is where the page was when it made the socket", () => {
  it.each([
    ['the document, when the page never moved', undefined, 'https://app.example/login'],
    ["a single-page app's route", 'https://app.example/chat/42#top', 'https://app.example/chat/42#top'],
    [
      'the document, for a route on another origin (no same-document navigation leaves it)',
      'https://evil.example/',
      frame.url,
    ],
    ['the document, for an address that does not parse', 'not a url', frame.url],
  ])('%s', (_, page, frameUrl) => {
    const ev = page === undefined ? socket : { ...socket, page };
    expect(connectionFrom('c1', 'd1', frame, ev).frameUrl).toBe(frameUrl);
  });
});
