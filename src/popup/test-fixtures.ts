/**
 * Test-only builders for the popup: hand-made closures and verdicts for the
 * pure model, and small real recordings for component tests (which run the
 * real analysis, so what the popup shows is what the product would show).
 */
import type { Closure, Verdict, VerdictLevel } from '../analysis/types';
import type { Connection, SocketEvent } from '../protocol/recording';
import { MIN, T0, closeAt, connectionOf, openAt, recordingOf } from '../test-support/recordings';

export { MIN, T0, recordingOf };

export function closure(connectionId: string, code: number, closedAt: number): Closure {
  return {
    connectionId,
    code,
    reason: '',
    wasClean: true,
    closedAt,
    initiator: 'server',
    inferred: false,
    simulated: false,
  };
}

export function verdictOf(level: VerdictLevel, rule = `rule.${level}`): Verdict {
  return {
    level,
    rule,
    text: { id: 'verdict_storm', subs: ['5', '1 s', '5', '2'], plural: true },
    observedDelays: [],
    profileId: 'default',
  };
}

export interface SockSpec {
  id: string;
  at: number;
  url?: string;
  /** Close code; omit for a socket still open. */
  code?: number;
  /** ms from creation to the close event. */
  lifeMs?: number;
  frameUrl?: string;
}

export function sock(s: SockSpec): Connection {
  const events: SocketEvent[] = [openAt(s.at + 5)];
  if (s.code !== undefined) events.push(closeAt(s.at + (s.lifeMs ?? 20), s.code));
  return connectionOf({
    id: s.id,
    url: s.url ?? 'wss://api.example.com/live?token=secret',
    frameUrl: s.frameUrl ?? 'https://app.example.com/chat?room=1',
    createdAt: s.at,
    stack: 'at connect (app.js:1:1)',
    events,
  });
}

/**
 * A page that retries a 1008 at once with the same URL on a 200 ms cadence:
 * one episode whose trigger is judged a blind retry (a problem); the retries
 * are its failed attempts. Keep count below 5 to stay short of a storm.
 */
export function blindRetryLoop(start: number, count: number): Connection[] {
  return Array.from({ length: count }, (_, i) => sock({ id: `p${i}`, at: start + i * 200, code: 1008, lifeMs: 100 }));
}
