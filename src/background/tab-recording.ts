/**
 * One tab's recording in the background, with the indices needed to apply
 * relay events quickly. Pure: no browser APIs, so it is unit-tested directly.
 * Persistence (persist.ts) and pushing to views (views.ts) read its change log.
 */
import type { RelayEvent } from '../protocol/messages';
import { applyToConnection, connectionFrom, endFailed, heldTime } from './apply-event';
import { emptyLog, type ChangeLog } from './change-log';
import {
  endOf,
  emptyRecording,
  type Connection,
  type DroppedCounts,
  type EndedWithDocumentEvent,
  type LifecycleMark,
  type Mark,
  type Recording,
} from '../protocol/recording';

export const TAB_LIMITS = {
  connections: 10_000,
  marks: 2_000,
  /** Documents remembered per tab (for batch de-duplication); gone ones are forgotten first. */
  docs: 200,
  /**
   * Connections per storage chunk. Each write stores every chunk that changed whole, and storage.set
   * serialises it on the worker's thread, which meanwhile pushes nothing to open views: with 100 a
   * closure cost a rewrite of 100 connections, and those writes were most of the worker's time and
   * the tail of close → view latency. Small chunks keep a write near what changed; 10,000
   * connections make 2,000 keys. storage.session is emptied when the extension is updated or
   * reloaded, so stored chunks never mix sizes.
   */
  chunk: 5,
};

export interface DocInfo {
  frameId: number;
  url: string;
  /** The site of a document whose URL names none (about:blank, srcdoc, blob:): its origin's, for content choices. */
  site?: string;
  isTop: boolean;
  /** Highest batch seq stored for this document (acks and de-duplication of re-sent batches). */
  lastSeq: number;
  /** The document went away: its open sockets were closed out. */
  gone: boolean;
}

export class TabRecording {
  recording: Recording;
  docs: Record<string, DocInfo> = {};
  /** Insertion number of each connection: its storage chunk is floor(n / chunk). */
  private readonly seqOf = new Map<string, number>();
  /** Connection ids per storage chunk, in insertion order. */
  private readonly chunks = new Map<number, string[]>();
  private readonly byId = new Map<string, Connection>();
  private nextSeq = 0;
  private log: ChangeLog = emptyLog();
  /** Sockets that had an error event in the batch being applied. */
  private readonly failed = new Set<string>();

  constructor(
    readonly tabId: number,
    private readonly extensionVersion: string,
    now: number,
  ) {
    this.recording = emptyRecording(tabId, extensionVersion, now);
  }

  static restore(
    tabId: number,
    extensionVersion: string,
    recording: Recording,
    docs: Record<string, DocInfo>,
    seqs: [string, number][],
  ): TabRecording {
    const t = new TabRecording(tabId, extensionVersion, recording.startedAt);
    t.recording = recording;
    t.docs = docs;
    const seqMap = new Map(seqs);
    for (const c of recording.connections) {
      t.byId.set(c.id, c);
      const n = seqMap.get(c.id) ?? t.nextSeq;
      t.seqOf.set(c.id, n);
      t.nextSeq = Math.max(t.nextSeq, n + 1);
      t.chunkIds(Math.floor(n / TAB_LIMITS.chunk)).push(c.id);
    }
    return t;
  }

  /**
   * The same recording under another tab id (the browser replaced the tab: a discarded tab keeps its place
   * under a new id), with every stored chunk and its metadata to be written under that id. Its connections
   * keep their ids: an id names a connection, not where it is stored.
   */
  movedTo(tabId: number): TabRecording {
    const seqs: [string, number][] = this.recording.connections.map((c) => [c.id, this.seqNumber(c.id)]);
    const moved = TabRecording.restore(tabId, this.extensionVersion, { ...this.recording, tabId }, this.docs, seqs);
    moved.log.reset = true;
    moved.log.meta = true;
    for (const n of moved.chunks.keys()) moved.log.chunks.add(n);
    return moved;
  }

  private chunkIds(chunk: number): string[] {
    let ids = this.chunks.get(chunk);
    if (!ids) this.chunks.set(chunk, (ids = []));
    return ids;
  }

  private touch(id: string): void {
    this.log.connections.add(id);
    const n = this.seqOf.get(id);
    if (n !== undefined) this.log.chunks.add(Math.floor(n / TAB_LIMITS.chunk));
  }

