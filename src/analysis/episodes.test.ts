import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { chain, conn, recordingOf, T0, type ChainSpec } from './test-fixtures';
import type { Episode, ReconnectLink } from './types';
import type { Connection } from '../protocol/recording';
import { classify } from './classify';
import { buildEpisodes } from './episodes';
import { DEFAULT_TERMS } from './profiles/default';

describe('episodes', () => {
  it.each<[string, ChainSpec, Partial<Episode>]>([
    [
      'failed attempts continue; a held attempt recovers',
      { code: 1013, delays: [1, 2, 4] },
      { attemptIds: ['a1', 'a2', 'a3'], delaysS: [1, 2, 4], outcome: 'recovered' },
    ],
    [
      '60 s without an attempt: gave up',
      { code: 1013, delays: [1, 2], lastHolds: false },
      { attemptIds: ['a1', 'a2'], outcome: 'gave-up' },
    ],
    [
      'a wait running at the end: ongoing',
      { code: 1013, delays: [1], lastHolds: false, tailMs: 3_000 },
      { attemptIds: ['a1'], outcome: 'ongoing' },
    ],
    ['no attempt at all: gave up', { code: 1012, delays: [] }, { attemptIds: [], delaysS: [], outcome: 'gave-up' }],
  ])('%s', (_name, spec, want) => {
    const c = chain(spec);
    const a = analyzeRecording(c.recording, { now: c.now });
    expect(a.episodes).toHaveLength(1);
    expect(a.episodes[0]).toMatchObject({ id: 'ep:t', triggerId: 't', code: spec.code, ...want });
  });

  // The page did not stop trying: the document its attempt belonged to went away (a reload, a navigation),
  // and attempts link only within one document.
  it.each<[string, number | undefined, Episode['outcome']]>([
    ['before it opened: the page left, it did not give up', undefined, 'left'],
    ['after it opened: recovered', 20, 'recovered'],
  ])('an attempt ended with its document %s', (_name, openAfter, outcome) => {
    const conns = [
      conn({ id: 't', createdAt: T0, openAfter: 5, closeAfter: 30_000, code: 1012 }),
      conn({ id: 'a1', createdAt: T0 + 32_000, openAfter, documentEndAfter: 100 }),
    ];
    const a = analyzeRecording(recordingOf(conns), { now: T0 + 200_000 });
    expect(a.episodes).toHaveLength(1);
    expect(a.episodes[0]).toMatchObject({ triggerId: 't', attemptIds: ['a1'], outcome });
  });

  it('an attempt open under 10 s continues the episode; the trigger code governs', () => {
    const conns = [
      conn({ id: 't', createdAt: T0, openAfter: 5, closeAfter: 30_000, code: 1013 }),
      // Opens, then drops after 3 s: a failure soon after open.
      conn({ id: 'a1', createdAt: T0 + 31_000, openAfter: 10, closeAfter: 3_010, code: 1006 }),
      conn({ id: 'a2', createdAt: T0 + 34_010 + 2_000, openAfter: 10 }),
    ];
    const a = analyzeRecording(recordingOf(conns), { now: T0 + 200_000 });
    expect(a.episodes.map((e) => [e.triggerId, e.code, e.attemptIds, e.outcome])).toEqual([
      ['t', 1013, ['a1', 'a2'], 'recovered'],
    ]);
    expect(a.closures.find((c) => c.connectionId === 'a1')).toMatchObject({
      episodeId: 'ep:t',
      initiator: 'network-dropped',
    });
  });

  it('a connection that held 10 s starts a new episode when it closes', () => {
    const conns = [
      conn({ id: 't', createdAt: T0, openAfter: 5, closeAfter: 30_000, code: 1012 }),
      conn({ id: 'b', createdAt: T0 + 32_000, openAfter: 10, closeAfter: 20_000, code: 1013 }),
      conn({ id: 'c', createdAt: T0 + 53_000, openAfter: 10 }),
    ];
    const a = analyzeRecording(recordingOf(conns), { now: T0 + 200_000 });
    expect(a.episodes.map((e) => [e.triggerId, e.code, e.attemptIds, e.outcome])).toEqual([
      ['t', 1012, ['b'], 'recovered'],
      ['b', 1013, ['c'], 'recovered'],
    ]);
    expect(a.closures.find((c) => c.connectionId === 'b')?.episodeId).toBe('ep:b');
    expect(Object.keys(a.verdictByClosure).sort()).toEqual(['b', 't']);
  });
});

describe('episodes of sockets whose times are not in order (a forged or edited recording)', () => {
  it.each<[string, Connection[]]>([
    // The close before the creation: linking took the socket as its own reconnect, and the walk never ended.
    ['a close before its socket was made', [conn({ id: 'a', createdAt: T0 + 1_000, closeAfter: -1_000, code: 1006 })]],
    [
      'an open and a close before it was made',
      [conn({ id: 'a', createdAt: T0, openAfter: -50, closeAfter: -10, code: 1012 })],
    ],
    [
      'two sockets, each closing before the other was made',
      [
        conn({ id: 'a', createdAt: T0 + 1_000, closeAfter: -900, code: 1006 }),
        conn({ id: 'b', createdAt: T0 + 500, closeAfter: -400, code: 1006 }),
      ],
    ],
  ])('%s: every walk ends, and no socket is its own reconnect', (_name, conns) => {
    const a = analyzeRecording(recordingOf(conns), { now: T0 + 100_000 });
    for (const c of a.closures) {
      expect(c.next?.nextId).not.toBe(c.connectionId);
      const made = conns.find((x) => x.id === c.connectionId)!.createdAt;
      expect(c.closedAt).toBeGreaterThanOrEqual(made);
    }
    for (const e of a.episodes) expect(e.attemptIds).not.toContain(e.triggerId);
  });

  it('a cycle of links, whatever made it, ends the walk at the first socket seen again', () => {
    const conns = [
      conn({ id: 'a', createdAt: T0, openAfter: 5, closeAfter: 100, code: 1013 }),
      conn({ id: 'b', createdAt: T0 + 200, openAfter: 5, closeAfter: 300, code: 1013 }),
      conn({ id: 'c', createdAt: T0 + 400, openAfter: 5, closeAfter: 500, code: 1013 }),
    ];
    const closures = new Map(conns.map((c) => [c.id, classify(c)!] as const));
    const links = new Map<string, ReconnectLink>([
      ['a', { nextId: 'b', delayS: 0.1 }],
      ['b', { nextId: 'c', delayS: 0.1 }],
      ['c', { nextId: 'b', delayS: 0.1 }],
    ]);
    const episodes = buildEpisodes(conns, closures, links, DEFAULT_TERMS, T0 + 1_000, () => undefined);
    expect(episodes.map((e) => [e.trigger.connectionId, e.attempts.map((x) => x.id)])).toEqual([['a', ['b', 'c']]]);
    const self = new Map<string, ReconnectLink>([['a', { nextId: 'a', delayS: 0 }]]);
    expect(
      buildEpisodes(conns.slice(0, 1), closures, self, DEFAULT_TERMS, T0 + 1_000, () => undefined)[0]!.attempts,
    ).toEqual([]);
  });
});
