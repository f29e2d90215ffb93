import { describe, expect, it } from 'vitest';
import { emptyLog, mergeChangeLog, type ChangeLog } from './change-log';
import type { Mark } from '../protocol/recording';

const mark = (at: number): Mark => ({
  type: 'navigation',
  at,
  frameId: 0,
  documentId: 'd',
  url: `https://example.test/${at}`,
});

describe('mergeChangeLog', () => {
  it('is what two drains in a row changed: unions of ids and chunks, marks and evictions in order', () => {
    const earlier: ChangeLog = {
      connections: new Set(['a', 'b']),
      evicted: ['x'],
      chunks: new Set([0, 1]),
      marks: [mark(1)],
      reset: false,
      meta: true,
    };
    const later: ChangeLog = {
      connections: new Set(['b', 'c']),
      evicted: ['y'],
      chunks: new Set([1, 2]),
      marks: [mark(2)],
      reset: true,
      meta: false,
    };
    const merged = mergeChangeLog(earlier, later);
    expect([...merged.connections]).toEqual(['a', 'b', 'c']);
    expect(merged.evicted).toEqual(['x', 'y']);
    expect([...merged.chunks]).toEqual([0, 1, 2]);
    expect(merged.marks.map((m) => m.at)).toEqual([1, 2]);
    expect(merged).toMatchObject({ reset: true, meta: true });
    // Neither input is changed: the hub keeps the earlier one until storage has it.
    expect([...earlier.connections]).toEqual(['a', 'b']);
    expect(later.evicted).toEqual(['y']);
  });

  it('merged with an empty log is the same change', () => {
    const log: ChangeLog = { ...emptyLog(), connections: new Set(['a']), meta: true };
    for (const merged of [mergeChangeLog(emptyLog(), log), mergeChangeLog(log, emptyLog())]) {
      expect([...merged.connections]).toEqual(['a']);
      expect(merged).toMatchObject({ evicted: [], marks: [], reset: false, meta: true });
      expect(merged.chunks.size).toBe(0);
    }
  });
});
