/**
 * Episodes (docs/verdicts.md, "Terms"): a trigger closure and the attempts that
 * follow it. Attempts that fail before or soon after opening continue the
 * episode; it ends when a connection stays open long enough (recovered) or the
 * page stays silent for the link window (gave up). Both times take the
 * tolerance in the page's favour: a connection open 10 s − 0.05 s recovered
 * (its later failure is not held against the backoff), and silence must last
 * 60 s + 0.05 s (as long as an attempt could still link) before "no reconnect".
 * A document unloaded for good (its pagehide with persisted false) within that
 * window ends the wait there: attempts link only within one document, so none
 * can come, and the wait is over at once rather than running out its window.
 */
import { creationOrdered, type Connection } from '../protocol/recording';
import type { Episode, ReconnectLink } from './types';
import type { Terms } from './profiles/types';
import { openedAtOf, type ClosureFacts } from './classify';
import { linkWindowMs } from './link';

/** A wait between the end of one connection and the next attempt (or the recording's end). */
export interface Wait {
  fromMs: number;
  toMs: number;
}

export type Trailing =
  | { kind: 'none' }
  /** The page was still silent when the recording ended, inside the link window. */
  | { kind: 'running'; wait: Wait }
  /** The link window passed with no further attempt. */
  | { kind: 'expired'; wait: Wait }
  /** The document was unloaded for good (a reload, a navigation away) before any further attempt in it. */
  | { kind: 'left'; wait: Wait };

/** When a document was unloaded for good, if it was (ThrottleIndex.leftAt). */
export type DocumentLeftAt = (documentId: string) => number | undefined;

export interface EpisodeFacts {
  id: string;
  trigger: ClosureFacts;
  triggerConn: Connection;
  attempts: Connection[];
  /**
   * Sockets opened to the episode's endpoint while it ran that answer no closure (parallel.ts): counted by
   * the storm rule only. Filled by the analysis after linking; empty until then.
   */
  parallel: readonly Connection[];
  links: ReconnectLink[];
  /**
   * Closures of the attempts that failed (they belong to this episode; a recovered attempt's closure starts the next).
   */
  failed: ClosureFacts[];
  delaysS: number[];
  /** One wait per delay. */
  waits: Wait[];
  trailing: Trailing;
  outcome: Episode['outcome'];
}

export function buildEpisodes(
  connections: readonly Connection[],
  closures: ReadonlyMap<string, ClosureFacts>,
  links: ReadonlyMap<string, ReconnectLink>,
  terms: Terms,
  now: number,
  leftAt: DocumentLeftAt,
  /** The connections by id, when the caller has them already. */
  connectionsById?: ReadonlyMap<string, Connection>,
): EpisodeFacts[] {
  let byId = connectionsById;
  if (!byId) {
    const m = new Map<string, Connection>();
    for (let i = 0; i < connections.length; i++) m.set(connections[i]!.id, connections[i]!);
    byId = m;
  }
  const consumed = new Set<string>();
  const episodes: EpisodeFacts[] = [];
  // A live recording is kept in creation order already: copied and sorted only when it is not.
  const ordered = creationOrdered(connections);
  // Indexed: a for-of step allocates until V8 optimises the loop (docs/ARCHITECTURE.md, "Loops an import runs").
  for (let i = 0; i < ordered.length; i++) {
    const conn = ordered[i]!;
    const trigger = closures.get(conn.id);
    // A closure inside another episode belongs to it; the document's end admits no reconnect in it.
    if (!trigger || consumed.has(conn.id) || trigger.initiator === 'document') continue;
    episodes.push(walk(conn, trigger, byId, closures, links, terms, now, leftAt(conn.documentId), consumed));
  }
  return episodes;
}

function walk(
  triggerConn: Connection,
  trigger: ClosureFacts,
  byId: ReadonlyMap<string, Connection>,
  closures: ReadonlyMap<string, ClosureFacts>,
  links: ReadonlyMap<string, ReconnectLink>,
  terms: Terms,
  now: number,
  /** When the episode's document (attempts link only within it) was unloaded for good, if it was. */
  leftAt: number | undefined,
  consumed: Set<string>,
): EpisodeFacts {
  const stableMs = Math.round((terms.stableOpenS - terms.toleranceS) * 1000);
  const windowMs = linkWindowMs(terms);
  const ep: EpisodeFacts = {
    id: `ep:${trigger.connectionId}`,
    trigger,
    triggerConn,
    attempts: [],
    parallel: [],
    links: [],
    failed: [],
    delaysS: [],
    waits: [],
    trailing: { kind: 'none' },
    outcome: 'ongoing',
  };
  let cur = trigger;
  for (;;) {
    const link = links.get(cur.connectionId);
    // Linking never makes a cycle of sockets whose times are in order (classify holds them so); this
    // guard keeps a walk finite whatever it is given: an attempt already walked ends the chain.
    const seen = link !== undefined && (link.nextId === triggerConn.id || consumed.has(link.nextId));
    const next = link && !seen ? byId.get(link.nextId) : undefined;
    if (!link || !next) {
      if (cur.initiator === 'document') {
        // The attempt's document went away: no wait follows it. Before it opened, the page did not stop
        // trying: it left that document (attempts link only within one).
        ep.outcome = cur.openedAt !== undefined ? 'recovered' : 'left';
      } else if (leftAt !== undefined && leftAt - cur.closedAt <= windowMs) {
        // Unloaded while an attempt could still have linked: the wait ends there. An unload stamped just
        // before the close (the relay's clock is not the hook's) ends it at once.
        ep.trailing = { kind: 'left', wait: { fromMs: cur.closedAt, toMs: Math.max(leftAt, cur.closedAt) } };
        ep.outcome = 'left';
      } else if (now - cur.closedAt <= windowMs) {
        ep.trailing = { kind: 'running', wait: { fromMs: cur.closedAt, toMs: now } };
        ep.outcome = 'ongoing';
      } else {
        ep.trailing = { kind: 'expired', wait: { fromMs: cur.closedAt, toMs: cur.closedAt + windowMs } };
        ep.outcome = 'gave-up';
      }
      return ep;
    }
    ep.attempts.push(next);
    ep.links.push(link);
    ep.delaysS.push(link.delayS);
    ep.waits.push({ fromMs: cur.closedAt, toMs: next.createdAt });
    const closure = closures.get(next.id);
    const openedAt = closure ? closure.openedAt : openedAtOf(next);
    if (!closure) {
      ep.outcome = openedAt !== undefined && now - openedAt >= stableMs ? 'recovered' : 'ongoing';
      return ep;
    }
    if (openedAt !== undefined && closure.closedAt - openedAt >= stableMs) {
      // It held: its own later closure starts a new episode.
      ep.outcome = 'recovered';
      return ep;
    }
    consumed.add(next.id);
    ep.failed.push(closure);
    cur = closure;
  }
}
