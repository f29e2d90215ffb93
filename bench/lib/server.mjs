// A local HTTP + WebSocket server on 127.0.0.1 for the benchmarks: serves the
// benchmark pages from memory. Its sockets, by path:
// - /echo: every message back as it came (text as text, binary as binary);
// - /sink: reads and discards (for the page's cost per sent message);
// - /flood: on a text "N:L", sends N texts of L characters (cost per received message).
// Compression is off, as on most servers.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

/** `endpoints` listening ports share one page table; handshakes to different ports run in parallel. */
export async function startEchoServer(endpoints = 4) {
  const pages = new Map();
  const servers = [];
  for (let i = 0; i < endpoints; i++) servers.push(await listen(pages));
  const { port } = servers[0].http.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/echo`,
    sinkUrl: `ws://127.0.0.1:${port}/sink`,
    floodUrl: `ws://127.0.0.1:${port}/flood`,
    wsUrls: servers.map((s) => `ws://127.0.0.1:${s.http.address().port}/echo`),
    /** Serves a full HTML document at `path`; returns its URL. */
    page(path, html) {
      pages.set(path, html);
      return `http://127.0.0.1:${port}${path}`;
    },
    async close() {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

async function listen(pages) {
  const http = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (html === undefined) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false, maxPayload: 16 * 1024 * 1024 });
  wss.on('connection', (ws, req) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    ws.on('error', () => undefined);
    if (path === '/sink') return;
    if (path === '/flood') {
      ws.on('message', (data) => {
        const [n, len] = String(data).split(':').map(Number);
        const text = 'x'.repeat(Math.min(len || 32, 65536));
        for (let i = 0; i < Math.min(n || 0, 1_000_000); i++) ws.send(text);
      });
      return;
    }
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
  });
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  return {
    http,
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      http.closeAllConnections?.();
      await new Promise((r) => http.close(() => r()));
    },
  };
}
