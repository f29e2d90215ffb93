/**
 * Versions of a live recording as a view receives them: each step replaces only
 * the connections that changed (new objects), adds new ones, may evict the
 * oldest, add marks, or (an import) bring a recording of all-new objects. Steps
 * are drawn from a seeded generator, so a failing sequence replays. What memoised
 * views and the analysis memo are compared on against from-scratch results.
 */
import type { Connection, LifecycleState, Mark, Recording, SocketEvent } from '../protocol/recording';
import { T0, connectionOf, recordingOf } from './recordings';
import { seededRandom } from './seeded-random';

export interface LiveStep {
  recording: Recording;
  /** The analysis's "now" at this step. */
  now: number;
  profileId: string;
  /** What changed, for messages. */
  what: string;
}

export interface SequenceOptions {
  seed: number;
  steps: number;
  /** Which kinds of change to draw from (all by default). */
  kinds?: readonly ChangeKind[];
}

export type ChangeKind =
  | 'create'
  | 'open'
  | 'close-call'
  | 'close'
  | 'error'
  | 'document-end'
  | 'stall'
  | 'evict'
  | 'mark'
  | 'profile'
  | 'import'
  | 'time';

export const ALL_CHANGES: readonly ChangeKind[] = [
  'create',
  'create',
  'create',
  'open',
  'open',
  'close-call',
  'close',
  'close',
  'close',
  'error',
  'document-end',
  'stall',
  'evict',
  'mark',
  'profile',
  'import',
  'time',
];

// Two hosts with the same path (a "moved" reconnect), a second path, subprotocols on some.
const URLS = [
  'wss://a.example/ws?session=1',
  'wss://b.example/ws?session=2',
  'wss://a.example/feed',
  'wss://a.example/ws?token=x',
];
const CODES = [1000, 1001, 1006, 1006, 1008, 1011, 1012, 1013, 3000, 4000, 4401, 4429, 4500];
const STATES: readonly LifecycleState[] = ['hidden', 'visible', 'frozen', 'resumed', 'offline', 'online'];
const PROFILES = ['default', 'iana', 'rfc6455', 'no-such-profile'];

const ended = (c: Connection) => c.events.some((e) => e.type === 'close' || e.type === 'ended-with-document');
const opened = (c: Connection) => c.events.some((e) => e.type === 'open');

export function liveSequence({ seed, steps, kinds = ALL_CHANGES }: SequenceOptions): LiveStep[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let clock = T0;
  let k = 0;
  let profileId = 'default';
  let recording = recordingOf([]);
  const out: LiveStep[] = [];
  /** A new object for the changed connection, every other one kept (as a delta does). */
  const replace = (c: Connection, event: SocketEvent) => {
    recording = {
      ...recording,
      connections: recording.connections.map((x) => (x === c ? { ...c, events: [...c.events, event] } : x)),
    };
  };
  for (let i = 0; i < steps; i++) {
    // Mostly seconds apart, sometimes beyond the link window or the stable hold.
    clock += rand() < 0.1 ? 30_000 + Math.floor(rand() * 60_000) : Math.floor(rand() * 4_000);
    const kind = pick(kinds);
    const live = recording.connections.filter((c) => !ended(c));
    let what: string = kind;
    switch (kind) {
      case 'create': {
        const url = pick(URLS);
        const doc = rand() < 0.8 ? 'doc-1' : 'doc-2';
        recording = {
          ...recording,
          connections: [
            ...recording.connections,
            connectionOf({
              id: `c${++k}`,
              url,
              documentId: doc,
              frameId: doc === 'doc-1' ? 0 : 1,
              protocols: rand() < 0.3 ? ['graphql-transport-ws'] : [],
              createdAt: clock,
            }),
          ],
        };
        what = `create c${k}`;
        break;
      }
      case 'open': {
        const c = live.filter((x) => !opened(x));
        if (c.length) {
          const x = pick(c);
          replace(x, { type: 'open', at: clock, protocol: x.protocols[0] ?? '', extensions: '' });
          what = `open ${x.id}`;
        }
        break;
      }
      case 'close-call': {
        if (live.length) {
          const x = pick(live);
          replace(x, {
            type: 'close-call',
            at: clock,
            code: 1000,
            readyState: opened(x) ? 1 : 0,
            stack: 'at f (x.js:1:1)',
          });
          what = `close() ${x.id}`;
        }
        break;
      }
      case 'close': {
        if (live.length) {
          const x = pick(live);
          const code = pick(CODES);
          replace(x, {
            type: 'close',
            at: clock,
            code,
            reason: code === 1006 ? '' : `r${code}`,
            wasClean: code !== 1006,
          });
          what = `close ${x.id} ${code}`;
        }
        break;
      }
      case 'error': {
        if (live.length) {
          const x = pick(live);
          replace(x, { type: 'error', at: clock });
          what = `error ${x.id}`;
        }
        break;
      }
      case 'document-end': {
        if (live.length) {
          const x = pick(live);
          replace(x, { type: 'ended-with-document', at: clock, cause: 'pagehide' });
          what = `document end ${x.id}`;
        }
        break;
      }
      case 'stall': {
        const c = live.filter(opened);
        if (c.length) {
          const x = pick(c);
          const running = x.events.some((e) => e.type === 'stall') && !x.events.some((e) => e.type === 'stall-end');
          replace(
            x,
            running
              ? { type: 'stall-end', at: clock, outcome: 'delivered', heldIn: 1, heldOut: 0, simulated: true }
              : { type: 'stall', at: clock, seconds: pick([5, 30, 90]), simulated: true },
          );
          what = `stall ${x.id}`;
        }
        break;
      }
      case 'evict': {
        const n = 1 + Math.floor(rand() * 3);
        recording = { ...recording, connections: recording.connections.slice(n) };
        what = `evict ${n}`;
        break;
      }
      case 'mark': {
        if (recording.marks.length > 0 && rand() < 0.2) {
          // The recording's bound drops its oldest marks.
          recording = { ...recording, marks: recording.marks.slice(1) };
          what = 'evict a mark';
          break;
        }
        const doc = rand() < 0.7 ? 'doc-1' : 'doc-2';
        const mark: Mark = {
          type: 'lifecycle',
          // Marks arrive in batches: some land before waits already judged.
          at: clock - Math.floor(rand() * 70_000),
          frameId: doc === 'doc-1' ? 0 : 1,
          documentId: doc,
          state: pick(STATES),
        };
        recording = { ...recording, marks: [...recording.marks, mark].sort((a, b) => a.at - b.at) };
        what = `mark ${mark.state}`;
        break;
      }
      case 'profile':
        profileId = pick(PROFILES);
        what = `profile ${profileId}`;
        break;
      case 'import':
        // A file of the same data: every object new.
        recording = structuredClone(recording);
        break;
      case 'time':
        break;
    }
    out.push({ recording, now: clock, profileId, what });
  }
  return out;
}
