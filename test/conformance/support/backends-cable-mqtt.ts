/**
 * Two more servers, as `ws` servers that speak what the client libraries read:
 * Rails' Action Cable (its JSON protocol over `actioncable-v1-json`) and an
 * MQTT 3.1.1 broker over WebSocket (subprotocol `mqtt`), each as far as its
 * client needs it and answered as the real server answers it.
 */
import type { WebSocket, WebSocketServer } from 'ws';
import type { Backend } from './scenario-server';
import { wsBackend } from './backends';

/** ActionCable::Server::Connections::BEAT_INTERVAL: Rails pings every connection every 3 s. */
const CABLE_BEAT_MS = 3000;

/**
 * An Action Cable server as Rails answers the consumer: `welcome` on connect, a `ping` every 3 s, a
 * `confirm_subscription` for a connection's first subscribe command of each identifier (Rails ignores the
 * consumer's repeats: its subscription guarantor subscribes again every 500 ms until it hears the
 * confirmation, and on a loaded machine a second confirmation made the consumer report `connected` twice,
 * on one side of a with/without comparison only), and each message command broadcast back to the
 * subscription as an echo channel would (`{identifier, message}`). `ws` accepts the first subprotocol the
 * client offers, actioncable-v1-json, as Rails does.
 */
export const actionCableBackend = (): Backend =>
  wsBackend((wss: WebSocketServer) => {
    wss.on('connection', (ws: WebSocket) => {
      ws.send(JSON.stringify({ type: 'welcome' }));
      const beat = setInterval(
        () => ws.send(JSON.stringify({ type: 'ping', message: Math.floor(Date.now() / 1000) })),
        CABLE_BEAT_MS,
      );
      ws.on('close', () => clearInterval(beat));
      const subscribed = new Set<string>();
      ws.on('message', (data) => {
        const cmd = JSON.parse(String(data)) as { command: string; identifier: string; data?: string };
        if (cmd.command === 'subscribe') {
          if (subscribed.has(cmd.identifier)) return;
          subscribed.add(cmd.identifier);
          ws.send(JSON.stringify({ identifier: cmd.identifier, type: 'confirm_subscription' }));
        } else if (cmd.command === 'message')
          ws.send(JSON.stringify({ identifier: cmd.identifier, message: JSON.parse(cmd.data ?? 'null') as unknown }));
      });
    });
  });

/** MQTT control packet types (MQTT 3.1.1 §2.2.1). */
const CONNECT = 1;
const PUBLISH = 3;
const SUBSCRIBE = 8;
const UNSUBSCRIBE = 10;
const PINGREQ = 12;
const DISCONNECT = 14;

/** A packet: fixed header byte, the remaining length as MQTT's variable-length integer, the rest. */
function packet(first: number, body: Buffer = Buffer.alloc(0)): Buffer {
  const len: number[] = [];
  let n = body.length;
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 128;
    len.push(b);
  } while (n > 0);
  return Buffer.concat([Buffer.from([first, ...len]), body]);
}

const u16 = (n: number) => Buffer.from([n >> 8, n & 255]);
const str = (s: Buffer) => Buffer.concat([u16(s.length), s]);

/** Splits a byte stream into whole packets (a WebSocket message may hold several, or part of one). */
function packets(onPacket: (type: number, flags: number, body: Buffer) => void): (chunk: Buffer) => void {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      let len = 0;
      let mul = 1;
      let i = 1;
      for (; i < buf.length; i++) {
        const b = buf[i] as number;
        len += (b & 127) * mul;
        mul *= 128;
        if (!(b & 128)) break;
      }
      if (i >= buf.length || buf.length < i + 1 + len) return;
      const first = buf[0] as number;
      onPacket(first >> 4, first & 15, buf.subarray(i + 1, i + 1 + len));
      buf = buf.subarray(i + 1 + len);
    }
  };
}

/**
 * An MQTT 3.1.1 broker over WebSocket, as far as MQTT.js reads it: CONNECT gets CONNACK (accepted, no
 * session), SUBSCRIBE gets SUBACK granting QoS 0, UNSUBSCRIBE gets UNSUBACK, PINGREQ gets PINGRESP, and
 * each PUBLISH (QoS 0, as the page sends) is delivered back to the connection when it subscribed to that
 * topic, as a broker delivers a message to its own publisher. DISCONNECT closes the connection.
 */
export const mqttBackend = (): Backend =>
  wsBackend((wss: WebSocketServer) =>
    wss.on('connection', (ws: WebSocket) => {
      const topics = new Set<string>();
      const onChunk = packets((type, flags, body) => {
        if (type === CONNECT) ws.send(packet(0x20, Buffer.from([0, 0])));
        else if (type === SUBSCRIBE || type === UNSUBSCRIBE) {
          const granted: number[] = [];
          for (let at = 2; at < body.length;) {
            const len = body.readUInt16BE(at);
            const topic = body.subarray(at + 2, at + 2 + len).toString();
            at += 2 + len;
            if (type === SUBSCRIBE) {
              at += 1;
              topics.add(topic);
              granted.push(0);
            } else topics.delete(topic);
          }
          const id = body.subarray(0, 2);
          ws.send(type === SUBSCRIBE ? packet(0x90, Buffer.concat([id, Buffer.from(granted)])) : packet(0xb0, id));
        } else if (type === PUBLISH) {
          const len = body.readUInt16BE(0);
          const topic = body.subarray(2, 2 + len);
          const qos = (flags >> 1) & 3;
          const payload = body.subarray(2 + len + (qos ? 2 : 0));
          if (qos === 1) ws.send(packet(0x40, body.subarray(2 + len, 4 + len)));
          if (topics.has(topic.toString())) ws.send(packet(0x30, Buffer.concat([str(topic), payload])));
        } else if (type === PINGREQ) ws.send(packet(0xd0));
        else if (type === DISCONNECT) ws.close();
      });
      ws.on('message', (data: Buffer) => onChunk(data));
    }),
  );
