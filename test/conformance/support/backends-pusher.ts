/**
 * A Pusher Channels server (protocol 7, as Pusher, Soketi and Laravel Reverb speak it), as a `ws` server
 * answering what pusher-js reads: the connection on `/app/<key>?protocol=7&client=js&version=…`, its
 * connection_established, ping/pong, subscriptions, and client events.
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Backend } from './scenario-server';
import { wsBackend } from './backends';

/** The app key the test page passes to `new Pusher(key, …)`. */
export const PUSHER_APP_KEY = 'local';
/**
 * Seconds the server tells the client to wait, silent, before it pings (Pusher sends 120; the client takes
 * the smaller of this and its own activityTimeout). Longer than any scenario, so no ping crosses a close.
 */
export const PUSHER_ACTIVITY_TIMEOUT_S = 120;

interface PusherEvent {
  event: string;
  channel?: string;
  data?: unknown;
}

/** Protocol 7 sends an event's data as a JSON string. */
const frame = (event: string, data: unknown, channel?: string) =>
  JSON.stringify({ event, ...(channel !== undefined && { channel }), data: JSON.stringify(data) });

/**
 * Answers as a Pusher server does: a connection to another path, app or protocol gets `pusher:error` 4001
 * (app does not exist) or 4007 (unsupported protocol) and is closed with that code; otherwise
 * `pusher:connection_established` with a socket id and the activity timeout. `pusher:ping` gets
 * `pusher:pong`; `pusher:subscribe` gets `pusher_internal:subscription_succeeded` (any auth is taken: this
 * server has no app secret to check a private channel's signature with). Pusher does not send a client
 * event back to its sender, so each `client-echo` on a subscribed channel is answered as an app's server
 * answers one it hears (a webhook, then a publish): an `echo` event on that channel.
 */
export const pusherBackend = (): Backend =>
  wsBackend((wss: WebSocketServer) => {
    let sockets = 0;
    wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const refuse = (code: number, message: string) => {
        ws.send(JSON.stringify({ event: 'pusher:error', data: { code, message } }));
        ws.close(code, message);
      };
      if (url.pathname !== `/app/${PUSHER_APP_KEY}`) return refuse(4001, `App key not in use`);
      if (url.searchParams.get('protocol') !== '7') return refuse(4007, 'Unsupported protocol version');
      sockets++;
      const socketId = `${sockets}.${1000 + sockets}`;
      ws.send(
        frame('pusher:connection_established', { socket_id: socketId, activity_timeout: PUSHER_ACTIVITY_TIMEOUT_S }),
      );
      const channels = new Set<string>();
      ws.on('message', (data) => {
        const e = JSON.parse(String(data)) as PusherEvent;
        if (e.event === 'pusher:ping') ws.send(frame('pusher:pong', {}));
        else if (e.event === 'pusher:subscribe') {
          const channel = (e.data as { channel: string }).channel;
          channels.add(channel);
          ws.send(frame('pusher_internal:subscription_succeeded', {}, channel));
        } else if (e.event === 'pusher:unsubscribe') channels.delete((e.data as { channel: string }).channel);
        else if (e.event === 'client-echo' && e.channel !== undefined && channels.has(e.channel))
          ws.send(frame('echo', e.data, e.channel));
      });
    });
  });
