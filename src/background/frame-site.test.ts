import { describe, expect, it } from 'vitest';
import { Hub, type RelaySender } from './hub';
import { Persist } from './persist';
import { MemoryStorage } from './test-support';
import { DEFAULT_SETTINGS, type RelayBatch, type RelayHello } from '../protocol/messages';
import type { Connection } from '../protocol/recording';

const counters = { sentMessages: 0, sentSize: 0, receivedMessages: 1, receivedSize: 5 };
const batch: RelayBatch = {
  type: 'batch',
  seq: 1,
  events: [
    { t: 'socket', k: 1, api: 'WebSocket', url: 'ws://127.0.0.1/s', protocols: [], at: 1001, stack: '' },
    {
      t: 'close',
      k: 1,
      at: 1002,
      code: 1008,
      reason: '',
      wasClean: true,
      counters,
      last: [{ dir: 'in', at: 1001.5, kind: 'text', size: 5, text: 'hello' }],
    },
  ],
  dropped: {},
};

/** The connection the hub keeps for a frame's socket, its document told as given. */
async function keptConnection(
  contentCapture: Record<string, boolean>,
  frame: Pick<RelaySender, 'url' | 'origin'>,
  helloOrigin?: string,
): Promise<Connection | undefined> {
  const hub = new Hub({
    persist: new Persist(new MemoryStorage()),
    extensionVersion: '0.1.0',
    now: () => 1000,
    setTimer: () => undefined,
    settings: () => ({ ...DEFAULT_SETTINGS, contentCapture }),
  });
  const top = 'http://site.example/app';
  hub.hello(
    { tabId: 4, frameId: 0, documentId: 'TOP', url: top },
    { type: 'hello', docNonce: 't', url: top, isTop: true },
  );
  const url = frame.url ?? 'about:blank';
  const hello: RelayHello = {
    type: 'hello',
    docNonce: 'f',
    url,
    isTop: false,
    ...(helloOrigin && { origin: helloOrigin }),
  };
  const docId = hub.hello({ tabId: 4, frameId: 7, documentId: 'FRAME', ...frame }, hello);
  hub.batch(4, docId, batch, () => undefined);
  await hub.tick();
  return hub.recordingOf(4).connections[0];
}

const keptText = async (...args: Parameters<typeof keptConnection>) =>
  (await keptConnection(...args))?.lastMessages?.[0]?.text;

describe('message content of a frame whose URL names no site', () => {
  it.each<
    [string, Record<string, boolean>, Pick<RelaySender, 'url' | 'origin'>, string | undefined, string | undefined]
  >([
    // The browser's origin of the document: the site of the page that made it.
    [
      'about:blank of a site turned on',
      { 'site.example': true },
      { url: 'about:blank', origin: 'http://site.example' },
      undefined,
      'hello',
    ],
    [
      'about:srcdoc of a site turned on',
      { 'site.example': true },
      { url: 'about:srcdoc', origin: 'http://site.example' },
      undefined,
      'hello',
    ],
    [
      'blob: of a site turned on',
      { 'site.example': true },
      { url: 'blob:http://site.example/0b1c', origin: 'http://site.example' },
      undefined,
      'hello',
    ],
    [
      'about:blank of a local server (on by default)',
      {},
      { url: 'about:blank', origin: 'http://localhost:5173' },
      undefined,
      'hello',
    ],
    ['about:blank of a site left off', {}, { url: 'about:blank', origin: 'http://site.example' }, undefined, undefined],
    [
      'about:blank of a local server turned off',
      { localhost: false },
      { url: 'about:blank', origin: 'http://localhost:5173' },
      undefined,
      undefined,
    ],
    // Firefox gives no origin with the port: the relay's hello says it.
    [
      'the relay’s origin where the browser gives none',
      { 'site.example': true },
      { url: 'about:blank' },
      'http://site.example',
      'hello',
    ],
    [
      'the browser’s origin over the relay’s',
      {},
      { url: 'about:blank', origin: 'http://site.example' },
      'http://localhost:1',
      undefined,
    ],
    // A sandboxed frame or a data: document has an opaque origin: no site, no content.
    ['an opaque origin', { 'site.example': true }, { url: 'about:srcdoc', origin: 'null' }, undefined, undefined],
    ['a data: document', { 'site.example': true }, { url: 'data:text/html,x', origin: 'null' }, undefined, undefined],
    // A URL that names a site is judged by it, whatever origin is claimed.
    [
      'a URL with a host',
      {},
      { url: 'http://site.example/f', origin: 'http://localhost:1' },
      'http://localhost:1',
      undefined,
    ],
  ])('%s', async (_, contentCapture, frame, helloOrigin, want) => {
    expect(await keptText(contentCapture, frame, helloOrigin)).toBe(want);
  });
});

describe('the site a connection names for its content choice', () => {
  it.each<[string, Pick<RelaySender, 'url' | 'origin'>, string | undefined, string | undefined]>([
    ['about:blank: its origin’s', { url: 'about:blank', origin: 'http://site.example' }, undefined, 'site.example'],
    ['blob:: its origin’s', { url: 'blob:http://site.example/0b1c' }, 'http://site.example', 'site.example'],
    ['an opaque origin: none', { url: 'about:srcdoc', origin: 'null' }, undefined, undefined],
    [
      'a URL with a host: none besides it',
      { url: 'http://site.example/f', origin: 'http://site.example' },
      undefined,
      undefined,
    ],
  ])('%s', async (_, frame, helloOrigin, want) => {
    const c = await keptConnection({}, frame, helloOrigin);
    expect(c?.site).toBe(want);
    expect(c !== undefined && 'site' in c).toBe(want !== undefined);
  });
});
