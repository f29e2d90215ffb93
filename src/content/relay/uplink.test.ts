import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { Uplink } from './uplink';
import { LIMITS } from './limits';
import type { RelayBatch, RelayEvent } from '../../protocol/messages';

/** A fake runtime port: records posts, lets the test ack or kill the "worker". */
class FakePort {
  posted: unknown[] = [];
  private msgListeners: ((m: unknown) => void)[] = [];
  private discListeners: (() => void)[] = [];
  dead = false;
  onMessage = { addListener: (f: (m: unknown) => void) => this.msgListeners.push(f) };
  onDisconnect = { addListener: (f: () => void) => this.discListeners.push(f) };
  postMessage(m: unknown) {
    if (this.dead) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(m);
  }
  batches(): RelayBatch[] {
    return this.posted.map((p) => (p as { msg: RelayBatch }).msg).filter((m) => m.type === 'batch');
  }
  ack(seq: number) {
    for (const f of this.msgListeners) f({ source: 'closeline', v: 1, msg: { type: 'ack', seq } });
  }
  kill() {
    this.dead = true;
    for (const f of this.discListeners) f();
  }
}

function setup() {
  const ports: FakePort[] = [];
  const timers: ((() => void) & { ms?: number })[] = [];
  let valid = true;
  const uplink = new Uplink({
    connect: () => {
      const p = new FakePort();
      ports.push(p);
      return p as unknown as Runtime.Port;
    },
    contextValid: () => valid,
    hello: () => ({ type: 'hello', docNonce: 'n1', url: 'http://127.0.0.1/', isTop: true }),
    setTimer: (fn, ms) => timers.push(Object.assign(fn, { ms })),
  });
  const runTimers = () => timers.splice(0).forEach((f) => f());
  return { uplink, ports, timers, runTimers, invalidate: () => (valid = false) };
}

const ev = (k: number): RelayEvent => ({ t: 'error', k, at: 1 });

