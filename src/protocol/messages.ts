/**
 * The one message protocol. Every cross-context message is defined here:
 *
 *   page (MAIN-world hook) --MessagePort--> relay (ISOLATED world)
 *   relay --runtime port "closeline-relay"--> background service worker
 *   extension pages (panel, popup) --runtime message / port "closeline-view"--> background
 *
 * Every extension-side message travels in an envelope with a source tag and a
 * protocol version. Messages from the page are untrusted raw data: the relay
 * validates and clamps them (src/protocol/validate-hook-event.ts) before they
 * become RelayEvents.
 */
import { LAST_MESSAGE_TEXT_BYTES } from './recording';
import type {
  Connection,
  DroppedCounts,
  EpochMs,
  LastMessage,
  LifecycleState,
  Mark,
  MessageCounters,
  Recording,
  SocketApi,
} from './recording';

export const PROTOCOL_SOURCE = 'closeline';
export const PROTOCOL_VERSION = 1;

/**
 * The relay asks for the hook's private MessagePort with a synchronous event of
 * this type on its window, and the hook answers with a synchronous MessageEvent of
 * the reply type carrying the port. Both scripts run at document_start, one right
 * after the other, before any page script.
 */
export const HOOK_PORT_REQUEST = 'closeline:port?';
export const HOOK_PORT_REPLY = 'closeline:port';

/** Tag of the former public hello: a window message claiming it is a forgery, counted as rejected. */
export const HOOK_HELLO_TAG = '__closeline_hook_hello__';

export const RELAY_PORT_NAME = 'closeline-relay';
export const VIEW_PORT_NAME = 'closeline-view';

// ---------------------------------------------------------------------------
// page -> relay (untrusted; shapes the hook is expected to send)

export type HookEvent =
  | { t: 'socket'; k: number; api: SocketApi; url: string; protocols: string[]; at: EpochMs; stack: string }
  | { t: 'open'; k: number; at: EpochMs; protocol: string; extensions: string }
  | { t: 'close-call'; k: number; at: EpochMs; code?: number; reason?: string; readyState: number; stack: string }
  | { t: 'error'; k: number; at: EpochMs; sim?: boolean }
  | {
      t: 'close';
      k: number;
      at: EpochMs;
      code: number;
      reason: string;
      wasClean: boolean;
      sim?: boolean;
      counters: HookCounters;
      /** Some message's size was unknown (not a string, ArrayBuffer, view or Blob): it counted 0. */
      unsized?: boolean;
      /** Present only where content capture is on for the document's site: [received, sent]. */
      last?: [HookRing, HookRing];
    }
  | { t: 'stall'; k: number; at: EpochMs; seconds: number }
  | { t: 'stall-end'; k: number; at: EpochMs; outcome: 'delivered' | 'dropped'; heldIn: number; heldOut: number };

/** The hook's message counters: [sentMessages, sentSize, receivedMessages, receivedSize] (see MessageCounters). */
export type HookCounters = [number, number, number, number];

/**
 * One direction's last messages as the hook posts them with a close: its ring as it was, slots
 * `(n - 5 .. n - 1) % 5` holding the messages oldest first (fewer while n < 5). The hook does no
 * encoding; the relay turns each slot into a LastMessage (hook-rings.ts) and checks it all.
 */
export interface HookRing {
  /** Each kept slot: `{ d, n }` (HookLastMessage); untrusted, like everything from the page. */
  data: unknown[];
  at: number[];
  /** Messages written so far. */
  n: number;
}

/**
 * One kept message: `n` is its size (UTF-16 units of text; bytes of an ArrayBuffer, view or Blob;
 * -1 for anything else); `d` is text cut to LAST_RAW_TEXT_UNITS, or a copy of the first 64 bytes of
 * binary data, and absent for a Blob (size only) or anything else.
 */
export interface HookLastMessage {
  d?: string | Uint8Array;
  n: number;
}

/** The hook sends one unit more than 1 KiB of UTF-8 can ever need, so the relay sees any cut. */
export const LAST_RAW_TEXT_UNITS = LAST_MESSAGE_TEXT_BYTES + 1;

// relay -> page (simulation commands for the hook). Outages are not a hook command:
// the background blocks handshakes with a declarativeNetRequest session rule.
export type HookCommand =
  | { t: 'simulate-close'; k: number; code: number; reason: string }
  | { t: 'simulate-drop'; k: number }
  | { t: 'simulate-stall'; k: number; seconds: number }
  /** Whether the hook keeps message content for this document's site (k is unused: 0). */
  | { t: 'capture'; k: 0; on: boolean };

// ---------------------------------------------------------------------------
// relay -> background

/**
 * A validated, clamped hook event (`k` is the document-local socket number), or
 * a lifecycle mark the relay observed itself: the relay sees the same trusted
 * DOM events as the page, and unlike the hook's MessagePort it can still send
 * synchronously from pagehide.
 */
export type RelayEvent =
  | (Relayed<HookEvent> & { truncated?: string[] })
  /** `persisted` only on a pagehide: PageTransitionEvent.persisted (false: the document is unloaded for good). */
  | { t: 'life'; at: EpochMs; state: LifecycleState; persisted?: boolean; truncated?: undefined };

