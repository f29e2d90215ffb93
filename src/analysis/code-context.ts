/**
 * The knowledge base's answers for a connection's code, memoised: 10,000
 * closures share few (code, subprotocol, endpoint) triples.
 */
import type { Connection } from '../protocol/recording';
import type { CodeCategory, CodeContext, ReconnectAdvice } from '../knowledge/types';
import { categoryOf, reconnectAdvice } from '../knowledge';
import { urlParts } from './url-parts';

/** Negotiated subprotocol, else the first requested one (the knowledge base's CodeContext). */
export function codeContextOf(conn: Connection): CodeContext {
  let negotiated = '';
  for (const e of conn.events) if (e.type === 'open') negotiated = e.protocol;
  const protocol = negotiated || conn.protocols[0];
  return { url: conn.url, ...(protocol ? { protocol } : {}) };
}

export interface CodeKnowledge {
  adviceFor(code: number, conn: Connection): ReconnectAdvice;
  categoryFor(code: number, conn: Connection): CodeCategory;
}

export function codeKnowledge(): CodeKnowledge {
  const advice = new Map<string, ReconnectAdvice>();
  const category = new Map<string, CodeCategory>();
  const keyOf = (code: number, conn: Connection, ctx: CodeContext) => `${code}\u0000${ctx.protocol ?? ''}\u0000${urlParts(conn.url).base}`;
  return {
    adviceFor(code, conn) {
      const ctx = codeContextOf(conn);
      const key = keyOf(code, conn, ctx);
      let a = advice.get(key);
      if (a === undefined) advice.set(key, (a = reconnectAdvice(code, ctx)));
      return a;
    },
    categoryFor(code, conn) {
      const ctx = codeContextOf(conn);
      const key = keyOf(code, conn, ctx);
      let c = category.get(key);
      if (c === undefined) category.set(key, (c = categoryOf(code, ctx)));
      return c;
    },
  };
}
