import { afterEach, describe, expect, it } from 'vitest';
import { newRing, ringPush, ringRaw, type Ring } from './ring';
import { saveNatives } from './natives';

// In a browser Blob.prototype.size is a native getter with an internal brand check. The test
// environment's Blob is written in JavaScript and reads a property of `this` (which a Proxy would
// see), so the test's window has a Blob whose size getter checks a brand the same way.
const realBlobs = new WeakSet<object>();
class BrandedBlob extends Blob {
  constructor(parts: BlobPart[]) {
    super(parts);
    realBlobs.add(this);
  }
}
const blobSize = Object.getOwnPropertyDescriptor(Blob.prototype, 'size')?.get as () => number;
Object.defineProperty(BrandedBlob.prototype, 'size', {
  configurable: true,
  get(this: unknown) {
    if (typeof this !== 'object' || this === null || !realBlobs.has(this)) throw new TypeError('Illegal invocation');
    return Reflect.apply(blobSize, this, []);
  },
});
// The natives read WebSocket.prototype.readyState at install; the test environment has no WebSocket.
class FakeWebSocket {
  get readyState() {
    return 1;
  }
}
const win = Object.assign(Object.create(globalThis), { Blob: BrandedBlob, WebSocket: FakeWebSocket }) as Window &
  typeof globalThis;
const natives = saveNatives(win);

const push = (r: Ring, d: unknown, at: number, sent = false) => ringPush(r, d, natives.size(d), at, natives, sent);
const raw = (...data: unknown[]) => {
  const r = newRing();
  data.forEach((d, i) => push(r, d, i + 1));
  return ringRaw(r);
};
const slot = (d: unknown) => raw(d).data[0] as { d?: unknown; n: number };

describe('the ring', () => {
  it('a push is one slot write: the arrays never grow', () => {
    const r: Ring = newRing();
    for (let i = 0; i < 1000; i++) push(r, i % 2 ? 'x' : new Uint8Array(1), i);
    expect(r.data.length).toBe(5);
    expect(r.at.length).toBe(5);
    expect(r.n).toBe(1000);
    expect(r.at).toEqual([995, 996, 997, 998, 999]);
  });

  it('at close only the kept slots change, in place', () => {
    const r = raw('a', 'b');
    expect(r.data).toEqual([{ d: 'a', n: 1 }, { d: 'b', n: 1 }, 0, 0, 0]);
    expect(r.at).toEqual([1, 2, 0, 0, 0]);
    expect(r.n).toBe(2);
  });
});

describe('what a slot holds', () => {
  it('a text of at most 1,025 units: the text itself, until the close', () => {
    const r = newRing();
    const text = 'y'.repeat(1025);
    push(r, text, 1);
    expect(r.data[0]).toBe(text);
  });
  it('binary data: a copy made when it was sent, so a buffer the page reuses shows what was sent', () => {
    const r = newRing();
    const buf = new Uint8Array([1, 2, 3]);
    push(r, buf, 1);
    push(r, buf.buffer, 2);
    buf.set([9, 9, 9]);
    expect(ringRaw(r).data.slice(0, 2)).toEqual([
      { d: new Uint8Array([1, 2, 3]), n: 3 },
      { d: new Uint8Array([1, 2, 3]), n: 3 },
    ]);
  });
  it('a small view of a large buffer: only its own bytes are copied, never the buffer kept', () => {
    const big = new ArrayBuffer(1 << 20);
    const r = newRing();
    push(r, new Uint8Array(big, 8, 4), 1);
    const held = r.data[0] as { d: Uint8Array; n: number };
    expect(held.n).toBe(4);
    expect(held.d.buffer).not.toBe(big);
    expect(held.d.buffer.byteLength).toBe(4);
  });
});

