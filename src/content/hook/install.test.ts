import { describe, expect, it } from 'vitest';
import { installHook } from './install';
import {
  FakeDOMException,
  FakeStream,
  FakeWebSocket,
  FakeWebSocketError,
  maps,
  posted,
  weakKeys,
  win,
} from './fake-window';

installHook(win);
const Hooked = (win as unknown as { WebSocket: new (url: string) => FakeWebSocket }).WebSocket;
const HookedStream = (win as unknown as { WebSocketStream: new (url: string) => FakeStream }).WebSocketStream;

const closesOf = (ks: number[]) => posted.filter((e) => e.t === 'close' && ks.includes(e.k));
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('installHook: what it keeps per socket', () => {
  it('keeps nothing for a WebSocket after its close event, however many were opened and closed', () => {
    const sockets = Array.from({ length: 300 }, (_, i) => new Hooked(`ws://127.0.0.1/${i}`));
    const ks = posted.filter((e) => e.t === 'socket').map((e) => e.k);
    expect(ks).toHaveLength(300);
    for (const ws of sockets) expect([...weakKeys]).toContain(ws); // tracked while open
    for (const ws of sockets) {
      ws.close();
      ws.closed();
    }
    expect(closesOf(ks)).toHaveLength(300); // every close was recorded before its record went
    expect([...weakKeys].filter((k) => k instanceof FakeWebSocket)).toEqual([]);
    expect(maps.map((m) => m.size)).toEqual(maps.map(() => 0));
  });

  it("converts close()'s object arguments once, in order, and leaves the reason alone after a code that cannot be a number", () => {
    const ws = new Hooked('ws://127.0.0.1/convert');
    const calls: string[] = [];
    const reason = { toString: () => (calls.push('reason'), 'r') };
    for (const code of [Symbol('s'), 1n, { valueOf: () => (calls.push('code'), Symbol('v')) }]) {
      expect(() => ws.close(code as never, reason as never)).toThrow(TypeError);
    }
    expect(calls).toEqual(['code']);
    const before = posted.length;
    ws.close({ valueOf: () => (calls.push('code'), '4000') } as never, reason as never);
    expect(calls).toEqual(['code', 'code', 'reason']);
    expect(posted.slice(before)).toMatchObject([{ t: 'close-call', code: 4000, reason: 'r' }]);
    ws.closed();
  });

  it('passes send() and close() on a socket already closed to the browser without recording them', () => {
    const ws = new Hooked('ws://127.0.0.1/late');
    ws.closed(1006);
    const before = posted.length;
    ws.send('late');
    ws.close();
    expect(ws.nativeCalls).toEqual(['send', 'close']);
    expect(posted.slice(before)).toEqual([]);
  });

  it('keeps nothing for a WebSocketStream once its closed promise settles', async () => {
    const streams = Array.from({ length: 50 }, (_, i) => new HookedStream(`ws://127.0.0.1/s${i}`));
    const ks = posted.filter((e) => e.t === 'socket' && e.api === 'WebSocketStream').map((e) => e.k);
    expect(ks).toHaveLength(50);
    expect([...weakKeys].filter((k) => k instanceof FakeStream)).toHaveLength(50);
    for (const s of streams) s.end({ closeCode: 1000, reason: '' });
    await tick();
    expect(closesOf(ks)).toHaveLength(50);
    expect([...weakKeys].filter((k) => k instanceof FakeStream)).toEqual([]);
  });
});

describe('installHook: who ended a WebSocketStream', () => {
  const endOf = async (path: string, end: (s: FakeStream) => void) => {
    const s = new HookedStream(`ws://127.0.0.1/${path}`);
    const k = posted.filter((e) => e.t === 'socket').at(-1)?.k ?? -1;
    end(s);
    await tick();
    return posted.filter((e) => e.k === k && (e.t === 'close-call' || e.t === 'close'));
  };

  it("records a handshake the page's signal aborted as ended by a close() call, before the close", async () => {
    // The browser rejects `closed` with an AbortError, not a WebSocketError: no server or network was involved.
    const events = await endOf('aborted', (s) =>
      s.fail(new FakeDOMException('WebSocket handshake was aborted', 'AbortError')),
    );
    expect(events.map((e) => e.t)).toEqual(['close-call', 'close']);
    expect(events[0]).toMatchObject({ t: 'close-call', readyState: -1, code: undefined, reason: undefined });
    expect(events[1]).toMatchObject({ t: 'close', code: 1006, wasClean: false });
  });

  it('records no close() call for a connection that failed or that the server closed', async () => {
    const failed = await endOf('failed', (s) => s.fail(new FakeWebSocketError('not cleanly closed', 1006)));
    expect(failed.map((e) => e.t)).toEqual(['close']);
    expect(failed[0]).toMatchObject({ code: 1006, wasClean: false });
    const clean = await endOf('clean', (s) => s.end({ closeCode: 4000, reason: 'bye' }));
    expect(clean.map((e) => e.t)).toEqual(['close']);
  });
});

describe('installHook: per message', () => {
  it('counts text without asking the socket its binaryType, and binary data with it', () => {
    const ws = new Hooked('ws://127.0.0.1/count');
    const k = posted.filter((e) => e.t === 'socket').at(-1)?.k ?? -1;
    for (const text of ['hello', 'héllo', '']) ws.received(text);
    expect(ws.binaryTypeReads).toBe(0);
    ws.received(new ArrayBuffer(8));
    expect(ws.binaryTypeReads).toBe(1);
    ws.closed();
    const close = closesOf([k])[0];
    expect(close?.t === 'close' && close.counters).toEqual([0, 0, 4, 18]);
  });
});

