/**
 * Entry wiring for the language (panel and popup): the stored setting picks the
 * catalog at start, and a change stored by any view (this one, the popup, the
 * panel of another tab) switches every open view at once, without a reload.
 */
import browser from 'webextension-polyfill';
import { isLanguageSetting, SETTINGS_STORAGE_KEY, type LanguageSetting } from '../../protocol/messages';
import type { RecordingSource } from '../data/source';
import { createLocaleController, fetchCatalog, type LocaleController } from '../../i18n/locale';

export async function startLocale(source: RecordingSource): Promise<LocaleController> {
  const controller = createLocaleController({
    uiLanguage: browser.i18n.getUILanguage(),
    loadCatalog: (lang) => fetchCatalog(browser.runtime.getURL(`_locales/${lang}/messages.json`)),
    fallback: (id, subs) => browser.i18n.getMessage(id, subs),
    root: document.documentElement,
  });
  let current: LanguageSetting = 'auto';
  browser.storage.onChanged.addListener((changes, area) => {
    const next = (changes[SETTINGS_STORAGE_KEY]?.newValue as { language?: unknown } | undefined)?.language;
    if (area === 'local' && isLanguageSetting(next) && next !== current) {
      current = next;
      void controller.apply(next);
    }
  });
  current = await source.getSettings().then(
    (s) => s.language,
    () => 'auto' as const,
  );
  await controller.apply(current);
  return controller;
}
