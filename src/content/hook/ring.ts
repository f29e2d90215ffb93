/**
 * The last messages of one socket, kept for the close (what did the server say
 * just before it closed?). Per message the hook writes one slot and one
 * timestamp into a fixed slot of a preallocated array, and runs no page code.
 * A text of at most LAST_RAW_TEXT_UNITS is kept by reference: it is immutable
 * and small, so this is the common case and costs no copy. Anything else is
 * cut at once into what the relay needs to describe it (see `HookLastMessage`
 * in src/protocol/messages.ts): a bounded copy of its head and its size. A
 * reference to a 64 MiB buffer (or to a small view of one, or a Blob) would
 * keep it alive for as long as the socket is open, and a buffer the page
 * reuses would show its later contents at the close. The relay, in its own
 * world, does the rest (the 1 KiB cut on a character boundary, hex) and
 * checks it all.
 */
import { LAST_RAW_TEXT_UNITS, type HookLastMessage, type HookRing } from '../../protocol/messages';
import { LAST_MESSAGE_HEX_BYTES, LAST_MESSAGES_PER_DIRECTION as N } from '../../protocol/recording';
import type { Natives } from './natives';

/** One direction's ring. Arrays are made by literals, so writes hit own slots (no inherited setter runs). */
export interface Ring extends HookRing {
  /** A kept text, or the hook's own `{ d, n }` for anything else. */
  data: (string | HookLastMessage | 0)[];
}

export function newRing(): Ring {
  // Slots outside the last n (n < 5) are never read: 0 is as good as undefined there.
  return { data: [0, 0, 0, 0, 0], at: [0, 0, 0, 0, 0], n: 0 };
}

/**
 * O(1): one slot write of a reference and a time; for binary data, a large text or anything else, a
 * copy of at most 64 bytes or LAST_RAW_TEXT_UNITS units instead. `size` is the message's (n.size).
 */
export function ringPush(r: Ring, data: unknown, size: number, at: number, nat: Natives): void {
  const i = r.n % N;
  r.data[i] =
    typeof data === 'string' && size <= LAST_RAW_TEXT_UNITS
      ? data
      : ({
          __proto__: null,
          d: typeof data === 'string' ? nat.head(data, LAST_RAW_TEXT_UNITS) : nat.copy(data, LAST_MESSAGE_HEX_BYTES),
          n: size,
        } as HookLastMessage);
  r.at[i] = at;
  r.n++;
}

/** At close: each kept text becomes `{ d, n }` too, so the relay gets one shape. Only primitives and the hook's own objects are posted. */
export function ringRaw(r: Ring): HookRing {
  for (let j = r.n < N ? 0 : r.n - N; j < r.n; j++) {
    const i = j % N;
    const d = r.data[i];
    if (typeof d === 'string') r.data[i] = { __proto__: null, d, n: d.length } as HookLastMessage;
  }
  return r;
}
