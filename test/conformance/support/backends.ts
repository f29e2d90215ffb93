/**
 * The real servers each library talks to, behind the scenario server's gate:
 * a plain `ws` echo server (reconnecting-websocket, sockette, partysocket),
 * socket.io with the websocket transport only, graphql-ws's own server from
 * 'graphql-ws/use/ws' with a tiny schema, and `ws` servers that speak the
 * other libraries' protocols as their servers answer them.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { Server as SocketIoServer } from 'socket.io';
import { useServer } from 'graphql-ws/use/ws';
import { createRequire } from 'node:module';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { Backend, ServerSocket } from './scenario-server';

function wrap(ws: WebSocket): ServerSocket {
  const closed = new Promise<number>((r) => ws.once('close', () => r(Date.now())));
  return {
    acceptedAt: Date.now(),
    close: (code, reason) => ws.close(code, reason),
    terminate: () => ws.terminate(),
    closed,
  };
}

/**
 * Shared by the ws-based backends: accepted sockets are reported, then handed to `onConnection`. A library's own
 * server that makes its `ws` server itself (rpc-websockets') passes that one, made with `noServer`.
 */
export function wsBackend(
  onConnection: (wss: WebSocketServer) => void,
  wss: WebSocketServer = new WebSocketServer({ noServer: true }),
): Backend {
  const listeners: ((s: ServerSocket) => void)[] = [];
  onConnection(wss);
  return {
    handleUpgrade(req: IncomingMessage, socket: Socket, head: Buffer) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        for (const l of listeners) l(wrap(ws));
        wss.emit('connection', ws, req);
      });
    },
    onSocket: (l) => void listeners.push(l),
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}

/** Echoes every message back: the page counts what it gets. */
export const echoBackend = (): Backend =>
  wsBackend((wss) =>
    wss.on('connection', (ws: WebSocket) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }))),
  );

/**
 * socket.io, websocket transport only. Closes and drops are made on the
 * underlying engine.io `ws` socket, so the page sees the code itself.
 */
export function socketIoBackend(http: Server): Backend {
  const io = new SocketIoServer(http, { transports: ['websocket'], serveClient: false });
  const listeners: ((s: ServerSocket) => void)[] = [];
  io.on('connection', (socket) => {
    socket.on('echo', (msg: unknown) => socket.emit('echo', msg));
    const ws = (socket.conn.transport as unknown as { socket: WebSocket }).socket;
    for (const l of listeners) l(wrap(ws));
  });
  return {
    handleUpgrade: (req, socket, head) => io.engine.handleUpgrade(req, socket, head),
    onSocket: (l) => void listeners.push(l),
    async close() {
      // Not io.close(): that also closes the HTTP server, which the scenario server owns.
      io.disconnectSockets(true);
      io.engine.close();
    },
  };
}

/** An async iterator that never yields and ends when the server returns it (socket gone). */
function forever(): AsyncIterableIterator<string> {
  let stop: ((v: IteratorResult<string>) => void) | undefined;
  const done: IteratorResult<string> = { done: true, value: undefined };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => new Promise((r) => (stop = r)),
    return: () => {
      stop?.(done);
      return Promise.resolve(done);
    },
  };
}

// graphql-ws's server, loaded by Node, gets graphql's CommonJS build; the schema must come
// from that same module instance (Vite would resolve a bare import to the .mjs one).
const { GraphQLObjectType, GraphQLSchema, GraphQLString } = createRequire(import.meta.url)(
  'graphql',
) as typeof import('graphql');

/** The tiny schema both GraphQL servers serve (graphql-ws's, and subscriptions-transport-ws's: backends-legacy-graphql.ts). */
export const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: {
        type: GraphQLString,
        args: { text: { type: GraphQLString } },
        resolve: (_src, args: { text?: string }) => args.text ?? '',
      },
    },
  }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    // Keeps a subscription (and so the lazy client's socket) alive.
    fields: { forever: { type: GraphQLString, subscribe: () => forever(), resolve: (v: string) => v } },
  }),
});

/**
 * Phoenix's channel protocol (serializer vsn 2.0.0: `[joinRef, ref, topic, event, payload]`), as a
 * Phoenix endpoint answers it: heartbeats and joins are replied to, and each `echo` push is replied
 * to and broadcast back on its topic. Only what the client library reads is modelled.
 *
 * Supabase Realtime is a Phoenix endpoint too, and its client (@supabase/realtime-js) speaks the same
 * text frames, but sends a broadcast as a binary "user broadcast push" (serializer.ts). Those are
 * answered as the Realtime server answers them, per the options the channel joined with: an ok reply
 * when it asked for `ack`, and the message back as a binary "user broadcast" when it asked for `self`.
 */
