/**
 * The recording: what Closeline stores per tab and exports. Raw facts only —
 * who closed, verdicts and explanations are derived in src/analysis/.
 *
 * Pure types plus constants: imported by every context and by the pure
 * analysis core, so no browser APIs here. The exported JSON document is
 * described in docs/recording-format.md; bump RECORDING_FORMAT_VERSION on any
 * incompatible change.
 */

import { urlParts } from './url-parts';

export const RECORDING_FORMAT = 'closeline-recording';
export const RECORDING_FORMAT_VERSION = 1;

/** Epoch milliseconds on the page's clock (performance.timeOrigin + performance.now()). */
export type EpochMs = number;

/** The page called close() on the socket (it may be called more than once). */
export interface CloseCallEvent {
  type: 'close-call';
  at: EpochMs;
  /** Code passed to close(), if any. */
  code?: number;
  /** Reason passed to close(), if any (at most 123 UTF-8 bytes, enforced by the browser). */
  reason?: string;
  /** readyState when close() was called: 0 CONNECTING, 1 OPEN, 2 CLOSING, 3 CLOSED; -1 on a WebSocketStream, which has none. */
  readyState: number;
  /** A short stack of the caller, innermost first, hook frames removed. */
  stack: string;
}

export interface OpenEvent {
  type: 'open';
  at: EpochMs;
  /** Negotiated subprotocol ('' when none). */
  protocol: string;
  /** Negotiated extensions ('' when none). */
  extensions: string;
}

export interface ErrorEvent {
  type: 'error';
  at: EpochMs;
  /** True when Closeline's simulation produced it. */
  simulated?: boolean;
}

export interface CloseEvent {
  type: 'close';
  at: EpochMs;
  code: number;
  reason: string;
  wasClean: boolean;
  /** True when Closeline's simulation produced it. */
  simulated?: boolean;
  /**
   * True when the page received no close event: the browser failed the connection with an error event
   * alone (Chromium does so for a socket the page's Content Security Policy blocks), after which the
   * socket is CLOSED. Closeline ends it at that error, with the 1006 the standard gives a failed
   * connection; a close event the page does receive later replaces it.
   */
  inferred?: boolean;
}

/**
 * The socket's document went away while the socket was still open (navigation,
 * reload, iframe removed, tab closed). The browser sends 1001 Going Away to the
 * server; the page never sees a close event. Recorded by the background.
 */
export interface EndedWithDocumentEvent {
  type: 'ended-with-document';
  at: EpochMs;
  /**
   * What told us: the page's pagehide, a new document in the frame, or the relay's connection closing with
   * its document (a frame removed in the same task as a document.open() in it, which erased the relay's
   * pagehide listener).
   */
  cause: 'pagehide' | 'new-document' | 'disconnect';
}

/**
 * A simulated stall began: for `seconds` the hook withholds incoming messages from
 * the page and holds the page's sends, while the socket stays open. Always simulated.
 */
export interface StallEvent {
  type: 'stall';
  at: EpochMs;
  seconds: number;
  simulated: true;
}

/**
 * A simulated stall ended: held messages were delivered (the socket was still open)
 * or dropped (it closed during the stall). Counts are of the held messages.
 */
export interface StallEndEvent {
  type: 'stall-end';
  at: EpochMs;
  outcome: 'delivered' | 'dropped';
  heldIn: number;
  heldOut: number;
  simulated: true;
}

export type SocketEvent =
  CloseCallEvent | OpenEvent | ErrorEvent | CloseEvent | EndedWithDocumentEvent | StallEvent | StallEndEvent;

/** Messages kept per direction in the hook's ring, and the caps on what one becomes at close. */
export const LAST_MESSAGES_PER_DIRECTION = 5;
export const LAST_MESSAGE_TEXT_BYTES = 1024;
export const LAST_MESSAGE_HEX_BYTES = 64;

/**
 * One of the last messages before the close, as plain text (captured only where
 * message content capture is on). `size` is in the counters' units: UTF-16 code
 * units for text, bytes for binary data.
 */
export interface LastMessage {
  dir: 'in' | 'out';
  at: EpochMs;
  kind: 'text' | 'binary' | 'blob' | 'other';
  size: number;
  /** Text frames: the first 1 KiB of UTF-8, cut on a character boundary. */
  text?: string;
  /** Binary frames: the first 64 bytes in lowercase hex. */
  hex?: string;
  /** True when `text` or `hex` is only the beginning of the message. */
  cut?: boolean;
}

/** Message counters: a count and a size per direction, O(1) per message. */
export interface MessageCounters {
  sentMessages: number;
  /** Sum of string lengths in UTF-16 code units, plus byteLength/size of binary data. Not UTF-8 bytes. */
  sentSize: number;
  receivedMessages: number;
  receivedSize: number;
}

export type SocketApi = 'WebSocket' | 'WebSocketStream';

export interface Connection {
  /** Minted by the background: tab, frame, document, and the document-local socket number. Never from the page. */
  id: string;
  /**
   * The document-local socket number the hook gave the socket: what a simulation
   * addresses. Absent in recordings made by older versions.
   */
  socketNumber?: number;
  api: SocketApi;
  url: string;
  /** Requested subprotocols, in order. */
  protocols: string[];
  frameId: number;
  /** Browser-assigned document id (or a relay nonce where the browser has none). */
  documentId: string;
  /**
   * The address of the document that created the socket, as it was then: a single-page app's route after
   * history.pushState (the relay's reading, within the document's origin); older files have the document's
   * first address.
   */
  frameUrl: string;
  /**
   * The site of a document whose address names none (about:blank written into by its page, srcdoc,
   * blob:): its origin's host, which the message content choice went by. Absent where frameUrl names it.
   */
  site?: string;
  createdAt: EpochMs;
  /** A short stack of the code that constructed the socket. */
  stack: string;
  /** Events in the order they happened. */
  events: SocketEvent[];
  counters: MessageCounters;
  /** Names of fields that were clamped at the relay (url, stack, reason, protocols...). */
  truncated?: string[];
  /**
   * The last messages in each direction before the close, oldest first (only where
   * content capture was on). Left out of exports unless the user includes content.
   */
  lastMessages?: LastMessage[];
}

