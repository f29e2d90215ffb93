/**
 * The last messages of one socket, kept for the close (what did the server say
 * just before it closed?). Per message the hook writes one reference and one
 * timestamp into a fixed slot of a preallocated array: no copy, no encoding, no
 * page code. Only at close are the kept messages turned into plain text, and
 * only through natives saved at install, brand-checked so that nothing the page
 * controls (getters, toString, Proxies, patched prototypes) ever runs:
 * - text: the first 1 KiB of UTF-8, cut on a character boundary (never inside a
 *   surrogate pair), computed by hand so TextEncoder is never needed;
 * - ArrayBuffer and views: size and the first 64 bytes in hex;
 * - Blob: size only (it cannot be read synchronously);
 * - anything else the page passed to send(): its kind only.
 */
import {
  LAST_MESSAGE_HEX_BYTES,
  LAST_MESSAGE_TEXT_BYTES,
  LAST_MESSAGES_PER_DIRECTION,
  type LastMessage,
} from '../../protocol/recording';

const N = LAST_MESSAGES_PER_DIRECTION;

/** One direction's ring. Arrays are made by literals, so writes hit own slots (no inherited setter runs). */
export interface Ring {
  data: unknown[];
  at: number[];
  /** Messages written so far; the next slot is n % N. */
  n: number;
}

export function newRing(): Ring {
  return { data: [undefined, undefined, undefined, undefined, undefined], at: [0, 0, 0, 0, 0], n: 0 };
}

/** O(1): one slot write of a reference and a time. */
export function ringPush(r: Ring, data: unknown, at: number): void {
  const i = r.n % N;
  r.data[i] = data;
  r.at[i] = at;
  r.n++;
}

type AnyFn = (...a: unknown[]) => unknown;

/** The natives serialisation needs, saved before any page script ran. */
export interface RingNatives {
  apply: typeof Reflect.apply;
  charCodeAt: AnyFn;
  strSlice: AnyFn;
  /** ArrayBuffer.prototype.byteLength getter (throws on anything that is not an ArrayBuffer). */
  abLength: AnyFn;
  /** %TypedArray%.prototype buffer / byteOffset / byteLength getters (brand-checked). */
  taBuffer: AnyFn;
  taOffset: AnyFn;
  taLength: AnyFn;
  /** DataView.prototype buffer / byteOffset / byteLength getters (brand-checked). */
  dvBuffer: AnyFn;
  dvOffset: AnyFn;
  dvLength: AnyFn;
  /** Blob.prototype.size getter, if Blob exists. */
  blobSize: AnyFn | undefined;
  Uint8: Uint8ArrayConstructor;
  construct: typeof Reflect.construct;
}

export function saveRingNatives(win: Window & typeof globalThis): RingNatives {
  const gd = Reflect.getOwnPropertyDescriptor;
  const get = (o: object | undefined, name: string) => (o ? (gd(o, name)?.get as AnyFn | undefined) : undefined);
  const taProto = Reflect.getPrototypeOf(win.Uint8Array.prototype) as object;
  const fail: AnyFn = () => {
    throw new TypeError();
  };
  return {
    apply: Reflect.apply,
    construct: Reflect.construct,
    charCodeAt: win.String.prototype.charCodeAt as AnyFn,
    strSlice: win.String.prototype.slice as AnyFn,
    abLength: get(win.ArrayBuffer.prototype, 'byteLength') ?? fail,
    taBuffer: get(taProto, 'buffer') ?? fail,
    taOffset: get(taProto, 'byteOffset') ?? fail,
    taLength: get(taProto, 'byteLength') ?? fail,
    dvBuffer: get(win.DataView.prototype, 'buffer') ?? fail,
    dvOffset: get(win.DataView.prototype, 'byteOffset') ?? fail,
    dvLength: get(win.DataView.prototype, 'byteLength') ?? fail,
    blobSize: typeof win.Blob === 'function' ? get(win.Blob.prototype, 'size') : undefined,
    Uint8: win.Uint8Array,
  };
}

const HEX = '0123456789abcdef';

