/**
 * The adapter between DevTools' network data and the panel: reads WebSocket
 * handshakes from browser.devtools.network (the HAR so far, then every finished
 * request) and keeps a bounded list of them. Wired by the panel entry only;
 * components see the HandshakeFeed interface. Everything it decides is in the
 * pure handshakes.ts.
 */
import { addHandshakes, handshakeFromHar, type HandshakeEntry } from './handshakes';

type Har = { [key: string]: unknown };

/** What the adapter needs of browser.devtools.network (structural, so tests pass a fake). */
export interface NetworkApi {
  /**
   * Chromium 150 answers only through the callback and returns nothing (webextension-polyfill does
   * not wrap getHAR); newer Chromium and Firefox return a promise too. The feed takes either.
   */
  getHAR(callback?: (har: Har) => void): Promise<Har> | void;
  onRequestFinished: {
    addListener(cb: (request: unknown) => void): void;
    removeListener(cb: (request: unknown) => void): void;
  };
}

export interface HandshakeFeed {
  /** Calls back with every handshake seen so far, now and after each new one. Returns an unsubscribe. */
  subscribe(onEntries: (entries: readonly HandshakeEntry[]) => void): () => void;
  /**
   * Reads the whole HAR again: finished-request events may not cover a
   * refused WebSocket upgrade, and the HAR does. Throttled.
   */
  refresh(): void;
}

/** Fewest milliseconds between two HAR reads: a 1006 storm must not re-read the HAR hundreds of times. */
export const REFRESH_MIN_MS = 1000;

export function createHandshakeFeed(network: NetworkApi, now: () => number = Date.now): HandshakeFeed {
  let entries: readonly HandshakeEntry[] = [];
  const listeners = new Set<(entries: readonly HandshakeEntry[]) => void>();
  let lastRead = -Infinity;
  let trailing: ReturnType<typeof setTimeout> | undefined;

  const add = (raw: readonly unknown[]) => {
    const found = raw.map(handshakeFromHar).filter((e): e is HandshakeEntry => e !== null);
    if (found.length === 0) return;
    const next = addHandshakes(entries, found);
    if (next.length === entries.length && next.every((e, i) => e === entries[i])) return;
    entries = next;
    for (const l of listeners) l(entries);
  };
  const readHar = () => {
    lastRead = now();
    // An answer by both routes adds nothing twice: add() ignores handshakes it already has.
    const got = (har: Har | undefined) => add(Array.isArray(har?.entries) ? (har.entries as unknown[]) : []);
    try {
      const answer = network.getHAR(got);
      // DevTools closing mid-read: nothing to show, nothing to report.
      if (answer && typeof answer.then === 'function') answer.then(got, () => undefined);
    } catch {
      // The statuses are extra: a browser refusing the call must not take the panel down with it.
    }
  };
  const onFinished = (request: unknown) => add([request]);

  return {
    subscribe(onEntries) {
      if (listeners.size === 0) {
        network.onRequestFinished.addListener(onFinished);
        readHar();
      }
      listeners.add(onEntries);
      onEntries(entries);
      return () => {
        listeners.delete(onEntries);
        if (listeners.size === 0) network.onRequestFinished.removeListener(onFinished);
      };
    },
    refresh() {
      const wait = lastRead + REFRESH_MIN_MS - now();
      if (wait <= 0) return readHar();
      // Coalesce: one read once the interval has passed.
      trailing ??= setTimeout(() => {
        trailing = undefined;
        readHar();
      }, wait);
    },
  };
}
