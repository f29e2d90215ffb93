import { describe, expect, it } from 'vitest';
import type { Episode, Verdict } from '../analysis/types';
import type { Mark } from '../protocol/recording';
import { groupByCode, latestClosures, recentClosures, siteOf } from './summary-model';
import { closure, MIN, recordingOf, sock, T0, verdictOf } from './test-fixtures';

const NOW = T0 + 60 * MIN;
const NO_EPISODES = { closures: [], episodes: [], verdictByClosure: {} };

describe('recentClosures', () => {
  const all = [
    closure('old', 1000, NOW - 16 * MIN),
    closure('edge', 1000, NOW - 15 * MIN),
    closure('new', 1000, NOW - 1),
  ];
  it.each([
    [15, ['edge', 'new']],
    [1, ['new']],
    [16, ['old', 'edge', 'new']],
    [0, []],
  ])('a %i-minute window keeps %j', (minutes, ids) => {
    expect(recentClosures(all, NOW, minutes).map((c) => c.connectionId)).toEqual(ids);
  });
});

describe('groupByCode', () => {
  it.each<{ name: string; closures: [string, number][]; problems: string[]; expected: [number, number, number][] }>([
    {
      name: 'problems outrank a more frequent code',
      closures: [
        ['a', 1000],
        ['b', 1000],
        ['c', 1000],
        ['d', 1008],
      ],
      problems: ['d'],
      expected: [
        [1008, 1, 1],
        [1000, 3, 0],
      ],
    },
    {
      name: 'more problems first, then count',
      closures: [
        ['a', 1013],
        ['b', 1008],
        ['c', 1008],
        ['d', 1006],
        ['e', 1006],
        ['f', 1006],
      ],
      problems: ['a', 'b', 'c'],
      expected: [
        [1008, 2, 2],
        [1013, 1, 1],
        [1006, 3, 0],
      ],
    },
    {
      name: 'equal rows by code, ascending',
      closures: [
        ['a', 4001],
        ['b', 1001],
        ['c', 1011],
      ],
      problems: [],
      expected: [
        [1001, 1, 0],
        [1011, 1, 0],
        [4001, 1, 0],
      ],
    },
    { name: 'nothing', closures: [], problems: [], expected: [] },
  ])('$name', ({ closures, problems, expected }) => {
    const verdicts: Record<string, Verdict> = Object.fromEntries(problems.map((id) => [id, verdictOf('problem')]));
    const list = closures.map(([id, code], i) => closure(id, code, T0 + i));
    expect(
      groupByCode(list, { closures: list, episodes: [], verdictByClosure: verdicts }).map((g) => [
        g.code,
        g.lone,
        g.problems,
      ]),
    ).toEqual(expected);
  });

  it('names each group after its newest closure', () => {
    const groups = groupByCode(
      [closure('x', 1000, T0 + 5), closure('y', 1000, T0 + 9), closure('z', 1000, T0 + 1)],
      NO_EPISODES,
    );
    expect(groups[0]?.latest.connectionId).toBe('y');
  });

  it('counts an episode once under its trigger code, its attempts inside it, whatever their codes', () => {
    const inEpisode = (id: string, code: number, at: number) => ({ ...closure(id, code, at), episodeId: 'e1' });
    const list = [
      inEpisode('t', 1008, T0),
      inEpisode('a1', 1008, T0 + 1),
      inEpisode('a2', 1006, T0 + 2),
      closure('n', 1000, T0 + 3),
    ];
    const episodes: Episode[] = [
      {
        id: 'e1',
        triggerId: 't',
        code: 1008,
        attemptIds: ['a1', 'a2'],
        delaysS: [0, 0],
        outcome: 'gave-up',
        verdict: verdictOf('problem'),
      },
    ];
    const groups = groupByCode(list, { closures: list, episodes, verdictByClosure: { t: verdictOf('problem') } });
    expect(groups.map((g) => [g.code, g.episodes.map((e) => e.attempts), g.lone, g.problems])).toEqual([
      [1008, [2], 0, 1],
      [1000, [], 1, 0],
    ]);
  });

  it('counts an episode whose trigger fell out of the window through its recent attempts', () => {
    const list = [{ ...closure('a2', 1006, T0 + 2), episodeId: 'e1' }];
    const episodes: Episode[] = [
      {
        id: 'e1',
        triggerId: 't',
        code: 1013,
        attemptIds: ['a1', 'a2'],
        delaysS: [1, 2],
        outcome: 'recovered',
        verdict: verdictOf('fits'),
      },
    ];
    const closures = [closure('t', 1013, T0), ...list];
    const groups = groupByCode(list, { closures, episodes, verdictByClosure: {} });
    expect(groups.map((g) => [g.code, g.episodes.length, g.lone])).toEqual([[1013, 1, 0]]);
    // Named by its trigger, a 1013: the recent attempt's 1006 would put another code's name beside 1013.
    expect(groups[0]?.latest.connectionId).toBe('t');
  });
});