describe('installHook: a hostile page', () => {
  it('announces a socket whose protocols list is a Proxy with a throwing trap, and numbers the next in sequence', () => {
    // The browser reads the list through its iterator (`get`), so the page's throwing descriptor trap
    // passes there; the hook reads own descriptors, and must not lose the socket (or its number) to it.
    const trap = new Proxy(['chat'], {
      getOwnPropertyDescriptor() {
        throw new Error('trap');
      },
    });
    const before = posted.length;
    const WithProtocols = Hooked as unknown as new (url: string, protocols: unknown) => FakeWebSocket;
    new WithProtocols('ws://127.0.0.1/proxy-protocols', trap);
    new Hooked('ws://127.0.0.1/after-proxy');
    const announced = posted.slice(before).filter((e) => e.t === 'socket');
    expect(announced.map((e) => e.url)).toEqual(['ws://127.0.0.1/proxy-protocols', 'ws://127.0.0.1/after-proxy']);
    const [first, second] = announced;
    expect(second?.k).toBe((first?.k ?? NaN) + 1);
    // Something was asked for, which the hook could not read again: one unreadable entry, not none.
    expect(first?.t === 'socket' && first.protocols).toEqual(['?']);
  });

  it('announces a socket whose protocols list is a revoked Proxy, without skipping a number', () => {
    // The browser iterated the list before the page revoked it; the hook's read comes after.
    const { proxy, revoke } = Proxy.revocable(['chat'], {});
    revoke();
    const before = posted.length;
    const WithProtocols = Hooked as unknown as new (url: string, protocols: unknown) => FakeWebSocket;
    for (let i = 0; i < 10; i++) new WithProtocols(`ws://127.0.0.1/revoked-${i}`, proxy);
    new Hooked('ws://127.0.0.1/after-revoked');
    const announced = posted.slice(before).filter((e) => e.t === 'socket');
    expect(announced).toHaveLength(11);
    expect(announced.map((e) => e.k)).toEqual(announced.map((_, i) => (announced[0]?.k ?? NaN) + i));
  });

  it('records the protocols a primitive, a list or another iterable asks for, as far as it can read them', () => {
    const WithProtocols = Hooked as unknown as new (url: string, protocols: unknown) => FakeWebSocket;
    const cases: [unknown, string[]][] = [
      [undefined, []],
      ['chat', ['chat']],
      [null, ['null']],
      [5, ['5']],
      [false, ['false']],
      [
        ['a', 'b'],
        ['a', 'b'],
      ],
      [new String('ab'), ['a', 'b']],
      [[], []],
      // Iterables with no length: the browser iterated them; the hook does not run their iterators again.
      [new Set(['chat', 'v2']), ['?']],
      [(function* () {})(), ['?']],
    ];
    const before = posted.length;
    cases.forEach(([p], i) => new WithProtocols(`ws://127.0.0.1/primitive-${i}`, p));
    const announced = posted.slice(before).filter((e) => e.t === 'socket');
    expect(announced.map((e) => e.t === 'socket' && e.protocols)).toEqual(cases.map(([, want]) => want));
  });

  it('announces sockets in the order of their numbers when page code run by the hook opens another', () => {
    // Error.prepareStackTrace runs when the hook takes a socket's stack: a socket opened there must not
    // be announced with a number after its creator's, which the relay would take as a duplicate.
    const E = Error as unknown as { prepareStackTrace?: (e: Error, s: unknown[]) => unknown };
    let inner = true;
    const before = posted.length;
    E.prepareStackTrace = () => {
      if (inner) {
        inner = false;
        new Hooked('ws://127.0.0.1/inner');
      }
      return '';
    };
    try {
      new Hooked('ws://127.0.0.1/outer');
    } finally {
      delete E.prepareStackTrace;
    }
    const announced = posted.slice(before).filter((e) => e.t === 'socket');
    expect(announced.map((e) => e.url)).toEqual(['ws://127.0.0.1/inner', 'ws://127.0.0.1/outer']);
    expect(announced[1]?.k).toBe((announced[0]?.k ?? NaN) + 1);
  });

  it('counts no send() the browser discards once the socket is closing', () => {
    const ws = new Hooked('ws://127.0.0.1/send-after-close');
    const k = posted.filter((e) => e.t === 'socket').at(-1)?.k ?? -1;
    ws.state = 1;
    ws.send('sent');
    ws.close();
    ws.send('discarded');
    ws.closed();
    const close = closesOf([k])[0];
    expect(close?.t === 'close' && close.counters).toEqual([1, 4, 0, 0]);
  });
});

describe('installHook: errors the browser throws through the hook', () => {
  const thrownBy = (ws: FakeWebSocket, error: () => unknown) => {
    ws.sendError = error;
    try {
      (function pageCall() {
        ws.send('x');
      })();
    } catch (e) {
      return String((e as Error).stack).split('\n');
    } finally {
      ws.sendError = undefined;
    }
    throw new Error('send() did not throw');
  };

  it("leaves no frame of the hook's (nor of the native's) on a DOMException's stack: it starts at the page's call", () => {
    const ws = new Hooked('ws://127.0.0.1/throws-dom');
    const stack = thrownBy(ws, () => new FakeDOMException('Still in CONNECTING state.', 'InvalidStateError'));
    expect(stack[0]).toBe('InvalidStateError: Still in CONNECTING state.');
    expect(stack[1]).toMatch(/at pageCall /);
    expect(stack.join('\n')).not.toMatch(/natives|sockets|fake-window/);
  });

  it('keeps the stack of any other error: its frames above the hook are the code that made it', () => {
    const ws = new Hooked('ws://127.0.0.1/throws-type');
    const stack = thrownBy(ws, () => new TypeError('made by page code a native ran'));
    expect(stack.join('\n')).toMatch(/fake-window/);
    expect(stack.some((line) => /at pageCall /.test(line))).toBe(true);
  });
});