export const phoenixBackend = (): Backend =>
  wsBackend((wss) =>
    wss.on('connection', (ws: WebSocket) => {
      const broadcastOptions = new Map<string, { ack?: boolean; self?: boolean }>();
      ws.on('message', (data, isBinary) => {
        if (isBinary) return userBroadcastPush(ws, data as Buffer, broadcastOptions);
        const [joinRef, ref, topic, event, payload] = JSON.parse(String(data)) as [
          string | null,
          string | null,
          string,
          string,
          { config?: { broadcast?: { ack?: boolean; self?: boolean } } } | undefined,
        ];
        if (event === 'phx_join') broadcastOptions.set(topic, payload?.config?.broadcast ?? {});
        ws.send(JSON.stringify([joinRef, ref, topic, 'phx_reply', { status: 'ok', response: {} }]));
        if (event === 'echo') ws.send(JSON.stringify([joinRef, null, topic, 'echo', payload]));
      });
    }),
  );

/**
 * Supabase Realtime's binary broadcast (realtime-js serializer.ts): a push is kind 3 with seven header
 * bytes (kind; lengths of join ref, ref, topic, event and metadata; payload encoding) before those
 * fields and the payload; what the server sends back is kind 4 with five (kind; lengths of topic, event
 * and metadata; payload encoding) before the same fields without the refs.
 */
function userBroadcastPush(
  ws: WebSocket,
  frame: Buffer,
  optionsByTopic: ReadonlyMap<string, { ack?: boolean; self?: boolean }>,
): void {
  if (frame[0] !== 3) return;
  const [joinRefLen = 0, refLen = 0, topicLen = 0, eventLen = 0, metaLen = 0, encoding = 0] = frame.subarray(1, 7);
  let at = 7;
  const field = (n: number) => frame.subarray(at, (at += n));
  const joinRef = field(joinRefLen).toString();
  const ref = field(refLen).toString();
  const topic = field(topicLen);
  const event = field(eventLen);
  const meta = field(metaLen);
  const payload = frame.subarray(at);
  const options = optionsByTopic.get(topic.toString()) ?? {};
  if (options.ack)
    ws.send(JSON.stringify([joinRef || null, ref, topic.toString(), 'phx_reply', { status: 'ok', response: {} }]));
  if (options.self)
    ws.send(Buffer.concat([Buffer.from([4, topicLen, eventLen, metaLen, encoding]), topic, event, meta, payload]), {
      binary: true,
    });
}

/** A STOMP frame: command, headers, body, NUL. */
const stompFrame = (command: string, headers: Record<string, string>, body = '') =>
  `${command}\n${Object.entries(headers)
    .map(([k, v]) => `${k}:${v}\n`)
    .join('')}\n${body}\0`;

/**
 * One STOMP 1.2 session of a broker, as far as the client library reads it (Spring's and RabbitMQ's brokers
 * answer the same frames): CONNECT gets CONNECTED with no heart-beats either way, and each SEND goes back as
 * a MESSAGE to the session's subscription on that destination. Takes the text the client sent (one or more
 * frames) and hands each frame to `send`; the transport around it is the caller's.
 */
export function stompSession(send: (frame: string) => void): (text: string) => void {
  const subscriptions = new Map<string, string>();
  let sent = 0;
  return (data) => {
    for (const raw of data.split('\0')) {
      const text = raw.replace(/^\n+/, '');
      if (!text) continue;
      const [head = '', body = ''] = text.split('\n\n');
      const [command, ...lines] = head.split('\n');
      const h = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
      if (command === 'CONNECT' || command === 'STOMP')
        send(stompFrame('CONNECTED', { version: '1.2', 'heart-beat': '0,0' }));
      else if (command === 'SUBSCRIBE' && h.destination && h.id) subscriptions.set(h.destination, h.id);
      else if (command === 'SEND' && h.destination) {
        const subscription = subscriptions.get(h.destination);
        if (subscription)
          send(stompFrame('MESSAGE', { destination: h.destination, subscription, 'message-id': String(++sent) }, body));
      }
    }
  };
}

/** A STOMP 1.2 broker over WebSocket, one session per connection. `ws` accepts the first subprotocol the client asks for (v12.stomp). */
export const stompBackend = (): Backend =>
  wsBackend((wss) =>
    wss.on('connection', (ws: WebSocket) => {
      const session = stompSession((frame) => ws.send(frame));
      ws.on('message', (data) => session(String(data)));
    }),
  );

/**
 * Centrifugo's client protocol (JSON, one command or reply per line), as far as the client reads it:
 * a connect command gets a connect result (no server pings asked for), an async `send` comes back as
 * a message push, and any other command with an id gets an empty reply.
 */
