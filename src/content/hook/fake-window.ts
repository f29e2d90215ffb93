/**
 * A window of fakes with the shapes the hook reads at install (getters on prototypes, as in a
 * browser), so a test can act as the browser: fire trusted events, send the relay's commands on the
 * private port, and read what the hook posts. The test environment's DOM classes keep event fields
 * as plain properties, which the hook's saved getters cannot read. Test-only.
 */
import type { HookCommand, HookEvent } from '../../protocol/messages';

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
    for (const fn of listeners.get(this)?.get(e.type) ?? []) {
      // As in a browser: once a listener stops the event, no later listener sees it.
      if (e.stopped) break;
      fn(e);
    }
    return true;
  }
}
class FakeEvent {
  isTrusted = false;
  stopped = false;
  constructor(readonly type: string) {}
  stopImmediatePropagation() {
    this.stopped = true;
  }
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
export class FakeMessageEvent extends FakeEvent {
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
export const posted: HookEvent[] = [];
class FakePort {
  onmessage: unknown = null;
  postMessage(ev: HookEvent) {
    posted.push(ev);
  }
}
class FakeChannel {
  port1 = new FakePort();
  port2 = new FakePort();
  constructor() {
    channels.push(this);
  }
}
const channels: FakeChannel[] = [];

/** Sends a command on the hook's private port, as the relay does (the hook's own end is port1). */
export function command(cmd: HookCommand): void {
  const e = new FakeMessageEvent('message', { data: cmd });
  (channels[0]?.port1.onmessage as ((e: unknown) => void) | undefined)?.(e);
}
/** The browser's side of a socket: what the page's calls reach, and the events it fires. */
export class FakeWebSocket extends FakeEventTarget {
  state = 0;
  nativeCalls: string[] = [];
  /** What reached the network through send(), in order. */
  sent: unknown[] = [];
  /** Reads of binaryType: each is a call into the browser on a real socket. */
  binaryTypeReads = 0;
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
    this.binaryTypeReads++;
    return 'blob';
  }
  get readyState() {
    return this.state;
  }
  /** Set by a test: what send() throws, made at the call as a browser makes its errors. */
  sendError?: () => unknown;
  send(...args: unknown[]) {
    // A browser throws for a call without its argument: 'send()' marks one that reached it.
    this.nativeCalls.push(args.length ? 'send' : 'send()');
    if (this.sendError) throw this.sendError();
    this.sent.push(args[0]);
  }
  /** Converts its arguments as the bindings do (ToNumber, then ToString), which throws for a Symbol or BigInt code. */
  close(code?: unknown, reason?: unknown) {
    if (code !== undefined) void +(code as number);
    if (reason !== undefined) void `${reason as string}`;
    this.nativeCalls.push('close');
    if (this.state < 2) this.state = 2;
  }
  /** A message arrives from the server: a trusted message event. */
  received(data: unknown) {
    const e = new FakeMessageEvent('message', { data });
    e.isTrusted = true;
    this.dispatchEvent(e);
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
export const weakKeys = new Set<object>();
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
export const maps: Map<unknown, unknown>[] = [];
class TrackedMap<K, V> extends Map<K, V> {
  constructor() {
    super();
    maps.push(this);
  }
}
/** What a WebSocketStream's promises reject with when the connection fails: its getters check their `this`. */
export class FakeWebSocketError extends Error {
  readonly #code: number;
  readonly #reason: string;
  constructor(message: string, code: number, reason = '') {
    super(message);
    this.#code = code;
    this.#reason = reason;
  }
  get closeCode() {
    return this.#code;
  }
  get reason() {
    return this.#reason;
  }
}
/** A WebSocketStream whose `closed` promise the test settles (`fail` rejects it, as the browser does). */
export class FakeStream {
  end: (v: { closeCode: number; reason: string }) => void = () => undefined;
  fail: (e: unknown) => void = () => undefined;
  private readonly o = Promise.resolve({ protocol: '', extensions: '' });
  private readonly c = new Promise<{ closeCode: number; reason: string }>((resolve, reject) => {
    this.end = resolve;
    this.fail = reject;
  });
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

const domExceptions = new WeakSet<object>();
/** A DOMException as the hook tells one apart: by the brand check of its `code` getter. */
export class FakeDOMException extends Error {
  constructor(message: string, name: string) {
    super(message);
    this.name = name;
    domExceptions.add(this);
  }
  get code(): number {
    if (!domExceptions.has(this)) throw new TypeError('Illegal invocation');
    return 0;
  }
}

export const win = Object.assign(new FakeEventTarget(), {
  WebSocket: FakeWebSocket,
  WebSocketStream: FakeStream,
  WebSocketError: FakeWebSocketError,
  EventTarget: FakeEventTarget,
  Event: FakeEvent,
  CloseEvent: FakeCloseEvent,
  MessageEvent: FakeMessageEvent,
  MessageChannel: FakeChannel,
  MessagePort: FakePort,
  WeakMap: CountingWeakMap,
  Map: TrackedMap,
  Function: {
    prototype: { toString: Function.prototype.toString, bind: Function.prototype.bind },
  },
  Error,
  DOMException: FakeDOMException,
  Proxy,
  Symbol,
  Array,
  Date,
  Promise,
  String,
  Blob,
  ArrayBuffer,
  Uint8Array,
  DataView,
  performance,
  // Looked up at each call, so a test's fake timers (installed after this module loads) apply.
  setTimeout: (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id: number) => globalThis.clearTimeout(id),
}) as unknown as Window & typeof globalThis;