export interface NavigationMark {
  type: 'navigation';
  at: EpochMs;
  frameId: number;
  documentId: string;
  url: string;
}

/** Every lifecycle state a mark can have: the relay's and the import's checks both accept exactly these. */
export const LIFECYCLE_STATES = ['visible', 'hidden', 'frozen', 'resumed', 'online', 'offline', 'pagehide'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

export interface LifecycleMark {
  type: 'lifecycle';
  at: EpochMs;
  frameId: number;
  documentId: string;
  state: LifecycleState;
  /**
   * Only with state 'pagehide': the event's `persisted`. False means the document is unloaded for good (a
   * reload, a navigation, a closed frame or tab: it can never answer a closure again); true means it went into
   * the back/forward cache and may come back. Absent in files written before it was recorded, which are read
   * as then: a pagehide that may come back.
   */
  persisted?: boolean;
}

export type Mark = NavigationMark | LifecycleMark;

/** What was lost, and why. Shown to the user; never silently discarded. */
export interface DroppedCounts {
  /** Oldest connections removed to stay within the per-tab or global storage bound. */
  connectionsEvicted: number;
  /** New sockets not recorded because the page created them faster than the rate limit. */
  connectionsRateLimited: number;
  /**
   * Connections the background had stored but could not read back when it started again (a value of
   * another shape in storage). Absent from files written before it was counted: read as 0.
   */
  connectionsUnreadable: number;
  /** Messages from the page that failed validation, or arrived on the public channel (forged). */
  eventsRejected: number;
  /** Events lost because a buffer between page and background was full. */
  eventsOverflowed: number;
  /** Strings clamped to their cap (URL, reason, stack, protocols). */
  fieldsTruncated: number;
  /** Marks removed to stay within the bound. */
  marksEvicted: number;
}

export function emptyDropped(): DroppedCounts {
  return {
    connectionsEvicted: 0,
    connectionsRateLimited: 0,
    connectionsUnreadable: 0,
    eventsRejected: 0,
    eventsOverflowed: 0,
    fieldsTruncated: 0,
    marksEvicted: 0,
  };
}

export function emptyCounters(): MessageCounters {
  return { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 };
}

/** One tab's recording, as stored and as exported (the export adds exportedAt). */
export interface Recording {
  format: typeof RECORDING_FORMAT;
  version: typeof RECORDING_FORMAT_VERSION;
  extensionVersion: string;
  tabId: number;
  /** When the recording (re)started: install, clear, or a navigation without preserve log. */
  startedAt: EpochMs;
  exportedAt?: EpochMs;
  /**
   * Set on export: the recommendation profile the exporting view judged by (its verdicts are not in the
   * file; opened elsewhere, another profile may judge it, and the panel says so).
   */
  profileId?: string;
  /** Ordered by createdAt. */
  connections: Connection[];
  /** Ordered by at. */
  marks: Mark[];
  dropped: DroppedCounts;
}

export function emptyRecording(tabId: number, extensionVersion: string, startedAt: EpochMs): Recording {
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_FORMAT_VERSION,
    extensionVersion,
    tabId,
    startedAt,
    connections: [],
    marks: [],
    dropped: emptyDropped(),
  };
}

/** Creation order, for sort (which is stable: connections created at the same time keep their order). */
export const byCreation = (a: Connection, b: Connection): number => a.createdAt - b.createdAt;

/**
 * Whether connections are in creation order, as a live recording keeps them: the views then read them
 * as they are, where a copy and a sort per update cost more than the check.
 */
export function inCreationOrder(connections: readonly Connection[]): boolean {
  for (let i = 1; i < connections.length; i++)
    if (connections[i]!.createdAt < connections[i - 1]!.createdAt) return false;
  return true;
}

/** The connections in creation order: the list itself when it already is, else a sorted copy. */
export function creationOrdered(connections: readonly Connection[]): readonly Connection[] {
  return inCreationOrder(connections) ? connections : [...connections].sort(byCreation);
}

/** The close event of a connection, if it has one. */
export function closeEventOf(c: Connection): CloseEvent | undefined {
  // Indexed in these per-connection helpers: a for-of step allocates until V8 optimises the function,
  // and an import calls them 10,000 times first (docs/ARCHITECTURE.md, "Loops an import runs").
  const events = c.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'close') return e;
  }
  return undefined;
}

/** The end of a connection's life: its close event, or the moment its document went away. */
export function endOf(c: Connection): { at: EpochMs; event: CloseEvent | EndedWithDocumentEvent } | undefined {
  const events = c.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'close' || e.type === 'ended-with-document') return { at: e.at, event: e };
  }
  return undefined;
}

/**
 * A socket URL without query and fragment, host lower-cased: what "the same endpoint" means across attempts,
 * in the timeline's lanes, for the reconnect check and in the analysis. The one way of cutting it.
 */
export function endpointOf(url: string): string {
  return urlParts(url).base;
}

export function openEventOf(c: Connection): OpenEvent | undefined {
  const events = c.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'open') return e;
  }
  return undefined;
}