describe('what a slot becomes at close (the relay makes text of it)', () => {
  it('text: its first 1,025 UTF-16 units and its full length', () => {
    expect(slot('x'.repeat(5000))).toEqual({ d: 'x'.repeat(1025), n: 5000 });
    expect(slot('short')).toEqual({ d: 'short', n: 5 });
  });

  const bytes = (n: number) => Uint8Array.from({ length: n }, (_v, i) => i);
  it('an ArrayBuffer: a copy of its first 64 bytes, and its size', () => {
    const buf = bytes(100).buffer;
    const s = slot(buf);
    expect(s.n).toBe(100);
    expect(s.d).toEqual(bytes(64));
    expect((s.d as Uint8Array).buffer).not.toBe(buf);
  });
  it('typed arrays and DataView: their own window of the buffer', () => {
    expect(slot(bytes(10).subarray(4, 7))).toEqual({ d: new Uint8Array([4, 5, 6]), n: 3 });
    expect(slot(new Int16Array([1, 2]))).toEqual({ d: new Uint8Array([1, 0, 2, 0]), n: 4 });
    expect(slot(new DataView(bytes(8).buffer, 2, 2))).toEqual({ d: new Uint8Array([2, 3]), n: 2 });
  });
  it('a detached buffer: size 0 and no bytes', () => {
    const buf = bytes(8).buffer;
    structuredClone(buf, { transfer: [buf] });
    expect(slot(buf)).toEqual({ d: new Uint8Array(0), n: 0 });
  });
  it('a Blob: its size only', () => {
    expect(slot(new BrandedBlob(['hello']))).toEqual({ d: undefined, n: 5 });
  });
});

describe('hostile objects and prototypes patched after install', () => {
  const restore: (() => void)[] = [];
  const patch = (o: object, key: PropertyKey, desc: PropertyDescriptor) => {
    const old = Object.getOwnPropertyDescriptor(o, key);
    Object.defineProperty(o, key, { configurable: true, ...desc });
    restore.push(() => (old ? Object.defineProperty(o, key, old) : delete (o as Record<PropertyKey, unknown>)[key]));
  };
  afterEach(() => {
    while (restore.length) restore.pop()?.();
  });

  it('runs no page code: Proxy traps, getters and toString of sent objects are never called', () => {
    const calls: string[] = [];
    const proxy = new Proxy(new ArrayBuffer(4), {
      get: (t, k) => (calls.push(`get ${String(k)}`), Reflect.get(t, k)),
      getPrototypeOf: (t) => (calls.push('proto'), Reflect.getPrototypeOf(t)),
    });
    const fake = {
      get byteLength() {
        calls.push('byteLength');
        return 3;
      },
      get size() {
        calls.push('size');
        return 3;
      },
      toString() {
        calls.push('toString');
        return 'x';
      },
    };
    expect(raw(proxy, fake, 42).data.slice(0, 3)).toEqual([
      { d: undefined, n: -1 },
      { d: undefined, n: -1 },
      { d: undefined, n: -1 },
    ]);
    expect(calls).toEqual([]);
  });

  it('ignores patched Blob.size, byteLength, typed-array getters, String.prototype.slice and prototype setters', () => {
    const calls: string[] = [];
    const spy = (name: string, value: unknown) => ({ get: () => (calls.push(name), value) });
    // Sizes are the hook's own (n.size, run before the patches as at install); the cut runs under them.
    const data = [new BrandedBlob(['abc']), new ArrayBuffer(2), 'é'.repeat(2000), new Uint8Array([7, 8, 9])];
    const sizes = data.map((d) => natives.size(d));
    const TA = Object.getPrototypeOf(Uint8Array.prototype) as object;
    patch(BrandedBlob.prototype, 'size', spy('Blob.size', 999));
    patch(ArrayBuffer.prototype, 'byteLength', spy('byteLength', 999));
    patch(TA, 'byteLength', spy('TypedArray.byteLength', 999));
    patch(TA, 'buffer', spy('TypedArray.buffer', new ArrayBuffer(1)));
    patch(TA, 'set', { value: () => calls.push('set'), writable: true });
    patch(String.prototype, 'slice', { value: () => (calls.push('slice'), 'forged'), writable: true });
    patch(Array.prototype, '0', { set: () => calls.push('Array[0] setter'), get: () => undefined });
    patch(Object.prototype, 'd', { set: () => calls.push('Object.d setter'), get: () => undefined });
    patch(Object.prototype, 'n', { set: () => calls.push('Object.n setter'), get: () => undefined });
    const rawThenRestore = () => {
      try {
        const r = newRing();
        data.forEach((d, i) => ringPush(r, d, sizes[i]!, i + 1, natives, true));
        return ringRaw(r);
      } finally {
        // Restore before asserting: the test runner itself needs sane prototypes.
        while (restore.length) restore.pop()?.();
      }
    };
    const got = rawThenRestore();
    expect(got.data.slice(0, 4)).toEqual([
      { d: undefined, n: 3 },
      { d: new Uint8Array(2), n: 2 },
      { d: 'é'.repeat(1025), n: 2000 },
      { d: new Uint8Array([7, 8, 9]), n: 3 },
    ]);
    expect(calls).toEqual([]);
  });
});