  seqNumber(id: string): number {
    return this.seqOf.get(id) ?? -1;
  }

  /** The connections stored in one chunk (empty once all were evicted). */
  connectionsInChunk(chunk: number): Connection[] {
    const out: Connection[] = [];
    for (const id of this.chunks.get(chunk) ?? []) {
      const c = this.byId.get(id);
      if (c) out.push(c);
    }
    return out;
  }

  chunkNumbers(): number[] {
    return [...this.chunks.keys()];
  }

  get(id: string): Connection | undefined {
    return this.byId.get(id);
  }

  drain(): ChangeLog {
    const l = this.log;
    this.log = emptyLog();
    return l;
  }

  /** The pending change log, left in place (the next drain still reports it to views). */
  peek(): ChangeLog {
    return this.log;
  }

  hasChanges(): boolean {
    return (
      this.log.reset ||
      this.log.meta ||
      this.log.connections.size > 0 ||
      this.log.evicted.length > 0 ||
      this.log.marks.length > 0
    );
  }

  reset(now: number): void {
    this.recording = emptyRecording(this.tabId, this.extensionVersion, now);
    // The chunks stored now, and those a pending change was still to write (a chunk emptied by an
    // eviction, or the old chunks of a tab whose unreadable meta started it again): left unwritten,
    // they would bring their connections back beside the new meta at the next start.
    const oldChunks = [...this.chunks.keys(), ...this.log.chunks];
    this.byId.clear();
    this.seqOf.clear();
    this.chunks.clear();
    this.nextSeq = 0;
    // Documents stay known: their batch numbers still de-duplicate re-sent batches.
    this.log = emptyLog();
    this.log.reset = true;
    for (const n of oldChunks) this.log.chunks.add(n);
  }

  addDropped(delta: Partial<DroppedCounts>): void {
    let any = false;
    for (const [key, n] of Object.entries(delta) as [keyof DroppedCounts, unknown][]) {
      if (key in this.recording.dropped && typeof n === 'number' && Number.isSafeInteger(n) && n > 0) {
        this.recording.dropped[key] += n;
        any = true;
      }
    }
    if (any) this.log.meta = true;
  }

  /**
   * `count` stored connections could not be read back: counted, and the stored `chunks` they were in
   * are written again from what was read, so a later start does not find (and count) them again.
   */
  lostInStorage(count: number, chunks: readonly number[]): void {
    this.addDropped({ connectionsUnreadable: count });
    for (const n of chunks) if (Number.isSafeInteger(n) && n >= 0) this.log.chunks.add(n);
  }

  addMark(mark: Mark): void {
    const marks = this.recording.marks;
    marks.push(mark);
    // Marks arrive nearly in order; keep them sorted by time for the analysis.
    for (let i = marks.length - 1; i > 0 && (marks[i - 1] as Mark).at > mark.at; i--) {
      marks[i] = marks[i - 1] as Mark;
      marks[i - 1] = mark;
    }
    if (marks.length > TAB_LIMITS.marks) {
      marks.splice(0, marks.length - TAB_LIMITS.marks);
      this.recording.dropped.marksEvicted++;
      this.log.reset = true; // removal from the front: views resync
    }
    this.log.marks.push(mark);
    this.log.meta = true;
  }

  /** Applies one relay event from document `documentId`. */
  apply(documentId: string, doc: DocInfo, ev: RelayEvent): void {
    if (ev.t === 'life') {
      const mark: LifecycleMark = { type: 'lifecycle', at: ev.at, frameId: doc.frameId, documentId, state: ev.state };
      this.addMark(ev.persisted === undefined ? mark : { ...mark, persisted: ev.persisted });
      if (ev.state === 'pagehide') this.endDocument(documentId, ev.at, 'pagehide');
      return;
    }
    const id = `${this.tabId}:${doc.frameId}:${documentId}:${ev.k}`;
    if (ev.t === 'socket') {
      if (!this.byId.has(id)) this.insert(connectionFrom(id, documentId, doc, ev));
      return;
    }
    const c = this.byId.get(id);
    if (!c) return; // evicted, or its creation was dropped and counted
    applyToConnection(c, ev);
    if (ev.t === 'error' && !ev.sim) this.failed.add(id);
    this.touch(id);
  }

