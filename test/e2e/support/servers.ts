/**
 * A real local HTTP + WebSocket server on 127.0.0.1 for e2e tests: serves test
 * pages from memory and lets a test close, drop or refuse sockets on demand.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ServerConn {
  ws: WebSocket;
  path: string;
  openedAt: number;
  /** Resolves with the close code and reason the server saw. */
  closed: Promise<{ code: number; reason: string }>;
}

export interface TestServer {
  origin: string;
  wsOrigin: string;
  /**
   * Serves `html` at `path` (a full document), never to be cached; `cacheable` leaves out no-store, which
   * keeps a page out of the back/forward cache; `headers` are added to the response (a CSP, say).
   */
  page(path: string, html: string, opts?: { cacheable?: boolean; headers?: Record<string, string> }): string;
  connections: ServerConn[];
  /** Resolves with the next (or the n-th overall, 1-based) connection. */
  connection(n?: number): Promise<ServerConn>;
  /** Resolves with the first connection (after `skip` earlier ones) whose path starts with `prefix`. */
  connectionTo(prefix: string, skip?: number): Promise<ServerConn>;
  /** While set, WebSocket handshakes get this HTTP status instead of an upgrade. */
  refuse(status: number | null): void;
  refusedCount(): number;
  /** Resolves once a request for `path` (served or not) has arrived. */
  requested(path: string): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const pages = new Map<string, { html: string; cacheable: boolean; headers?: Record<string, string> }>();
  const requestedPaths = new Set<string>();
  const requestWaiters: { path: string; resolve: () => void }[] = [];
  const http: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requestedPaths.add(path);
    for (const w of requestWaiters.filter((x) => x.path === path)) {
      requestWaiters.splice(requestWaiters.indexOf(w), 1);
      w.resolve();
    }
    const page = pages.get(path);
    if (page === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        ...(!page.cacheable && { 'cache-control': 'no-store' }),
        ...page.headers,
      })
      .end(page.html);
  });
  const wss = new WebSocketServer({ noServer: true });
  const connections: ServerConn[] = [];
  const waiters: { n: number; resolve: (c: ServerConn) => void }[] = [];
  const pathWaiters: { prefix: string; skip: number; resolve: (c: ServerConn) => void }[] = [];
  const matching = (prefix: string) => connections.filter((c) => c.path.startsWith(prefix));
  let refuseStatus: number | null = null;
  let refused = 0;
  const sockets = new Set<Socket>();
  http.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    if (refuseStatus !== null) {
      refused++;
      socket.end(`HTTP/1.1 ${refuseStatus} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      let resolveClosed!: (v: { code: number; reason: string }) => void;
      const closed = new Promise<{ code: number; reason: string }>((r) => (resolveClosed = r));
      ws.on('close', (code, reason) => resolveClosed({ code, reason: reason.toString() }));
      ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
      const conn: ServerConn = {
        ws,
        path: new URL(req.url ?? '/', 'http://x').pathname + new URL(req.url ?? '/', 'http://x').search,
        openedAt: Date.now(),
        closed,
      };
      connections.push(conn);
      for (const w of [...pathWaiters]) {
        const m = matching(w.prefix);
        if (m.length > w.skip) {
          pathWaiters.splice(pathWaiters.indexOf(w), 1);
          w.resolve(m[w.skip] as ServerConn);
        }
      }
      for (const w of [...waiters]) {
        if (connections.length >= w.n) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(connections[w.n - 1] as ServerConn);
        }
      }
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const port = (http.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    wsOrigin: `ws://127.0.0.1:${port}`,
    page(path, html, opts = {}) {
      pages.set(path, { html, cacheable: opts.cacheable === true, headers: opts.headers });
      return `http://127.0.0.1:${port}${path}`;
    },
    connections,
    connection(n = connections.length + 1) {
      if (connections.length >= n) return Promise.resolve(connections[n - 1] as ServerConn);
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    connectionTo(prefix, skip = 0) {
      const m = matching(prefix);
      if (m.length > skip) return Promise.resolve(m[skip] as ServerConn);
      return new Promise((resolve) => pathWaiters.push({ prefix, skip, resolve }));
    },
    refuse(status) {
      refuseStatus = status;
    },
    refusedCount: () => refused,
    requested(path) {
      if (requestedPaths.has(path)) return Promise.resolve();
      return new Promise((resolve) => requestWaiters.push({ path, resolve }));
    },
    async close() {
      for (const c of connections) c.ws.terminate();
      for (const s of sockets) s.destroy();
      wss.close();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
