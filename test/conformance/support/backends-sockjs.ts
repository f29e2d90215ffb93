/**
 * A SockJS endpoint with a STOMP broker behind it, as Spring's STOMP over SockJS serves sockjs-client:
 * the SockJS protocol (0.3) as far as the client's WebSocket transport reads it, and in its frames the
 * STOMP session of backends.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { Backend } from './scenario-server';
import { stompSession, wsBackend } from './backends';

/** Where the page's `new SockJS(ORIGIN + SOCKJS_BASE)` points. */
export const SOCKJS_BASE = '/sockjs';

/**
 * The WebSocket transport's URL: `<base>/<server id>/<session id>/websocket`. The protocol lets either id be
 * any string without a dot; sockjs-client draws three digits and eight letters or digits.
 */
const SESSION_PATH = new RegExp(`^${SOCKJS_BASE}/[^/.]+/[^/.]+/websocket$`);

const pathOf = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://x').pathname;

/**
 * `GET <base>/info`, which sockjs-client fetches (same origin: an XHR) before it picks a transport: WebSocket
 * allowed, any origin, no cookie, and the random `entropy` a SockJS server sends.
 */
function info(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' || pathOf(req) !== `${SOCKJS_BASE}/info`) return false;
  const body = {
    websocket: true,
    origins: ['*:*'],
    cookie_needed: false,
    entropy: Math.floor(Math.random() * 2 ** 32),
  };
  res
    .writeHead(200, {
      'content-type': 'application/json; charset=UTF-8',
      'cache-control': 'no-store, no-cache, no-transform, must-revalidate, max-age=0',
    })
    .end(JSON.stringify(body));
  return true;
}

/**
 * Each WebSocket session: the open frame `o` at once, then every STOMP frame the broker sends as a message
 * frame `a["<frame>"]`; what the client sends is a JSON array of strings, each fed to the session. The
 * scenarios' closes are made on the WebSocket with their code (ServerSocket.close), which sockjs-client
 * reports to the app as its own close event with that code. No heartbeat frame (`h`; Spring sends one
 * after 25 s without messages): no scenario is that quiet while a session is open. A handshake to any other
 * path is answered 404, as a SockJS server answers one.
 */
export function sockjsStompBackend(): Backend {
  const backend = wsBackend((wss) =>
    wss.on('connection', (ws: WebSocket) => {
      const session = stompSession((frame) => ws.send(`a${JSON.stringify([frame])}`));
      ws.send('o');
      ws.on('message', (data) => {
        const frames = JSON.parse(String(data)) as unknown;
        for (const f of Array.isArray(frames) ? frames : [frames]) if (typeof f === 'string') session(f);
      });
    }),
  );
  return {
    ...backend,
    handleUpgrade(req: IncomingMessage, socket: Socket, head: Buffer) {
      if (SESSION_PATH.test(pathOf(req))) return backend.handleUpgrade(req, socket, head);
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    },
    handleRequest: info,
  };
}
