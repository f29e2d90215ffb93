/**
 * The background's state: every tab's recording, the documents that feed it,
 * and who is watching. Two clocks run after a change:
 * - at most PUSH_MS later the change logs are drained and pushed to open views,
 *   so a closure shows while the developer is still looking at the page;
 * - at most TICK_MS later everything drained since the last write is written
 *   through to storage, and only then are the relays' batches acknowledged.
 * Showing before storing loses nothing: a relay keeps every batch until it is
 * acknowledged and re-sends it to a restarted worker, which applies it again
 * (batches are de-duplicated by sequence number) and pushes it to the views
 * that re-subscribe.
 */
import { captureContentFor, contentSiteOf, siteOf } from '../protocol/capture-policy';
import { ClosedTabs } from './closed-tabs';
import type { BackgroundPush, RelayBatch, RelayHello, Settings } from '../protocol/messages';
import { emptyRecording } from '../protocol/recording';
import { clampUrl } from '../protocol/clamp';
import type { Persist } from './persist';
import { mergeChangeLog, type ChangeLog } from './change-log';
import { TabRecording } from './tab-recording';

export const TICK_MS = 150;
/** Views get changes this soon; one timer coalesces a burst of batches into one delta. */
export const PUSH_MS = 8;

export interface RelaySender {
  tabId: number;
  frameId: number;
  documentId?: string;
  url?: string;
  /** The document's origin as the browser tells it (`MessageSender.origin`; not every browser does). */
  origin?: string;
}

export interface ViewSink {
  tabId: number;
  post(msg: BackgroundPush): void;
}

export interface HubDeps {
  persist: Persist;
  extensionVersion: string;
  now(): number;
  setTimer(fn: () => void, ms: number): void;
  settings(): Settings;
  /** Called after each tick with the tabs that changed (badge updates). */
  onTabsChanged?(tabs: TabRecording[]): void;
}

/** How long before its hello a document may say it started: a worker's start takes a moment, not minutes. */
export const HELLO_START_WINDOW_MS = 30_000;

/**
 * When a new document's navigation happened: its relay's start, which the hello reports, as the worker
 * hears of it a round trip (or a worker start) later, after the page's first sockets; never later than
 * the hello, nor earlier than the window before it. A document back from the back/forward cache is its
 * frame's again when it says so.
 */
function startOf(hello: RelayHello, now: number): number {
  const s = hello.startedAt;
  if (hello.restored || s === undefined) return now;
  return Math.min(now, Math.max(s, now - HELLO_START_WINDOW_MS));
}

interface PendingAck {
  seq: number;
  send(seq: number): void;
}

export class Hub {
  readonly tabs = new Map<number, TabRecording>();
  /** Closed tabs: a relay's late word from one records nothing. */
  private readonly closed = new ClosedTabs();
  /** The tabs whose recordings this worker read back at its start. */
  private loaded: number[] = [];
  private readonly views = new Set<ViewSink>();
  private acks: PendingAck[] = [];
  /** Drained (and pushed to views) but not yet written, per tab, oldest change first. */
  private unstored = new Map<number, ChangeLog>();
  private scheduled = false;
  private pushScheduled = false;

  constructor(private readonly deps: HubDeps) {}

  async load(): Promise<void> {
    for (const [id, tab] of await this.deps.persist.load(this.deps.extensionVersion, this.deps.now())) {
      this.tabs.set(id, tab);
      this.loaded.push(id);
      // Something stored could not be read back: its count (and the chunks rewritten without it) are
      // stored at once, not only when the tab records something new.
      if (tab.hasChanges()) this.schedule();
    }
  }

  private tab(tabId: number): TabRecording {
    let t = this.tabs.get(tabId);
    if (!t) this.tabs.set(tabId, (t = new TabRecording(tabId, this.deps.extensionVersion, this.deps.now())));
    return t;
  }

  private docIdOf(sender: RelaySender, nonce: string): string {
    return sender.documentId ?? nonce;
  }

