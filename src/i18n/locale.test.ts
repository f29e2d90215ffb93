import { afterEach, describe, expect, it } from 'vitest';
import catalog from '../../public/_locales/en/messages.json';
import { catalogTranslator, currentIntlLocale, setTranslator, t, type CatalogEntry } from './translate';
import type { Language } from '../protocol/messages';
import { createLocaleController, fetchCatalog } from './locale';
import { resolveLanguage, intlLocaleFor } from './languages';

const en = catalog as Record<string, CatalogEntry>;
const ar = {
  panel_clear: { message: 'مسح' },
  panel_cell_moved: { message: '$1 ثم $2' },
  ui_unit_ms: { message: '$1 ملّي ثانية' },
};
const hi = { panel_clear: { message: 'साफ़ करें' } };

function controllerWith(files: Partial<Record<Language, unknown>>, uiLanguage = 'en-US') {
  const loads: Language[] = [];
  const root = document.createElement('html');
  const controller = createLocaleController({
    uiLanguage,
    root,
    fallback: (id) => `fallback:${id}`,
    loadCatalog: async (lang) => {
      loads.push(lang);
      if (!(lang in files)) throw new Error(`HTTP 404`);
      return files[lang];
    },
  });
  return { controller, root, loads };
}

afterEach(() => setTranslator(catalogTranslator(en)));

describe('locale controller', () => {
  it('switches language, direction and number locale at run time, loading each catalog once', async () => {
    const { controller, root, loads } = controllerWith({ en, ar, hi });
    let notified = 0;
    controller.subscribe(() => notified++);
    expect(await controller.apply('ar')).toEqual({ lang: 'ar', dir: 'rtl', intlLocale: 'ar' });
    expect([root.lang, root.dir, t('panel_clear')]).toEqual(['ar', 'rtl', 'مسح']);
    // Substitutions are isolated in a right-to-left language, so a URL keeps its order.
    expect(t('panel_cell_moved', ['1.07 s', 'ws://a/b'])).toBe('\u20681.07 s\u2069 ثم \u2068ws://a/b\u2069');
    await controller.apply('hi');
    expect([root.lang, root.dir, t('panel_clear')]).toEqual(['hi', 'ltr', 'साफ़ करें']);
    await controller.apply('ar');
    expect(loads).toEqual(['ar', 'hi']);
    expect(notified).toBe(3);
  });

  it("'auto' follows the browser's UI language, and its region decides the digits", async () => {
    const { controller, root } = controllerWith({ en, ar }, 'ar-EG');
    expect(await controller.apply('auto')).toMatchObject({ lang: 'ar', intlLocale: 'ar-EG' });
    expect(root.lang).toBe('ar-EG');
    expect(currentIntlLocale()).toBe('ar-EG');
    expect(t('ui_unit_ms', [250])).toBe('\u2068٢٥٠\u2069 ملّي ثانية');
  });

  it('shows English with the reason when a catalog cannot be loaded', async () => {
    const { controller, root } = controllerWith({ en });
    const state = await controller.apply('hi');
    expect(state).toEqual({ lang: 'en', dir: 'ltr', intlLocale: 'en-US', failed: { lang: 'hi', error: 'HTTP 404' } });
    expect([root.lang, root.dir, t('panel_clear')]).toEqual(['en-US', 'ltr', 'Clear']);
  });

  it('rejects a malformed catalog with the entry at fault', async () => {
    const { controller } = controllerWith({ en, ar: { panel_clear: { text: 'مسح' } } });
    expect((await controller.apply('ar')).failed).toEqual({
      lang: 'ar',
      error: '"panel_clear" has no "message" string',
    });
  });

  it('uses the bundled fallback only when even English cannot be read', async () => {
    const { controller } = controllerWith({});
    await controller.apply('en');
    expect(t('panel_clear')).toBe('fallback:panel_clear');
  });

  it('lets the latest choice win when loads finish out of order', async () => {
    let releaseAr!: () => void;
    const arGate = new Promise<void>((r) => (releaseAr = r));
    const root = document.createElement('html');
    const controller = createLocaleController({
      uiLanguage: 'en',
      root,
      fallback: (id) => id,
      loadCatalog: async (lang) => {
        if (lang === 'ar') await arGate;
        return { en, ar, hi }[lang];
      },
    });
    const slow = controller.apply('ar');
    await controller.apply('hi');
    releaseAr();
    await slow;
    expect([controller.getState().lang, root.dir, t('panel_clear')]).toEqual(['hi', 'ltr', 'साफ़ करें']);
  });
});

describe('languages', () => {
  it.each([
    ['auto', 'ar-SA', 'ar'],
    ['auto', 'hi_IN', 'hi'],
    ['auto', 'fr', 'en'],
    ['auto', undefined, 'en'],
    ['hi', 'ar', 'hi'],
  ] as const)('%s with UI %s shows %s', (setting, ui, want) => {
    expect(resolveLanguage(setting, ui)).toBe(want);
  });

  it('takes the regional form only of the chosen language', () => {
    expect([intlLocaleFor('ar', 'ar-EG'), intlLocaleFor('ar', 'hi-IN'), intlLocaleFor('hi', 'hi-IN')]).toEqual([
      'ar-EG',
      'ar',
      'hi-IN',
    ]);
  });
});

describe('fetchCatalog', () => {
  it('names the URL and the HTTP status or JSON error', async () => {
    const fake = (status: number, body: string) => async () => new Response(body, { status });
    await expect(fetchCatalog('x/ar.json', fake(404, ''))).rejects.toThrow('x/ar.json: HTTP 404');
    await expect(fetchCatalog('x/ar.json', fake(200, '{'))).rejects.toThrow(/^x\/ar\.json: /);
    await expect(fetchCatalog('x/ar.json', fake(200, '{"a":{"message":"b"}}'))).resolves.toEqual({
      a: { message: 'b' },
    });
  });
});
