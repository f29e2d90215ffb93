/**
 * The knowledge base's answers for a connection's code, memoised: 10,000
 * closures share few (code, subprotocol, endpoint) triples.
 */
import type { Connection } from '../protocol/recording';
import { urlUpToQuery } from '../knowledge/url-prefix';
import type { CodeContext, ReconnectAdvice } from '../knowledge/types';
import { establishedAdvice, reconnectAdvice } from '../knowledge';

/**
 * The socket's context for the knowledge base: its URL and the subprotocol the
 * server negotiated. A subprotocol only requested is not established (the
 * server may have answered with none), so it gives no code a protocol's meaning.
 * A server can send a close code only on an opened socket, so every code worth
 * a protocol's meaning comes with the negotiation.
 */
export function codeContextOf(conn: Connection): CodeContext {
  const negotiated = negotiatedOf(conn);
  return negotiated ? { url: conn.url, protocol: negotiated } : { url: conn.url };
}

/** Codes 1000–2999 belong to the WebSocket protocol itself: no context changes what they mean. */
export const isContextFree = (code: number): boolean => code >= 1000 && code < 3000;

/**
 * The key of what the knowledge base says of a code that depends on its context: the code, the
 * negotiated subprotocol ('' for none) and the URL up to its query (`urlUpToQuery`), since the
 * knowledge base reads only the host and path, which a URL parser takes from that prefix alone.
 * Every memo of its answers keys by this, so equal keys always mean equal answers.
 */
export function contextKey(code: number, protocol: string, url: string): string {
  return `${code}\u0000${protocol}\u0000${urlUpToQuery(url)}`;
}

export interface CodeKnowledge {
  adviceFor(code: number, conn: Connection): ReconnectAdvice;
  /** The advice of a protocol established for the socket that gives the code its meaning; else undefined. */
  protocolAdviceFor(code: number, conn: Connection): ReconnectAdvice | undefined;
}

export function codeKnowledge(): CodeKnowledge {
  // Both answers for a key, worked out together on its first use.
  const answers = new Map<string | number, { advice: ReconnectAdvice; established: ReconnectAdvice | undefined }>();
  // A context-free code is its own key, and no context is built for it at all.
  const keyOf = (code: number, conn: Connection): string | number =>
    isContextFree(code) ? code : contextKey(code, negotiatedOf(conn), conn.url);
  const answersFor = (code: number, conn: Connection) => {
    const key = keyOf(code, conn);
    let a = answers.get(key);
    if (!a) {
      const ctx = codeContextOf(conn);
      answers.set(key, (a = { advice: reconnectAdvice(code, ctx), established: establishedAdvice(code, ctx) }));
    }
    return a;
  };
  return {
    adviceFor: (code, conn) => answersFor(code, conn).advice,
    protocolAdviceFor: (code, conn) => answersFor(code, conn).established,
  };
}

/** The subprotocol the (last) open event says the server negotiated; '' for none. */
function negotiatedOf(conn: Connection): string {
  let negotiated = '';
  const events = conn.events;
  // Indexed: a for-of step allocates until this is optimised (docs/ARCHITECTURE.md, "Loops an import runs").
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'open') negotiated = e.protocol;
  }
  return negotiated;
}
