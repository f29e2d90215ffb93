import { describe, expect, it } from 'vitest';
import { Persist } from './persist';
import { MemoryStorage } from './test-support';
import type { ChangeLog } from './change-log';
import { TAB_LIMITS, TabRecording } from './tab-recording';
import type { RelayEvent } from '../protocol/messages';

const counters = { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 };

function fill(tab: TabRecording, n: number, urlPad = 0) {
  const d = { frameId: 0, url: 'http://127.0.0.1/', isTop: true, lastSeq: 0, gone: false };
  tab.docs.D = d;
  const start = tab.recording.connections.length;
  for (let k = start + 1; k <= start + n; k++) {
    tab.apply('D', d, {
      t: 'socket',
      k,
      api: 'WebSocket',
      url: `ws://127.0.0.1/${'x'.repeat(urlPad)}${k}`,
      protocols: [],
      at: k,
      stack: '',
    } as RelayEvent);
    tab.apply('D', d, { t: 'close', k, at: k + 0.5, code: 1012, reason: 'r', wasClean: true, counters } as RelayEvent);
  }
}

const drainAll = (tabs: Map<number, TabRecording>) =>
  new Map<number, ChangeLog>([...tabs].map(([id, t]) => [id, t.drain()]));

describe('Persist', () => {
  it('writes about as many bytes for one more closure whether the recording holds 100 or 5,000', async () => {
    const bytesForOneMore = async (before: number) => {
      const p = new Persist(new MemoryStorage());
      const tab = new TabRecording(1, '0.1.0', 0);
      const tabs = new Map([[1, tab]]);
      fill(tab, before);
      await p.write(tabs, drainAll(tabs));
      const start = p.stats.bytesWritten;
      fill(tab, 1);
      await p.write(tabs, drainAll(tabs));
      return p.stats.bytesWritten - start;
    };
    const small = await bytesForOneMore(100);
    const large = await bytesForOneMore(5_000);
    // One chunk and the meta key are rewritten either way: the cost does not grow with the recording.
    expect(large).toBeLessThan(small * 1.5);
    expect(large).toBeGreaterThan(0);
  });

  it('round-trips tabs through storage (what a restarted worker reloads)', async () => {
    const storage = new MemoryStorage();
    const p = new Persist(storage);
    const tabs = new Map([[3, new TabRecording(3, '0.1.0', 0)]]);
    fill(tabs.get(3) as TabRecording, 250);
    await p.write(tabs, drainAll(tabs));
    const loaded = await new Persist(storage).load('0.1.0');
    expect(loaded.get(3)?.recording).toEqual(tabs.get(3)?.recording);
    expect(loaded.get(3)?.docs).toEqual(tabs.get(3)?.docs);
    // Chunked: 250 connections in ceil(250 / chunk) chunk keys plus meta.
    const chunkKeys = Array.from({ length: Math.ceil(250 / TAB_LIMITS.chunk) }, (_, i) => `t3:c${i}`);
    expect([...storage.data.keys()].sort()).toEqual([...chunkKeys, 't3:meta'].sort());
  });

  it('rewrites only the chunks that changed', async () => {
    const storage = new MemoryStorage();
    const p = new Persist(storage);
    const tab = new TabRecording(1, '0.1.0', 0);
    const tabs = new Map([[1, tab]]);
    fill(tab, 250);
    await p.write(tabs, drainAll(tabs));
    const before = storage.data.get('t1:c0');
    fill(tab, 1);
    const log = tab.drain();
    // The 251st connection (insertion number 250) opens or joins the chunk after the full ones.
    expect([...log.chunks]).toEqual([Math.floor(250 / TAB_LIMITS.chunk)]);
    await p.write(tabs, new Map([[1, log]]));
    expect(storage.data.get('t1:c0')).toBe(before);
  });

  it('stays within the global budget by evicting the oldest connections of the largest tab, counted', async () => {
    const storage = new MemoryStorage(10 * 1024 * 1024);
    const budget = 200_000;
    const p = new Persist(storage, budget);
    const big = new TabRecording(1, '0.1.0', 0);
    const small = new TabRecording(2, '0.1.0', 0);
    const tabs = new Map([
      [1, big],
      [2, small],
    ]);
    fill(big, 800, 200);
    fill(small, 20);
    await p.write(tabs, drainAll(tabs));
    expect(storage.totalBytes()).toBeLessThanOrEqual(budget);
    expect(big.recording.dropped.connectionsEvicted).toBeGreaterThan(0);
    expect(big.recording.connections.length + big.recording.dropped.connectionsEvicted).toBe(800);
    expect(small.recording.connections).toHaveLength(20);
    expect(small.recording.dropped.connectionsEvicted).toBe(0);
    // What is stored agrees with what is in memory.
    const loaded = await new Persist(storage).load('0.1.0');
    expect(loaded.get(1)?.recording.connections.map((c) => c.id)).toEqual(big.recording.connections.map((c) => c.id));
  });

  it('never stores a reset meta beside the connections it cleared, even if the worker stops between two calls', async () => {
    // After `stopAfter` more calls the worker is gone: later storage calls never happen.
    class StoppingStorage extends MemoryStorage {
      stopAfter = Infinity;
      private gate() {
        if (this.stopAfter-- <= 0) throw new Error('worker stopped');
      }
      override async set(items: Record<string, unknown>): Promise<void> {
        this.gate();
        return super.set(items);
      }
      override async remove(keys: string[]): Promise<void> {
        this.gate();
        return super.remove(keys);
      }
    }
    const storage = new StoppingStorage();
    const tab = new TabRecording(4, '0.1.0', 0);
    const tabs = new Map([[4, tab]]);
    fill(tab, 150);
    await new Persist(storage).write(tabs, drainAll(tabs));
    // The page navigates with preserve log off: the recording starts again.
    tab.reset(1_000);
    tab.addMark({ type: 'navigation', at: 1_000, frameId: 0, documentId: 'E', url: 'http://127.0.0.1/b' });
    storage.stopAfter = 1;
    await new Persist(storage).write(tabs, drainAll(tabs)).catch(() => undefined);
    const loaded = (await new Persist(storage).load('0.1.0')).get(4);
    expect(loaded?.recording.marks.map((m) => (m.type === 'navigation' ? m.url : m.type))).toEqual([
      'http://127.0.0.1/b',
    ]);
    expect(loaded?.recording.connections).toEqual([]);
  });

  it('removes a closed tab entirely', async () => {
    const storage = new MemoryStorage();
    const p = new Persist(storage);
    const tabs = new Map([[5, new TabRecording(5, '0.1.0', 0)]]);
    fill(tabs.get(5) as TabRecording, 3);
    await p.write(tabs, drainAll(tabs));
    await p.removeTab(5);
    expect(storage.data.size).toBe(0);
  });
});

