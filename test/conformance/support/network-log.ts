/**
 * Chromium's own view of a page's WebSockets, through the DevTools protocol's
 * Network domain (passive: the page's JavaScript is untouched). Its timestamps
 * come from the browser's network stack, so they do not carry the test
 * process's event-loop delay, which on two busy cores reaches hundreds of ms.
 * The same log is taken with and without the extension.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface NetSocket {
  requestId: string;
  url: string;
  /** Monotonic seconds (DevTools `timestamp`) when the handshake request was sent. */
  handshakeAt?: number;
  /** Wall clock (epoch seconds) of the handshake request, to place the monotonic times on it. */
  wallTime?: number;
  status?: number;
  /**
   * Monotonic seconds when the browser reported the socket failed (a refused handshake, a bad frame): before
   * it tells the page (the `error` event), and a few ms before its own `closed` for the same socket.
   */
  erroredAt?: number;
  /** Monotonic seconds when the socket closed (or its handshake failed). */
  closedAt?: number;
}

export interface NetworkLog {
  sockets: NetSocket[];
  /** Resolves once `count` sockets exist and every one but (when `lastOpen`) the last has closed. */
  settled(count: number, lastOpen: boolean, timeoutMs?: number): Promise<NetSocket[]>;
  detach(): Promise<void>;
}

export async function watchNetwork(context: BrowserContext, page: Page): Promise<NetworkLog> {
  const cdp = await context.newCDPSession(page);
  const sockets: NetSocket[] = [];
  const byId = new Map<string, NetSocket>();
  cdp.on('Network.webSocketCreated', (e) => {
    const s: NetSocket = { requestId: e.requestId, url: e.url };
    sockets.push(s);
    byId.set(e.requestId, s);
  });
  cdp.on('Network.webSocketWillSendHandshakeRequest', (e) => {
    const s = byId.get(e.requestId);
    if (s) {
      s.handshakeAt = e.timestamp;
      s.wallTime = e.wallTime;
    }
  });
  cdp.on('Network.webSocketHandshakeResponseReceived', (e) => {
    const s = byId.get(e.requestId);
    if (s) s.status = e.response.status;
  });
  cdp.on('Network.webSocketFrameError', (e) => {
    const s = byId.get(e.requestId);
    if (s) s.erroredAt ??= e.timestamp;
  });
  cdp.on('Network.webSocketClosed', (e) => {
    const s = byId.get(e.requestId);
    if (s) s.closedAt = e.timestamp;
  });
  await cdp.send('Network.enable');
  return {
    sockets,
    async settled(count, lastOpen, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      const done = () =>
        sockets.length >= count &&
        sockets.every(
          (s, i) => s.handshakeAt !== undefined && (s.closedAt !== undefined || (lastOpen && i === sockets.length - 1)),
        );
      // DevTools events trail the page by a few ms; they are awaited, never assumed.
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`network log did not settle: ${JSON.stringify(sockets)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return sockets;
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}

/**
 * d_k as the browser saw it: the previous socket's end to the next handshake, seconds. A socket the browser
 * failed ended at the failure, as the recording has it (the `error` event the close follows): the browser
 * reports its `closed` a few ms later, and after the page's error handlers have run, so on a loaded machine
 * a library that retries from its error handler (socket.io asks for its timer there) could look to have
 * waited longer in the recording than in the browser by however long the page's task took.
 */
export function networkDelays(sockets: readonly NetSocket[]): number[] {
  return sockets.slice(1).map((s, i) => {
    const prev = sockets[i];
    return (s.handshakeAt ?? NaN) - Math.min(prev?.erroredAt ?? Infinity, prev?.closedAt ?? NaN);
  });
}
