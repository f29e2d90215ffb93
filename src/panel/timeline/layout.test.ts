import { describe, expect, it } from 'vitest';
import { ALL_CATEGORIES } from '../../knowledge';
import { boundsOf, buildModel, MAX_ROWS_PER_LANE, tickCategoriesOf } from './layout';
import { lifecyclePeriods } from './periods';
import { at, closeCall, closed, conn, opened, recordingOf, sampleAnalysis, sampleRecording, T0 } from './test-fixture';
import type { Mark, SocketEvent } from '../../protocol/recording';

describe('buildModel: lanes and bars', () => {
  const model = buildModel(sampleRecording(), sampleAnalysis());
  it('lays out connections given out of creation order as it does those in order', () => {
    const rec = sampleRecording();
    const shuffled = { ...rec, connections: [...rec.connections].reverse() };
    expect(buildModel(shuffled, sampleAnalysis())).toEqual(model);
  });
  it('makes one lane per endpoint and frame, in order of first use', () => {
    expect(model.lanes.map((l) => [l.endpoint, l.frameId, l.connectionCount, l.closureCount])).toEqual([
      ['wss://chat.example/ws', 0, 2, 1],
      ['wss://feed.example/live', 3, 2, 2],
    ]);
  });
  it.each([
    // id, lane, row, start s, end s (null = open), outcome, code, category, simulated, level
    ['a', 0, 0, 0, 5, 'clean', 1012, 'restart', false, 'fits'],
    ['f1', 1, 1, 1, 8, 'abnormal', 1006, 'abnormal', true, 'problem'],
    ['b', 0, 0, 7, null, 'open', undefined, undefined, false, undefined],
    // f2 starts before f1 ends (overlapping attempt): it needs a second row in the lane.
    ['f2', 1, 2, 7.5, 12.1, 'page', 1000, 'normal', false, undefined],
  ] as const)('%s: lane %d row %d', (id, lane, row, startS, endS, outcome, code, category, simulated, level) => {
    const bar = model.bars[model.indexById.get(id)!]!;
    expect(bar).toMatchObject({
      lane,
      row,
      startMs: at(startS),
      endMs: endS === null ? null : at(endS),
      outcome,
      simulated,
    });
    expect(bar.code).toBe(code);
    expect(bar.category).toBe(category);
    expect(bar.level).toBe(level);
  });
  it('counts rows and orders closures by close time', () => {
    expect(model.rowCount).toBe(3);
    expect(model.lanes[1]).toMatchObject({ firstRow: 1, rowCount: 2 });
    expect(model.closureOrder.map((i) => model.bars[i]!.id)).toEqual(['a', 'f1', 'f2']);
    expect(model.openCount).toBe(1);
  });
  it('links closures to their next attempts with delay and label', () => {
    const ids = (i: number) => model.bars[i]!.id;
    expect(model.links.map((l) => [ids(l.from), ids(l.to), l.fromMs - T0, l.toMs - T0, l.delayS, l.label])).toEqual([
      ['a', 'b', 5000, 7000, 2, undefined],
      ['f1', 'f2', 8000, 7500, 0, 'overlapping'],
    ]);
  });
  it('keeps navigation marks and lifecycle periods', () => {
    expect(model.navigation).toEqual([{ atMs: at(3), frameId: 0, url: 'https://app.example/next' }]);
    expect(model.periods).toEqual([{ kind: 'hidden', fromMs: at(9), toMs: at(11) }]);
  });
  it.each([
    ['with an open socket the data reaches now', 100, { minMs: T0, maxMs: at(100) }],
    ['now before the data changes nothing', 10, { minMs: T0, maxMs: at(12.1) }],
  ])('boundsOf: %s', (_name, nowS, want) => {
    expect(boundsOf(model, at(nowS))).toEqual(want);
  });
});