  /** After a batch: its sockets that failed with an error and no close event end at that error (endFailed). */
  endFailedSockets(): void {
    for (const id of this.failed) {
      const c = this.byId.get(id);
      if (c && endFailed(c)) this.touch(id);
    }
    this.failed.clear();
  }

  /** Closes out the still-open sockets of a document that went away. */
  endDocument(documentId: string, at: number, cause: EndedWithDocumentEvent['cause']): void {
    const doc = this.docs[documentId];
    if (doc) {
      doc.gone = true;
      this.log.meta = true;
    }
    for (const c of this.recording.connections) {
      if (c.documentId !== documentId) continue;
      if (endOf(c)) continue;
      // A socket that failed before its document went (an error and no close event) did not end with it.
      if (endFailed(c)) {
        this.touch(c.id);
        continue;
      }
      c.events.push({ type: 'ended-with-document', at: heldTime(c, at), cause });
      this.touch(c.id);
    }
  }

  /** Adds a document, forgetting the oldest gone ones (then the oldest) past the bound. */
  addDoc(id: string, doc: DocInfo): void {
    this.docs[id] = doc;
    this.log.meta = true;
    const ids = Object.keys(this.docs);
    let excess = ids.length - TAB_LIMITS.docs;
    for (const old of ids) {
      if (excess <= 0) return;
      if ((this.docs[old] as DocInfo).gone && old !== id) {
        delete this.docs[old];
        excess--;
      }
    }
    for (const old of ids) {
      if (excess <= 0) return;
      if (old !== id) {
        delete this.docs[old];
        excess--;
      }
    }
  }

  /**
   * Frees storage when this tab is the largest: its oldest connections first, and when it has
   * none left, the older half of its marks (a tab that only navigates still grows). Returns how
   * many items went.
   */
  shed(connections: number): number {
    if (this.recording.connections.length > 0) return this.evictOldest(connections);
    const marks = this.recording.marks;
    if (marks.length === 0) return 0;
    const n = Math.ceil(marks.length / 2);
    marks.splice(0, n);
    this.recording.dropped.marksEvicted += n;
    for (const [id, d] of Object.entries(this.docs)) if (d.gone) delete this.docs[id];
    this.log.reset = true; // removal from the front: views resync
    this.log.meta = true;
    return n;
  }

  /** Evicts the oldest connections (closed ones first); returns how many went. */
  evictOldest(count: number): number {
    const conns = this.recording.connections;
    const victims = new Set<string>();
    for (const c of conns) {
      if (victims.size >= count) break;
      if (endOf(c)) victims.add(c.id);
    }
    for (const c of conns) {
      if (victims.size >= count) break;
      victims.add(c.id);
    }
    if (victims.size === 0) return 0;
    this.recording.connections = conns.filter((c) => !victims.has(c.id));
    for (const id of victims) {
      const n = this.seqOf.get(id);
      if (n !== undefined) {
        const chunk = Math.floor(n / TAB_LIMITS.chunk);
        this.log.chunks.add(chunk);
        const ids = (this.chunks.get(chunk) ?? []).filter((x) => x !== id);
        if (ids.length) this.chunks.set(chunk, ids);
        else this.chunks.delete(chunk);
      }
      this.byId.delete(id);
      this.seqOf.delete(id);
      this.log.evicted.push(id);
      this.log.connections.delete(id);
    }
    this.recording.dropped.connectionsEvicted += victims.size;
    this.log.meta = true;
    return victims.size;
  }

  private insert(c: Connection): void {
    const conns = this.recording.connections;
    conns.push(c);
    for (let i = conns.length - 1; i > 0 && (conns[i - 1] as Connection).createdAt > c.createdAt; i--) {
      conns[i] = conns[i - 1] as Connection;
      conns[i - 1] = c;
    }
    this.byId.set(c.id, c);
    const n = this.nextSeq++;
    this.seqOf.set(c.id, n);
    this.chunkIds(Math.floor(n / TAB_LIMITS.chunk)).push(c.id);
    this.touch(c.id);
    // Evict in blocks of 5 %: one filter pass per block, not one per insert at the cap.
    if (conns.length > TAB_LIMITS.connections)
      this.evictOldest(Math.max(conns.length - TAB_LIMITS.connections, Math.ceil(TAB_LIMITS.connections / 20)));
  }
}