/** Tab `tab` with `n` closed connections, written to `storage` by a worker of its own. */
const stored = async (storage: MemoryStorage, tab: number, n: number) => {
  const tabs = new Map([[tab, new TabRecording(tab, '0.1.0', 0)]]);
  fill(tabs.get(tab)!, n);
  await new Persist(storage).write(tabs, drainAll(tabs));
  return tabs.get(tab)!;
};

describe('Persist.load of values this build does not store', () => {
  it('leaves out a chunk of another shape, and the other chunks and tabs load', async () => {
    const storage = new MemoryStorage();
    const a = await stored(storage, 1, 12);
    const b = await stored(storage, 2, 3);
    await storage.set({ 't1:c999': { n: [1], c: 'junk' }, 't1:c0': { n: [0, 1], c: [{ id: 7 }, 'x'] } });
    const loaded = await new Persist(storage).load('0.1.0');
    const ids = (t?: TabRecording) => t?.recording.connections.map((c) => c.id);
    // Chunk 0 held the first connections: replaced by junk, they are gone; the later chunks load.
    expect(ids(loaded.get(1))).toEqual(ids(a)?.slice(TAB_LIMITS.chunk));
    expect(loaded.get(2)?.recording).toEqual(b.recording);
    // What is no chunk at all is removed, not read again at every start.
    expect(storage.data.has('t1:c999')).toBe(false);
  });

  it('removes keys spelled like its own with a leading zero: no write ever names them, so none would empty them', async () => {
    const storage = new MemoryStorage();
    const a = await stored(storage, 1, 3);
    const meta = storage.data.get('t1:meta')!;
    const chunk = storage.data.get('t1:c0')!;
    // The same tab and chunk under other spellings: read as tab 1's, they were counted and sized twice.
    await storage.set({ 't1:c00': JSON.parse(chunk), 't01:meta': JSON.parse(meta), 't01:c0': JSON.parse(chunk) });
    const persist = new Persist(storage);
    const loaded = await persist.load('0.1.0');
    expect(loaded.get(1)?.recording).toEqual(a.recording);
    expect([...loaded.keys()]).toEqual([1]);
    expect([...storage.data.keys()].sort()).toEqual(['t1:c0', 't1:meta']);
    expect(persist.totalBytes()).toBe(persist.tabBytes(1));
  });

  it('counts stored connections it cannot read back, shows them once, and rewrites their chunk without them', async () => {
    const storage = new MemoryStorage();
    const a = await stored(storage, 1, 3);
    const chunk = JSON.parse(storage.data.get('t1:c0')!) as { n: number[]; c: unknown[] };
    await storage.set({ 't1:c0': { n: [...chunk.n, 8, 9], c: [...chunk.c, { id: 7 }, 'x'] } });
    const persist = new Persist(storage);
    const loaded = await persist.load('0.1.0');
    const tab = loaded.get(1)!;
    expect(tab.recording.connections).toEqual(a.recording.connections);
    expect(tab.recording.dropped.connectionsUnreadable).toBe(2);
    // The count and the chunk without the two are written together (what the hub does after a start).
    await persist.write(loaded, drainAll(loaded));
    expect((JSON.parse(storage.data.get('t1:c0')!) as { c: unknown[] }).c).toHaveLength(3);
    const again = (await new Persist(storage).load('0.1.0')).get(1)!;
    expect(again.recording.dropped.connectionsUnreadable).toBe(2);
    expect(again.hasChanges()).toBe(false);
  });

  it('starts a tab again whose meta is not a recording, and replaces its keys at the next write', async () => {
    const storage = new MemoryStorage();
    await stored(storage, 1, 3 * TAB_LIMITS.chunk);
    const b = await stored(storage, 2, 3);
    await storage.set({ 't1:meta': { recording: 5 } });
    const count = 3 * TAB_LIMITS.chunk;
    const loaded = await new Persist(storage).load('0.1.0', 5_000);
    // Started again at the load, with the connections its keys held counted as lost.
    const fresh = loaded.get(1)!;
    expect(fresh.recording.connections).toEqual([]);
    expect(fresh.recording.startedAt).toBe(5_000);
    expect(fresh.recording.dropped.connectionsUnreadable).toBe(count);
    expect(loaded.get(2)?.recording).toEqual(b.recording);
    // A worker stopped before its first write: the next start finds the same keys and the same count.
    const beforeWrite = await new Persist(storage).load('0.1.0', 6_000);
    expect(beforeWrite.get(1)?.recording.dropped.connectionsUnreadable).toBe(count);
    // The write stores the new meta with the count and empties the old chunks in one set(), then removes them.
    const persist = new Persist(storage);
    const again = await persist.load('0.1.0', 7_000);
    const sets: string[][] = [];
    const set = storage.set.bind(storage);
    storage.set = (items) => (sets.push(Object.keys(items)), set(items));
    await persist.write(again, drainAll(again));
    expect(sets[0]).toEqual(expect.arrayContaining(['t1:meta', 't1:c0', 't1:c1', 't1:c2']));
    expect([...storage.data.keys()].filter((k) => k.startsWith('t1:'))).toEqual(['t1:meta']);
    // Counted once: a later start reads the new meta, with nothing left to count again.
    const after = (await new Persist(storage).load('0.1.0')).get(1)!;
    expect(after.recording.dropped.connectionsUnreadable).toBe(count);
    expect(after.recording.startedAt).toBe(7_000);
    expect(after.hasChanges()).toBe(false);
  });

  it('empties the old keys of a tab started again even when it is cleared before the first write', async () => {
    const storage = new MemoryStorage();
    await stored(storage, 1, 3 * TAB_LIMITS.chunk);
    await storage.set({ 't1:meta': { recording: 5 } });
    const persist = new Persist(storage);
    const loaded = await persist.load('0.1.0', 5_000);
    // The panel's Clear (or a navigation) that woke the worker runs before the first drain.
    loaded.get(1)!.reset(6_000);
    await persist.write(loaded, drainAll(loaded));
    expect([...storage.data.keys()].filter((k) => k.startsWith('t1:'))).toEqual(['t1:meta']);
    // Cleared means cleared: a later start neither brings the old connections back nor counts them again.
    const reread = new Persist(storage);
    const after = (await reread.load('0.1.0')).get(1)!;
    // And the budget no longer counts the removed keys.
    expect(persist.tabBytes(1)).toBe(reread.tabBytes(1));
    expect(after.recording.connections).toEqual([]);
    expect(after.recording.dropped.connectionsUnreadable).toBe(0);
  });

  it('starts a tab again with nothing noted when its unreadable meta held no connections', async () => {
    const storage = new MemoryStorage();
    await storage.set({ 't1:meta': { recording: 5 } });
    const loaded = await new Persist(storage).load('0.1.0');
    expect(loaded.has(1)).toBe(false);
    expect(storage.data.size).toBe(0);
  });

  it('starts empty when storage cannot be read', async () => {
    const storage = new MemoryStorage();
    storage.get = () => Promise.reject(new Error('gone'));
    expect((await new Persist(storage, undefined, { readRetryMs: [0] }).load('0.1.0')).size).toBe(0);
  });
});

