/**
 * Write-through of recordings to storage.session, which survives the service
 * worker being stopped (not the browser closing). One global byte budget across
 * tabs; per-tab chunked keys so a write touches only what changed; writes
 * serialised (concurrent set() calls race and lose data).
 */
import { byCreation, type Connection, type Recording } from '../protocol/recording';
import { TabRecording, type ChangeLog, type DocInfo } from './tab-recording';

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
const KEY = /^t(\d+):(meta|c(\d+))$/;

export class Persist {
  /** Approximate stored size of each key (JSON length). */
  private readonly sizes = new Map<string, number>();
  private chain: Promise<void> = Promise.resolve();
  /** What writes cost: the benchmark checks that a closure costs O(1) bytes, not O(recording). */
  readonly stats = { writes: 0, bytesWritten: 0 };

  constructor(
    private readonly storage: StorageLike,
    private readonly budget = GLOBAL_BUDGET_BYTES,
  ) {}

  /** Reads every stored tab back (on service-worker start). */
  async load(extensionVersion: string): Promise<Map<number, TabRecording>> {
    const all = await this.storage.get(null);
    const metas = new Map<number, StoredMeta>();
    const chunks = new Map<number, StoredChunk[]>();
    for (const [key, value] of Object.entries(all)) {
      const m = KEY.exec(key);
      if (!m) continue;
      this.sizes.set(key, JSON.stringify(value).length + key.length);
      const tab = Number(m[1]);
      if (m[2] === 'meta') metas.set(tab, value as StoredMeta);
      else (chunks.get(tab) ?? chunks.set(tab, []).get(tab))?.push(value as StoredChunk);
    }
    const tabs = new Map<number, TabRecording>();
    for (const [tab, meta] of metas) {
      const seqs: [string, number][] = [];
      const connections: Connection[] = [];
      for (const ch of chunks.get(tab) ?? []) {
        ch.c.forEach((c, i) => {
          connections.push(c);
          seqs.push([c.id, ch.n[i] ?? 0]);
        });
      }
      connections.sort(byCreation);
      tabs.set(tab, TabRecording.restore(tab, extensionVersion, { ...meta.recording, connections }, meta.docs, seqs));
    }
    return tabs;
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
   * connections (counted in its dropped counts), until it fits.
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
    const items: Record<string, unknown> = {};
    const removed = new Set<string>();
    const newSizes = new Map<string, number>();
    const stage = (tab: TabRecording, log: ChangeLog) => {
      for (const n of log.chunks) {
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
        newSizes.set(key, JSON.stringify(value).length + key.length);
      }
      const { connections: _c, ...rest } = tab.recording;
      const meta: StoredMeta = { recording: rest, docs: tab.docs };
      items[metaKey(tab.tabId)] = meta;
      newSizes.set(metaKey(tab.tabId), JSON.stringify(meta).length + 12);
    };
    for (const [tabId, log] of logs) {
      const tab = tabs.get(tabId);
      if (tab) stage(tab, log);
    }
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
