import { beforeAll, describe, expect, it } from 'vitest';
import { conn, recordingOf, T0 } from '../fixtures/recording';
import { testServices, verdict } from '../fixtures/analysis';
import { installTestMessages } from '../fixtures/messages';
import { buildRows } from './rows';
import { createFilterMemo, filterOptions, filterRows, NO_FILTERS, type Filters } from './filter-rows';

beforeAll(() => installTestMessages());

const rec = recordingOf([
  conn({ id: 'restart', url: 'wss://rt.example/live?room=1', code: 1012, reason: 'deploy' }),
  conn({ id: 'policy', code: 1008, reason: 'bad token', frameId: 4, frameUrl: 'https://widget.example/' }),
  conn({ id: 'gql', code: 4004, protocols: [], url: 'wss://api.example/graphql' }),
  conn({ id: 'open', at: T0 + 5 }),
]);
const services = testServices({ verdicts: { restart: verdict('fits'), policy: verdict('problem') } });
const rows = buildRows(rec, services.analyze(rec, { profileId: 'default', now: T0 }));
const ids = (f: Partial<Filters>) => filterRows(rows, { ...NO_FILTERS, ...f }).map((r) => r.id);

describe('filterRows', () => {
  it.each<[string, Partial<Filters>, string[]]>([
    ['no filter', {}, ['restart', 'policy', 'gql', 'open']],
    ['open only', { state: 'open' }, ['open']],
    ['closed only', { state: 'closed' }, ['restart', 'policy', 'gql']],
    ['text in an open socket URL', { text: 'app.example/ws', state: 'open' }, ['open']],
    ['code hides open sockets', { code: 1012 }, ['restart']],
    ['open and a closure-only filter', { state: 'open', verdict: 'problem' }, []],
    ['text in URL', { text: 'ROOM=1' }, ['restart']],
    ['text in reason', { text: 'token' }, ['policy']],
    ['text in code name', { text: 'service restart' }, ['restart']],
    ['text as code', { text: '4004' }, ['gql']],
    ['code', { code: 1008 }, ['policy']],
    ['category', { category: 'restart' }, ['restart']],
    ['verdict', { verdict: 'problem' }, ['policy']],
    ['frame', { frameId: 4 }, ['policy']],
    ['frame keeps open sockets of that frame', { frameId: 0 }, ['restart', 'gql', 'open']],
    ['combined, no match', { frameId: 4, code: 1012 }, []],
  ])('%s', (_name, f, want) => {
    expect(ids(f)).toEqual(want);
  });

  it('matches any candidate category of an ambiguous code', () => {
    const gql = rows.find((r) => r.id === 'gql');
    if (gql?.kind !== 'closure') throw new Error('gql should be a closure row');
    expect(gql.lookup.kind).toBe('ambiguous');
    for (const c of gql.categories) expect(ids({ category: c })).toContain('gql');
  });
});

describe('createFilterMemo', () => {
  const more = buildRows(
    recordingOf([
      conn({ id: 'later', url: 'wss://rt.example/live?room=2', code: 1012, reason: 'deploy' }),
      conn({ id: 'other', code: 1001, reason: 'going away' }),
    ]),
    services.analyze(rec, { profileId: 'default', now: T0 }),
  );
  // Each step is asked of one memo in turn, and must answer what filterRows answers for it.
  it.each<[string, [readonly (typeof rows)[number][], Partial<Filters>][]]>([
    ['typing, then deleting', ['', 'r', 'rt', 'rt.', 'rt.e', 'rt.', 'rt', 'r', ''].map((text) => [rows, { text }])],
    [
      'a part of the last text',
      [
        [rows, { text: 'rt.example' }],
        [rows, { text: 'example' }],
      ],
    ],
    [
      'a text not containing the last one',
      [
        [rows, { text: 'room' }],
        [rows, { text: 'token' }],
        [rows, { text: 'oken' }],
        [rows, { text: 'room=1' }],
      ],
    ],
    [
      'another filter with the same text',
      [
        [rows, { text: 'example' }],
        [rows, { text: 'example', state: 'open' }],
        [rows, { text: 'example' }],
        [rows, { text: 'example', frameId: 4 }],
      ],
    ],
    [
      'new rows with the same filters',
      [
        [rows, { text: 'deploy' }],
        [more, { text: 'deploy' }],
        [more, { text: 'deploy' }],
        [rows, { text: 'deploy' }],
      ],
    ],
    [
      'new rows while typing',
      [
        [rows, { text: 'r' }],
        [more, { text: 'ro' }],
        [more, { text: 'roo' }],
        [rows, { text: 'room' }],
      ],
    ],
    [
      'spaces and case',
      [
        [rows, { text: ' ROOM' }],
        [rows, { text: 'room=1 ' }],
        [rows, { text: 'Room=' }],
      ],
    ],
  ])('%s', (_name, steps) => {
    const memo = createFilterMemo<(typeof rows)[number]>();
    for (const [list, f] of steps) {
      const want = filterRows(list, { ...NO_FILTERS, ...f }).map((r) => r.id);
      expect(memo(list, { ...NO_FILTERS, ...f }).map((r) => r.id)).toEqual(want);
    }
  });

  it('answers a text asked before with the same list', () => {
    const memo = createFilterMemo<(typeof rows)[number]>();
    const first = memo(rows, { ...NO_FILTERS, text: 'rt' });
    memo(rows, { ...NO_FILTERS, text: 'rt.e' });
    expect(memo(rows, { ...NO_FILTERS, text: 'rt' })).toBe(first);
  });
});

describe('filterOptions', () => {
  it('offers only values present', () => {
    const o = filterOptions(rows);
    expect(o.codes).toEqual([1008, 1012, 4004]);
    expect(o.verdicts).toEqual(['fits', 'problem']);
    expect(o.frames).toEqual([
      { frameId: 0, url: 'https://app.example/' },
      { frameId: 4, url: 'https://widget.example/' },
    ]);
  });
});
