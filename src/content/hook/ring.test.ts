import { afterEach, describe, expect, it } from 'vitest';
import { createSerializer, newRing, ringPush, saveRingNatives, type Ring } from './ring';

const win = globalThis as unknown as Window & typeof globalThis;
// In a browser Blob.prototype.size is a native getter with an internal brand check. The test
// environment's Blob is written in JavaScript and reads a property of `this` (which a Proxy would
// see), so the test gives the serializer an equivalent brand-checked getter.
const realBlobs = new WeakSet<object>();
const NativeBlob = globalThis.Blob;
const blobSizeGetter = Object.getOwnPropertyDescriptor(NativeBlob.prototype, 'size')?.get as () => number;
const makeBlob = (parts: BlobPart[]) => {
  const blob = new NativeBlob(parts);
  realBlobs.add(blob);
  return blob;
};
const natives = {
  ...saveRingNatives(win),
  blobSize(this: unknown) {
    if (typeof this !== 'object' || this === null || !realBlobs.has(this)) throw new TypeError('Illegal invocation');
    return Reflect.apply(blobSizeGetter, this, []);
  },
};
const serialize = createSerializer(natives);
const utf8 = (s: string) => new TextEncoder().encode(s).length;

function one(data: unknown) {
  const r = newRing();
  ringPush(r, data, 1);
  const [m] = serialize(r, newRing());
  return m;
}

describe('the ring', () => {
  it('keeps the last five each way, merged oldest first', () => {
    const rin = newRing();
    const rout = newRing();
    for (let i = 1; i <= 8; i++) ringPush(rin, `in${i}`, i * 10);
    for (let i = 1; i <= 3; i++) ringPush(rout, `out${i}`, i * 10 + 5);
    const got = serialize(rin, rout);
    expect(got.map((m) => `${m.dir}:${m.text}`)).toEqual(['out:out1', 'out:out2', 'out:out3', 'in:in4', 'in:in5', 'in:in6', 'in:in7', 'in:in8']);
    expect(got.map((m) => m.at)).toEqual([15, 25, 35, 40, 50, 60, 70, 80]);
  });

  it('a push is one slot write: the arrays never grow', () => {
    const r: Ring = newRing();
    for (let i = 0; i < 1000; i++) ringPush(r, i, i);
    expect(r.data.length).toBe(5);
    expect(r.at.length).toBe(5);
    expect(r.n).toBe(1000);
    expect(serialize(newRing(), newRing())).toEqual([]);
  });
});

describe('text is cut at 1 KiB of UTF-8 on a character boundary', () => {
  it.each([
    ['ASCII', 'a'.repeat(2000), 1024, 1024],
    ['two-byte é', 'é'.repeat(600), 512, 1024],
    ['three-byte €', '€'.repeat(400), 341, 1023],
    ['emoji (surrogate pairs) after one ASCII byte', 'a' + '😀'.repeat(300), 1 + 255 * 2, 1021],
    ['lone high surrogate counts 3 bytes', '\ud800'.repeat(400), 341, 1023],
  ])('%s', (_n, input, units, bytes) => {
    const m = one(input);
    expect(m).toMatchObject({ kind: 'text', size: input.length, cut: true });
    expect(m?.text?.length).toBe(units);
    if (!input.startsWith('\ud800')) expect(utf8(m?.text ?? '')).toBe(bytes);
    const last = m?.text?.charCodeAt((m.text?.length ?? 1) - 1) ?? 0;
    if (!input.startsWith('\ud800')) expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
  });

  it('short text is kept whole, with no cut flag', () => {
    expect(one('{"error":"token expired"}')).toEqual({ dir: 'in', at: 1, kind: 'text', size: 25, text: '{"error":"token expired"}' });
  });

  it('exactly 1024 bytes is not cut', () => {
    expect(one('é'.repeat(512))).not.toHaveProperty('cut');
  });
});

describe('binary data: size and the first 64 bytes in hex', () => {
  const bytes = (n: number) => Uint8Array.from({ length: n }, (_v, i) => i);
  it('ArrayBuffer', () => {
    expect(one(bytes(3).buffer)).toEqual({ dir: 'in', at: 1, kind: 'binary', size: 3, hex: '000102' });
    const big = one(bytes(100).buffer);
    expect(big).toMatchObject({ kind: 'binary', size: 100, cut: true });
    expect(big?.hex).toHaveLength(128);
    expect(big?.hex?.slice(-4)).toBe('3e3f');
  });
  it('typed array views read their own window of the buffer', () => {
    const view = bytes(10).subarray(4, 7);
    expect(one(view)).toMatchObject({ kind: 'binary', size: 3, hex: '040506' });
    expect(one(new Int16Array([1, 2]))).toMatchObject({ kind: 'binary', size: 4, hex: '01000200' });
  });
  it('DataView', () => {
    expect(one(new DataView(bytes(8).buffer, 2, 2))).toMatchObject({ kind: 'binary', size: 2, hex: '0203' });
  });
  it('a detached buffer keeps its (zero) size and no bytes', () => {
    const buf = bytes(8).buffer;
    structuredClone(buf, { transfer: [buf] });
    expect(one(buf)).toMatchObject({ kind: 'binary', size: 0, hex: '' });
  });
  it('Blob: size only', () => {
    expect(one(makeBlob(['hello']))).toEqual({ dir: 'in', at: 1, kind: 'blob', size: 5 });
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
    expect(one(proxy)).toEqual({ dir: 'in', at: 1, kind: 'other', size: 0 });
    expect(one(fake)).toEqual({ dir: 'in', at: 1, kind: 'other', size: 0 });
    expect(one(42)).toEqual({ dir: 'in', at: 1, kind: 'other', size: 0 });
    expect(calls).toEqual([]);
  });

  it('ignores patched Blob.size, byteLength, String methods, and setters on Array.prototype', () => {
    const calls: string[] = [];
    const spy = (name: string, value: unknown) => ({ get: () => (calls.push(name), value) });
    const r = newRing();
    ringPush(r, makeBlob(['abc']), 1);
    ringPush(r, new ArrayBuffer(2), 2);
    ringPush(r, 'é'.repeat(600), 3);
    patch(Blob.prototype, 'size', spy('Blob.size', 999));
    patch(ArrayBuffer.prototype, 'byteLength', spy('byteLength', 999));
    patch(String.prototype, 'slice', { value: () => (calls.push('slice'), 'forged'), writable: true });
    patch(String.prototype, 'charCodeAt', { value: () => (calls.push('charCodeAt'), 0), writable: true });
    patch(Array.prototype, '0', { set: () => calls.push('Array[0] setter'), get: () => undefined });
    const serializeThenRestore = () => {
      try {
        return serialize(r, newRing());
      } finally {
        // Restore before asserting: the test runner itself needs sane prototypes.
        while (restore.length) restore.pop()?.();
      }
    };
    const got = serializeThenRestore();
    expect(got.map((m) => [m.kind, m.size])).toEqual([['blob', 3], ['binary', 2], ['text', 600]]);
    expect(got[2]?.text).toBe('é'.repeat(512));
    expect(calls).toEqual([]);
  });
});
