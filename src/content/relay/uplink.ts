/**
 * The relay's link to the background: batches events, numbers batches, keeps
 * every batch until the background acknowledges that it is stored, and re-sends
 * them, in order, on every new port (a restarted service worker, a page back
 * from the back/forward cache), so a worker killed between batches loses
 * nothing. The unacknowledged buffer is bounded; what overflows is counted, and
 * only once it is known to be lost.
 */
import type { Runtime } from 'webextension-polyfill';
import { isBackgroundToRelay, wrap, type RelayBatch, type RelayEvent, type RelayHello } from '../../protocol/messages';
import type { DroppedCounts } from '../../protocol/recording';
import { LIMITS } from './limits';

export interface UplinkDeps {
  connect(): Runtime.Port;
  /** False once the extension was reloaded or updated under this page ("Extension context invalidated"). */
  contextValid(): boolean;
  hello(): RelayHello;
  setTimer(fn: () => void, ms: number): unknown;
}

type DroppedDelta = Partial<DroppedCounts>;

/** A shed batch, or several merged: the highest seq, their events and their dropped counts. */
interface Shed {
  seq: number;
  events: number;
  dropped: DroppedDelta;
}

/** Entries of `shedUnconfirmed` past this are merged: an ack then confirms them only all together. */
const MAX_SHED_ENTRIES = 64;

/**
 * How soon an event leaves: `now` (the document is going away), `soon` (a closure:
 * the developer is looking at the panel for it), or with the next `batch`.
 */
export type Urgency = 'now' | 'soon' | 'batch';

function addDropped(into: DroppedDelta, from: DroppedDelta): void {
  for (const [key, n] of Object.entries(from) as [keyof DroppedCounts, number][]) into[key] = (into[key] ?? 0) + n;
}

export class Uplink {
  private port: Runtime.Port | undefined;
  private seq = 0;
  private unacked: RelayBatch[] = [];
  private unackedEvents = 0;
  private pending: RelayEvent[] = [];
  private dropped: DroppedDelta = {};
  private timer = false;
  private soonTimer = false;
  private stopped = false;
  /** Reconnects since the last ack: a worker that keeps refusing is not hammered. */
  private reconnects = 0;
  /** Batches posted on the current port (a new port gets them all again). */
  private sent = new WeakSet<RelayBatch>();
  /**
   * Batches shed from the buffer after they were posted, oldest first: stored, and so nothing lost, once an
   * ack covers them; lost if their port goes away first (counted then).
   */
  private shedUnconfirmed: Shed[] = [];
  /** The next hello says the document came back from the back/forward cache. */
  private restored = false;
  /** Nothing is said until `release()`: the document is not yet the tab's (a prerendering page). */
  private held = false;

  constructor(private readonly deps: UplinkDeps) {}

  push(ev: RelayEvent, urgency: Urgency = 'batch'): void {
    if (this.stopped) return;
    this.pending.push(ev);
    if (urgency === 'now' || this.pending.length >= LIMITS.batchEvents) this.flush();
    else if (urgency === 'soon') this.scheduleSoon();
    else this.schedule();
  }

  count(key: keyof DroppedCounts, n = 1): void {
    if (this.stopped) return;
    this.dropped[key] = (this.dropped[key] ?? 0) + n;
    this.schedule();
  }

  /**
   * Keeps everything until `release()`: no port is opened, batches wait (bounded, as for a worker that does
   * not answer). A port's sender is fixed when it connects, and a prerendering page's is a frame that is
   * not the tab's top one; once shown it is.
   */
  hold(): void {
    this.held = true;
  }

  /** Says hello (the document is its tab's now) and sends everything that waited, in order. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    this.connectNow();
    this.flush();
  }

  /** Says hello now (top documents: the background marks the navigation). */
  connectNow(): void {
    if (!this.stopped) this.ensurePort();
  }

  /**
   * The document came back from the back/forward cache, whose entry closed its port: say hello again (the
   * background takes the document back), re-send what is unacknowledged, and send what waited.
   */
  resume(): void {
    if (this.stopped) return;
    // The old port looks alive, but the browser closed it when the document entered the cache, without an
    // onDisconnect (measured in Chromium 156): what is posted on it is lost without an error. A new one.
    const old = this.port;
    if (old) {
      this.port = undefined;
      try {
        old.disconnect();
      } catch {
        // already gone
      }
      this.portGone();
    }
    this.reconnects = 0;
    this.restored = true;
    this.ensurePort();
    this.flush();
  }

  /** Says hello on the port ('restored' once after the back/forward cache); throws when the port is gone. */
  private hello(port: Runtime.Port): void {
    port.postMessage(wrap(this.restored ? { ...this.deps.hello(), restored: true as const } : this.deps.hello()));
    this.restored = false;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = true;
    this.deps.setTimer(() => {
      this.timer = false;
      this.flush();
    }, LIMITS.batchMs);
  }

  /** A short timer still coalesces a burst of closures (a page closing many sockets at once) into one batch. */
  private scheduleSoon(): void {
    if (this.soonTimer) return;
    this.soonTimer = true;
    this.deps.setTimer(() => {
      this.soonTimer = false;
      this.flush();
    }, LIMITS.soonBatchMs);
  }

