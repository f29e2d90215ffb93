/**
 * Contract of the close-code knowledge base. Pure data types: every text is an
 * i18n message id (public/_locales/en/messages.json), never an inline string.
 */

export type CodeCategory =
  | 'normal' // 1000, 1001
  | 'protocol-error' // 1002, 1003, 1007, 1009, 1010
  | 'policy' // 1008, 3000, 3003, auth-like app codes
  | 'server-error' // 1011, 1014
  | 'restart' // 1012
  | 'overload' // 1013
  | 'abnormal' // 1005, 1006, 1015 (never on the wire)
  | 'reserved' // 1004, 1016-2999
  | 'invalid' // 0-999, 5000+
  | 'registered' // other 3000-3999
  | 'application'; // 4000-4999 and protocol-specific codes

/**
 * How a client should react, which the analysis maps to a rule.
 * - restart: reconnect after a short delay (1012-like)
 * - backoff: reconnect with exponential backoff (1013-like)
 * - do-not-resend: do not retry the same request; fix the cause first (1008-like, terminal protocol codes)
 * - app-choice: reconnecting is the app's choice; if it does, back off (1006, 1011, 1014,
 *   >= 3000 with no known meaning)
 * - none: no reconnect expected (1000, 1001, 1005)
 */
export type ReconnectAdvice = 'restart' | 'backoff' | 'do-not-resend' | 'app-choice' | 'none';

export interface SourceRef {
  /** i18n message id of the source's display name, e.g. "RFC 6455 §7.4.1". */
  labelId: string;
  /** Public URL of the source (shown as a link; the extension itself never fetches it). */
  url: string;
}

export interface CodeEntry {
  code: number;
  /**
   * Protocol this entry belongs to: 'websocket' for RFC/IANA codes, else e.g. 'graphql-ws', 'discord', 'centrifugo'.
   */
  protocol: string;
  nameId: string;
  category: CodeCategory;
  meaningId: string;
  whenId: string;
  fixId: string;
  reconnect: ReconnectAdvice;
  /** i18n id of the sentence describing how a client should reconnect. */
  reconnectId: string;
  /** True for codes the browser never receives on the wire (1005, 1006, 1015). */
  neverOnWire?: boolean;
  /** Codes this one is often confused with: keys into the comparisons. */
  confusedWith?: number[];
  source: SourceRef;
}

export interface CodeContext {
  /**
   * The subprotocol the server agreed to (negotiated). A protocol named here is
   * established for the socket; one only requested is not.
   */
  protocol?: string;
  url?: string;
}

/** Result of looking a code up in context. */
export type CodeLookup =
  | { kind: 'known'; entry: CodeEntry }
  /**
   * Protocols define this code but none is established for the socket (or two
   * established ones disagree): the code has no known meaning here. `range` is
   * what it means without a protocol (and decides the reconnect advice); each
   * entry is what it would mean "if this is <protocol>".
   */
  | { kind: 'ambiguous'; entries: CodeEntry[]; range: CodeRange }
  /** Only the range is known (e.g. 4000-4999 private use). */
  | { kind: 'range'; range: CodeRange };

export interface CodeRange {
  from: number;
  to: number;
  /** Protocol whose convention this range states ('websocket' when absent), e.g. 'centrifugo'. */
  protocol?: string;
  nameId: string;
  category: CodeCategory;
  meaningId: string;
  reconnect: ReconnectAdvice;
  source: SourceRef;
}

export interface Comparison {
  /** Stable id, e.g. "1008-vs-1012". */
  id: string;
  codes: number[];
  titleId: string;
  /** Key differences, one i18n id per bullet. */
  differenceIds: string[];
  /** When to use which, one i18n id per code in `codes` order. */
  useWhenIds: string[];
}
