/** Test doubles for the background: an in-memory storage.session with a byte quota. */
import type { StorageLike } from './persist';
import { utf8Bytes } from './stored';

export class MemoryStorage implements StorageLike {
  data = new Map<string, string>();
  writes = 0;
  constructor(private readonly quota = Infinity) {}
  /** Counted as Chromium counts storage.session's quota: UTF-8 bytes of each key and its JSON. */
  private bytes(next: Map<string, string>): number {
    let n = 0;
    for (const [k, v] of next) n += k.length + utf8Bytes(v);
    return n;
  }
  async get(keys: null | string[]): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.data) if (keys === null || keys.includes(k)) out[k] = JSON.parse(v);
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) next.set(k, JSON.stringify(v));
    // Like storage.session: a write over quota is rejected whole.
    if (this.bytes(next) > this.quota) throw new Error('Session storage quota bytes exceeded');
    this.data = next;
    this.writes++;
  }
  async remove(keys: string[]): Promise<void> {
    for (const k of keys) this.data.delete(k);
  }
  totalBytes(): number {
    return this.bytes(this.data);
  }
}
