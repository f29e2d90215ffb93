import { afterEach, describe, expect, it } from 'vitest';
import catalog from '../../public/_locales/en/messages.json';
import { chain } from '../../src/analysis/test-fixtures';
import { catalogTranslator, setTranslator, type CatalogEntry } from '../../src/i18n/translate';
import { localeCatalog } from '../../src/test-support/locale-catalog';
import { report } from './report';

const en = catalog as Record<string, CatalogEntry>;
afterEach(() => setTranslator(catalogTranslator(en)));

describe('demo report', () => {
  const c = chain({ code: 1008, delays: [0.25] });

  it('prints every line from the catalog (a marked pseudo-translation marks every line)', () => {
    const pseudo = Object.fromEntries(Object.entries(en).map(([id, e]) => [id, { ...e, message: `⟦${e.message}⟧` }]));
    const lines = report(c.recording, { catalog: pseudo, intlLocale: 'en' }, c.now).filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.trim()).toMatch(/^⟦.*⟧$/);
  });

  it('reads in English with the verdict and its delay', () => {
    const text = report(c.recording, { catalog: en, intlLocale: 'en' }, c.now).join('\n');
    expect(text).toMatch(/^What Closeline recorded: 2 connections, 1 closed, 1 still open\./);
    // One time column in time order: the closure at its close, then the retry still open since its creation.
    const closed = text.indexOf('closed by: ');
    const open = text.indexOf('still open (created at this time)');
    expect(closed).toBeGreaterThan(0);
    expect(open).toBeGreaterThan(closed);
    expect(text).toContain('Retried the same request 0.25 s after close code 1008');
    expect(text).toContain('delays: 0.25 s');
  });

  // A chain of k waits is k + 1 connections, the last one still open.
  const AR_TIME = 'الوقت: ثوانٍ منذ إنشاء أول مقبس';
  it.each<[string, number, string]>([
    ['en', 0, 'What Closeline recorded: 1 connection, 1 closed, 0 still open.'],
    ['en', 1, 'What Closeline recorded: 2 connections, 1 closed, 1 still open.'],
    ['ar', 0, `ما سجّله Closeline: اتصال واحد، عدد المُغلق منه 1، وعدد المفتوح حتى الآن 0. ${AR_TIME}`],
    ['ar', 1, `ما سجّله Closeline: اتصالان، عدد المُغلق منهما 1، وعدد المفتوح حتى الآن 1. ${AR_TIME}`],
    ['ar', 2, `ما سجّله Closeline: 3 اتصالات، عدد المُغلق منها 2، وعدد المفتوح حتى الآن 1. ${AR_TIME}`],
    ['ar', 10, `ما سجّله Closeline: 11 اتصالًا، عدد المُغلق منها 10، وعدد المفتوح حتى الآن 1. ${AR_TIME}`],
    ['hi', 0, 'Closeline ने क्या रिकॉर्ड किया: 1 कनेक्शन (बंद: 1, अभी खुले: 0)।'],
    ['hi', 2, 'Closeline ने क्या रिकॉर्ड किया: 3 कनेक्शन (बंद: 2, अभी खुले: 1)।'],
  ])('%s: the heading after %i waits agrees with the connections', (lang, waits, want) => {
    const k = chain({ code: 1012, delays: Array.from({ length: waits }, () => 0.25) });
    const [heading = ''] = report(k.recording, { catalog: localeCatalog(lang), intlLocale: lang }, k.now);
    expect(heading.replace(/[\u2068\u2069]/g, '')).toContain(want);
  });

  it('writes numbers in the locale given', () => {
    const text = report(c.recording, { catalog: en, intlLocale: 'ar-EG' }, c.now).join('\n');
    expect(text).toContain('٠٫٢٥');
  });
});
