import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeCatalog as load, LOCALES_DIR, type Catalog } from '../test-support/locale-catalog';
import { parityProblems, positionalUse, selfProblems } from './parity';
import { PLURAL_CATEGORIES } from './plural';

const present = readdirSync(LOCALES_DIR).filter((l) => l !== 'en');

describe('catalog parity', () => {
  const en = load('en');

  it('has Arabic and Hindi beside English', () => {
    expect(present).toEqual(expect.arrayContaining(['ar', 'hi']));
  });

  it('English defines every placeholder it uses', () => {
    expect(selfProblems(en)).toEqual([]);
  });

  it.each(present)('%s has exactly English keys and placeholders', (lang) => {
    expect(parityProblems(en, load(lang))).toEqual([]);
  });
});

describe('parityProblems', () => {
  const en: Catalog = {
    a: { message: 'Closed $1 after $2' },
    b: { message: 'Hi $USER$', placeholders: { user: { content: '$1' } } },
    c: { message: 'Cost $$5' },
  };
  const ok: Catalog = {
    a: { message: 'بعد $2 أُغلق $1' },
    b: { message: 'مرحبا $User$', placeholders: { USER: { content: '$1' } } },
    c: { message: '$$5' },
  };

  it('accepts reordered substitutions and placeholder names in another case', () => {
    expect(parityProblems(en, ok)).toEqual([]);
  });

  it.each<[string, Catalog, RegExp]>([
    ['a missing key', { b: ok.b!, c: ok.c! }, /^a: missing/m],
    ['an extra key', { ...ok, d: { message: 'x' } }, /^d: not in English/m],
    ['a dropped substitution', { ...ok, a: { message: 'أُغلق $1' } }, /^a: shows \$1, English shows \$1 \$2/m],
    ['an added substitution', { ...ok, c: { message: '$1' } }, /^c: shows \$1, English shows none/m],
    [
      'a renamed placeholder',
      { ...ok, b: { message: 'مرحبا $NAME$', placeholders: { name: { content: '$1' } } } },
      /^b: placeholders name=\$1 differ/m,
    ],
    [
      'a placeholder for another $n',
      { ...ok, b: { message: 'مرحبا $USER$', placeholders: { user: { content: '$2' } } } },
      /^b: placeholders user=\$2/m,
    ],
    [
      'an undefined placeholder',
      { ...ok, b: { message: 'مرحبا $USER$' } },
      /^b: uses \$USER\$, which it does not define/m,
    ],
  ])('reports %s', (_name, other, want) => {
    expect(parityProblems(en, other).join('\n')).toMatch(want);
  });

  describe('a plural family (plural.ts)', () => {
    const family = (forms: Partial<Record<string, string>>, other: string) =>
      Object.fromEntries(PLURAL_CATEGORIES.map((c) => [`n_${c}`, { message: forms[c] ?? other }])) as Catalog;
    const enFamily = { ...family({ one: '$1 episode: $2' }, '$1 episodes: $2'), x_one: { message: '$1 x' } };

    it('lets zero, one and two say the count in a word, and nothing else be left out', () => {
      const ar = { ...family({ one: 'حلقة واحدة: $2', two: 'حلقتان: $2', few: '$1 حلقات: $2' }, '$1 حلقة: $2') };
      expect(parityProblems(enFamily, { ...ar, x_one: { message: '$1 x' } })).toEqual([]);
    });
    it.each<[string, Catalog, RegExp]>([
      ['the count left out of "few"', family({ few: 'حلقات: $2' }, '$1 حلقة: $2'), /^n_few: shows \$2/m],
      ['the other substitution left out of "two"', family({ two: '$1 حلقتان' }, '$1 حلقة: $2'), /^n_two: shows \$1/m],
      [
        'the count left out of a key that is no family',
        { ...family({}, '$1 حلقة: $2'), x_one: { message: 'x' } },
        /^x_one: shows no/m,
      ],
    ])('reports %s', (_name, other, want) => {
      const catalog = 'x_one' in other ? other : { ...other, x_one: { message: '$1 x' } };
      expect(parityProblems(enFamily, catalog).join('\n')).toMatch(want);
    });
  });

  it('reads $n through placeholders and ignores $$', () => {
    expect(positionalUse({ message: '$$1 $A$ $3', placeholders: { a: { content: '$2' } } })).toEqual(['$2', '$3']);
  });
});
