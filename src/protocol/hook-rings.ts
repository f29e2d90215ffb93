/**
 * The last messages before a close, made from what the hook posts with it: its
 * two rings (received, sent) as they were, each kept slot holding the message's
 * size and a bounded raw part (see HookRing and HookLastMessage in messages.ts).
 * The hook does no encoding, to stay small; the relay, in its own world, turns
 * each message into plain text here:
 * - text: the first 1 KiB of UTF-8, cut on a character boundary;
 * - ArrayBuffer and views: size and the first 64 bytes in hex;
 * - Blob: size only; anything else the page passed to send(): its kind only.
 * Everything is untrusted and decoded with the toolkit (decode.ts): a malformed
 * ring or slot, or an implausible time, drops that message (never the close) and
 * is reported as truncated. Pure.
 */
import { LAST_MESSAGES_PER_DIRECTION as N, type LastMessage } from './recording';
import { EVENT_LIMITS as L } from './limits';
import { arr, attempt, clamped, fail, finite, int, obj, req, type Decoder } from './decode';

export interface LastMessagesResult {
  messages: LastMessage[];
  /** Something was cut or dropped on the way (beyond the usual 1 KiB and 64-byte caps). */
  truncated: boolean;
}

const MAX = Number.MAX_SAFE_INTEGER;
const any: Decoder<unknown> = (v) => v;

function hexOf(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length && i < L.lastMessageHexChars / 2; i++)
    out += bytes[i]!.toString(16).padStart(2, '0');
  return out;
}

/** One kept slot `{ d, n }`; a size smaller than the data it came with is a forgery. */
const slot =
  (dir: 'in' | 'out', at: number): Decoder<LastMessage> =>
  (v, path) => {
    const o = obj(v, path);
    const d = o.d;
    if (typeof d === 'string') {
      const size = req(o, 'n', int(d.length, MAX), path);
      const text = clamped(L.lastMessageTextBytes, 'bytes', () => {})(d, `${path}.d`);
      return { dir, at, kind: 'text', size, text, ...(text.length < size ? { cut: true } : {}) };
    }
    if (d instanceof Uint8Array) {
      const size = req(o, 'n', int(d.length, MAX), path);
      return { dir, at, kind: 'binary', size, hex: hexOf(d), ...(d.length < size ? { cut: true } : {}) };
    }
    if (d !== undefined) fail('invalid', `${path}.d`, 'not text or bytes');
    const size = req(o, 'n', int(-1, MAX), path);
    return size === -1 ? { dir, at, kind: 'other', size: 0 } : { dir, at, kind: 'blob', size };
  };

/** A time not after the close and not implausibly long before it. */
const timeBefore =
  (closeAt: number, maxSkewMs: number): Decoder<number> =>
  (v, path) => {
    const t = finite(v, path);
    if (t > closeAt || closeAt - t > maxSkewMs) fail('time', path, 'not a plausible time');
    return t;
  };

const ring: Decoder<{ data: unknown[]; at: unknown[]; n: number }> = (v, path) => {
  const o = obj(v, path);
  return {
    data: req(o, 'data', arr(any, N), path),
    at: req(o, 'at', arr(any, N), path),
    n: req(o, 'n', int(0, MAX), path),
  };
};

/** Both rings, [received, sent], merged oldest first (received before sent at the same time). */
export function lastMessagesFromRings(x: unknown, closeAt: number, maxSkewMs: number): LastMessagesResult {
  const messages: LastMessage[] = [];
  let truncated = !Array.isArray(x) || x.length !== 2;
  if (truncated) return { messages, truncated };
  const time = timeBefore(closeAt, maxSkewMs);
  (x as unknown[]).forEach((raw, r) => {
    const dir = r === 0 ? 'in' : 'out';
    const rg = attempt(ring, raw, `last[${r}]`);
    if (!rg) {
      truncated = true;
      return;
    }
    // Only the last five slots are ever read, however large a forged count.
    for (let j = rg.n < N ? 0 : rg.n - N; j < rg.n; j++) {
      const at = attempt(time, rg.at[j % N], `last[${r}].at`);
      const m = at === undefined ? undefined : attempt(slot(dir, at), rg.data[j % N], `last[${r}].data`);
      if (m) messages.push(m);
      else truncated = true;
    }
  });
  messages.sort((a, b) => a.at - b.at);
  return { messages, truncated };
}
