/**
 * Numbers in the chosen language, through Intl. The analysis core writes its
 * substitutions locale-free ("1.07 s", "1.07, 2.00 s", "0.5", "1008": see
 * src/analysis/format.ts); tText re-renders exactly those shapes for the reader,
 * with the same values and the same number of decimals, only the digits, the
 * decimal sign, the list separator and the unit word changing.
 */
import { pluralId } from './plural';
import { currentIntlLocale, t } from './translate';

const formats = new Map<string, Intl.NumberFormat>();

/** Grouping stays off: close codes and counts read as written ("1008", not "1,008"). */
export function formatNumber(n: number, fractionDigits = 0, locale = currentIntlLocale()): string {
  const key = `${locale}|${fractionDigits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      useGrouping: false,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formats.set(key, f);
  }
  return f.format(n);
}

const NUMBER = /^-?\d+(?:\.(\d+))?$/;
const SECONDS = /^(\d+(?:\.\d+)?) s$/;
const LIST = /^(\d+(?:\.\d+)?(?:, \d+(?:\.\d+)?)+) s$/;
/** A list cut short by the analysis (src/analysis/format.ts, `delayList`): its first values, then how many more. */
const LIST_MORE = /^(\d+(?:\.\d+)?(?:, \d+(?:\.\d+)?)+ s) \+(\d+)$/;

/** A number written by the analysis core, in the current locale with its decimals kept. */
function localizeNumber(written: string): string {
  const m = NUMBER.exec(written);
  return m ? formatNumber(Number(written), m[1]?.length ?? 0) : written;
}

/** A list of values ("1.07, 2.00") with the locale's separators. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(currentIntlLocale(), { type: 'unit', style: 'short' }).format(items);
}

/** Whether a substitution has one of the shapes above (a number, seconds, a list of seconds). */
export function isNumberSub(sub: string): boolean {
  return NUMBER.test(sub) || SECONDS.test(sub) || LIST.test(sub) || LIST_MORE.test(sub);
}

export function localizeSub(sub: string): string {
  if (NUMBER.test(sub)) return localizeNumber(sub);
  const one = SECONDS.exec(sub);
  if (one) return t('ui_unit_seconds', [localizeNumber(one[1]!)]);
  const list = LIST.exec(sub);
  if (list) {
    return t('ui_unit_seconds', [formatList(list[1]!.split(', ').map(localizeNumber))]);
  }
  const cut = LIST_MORE.exec(sub);
  if (cut) return t('ui_list_more', [localizeSub(cut[1]!), localizeNumber(cut[2]!)]);
  return sub;
}

/** The catalog id of an analysis text: a plural family's member for its count (subs[0]) in the current language. */
export function textId(text: { id: string; subs?: string[]; plural?: true }): string {
  return text.plural ? pluralId(text.id, Number(text.subs?.[0])) : text.id;
}

/** Renders an analysis text (message id + locale-free substitutions) in the current language. */
export function tText(text: { id: string; subs?: string[]; plural?: true }): string {
  return t(textId(text), text.subs?.map(localizeSub));
}
