/**
 * Bounds on what the page can make the relay carry. The page is untrusted: it
 * can open sockets in a loop, pass megabyte URLs, or (in a frame where it got
 * hold of a port) send anything at all.
 */
export const LIMITS = {
  /** RFC 6455: a close reason is at most 123 bytes of UTF-8. */
  reasonBytes: 123,
  urlChars: 2048,
  stackChars: 2000,
  stackFrames: 8,
  protocolCount: 16,
  protocolChars: 128,
  negotiatedChars: 256,
  /** close() calls and error events kept per socket; more are counted and dropped. */
  closeCallsPerSocket: 16,
  errorsPerSocket: 4,
  /** Simulated stall starts and ends kept per socket. */
  stallEventsPerSocket: 32,
  /** The last messages a close may carry (five per direction), and their caps. */
  lastMessages: 10,
  lastMessageTextBytes: 1024,
  /** 64 bytes as hex. */
  lastMessageHexChars: 128,
  /** New sockets: a token bucket (burst, then per second). */
  socketBurst: 1000,
  socketsPerSecond: 200,
  /** Sockets tracked per document (admitted ids). */
  socketsPerDocument: 50_000,
  /** Events kept while the background has not acknowledged them. */
  unackedEvents: 20_000,
  /** Events per batch, and how long the relay waits to fill one. */
  batchEvents: 500,
  batchMs: 50,
  /** Closures wait at most this long, so the panel shows them while the developer looks. */
  soonBatchMs: 4,
  /** Timestamps further than this from the relay's clock are rejected as forged. */
  clockSkewMs: 24 * 3600 * 1000,
} as const;
