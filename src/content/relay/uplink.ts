/**
 * The relay's link to the background: batches events, numbers batches, keeps
 * every batch until the background acknowledges that it is stored, and re-sends
 * them to a restarted service worker, so a worker killed between batches loses
 * nothing. The unacknowledged buffer is bounded; what overflows is counted.
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

  /** Says hello now (top documents: the background marks the navigation). */
  connectNow(): void {
    if (!this.stopped) this.ensurePort();
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
   * Drops the oldest unacknowledged batches past the bound, carrying their counts
   * forward. The background has stopped acknowledging by then (20,000 events
   * behind), so those batches are counted as lost.
   */
  private shed(incoming: number): void {
    while (this.unackedEvents + incoming > LIMITS.unackedEvents && this.unacked.length > 0) {
      const old = this.unacked.shift() as RelayBatch;
      this.unackedEvents -= old.events.length;
      addDropped(this.dropped, old.dropped);
      this.dropped.eventsOverflowed = (this.dropped.eventsOverflowed ?? 0) + old.events.length;
    }
  }

  private ensurePort(): Runtime.Port | undefined {
    if (this.port) return this.port;
    if (!this.deps.contextValid()) {
      this.stop();
      return undefined;
    }
    try {
      const port = this.deps.connect();
      port.onMessage.addListener((m: unknown) => this.onMessage(m));
      port.onDisconnect.addListener(() => this.onDisconnect(port));
      port.postMessage(wrap(this.deps.hello()));
      this.port = port;
      return port;
    } catch {
      this.stop();
      return undefined;
    }
  }

  private send(batch: RelayBatch): void {
    const port = this.ensurePort();
    if (!port) return;
    try {
      port.postMessage(wrap(batch));
    } catch {
      // The worker went away between connect and send: onDisconnect re-sends.
      this.onDisconnect(port);
    }
  }

  private onMessage(m: unknown): void {
    if (!isBackgroundToRelay(m)) return;
    const msg = m.msg;
    if (msg.type !== 'ack' || !Number.isSafeInteger(msg.seq)) return;
    this.reconnects = 0;
    while (this.unacked.length && (this.unacked[0] as RelayBatch).seq <= msg.seq) {
      this.unackedEvents -= (this.unacked.shift() as RelayBatch).events.length;
    }
  }

  private onDisconnect(port: Runtime.Port): void {
    if (this.port !== port) return;
    this.port = undefined;
    if (!this.deps.contextValid()) {
      this.stop();
      return;
    }
    // The service worker stopped. Reconnect only when something is unacknowledged, so
    // idle tabs do not keep waking it.
    if (this.unacked.length && ++this.reconnects <= 5) {
      const again = this.ensurePort();
      if (!again) return;
      for (const b of this.unacked) {
        try {
          again.postMessage(wrap(b));
        } catch {
          return;
        }
      }
    }
  }

  private stop(): void {
    this.stopped = true;
    this.pending = [];
    this.unacked = [];
    this.port = undefined;
  }
}