/**
 * A close's counters and last messages as the relay made them from the hook's. A socket's `page` is the
 * document's address when the relay took the socket, where the page had changed it since the document
 * started (history.pushState, a fragment): a single-page app's route, which the hook does not read.
 */
type Relayed<E> = E extends { t: 'close' }
  ? Omit<E, 'last' | 'counters'> & { counters: MessageCounters; last?: LastMessage[] }
  : E extends { t: 'socket' }
    ? E & { page?: string }
    : E;

export interface RelayHello {
  type: 'hello';
  /** Fallback document id where the browser gives none (Firefox). */
  docNonce: string;
  url: string;
  /** The document's origin: the site of one whose URL names none (about:blank, srcdoc, blob:). */
  origin?: string;
  isTop: boolean;
  /**
   * The document came back from the back/forward cache: the background, which took it as gone at its
   * pagehide, takes it back as its frame's current document. Absent on every other hello.
   */
  restored?: true;
  /**
   * When the document's relay started (its document_start, epoch ms): where the background marks the
   * navigation, which it hears of a round trip (or a worker start) later, after the page's first sockets.
   * Absent for a prerendered document, which is navigated to only when it is shown.
   */
  startedAt?: number;
}

export interface RelayBatch {
  type: 'batch';
  /** Increasing per document; the background acks the highest seq it has stored. */
  seq: number;
  events: RelayEvent[];
  /** Counts since the previous batch (deltas, not totals). */
  dropped: Partial<DroppedCounts>;
}

export type RelayToBackground = RelayHello | RelayBatch;

/** background -> relay over the relay's runtime port. */
export type BackgroundToRelay = { type: 'ack'; seq: number };

/** background -> relay by tabs.sendMessage: is the hook in this tab? (Tabs opened before install have none.) */
export type RelayPing = { type: 'ping' };
/**
 * `late`: the relay (and so the hook) started in a document already loaded, as Firefox adds content scripts
 * to the tabs open at install or update: sockets the page opened before then were not recorded.
 */
export type RelayPong = { type: 'pong'; late?: true };
/**
 * background -> one document's relay by tabs.sendMessage: a simulation for its hook. The relay answers true once
 * posted.
 */
export type RelayCommand = { type: 'command'; command: HookCommand };

/** What the background sends one document's relay by tabs.sendMessage (not over the relay's port). */
export type BackgroundToDocument = RelayPing | RelayCommand;

export function isRelayCommand(x: unknown): x is Envelope<RelayCommand> {
  return isEnvelope(x) && (x.msg as { type?: unknown }).type === 'command';
}

export function isRelayPing(x: unknown): x is Envelope<RelayPing> {
  return isEnvelope(x) && (x.msg as { type?: unknown }).type === 'ping';
}

export function isRelayPong(x: unknown): x is Envelope<RelayPong> {
  return isEnvelope(x) && (x.msg as { type?: unknown }).type === 'pong';
}

// ---------------------------------------------------------------------------
// extension pages <-> background

export interface Settings {
  /** Keep the recording across navigations of the tab (marking them). */
  preserveLog: boolean;
  /** Selected recommendation profile id (src/analysis/profiles). */
  profileId: string;
  /** The popup's "recent" window, in minutes. */
  recentMinutes: number;
  /** Redact query-parameter values in exports and copied text. */
  redactQuery: boolean;
  /** Hostnames where recording is paused. */
  pausedSites: string[];
  /**
   * Per-site choice to keep the last messages' content, by hostname. A site not
   * listed gets the default: on for local development hosts only (capture-policy.ts).
   */
  contentCapture: Record<string, boolean>;
  /** Exports include the last messages' content (off by default). */
  exportContent: boolean;
  /** The panel's and popup's language; 'auto' follows the browser's UI language. */
  language: LanguageSetting;
}

/** Languages with a catalog in public/_locales, plus 'auto' (the browser's UI language). */
export const LANGUAGES = ['en', 'ar', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageSetting = Language | 'auto';
export const isLanguageSetting = (x: unknown): x is LanguageSetting =>
  x === 'auto' || LANGUAGES.includes(x as Language);

/** The storage.local key the background keeps Settings under (views watch it for language changes). */
export const SETTINGS_STORAGE_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  preserveLog: true,
  profileId: 'default',
  recentMinutes: 15,
  redactQuery: true,
  pausedSites: [],
  contentCapture: {},
  exportContent: false,
  language: 'auto',
};

/** Whether the tab's pages have the hook: tabs opened before install have none until reloaded. */
export type CaptureStatus = 'capturing' | 'late' | 'no-hook' | 'paused';

/**
 * The view API: each request type, what it carries, and the one answer it gets
 * (besides `error`). Views send requests with runtime.sendMessage; the background
 * decodes them (view-api.ts) before acting.
 */
