import { describe, expect, it } from 'vitest';
import { barsInRange, buildHitIndex, DEFAULT_GEOMETRY, hitTest, rowAtY } from './hit-test';
import { buildModel, type TimelineModel } from './layout';
import { adjacentClosure } from './navigate';
import { at, closed, conn, opened, recordingOf, sampleAnalysis, sampleRecording } from './test-fixture';

const model = buildModel(sampleRecording(), sampleAnalysis());
const index = buildHitIndex(model);
const NOW = at(20);
const idOf = (m: TimelineModel, i: number) => (i < 0 ? null : m.bars[i]!.id);

describe('rowAtY', () => {
  it.each([
    [10, 0, -1], // over the axis
    [24, 0, 0],
    [43, 0, 0],
    [44, 0, 1],
    [84, 0, -1], // below the last row
    [30, 20, 1], // scrolled by one row
  ])('y=%d scrollY=%d → row %d', (y, scrollY, want) => {
    expect(rowAtY(y, { ...DEFAULT_GEOMETRY, scrollY }, model.rowCount)).toBe(want);
  });
});

describe('hitTest', () => {
  it.each([
    ['inside a closed bar', 0, 2, 0, 'a'],
    ['inside the open bar, stretched to now', 0, 15, 0, 'b'],
    ['just after a close, within tolerance', 1, 8.2, 0.3, 'f1'],
    ['just after a close, beyond tolerance', 1, 8.5, 0.3, null],
    ['in the gap between a and b', 0, 6, 0.3, null],
    ['the overlapping attempt on its own row', 2, 10, 0, 'f2'],
    ['before anything', 0, -5, 0.3, null],
    ['a row that does not exist', 9, 2, 0, null],
  ])('%s', (_name, row, tS, tolS, want) => {
    expect(idOf(model, hitTest(model, index, row, at(tS), tolS * 1000, NOW))).toBe(want);
  });
  it('nearest bar wins when two are within tolerance', () => {
    const m = buildModel(
      recordingOf([conn('p', 'wss://h/p', 0, [closed(1, 1000)]), conn('q', 'wss://h/p', 1.4, [closed(3, 1000)])]),
      null,
    );
    const idx = buildHitIndex(m);
    expect(idOf(m, hitTest(m, idx, 0, at(1.15), 500, NOW))).toBe('p');
    expect(idOf(m, hitTest(m, idx, 0, at(1.3), 500, NOW))).toBe('q');
  });
});

describe('barsInRange at scale', () => {
  // One lane, 10,000 short sockets 1 s apart plus a long-lived one on its own row.
  const conns = [conn('long', 'wss://h/p', 0, [opened(0.1)])];
  for (let i = 0; i < 10_000; i++) conns.push(conn(`s${i}`, 'wss://h/p', i + 0.5, [closed(i + 0.9, 1006)]));
  const big = buildModel(recordingOf(conns), null);
  const bigIndex = buildHitIndex(big);
  it.each([
    [1, 99.85, 102.5, ['s99', 's100', 's101', 's102']],
    [1, 5000.95, 5001.2, []],
    [0, 9000, 9001, ['long']],
  ])('row %d, %d–%d s', (row, fromS, toS, want) => {
    expect(barsInRange(big, bigIndex, row, at(fromS), at(toS), at(20_000)).map((i) => big.bars[i]!.id)).toEqual(want);
  });
});

describe('adjacentClosure', () => {
  it.each([
    [null, 1, 'a'],
    [null, -1, 'f2'],
    ['a', 1, 'f1'],
    ['f1', -1, 'a'],
    ['f2', 1, null],
    ['a', -1, null],
    // from an open connection: steps from its creation time (7 s): next is f1 (8 s), previous a (5 s)
    ['b', 1, 'f1'],
    ['b', -1, 'a'],
  ] as const)('from %s by %d → %s', (current, dir, want) => {
    expect(adjacentClosure(model, current, dir)).toBe(want);
  });
  it('has nowhere to go without closures', () => {
    expect(adjacentClosure(buildModel(recordingOf([]), null), null, 1)).toBeNull();
  });
});
