import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { chain, conn, recordingOf, T0, type ChainSpec } from './test-fixtures';
import type { Episode } from './types';

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
