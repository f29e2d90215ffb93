import { describe, expect, it } from 'vitest';
import { ClosedTabs } from './closed-tabs';
import { Hub } from './hub';
import { Persist } from './persist';
import { MemoryStorage } from './test-support';
import { DEFAULT_SETTINGS, type RelayBatch } from '../protocol/messages';

const counters = { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 };

function makeHub(storage = new MemoryStorage()) {
  const hub = new Hub({
    persist: new Persist(storage),
    extensionVersion: '0.1.0',
    now: () => 1000,
    setTimer: () => undefined,
    settings: () => DEFAULT_SETTINGS,
  });
  return { hub, storage };
}

const url = 'http://127.0.0.1/a';
const hello = { type: 'hello' as const, docNonce: 'n', url, isTop: true };
const sender = (tabId: number) => ({ tabId, frameId: 0, documentId: `DOC${tabId}`, url });
const batch = (seq: number): RelayBatch => ({
  type: 'batch',
  seq,
  events: [
    { t: 'socket', k: seq, api: 'WebSocket', url: 'ws://127.0.0.1/s', protocols: [], at: 1000 + seq, stack: '' },
    { t: 'close', k: seq, at: 1001 + seq, code: 1012, reason: '', wasClean: true, counters },
  ],
  dropped: {},
});

/** The tabs with anything stored. */
const storedTabs = (storage: MemoryStorage) =>
  [...new Set([...storage.data.keys()].flatMap((k) => /^t(\d+):/.exec(k)?.[1] ?? []))].map(Number).sort();

/** Records one closure in each of `tabs`, stored. */
async function record(hub: Hub, tabs: number[]) {
  for (const tab of tabs) hub.batch(tab, hub.hello(sender(tab), hello), batch(1), () => undefined);
  await hub.tick();
}

describe('a closed tab', () => {
  it("records nothing from a relay's word that comes after its removal, and acknowledges it", async () => {
    const { hub, storage } = makeHub();
    await record(hub, [4, 5]);
    await hub.removeTab(4);
    const acks: number[] = [];
    const docId = hub.hello(sender(4), hello);
    hub.batch(4, docId, batch(2), (seq) => acks.push(seq));
    hub.clear(4);
    await hub.tick();
    expect(acks).toEqual([2]);
    expect(hub.tabs.has(4)).toBe(false);
    expect(storedTabs(storage)).toEqual([5]);
  });

  it('left stored by a worker that stopped first, is deleted at the next start when it is not open', async () => {
    const storage = new MemoryStorage();
    await record(makeHub(storage).hub, [4, 5, 6]);
    const { hub } = makeHub(storage);
    await hub.load();
    // A tab that says hello after the start, before the browser's list of tabs is read, is open.
    await record(hub, [7]);
    await hub.removeClosedSinceStored(new Set([5]));
    await hub.tick();
    expect([...hub.tabs.keys()].sort()).toEqual([5, 7]);
    expect(storedTabs(storage)).toEqual([5, 7]);
  });
});

describe('ClosedTabs', () => {
  it('keeps the newest ids up to its bound', () => {
    const closed = new ClosedTabs(2);
    [1, 2, 3].forEach((id) => closed.add(id));
    expect([1, 2, 3].map((id) => closed.has(id))).toEqual([false, true, true]);
  });
});
