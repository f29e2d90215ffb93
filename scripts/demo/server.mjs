// The demo's local server on 127.0.0.1: serves the demo page and WebSocket
// endpoints that misbehave on cue, one scripted scenario per path.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';

const SCENARIOS = {
  // A server restart: the first connection is closed with 1012, later ones stay up.
  '/restart': (ws, n) => n === 1 && setTimeout(() => ws.close(1012, 'Service restart'), 500),
  // Overload: the first three connections are turned away with 1013.
  '/overload': (ws, n) => n <= 3 && setTimeout(() => ws.close(1013, 'Try again later'), 50),
  // A policy violation the page retries blindly.
  '/policy': (ws) => setTimeout(() => ws.close(1008, 'Token expired'), 50),
  // A clean goodbye.
  '/clean': (ws, n) => n === 1 && setTimeout(() => ws.close(1000, 'Bye'), 500),
  // The TCP connection dies under the first socket.
  '/drop': (ws, n) => n === 1 && setTimeout(() => ws.terminate(), 500),
};

export async function startDemoServer() {
  const page = readFileSync(new URL('./page.html', import.meta.url), 'utf8');
  const http = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname === '/')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server: http });
  const counts = new Map();
  wss.on('connection', (ws, req) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
    SCENARIOS[path]?.(ws, n);
  });
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  const { port } = http.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise((r) => http.close(r));
    },
  };
}
