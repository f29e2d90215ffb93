import { afterEach, describe, expect, it } from 'vitest';
import catalog from '../../public/_locales/en/messages.json';
import { chain } from '../../src/analysis/test-fixtures';
import { catalogTranslator, setTranslator, type CatalogEntry } from '../../src/i18n/translate';
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

  it('writes numbers in the locale given', () => {
    const text = report(c.recording, { catalog: en, intlLocale: 'ar-EG' }, c.now).join('\n');
    expect(text).toContain('٠٫٢٥');
  });
});