/** Serialises rings at close. Every page object is only ever passed as `this` to a brand-checking native. */
export function createSerializer(nat: RingNatives) {
  const { apply } = nat;
  const tryGet = (fn: AnyFn, obj: unknown): unknown => {
    try {
      return apply(fn, obj, []);
    } catch {
      return undefined;
    }
  };

  const text = (s: string): { text: string; cut: boolean } => {
    const len = s.length;
    let bytes = 0;
    let i = 0;
    while (i < len) {
      const c = apply(nat.charCodeAt, s, [i]) as number;
      let units = 1;
      let size: number;
      if (c < 0x80) size = 1;
      else if (c < 0x800) size = 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        const d = apply(nat.charCodeAt, s, [i + 1]) as number;
        if (d >= 0xdc00 && d <= 0xdfff) {
          size = 4;
          units = 2;
        } else size = 3;
      } else size = 3; // BMP, or a lone surrogate (encoded as U+FFFD, 3 bytes)
      if (bytes + size > LAST_MESSAGE_TEXT_BYTES) return { text: apply(nat.strSlice, s, [0, i]) as string, cut: true };
      bytes += size;
      i += units;
    }
    return { text: s, cut: false };
  };

  const hexOf = (buffer: unknown, offset: number, length: number): string => {
    const take = length < LAST_MESSAGE_HEX_BYTES ? length : LAST_MESSAGE_HEX_BYTES;
    try {
      const u8 = nat.construct(nat.Uint8, [buffer, offset, take]) as Uint8Array;
      let out = '';
      for (let i = 0; i < take; i++) {
        const b = u8[i] as number;
        out += (HEX[b >> 4] as string) + (HEX[b & 15] as string);
      }
      return out;
    } catch {
      return ''; // detached or resized since: the size is still known
    }
  };

  const describe = (d: unknown): Pick<LastMessage, 'kind' | 'size' | 'text' | 'hex' | 'cut'> => {
    if (typeof d === 'string') {
      const r = text(d);
      return { kind: 'text', size: d.length, text: r.text, ...(r.cut ? { cut: true } : {}) };
    }
    if (typeof d !== 'object' || d === null) return { kind: 'other', size: 0 };
    const abLen = tryGet(nat.abLength, d);
    if (typeof abLen === 'number') return binary(d, 0, abLen);
    const taLen = tryGet(nat.taLength, d);
    if (typeof taLen === 'number') return binary(tryGet(nat.taBuffer, d), tryGet(nat.taOffset, d) as number, taLen);
    const dvLen = tryGet(nat.dvLength, d);
    if (typeof dvLen === 'number') return binary(tryGet(nat.dvBuffer, d), tryGet(nat.dvOffset, d) as number, dvLen);
    const size = nat.blobSize ? tryGet(nat.blobSize, d) : undefined;
    if (typeof size === 'number') return { kind: 'blob', size };
    return { kind: 'other', size: 0 };
  };

  const binary = (buffer: unknown, offset: number, length: number): Pick<LastMessage, 'kind' | 'size' | 'hex' | 'cut'> => ({
    kind: 'binary',
    size: length,
    hex: hexOf(buffer, offset, length),
    ...(length > LAST_MESSAGE_HEX_BYTES ? { cut: true } : {}),
  });

  /** Both rings, oldest first; a message that fails to serialise is skipped, never thrown. */
  return (incoming: Ring, outgoing: Ring): LastMessage[] => {
    // Preallocated by a literal: writes hit own slots, so no setter on Array.prototype can run.
    const u = undefined;
    const out = [u, u, u, u, u, u, u, u, u, u] as unknown as LastMessage[];
    let m = 0;
    const take = (r: Ring, dir: 'in' | 'out') => {
      const count = r.n < N ? r.n : N;
      for (let j = r.n - count; j < r.n; j++) {
        const i = j % N;
        try {
          out[m++] = { dir, at: r.at[i] as number, ...describe(r.data[i]) };
        } catch {
          // never surface hook errors
        }
      }
    };
    take(incoming, 'in');
    take(outgoing, 'out');
    // Merge by time (at most 10 items: insertion sort, no page-patchable Array.prototype.sort).
    out.length = m;
    for (let i = 1; i < m; i++) {
      const x = out[i] as LastMessage;
      let j = i - 1;
      while (j >= 0 && (out[j] as LastMessage).at > x.at) {
        out[j + 1] = out[j] as LastMessage;
        j--;
      }
      out[j + 1] = x;
    }
    return out;
  };
}