describe('buildModel without analysis (it lags a live recording)', () => {
  it.each([
    ['open', [opened(0.1)], 'open', undefined],
    ['server close', [opened(0.1), closed(1, 1011)], 'clean', 1011],
    ['page close', [opened(0.1), closeCall(1), closed(1.1, 1000)], 'page', 1000],
    ['drop', [opened(0.1), closed(1, 1006)], 'abnormal', 1006],
    [
      'document',
      [opened(0.1), { type: 'ended-with-document' as const, at: at(2), cause: 'pagehide' as const }],
      'document',
      1001,
    ],
  ])('%s', (_name, events, outcome, code) => {
    const m = buildModel(recordingOf([conn('x', 'wss://h/p', 0, events)]), undefined);
    expect(m.bars[0]).toMatchObject({ outcome });
    expect(m.bars[0]!.code).toBe(code);
  });
  it(`stacks at most ${MAX_ROWS_PER_LANE} concurrent sockets per lane`, () => {
    const conns = Array.from({ length: 6 }, (_, i) => conn(`c${i}`, 'wss://h/p', i, [opened(i + 0.1)]));
    const m = buildModel(recordingOf(conns), null);
    expect(m.bars.map((b) => b.row)).toEqual([0, 1, 2, 3, 3, 3]);
    expect(m.rowCount).toBe(MAX_ROWS_PER_LANE);
  });
  it('reuses a row once its socket has closed', () => {
    const m = buildModel(
      recordingOf([conn('p', 'wss://h/p', 0, [closed(1, 1000)]), conn('q', 'wss://h/p', 2, [])]),
      null,
    );
    expect(m.bars.map((b) => b.row)).toEqual([0, 0]);
  });
});

describe('close marker category comes from the knowledge base, in context', () => {
  it.each([
    ['1012 is a restart anywhere', 'wss://h/p', [], 1012, 'restart'],
    ['graphql-ws 4401 (negotiated) is a policy close', 'wss://h/graphql', ['graphql-transport-ws'], 4401, 'policy'],
    ['a private 4401 elsewhere is an application code', 'wss://h/p', ['chat'], 4401, 'application'],
    ['999 is invalid', 'wss://h/p', [], 999, 'invalid'],
  ])('%s', (_name, url, protocols, code, want) => {
    // The server agreed to the first requested subprotocol: only a negotiated one gives a code its protocol's meaning.
    const open: SocketEvent = { type: 'open', at: at(0.5), protocol: protocols[0] ?? '', extensions: '' };
    const c = { ...conn('x', url, 0, [open, closed(1, code)]), protocols };
    expect(buildModel(recordingOf([c]), null).bars[0]!.category).toBe(want);
  });
});

describe('lifecyclePeriods', () => {
  const lc = (
    s: number,
    state: 'hidden' | 'visible' | 'frozen' | 'resumed' | 'offline' | 'online' | 'pagehide',
    frameId = 0,
  ): Mark => ({
    type: 'lifecycle',
    at: at(s),
    frameId,
    documentId: `d${frameId}`,
    state,
  });
  it.each([
    ['hidden then visible', [lc(1, 'hidden'), lc(3, 'visible')], [['hidden', 1, 3]]],
    ['still hidden', [lc(1, 'hidden')], [['hidden', 1, null]]],
    [
      'pagehide ends everything',
      [lc(1, 'offline'), lc(2, 'frozen'), lc(4, 'pagehide')],
      [
        ['frozen', 2, 4],
        ['offline', 1, 4],
      ],
    ],
    [
      'frames overlapping merge',
      [lc(1, 'hidden', 0), lc(2, 'hidden', 5), lc(3, 'visible', 0), lc(6, 'visible', 5)],
      [['hidden', 1, 6]],
    ],
    [
      'separate periods stay apart',
      [lc(1, 'offline'), lc(2, 'online'), lc(5, 'offline'), lc(6, 'online')],
      [
        ['offline', 1, 2],
        ['offline', 5, 6],
      ],
    ],
    ['an end without a start is ignored', [lc(1, 'visible'), lc(2, 'resumed')], []],
  ])('%s', (_name, marks, want) => {
    expect(
      lifecyclePeriods(marks).map((p) => [
        p.kind,
        (p.fromMs - T0) / 1000,
        p.toMs === null ? null : (p.toMs - T0) / 1000,
      ]),
    ).toEqual(want);
  });
});

describe('tickCategoriesOf', () => {
  it('lists the kinds of code drawn as close ticks, once each, in the knowledge order; open bars draw none', () => {
    const model = buildModel(sampleRecording(), sampleAnalysis());
    const drawn = new Set(model.bars.filter((b) => b.endMs !== null && b.category).map((b) => b.category));
    const listed = tickCategoriesOf(model);
    expect(new Set(listed)).toEqual(drawn);
    expect(listed).toEqual(ALL_CATEGORIES.filter((c) => drawn.has(c)));
    expect(tickCategoriesOf({ bars: [] })).toEqual([]);
  });
});
