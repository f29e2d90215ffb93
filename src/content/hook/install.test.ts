import { describe, expect, it } from 'vitest';
import { installHook } from './install';
import type { HookEvent } from '../../protocol/messages';

// A window of fakes with the shapes the hook reads at install (getters on prototypes, as in a
// browser), so a test can act as the browser: fire trusted events and read what the hook posts.
// The test environment's DOM classes keep event fields as plain properties, which the hook's
// saved getters cannot read.
const listeners = new WeakMap<object, Map<string, ((e: unknown) => void)[]>>();
class FakeEventTarget {
  addEventListener(type: string, fn: (e: unknown) => void) {
    const byType = listeners.get(this) ?? listeners.set(this, new Map()).get(this);
    byType?.set(type, [...(byType.get(type) ?? []), fn]);
  }
  removeEventListener(type: string, fn: (e: unknown) => void) {
    const byType = listeners.get(this);
    byType?.set(
      type,
      (byType.get(type) ?? []).filter((f) => f !== fn),
    );
  }
  dispatchEvent(e: FakeEvent) {
    for (const fn of listeners.get(this)?.get(e.type) ?? []) fn(e);
    return true;
  }
}
class FakeEvent {
  isTrusted = false;
  constructor(readonly type: string) {}
  stopImmediatePropagation() {}
}
class FakeCloseEvent extends FakeEvent {
  constructor(
    type: string,
    private readonly init: { code: number; reason: string; wasClean: boolean },
  ) {
    super(type);
  }
  get code() {
    return this.init.code;
  }
  get reason() {
    return this.init.reason;
  }
  get wasClean() {
    return this.init.wasClean;
  }
}
class FakeMessageEvent extends FakeEvent {
  constructor(
    type: string,
    private readonly init: { data?: unknown; ports?: unknown[] } = {},
  ) {
    super(type);
  }
  get data() {
    return this.init.data;
  }
  get origin() {
    return '';
  }
  get lastEventId() {
    return '';
  }
}
const posted: HookEvent[] = [];
class FakePort {
  onmessage: unknown = null;
  postMessage(ev: HookEvent) {
    posted.push(ev);
  }
}
class FakeChannel {
  port1 = new FakePort();
  port2 = new FakePort();
}
/** The browser's side of a socket: what the page's calls reach, and the events it fires. */
class FakeWebSocket extends FakeEventTarget {
  state = 0;
  nativeCalls: string[] = [];
  constructor(readonly target: string) {
    super();
  }
  get url() {
    return this.target;
  }
  get protocol() {
    return '';
  }
  get extensions() {
    return '';
  }
  get binaryType() {
    return 'blob';
  }
  get readyState() {
    return this.state;
  }
  send() {
    this.nativeCalls.push('send');
  }
  close() {
    this.nativeCalls.push('close');
    if (this.state < 2) this.state = 2;
  }
  /** The browser ends the connection: a trusted close event. */
  closed(code = 1000) {
    this.state = 3;
    const e = new FakeCloseEvent('close', { code, reason: '', wasClean: true });
    e.isTrusted = true;
    this.dispatchEvent(e);
  }
}
/** Every key the hook's WeakMaps hold right now (a WeakMap cannot be enumerated, so this one counts). */
const weakKeys = new Set<object>();
class CountingWeakMap<K extends object, V> extends WeakMap<K, V> {
  override set(k: K, v: V) {
    weakKeys.add(k);
    return super.set(k, v);
  }
  override delete(k: K) {
    weakKeys.delete(k);
    return super.delete(k);
  }
}
const maps: Map<unknown, unknown>[] = [];
class TrackedMap<K, V> extends Map<K, V> {
  constructor() {
    super();
    maps.push(this);
  }
}
/** A WebSocketStream whose `closed` promise the test settles. */
class FakeStream {
  end: (v: { closeCode: number; reason: string }) => void = () => undefined;
  private readonly o = Promise.resolve({ protocol: '', extensions: '' });
  private readonly c = new Promise<{ closeCode: number; reason: string }>((resolve) => (this.end = resolve));
  constructor(readonly target: string) {}
  get url() {
    return this.target;
  }
  get opened() {
    return this.o;
  }
  get closed() {
    return this.c;
  }
  close() {}
}

const win = Object.assign(new FakeEventTarget(), {
  WebSocket: FakeWebSocket,
  WebSocketStream: FakeStream,
  EventTarget: FakeEventTarget,
  Event: FakeEvent,
  CloseEvent: FakeCloseEvent,
  MessageEvent: FakeMessageEvent,
  MessageChannel: FakeChannel,
  MessagePort: FakePort,
  WeakMap: CountingWeakMap,
  Map: TrackedMap,
  Function: { prototype: { toString: Function.prototype.toString } },
  Error,
  Promise,
  String,
  Blob,
  ArrayBuffer,
  Uint8Array,
  DataView,
  performance,
  setTimeout,
  clearTimeout,
}) as unknown as Window & typeof globalThis;
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

  it('passes send() and close() on a socket already closed to the browser without recording them', () => {
    const ws = new Hooked('ws://127.0.0.1/late');
    ws.closed(1006);
    const before = posted.length;
    ws.send();
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
    expect(first?.t === 'socket' && first.protocols).toEqual([]);
  });
});
