/**
 * The last messages of one socket, kept for the close (what did the server say
 * just before it closed?). Per message the hook writes one slot and one
 * timestamp of a preallocated ring, and runs no page code. A received text of
 * at most LAST_RAW_TEXT_UNITS is kept by reference: the browser made it, it is
 * immutable and small, and it is the common case. Anything else is cut at once
 * into what the relay needs to describe it (see `HookLastMessage` in
 * src/protocol/messages.ts): a bounded copy of its head, and its size. A
 * reference would keep a 64 MiB buffer alive for as long as the socket is open
 * (behind a small view of it too), and so would a page's short text sliced
 * from a long one; a buffer the page reuses would show its later contents at
 * the close. The relay, in its own world, does the rest (the 1 KiB cut on a
 * character boundary, hex) and checks it all.
 */
import { LAST_RAW_TEXT_UNITS, type HookLastMessage, type HookRing } from '../../protocol/messages';
import { LAST_MESSAGE_HEX_BYTES, LAST_MESSAGES_PER_DIRECTION as N } from '../../protocol/recording';
import { isStr, type Natives } from './natives';

/** One direction's ring. Arrays are made by literals, so writes hit own slots (no inherited setter runs). */
export interface Ring extends HookRing {
  /** A kept text, or the hook's own `{ d, n }` for anything else. */
  data: (string | HookLastMessage | 0)[];
}

// Slots outside the last n (n < 5) are never read: 0 is as good as undefined there.
export const newRing = (): Ring => ({ data: [0, 0, 0, 0, 0], at: [0, 0, 0, 0, 0], n: 0 });

/**
 * O(1): one slot write and a time. `size` is the message's (n.size). A received text of at most
 * LAST_RAW_TEXT_UNITS is kept as it is; a sent one is copied, as the page's text may be a slice of a far
 * larger one, which a reference would keep alive. Anything else is cut at once to its size and a copy of
 * at most 64 bytes or LAST_RAW_TEXT_UNITS units; a received Blob (`blob`) to its size.
 */
export const ringPush = (
  r: Ring,
  data: unknown,
  size: number,
  at: number,
  nat: Natives,
  sent: boolean,
  blob?: boolean,
): void => {
  const i = r.n % N;
  const text = isStr(data);
  const head = text && (sent || size > LAST_RAW_TEXT_UNITS) ? nat.head(data, LAST_RAW_TEXT_UNITS) : data;
  r.data[i] =
    text && size <= LAST_RAW_TEXT_UNITS
      ? (head as string)
      : { d: text ? (head as string) : blob ? undefined : nat.copy(data, LAST_MESSAGE_HEX_BYTES), n: size };
  r.at[i] = at;
  r.n++;
};

/** At close: each kept text becomes `{ d, n }` too, so the relay gets one shape. Only primitives and the hook's own objects are posted. */
export const ringRaw = (r: Ring): HookRing => {
  // Every slot: one never written holds 0, and each written one holds one of the last N messages.
  for (let i = 0; i < N; i++) {
    const d = r.data[i];
    if (isStr(d)) r.data[i] = { d, n: d.length };
  }
  return r;
};
