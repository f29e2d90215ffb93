/**
 * Bench-only page script, loaded from a temporary copy of the built extension
 * (never from dist/chrome/). It runs the real relay (startRelay: validation,
 * admission, uplink) in an extension page opened as a tab, hands it a private
 * port exactly as the hook does, and plays recorded-shape hook events into it:
 * the relay boundary without 10,000 real sockets.
 */
import { startRelay } from '../../src/content/relay/main';
import { HOOK_PORT_REPLY, HOOK_PORT_REQUEST, type HookEvent } from '../../src/protocol/messages';

export interface BurstResult {
  sockets: number;
  events: number;
  startedAt: number;
  endedAt: number;
}

// Answer the relay's synchronous port request the way the hook does.
const channel = new MessageChannel();
const give = () => {
  window.removeEventListener(HOOK_PORT_REQUEST, give, true);
  window.dispatchEvent(new MessageEvent(HOOK_PORT_REPLY, { ports: [channel.port2] }));
};
window.addEventListener(HOOK_PORT_REQUEST, give, true);
startRelay(window);
const hookPort = channel.port1;

/** As the hook sends them: [sentMessages, sentSize, receivedMessages, receivedSize]. */
const counters: [number, number, number, number] = [3, 96, 5, 1200];
const now = () => performance.timeOrigin + performance.now();

/** What the hook sends for one socket that opened and was closed by the server. */
function socketEvents(k: number, url: string, stack: string): HookEvent[] {
  const at = now();
  return [
    { t: 'socket', k, api: 'WebSocket', url, protocols: [], at, stack },
    { t: 'open', k, at: at + 0.5, protocol: '', extensions: '' },
    { t: 'close', k, at: at + 1, code: 1012, reason: 'service restart', wasClean: true, counters },
  ];
}

/**
 * Sends `sockets` × (socket, open, close) evenly over `durationMs`: each 10 ms
 * tick catches up with the schedule, so a slow timer does not stretch the burst.
 */
export function burst(sockets: number, durationMs: number): Promise<BurstResult> {
  const stack = new Error().stack ?? '';
  const startedAt = now();
  let k = 0;
  let events = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(sockets, Math.ceil((sockets * (now() - startedAt + 10)) / durationMs));
      while (k < due) {
        k++;
        for (const ev of socketEvents(k, `wss://burst.example/ws/${k % 50}?n=${k}`, stack)) {
          hookPort.postMessage(ev);
          events++;
        }
      }
      if (k < sockets) setTimeout(tick, 10);
      else resolve({ sockets: k, events, startedAt, endedAt: now() });
    };
    tick();
  });
}
