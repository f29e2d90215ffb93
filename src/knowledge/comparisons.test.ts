import { describe, expect, it } from 'vitest';
import { allComparisons, allEntries, comparisonsFor, lookupCode } from './index';

const standard = allEntries().filter((e) => e.protocol === 'websocket');

describe('comparisons', () => {
  it.each(allComparisons().map((c) => [c.id, c] as const))(
    '%s compares known standard codes, one use-when line each',
    (_id, c) => {
      for (const code of c.codes) expect(lookupCode(code).kind, String(code)).toBe('known');
      expect(c.useWhenIds).toHaveLength(c.codes.length);
      expect(c.differenceIds.length).toBeGreaterThanOrEqual(2);
      expect(c.id).toBe(c.codes.join('-vs-'));
    },
  );

  it.each([
    [1008, ['1008-vs-1012', '1008-vs-1013']],
    [1012, ['1008-vs-1012', '1012-vs-1013']],
    [1013, ['1008-vs-1013', '1012-vs-1013']],
    [1000, ['1000-vs-1001']],
    [1006, ['1005-vs-1006']],
    [1009, ['1003-vs-1007-vs-1009']],
    [1014, ['1011-vs-1014']],
    [1002, []],
  ])('comparisonsFor(%i) → %j', (code, ids) => {
    expect(comparisonsFor(code).map((c) => c.id)).toEqual(ids);
  });

  it.each(standard.filter((e) => e.confusedWith).map((e) => [e.code, e.confusedWith ?? []] as const))(
    '%i: every code it is confused with shares a comparison with it',
    (code, others) => {
      for (const other of others) {
        expect(
          comparisonsFor(code).some((c) => c.codes.includes(other)),
          `${code} vs ${other}`,
        ).toBe(true);
      }
    },
  );

  it.each(allComparisons().map((c) => [c.id, c.codes] as const))(
    '%s: each code lists the others in confusedWith',
    (_id, codes) => {
      for (const code of codes) {
        const entry = standard.find((e) => e.code === code);
        expect(entry?.confusedWith ?? [], String(code)).toEqual(
          expect.arrayContaining(codes.filter((c) => c !== code)),
        );
      }
    },
  );
});
