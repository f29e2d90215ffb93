/**
 * Test double for the engine: a page on a virtual clock that opens sockets,
 * answers simulated closes with its own reconnect policy, and meets refused
 * handshakes during outages, writing a recording as the extension would.
 * Time passes only when the engine waits, so scenarios of a minute run at once.
 */
import {
  emptyCounters,
  emptyRecording,
  endOf,
  endpointOf,
  type Connection,
  type Recording,
} from '../protocol/recording';
import type { SimulateCommand } from '../protocol/messages';
import type { AuditDriver } from './types';

/** ms before the next attempt after a close with `code`, `failures` failed attempts in a row; null: give up. */
export type Policy = (code: number, failures: number) => number | null;

const HANDSHAKE_MS = 5;

export class FakePage {
  now = 1_700_000_000_000;
  readonly recording: Recording;
  private k = 0;
  private timers: { at: number; fn: () => void }[] = [];
  private outages: { endpoint: string; until: number }[] = [];
  private failures = new Map<string, number>();
  readonly simulated: { id: string; command: SimulateCommand }[] = [];
  /** When set, simulate() rejects with this message (as the background does when it refuses). */
  refuseWith?: string;
  /**
   * How the page meets a stall: its heartbeat finds the silence after this many ms and it closes the
   * socket (then reconnects by its policy); null: it has no heartbeat and never notices.
   */
  heartbeatMs: number | null = null;
  /** The URL of the page's next attempt after a socket to `url` closed (sockjs-client draws new session ids); the same URL when unset. */
  nextUrl?: (url: string) => string;

  constructor(
    urls: readonly string[],
    private readonly policy: Policy,
  ) {
    this.recording = emptyRecording(7, 'test', this.now);
    for (const u of urls) this.connect(u);
    this.advance(100);
  }

  private connect(url: string): void {
    const c: Connection = {
      id: `7:0:doc:${++this.k}`,
      api: 'WebSocket',
      url,
      protocols: [],
      frameId: 0,
      documentId: 'doc',
      frameUrl: 'https://page.test/',
      createdAt: this.now,
      stack: '',
      events: [],
      counters: emptyCounters(),
    };
    this.recording.connections.push(c);
    const refused = this.outages.some((o) => o.endpoint === endpointOf(url) && o.until > this.now);
    this.at(this.now + HANDSHAKE_MS, () => {
      if (refused) {
        c.events.push({ type: 'error', at: this.now });
        this.closed(c, 1006, false);
      } else {
        c.events.push({ type: 'open', at: this.now, protocol: '', extensions: '' });
        this.failures.set(endpointOf(url), 0);
      }
    });
  }

  private closed(c: Connection, code: number, wasClean: boolean): void {
    c.events.push({ type: 'close', at: this.now, code, reason: '', wasClean, simulated: true });
    const ep = endpointOf(c.url);
    const opened = c.events.some((e) => e.type === 'open');
    const failures = opened ? 0 : (this.failures.get(ep) ?? 0) + 1;
    this.failures.set(ep, failures);
    const delay = this.policy(code, opened ? 0 : failures);
    if (delay !== null) this.at(this.now + delay, () => this.connect(this.nextUrl?.(c.url) ?? c.url));
  }

  private stall(c: Connection, seconds: number): void {
    c.events.push({ type: 'stall', at: this.now, seconds, simulated: true });
    const end = (outcome: 'delivered' | 'dropped') =>
      c.events.push({ type: 'stall-end', at: this.now, outcome, heldIn: 0, heldOut: 0, simulated: true });
    if (this.heartbeatMs !== null && this.heartbeatMs < seconds * 1000) {
      this.at(this.now + this.heartbeatMs, () => {
        c.events.push({ type: 'close-call', at: this.now, code: 4000, readyState: 1, stack: '' });
        end('dropped');
        this.closed(c, 4000, true);
      });
    } else this.at(this.now + seconds * 1000, () => end('delivered'));
  }

  private at(at: number, fn: () => void): void {
    this.timers.push({ at, fn });
    this.timers.sort((a, b) => a.at - b.at);
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (let next = this.timers[0]; next && next.at <= end; next = this.timers[0]) {
      this.timers.shift();
      this.now = Math.max(this.now, next.at);
      next.fn();
    }
    this.now = end;
  }

  driver(): AuditDriver {
    return {
      recording: async () => structuredClone(this.recording),
      simulate: async (id, command) => {
        if (this.refuseWith) throw new Error(this.refuseWith);
        const c = this.recording.connections.find((x) => x.id === id);
        if (!c || endOf(c)) throw new Error('not open');
        this.simulated.push({ id, command });
        if (command.kind === 'outage')
          this.outages.push({ endpoint: endpointOf(c.url), until: this.now + command.seconds * 1000 });
        else if (command.kind === 'drop') this.closed(c, 1006, false);
        else if (command.kind === 'close') this.closed(c, command.code, true);
        else if (command.kind === 'stall') this.stall(c, command.seconds);
      },
      now: () => this.now,
      wait: async (ms, signal) => {
        if (!signal?.aborted) this.advance(ms);
      },
    };
  }
}
