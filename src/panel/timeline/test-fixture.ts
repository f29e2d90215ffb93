/**
 * Hand-made, typed recordings and analyses for the timeline's tests (the
 * analysis core is built in parallel; these follow its contract).
 */
import type { Analysis, Closure, Verdict } from '../../analysis/types';
import type { Connection, Recording, SocketEvent } from '../../protocol/recording';
import { T0, closeAt, connectionOf, openAt, recordingOf } from '../../test-support/recordings';

export { T0, recordingOf };

export function conn(id: string, url: string, createdS: number, events: SocketEvent[], frameId = 0): Connection {
  return connectionOf({ id, url, frameId, documentId: `doc${frameId}`, createdAt: T0 + createdS * 1000, events });
}

export const at = (s: number) => T0 + s * 1000;
export const opened = (s: number): SocketEvent => openAt(at(s));
export const closed = (s: number, code: number, simulated?: boolean): SocketEvent =>
  closeAt(at(s), code, { simulated });
export const closeCall = (s: number): SocketEvent => ({ type: 'close-call', at: at(s), readyState: 1, stack: '' });

/**
 * Two endpoints: a chat socket closed 1012 then reconnected after 2 s (still
 * open), and a feed socket in frame 3 dropped (1006, simulated) and retried
 * with an overlapping attempt. A navigation and a hidden period.
 */
export function sampleRecording(): Recording {
  return recordingOf(
    [
      conn('a', 'wss://chat.example/ws?token=1', 0, [opened(0.1), closed(5, 1012)]),
      conn('f1', 'wss://feed.example/live#x', 1, [opened(1.2), closed(8, 1006, true)], 3),
      conn('f2', 'wss://feed.example/live', 7.5, [opened(7.6), closeCall(12), closed(12.1, 1000)], 3),
      conn('b', 'wss://chat.example/ws?token=2', 7, [opened(7.1)]),
    ],
    [
      { type: 'navigation', at: at(3), frameId: 0, documentId: 'doc0', url: 'https://app.example/next' },
      { type: 'lifecycle', at: at(9), frameId: 0, documentId: 'doc0', state: 'hidden' },
      { type: 'lifecycle', at: at(11), frameId: 0, documentId: 'doc0', state: 'visible' },
    ],
  );
}

const verdict = (level: Verdict['level']): Verdict => ({
  level,
  rule: 'test',
  text: { id: 'verdict_restart_fits' },
  observedDelays: [],
  profileId: 'default',
});

function closure(
  connectionId: string,
  code: number,
  closedS: number,
  initiator: Closure['initiator'],
  extra: Partial<Closure> = {},
): Closure {
  return {
    connectionId,
    code,
    reason: '',
    wasClean: code !== 1006,
    closedAt: at(closedS),
    initiator,
    inferred: false,
    simulated: false,
    ...extra,
  };
}

export function sampleAnalysis(): Analysis {
  return {
    closures: [
      closure('a', 1012, 5, 'server', { next: { nextId: 'b', delayS: 2 } }),
      closure('f1', 1006, 8, 'network-dropped', {
        simulated: true,
        next: { nextId: 'f2', delayS: 0, label: 'overlapping' },
      }),
      closure('f2', 1000, 12.1, 'page'),
    ],
    episodes: [],
    verdictByClosure: { a: verdict('fits'), f1: verdict('problem') },
    summary: { byCode: [], problemCount: 1, openNow: 1 },
  };
}

/**
 * A socket to `url` closed 1012 at 2 s, and the page's reconnect at 9 s to another host, `movedHost`
 * (in frame `movedFrame`), linked as "moved": the shape page strings with bidi controls are tested on.
 */
export function movedReconnect(url: string, movedHost: string, movedFrame = 0): [Recording, Analysis] {
  const recording = recordingOf([
    conn('a', url, 0, [opened(0.1), closed(2, 1012)]),
    conn('b', `wss://${movedHost}/ws`, 9, [opened(9.1)], movedFrame),
  ]);
  const next = { nextId: 'b', delayS: 7, label: 'moved' as const, movedTo: movedHost };
  return [recording, { ...sampleAnalysis(), closures: [closure('a', 1012, 2, 'server', { next })] }];
}
