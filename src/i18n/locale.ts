/**
 * The language of the panel, the popup and the background at run time. chrome.i18n
 * follows the browser's language and cannot switch, so every language (English too)
 * is a catalog file this controller loads and hands to t() through catalogTranslator:
 * one lookup function whichever way the language was chosen. A catalog that fails to
 * load leaves English in place and says why (state.failed). Neutral (no DOM, no
 * extension API): each context passes in how it reads the files.
 */
import { catalogTranslator, setTranslator, type Translator } from './translate';
import type { Language, LanguageSetting } from '../protocol/messages';
import { validateCatalog } from './catalog';
import { directionOf, intlLocaleFor, resolveLanguage, type Direction } from './languages';

export interface LocaleState {
  /** The language shown (English after a failed load). */
  lang: Language;
  dir: Direction;
  intlLocale: string;
  /** The language that could not be loaded, and why. */
  failed?: { lang: Language; error: string };
}

export interface LocaleDeps {
  /** browser.i18n.getUILanguage(): what 'auto' means. */
  uiLanguage: string | undefined;
  /** Reads the extension's own _locales/<lang>/messages.json (parsed JSON). */
  loadCatalog(lang: Language): Promise<unknown>;
  /** Used only if even the English file cannot be read (chrome.i18n's bundled English). */
  fallback: Translator;
  /** Gets lang and dir (a view's document root element; the background has none). */
  root?: { lang: string; dir: string };
}

export interface LocaleController {
  apply(setting: LanguageSetting): Promise<LocaleState>;
  getState(): LocaleState;
  subscribe(listener: () => void): () => void;
}

export function createLocaleController(deps: LocaleDeps): LocaleController {
  const translators = new Map<Language, Translator>();
  const listeners = new Set<() => void>();
  let state: LocaleState = { lang: 'en', dir: 'ltr', intlLocale: 'en' };
  let latest = 0;

  async function translatorFor(lang: Language): Promise<Translator> {
    const cached = translators.get(lang);
    if (cached) return cached;
    const tr = catalogTranslator(validateCatalog(await deps.loadCatalog(lang)));
    translators.set(lang, tr);
    return tr;
  }

  async function english(): Promise<Translator> {
    return translatorFor('en').catch(() => deps.fallback);
  }

  async function apply(setting: LanguageSetting): Promise<LocaleState> {
    const request = ++latest;
    const wanted = resolveLanguage(setting, deps.uiLanguage);
    let lang = wanted;
    let failed: LocaleState['failed'];
    let tr: Translator;
    try {
      tr = await translatorFor(wanted);
    } catch (e) {
      lang = 'en';
      failed = { lang: wanted, error: e instanceof Error ? e.message : String(e) };
      tr = await english();
    }
    // A later choice (the user switched again meanwhile) wins.
    if (request !== latest) return state;
    const dir = directionOf(lang);
    const intlLocale = intlLocaleFor(lang, deps.uiLanguage);
    setTranslator(tr, { intlLocale, isolate: dir === 'rtl' });
    if (deps.root) {
      deps.root.lang = intlLocale;
      deps.root.dir = dir;
    }
    state = { lang, dir, intlLocale, ...(failed && { failed }) };
    for (const l of listeners) l();
    return state;
  }

  return {
    apply,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads a catalog with fetch; any HTTP or JSON failure becomes an Error naming it. */
export async function fetchCatalog(url: string, fetchImpl: typeof fetch = fetch): Promise<unknown> {
  const res = await fetchImpl(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  try {
    return await res.json();
  } catch (e) {
    throw new Error(`${url}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
