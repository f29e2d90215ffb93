/**
 * Counted text in the grammar of each language. A message that counts something is a family of
 * catalog entries, one per plural category of Unicode CLDR (`<id>_zero` … `<id>_other`), and the
 * count is always its $1: English needs "one" and "other", Arabic all six (1 محاولة واحدة, 2 محاولتين,
 * 3–10 محاولات, 11–99 محاولة), Hindi "one" and "other". Every catalog has all six entries (parity);
 * a language that does not use a category repeats its "other" there.
 */
import { currentIntlLocale, t } from './translate';

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

const rules = new Map<string, Intl.PluralRules>();

/**
 * The id of the family member for `count` in the current language (`<id>_few` for 4 in Arabic), or in
 * `locale` where the text comes from a catalog of its own (the command line's is English).
 */
export function pluralId(id: string, count: number, locale = currentIntlLocale()): string {
  let r = rules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    rules.set(locale, r);
  }
  return `${id}_${r.select(count)}`;
}

/** The family member for `count` in the current language, with the count as $1 and `rest` as $2…. */
export function tPlural(id: string, count: number, rest: (string | number)[] = []): string {
  return t(pluralId(id, count), [count, ...rest]);
}
