import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, RELAY_PORT_NAME, wrap } from '../protocol/messages';
import { portPair } from '../test-support/fake-port';
import { Hub } from './hub';
import { Persist } from './persist';
import { acceptRelay } from './relay-port';
import { MemoryStorage } from './test-support';

const NOW = 1_800_000_000_000;
const counters = { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 };
const socket = (k: number) => ({
  t: 'socket',
  k,
  api: 'WebSocket',
  url: 'ws://127.0.0.1/s',
  protocols: [],
  at: NOW,
  stack: '',
});
const close = (k: number, extra: object = {}) => ({
  t: 'close',
  k,
  at: NOW + 1,
  code: 1012,
  reason: '',
  wasClean: true,
  counters,
  ...extra,
});

/** A relay's port into a real Hub: what the background stores is read back from the hub. */
async function connect(
  sender: object | undefined = { tab: { id: 4 }, frameId: 0, url: 'http://127.0.0.1/a', documentId: 'DOC' },
) {
  const hub = new Hub({
    persist: new Persist(new MemoryStorage()),
    extensionVersion: '0.1.0',
    now: () => NOW,
    setTimer: () => undefined,
    settings: () => DEFAULT_SETTINGS,
  });
  const { near, far } = portPair(RELAY_PORT_NAME, sender as never);
  acceptRelay(near as never, hub, Promise.resolve(), () => NOW);
  const send = async (msg: unknown) => {
    far.postMessage(msg);
    await new Promise((r) => setTimeout(r, 0));
  };
  await send(wrap({ type: 'hello', docNonce: 'n', url: 'http://127.0.0.1/a', isTop: true }));
  return { hub, relay: far, send, recording: () => hub.recordingOf(4) };
}

describe('the relay port re-validates what relays send', () => {
  it('stores a well-formed batch and acks it once stored', async () => {
    const { hub, relay, send, recording } = await connect();
    await send(wrap({ type: 'batch', seq: 1, events: [socket(1), close(1)], dropped: {} }));
    expect(recording().connections.map((c) => [c.id, c.socketNumber])).toEqual([['4:0:DOC:1', 1]]);
    expect(relay.onMessage.listeners.length).toBe(0); // nothing listens on the test's end: acks land in posted
    await hub.tick();
    expect(relay.peer.posted).toEqual([wrap({ type: 'ack', seq: 1 })]);
  });

  it('counts a forged or malformed event as rejected and keeps the rest of the batch', async () => {
    const { send, recording } = await connect();
    const forged = [
      { ...close(1), code: 'x' },
      { t: 'eval', k: 1, at: NOW },
      { ...socket(2), at: NOW + 10 * 24 * 3600 * 1000 },
      { ...close(1), last: 'not a list' },
      null,
    ];
    await send(
      wrap({ type: 'batch', seq: 1, events: [socket(1), ...forged, close(1)], dropped: { eventsRejected: 2 } }),
    );
    expect(recording().connections).toHaveLength(1);
    expect(recording().connections[0]!.events.map((e) => e.type)).toEqual(['close']);
    expect(recording().dropped.eventsRejected).toBe(2 + forged.length);
  });

  it('clamps what an old or compromised relay left long, and counts the cut', async () => {
    const { send, recording } = await connect();
    await send(
      wrap({
        type: 'batch',
        seq: 1,
        events: [socket(1), close(1, { reason: 'é'.repeat(300), truncated: ['bogus', 'url'] })],
        dropped: {},
      }),
    );
    const c = recording().connections[0]!;
    const ev = c.events[0] as { reason: string };
    expect(new TextEncoder().encode(ev.reason).length).toBeLessThanOrEqual(123);
    expect(c.truncated).toEqual(['url', 'reason']);
    expect(recording().dropped.fieldsTruncated).toBe(1);
  });

  it('rejects events beyond what one batch can hold, counted', async () => {
    const { send, recording } = await connect();
    const events = [socket(1), ...Array.from({ length: 600 }, () => ({ t: 'error', k: 1, at: NOW }))];
    await send(wrap({ type: 'batch', seq: 1, events, dropped: {} }));
    expect(recording().dropped.eventsRejected).toBe(events.length - 500);
  });

  it('ignores a batch without a sequence number or events, and one before hello', async () => {
    const { send, recording } = await connect();
    await send(wrap({ type: 'batch', seq: 'one', events: [socket(1)], dropped: {} }));
    await send(wrap({ type: 'batch', seq: 1, events: 'x', dropped: {} }));
    await send({ type: 'batch', seq: 1, events: [socket(1)], dropped: {} });
    expect(recording().connections).toEqual([]);

    const { hub } = await connect();
    const { near, far } = portPair(RELAY_PORT_NAME, { tab: { id: 9 }, frameId: 0 });
    acceptRelay(near as never, hub, Promise.resolve(), () => NOW);
    far.postMessage(wrap({ type: 'batch', seq: 1, events: [socket(1)], dropped: {} }));
    await new Promise((r) => setTimeout(r, 0));
    expect(hub.tabs.get(9)).toBeUndefined();
  });

  it('does not count a re-sent batch twice', async () => {
    const { send, recording } = await connect();
    const batch = wrap({ type: 'batch', seq: 1, events: [socket(1), { t: 'eval' }], dropped: {} });
    await send(batch);
    await send(batch);
    expect(recording().dropped.eventsRejected).toBe(1);
  });

  it('clamps a megabyte hello URL and refuses a port without a tab', async () => {
    const { recording } = await connect({
      tab: { id: 4 },
      frameId: 0,
      url: `http://127.0.0.1/a#${'x'.repeat(1_000_000)}`,
      documentId: 'DOC',
    });
    const mark = recording().marks[0] as { url: string };
    expect(mark.url.length).toBeLessThanOrEqual(2048);
    const { near } = portPair(RELAY_PORT_NAME, { frameId: 0 });
    acceptRelay(near as never, (await connect()).hub, Promise.resolve());
    expect(near.connected).toBe(false);
  });
});