export const centrifugoBackend = (): Backend =>
  wsBackend((wss) => {
    let clients = 0;
    wss.on('connection', (ws: WebSocket) =>
      ws.on('message', (data) => {
        for (const line of String(data).split('\n')) {
          if (!line.trim()) continue;
          const cmd = JSON.parse(line) as { id?: number; connect?: unknown; send?: { data: unknown } };
          if (cmd.connect) ws.send(JSON.stringify({ id: cmd.id, connect: { client: `c${++clients}`, version: '0' } }));
          else if (cmd.send) ws.send(JSON.stringify({ push: { message: { data: cmd.send.data } } }));
          else if (cmd.id) ws.send(JSON.stringify({ id: cmd.id }));
        }
      }),
    );
  });

/**
 * An ASP.NET Core SignalR hub over WebSocket with the JSON hub protocol (records end with 0x1E), as far
 * as the client reads it: the handshake gets an empty response, and each `echo` invocation is invoked
 * back on the client with the same arguments. Pings and the client's close message need no answer.
 */
export const signalrBackend = (): Backend =>
  wsBackend((wss) =>
    wss.on('connection', (ws: WebSocket) => {
      let handshaken = false;
      ws.on('message', (data) => {
        for (const record of String(data).split('\u001e')) {
          if (!record) continue;
          const m = JSON.parse(record) as { type?: number; target?: string; arguments?: unknown[] };
          if (!handshaken) {
            handshaken = true;
            ws.send('{}\u001e');
          } else if (m.type === 1 && m.target === 'echo') {
            ws.send(`${JSON.stringify({ type: 1, target: 'echo', arguments: m.arguments ?? [] })}\u001e`);
          }
        }
      });
    }),
  );

/** y-websocket's message types (src/y-websocket.js): a sync message, or an awareness update. */
const Y_SYNC = 0;
const Y_AWARENESS = 1;

/**
 * A Yjs room over WebSocket, as y-websocket's server (its setupWSConnection) answers the provider: one
 * shared document and awareness per server, with the sync protocol from y-protocols (the package the
 * provider itself speaks it with). A connection gets the server's sync step 1 and the awareness states
 * it knows, each sync message from the client is answered (step 1 with step 2, which is what marks the
 * provider synced), and every document or awareness update is sent to every connection, the sender's
 * too. An echo peer in the room answers each item the page pushes to the array `out` with one item in
 * the array `in`, as a collaborator's edit would arrive: those are the page's echoes.
 */
export const yjsBackend = (): Backend => {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const conns = new Map<WebSocket, Set<number>>();
  const echoPeer = {};
  const message = (type: number, write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, type);
    write(e);
    return encoding.toUint8Array(e);
  };
  const toAll = (m: Uint8Array) => {
    for (const ws of conns.keys()) if (ws.readyState === ws.OPEN) ws.send(m);
  };
  doc.on('update', (update: Uint8Array) => toAll(message(Y_SYNC, (e) => syncProtocol.writeUpdate(e, update))));
  awareness.on(
    'update',
    ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const owned = conns.get(origin as WebSocket);
      if (owned) {
        for (const id of [...added, ...updated]) owned.add(id);
        for (const id of removed) owned.delete(id);
      }
      toAll(
        message(Y_AWARENESS, (e) =>
          encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, changed)),
        ),
      );
    },
  );
  const inbox = doc.getArray<string>('in');
  doc.getArray<string>('out').observe((event, tr) => {
    if (tr.origin === echoPeer) return;
    const items = event.changes.delta.flatMap((d) => (Array.isArray(d.insert) ? (d.insert as string[]) : []));
    // After the page's transaction: an edit of the peer's own, as it would come from another client.
    queueMicrotask(() => doc.transact(() => inbox.push(items), echoPeer));
  });
  const backend = wsBackend((wss) =>
    wss.on('connection', (ws: WebSocket) => {
      conns.set(ws, new Set());
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        const type = decoding.readVarUint(decoder);
        if (type === Y_SYNC) {
          const reply = encoding.createEncoder();
          encoding.writeVarUint(reply, Y_SYNC);
          syncProtocol.readSyncMessage(decoder, reply, doc, ws);
          if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
        } else if (type === Y_AWARENESS) {
          awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), ws);
        }
      });
      ws.on('close', () => {
        const owned = conns.get(ws);
        conns.delete(ws);
        if (owned?.size) awarenessProtocol.removeAwarenessStates(awareness, [...owned], null);
      });
      ws.send(message(Y_SYNC, (e) => syncProtocol.writeSyncStep1(e, doc)));
      const known = [...awareness.getStates().keys()];
      if (known.length)
        ws.send(
          message(Y_AWARENESS, (e) =>
            encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, known)),
          ),
        );
    }),
  );
  return {
    ...backend,
    async close() {
      await backend.close();
      awareness.destroy();
      doc.destroy();
    },
  };
};

/** graphql-ws's real server on a `ws` server. */
export const graphqlWsBackend = (): Backend => wsBackend((wss) => void useServer({ schema }, wss));