export interface ViewApi {
  'get-recording': { request: { tabId: number }; response: { type: 'recording'; recording: Recording } };
  clear: { request: { tabId: number }; response: { type: 'ok' } };
  'get-settings': { request: object; response: { type: 'settings'; settings: Settings } };
  /** `tabId`: the tab the view is about, when it is about one (a choice per site from a private tab is refused). */
  'set-settings': {
    request: { settings: Partial<Settings>; tabId?: number };
    response: { type: 'settings'; settings: Settings };
  };
  'get-status': { request: { tabId: number }; response: { type: 'status'; status: CaptureStatus } };
  simulate: {
    request: { tabId: number; connectionId: string; scope: SimulateScope; command: SimulateCommand };
    response: { type: 'ok' };
  };
}

export type ViewRequestType = keyof ViewApi;
export type ViewRequestOf<K extends ViewRequestType> = { type: K } & ViewApi[K]['request'];
export type ViewAnswer<K extends ViewRequestType> = ViewApi[K]['response'];
export type ViewRequest = { [K in ViewRequestType]: ViewRequestOf<K> }[ViewRequestType];

/** The answer type each request gets when it succeeds (the client checks it). */
export const VIEW_ANSWER_TYPE: { [K in ViewRequestType]: ViewAnswer<K>['type'] } = {
  'get-recording': 'recording',
  clear: 'ok',
  'get-settings': 'settings',
  'set-settings': 'settings',
  'get-status': 'status',
  simulate: 'ok',
};

/** One live connection, or every open connection to its endpoint in the same document. */
export type SimulateScope = 'connection' | 'endpoint';

/**
 * What the panel can simulate. "close-then-outage" is the one-click
 * scenario "the server says 1013, then is unavailable for N seconds": the outage
 * starts first, so the page's immediate reconnect already meets it.
 */
export type SimulateCommand =
  | { kind: 'close'; code: number; reason: string }
  | { kind: 'drop' }
  | { kind: 'stall'; seconds: number }
  | { kind: 'outage'; seconds: number }
  | { kind: 'close-then-outage'; code: number; reason: string; seconds: number };

export { MAX_OUTAGE_SECONDS, MAX_STALL_SECONDS } from './limits';

export type ViewResponse = ViewAnswer<ViewRequestType> | { type: 'error'; message: string };

/** Changes since the last push to a subscribed view. */
export interface RecordingDelta {
  /** New or changed connections (whole objects, replace by id). */
  connections: Connection[];
  /** Ids removed by eviction. */
  evicted: string[];
  /** Marks appended since the last push. */
  marks: Mark[];
  dropped: DroppedCounts;
}

/** view -> background over the view port. */
export type ViewPortMessage = { type: 'subscribe'; tabId: number };

/** background -> view over the view port. */
export type BackgroundPush =
  | { type: 'snapshot'; recording: Recording }
  | { type: 'delta'; tabId: number; delta: RecordingDelta }
  | { type: 'settings'; settings: Settings };

// ---------------------------------------------------------------------------
// envelope

export interface Envelope<T> {
  source: typeof PROTOCOL_SOURCE;
  v: typeof PROTOCOL_VERSION;
  msg: T;
}

export function wrap<T>(msg: T): Envelope<T> {
  return { source: PROTOCOL_SOURCE, v: PROTOCOL_VERSION, msg };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** True for an envelope of this protocol and version; the payload is still unchecked. */
export function isEnvelope(x: unknown): x is Envelope<unknown> {
  return isRecord(x) && x.source === PROTOCOL_SOURCE && x.v === PROTOCOL_VERSION && isRecord(x.msg);
}

const RELAY_TYPES = new Set(['hello', 'batch']);
// Marked pure so the hook, which imports this module for its own shapes, does not carry it.
const VIEW_REQUEST_TYPES = /* @__PURE__ */ new Set(Object.keys(VIEW_ANSWER_TYPE));
const PUSH_TYPES = new Set(['snapshot', 'delta', 'settings']);
const VIEW_RESPONSE_TYPES = new Set(['recording', 'settings', 'status', 'ok', 'error']);

function typed(x: unknown, types: Set<string>): boolean {
  return (
    isEnvelope(x) &&
    typeof (x.msg as { type?: unknown }).type === 'string' &&
    types.has((x.msg as { type: string }).type)
  );
}

export function isRelayToBackground(x: unknown): x is Envelope<RelayToBackground> {
  return typed(x, RELAY_TYPES);
}

export function isBackgroundToRelay(x: unknown): x is Envelope<BackgroundToRelay> {
  return typed(x, new Set(['ack']));
}

export function isViewRequest(x: unknown): x is Envelope<ViewRequest> {
  return typed(x, VIEW_REQUEST_TYPES);
}

export function isViewResponse(x: unknown): x is Envelope<ViewResponse> {
  return typed(x, VIEW_RESPONSE_TYPES);
}

export function isViewPortMessage(x: unknown): x is Envelope<ViewPortMessage> {
  return (
    isEnvelope(x) &&
    (x.msg as { type?: unknown }).type === 'subscribe' &&
    Number.isInteger((x.msg as { tabId?: unknown }).tabId)
  );
}

export function isBackgroundPush(x: unknown): x is Envelope<BackgroundPush> {
  return typed(x, PUSH_TYPES);
}
