import { describe, expect, it } from 'vitest';
import { localeCatalog } from '../test-support/locale-catalog';
import { catalogTranslator, type CatalogEntry } from './translate';

describe('catalogTranslator', () => {
  const tr = catalogTranslator({
    plain: { message: 'Hello' },
    positional: { message: 'Closed with $1 after $2' },
    named: { message: 'Hi $USER$, $$5', placeholders: { user: { content: '$1' } } },
    twice: { message: '$1 and $1' },
    dollars: { message: '$$1 $$$1 $0 $9' },
    unknownName: { message: 'a $who$ b' },
  });
  it.each([
    ['plain', [], 'Hello'],
    ['positional', ['1012', '2 s'], 'Closed with 1012 after 2 s'],
    ['named', ['Ada'], 'Hi Ada, $5'],
    ['twice', ['x'], 'x and x'],
    // $$ is a literal $ even before a digit; $0 and a missing substitution are empty.
    ['dollars', ['v'], '$1 $v  '],
    ['unknownName', [], 'a $who$ b'],
    // What is substituted is shown as given: the page's text is never read as a template.
    ['positional', ['$2', '$$'], 'Closed with $2 after $$'],
    ['named', ['$1$USER$'], 'Hi $1$USER$, $5'],
  ])('%s %j', (id, subs, want) => {
    expect(tr(id, subs)).toBe(want);
    // A second call answers from the parsed message, the same.
    expect(tr(id, subs)).toBe(want);
  });
  it('throws on an unknown id, every time', () => {
    expect(() => tr('nope')).toThrow(/no message "nope"/);
    expect(() => tr('nope')).toThrow(/no message "nope"/);
  });

  // The rules written out plainly, as a reference for every message the product ships. With
  // substitutions that hold no "$", reading them again (as this reference does) changes nothing.
  function reference(entry: CatalogEntry, subs: string[]): string {
    const sub = (s: string) => s.replace(/\$\$|\$(\d)/g, (m, d?: string) => (d ? (subs[Number(d) - 1] ?? '') : m));
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => {
      const ph = Object.entries(entry.placeholders ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
      return ph ? sub(ph.content) : m;
    });
    return sub(named).replace(/\$\$/g, '$');
  }
  it.each(['en', 'ar', 'hi'])('renders every %s message as the reference does', (lang) => {
    const catalog = localeCatalog(lang);
    const subs = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
    const translate = catalogTranslator(catalog);
    expect(Object.keys(catalog).length).toBeGreaterThan(100);
    for (const [id, entry] of Object.entries(catalog))
      expect([id, translate(id, subs)]).toEqual([id, reference(entry, subs)]);
  });
});
