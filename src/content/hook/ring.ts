/**
 * The last messages of one socket, kept for the close (what did the server say
 * just before it closed?). Per message the hook writes one reference and one
 * timestamp into a fixed slot of a preallocated array: no copy, no encoding, no
 * page code. Only at close, and only where content capture is on, are the kept
 * slots replaced in place by what the relay needs to describe them (see
 * `HookLastMessage` in src/protocol/messages.ts); the relay, in its own world,
 * does the rest (the 1 KiB cut on a character boundary, hex) and checks it all.
 */
import { LAST_RAW_TEXT_UNITS, type HookRing } from '../../protocol/messages';
import { LAST_MESSAGE_HEX_BYTES, LAST_MESSAGES_PER_DIRECTION as N } from '../../protocol/recording';
import type { Natives } from './natives';

/** One direction's ring. Arrays are made by literals, so writes hit own slots (no inherited setter runs). */
export interface Ring extends HookRing {
  data: unknown[];
}

export function newRing(): Ring {
  // Slots outside the last n (n < 5) are never read: 0 is as good as undefined there.
  return { data: [0, 0, 0, 0, 0], at: [0, 0, 0, 0, 0], n: 0 };
}

/** O(1): one slot write of a reference and a time. */
export function ringPush(r: Ring, data: unknown, at: number): void {
  const i = r.n % N;
  r.data[i] = data;
  r.at[i] = at;
  r.n++;
}

/**
 * At close: each kept slot becomes `{ d, n }` (text cut to LAST_RAW_TEXT_UNITS, binary data as a copy of
 * its first 64 bytes, a Blob as its size), read through natives saved at install. Only primitives and
 * the hook's own objects are left, so posting the ring runs no page code.
 */
export function ringRaw(r: Ring, nat: Natives): HookRing {
  for (let j = r.n < N ? 0 : r.n - N; j < r.n; j++) {
    const i = j % N;
    const d = r.data[i];
    const n = nat.size(d);
    r.data[i] = {
      d: typeof d === 'string' ? nat.head(d, LAST_RAW_TEXT_UNITS) : nat.copy(d, LAST_MESSAGE_HEX_BYTES),
      n,
    };
  }
  return r;
}