describe('latestClosures', () => {
  const list = [
    closure('c1', 1008, T0 + 1),
    closure('c2', 1000, T0 + 2),
    closure('c3', 1013, T0 + 3),
    closure('c4', 1000, T0 + 4),
  ];
  it.each<{ name: string; verdicts: Record<string, Verdict>; n: number; ids: string[] }>([
    { name: 'newest first without problems', verdicts: { c1: verdictOf('fits') }, n: 3, ids: ['c4', 'c3', 'c2'] },
    {
      name: 'an old problem outranks newer closes',
      verdicts: { c1: verdictOf('problem'), c4: verdictOf('advice') },
      n: 2,
      ids: ['c1', 'c4'],
    },
    {
      name: 'problems newest first, then the rest',
      verdicts: { c1: verdictOf('problem'), c3: verdictOf('problem') },
      n: 5,
      ids: ['c3', 'c1', 'c4', 'c2'],
    },
    { name: 'zero asked', verdicts: {}, n: 0, ids: [] },
  ])('$name', ({ verdicts, n, ids }) => {
    const rows = latestClosures(list, verdicts, n);
    expect(rows.map((r) => r.closure.connectionId)).toEqual(ids);
    for (const r of rows) expect(r.verdict).toBe(verdicts[r.closure.connectionId]);
  });

  it('leaves out failed attempts of an episode, so a retry loop does not fill the list', () => {
    const loop = [
      { ...closure('t', 1008, T0 + 1), episodeId: 'ep:t' },
      { ...closure('a1', 1008, T0 + 2), episodeId: 'ep:t' },
      { ...closure('a2', 1008, T0 + 3), episodeId: 'ep:t' },
      closure('r', 1012, T0 + 1.5),
    ];
    const rows = latestClosures(loop, { t: verdictOf('problem'), r: verdictOf('fits') }, 5);
    expect(rows.map((r) => r.closure.connectionId)).toEqual(['t', 'r']);
  });
});

describe('siteOf', () => {
  const nav = (frameId: number, url: string, at: number): Mark => ({
    type: 'navigation',
    at,
    frameId,
    documentId: 'd',
    url,
  });
  it.each<{ name: string; marks: Mark[]; frameUrls: string[]; site: string | undefined }>([
    {
      name: 'latest top-frame navigation wins',
      marks: [
        nav(0, 'https://old.example/', 1),
        nav(0, 'https://new.example/x?y=1', 2),
        nav(3, 'https://ads.example/', 3),
      ],
      frameUrls: ['https://sock.example/'],
      site: 'new.example',
    },
    {
      name: 'falls back to the latest socket document',
      marks: [nav(2, 'https://frame.example/', 1)],
      frameUrls: ['https://a.example/', 'https://b.example/'],
      site: 'b.example',
    },
    { name: 'no page: unknown', marks: [], frameUrls: [], site: undefined },
    {
      name: 'non-web page: unknown',
      marks: [nav(0, 'chrome://newtab/', 1)],
      frameUrls: ['https://a.example/'],
      site: undefined,
    },
    { name: 'unparseable: unknown', marks: [], frameUrls: ['not a url'], site: undefined },
  ])('$name', ({ marks, frameUrls, site }) => {
    const conns = frameUrls.map((frameUrl, i) => sock({ id: `s${i}`, at: T0 + i, frameUrl }));
    expect(siteOf(recordingOf(conns, { marks }))).toBe(site);
  });
});
