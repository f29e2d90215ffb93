import { describe, expect, it } from 'vitest';
import { listedSteps, type ListedStep } from './listed-steps';

/** Compact form: attempt indexes as numbers, gaps as "…n". */
const compact = (steps: ListedStep[]) => steps.map((s) => (s.kind === 'attempt' ? s.index : `…${s.count}`));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('listedSteps', () => {
  it.each<[string, number, number, (number | string)[]]>([
    ['no attempts', 0, -1, []],
    ['one attempt', 1, -1, [0]],
    ['a short episode lists every attempt', 8, 4, range(0, 7)],
    ['a gap of one attempt is listed instead', 7, -1, range(0, 6)],
    ['the trigger shown: the first and the last attempts', 100, -1, [0, 1, 2, '…94', 97, 98, 99]],
    ['an attempt in the middle: its neighbours too', 100, 50, [0, 1, 2, '…42', ...range(45, 55), '…41', 97, 98, 99]],
    ['near the start: one run from the first', 100, 4, [...range(0, 9), '…87', 97, 98, 99]],
    ['near the end: one run to the last', 100, 96, [0, 1, 2, '…88', ...range(91, 99)]],
    ['the first attempt', 10_000, 0, [...range(0, 5), '…9991', 9997, 9998, 9999]],
    ['the last attempt', 10_000, 9_999, [0, 1, 2, '…9991', ...range(9994, 9999)]],
  ])('%s', (_name, count, current, want) => {
    expect(compact(listedSteps(count, current))).toEqual(want);
  });

  it('accounts for every attempt exactly once, in order', () => {
    for (const count of [0, 1, 5, 13, 14, 30, 1_000])
      for (let current = -1; current < count; current += Math.max(1, Math.floor(count / 17))) {
        const steps = listedSteps(count, current);
        let seen = 0;
        for (const s of steps) {
          if (s.kind === 'attempt') expect(s.index).toBe(seen++);
          else seen += s.count;
        }
        expect(seen).toBe(count);
        if (current >= 0) expect(steps).toContainEqual({ kind: 'attempt', index: current });
      }
  });
});

describe('listedSteps with other bounds', () => {
  it.each<[string, number, number, number, (number | string)[]]>([
    ['events: the first and last two of nine', 9, 2, 0, [0, 1, '…5', 7, 8]],
    ['a list within both ends is listed whole', 4, 2, 0, [0, 1, 2, 3]],
    ['edge 0 and no current: one gap', 5, 0, 0, ['…5']],
  ])('%s', (_name, count, edge, around, want) => {
    expect(compact(listedSteps(count, -1, edge, around))).toEqual(want);
  });
});
