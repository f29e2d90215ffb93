import { describe, expect, it } from 'vitest';
import { textMemo } from './text-memo';

/** A memo of `upper` that counts each time the work is done. */
function counted(max?: number, maxChars?: number) {
  const calls: string[] = [];
  const memo = textMemo(
    (t: string) => {
      calls.push(t);
      return t.toUpperCase();
    },
    max,
    maxChars,
  );
  return { memo, calls };
}

describe('textMemo', () => {
  it.each<[string, number | undefined, number | undefined, string[], string[]]>([
    ['each text worked out once', undefined, undefined, ['a', 'b', 'a', 'b', 'a'], ['a', 'b']],
    ['all dropped when full, then refilled', 2, undefined, ['a', 'b', 'c', 'a', 'c'], ['a', 'b', 'c', 'a']],
    ['texts over maxChars worked out every time', undefined, 2, ['abc', 'abc', 'ab', 'ab'], ['abc', 'abc', 'ab']],
  ])('%s', (_, max, maxChars, asked, worked) => {
    const { memo, calls } = counted(max, maxChars);
    expect(asked.map(memo)).toEqual(asked.map((t) => t.toUpperCase()));
    expect(calls).toEqual(worked);
  });

  it('remembers a null answer as an answer', () => {
    let n = 0;
    const memo = textMemo(() => (n++, null));
    expect([memo('x'), memo('x')]).toEqual([null, null]);
    expect(n).toBe(1);
  });
});
