/**
 * Which catalog and which Intl locale a language setting means. Pure: the
 * browser's UI language is passed in, so tests cover every combination.
 */
import { LANGUAGES, type Language, type LanguageSetting } from '../protocol/messages';

export type Direction = 'ltr' | 'rtl';

/** The catalog for a BCP 47 tag ("ar-EG" → ar), or English when there is none. */
export function languageOfTag(tag: string | undefined): Language {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l === primary) ?? 'en';
}

export function resolveLanguage(setting: LanguageSetting, uiLanguage: string | undefined): Language {
  return setting === 'auto' ? languageOfTag(uiLanguage) : setting;
}

/**
 * The locale Intl formats numbers and times with. When the browser's UI language is a
 * regional form of the chosen language (ar-EG), its digits and separators are what the
 * user reads every day, so it wins; otherwise the language alone (CLDR's own preference).
 */
export function intlLocaleFor(lang: Language, uiLanguage: string | undefined): string {
  if (uiLanguage && languageOfTag(uiLanguage) === lang && Intl.NumberFormat.supportedLocalesOf(uiLanguage).length) {
    return uiLanguage;
  }
  return lang;
}

export function directionOf(lang: Language): Direction {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** Catalog ids of the language names in the setting (each shown in its own script). */
export const LANGUAGE_NAME_IDS: Record<LanguageSetting, string> = {
  auto: 'ui_language_auto',
  en: 'ui_language_en',
  ar: 'ui_language_ar',
  hi: 'ui_language_hi',
};
