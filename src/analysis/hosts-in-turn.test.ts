/**
 * Hosts tried in turn (src/analysis/hosts-in-turn.ts): a page that answers a closure with an attempt to the
 * next host of its list, and so on round the list, makes one episode, judged on its real waits.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRecording, createAnalyzer } from './index';
import { conn, recordingOf, seededRandom, T0 } from './test-fixtures';
import type { Connection } from '../protocol/recording';
import { classify, type ClosureFacts } from './classify';
import { linkReconnects } from './link';
import { DEFAULT_TERMS } from './profiles/default';

interface TurnSpec {
  code: number;
  /** The hosts' URLs, tried in turn from the trigger's (the first). */
  urls: string[];
  delays: number[];
  /** The last attempt opens and holds. */
  lastHolds: boolean;
  protocols?: string[];
}

function turns(s: TurnSpec): { conns: Connection[]; now: number } {
  const conns = [
    conn({
      id: 't',
      createdAt: T0,
      url: s.urls[0],
      protocols: s.protocols,
      openAfter: 10,
      closeAfter: 60_000,
      code: s.code,
    }),
  ];
  let end = T0 + 60_000;
  s.delays.forEach((d, i) => {
    const at = end + d * 1000;
    const url = s.urls[(i + 1) % s.urls.length];
    const held = s.lastHolds && i === s.delays.length - 1;
    conns.push(
      conn({
        id: `a${i + 1}`,
        createdAt: at,
        url,
        protocols: s.protocols,
        ...(held ? { openAfter: 20 } : { closeAfter: 50, error: true }),
      }),
    );
    end = at + 50;
  });
  return { conns, now: end + (s.lastHolds ? 30_000 : 61_000) };
}

const AB = ['wss://a.example/ws', 'wss://b.example/ws'];
const ABC = ['wss://a.example/ws', 'wss://b.example/ws', 'wss://c.example/ws'];

describe('hosts tried in turn make one episode', () => {
  it.each<[string, TurnSpec, { level: string; rule: string; attempts: number; episodes: number }]>([
    [
      '1013, two hosts in turn, doubling 1–16 s, the last holds: fits (not "waiting for a reconnect")',
      { code: 1013, urls: AB, delays: [1, 2, 4, 8, 16], lastHolds: true },
      { level: 'fits', rule: 'overload.fits', attempts: 5, episodes: 1 },
    ],
    [
      '1006, three hosts in turn every 0.3 s: a storm (not three episodes too short to judge)',
      { code: 1006, urls: ABC, delays: [0.3, 0.3, 0.3, 0.3, 0.3, 0.3], lastHolds: false },
      { level: 'problem', rule: 'storm', attempts: 6, episodes: 1 },
    ],
    [
      '1013, two hosts in turn every 1 s: no backoff',
      { code: 1013, urls: AB, delays: [1, 1, 1, 1, 1, 1], lastHolds: true },
      { level: 'problem', rule: 'overload.no-backoff', attempts: 6, episodes: 1 },
    ],
    [
      '1012, a fallback host first, back to the restarted one: one episode of two waits, too few to judge',
      { code: 1012, urls: AB, delays: [1.5, 3], lastHolds: true },
      { level: 'info', rule: 'restart.not-judged', attempts: 2, episodes: 1 },
    ],
    [
      'the same subprotocols on two paths in turn',
      {
        code: 1013,
        urls: ['wss://a.example/graphql', 'wss://b.example/api/graphql'],
        protocols: ['graphql-transport-ws'],
        delays: [1, 2, 4, 8, 16],
        lastHolds: true,
      },
      { level: 'fits', rule: 'overload.fits', attempts: 5, episodes: 1 },
    ],
  ])('%s', (_name, spec, want) => {
    const { conns, now } = turns(spec);
    const a = analyzeRecording(recordingOf(conns), { now });
    const ep = a.episodes.find((e) => e.triggerId === 't');
    expect({
      level: ep?.verdict.level,
      rule: ep?.verdict.rule,
      attempts: ep?.attemptIds.length,
      episodes: a.episodes.length,
    }).toEqual(want);
    expect(ep?.delaysS).toEqual(spec.delays);
  });
});

describe('hosts in turn keep linking a matching', () => {
  it('over 300 seeded pages on three hosts: each attempt answers at most one closure, made after it closed', () => {
    const r = seededRandom(23);
    for (let page = 0; page < 300; page++) {
      const conns = Array.from({ length: 2 + Math.floor(r() * 40) }, (_, i) => {
        const kind = r();
        return conn({
          id: `p${page}-${i}`,
          createdAt: T0 + Math.floor((r() * 30_000) / 100) * 100,
          url: ABC[Math.floor(r() * 3)],
          ...(kind < 0.2
            ? { openAfter: 5 }
            : kind < 0.6
              ? { closeAfter: 10 + Math.floor(r() * 500), error: true }
              : { openAfter: 5, closeAfter: 20 + Math.floor(r() * 15_000), code: 1013 }),
        });
      });
      const facts = new Map<string, ClosureFacts>();
      for (const c of conns) {
        const f = classify(c);
        if (f) facts.set(c.id, f);
      }
      const links = linkReconnects(conns, facts, DEFAULT_TERMS);
      const byId = new Map(conns.map((c) => [c.id, c]));
      const answered = new Set<string>();
      for (const [closed, link] of links) {
        expect(answered.has(link.nextId), `page ${page}: ${link.nextId} answers twice`).toBe(false);
        answered.add(link.nextId);
        expect(link.nextId).not.toBe(closed);
        if (link.label !== 'overlapping')
          expect(byId.get(link.nextId)!.createdAt).toBeGreaterThanOrEqual(facts.get(closed)!.closedAt);
      }
      // And the analysis over it ends.
      expect(analyzeRecording(recordingOf(conns), { now: T0 + 200_000 }).episodes.length).toBeGreaterThan(0);
    }
  });
});

it('a live analyzer, fed the loop one socket at a time, answers as a one-shot analysis does', () => {
  const { conns, now } = turns({ code: 1013, urls: ABC, delays: [1, 2, 4, 8, 16], lastHolds: true });
  const analyze = createAnalyzer();
  for (let n = 1; n <= conns.length; n++) {
    const rec = recordingOf(conns.slice(0, n));
    const at = n === conns.length ? now : conns[n]!.createdAt - 1;
    expect(analyze(rec, { now: at })).toStrictEqual(analyzeRecording(rec, { now: at }));
  }
  expect(analyze(recordingOf(conns), { now }).verdictByClosure['t']?.rule).toBe('overload.fits');
});