  flush(): void {
    if (this.stopped || (this.pending.length === 0 && Object.keys(this.dropped).length === 0)) return;
    // Make room first, so what overflowed is counted in this very batch.
    this.shed(this.pending.length);
    const batch: RelayBatch = { type: 'batch', seq: ++this.seq, events: this.pending, dropped: this.dropped };
    this.pending = [];
    this.dropped = {};
    this.unacked.push(batch);
    this.unackedEvents += batch.events.length;
    this.send(batch);
  }

  /**
   * Drops the oldest unacknowledged batches past the bound: they can no longer be re-sent. One never
   * posted is lost now, and counted (with the counts it carried) in the next batch. One posted may
   * still be stored by the background, which is only slow to acknowledge (20,000 events behind): it is
   * counted lost only if its port goes away before an ack covers it.
   */
  private shed(incoming: number): void {
    while (this.unackedEvents + incoming > LIMITS.unackedEvents && this.unacked.length > 0) {
      const old = this.unacked.shift() as RelayBatch;
      this.unackedEvents -= old.events.length;
      const entry: Shed = { seq: old.seq, events: old.events.length, dropped: old.dropped };
      if (this.sent.has(old)) this.keepShed(entry);
      else this.lose(entry);
    }
  }

  private keepShed(entry: Shed): void {
    const list = this.shedUnconfirmed;
    list.push(entry);
    if (list.length <= MAX_SHED_ENTRIES) return;
    // Merge the two oldest: confirmed together by an ack of the later one.
    const [a, b] = list.splice(0, 2) as [Shed, Shed];
    const dropped = { ...a.dropped };
    addDropped(dropped, b.dropped);
    list.unshift({ seq: b.seq, events: a.events + b.events, dropped });
  }

  /** Counts a batch's events as overflowed, and the counts it carried, in the next batch. */
  private lose(entry: Shed): void {
    addDropped(this.dropped, entry.dropped);
    this.dropped.eventsOverflowed = (this.dropped.eventsOverflowed ?? 0) + entry.events;
  }

  private ensurePort(): Runtime.Port | undefined {
    if (this.port) return this.port;
    if (this.held) return undefined;
    if (!this.deps.contextValid()) {
      this.stop();
      return undefined;
    }
    let port: Runtime.Port;
    try {
      port = this.deps.connect();
      port.onMessage.addListener((m: unknown) => this.onMessage(m));
      port.onDisconnect.addListener(() => this.onDisconnect(port));
      this.hello(port);
    } catch {
      // The extension is still there, but this document cannot connect now (it is going into the
      // back/forward cache): everything is kept, and sent on the next flush or when it comes back.
      return undefined;
    }
    this.port = port;
    // A new port: everything unacknowledged goes again, in order, before anything newer. Sending only the
    // newer batches would let the background take their numbers as covering the older ones.
    for (const b of this.unacked) if (!this.post(port, b)) return undefined;
    return port;
  }

  /** Posts a batch on the port; false when the port is already gone (its onDisconnect decides what next). */
  private post(port: Runtime.Port, batch: RelayBatch): boolean {
    try {
      port.postMessage(wrap(batch));
      this.sent.add(batch);
      return true;
    } catch {
      this.onDisconnect(port);
      return false;
    }
  }

  private send(batch: RelayBatch): void {
    // A new port posts every unacknowledged batch, this one included.
    if (this.port) this.post(this.port, batch);
    else this.ensurePort();
  }

  private onMessage(m: unknown): void {
    if (!isBackgroundToRelay(m)) return;
    const msg = m.msg;
    if (msg.type !== 'ack' || !Number.isSafeInteger(msg.seq)) return;
    this.reconnects = 0;
    while (this.unacked.length && (this.unacked[0] as RelayBatch).seq <= msg.seq) {
      this.unackedEvents -= (this.unacked.shift() as RelayBatch).events.length;
    }
    // Shed batches this ack covers were stored: nothing of them was lost.
    while (this.shedUnconfirmed.length && (this.shedUnconfirmed[0] as Shed).seq <= msg.seq)
      this.shedUnconfirmed.shift();
  }

  /** The port is gone: nothing is posted on a port any more, and shed batches no ack covered are lost. */
  private portGone(): void {
    this.sent = new WeakSet();
    // Whether the background stored them is unknown, and they cannot be re-sent.
    for (const entry of this.shedUnconfirmed.splice(0)) this.lose(entry);
  }

  private onDisconnect(port: Runtime.Port): void {
    if (this.port !== port) return;
    this.port = undefined;
    this.portGone();
    if (!this.deps.contextValid()) {
      this.stop();
      return;
    }
    // The service worker stopped. Reconnect at once only when something is unacknowledged (idle tabs
    // do not keep waking it), and not endlessly while no ack comes: the next batch reconnects anyway,
    // and re-sends everything before it.
    if (this.unacked.length && ++this.reconnects <= 5) this.ensurePort();
    if (Object.keys(this.dropped).length > 0) this.schedule();
  }

  private stop(): void {
    this.stopped = true;
    this.pending = [];
    this.unacked = [];
    this.shedUnconfirmed = [];
    this.port = undefined;
  }
}