  /**
   * A relay (re)connected. A document seen for the first time ends the older documents of its frame, and so
   * does one back from the back/forward cache (gone since its pagehide): it is its frame's current document
   * again, and its batches keep their numbering. A gone document's hello that does not say so is a late
   * re-send to a restarted worker: it never ends the documents that replaced it.
   */
  hello(sender: RelaySender, hello: RelayHello): string {
    const docId = this.docIdOf(sender, hello.docNonce);
    if (this.closed.has(sender.tabId)) return docId;
    const tab = this.tab(sender.tabId);
    const known = tab.docs[docId];
    if (!known || (known.gone && hello.restored)) {
      const now = startOf(hello, this.deps.now());
      const isTop = sender.frameId === 0;
      for (const [id, d] of Object.entries(tab.docs)) {
        if (!d.gone && (isTop || d.frameId === sender.frameId)) tab.endDocument(id, now, 'new-document');
      }
      const url = clampUrl(sender.url ?? hello.url);
      if (
        isTop &&
        !this.deps.settings().preserveLog &&
        tab.recording.connections.length + tab.recording.marks.length > 0
      )
        tab.reset(now);
      const site = contentSiteOf(url, sender.origin ?? hello.origin);
      tab.addDoc(docId, {
        frameId: sender.frameId,
        url,
        ...(site !== siteOf(url) && { site }),
        isTop,
        lastSeq: known?.lastSeq ?? 0,
        gone: false,
      });
      if (isTop) tab.addMark({ type: 'navigation', at: now, frameId: 0, documentId: docId, url });
      this.schedule();
    }
    return docId;
  }

  /**
   * A document's relay port closed: the document went away. Its sockets still open end with it, unless its
   * pagehide or a newer document of its frame already ended them.
   */
  documentGone(tabId: number, docId: string): void {
    const tab = this.tabs.get(tabId);
    const doc = tab?.docs[docId];
    if (!tab || !doc || doc.gone) return;
    tab.endDocument(docId, this.deps.now(), 'disconnect');
    this.schedule();
  }

  /** A batch from a relay. Re-sent batches (after a worker restart) are recognised by seq and not applied twice. */
  batch(tabId: number, docId: string, batch: RelayBatch, ack: (seq: number) => void): void {
    if (this.closed.has(tabId)) return ack(batch.seq); // nothing to keep it for: the relay need not send it again
    const tab = this.tab(tabId);
    const doc = tab.docs[docId];
    if (!doc) return; // no hello: the relay always sends one first, so this is not a relay
    if (batch.seq > doc.lastSeq) {
      doc.lastSeq = batch.seq;
      if (!this.isPaused(tab)) {
        // The relay only asks for content where capture is on; a document whose site is off
        // (or was turned off since) never gets content stored.
        const capture = captureContentFor(doc.site ?? siteOf(doc.url), this.deps.settings());
        for (const ev of batch.events)
          tab.apply(docId, doc, !capture && ev.t === 'close' && ev.last ? { ...ev, last: undefined } : ev);
        tab.endFailedSockets();
        tab.addDropped(batch.dropped);
      }
    }
    this.acks.push({ seq: batch.seq, send: ack });
    this.schedule();
  }

  /** Whether the tab's top page is on a site the user paused: its events are acknowledged, not recorded. */
  isPausedTab(tabId: number): boolean {
    const tab = this.tabs.get(tabId);
    return tab !== undefined && this.isPaused(tab);
  }

  private isPaused(tab: TabRecording): boolean {
    const paused = this.deps.settings().pausedSites;
    if (paused.length === 0) return false;
    for (const d of Object.values(tab.docs)) {
      if (d.isTop && !d.gone) {
        try {
          return paused.includes(new URL(d.url).hostname);
        } catch {
          return false;
        }
      }
    }
    return false;
  }

  /**
   * The user cleared the tab's recording. It goes on on the page the tab shows, and says so as a new
   * document's recording does: by that page's navigation mark, which names the site (the popup's pause and
   * capture switches are per site; without it, a paused site could not be resumed until a reload).
   */
  clear(tabId: number): void {
    if (this.closed.has(tabId)) return;
    const tab = this.tab(tabId);
    const now = this.deps.now();
    tab.reset(now);
    for (const [documentId, d] of Object.entries(tab.docs)) {
      if (d.isTop && !d.gone) tab.addMark({ type: 'navigation', at: now, frameId: 0, documentId, url: d.url });
    }
    this.schedule();
  }

  /** The tab closed: its open sockets end with it and its recording is deleted. */
  async removeTab(tabId: number): Promise<void> {
    this.closed.add(tabId);
    this.tabs.delete(tabId);
    await this.deps.persist.removeTab(tabId);
  }

  /**
   * Deletes the recordings read back at this worker's start whose tabs are no longer open: a tab closed
   * while its removal could not be stored (the worker stopped first) left one that nothing would show or
   * remove. Only those: a tab that said hello since is open, or its removal comes as an event.
   */
  async removeClosedSinceStored(open: ReadonlySet<number>): Promise<void> {
    const gone = this.loaded.filter((id) => !open.has(id));
    this.loaded = [];
    for (const id of gone) await this.removeTab(id);
  }

