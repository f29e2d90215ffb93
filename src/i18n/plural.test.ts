import { afterAll, describe, expect, it } from 'vitest';
import { localeCatalog as catalog } from '../test-support/locale-catalog';
import { PLURAL_CATEGORIES, tPlural } from './plural';
import { catalogTranslator, setTranslator } from './translate';

afterAll(() => setTranslator((id) => id));

describe('tPlural: counted text in each language', () => {
  it.each<[string, number, string]>([
    ['en', 1, '1 more event not listed here'],
    ['en', 0, '0 more events not listed here'],
    ['en', 2902, '2902 more events not listed here'],
    ['ar', 1, 'حدث آخر غير مدرج هنا'],
    ['ar', 2, 'حدثان آخران غير مدرجين هنا'],
    ['ar', 4, '4 أحداث أخرى غير مدرجة هنا'],
    ['ar', 11, '11 حدثًا آخر غير مدرج هنا'],
    ['ar', 100, '100 حدث آخر غير مدرج هنا'],
    ['hi', 1, '1 और घटना यहाँ सूचीबद्ध नहीं'],
    ['hi', 5, '5 और घटनाएँ यहाँ सूचीबद्ध नहीं'],
  ])('%s, %i', (lang, n, want) => {
    setTranslator(catalogTranslator(catalog(lang)), { intlLocale: lang });
    expect(tPlural('panel_events_gap', n)).toBe(want);
  });

  it('passes the rest after the count', () => {
    setTranslator(catalogTranslator(catalog('en')), { intlLocale: 'en' });
    expect(tPlural('panel_episode_recovered', 2, [1012])).toBe('Episode after 1012: recovered after 2 attempts');
    setTranslator(catalogTranslator(catalog('ar')), { intlLocale: 'ar' });
    expect(tPlural('panel_episode_recovered', 2, [1012])).toBe('حلقة بعد 1012: تعافى بعد محاولتين');
  });

  // "3 of 8 connections": the noun agrees with the total, the family's count.
  it.each<[string, number, number, string]>([
    ['en', 1, 1, '1 of 1 connection'],
    ['en', 3, 8, '3 of 8 connections'],
    ['ar', 1, 1, '1 من اتصال واحد'],
    ['ar', 1, 2, '1 من اتصالين'],
    ['ar', 3, 8, '3 من 8 اتصالات'],
    ['ar', 3, 11, '3 من 11 اتصالًا'],
    ['ar', 3, 100, '3 من 100 اتصال'],
    ['hi', 3, 8, '8 में से 3 कनेक्शन'],
  ])('%s: %i of %i connections', (lang, shown, total, want) => {
    setTranslator(catalogTranslator(catalog(lang)), { intlLocale: lang });
    expect(tPlural('panel_filter_count', total, [shown])).toBe(want);
  });

  it.each<[string, number, number, string]>([
    ['en', 5, 12, 'The last 5 of 12 messages (five each way are kept).'],
    ['ar', 2, 2, 'آخر 2 من رسالتين (يُحتفَظ بخمس في كل اتجاه).'],
    ['ar', 5, 7, 'آخر 5 من 7 رسائل (يُحتفَظ بخمس في كل اتجاه).'],
    ['ar', 10, 12, 'آخر 10 من 12 رسالة (يُحتفَظ بخمس في كل اتجاه).'],
    ['hi', 5, 12, '12 में से आख़िरी 5 संदेश (हर दिशा के पाँच रखे जाते हैं)।'],
  ])('%s: the last %i of %i messages', (lang, shown, total, want) => {
    setTranslator(catalogTranslator(catalog(lang)), { intlLocale: lang });
    expect(tPlural('panel_last_of_total', total, [shown])).toBe(want);
  });

  // "1 of 3 checks found a problem": the noun agrees with the checks in all, the family's count.
  it.each<[string, number, number, string]>([
    ['en', 1, 1, '1 of 1 check found a problem.'],
    ['en', 2, 7, '2 of 7 checks found a problem.'],
    ['ar', 0, 0, 'وجد 0 من 0 فحص مشكلة.'],
    ['ar', 1, 1, 'وجد 1 من فحص واحد مشكلة.'],
    ['ar', 1, 2, 'وجد 1 من فحصين مشكلة.'],
    ['ar', 2, 3, 'وجد 2 من 3 فحوص مشكلة.'],
    ['ar', 2, 11, 'وجد 2 من 11 فحصًا مشكلة.'],
    ['ar', 2, 100, 'وجد 2 من 100 فحص مشكلة.'],
    ['hi', 1, 1, '1 जाँच में से 1 में समस्या मिली।'],
    ['hi', 2, 7, '7 जाँचों में से 2 में समस्या मिली।'],
  ])('%s: %i of %i checks found a problem', (lang, problems, checks, want) => {
    setTranslator(catalogTranslator(catalog(lang)), { intlLocale: lang });
    expect(tPlural('audit_summary_problems', checks, [problems])).toBe(want);
  });

  it.each<[string, number, string]>([
    ['en', 1, 'No problem in 1 check.'],
    ['en', 5, 'No problem in 5 checks.'],
    ['ar', 0, 'لا مشكلة في 0 فحص.'],
    ['ar', 1, 'لا مشكلة في الفحص الوحيد.'],
    ['ar', 2, 'لا مشكلة في الفحصين.'],
    ['ar', 3, 'لا مشكلة في 3 فحوص.'],
    ['ar', 11, 'لا مشكلة في 11 فحصًا.'],
    ['ar', 100, 'لا مشكلة في 100 فحص.'],
    ['hi', 0, '0 जाँच में कोई समस्या नहीं।'],
    ['hi', 5, '5 जाँचों में कोई समस्या नहीं।'],
  ])('%s: no problem in %i checks', (lang, checks, want) => {
    setTranslator(catalogTranslator(catalog(lang)), { intlLocale: lang });
    expect(tPlural('audit_summary_ok', checks)).toBe(want);
  });

  // A family is a message with a "one" and an "other" in English.
  const en = catalog('en');
  const families = new Set(
    Object.keys(en)
      .map((id) => /^(.+)_one$/.exec(id)?.[1])
      .filter((f): f is string => f !== undefined && `${f}_other` in en),
  );
  it.each(['en', 'ar', 'hi'])('%s has every category of every family', (lang) => {
    const c = catalog(lang);
    expect(families.size).toBeGreaterThanOrEqual(7);
    for (const f of families)
      for (const cat of PLURAL_CATEGORIES) expect(c, `${f}_${cat}`).toHaveProperty(`${f}_${cat}`);
  });
});
