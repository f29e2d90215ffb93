/**
 * One tab must not be able to deny recording to the others: page-chosen URLs are
 * clamped before they are stored, old documents are forgotten, and a tab whose
 * size is all metadata is evicted from like any other.
 */
import { describe, expect, it } from 'vitest';
import { Hub } from './hub';
import { Persist } from './persist';
import { MemoryStorage } from './test-support';
import { TabRecording, TAB_LIMITS } from './tab-recording';
import { PAGE_URL_CHARS } from '../protocol/clamp';
import { DEFAULT_SETTINGS, type RelayBatch } from '../protocol/messages';

const counters = { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 };
const closing = (seq: number, k: number, at: number): RelayBatch => ({
  type: 'batch',
  seq,
  events: [
    { t: 'socket', k, api: 'WebSocket', url: 'ws://127.0.0.1/s', protocols: [], at, stack: '' },
    { t: 'close', k, at: at + 1, code: 1012, reason: '', wasClean: true, counters },
  ],
  dropped: {},
});

function makeHub(storage: MemoryStorage, budget?: number) {
  let now = 1000;
  const hub = new Hub({
    persist: new Persist(storage, budget),
    extensionVersion: '0.1.0',
    now: () => now,
    setTimer: () => undefined,
    settings: () => DEFAULT_SETTINGS,
  });
  return { hub, advance: () => (now += 10) };
}

describe('hostile tabs and storage', () => {
  it('stores a page-chosen megabyte URL clamped in the document, the navigation mark and every connection', async () => {
    const storage = new MemoryStorage();
    const { hub } = makeHub(storage);
    const huge = `http://127.0.0.1/p#${'x'.repeat(1_500_000)}`;
    const docId = hub.hello(
      { tabId: 1, frameId: 0, documentId: 'D', url: huge },
      { type: 'hello', docNonce: 'n', url: huge, isTop: true },
    );
    hub.batch(1, docId, closing(1, 1, 2000), () => undefined);
    await hub.tick();
    const tab = hub.tabs.get(1) as TabRecording;
    expect(tab.docs[docId]?.url).toHaveLength(PAGE_URL_CHARS);
    expect(tab.recording.marks[0]?.type === 'navigation' && tab.recording.marks[0].url).toHaveLength(PAGE_URL_CHARS);
    expect(tab.recording.connections[0]?.frameUrl).toHaveLength(PAGE_URL_CHARS);
    expect(storage.totalBytes()).toBeLessThan(20_000);
  });

  it('forgets old documents: gone ones first, so a page that navigates forever stays bounded', () => {
    const tab = new TabRecording(1, '0.1.0', 0);
    const live = { frameId: 1, url: 'http://127.0.0.1/live', isTop: false, lastSeq: 0, gone: false };
    tab.addDoc('live', live);
    for (let i = 0; i < TAB_LIMITS.docs * 3; i++)
      tab.addDoc(`d${i}`, {
        frameId: 0,
        url: 'http://127.0.0.1/',
        isTop: true,
        lastSeq: 0,
        gone: i < TAB_LIMITS.docs * 3 - 1,
      });
    expect(Object.keys(tab.docs)).toHaveLength(TAB_LIMITS.docs);
    expect(tab.docs.live).toBe(live);
    expect(tab.docs[`d${TAB_LIMITS.docs * 3 - 1}`]?.gone).toBe(false);
  });

  it('evicts from a tab with no connections whose marks fill the budget; another tab keeps its closure and records new ones', async () => {
    const storage = new MemoryStorage(10 * 1024 * 1024);
    const budget = 400_000;
    const { hub, advance } = makeHub(storage, budget);
    // Tab 2 records a closure first.
    const victimDoc = hub.hello(
      { tabId: 2, frameId: 0, documentId: 'V', url: 'http://127.0.0.1/v' },
      { type: 'hello', docNonce: 'v', url: '', isTop: true },
    );
    hub.batch(2, victimDoc, closing(1, 1, 1500), () => undefined);
    await hub.tick();
    // Tab 1 only navigates, at the longest URL that is stored, over and over.
    const long = `http://127.0.0.1/a#${'y'.repeat(5000)}`;
    for (let i = 0; i < 400; i++) {
      advance();
      hub.hello(
        { tabId: 1, frameId: 0, documentId: `N${i}`, url: long },
        { type: 'hello', docNonce: `n${i}`, url: long, isTop: true },
      );
    }
    await hub.tick();
    expect(storage.totalBytes()).toBeLessThanOrEqual(budget);
    const attacker = hub.tabs.get(1) as TabRecording;
    expect(attacker.recording.dropped.marksEvicted).toBeGreaterThan(0);
    // The victim's closure is still stored, and a new one in it is stored too.
    hub.batch(2, victimDoc, closing(2, 2, 3000), () => undefined);
    await hub.tick();
    const stored = await new Persist(storage).load('0.1.0');
    expect(stored.get(2)?.recording.connections.map((c) => c.id)).toEqual(['2:0:V:1', '2:0:V:2']);
    expect(stored.get(2)?.recording.dropped.connectionsEvicted).toBe(0);
  });
});
