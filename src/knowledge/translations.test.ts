// The knowledge base's texts as Arabic and Hindi readers get them: the same numbers and code
// values as the English, and, in Arabic, code-like tokens that survive right-to-left layout.
import { describe, expect, it } from 'vitest';
import { detachedLtrTokens } from '../i18n/bidi';
import { localeCatalog } from '../test-support/locale-catalog';
import {
  ALL_ADVICE,
  ALL_CATEGORIES,
  adviceLabelId,
  allComparisons,
  allEntries,
  allRanges,
  categoryLabelId,
  protocolLabelId,
} from './index';

const ids = [
  ...new Set([
    ...allEntries().flatMap((e) => [e.nameId, e.meaningId, e.whenId, e.fixId, e.reconnectId, e.source.labelId]),
    ...allEntries().map((e) => protocolLabelId(e.protocol)),
    ...allRanges().flatMap((r) => [r.nameId, r.meaningId, r.source.labelId]),
    ...allComparisons().flatMap((c) => [c.titleId, ...c.differenceIds, ...c.useWhenIds]),
    ...ALL_CATEGORIES.map(categoryLabelId),
    ...ALL_ADVICE.map(adviceLabelId),
    'code_never_on_wire',
    'code_ambiguous_note',
  ]),
];

const en = localeCatalog('en');
const ar = localeCatalog('ar');
const hi = localeCatalog('hi');

/** The numbers a reader sees, in order of value: ASCII, Arabic-Indic or Devanagari digits alike. */
function numbersIn(text: string): string[] {
  const ascii = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x966));
  return (ascii.match(/\d+/g) ?? []).sort();
}

describe('knowledge texts in Arabic and Hindi', () => {
  it.each(ids.flatMap((id) => [['ar', id] as const, ['hi', id] as const]))(
    '%s %s says the same numbers and codes as English',
    (lang, id) => {
      const other = lang === 'ar' ? ar : hi;
      expect(numbersIn(other[id]?.message ?? '')).toEqual(numbersIn(en[id]?.message ?? ''));
    },
  );

  it.each(ids)('ar %s keeps its calls, URL schemes and parameters whole right to left', (id) => {
    expect(detachedLtrTokens(ar[id]?.message ?? '')).toEqual([]);
  });
});
