/**
 * The background's check of what a relay sends over its runtime port. A relay is
 * the extension's own script, but one in a page that may have compromised its
 * world, or one of an older version still running in a tab opened before an
 * update: its messages are decoded like the page's. Every event of a batch is
 * checked again with the relay's own decoders (validate-hook-event.ts); an event
 * that fails is counted as rejected in the batch's dropped counts, so the user sees
 * it like any other drop, and the rest of the batch is kept.
 */
import type { DroppedCounts } from './recording';
import type { RelayBatch, RelayEvent, RelayHello } from './messages';
import { bool, fail, int, obj, opt, req, str, type Decoder } from './decode';
import { clampUrl } from './clamp';
import { RELAY_LIMITS } from './limits';
import { validateRelayEvent } from './validate-hook-event';

export const relayHello: Decoder<RelayHello> = (v, p) => {
  const o = obj(v, p);
  return {
    type: 'hello',
    docNonce: req(o, 'docNonce', str(Number.MAX_SAFE_INTEGER), p).slice(0, RELAY_LIMITS.docNonceChars),
    // The page chooses its own URL (a megabyte fragment is easy): every copy stored is clamped.
    url: clampUrl(req(o, 'url', str(Number.MAX_SAFE_INTEGER), p)),
    ...(typeof o.origin === 'string' && { origin: clampUrl(o.origin) }),
    isTop: opt(o, 'isTop', bool, p) === true,
    ...(opt(o, 'restored', bool, p) === true && { restored: true as const }),
    // A hint only (the background bounds it by when the hello came): one of another type is left out.
    ...(typeof o.startedAt === 'number' && Number.isFinite(o.startedAt) && { startedAt: o.startedAt }),
  };
};

const DROPPED_KEYS: readonly (keyof DroppedCounts)[] = [
  'connectionsEvicted',
  'connectionsRateLimited',
  'eventsRejected',
  'eventsOverflowed',
  'fieldsTruncated',
  'marksEvicted',
];

/** Known counters only, each a count; a bad one is left out (it is the relay's tally, not the page's data). */
function droppedOf(v: unknown): Partial<DroppedCounts> {
  const o = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const out: Partial<DroppedCounts> = {};
  for (const key of DROPPED_KEYS) {
    const n = o[key];
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) out[key] = n;
  }
  return out;
}

/**
 * A batch with every event re-validated. The batch itself must have a sequence
 * number and an event list; its events beyond what a relay ever puts in one batch
 * are rejected and counted like malformed ones.
 */
export function relayBatch(v: unknown, now: number, path = 'batch'): RelayBatch {
  const o = obj(v, path);
  const seq = req(o, 'seq', int(1, Number.MAX_SAFE_INTEGER), path);
  const raw: unknown = o.events;
  if (!Array.isArray(raw)) fail('array', `${path}.events`, 'not an array');
  const dropped = droppedOf(o.dropped);
  const events: RelayEvent[] = [];
  let rejected = Math.max(0, raw.length - RELAY_LIMITS.batchEvents);
  let newlyCut = 0;
  for (const ev of raw.slice(0, RELAY_LIMITS.batchEvents)) {
    const checked = validateRelayEvent(ev, now);
    if (!checked.ok) {
      rejected++;
      continue;
    }
    // The relay counted its own cuts; only what this check cut is counted here.
    const claimed = (ev as { truncated?: unknown[] }).truncated ?? [];
    newlyCut += (checked.event.truncated ?? []).filter((f) => !claimed.includes(f)).length;
    events.push(checked.event);
  }
  if (rejected) dropped.eventsRejected = (dropped.eventsRejected ?? 0) + rejected;
  if (newlyCut) dropped.fieldsTruncated = (dropped.fieldsTruncated ?? 0) + newlyCut;
  return { type: 'batch', seq, events, dropped };
}
