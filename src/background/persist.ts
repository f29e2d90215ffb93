/**
 * Write-through of recordings to storage.session, which survives the service
 * worker being stopped (not the browser closing). One global byte budget across
 * tabs; per-tab chunked keys so a write touches only what changed; writes
 * serialised (concurrent set() calls race and lose data).
 */
import { byCreation, type Connection, type Recording } from '../protocol/recording';
import type { ChangeLog } from './change-log';
import { TabRecording, type DocInfo } from './tab-recording';
import { storedChunk, storedTab, utf8Bytes } from './stored';
import { leftoversOf } from './leftovers';

export interface StorageLike {
  get(keys: null | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** storage.session holds 10 MiB for the whole extension; a write over quota is rejected whole. */
export const GLOBAL_BUDGET_BYTES = 8 * 1024 * 1024;

interface StoredMeta {
  recording: Omit<Recording, 'connections'>;
  docs: Record<string, DocInfo>;
}
interface StoredChunk {
  n: number[];
  c: Connection[];
}

const EMPTY_CHUNK: StoredChunk = { n: [], c: [] };

const metaKey = (tab: number) => `t${tab}:meta`;
const chunkKey = (tab: number, chunk: number) => `t${tab}:c${chunk}`;
// Numbers as this build writes them: `t01:c1` or `t1:c00` would be read as tab 1's chunk 0 again, and
// no write names them, so nothing would ever empty them.
const KEY = /^t(0|[1-9]\d*):(meta|c(0|[1-9]\d*))$/;
const LOOKS_OURS = /^t\d+:(meta|c\d+)$/;

const storedBytes = (key: string, value: unknown) => utf8Bytes(JSON.stringify(value)) + key.length;

/** A key in Persist's form: its tab and, for a chunk, its number. */
function parseKey(key: string): { tab: number; chunk?: number } | undefined {
  const m = KEY.exec(key);
  if (!m) return undefined;
  return m[2] === 'meta' ? { tab: Number(m[1]) } : { tab: Number(m[1]), chunk: Number(m[3]) };
}

export interface PersistOptions {
  /** Waits between the start's reads of storage when one fails (a read that fails may be transient). */
  readRetryMs?: readonly number[];
  now?: () => number;
}

export class Persist {
  /** Approximate stored size of each key (UTF-8 bytes of its JSON and its key, as the quota counts). */
  private readonly sizes = new Map<string, number>();
  private chain: Promise<void> = Promise.resolve();
  /** What writes cost: the benchmark checks that a closure costs O(1) bytes, not O(recording). */
  readonly stats = { writes: 0, bytesWritten: 0 };

  /** The start could not read storage: what it holds is unknown until a write can read it. */
  private unread = false;
  private extensionVersion = '';
  private readonly readRetryMs: readonly number[];
  private readonly now: () => number;

  constructor(
    private readonly storage: StorageLike,
    private readonly budget = GLOBAL_BUDGET_BYTES,
    opts: PersistOptions = {},
  ) {
    this.readRetryMs = opts.readRetryMs ?? [100, 400];
    this.now = opts.now ?? Date.now;
  }

  /**
   * Reads every stored tab back (on service-worker start). Never rejects: a value that is not what this
   * build stores is left out (a tab whose meta is not one starts again), since every request to the
   * worker waits for this. What is left out is counted in its tab's recording (`connectionsUnreadable`)
   * and the chunks it was in are written again without it, at the next write: the user sees what was
   * lost, and a later start does not count it twice. A tab started again keeps its old keys until that
   * write, which stores its new meta (with the count) and empties the old chunks in one set(): removed
   * at the load, a worker stopped before the write lost the count with them.
   */
  async load(extensionVersion: string, now = this.now()): Promise<Map<number, TabRecording>> {
    this.extensionVersion = extensionVersion;
    let all: Record<string, unknown>;
    try {
      all = await this.readAll();
    } catch {
      // Started empty; the first write that can read storage deals with what is there (leftovers.ts).
      this.unread = true;
      return new Map();
    }
    const metas = new Map<number, unknown>();
    // Keys in our form with a number spelled otherwise: removed at once, whatever their tab's state.
    const strays: string[] = [];
    const chunks = new Map<number, [string, unknown, number][]>();
    for (const [key, value] of Object.entries(all)) {
      const parsed = parseKey(key);
      if (!parsed) {
        if (LOOKS_OURS.test(key)) strays.push(key);
        continue;
      }
      this.sizes.set(key, storedBytes(key, value));
      const { tab, chunk } = parsed;
      if (chunk === undefined) metas.set(tab, value);
      else (chunks.get(tab) ?? chunks.set(tab, []).get(tab))?.push([key, value, chunk]);
    }
    const tabs = new Map<number, TabRecording>();
    // Tabs whose meta is unreadable: how many connections their chunks held, and those chunks' numbers.
    const lost: [number, number, number[]][] = [];
    const junk: string[] = [];
    for (const tab of new Set([...metas.keys(), ...chunks.keys()])) {
      const seqs: [string, number][] = [];
      const connections: Connection[] = [];
      const rewrite: number[] = [];
      let refused = 0;
      for (const [key, ch, chunkNo] of chunks.get(tab) ?? []) {
        const read = storedChunk(ch);
        if (!read.chunk) junk.push(key);
        if (read.refused > 0) rewrite.push(chunkNo);
        refused += read.refused;
        for (const [c, n] of read.seqs) {
          connections.push(c);
          seqs.push([c.id, n]);
        }
      }
      connections.sort(byCreation);
      const stored = storedTab(metas.get(tab), connections);
      if (!stored) {
        lost.push([tab, connections.length + refused, (chunks.get(tab) ?? []).map(([, , n]) => n)]);
        continue;
      }
      const restored = TabRecording.restore(tab, extensionVersion, stored.recording, stored.docs, seqs);
      if (refused > 0) restored.lostInStorage(refused, rewrite);
      tabs.set(tab, restored);
    }
    for (const [tab, count, chunkNos] of lost) {
      if (count === 0) {
        await this.removeTab(tab).catch(() => undefined);
        continue;
      }
      // Its metadata is gone with its start time and marks; what can still be said is how many
      // connections it held. Its old chunks are emptied by the write that stores this.
      const fresh = new TabRecording(tab, extensionVersion, now);
      fresh.lostInStorage(count, chunkNos);
      tabs.set(tab, fresh);
    }
    // A value that is no chunk would be read (and sized) again at every start.
    const left = [...strays, ...junk.filter((k) => !lost.some(([tab]) => k.startsWith(`t${tab}:`)))];
    if (left.length) {
      for (const k of left) this.sizes.delete(k);
      await this.storage.remove(left).catch(() => undefined);
    }
    return tabs;
  }

  /** Every stored key, read again after a short wait when a read fails, at most as often as readRetryMs says. */
  private async readAll(): Promise<Record<string, unknown>> {
    for (let i = 0; ; i++) {
      try {
        return await this.storage.get(null);
      } catch (e) {
        const wait = this.readRetryMs[i];
        if (wait === undefined) throw e;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /**
   * After a start that could not read storage: the keys this worker neither loaded nor wrote are an earlier
   * worker's. Their connections are counted as lost in their tab (started here when this worker has none
   * for it, so the count is seen), and their chunks are emptied with the tab's next write; the keys of a tab
   * that held no connections are removed. Until storage can be read, nothing is done.
   */
  private async takeLeftovers(tabs: Map<number, TabRecording>): Promise<TabRecording[]> {
    let all: Record<string, unknown>;
    try {
      all = await this.storage.get(null);
    } catch {
      return [];
    }
    this.unread = false;
    const staged: TabRecording[] = [];
    const gone: string[] = [];
    for (const [id, left] of leftoversOf(all, parseKey, (k) => this.sizes.has(k))) {
      let tab = tabs.get(id);
      if (!tab && left.connections === 0) {
        gone.push(...left.keys);
        continue;
      }
      if (!tab) tabs.set(id, (tab = new TabRecording(id, this.extensionVersion, this.now())));
      for (const k of left.keys) this.sizes.set(k, storedBytes(k, all[k]));
      tab.lostInStorage(left.connections, left.chunks);
      staged.push(tab);
    }
    if (gone.length) await this.storage.remove(gone).catch(() => undefined);
    return staged;
  }

  totalBytes(): number {
    let n = 0;
    for (const v of this.sizes.values()) n += v;
    return n;
  }

  /** Bytes stored for one tab. */
  tabBytes(tab: number): number {
    let n = 0;
    for (const [k, v] of this.sizes) if (k.startsWith(`t${tab}:`)) n += v;
    return n;
  }

  /**
   * Writes what changed. Over budget, the largest recording (connections and
   * metadata) gives up its oldest connections, or its older marks when it has no
   * connections (counted in its dropped counts), until it fits. After a start that could not read
   * storage, it may add a tab to `tabs`: one an earlier worker stored, to count what it held as lost.
   */
  write(tabs: Map<number, TabRecording>, logs: Map<number, ChangeLog>): Promise<void> {
    const run = this.chain.then(() => this.doWrite(tabs, logs));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * After a rejected write (quota: the size estimate is only an estimate, and other
   * keys share the area), evicts a tenth of the largest recording so the retry fits.
   */
  relieve(tabs: Map<number, TabRecording>): void {
    const largest = this.largestTab(tabs, new Map());
    largest?.shed(Math.max(1, Math.ceil(largest.recording.connections.length / 10)));
  }

  /** Removes every key of a tab (tab closed). */
  removeTab(tab: number): Promise<void> {
    const run = this.chain.then(async () => {
      const keys = [...this.sizes.keys()].filter((k) => k.startsWith(`t${tab}:`));
      for (const k of keys) this.sizes.delete(k);
      if (keys.length) await this.storage.remove(keys);
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async doWrite(tabs: Map<number, TabRecording>, logs: Map<number, ChangeLog>): Promise<void> {
    const left = this.unread ? await this.takeLeftovers(tabs) : undefined;
    const items: Record<string, unknown> = {};
    const removed = new Set<string>();
    const newSizes = new Map<string, number>();
    const stage = (tab: TabRecording, log: ChangeLog) => {
      // The meta goes as the tab is now, with each document's last batch number: so must every chunk
      // changed since the last write, drained or not. A batch applied while an earlier write was in
      // flight is in no drained log yet; stored as seen without its chunk, a worker stopped before the
      // next write dropped it as a re-send, and a closure the panel had shown was lost.
      const pending = tab.peek().chunks;
      for (const n of pending.size ? new Set([...log.chunks, ...pending]) : log.chunks) {
        const key = chunkKey(tab.tabId, n);
        const conns = tab.connectionsInChunk(n);
        if (conns.length === 0) {
          // Emptied in the same set() as the meta, then deleted: storage has no atomic
          // set-and-remove, and a reader (or a worker stopped between two calls) must never
          // see the new meta beside connections that were reset or evicted.
          removed.add(key);
          items[key] = EMPTY_CHUNK;
          newSizes.set(key, 0);
          continue;
        }
        removed.delete(key);
        const value: StoredChunk = { n: conns.map((c) => tab.seqNumber(c.id)), c: conns };
        items[key] = value;
        newSizes.set(key, storedBytes(key, value));
      }
      const { connections: _c, ...rest } = tab.recording;
      const meta: StoredMeta = { recording: rest, docs: tab.docs };
      items[metaKey(tab.tabId)] = meta;
      newSizes.set(metaKey(tab.tabId), storedBytes(metaKey(tab.tabId), meta));
    };
    for (const [tabId, log] of logs) {
      const tab = tabs.get(tabId);
      if (tab) stage(tab, log);
    }
    for (const tab of left ?? []) if (!logs.has(tab.tabId)) stage(tab, tab.peek());
    // Fit the budget: evict from the largest recording, re-stage, repeat.
    for (let guard = 0; guard < 50; guard++) {
      const total = this.projected(newSizes);
      if (total <= this.budget) break;
      const largest = this.largestTab(tabs, newSizes);
      if (!largest) break;
      const bytes = this.projectedTab(largest.tabId, newSizes);
      const perConn = bytes / Math.max(1, largest.recording.connections.length);
      const count = Math.max(
        1,
        Math.ceil((total - this.budget) / Math.max(1, perConn)) + Math.ceil(largest.recording.connections.length / 50),
      );
      if (largest.shed(count) === 0) break;
      stage(largest, largest.peek());
    }
    if (Object.keys(items).length) {
      await this.storage.set(items);
      this.stats.writes++;
      for (const key of Object.keys(items)) this.stats.bytesWritten += newSizes.get(key) ?? 0;
    }
    if (removed.size) await this.storage.remove([...removed]);
    for (const [k, v] of newSizes) {
      if (v === 0) this.sizes.delete(k);
      else this.sizes.set(k, v);
    }
  }

  private projected(newSizes: Map<string, number>): number {
    let n = 0;
    for (const [k, v] of this.sizes) if (!newSizes.has(k)) n += v;
    for (const v of newSizes.values()) n += v;
    return n;
  }

  private projectedTab(tab: number, newSizes: Map<string, number>): number {
    const prefix = `t${tab}:`;
    let n = 0;
    for (const [k, v] of this.sizes) if (k.startsWith(prefix) && !newSizes.has(k)) n += v;
    for (const [k, v] of newSizes) if (k.startsWith(prefix)) n += v;
    return n;
  }

  private largestTab(tabs: Map<number, TabRecording>, newSizes: Map<string, number>): TabRecording | undefined {
    let best: TabRecording | undefined;
    let bestBytes = -1;
    for (const tab of tabs.values()) {
      // Metadata counts too: a tab with no connections but large marks is evicted from like any other.
      if (tab.recording.connections.length === 0 && tab.recording.marks.length === 0) continue;
      const b = this.projectedTab(tab.tabId, newSizes);
      if (b > bestBytes) {
        best = tab;
        bestBytes = b;
      }
    }
    return best;
  }
}
