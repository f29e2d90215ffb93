/**
 * A SocketCluster server (socketcluster-server's protocol version 2, as socketcluster-client 20 speaks it), as a
 * `ws` server answering what the client reads: the `#handshake` invoke answered with the socket's id and the
 * server's ping timeout, a ping (an empty message) every ping interval, answered by the client with one of its
 * own, and each `echo` the page transmits transmitted back.
 */
import type { WebSocket, WebSocketServer } from 'ws';
import type { Backend } from './scenario-server';
import { wsBackend } from './backends';

/** socketcluster-server's defaults (ms): it pings every 8 s and tells the client to give up after 20 s of silence. */
export const SC_PING_INTERVAL_MS = 8000;
export const SC_PING_TIMEOUT_MS = 20_000;

interface ScPacket {
  event?: string;
  data?: unknown;
  cid?: number;
}

/**
 * Answers as socketcluster-server does on its default path (`/socketcluster/`): a `#handshake` with its
 * `{ id, pingTimeout, isAuthenticated }` (no token, so not authenticated), pings on the server's clock, and
 * the app's `echo` receiver transmitting each message back to its sender.
 */
export const socketClusterBackend = (): Backend =>
  wsBackend((wss: WebSocketServer) => {
    let sockets = 0;
    wss.on('connection', (ws: WebSocket) => {
      const id = `sc-${++sockets}`;
      const ping = setInterval(() => ws.send(''), SC_PING_INTERVAL_MS);
      ws.on('close', () => clearInterval(ping));
      ws.on('message', (data) => {
        const text = String(data);
        if (text === '') return; // the client's pong
        const packets = JSON.parse(text) as ScPacket | ScPacket[];
        for (const p of Array.isArray(packets) ? packets : [packets]) {
          if (p.event === '#handshake' && p.cid !== undefined)
            ws.send(
              JSON.stringify({ rid: p.cid, data: { id, pingTimeout: SC_PING_TIMEOUT_MS, isAuthenticated: false } }),
            );
          else if (p.event === 'echo') ws.send(JSON.stringify({ event: 'echo', data: p.data }));
        }
      });
    });
  });
