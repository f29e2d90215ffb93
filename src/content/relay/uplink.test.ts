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
  /** Closed by the browser without telling (a document entering the back/forward cache): posts vanish. */
  silent = false;
  disconnected = false;
  onMessage = { addListener: (f: (m: unknown) => void) => this.msgListeners.push(f) };
  onDisconnect = { addListener: (f: () => void) => this.discListeners.push(f) };
  postMessage(m: unknown) {
    if (this.dead) throw new Error('Attempting to use a disconnected port object');
    if (!this.silent) this.posted.push(m);
  }
  disconnect() {
    this.disconnected = true;
    this.dead = true;
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
  // While set, connect() throws, as it does for a document going into the back/forward cache.
  let refusing = false;
  const uplink = new Uplink({
    connect: () => {
      if (refusing) throw new Error('The page is in the back/forward cache');
      const p = new FakePort();
      ports.push(p);
      return p as unknown as Runtime.Port;
    },
    contextValid: () => valid,
    hello: () => ({ type: 'hello', docNonce: 'n1', url: 'http://127.0.0.1/', isTop: true }),
    setTimer: (fn, ms) => timers.push(Object.assign(fn, { ms })),
  });
  const runTimers = () => timers.splice(0).forEach((f) => f());
  return {
    uplink,
    ports,
    timers,
    runTimers,
    invalidate: () => (valid = false),
    refuse: (on: boolean) => (refusing = on),
  };
}

const ev = (k: number): RelayEvent => ({ t: 'error', k, at: 1 });

describe('Uplink', () => {
  it('while held (a prerendering page) opens no port, then says hello and sends everything in order', () => {
    const { uplink, ports, runTimers } = setup();
    uplink.hold();
    uplink.connectNow();
    uplink.push(ev(1));
    runTimers();
    uplink.push(ev(2), 'now');
    uplink.count('eventsRejected');
    runTimers();
    expect(ports).toHaveLength(0);
    uplink.release();
    const port = ports[0] as FakePort;
    expect(ports).toHaveLength(1);
    expect((port.posted[0] as { msg: { type: string } }).msg.type).toBe('hello');
    expect(port.batches().map((b) => [b.seq, b.events, b.dropped])).toEqual([
      [1, [ev(1)], {}],
      [2, [ev(2)], {}],
      [3, [], { eventsRejected: 1 }],
    ]);
  });

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

  /** Enough full batches (each flushed by size) to overflow the unacknowledged bound by two batches. */
  const overflow = (uplink: Uplink) => {
    const perBatch = LIMITS.batchEvents;
    const total = (Math.ceil(LIMITS.unackedEvents / perBatch) + 2) * perBatch;
    for (let i = 0; i < total; i++) uplink.push(ev(i + 1));
    return total;
  };
  const overflowedIn = (batches: RelayBatch[]) => batches.reduce((n, b) => n + (b.dropped.eventsOverflowed ?? 0), 0);
  const eventsIn = (batches: RelayBatch[]) => batches.reduce((n, b) => n + b.events.length, 0);

  it('bounds what it keeps unacknowledged, and counts nothing lost while the background may still store it', () => {
    const { uplink, ports, runTimers } = setup();
    const total = overflow(uplink);
    const port = ports[0] as FakePort;
    // Every batch was posted; the oldest no longer held for re-sending are not counted while their port lives.
    expect(eventsIn(port.batches())).toBe(total);
    port.ack(port.batches().at(-1)!.seq); // the background stored them all, only late
    port.kill();
    uplink.push(ev(0), 'now');
    expect(overflowedIn(ports.flatMap((p) => p.batches()))).toBe(0);
    runTimers();
    expect(overflowedIn(ports.flatMap((p) => p.batches()))).toBe(0);
  });

  it('counts what it shed as lost once the port goes away before an ack covered it, exactly', () => {
    const { uplink, ports, runTimers } = setup();
    const total = overflow(uplink);
    (ports[0] as FakePort).kill(); // the worker died with nothing acknowledged
    runTimers();
    const after = ports.slice(1).flatMap((p) => p.batches());
    // Every event is either still held (re-sent to the new worker) or counted as overflowed.
    expect(eventsIn(after) + overflowedIn(after)).toBe(total);
    expect(overflowedIn(after)).toBeGreaterThan(0);
    expect(eventsIn(after)).toBeLessThanOrEqual(LIMITS.unackedEvents);
  });

  it('counts a shed batch at once when it was never posted (no port could be opened)', () => {
    const { uplink, ports, refuse } = setup();
    refuse(true);
    const total = overflow(uplink);
    expect(uplink.isStopped).toBe(false);
    refuse(false);
    uplink.resume();
    const sent = (ports[0] as FakePort).batches();
    expect(eventsIn(sent) + overflowedIn(sent)).toBe(total);
    expect(overflowedIn(sent)).toBeGreaterThan(0);
  });

  it('re-sends everything unacknowledged on any new port, even after it stopped reconnecting at once', () => {
    const { uplink, ports, runTimers } = setup();
    uplink.push(ev(1));
    runTimers();
    // The worker dies again and again with nothing acknowledged: after five, no reconnect at once.
    for (let i = 0; i < 6; i++) (ports.at(-1) as FakePort).kill();
    const count = ports.length;
    uplink.push(ev(2));
    runTimers();
    expect(ports.length).toBe(count + 1);
    // The new port gets batch 1 before batch 2: the background never takes 2 as covering a missing 1.
    expect((ports.at(-1) as FakePort).batches().map((b) => b.seq)).toEqual([1, 2]);
  });

  it('back from the back/forward cache: leaves the port the cache closed silently, and says hello restored on a new one', () => {
    const { uplink, ports } = setup();
    uplink.push(ev(1), 'now');
    const cached = ports[0] as FakePort;
    cached.silent = true; // no onDisconnect, no error: what is posted is lost
    uplink.push(ev(2), 'now');
    uplink.resume();
    expect(cached.disconnected).toBe(true);
    const back = ports[1] as FakePort;
    expect(back.posted[0]).toMatchObject({ msg: { type: 'hello', restored: true } });
    // Nothing was acknowledged: everything goes again, in order.
    expect(back.batches().map((b) => b.seq)).toEqual([1, 2]);
    // Later hellos (a worker restart) say nothing of it.
    back.kill();
    expect((ports[2] as FakePort).posted[0]).toMatchObject({ msg: { type: 'hello' } });
    expect((ports[2] as FakePort).posted[0]).not.toMatchObject({ msg: { restored: true } });
  });

  it('keeps everything when a port cannot be opened, and sends it when the document comes back', () => {
    const { uplink, ports, refuse } = setup();
    uplink.push(ev(1), 'now');
    refuse(true);
    (ports[0] as FakePort).kill(); // entering the cache closes the port
    uplink.push(ev(2), 'now'); // no port: kept
    expect(uplink.isStopped).toBe(false);
    refuse(false);
    uplink.push(ev(3));
    uplink.resume();
    const back = ports.at(-1) as FakePort;
    expect((back.posted[0] as { msg: { type: string } }).msg.type).toBe('hello');
    expect(back.batches().flatMap((b) => b.events)).toEqual([ev(1), ev(2), ev(3)]);
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
