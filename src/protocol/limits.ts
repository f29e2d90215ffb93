/**
 * Every bound on untrusted data, in one place: what the page can make the relay
 * carry, what the background accepts from a relay and from a view, what settings
 * may hold, and what an imported file may contain. The decoders (decode.ts and the
 * modules built on it) read these; nothing else writes a bound down again.
 */

/** RFC 6455 §5.5: a close frame's payload is at most 125 bytes, so its reason at most 123 bytes of UTF-8. */
export const CLOSE_REASON_BYTES = 123;

/** Longest page-supplied URL (socket, frame, navigation) that is stored. */
export const PAGE_URL_CHARS = 2048;

/** What one hook event may carry once the relay (and again the background) clamped it. */
export const EVENT_LIMITS = {
  reasonBytes: CLOSE_REASON_BYTES,
  urlChars: PAGE_URL_CHARS,
  /** A "stack" longer than this is cut before it is split, so a megabyte one costs nothing. */
  rawStackChars: 64 * 1024,
  stackChars: 2000,
  stackFrames: 8,
  protocolCount: 16,
  protocolChars: 128,
  negotiatedChars: 256,
  /** The last messages a close may carry (five per direction), and their caps. */
  lastMessages: 10,
  lastMessageTextBytes: 1024,
  /** 64 bytes as hex. */
  lastMessageHexChars: 128,
  /** Timestamps further than this from the receiver's clock are rejected as forged. */
  clockSkewMs: 24 * 3600 * 1000,
  /** Field names an event may report as cut (at most this many, each at most fieldNameChars). */
  truncatedFields: 16,
  fieldNameChars: 32,
} as const;

/** What one relay message may carry (a relay flushes at batchEvents, so a real batch never has more). */
export const RELAY_LIMITS = {
  batchEvents: 500,
  docNonceChars: 64,
  documentIdChars: 64,
} as const;

/** Longest simulated outage, in seconds. */
export const MAX_OUTAGE_SECONDS = 600;
/** Longest simulated stall, in seconds. */
export const MAX_STALL_SECONDS = 600;

/** Bounds on stored settings and on a view's settings patch. */
export const SETTINGS_LIMITS = {
  /** Profile ids: lowercase words with dashes. */
  profileId: /^[a-z0-9-]{1,40}$/,
  /** The popup's "recent" window: one minute to one day. */
  recentMinutesMax: 24 * 60,
  /** Sites with a stored choice (paused, content capture); more are ignored. */
  sites: 1000,
  /** A DNS hostname is at most 253 characters. */
  hostChars: 253,
} as const;

/** Bounds on a view's request (ids the background minted, connection ids it stores). */
export const VIEW_LIMITS = {
  connectionIdChars: 1024,
} as const;

/** Bounds on an imported recording: generous over what the relay stores, tight enough to keep the UI safe. */
export const IMPORT_LIMITS = {
  /** Files above this are refused before parsing: a recording is bounded far below it. */
  fileBytes: 50 * 1024 * 1024,
  urlChars: 65_536,
  stackChars: 65_536,
  reasonChars: 1_024,
  shortChars: 1_024,
  connections: 200_000,
  eventsPerConnection: 10_000,
  marks: 200_000,
  stallSeconds: 86_400,
  protocols: 64,
  /** The relay keeps 10 last messages, 1 KiB of text or 64 bytes of hex each: a file may not carry more. */
  lastMessages: 10,
  /**
   * 1 KiB kept, lengthened by an export's redaction: each value becomes `REDACTED` (`a=b&` → `a=REDACTED&`,
   * at most 2.75 times as long), so a file of Closeline's own reads back whole.
   */
  lastMessageTextChars: 4 * 1024,
  lastMessageHexChars: 128,
  /** Field names a connection may list as cut. */
  truncatedFields: 64,
  /** Timestamps are epoch milliseconds before 2100: 1e15 ms (year 33658) would stretch every axis over millennia. */
  maxTimeMs: Date.UTC(2100, 0, 1),
  maxTimeYear: 2100,
} as const;
