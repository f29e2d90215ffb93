import { afterEach, describe, expect, it } from 'vitest';
import { catalogTranslator, setTranslator, t } from '../i18n/translate';
import { tPlural } from '../i18n/plural';
import type { Language, LanguageSetting } from '../protocol/messages';
import { hasLocaleCatalog, localeCatalog } from '../test-support/locale-catalog';
import { createBackgroundLanguage } from './language';

afterEach(() => setTranslator(catalogTranslator(localeCatalog('en'))));

/** The worker's wiring with the shipped catalogs; the browser's own i18n (getMessage) answers in `browserLang`. */
function worker(uiLanguage: string, missing: Language[] = []) {
  const titles: string[] = [];
  const loads: Language[] = [];
  let redraws = 0;
  const primary = uiLanguage.split('-')[0]!;
  const browserLang = hasLocaleCatalog(primary) ? primary : 'en';
  const language = createBackgroundLanguage({
    uiLanguage,
    loadCatalog: async (lang) => {
      loads.push(lang);
      if (missing.includes(lang)) throw new Error('HTTP 404');
      return localeCatalog(lang);
    },
    fallback: catalogTranslator(localeCatalog(browserLang)),
    setDefaultTitle: (title) => titles.push(title),
    redraw: () => redraws++,
  });
  // Until a catalog is applied the worker speaks the browser's language.
  setTranslator(catalogTranslator(localeCatalog(browserLang)));
  return { language, titles, loads, redraws: () => redraws };
}

describe('the background speaks the language chosen in the settings', () => {
  it.each<[LanguageSetting, string, Language]>([
    // setting, the browser's UI language, the language of the tooltip and the errors
    ['ar', 'en-US', 'ar'],
    ['hi', 'ar', 'hi'],
    ['en', 'hi-IN', 'en'],
    ['auto', 'ar-EG', 'ar'],
    ['auto', 'fr', 'en'],
  ])('%s with the browser in %s: %s', async (setting, ui, want) => {
    const w = worker(ui);
    expect((await w.language.apply(setting))?.lang).toBe(want);
    const catalog = localeCatalog(want);
    expect(t('actionTitle')).toBe(catalog.actionTitle!.message);
    expect(t('bg_sim_no_connection')).toBe(catalog.bg_sim_no_connection!.message);
    expect(w.titles).toEqual([catalog.actionTitle!.message]);
    // A worker's start: the tooltips were drawn in this language by the worker before.
    expect(w.redraws()).toBe(0);
  });

  it('switches, and draws the tooltips again, when the stored setting changes; the same setting again is no change', async () => {
    const w = worker('en-US');
    await w.language.apply('auto');
    expect(tPlural('badge_title_count', 2)).toBe('2 WebSocket reconnect problems in this tab');
    await w.language.apply('ar');
    // The count's form follows the chosen language's plural rules (and its substitutions are isolated).
    expect(tPlural('badge_title_count', 2)).toBe('مشكلتان في إعادة اتصال WebSocket في علامة التبويب هذه');
    expect(tPlural('badge_title_count', 4)).toBe('\u20684\u2069 مشكلات في إعادة اتصال WebSocket في علامة التبويب هذه');
    await w.language.apply('ar');
    expect(w.redraws()).toBe(1);
    await w.language.apply('hi');
    expect(t('actionTitle')).toBe('Closeline: इस टैब में WebSocket क्लोज़र');
    expect(w.redraws()).toBe(2);
    expect(w.loads).toEqual(['en', 'ar', 'hi']);
  });

  it('keeps English when the chosen catalog cannot be read', async () => {
    const w = worker('hi-IN', ['ar']);
    expect((await w.language.apply('ar'))?.failed?.lang).toBe('ar');
    expect(t('actionTitle')).toBe('Closeline: WebSocket closures in this tab');
  });
});
