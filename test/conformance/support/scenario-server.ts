/**
 * One real HTTP server on 127.0.0.1 per scenario run: serves the test page and
 * the library bundle, and puts a library's real server (plain ws echo,
 * socket.io, graphql-ws) behind a handshake gate that can answer upgrades with
 * HTTP 503 for a number of attempts, so a client's backoff shows.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';

/** A connection the library's server accepted, seen at the WebSocket level. */
export interface ServerSocket {
  acceptedAt: number;
  /** Sends a close frame with this code (the server closes). */
  close(code: number, reason: string): void;
  /** Destroys the TCP connection without a close frame: the page sees 1006. */
  terminate(): void;
  /** Resolves with Date.now() when the connection is closed (closing handshake done, or dropped). */
  closed: Promise<number>;
}

/** A library's server: handles accepted upgrades and reports each accepted socket. */
export interface Backend {
  handleUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void;
  /**
   * HTTP requests of the library's own protocol (SockJS's `/info`), before the page and its scripts are
   * looked up: true when it answered the request.
   */
  handleRequest?(req: IncomingMessage, res: ServerResponse): boolean;
  onSocket(listener: (s: ServerSocket) => void): void;
  close(): Promise<void>;
}

export interface Handshake {
  at: number;
  path: string;
  refused: boolean;
}

export interface ScenarioServer {
  origin: string;
  wsOrigin: string;
  /** Every upgrade request in arrival order, refused or not. */
  handshakes: Handshake[];
  sockets: ServerSocket[];
  /** Resolves with the n-th accepted socket (1-based), or undefined if it did not come within `timeoutMs`. */
  socket(n: number, timeoutMs: number): Promise<ServerSocket | undefined>;
  /** Resolves with whether `count` handshakes (refused or not) arrived within `timeoutMs`. */
  handshakesReach(count: number, timeoutMs: number): Promise<boolean>;
  page(path: string, html: string): string;
  script(path: string, file: string): void;
  /** Answers the next `count` upgrades with HTTP 503 (Service Unavailable). */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

export async function startScenarioServer(makeBackend: (http: Server) => Backend): Promise<ScenarioServer> {
  const files = new Map<string, { type: string; body: string }>();
  const http = createServer((req, res) => {
    if (backend.handleRequest?.(req, res)) return;
    const f = files.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!f) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': f.type, 'cache-control': 'no-store' }).end(f.body);
  });
  const backend = makeBackend(http);
  // The backend's own upgrade listeners (socket.io attaches one) go behind the gate.
  http.removeAllListeners('upgrade');
  const tcp = new Set<Socket>();
  http.on('connection', (s: Socket) => {
    tcp.add(s);
    s.on('close', () => tcp.delete(s));
  });

  const handshakes: Handshake[] = [];
  const sockets: ServerSocket[] = [];
  // Every wait is bounded, and ends (false) when the server closes at the latest: a library that never
  // opens the socket awaited leaves no waiter or timer behind its run.
  const waiters = new Set<(closing: boolean) => void>();
  const changed = () => {
    for (const w of [...waiters]) w(false);
  };
  const until = (ok: () => boolean, timeoutMs: number) =>
    new Promise<boolean>((resolve) => {
      if (ok()) return resolve(true);
      const end = (result: boolean) => {
        clearTimeout(timer);
        waiters.delete(w);
        resolve(result);
      };
      const w = (closing: boolean) => {
        if (closing) end(false);
        else if (ok()) end(true);
      };
      const timer = setTimeout(() => end(false), timeoutMs);
      waiters.add(w);
    });
  let refuseLeft = 0;

  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const refused = refuseLeft > 0;
    handshakes.push({ at: Date.now(), path: req.url ?? '', refused });
    if (refused) {
      refuseLeft--;
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    } else {
      backend.handleUpgrade(req, socket, head);
    }
    changed();
  });
  backend.onSocket((s) => {
    sockets.push(s);
    changed();
  });

  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const port = (http.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    wsOrigin: `ws://127.0.0.1:${port}`,
    handshakes,
    sockets,
    async socket(n, timeoutMs) {
      return (await until(() => sockets.length >= n, timeoutMs)) ? sockets[n - 1] : undefined;
    },
    handshakesReach: (count, timeoutMs) => until(() => handshakes.length >= count, timeoutMs),
    page(path, html) {
      files.set(path, { type: 'text/html; charset=utf-8', body: html });
      return `http://127.0.0.1:${port}${path}`;
    },
    script(path, file) {
      files.set(path, { type: 'text/javascript; charset=utf-8', body: readFileSync(file, 'utf8') });
    },
    refuseNext(count) {
      refuseLeft = count;
    },
    async close() {
      for (const w of [...waiters]) w(true);
      for (const s of tcp) s.destroy();
      await backend.close().catch(() => undefined);
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
