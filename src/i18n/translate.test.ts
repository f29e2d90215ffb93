import { describe, expect, it } from 'vitest';
import { catalogTranslator } from './translate';

describe('catalogTranslator', () => {
  const tr = catalogTranslator({
    plain: { message: 'Hello' },
    positional: { message: 'Closed with $1 after $2' },
    named: { message: 'Hi $USER$, $$5', placeholders: { user: { content: '$1' } } },
  });
  it.each([
    ['plain', [], 'Hello'],
    ['positional', ['1012', '2 s'], 'Closed with 1012 after 2 s'],
    ['named', ['Ada'], 'Hi Ada, $5'],
  ])('%s', (id, subs, want) => {
    expect(tr(id, subs)).toBe(want);
  });
  it('throws on an unknown id', () => {
    expect(() => tr('nope')).toThrow(/no message "nope"/);
  });
});