describe("a relay port's closing", () => {
  const types = (recording: () => { connections: { events: { type: string }[] }[] }) =>
    recording().connections.map((c) => c.events.map((e) => ('cause' in e ? `${e.type}:${String(e.cause)}` : e.type)));

  it('ends the open sockets of its document when no pagehide came (a document.open() erased its listener)', async () => {
    const { relay, send, recording } = await connect();
    await send(wrap({ type: 'batch', seq: 1, events: [socket(1), socket(2), close(2)], dropped: {} }));
    relay.disconnect();
    await new Promise((r) => setTimeout(r, 0));
    expect(types(recording)).toEqual([['ended-with-document:disconnect'], ['close']]);
  });

  it('changes nothing after the pagehide, nor for a port the document replaced after the back/forward cache', async () => {
    const { hub, relay, send, recording } = await connect();
    await send(
      wrap({ type: 'batch', seq: 1, events: [socket(1), { t: 'life', at: NOW, state: 'pagehide' }], dropped: {} }),
    );
    // Back from the cache: hello on a new port; the old one closes afterwards.
    const next = portPair(RELAY_PORT_NAME, {
      tab: { id: 4 },
      frameId: 0,
      url: 'http://127.0.0.1/a',
      documentId: 'DOC',
    });
    acceptRelay(next.near as never, hub, Promise.resolve(), () => NOW);
    next.far.postMessage(
      wrap({ type: 'hello', docNonce: 'n', url: 'http://127.0.0.1/a', isTop: true, restored: true }),
    );
    next.far.postMessage(wrap({ type: 'batch', seq: 2, events: [socket(2)], dropped: {} }));
    relay.disconnect();
    await new Promise((r) => setTimeout(r, 0));
    expect(types(recording)).toEqual([['ended-with-document:pagehide'], []]);
    // The port it said hello on last closing does end it.
    next.far.disconnect();
    await new Promise((r) => setTimeout(r, 0));
    expect(types(recording)).toEqual([['ended-with-document:pagehide'], ['ended-with-document:disconnect']]);
  });
});

describe('a restarted worker', () => {
  it('handles the messages of every port in the order they arrived, across ports', async () => {
    const hub = new Hub({
      persist: new Persist(new MemoryStorage()),
      extensionVersion: '0.1.0',
      now: () => NOW,
      setTimer: () => undefined,
      settings: () => ({ ...DEFAULT_SETTINGS, preserveLog: true }),
    });
    let loaded!: () => void;
    const ready = new Promise<void>((r) => (loaded = r));
    const old = portPair(RELAY_PORT_NAME, {
      tab: { id: 4 },
      frameId: 0,
      url: 'http://127.0.0.1/a',
      documentId: 'OLD',
    } as never);
    const next = portPair(RELAY_PORT_NAME, {
      tab: { id: 4 },
      frameId: 0,
      url: 'http://127.0.0.1/b',
      documentId: 'NEW',
    } as never);
    acceptRelay(old.near as never, hub, ready, () => NOW);
    acceptRelay(next.near as never, hub, ready, () => NOW);
    // While the worker loads: the old document re-sends its hello and its last batch, then the new one says hello.
    old.far.postMessage(wrap({ type: 'hello', docNonce: 'o', url: 'http://127.0.0.1/a', isTop: true }));
    old.far.postMessage(wrap({ type: 'batch', seq: 1, events: [socket(1)], dropped: {} }));
    next.far.postMessage(wrap({ type: 'hello', docNonce: 'n', url: 'http://127.0.0.1/b', isTop: true }));
    loaded();
    await new Promise((r) => setTimeout(r, 0));
    // The old document's socket arrived before the new document: it was ended with its document.
    const c = hub.recordingOf(4).connections.find((x) => x.id === '4:0:OLD:1');
    expect(c?.events.map((e) => e.type)).toEqual(['ended-with-document']);
  });
});
