import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installHook } from './install';
import { command, FakeWebSocket, posted, win } from './fake-window';

installHook(win);
const Hooked = (win as unknown as { WebSocket: new (url: string) => FakeWebSocket }).WebSocket;

/** An open socket, as the page sees it, with the page's own message listener logging what it gets. */
function openSocket(path: string) {
  const ws = new Hooked(`ws://127.0.0.1/${path}`);
  const k = posted.filter((e) => e.t === 'socket').at(-1)?.k ?? -1;
  const seen: unknown[] = [];
  ws.addEventListener('message', (e) => seen.push((e as MessageEvent).data));
  ws.state = 1;
  return { ws, k, seen };
}
const eventsOf = (k: number, t: string) => posted.filter((e) => e.t === t && 'k' in e && e.k === k);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a simulated stall in the hook', () => {
  it('withholds a frame from the page and drops it when the stall ends in a close', () => {
    const { ws, k, seen } = openSocket('drop');
    ws.received('before');
    command({ t: 'simulate-stall', k, seconds: 30 });
    ws.received('held');
    ws.send('ping');
    expect(seen).toEqual(['before']);
    expect(ws.nativeCalls).toEqual([]); // the page's send stayed in the hook
    // The page gives up on the silent socket (its heartbeat went unanswered) before the stall's end.
    ws.close();
    ws.closed(4000);
    expect(eventsOf(k, 'stall-end')).toMatchObject([{ outcome: 'dropped', heldIn: 1, heldOut: 1 }]);
    // The stall's time runs out after the close: nothing held reaches the page or the network.
    vi.advanceTimersByTime(31_000);
    expect(seen).toEqual(['before']);
    expect(ws.nativeCalls).toEqual(['close']);
  });

  it('sends the held sends, then delivers the held frames in order, when the socket is still open at the end', () => {
    const { ws, k, seen } = openSocket('deliver');
    command({ t: 'simulate-stall', k, seconds: 8 });
    ws.received('m1');
    ws.received('m2');
    ws.send('ping');
    vi.advanceTimersByTime(7_999);
    expect(seen).toEqual([]);
    expect(ws.nativeCalls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['m1', 'm2']);
    expect(ws.nativeCalls).toEqual(['send']);
    expect(eventsOf(k, 'stall-end')).toMatchObject([{ outcome: 'delivered', heldIn: 2, heldOut: 1 }]);
    // After the stall, frames reach the page at once again.
    ws.received('m3');
    expect(seen).toEqual(['m1', 'm2', 'm3']);
  });

  it('sends what was held before what the page sends while catching up, as the network would', () => {
    const { ws, k } = openSocket('order');
    // The page answers each ping at once, as a heartbeat does.
    ws.addEventListener('message', (e) => (e as MessageEvent).data === 'ping' && ws.send('pong'));
    command({ t: 'simulate-stall', k, seconds: 8 });
    ws.send('update');
    ws.received('ping');
    vi.advanceTimersByTime(8_000);
    // The update went into the connection before the stall ended: the server gets it before the answer.
    expect(ws.sent).toEqual(['update', 'pong']);
  });

  it('leaves a send() without its argument to the browser, whose error the page gets as without the hook', () => {
    const { ws, k } = openSocket('no-argument');
    command({ t: 'simulate-stall', k, seconds: 8 });
    ws.send();
    expect(ws.nativeCalls).toEqual(['send()']);
    vi.advanceTimersByTime(8_000);
    expect(eventsOf(k, 'stall-end')).toMatchObject([{ outcome: 'delivered', heldIn: 0, heldOut: 0 }]);
  });
});
