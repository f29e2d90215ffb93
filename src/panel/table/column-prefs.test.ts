import { describe, expect, it } from 'vitest';
import { COLUMN_IDS } from '../model/sort-rows';
import {
  DEFAULT_PREFS,
  fitColumns,
  gridTemplate,
  parsePrefs,
  setWidth,
  toggleHidden,
  type FitColumn,
} from './column-prefs';
import { splitUrl } from './UrlCell';

const cols: FitColumn[] = [
  { id: 'url', width: 150, grow: true },
  { id: 'code', width: 150 },
  { id: 'initiator', width: 110 },
  { id: 'verdict', width: 90 },
  { id: 'time', width: 100 },
];

describe('parsePrefs', () => {
  it.each([
    ['nothing stored', null, DEFAULT_PREFS],
    ['not JSON', '{oops', DEFAULT_PREFS],
    ['not an object', '42', DEFAULT_PREFS],
    [
      'unknown ids and bad widths dropped',
      '{"hidden":["reason","nope",3,"reason"],"widths":{"code":"x","time":99,"zzz":5}}',
      { hidden: ['reason'], widths: { time: 99 } },
    ],
    ['widths clamped', '{"hidden":[],"widths":{"code":1,"url":1e9}}', { hidden: [], widths: { code: 40, url: 1200 } }],
    ['hiding everything is undone', JSON.stringify({ hidden: COLUMN_IDS, widths: {} }), DEFAULT_PREFS],
  ])('%s', (_name, text, want) => {
    expect(parsePrefs(text)).toEqual(want);
  });
});

describe('toggleHidden and setWidth', () => {
  it('toggles, and never hides the last column', () => {
    const hidden = toggleHidden(DEFAULT_PREFS, 'reason');
    expect(hidden.hidden).toEqual(['reason']);
    expect(toggleHidden(hidden, 'reason').hidden).toEqual([]);
    const allButOne = { hidden: COLUMN_IDS.slice(1), widths: {} };
    expect(toggleHidden(allButOne, COLUMN_IDS[0]!)).toBe(allButOne);
  });
  it('clamps widths', () => {
    expect(setWidth(DEFAULT_PREFS, 'code', 5).widths.code).toBe(40);
  });
});

describe('fitColumns', () => {
  it.each([
    ['everything fits', 2000, ['url', 'code', 'initiator', 'verdict', 'time'], []],
    ['the last ones give way first', 510, ['url', 'code', 'initiator', 'verdict'], ['time']],
    [
      'a narrower later column still fits where a wider one did not',
      400,
      ['url', 'code', 'verdict'],
      ['initiator', 'time'],
    ],
    ['the first column is always drawn', 10, ['url'], ['code', 'initiator', 'verdict', 'time']],
  ])('%s (%i px)', (_name, px, shown, squeezed) => {
    const fit = fitColumns(cols, DEFAULT_PREFS, px);
    expect(fit.shown.map((c) => c.id)).toEqual(shown);
    expect(fit.squeezed).toEqual(squeezed);
  });

  it('uses the user widths and leaves hidden columns out without calling them squeezed', () => {
    const prefs = { hidden: ['initiator' as const], widths: { code: 300 } };
    const fit = fitColumns(cols, prefs, 600);
    expect(fit.shown.map((c) => [c.id, c.width])).toEqual([
      ['url', 150],
      ['code', 300],
      ['verdict', 90],
    ]);
    expect(fit.squeezed).toEqual(['time']);
  });

  it('makes growing columns take the space left', () => {
    expect(gridTemplate([cols[0]!, cols[1]!])).toBe('minmax(150px, 1fr) 150px');
    expect(gridTemplate([cols[1]!, cols[2]!])).toBe('150px minmax(110px, 1fr)');
  });
});

describe('splitUrl', () => {
  it.each([
    ['ws://127.0.0.1:3000/policy?token=x', 'ws://127.0.0.1:3000', '/policy?token=x'],
    ['wss://rt.example', 'wss://rt.example', '/'],
    ['wss://rt.example?x=1', 'wss://rt.example', '?x=1'],
    ['not a url', '', 'not a url'],
  ])('%s', (url, origin, rest) => {
    expect(splitUrl(url)).toEqual({ origin, rest });
  });
});
