import { afterEach, describe, expect, it } from 'vitest';
import catalog from '../../public/_locales/en/messages.json';
import { analyzeRecording } from '../analysis';
import { chain, type ChainSpec } from '../analysis/test-fixtures';
import type { I18nText } from '../analysis/types';
import { droppedLabels } from '../analysis/present';
import { emptyDropped, type DroppedCounts } from '../protocol/recording';
import { hasLocaleCatalog, localeCatalog, type Catalog } from '../test-support/locale-catalog';
import { catalogTranslator, setTranslator } from './translate';
import { formatNumber, localizeSub, tText } from './numbers';

const en = catalog as Catalog;
/** The real translation when it exists; English text otherwise (the digits are what is tested then). */
const catalogOf = (lang: string): Catalog => (hasLocaleCatalog(lang) ? localeCatalog(lang) : en);

const use = (lang: string, intlLocale: string) =>
  setTranslator(catalogTranslator(catalogOf(lang)), { intlLocale, isolate: lang === 'ar' });
afterEach(() => setTranslator(catalogTranslator(en)));

const DIGITS: Record<string, string> = Object.fromEntries(
  [...'٠١٢٣٤٥٦٧٨٩'].map((d, i) => [d, String(i)]).concat([...'०१२३४५६७८९'].map((d, i) => [d, String(i)])),
);
/** The numbers a reader sees, as values: any script's digits, either decimal sign. */
function numbersIn(text: string): number[] {
  const ascii = text.replace(/[٠-٩०-९]/g, (d) => DIGITS[d]!).replace(/٫/g, '.');
  return [...ascii.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

function verdictText(spec: ChainSpec): I18nText {
  const c = chain(spec);
  const v = analyzeRecording(c.recording, { now: c.now }).verdictByClosure[c.triggerId];
  if (!v) throw new Error('no verdict');
  return v.text;
}

describe('verdict sentences keep their numbers in every language', () => {
  const cases: [string, ChainSpec][] = [
    ['1008 retried at once', { code: 1008, delays: [0.25] }],
    ['1012 reconnected too soon', { code: 1012, delays: [0.31] }],
    ['1013 without backoff', { code: 1013, delays: [1.07, 0.6, 1.2] }],
    ['1012 fitting backoff', { code: 1012, delays: [1.07, 1.07, 1.75, 3.89] }],
    ['1013 retried every second for hours (the list is cut)', { code: 1013, delays: Array(4_000).fill(1.07) }],
  ];
  it.each(cases)('%s: the same delays in ar (Egyptian digits) and hi as in English', (_name, spec) => {
    const text = verdictText(spec);
    const fromSubs = new Set((text.subs ?? []).flatMap(numbersIn));
    const subNumbers = (s: string) => sorted(numbersIn(s).filter((n) => fromSubs.has(n)));
    use('en', 'en');
    const english = tText(text);
    use('ar', 'ar-EG');
    const arabic = tText(text);
    use('hi', 'hi-IN');
    const hindi = tText(text);
    expect(fromSubs.size).toBeGreaterThan(0);
    expect(subNumbers(arabic)).toEqual(subNumbers(english));
    expect(subNumbers(hindi)).toEqual(subNumbers(english));
    // The locale's own digits, not ASCII ones, in the Egyptian Arabic rendering.
    expect(arabic).toMatch(/[٠-٩]/);
    expect(english).not.toMatch(/[٠-٩]/);
  });
});

describe('localizeSub', () => {
  it.each([
    ['en', '1.07 s', '1.07 s'],
    ['en', '1.07, 0.60, 1.20 s', '1.07, 0.60, 1.20 s'],
    ['en', '1008', '1008'],
    ['en', '-2.5', '-2.5'],
    ['ar-EG', '0.60', '٠٫٦٠'],
    ['ar-EG', '1.07 s', '١٫٠٧ s'],
    ['ar-EG', 'ws://h/1', 'ws://h/1'],
    ['en', '1.00, 2.00 s +9990', '1.00, 2.00 s and 9990 more'],
    ['ar-EG', '1.00, 2.00 s +12', '١٫٠٠ و٢٫٠٠ s and ١٢ more'],
    // Not the analysis' shape (no unit before the count): left as written.
    ['en', '1.00, 2.00 +3', '1.00, 2.00 +3'],
  ])('in %s, %s reads %s', (locale, sub, want) => {
    setTranslator(catalogTranslator(en), { intlLocale: locale });
    expect(localizeSub(sub)).toBe(want);
  });

  it('keeps a number without grouping', () => {
    expect(formatNumber(10000, 0, 'en')).toBe('10000');
  });
});

describe('counted analysis texts (a plural family) agree with their count', () => {
  const dropped = (field: keyof DroppedCounts, n: number) => droppedLabels({ ...emptyDropped(), [field]: n })[0]!.text;

  it.each<[string, keyof DroppedCounts, number, string]>([
    ['en', 'fieldsTruncated', 1, '1 long value (URL, reason, stack) shortened to its limit'],
    ['en', 'fieldsTruncated', 3, '3 long values (URL, reason, stack) shortened to their limit'],
    ['en', 'connectionsEvicted', 1, '1 oldest connection removed to stay within the storage limit'],
    ['ar', 'fieldsTruncated', 1, 'اختُصرت قيمة طويلة واحدة (URL، السبب، مكدّس الاستدعاء) إلى حدها'],
    ['ar', 'fieldsTruncated', 2, 'اختُصرت قيمتان طويلتان (URL، السبب، مكدّس الاستدعاء) إلى حدّيهما'],
    ['ar', 'fieldsTruncated', 3, 'اختُصرت 3 قيم طويلة (URL، السبب، مكدّس الاستدعاء) إلى حدودها'],
    ['ar', 'fieldsTruncated', 100, 'اختُصرت 100 قيمة طويلة (URL، السبب، مكدّس الاستدعاء) إلى حدودها'],
    ['ar', 'eventsOverflowed', 11, 'فُقد 11 حدثًا لأن مخزنًا مؤقتًا بين الصفحة وCloseline كان ممتلئًا'],
    ['ar', 'eventsRejected', 5, 'رُفضت 5 رسائل من الصفحة لأنها غير صالحة أو مزوّرة'],
    ['ar', 'connectionsRateLimited', 2, 'لم يُسجَّل اتصالان جديدان: فتحتهما الصفحة أسرع من حد المعدّل'],
    ['ar', 'marksEvicted', 1, 'أُزيلت علامة واحدة من علامات دورة حياة الصفحة للبقاء ضمن الحد'],
    ['hi', 'fieldsTruncated', 1, '1 लंबा मान (URL, reason, स्टैक) अपनी सीमा तक छोटा किया गया'],
    ['hi', 'fieldsTruncated', 4, '4 लंबे मान (URL, reason, स्टैक) अपनी सीमा तक छोटे किए गए'],
  ])('%s: %s %i', (lang, field, n, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    expect(tText(dropped(field, n))).toBe(want);
  });
});

describe('counted verdicts (a plural family) agree with their count', () => {
  const storm = (n: number): I18nText => ({ id: 'verdict_storm', subs: [String(n), '0.40 s', '5', '2'], plural: true });
  const AR_STORM_RULE =
    'تُعدّ المحاولات إلى طرف واحد عاصفةً إذا بلغ عددها 5 أو أكثر خلال 2 ث؛ انتظر بين المحاولات وتراجع.';
  it.each<[string, number, string]>([
    ['en', 1, 'Reconnect storm: 1 attempt within 0.40 s. 5 or more attempts'],
    ['en', 6, 'Reconnect storm: 6 attempts within 0.40 s. 5 or more attempts'],
    ['ar', 0, `عاصفة إعادة اتصال: 0 محاولة خلال 0.40 ث. ${AR_STORM_RULE}`],
    ['ar', 1, `عاصفة إعادة اتصال: محاولة واحدة خلال 0.40 ث. ${AR_STORM_RULE}`],
    ['ar', 2, `عاصفة إعادة اتصال: محاولتان خلال 0.40 ث. ${AR_STORM_RULE}`],
    ['ar', 3, `عاصفة إعادة اتصال: 3 محاولات خلال 0.40 ث. ${AR_STORM_RULE}`],
    ['ar', 11, `عاصفة إعادة اتصال: 11 محاولة خلال 0.40 ث. ${AR_STORM_RULE}`],
    ['ar', 100, `عاصفة إعادة اتصال: 100 محاولة خلال 0.40 ث. ${AR_STORM_RULE}`],
    ['hi', 1, 'रीकनेक्ट स्टॉर्म: 0.40 s में 1 प्रयास।'],
  ])('%s: a storm of %i attempts', (lang, n, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    expect(tText(storm(n))).toContain(want);
  });

  it.each<[string, number, string]>([
    ['en', 1, 'Reconnect storm: 1 attempt within 0.40 s, counting 1 opened beside the reconnects'],
    ['ar', 2, 'عاصفة إعادة اتصال: محاولتان خلال 0.40 ث، منهما 1 من المقابس فُتحت بجانب محاولات إعادة الاتصال'],
    ['ar', 11, 'عاصفة إعادة اتصال: 11 محاولة خلال 0.40 ث، منها 1 من المقابس فُتحت'],
    ['hi', 1, 'रीकनेक्ट स्टॉर्म: 0.40 s में 1 प्रयास, जिसमें रीकनेक्ट के साथ-साथ खोले गए सॉकेटों की संख्या 1 है'],
    ['hi', 6, 'रीकनेक्ट स्टॉर्म: 0.40 s में 6 प्रयास, जिनमें रीकनेक्ट के साथ-साथ खोले गए सॉकेटों की संख्या 1 है'],
  ])('%s: a storm of %i attempts with sockets opened beside the reconnects', (lang, n, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    const text: I18nText = { id: 'verdict_storm_parallel', subs: [String(n), '0.40 s', '5', '2', '1'], plural: true };
    expect(tText(text)).toContain(want);
  });

  const lowCap = (n: number): I18nText => ({
    id: 'verdict_backoff_low_cap',
    subs: [String(n), '1.00, 2.00 s', '2.00 s', '10'],
    plural: true,
  });
  it.each<[string, number, string]>([
    ['en', 1, 'Low cap: after 1 wait the longest was 2.00 s, under 10 s.'],
    ['en', 6, 'Low cap: after 6 waits the longest was 2.00 s, under 10 s.'],
    ['ar', 0, 'حد أقصى منخفض: بعد 0 فترة انتظار كان أطولها 2.00 ث، أي دون 10 ث.'],
    ['ar', 1, 'حد أقصى منخفض: بعد فترة انتظار واحدة مدتها 2.00 ث، أي دون 10 ث.'],
    ['ar', 2, 'حد أقصى منخفض: بعد فترتَي انتظار كان أطولهما 2.00 ث، أي دون 10 ث.'],
    ['ar', 6, 'حد أقصى منخفض: بعد 6 فترات انتظار كان أطولها 2.00 ث، أي دون 10 ث.'],
    ['ar', 11, 'حد أقصى منخفض: بعد 11 فترة انتظار كان أطولها 2.00 ث، أي دون 10 ث.'],
    ['ar', 100, 'حد أقصى منخفض: بعد 100 فترة انتظار كان أطولها 2.00 ث، أي دون 10 ث.'],
    ['hi', 1, 'कम सीमा (cap): 1 इंतज़ार के बाद सबसे लंबा 2.00 s था'],
    ['hi', 6, 'कम सीमा (cap): 6 इंतज़ारों के बाद सबसे लंबा 2.00 s था'],
  ])('%s: a low cap after %i waits', (lang, n, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    expect(tText(lowCap(n))).toContain(want);
  });

  const notJudged = (min: number): I18nText => ({
    id: 'verdict_backoff_not_judged',
    subs: [String(min), '0.60 s'],
    plural: true,
  });
  it.each<[string, number, string]>([
    ['en', 1, 'Reconnected after waiting 0.60 s. With fewer than 1 wait the backoff is not judged.'],
    ['en', 3, 'Reconnected after waiting 0.60 s. With fewer than 3 waits the backoff is not judged.'],
    ['ar', 1, 'أُعيد الاتصال بعد انتظار 0.60 ث. مع أقل من فترة انتظار واحدة لا يُحكم على التراجع.'],
    ['ar', 2, 'أُعيد الاتصال بعد انتظار 0.60 ث. مع أقل من فترتَي انتظار لا يُحكم على التراجع.'],
    ['ar', 3, 'أُعيد الاتصال بعد انتظار 0.60 ث. مع أقل من 3 فترات انتظار لا يُحكم على التراجع.'],
    ['ar', 11, 'أُعيد الاتصال بعد انتظار 0.60 ث. مع أقل من 11 فترة انتظار لا يُحكم على التراجع.'],
    ['hi', 1, '0.60 s के इंतज़ार के बाद रीकनेक्ट हुआ। 1 से कम इंतज़ार पर बैकऑफ़ का आकलन नहीं होता।'],
    ['hi', 3, '0.60 s के इंतज़ार के बाद रीकनेक्ट हुआ। 3 से कम इंतज़ारों पर बैकऑफ़ का आकलन नहीं होता।'],
  ])('%s: not judged with fewer than %i waits', (lang, min, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    expect(tText(notJudged(min))).toBe(want);
  });
});