describe('Persist after a start that could not read storage', () => {
  /** Reads fail `times` times, then work again. */
  const failingReads = (storage: MemoryStorage, times: number) => {
    const get = storage.get.bind(storage);
    let left = times;
    storage.get = (keys) => (left-- > 0 ? Promise.reject(new Error('unavailable')) : get(keys));
  };

  it('reads again when a read at the start fails, and loads what was stored', async () => {
    const storage = new MemoryStorage();
    const a = await stored(storage, 1, 3);
    failingReads(storage, 2);
    const loaded = await new Persist(storage, undefined, { readRetryMs: [0, 0] }).load('0.1.0');
    expect(loaded.get(1)?.recording).toEqual(a.recording);
  });

  it("counts the earlier worker's connections as lost at the first write, and a later start brings none back", async () => {
    const storage = new MemoryStorage();
    await stored(storage, 1, 3 * TAB_LIMITS.chunk);
    await stored(storage, 2, 3);
    // A tab that had recorded nothing: its keys just go.
    await stored(storage, 3, 0);
    expect(storage.data.has('t3:meta')).toBe(true);
    failingReads(storage, 1);
    const persist = new Persist(storage, undefined, { readRetryMs: [], now: () => 9_000 });
    const tabs = await persist.load('0.1.0');
    expect(tabs.size).toBe(0);
    // Tab 1 records again (or the user cleared it): its new connections, and nothing of the old ones.
    tabs.set(1, new TabRecording(1, '0.1.0', 8_000));
    fill(tabs.get(1)!, 2);
    const fresh = tabs.get(1)!.recording.connections.map((c) => c.id);
    await persist.write(tabs, drainAll(tabs));
    expect(tabs.get(1)!.recording.dropped.connectionsUnreadable).toBe(3 * TAB_LIMITS.chunk);
    // Tab 2 had nothing new: it is started here so that its loss is counted and seen.
    expect(tabs.get(2)!.recording.connections).toEqual([]);
    expect(tabs.get(2)!.recording.dropped.connectionsUnreadable).toBe(3);
    expect([...storage.data.keys()].sort()).toEqual(['t1:c0', 't1:meta', 't2:meta']);
    // The budget counts what is stored, as a start reading it would.
    const reread = new Persist(storage);
    const after = await reread.load('0.1.0');
    expect(persist.totalBytes()).toBe(reread.totalBytes());
    expect(after.get(1)!.recording.connections.map((c) => c.id)).toEqual(fresh);
    expect(after.get(1)!.recording.dropped.connectionsUnreadable).toBe(3 * TAB_LIMITS.chunk);
    expect(after.get(2)!.recording.dropped.connectionsUnreadable).toBe(3);
    expect(after.has(3)).toBe(false);
  });

  it('keeps what storage holds while it still cannot be read, and deals with it at the first write that can', async () => {
    const storage = new MemoryStorage();
    await stored(storage, 2, 3);
    failingReads(storage, 2);
    const persist = new Persist(storage, undefined, { readRetryMs: [] });
    const tabs = await persist.load('0.1.0');
    tabs.set(1, new TabRecording(1, '0.1.0', 0));
    fill(tabs.get(1)!, 1);
    await persist.write(tabs, drainAll(tabs));
    // Not read yet: tab 2's keys are left as they are.
    expect(storage.data.has('t2:c0')).toBe(true);
    expect(tabs.has(2)).toBe(false);
    fill(tabs.get(1)!, 1);
    await persist.write(tabs, drainAll(tabs));
    expect(tabs.get(2)!.recording.dropped.connectionsUnreadable).toBe(3);
    expect(storage.data.has('t2:c0')).toBe(false);
  });
});