  /**
   * The browser replaced a tab with another (Chromium gives a discarded tab a new id, and never removes the
   * old one): its recording goes on under the new id, and nothing is left stored under the old one. A tab
   * that already records something keeps its own recording. The old tab's documents are gone with it; their
   * relays' ports may close only after this, when nothing is recorded under the old id any more.
   */
  async replaceTab(removedId: number, addedId: number): Promise<void> {
    const old = this.tabs.get(removedId);
    if (old && !this.tabs.has(addedId)) {
      const now = this.deps.now();
      for (const [id, d] of Object.entries(old.docs)) if (!d.gone) old.endDocument(id, now, 'disconnect');
      this.tabs.set(addedId, old.movedTo(addedId));
      this.schedule();
    }
    await this.removeTab(removedId);
  }

  recordingOf(tabId: number) {
    return this.tabs.get(tabId)?.recording ?? emptyRecording(tabId, this.deps.extensionVersion, this.deps.now());
  }

  addView(view: ViewSink): () => void {
    this.views.add(view);
    view.post({ type: 'snapshot', recording: this.recordingOf(view.tabId) });
    return () => this.views.delete(view);
  }

  schedule(): void {
    if (!this.pushScheduled) {
      this.pushScheduled = true;
      this.deps.setTimer(() => this.pushNow(), PUSH_MS);
    }
    if (this.scheduled) return;
    this.scheduled = true;
    this.deps.setTimer(() => void this.tick(), TICK_MS);
  }

  /** Drains every tab's change log, pushes it to open views, and keeps it for the next write. */
  pushNow(): void {
    this.pushScheduled = false;
    const logs = new Map<number, ChangeLog>();
    for (const [id, tab] of this.tabs) {
      if (!tab.hasChanges()) continue;
      const log = tab.drain();
      logs.set(id, log);
      this.keepUnstored(id, log);
    }
    if (logs.size) this.push(logs);
  }

  private keepUnstored(tabId: number, log: ChangeLog): void {
    const earlier = this.unstored.get(tabId);
    this.unstored.set(tabId, earlier ? mergeChangeLog(earlier, log) : log);
  }

  /** Store everything drained so far, then acknowledge. Exposed for tests. */
  async tick(): Promise<void> {
    this.scheduled = false;
    this.pushNow();
    const logs = this.unstored;
    this.unstored = new Map();
    const acks = this.acks;
    this.acks = [];
    try {
      await this.deps.persist.write(this.tabs, logs);
    } catch {
      // Not stored: keep the acks (the relays keep their batches), make room, and retry soon.
      this.acks = acks.concat(this.acks);
      for (const [id, log] of logs) {
        const later = this.unstored.get(id);
        this.unstored.set(id, later ? mergeChangeLog(log, later) : log);
      }
      this.deps.persist.relieve(this.tabs);
      this.schedule();
      return;
    }
    // A write over the budget evicted connections (or marks) as it went: its own change log, left on the
    // tab, tells the views. Nothing else may come to push it, and a panel kept showing connections the
    // worker had dropped (and the badge no longer counted) until the next event, or for good.
    for (const tab of this.tabs.values()) {
      if (tab.hasChanges()) {
        this.schedule();
        break;
      }
    }
    for (const a of acks) {
      try {
        a.send(a.seq);
      } catch {
        // relay gone; it re-sends to the next worker if it still cares
      }
    }
    const changed = [...logs.keys()].map((id) => this.tabs.get(id)).filter((t): t is TabRecording => t !== undefined);
    if (changed.length) this.deps.onTabsChanged?.(changed);
  }

  private push(logs: Map<number, ChangeLog>): void {
    for (const view of this.views) {
      const log = logs.get(view.tabId);
      const tab = this.tabs.get(view.tabId);
      if (!log || !tab) continue;
      try {
        if (log.reset) view.post({ type: 'snapshot', recording: tab.recording });
        else {
          const connections = [...log.connections].map((id) => tab.get(id)).filter((c) => c !== undefined);
          view.post({
            type: 'delta',
            tabId: view.tabId,
            delta: { connections, evicted: log.evicted, marks: log.marks, dropped: tab.recording.dropped },
          });
        }
      } catch {
        this.views.delete(view);
      }
    }
  }
}
