/**
 * Parallel attempts (docs/verdicts.md, "Storm"): sockets a page opened to an
 * endpoint after one of its closures that answer no closure themselves.
 * Linking pairs each closure with one next attempt, so a page whose reconnect
 * code runs twice per failure (a listener added at every reconnect, two timers)
 * opens the extra sockets beside the chain, where no link reaches them, and a
 * second chain grows from them. The storm rule counts attempts to one endpoint,
 * so they count with the chain's own attempts.
 *
 * Each such socket belongs to the episode of the endpoint's last closure before
 * it (within the link window): the failure it answers. Its own episode, when it
 * failed and was retried in turn, counts there too, one level deep. Sockets
 * that answer another closure are that closure's attempts, never this one's:
 * five sockets closed by one restart, each reconnected once, are five episodes
 * of one attempt each, not a storm.
 */
import type { Connection } from '../protocol/recording';
import type { EpisodeFacts } from './episodes';
import type { EndpointRest } from './link';

/**
 * Sets `parallel` on each episode that has sockets opened beside it. `windowMs` is the link window
 * (with its tolerance): a socket opened later than that after the last closure answers none of them.
 */
export function addParallelAttempts(
  facts: readonly EpisodeFacts[],
  endpoints: ReadonlyMap<string, EndpointRest>,
  windowMs: number,
): void {
  const owners: [closureId: string, socket: Connection][] = [];
  for (const { unclaimed, closures } of endpoints.values()) {
    let j = -1;
    for (let i = 0; i < unclaimed.length; i++) {
      const u = unclaimed[i]!;
      while (j + 1 < closures.length && closures[j + 1]!.closedAt <= u.createdAt) j++;
      // A socket closed in the very millisecond it was made (times in a file are whole) answers the closure
      // before its own.
      const last = closures[j]?.connectionId === u.id ? closures[j - 1] : closures[j];
      if (last && u.createdAt - last.closedAt <= windowMs) owners.push([last.connectionId, u]);
    }
  }
  if (owners.length === 0) return;
  // The episode of each closure: the one it triggered, or the one it failed in.
  const episodeOf = new Map<string, EpisodeFacts>();
  for (let i = 0; i < facts.length; i++) {
    const ep = facts[i]!;
    episodeOf.set(ep.trigger.connectionId, ep);
    for (let k = 0; k < ep.failed.length; k++) episodeOf.set(ep.failed[k]!.connectionId, ep);
  }
  const beside = new Map<EpisodeFacts, Connection[]>();
  for (let i = 0; i < owners.length; i++) {
    const [closureId, socket] = owners[i]!;
    const ep = episodeOf.get(closureId);
    if (!ep) continue;
    const list = beside.get(ep);
    if (list) list.push(socket);
    else beside.set(ep, [socket]);
  }
  for (const [ep, sockets] of beside) {
    // Each socket once, and never the chain's own trigger: with whole-millisecond times a loop of sockets
    // that fail in the millisecond they were made has its trigger closed "before" itself by its own attempts.
    const all = new Set<Connection>();
    const add = (c: Connection) => {
      if (c.id !== ep.trigger.connectionId) all.add(c);
    };
    for (let i = 0; i < sockets.length; i++) {
      add(sockets[i]!);
      // A socket opened beside the chain that failed and was retried: its episode's attempts are this one's too.
      const own = episodeOf.get(sockets[i]!.id);
      if (own === ep || own?.trigger.connectionId !== sockets[i]!.id) continue;
      own.attempts.forEach(add);
      beside.get(own)?.forEach(add);
    }
    if (all.size > 0) ep.parallel = [...all].sort((a, b) => a.createdAt - b.createdAt);
  }
}