describe('Persist budget in UTF-8 bytes, as the quota counts', () => {
  it('keeps the estimate of text outside ASCII within the quota, so no write is refused', async () => {
    // Stored as UTF-8, a CJK character is 3 bytes; counted as one unit, a tab of such text overran a
    // quota it seemed to fit, and every write was refused until another tab was evicted for it.
    const quota = 600_000;
    const storage = new MemoryStorage(quota);
    const p = new Persist(storage, quota - 10_000);
    const tab = new TabRecording(1, '0.1.0', 0);
    const tabs = new Map([[1, tab]]);
    const d = { frameId: 0, url: 'http://127.0.0.1/', isTop: true, lastSeq: 0, gone: false };
    tab.docs.D = d;
    let refused = 0;
    for (let k = 1; k <= 900; k++) {
      tab.apply('D', d, {
        t: 'socket',
        k,
        api: 'WebSocket',
        url: `ws://127.0.0.1/${'中'.repeat(200)}${k}`,
        protocols: [],
        at: k,
        stack: '',
      } as RelayEvent);
      await p.write(tabs, drainAll(tabs)).catch(() => refused++);
    }
    expect(refused).toBe(0);
    expect(storage.totalBytes()).toBeLessThanOrEqual(quota);
    expect(tab.recording.dropped.connectionsEvicted).toBeGreaterThan(0);
  });
});
