/**
 * Bounds on what the page can make the relay carry. The page is untrusted: it
 * can open sockets in a loop, pass megabyte URLs, or (in a frame where it got
 * hold of a port) send anything at all. What one event may hold is the
 * protocol's (EVENT_LIMITS, shared with the background's re-check); the rates and
 * buffers here are the relay's own.
 */
import { EVENT_LIMITS, RELAY_LIMITS } from '../../protocol/limits';

export const LIMITS = {
  ...EVENT_LIMITS,
  /** close() calls and error events kept per socket; more are counted and dropped. */
  closeCallsPerSocket: 16,
  errorsPerSocket: 4,
  /** Simulated stall starts and ends kept per socket. */
  stallEventsPerSocket: 32,
  /** New sockets: a token bucket (burst, then per second). */
  socketBurst: 1000,
  socketsPerSecond: 200,
  /**
   * How far a socket number may skip ahead of the last one. The hook counts up by one, so a skip
   * means it lost a socket between numbering and announcing it; a small window keeps that one loss
   * from making every later socket of the document look invented, while a forged far-ahead number
   * still cannot move the count.
   */
  socketNumberGap: 8,
  /** Sockets tracked per document (admitted ids). */
  socketsPerDocument: 50_000,
  /** Events kept while the background has not acknowledged them. */
  unackedEvents: 20_000,
  /** Events per batch, and how long the relay waits to fill one. */
  batchEvents: RELAY_LIMITS.batchEvents,
  batchMs: 50,
  /** Closures wait at most this long, so the panel shows them while the developer looks. */
  soonBatchMs: 4,
} as const;
