/**
 * Closure facts per connection: the code as the page saw it, who closed it
 * (observed or inferred), and how long it was open. Judgements come later.
 */
import { openEventOf, type Connection } from '../protocol/recording';
import type { Closure, Initiator } from './types';

/** The browser sends 1001 Going Away when the document goes with the socket open. */
export const DOCUMENT_END_CODE = 1001;

export interface ClosureFacts extends Closure {
  /** When the connection opened, if it did. */
  openedAt?: number;
}

/** The closure of one connection, or undefined while it is still open or connecting. */
export function classify(c: Connection): ClosureFacts | undefined {
  let openedAt: number | undefined;
  let firstCloseCall: number | undefined;
  // The code a WebSocketStream's first close() asked for (null: none), while that call is the first.
  let streamCallCode: number | null | undefined;
  // When the browser failed the connection: it fires `error` and then `close` in one task, and a page that
  // retries from its error handler (pusher-js's does) makes its next socket between the two. The connection
  // ended at the failure, so a retry made there comes after it, not before. Only an error that the close
  // follows counts (close() calls made in its handler aside): nothing else can come between the two.
  let failedAt: number | undefined;
  // Indexed rather than for-of, here and in the other per-connection loops of an import: until V8 has
  // optimised a function, each for-of step allocates an iterator result, and an import runs this code
  // 10,000 times before it is optimised (docs/ARCHITECTURE.md, "Loops an import runs").
  const events = c.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    switch (e.type) {
      case 'open':
        // Times are held to the socket's creation (and the close to its opening): Closeline's own records
        // always are, and a forged or edited one must not make a socket close before it was made, which
        // would link it to itself as its own reconnect.
        openedAt ??= Math.max(e.at, c.createdAt);
        failedAt = undefined;
        break;
      case 'error':
        failedAt = e.at;
        break;
      case 'close-call':
        // Only a call on a connecting or open socket closes it. Libraries often call close() in
        // their error handler, when a refused handshake has already left the socket CLOSED, or
        // while the server's close handshake runs (CLOSING): the closure is not the page's then.
        // WebSocketStream calls carry -1 (no readyState).
        if (e.readyState <= 1 && firstCloseCall === undefined) {
          firstCloseCall = e.at;
          if (e.readyState < 0) streamCallCode = e.code ?? null;
        }
        break;
      case 'close': {
        // A stream has no readyState to say its close() came while the server's close handshake ran, and a
        // page typically calls it once its read loop ends, which the server's close frame ends first. A close
        // the page began is answered with the code it asked for (none: 1005, or 1000); another code is the
        // server's own, which came first.
        // A WebSocket's close() can cross the server's close frame: the call finds the socket still open
        // (the frame is not read yet), and the close event then carries the server's code. Only the codes
        // a page can send (1000, 3000–4999, or none: 1005) can be the echo of its own close; another is
        // the server's, which came first.
        const serverFirst =
          firstCloseCall !== undefined &&
          e.wasClean &&
          (streamCallCode === undefined
            ? !pageCanSend(e.code)
            : streamCallCode === null
              ? e.code !== 1005 && e.code !== 1000
              : e.code !== streamCallCode);
        const pageClosed = firstCloseCall !== undefined && !serverFirst;
        const { initiator, inferred } = initiatorOf(pageClosed, e.wasClean, openedAt !== undefined);
        // The connection ends where the page could act on its end: the browser's failure (its error event, just
        // before the close), or the page's own close() call. A page that closed a socket may open the next one at
        // once, before the server's answer to its close frame ends the old one (socketcluster-client does on its
        // ping timeout): that socket is its next attempt, not a make-before-break replacement.
        const endedAt = Math.min(failedAt ?? e.at, e.at, pageClosed ? (firstCloseCall as number) : e.at);
        const closedAt = Math.max(endedAt, openedAt ?? c.createdAt);
        return {
          connectionId: c.id,
          code: e.code,
          reason: e.reason,
          wasClean: e.wasClean,
          closedAt,
          initiator,
          // The server's by its code alone, not by what was seen: shown as inferred, like a 1006's split.
          inferred: inferred || serverFirst,
          lifetimeMs: openedAt === undefined ? undefined : closedAt - openedAt,
          simulated: e.simulated === true,
          openedAt,
        };
      }
      case 'ended-with-document': {
        const closedAt = Math.max(e.at, openedAt ?? c.createdAt);
        return {
          connectionId: c.id,
          code: DOCUMENT_END_CODE,
          reason: '',
          wasClean: true,
          closedAt,
          initiator: 'document',
          // We did not see the close: the browser's 1001 is what it sends, not what the page observed.
          inferred: true,
          lifetimeMs: openedAt === undefined ? undefined : closedAt - openedAt,
          simulated: false,
          openedAt,
        };
      }
      default:
        failedAt = undefined;
        break;
    }
  }
  return undefined;
}

/** A code a page's close() can put in its close frame, or 1005 for none: what the server echoes to it. */
const pageCanSend = (code: number): boolean => code === 1000 || code === 1005 || (code >= 3000 && code <= 4999);

function initiatorOf(
  closeCalled: boolean,
  wasClean: boolean,
  opened: boolean,
): { initiator: Initiator; inferred: boolean } {
  // close() first: whatever code the event carries is the server's echo (or 1006 if it never answered).
  if (closeCalled) return { initiator: 'page', inferred: false };
  if (wasClean) return { initiator: 'server', inferred: false };
  // No close frame: the page cannot tell a refused handshake from a network fault, only whether it opened.
  return { initiator: opened ? 'network-dropped' : 'network-never-opened', inferred: true };
}

/** When the connection opened, if it did (for connections still open). */
export function openedAtOf(c: Connection): number | undefined {
  return openEventOf(c)?.at;
}