describe('Uplink', () => {
  it('batches events, says hello first, and drops a batch once acknowledged', () => {
    const { uplink, ports, runTimers } = setup();
    uplink.push(ev(1));
    uplink.push(ev(2));
    expect(ports).toHaveLength(0); // nothing sent until the batch timer fires
    runTimers();
    const port = ports[0] as FakePort;
    expect((port.posted[0] as { msg: { type: string } }).msg.type).toBe('hello');
    expect(port.batches()).toEqual([{ type: 'batch', seq: 1, events: [ev(1), ev(2)], dropped: {} }]);
    port.ack(1);
    port.kill(); // worker stops after the ack: nothing to re-send, no reconnect
    expect(ports).toHaveLength(1);
  });

  it('re-sends every unacknowledged batch to a restarted worker, in order', () => {
    const { uplink, ports, runTimers } = setup();
    uplink.push(ev(1));
    runTimers();
    uplink.push(ev(2));
    runTimers();
    (ports[0] as FakePort).ack(1);
    (ports[0] as FakePort).kill(); // killed between batch 2 and its ack
    const second = ports[1] as FakePort;
    expect((second.posted[0] as { msg: { type: string } }).msg.type).toBe('hello');
    expect(second.batches().map((b) => b.seq)).toEqual([2]);
    expect(second.batches()[0]?.events).toEqual([ev(2)]);
  });

  it('holds only what is unacknowledged, however many sockets came and went', () => {
    const { uplink, ports, runTimers } = setup();
    const close = (k: number): RelayEvent => ({
      t: 'close',
      k,
      at: 2,
      code: 1000,
      reason: '',
      wasClean: true,
      counters: { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 },
    });
    // 5,000 sockets, a batch every 10; each acknowledged as soon as it is sent, except the last.
    for (let k = 1; k <= 5_000; k++) {
      uplink.push(ev(k));
      uplink.push(close(k), 'soon');
      if (k % 10 === 0) runTimers();
      const first = ports[0] as FakePort;
      if (k < 5_000 && k % 10 === 0) first.ack(first.batches().at(-1)?.seq ?? 0);
    }
    const first = ports[0] as FakePort;
    expect(first.batches()).toHaveLength(500);
    first.kill(); // the worker restarts: only the one batch never acknowledged comes again
    const second = ports[1] as FakePort;
    expect(second.batches().map((b) => b.seq)).toEqual([500]);
    expect(second.batches()[0]?.events).toEqual(
      Array.from({ length: 10 }, (_, i) => [ev(4_991 + i), close(4_991 + i)]).flat(),
    );
    second.ack(500);
    second.kill(); // nothing left unacknowledged: no reconnect, nothing re-sent
    expect(ports).toHaveLength(2);
  });

  it('sends urgent events (pagehide) at once', () => {
    const { uplink, ports } = setup();
    uplink.push({ t: 'life', at: 1, state: 'pagehide' }, 'now');
    expect((ports[0] as FakePort).batches()).toHaveLength(1);
  });

  it('sends closures on a short timer that coalesces a burst, ahead of the batch timer', () => {
    const { uplink, ports, timers } = setup();
    uplink.push(ev(1));
    const close = (k: number): RelayEvent => ({
      t: 'close',
      k,
      at: 2,
      code: 1000,
      reason: '',
      wasClean: true,
      counters: { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 },
    });
    uplink.push(close(1), 'soon');
    uplink.push(close(2), 'soon');
    expect(timers.map((t) => t.ms)).toEqual([LIMITS.batchMs, LIMITS.soonBatchMs]);
    expect(LIMITS.soonBatchMs).toBeLessThan(LIMITS.batchMs);
    (timers[1] as () => void)();
    expect((ports[0] as FakePort).batches().map((b) => b.events)).toEqual([[ev(1), close(1), close(2)]]);
    (timers[0] as () => void)(); // the batch timer finds nothing left to send
    expect((ports[0] as FakePort).batches()).toHaveLength(1);
  });

  it('carries dropped counts in the next batch', () => {
    const { uplink, ports, runTimers } = setup();
    uplink.count('eventsRejected');
    uplink.count('eventsRejected');
    uplink.count('connectionsRateLimited', 3);
    runTimers();
    expect((ports[0] as FakePort).batches()[0]?.dropped).toEqual({ eventsRejected: 2, connectionsRateLimited: 3 });
  });

  it('bounds what it keeps unacknowledged and counts what overflowed', () => {
    const { uplink, ports } = setup();
    const perBatch = LIMITS.batchEvents;
    const batches = Math.ceil(LIMITS.unackedEvents / perBatch) + 2;
    for (let i = 0; i < batches * perBatch; i++) uplink.push(ev(i + 1)); // full batches flush by size
    uplink.push({ t: 'life', at: 1, state: 'pagehide' }, 'now');
    const sent = (ports[0] as FakePort).batches();
    const last = sent.at(-1) as RelayBatch;
    expect(last.dropped.eventsOverflowed).toBeGreaterThan(0);
    // Everything not overflowed is still held for re-sending.
    (ports[0] as FakePort).kill();
    const resent = (ports[1] as FakePort).batches();
    const held = resent.reduce((n, b) => n + b.events.length, 0);
    const overflowed = resent.reduce((n, b) => n + (b.dropped.eventsOverflowed ?? 0), 0);
    // Exact accounting: every event is either still held or counted as overflowed.
    expect(held + overflowed).toBe(batches * perBatch + 1);
    expect(held).toBeLessThanOrEqual(LIMITS.unackedEvents + perBatch);
  });

  it('stops quietly when the extension context is invalidated', () => {
    const { uplink, ports, runTimers, invalidate } = setup();
    uplink.push(ev(1));
    runTimers();
    invalidate();
    (ports[0] as FakePort).kill();
    uplink.push(ev(2));
    runTimers();
    expect(ports).toHaveLength(1);
    expect(uplink.isStopped).toBe(true);
  });
});
