import { describe, expect, it } from 'vitest';
import { rowDomId } from './TableRow';

describe('rowDomId', () => {
  it.each(['4:2:DOC:3', 'a b', 'tab\there', 'a\u00a0b', 'a%20b', 'line\nbreak', 'ä', 'lone \ud800'])(
    '%j: an id with no whitespace, unique to it',
    (id) => {
      expect(rowDomId(id)).not.toMatch(/\s/);
      expect(rowDomId(id)).toMatch(/^closure-row-/);
    },
  );

  it('keeps distinct connection ids distinct', () => {
    const ids = ['a b', 'a%20b', 'a%0020b', 'a+b', 'a_b', 'ab', 'a\u00a0b'];
    expect(new Set(ids.map(rowDomId)).size).toBe(ids.length);
  });
});
