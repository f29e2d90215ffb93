import { act, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import catalog from '../../../public/_locales/en/messages.json';
import { catalogTranslator, setTranslator, t, type CatalogEntry } from '../../i18n/translate';
import { createLocaleController } from '../../i18n/locale';
import { LocaleRoot } from './LocaleRoot';

const en = catalog as Record<string, CatalogEntry>;
afterEach(() => setTranslator(catalogTranslator(en)));

describe('LocaleRoot', () => {
  it('re-renders in the new language without remounting, and says why a language could not load', async () => {
    const files: Record<string, unknown> = { en, ar: { ...en, panel_clear: { message: 'مسح' } } };
    const controller = createLocaleController({
      uiLanguage: 'en',
      fallback: (id) => id,
      loadCatalog: async (lang) => {
        if (!files[lang]) throw new Error('HTTP 404');
        return files[lang];
      },
    });
    await controller.apply('en');
    let mounts = 0;
    function Probe() {
      useEffect(() => {
        mounts++;
      }, []);
      return <button type="button">{t('panel_clear')}</button>;
    }
    render(<LocaleRoot controller={controller} render={() => <Probe />} />);
    expect(screen.getByRole('button').textContent).toBe('Clear');
    await act(() => controller.apply('ar'));
    expect(screen.getByRole('button').textContent).toBe('مسح');
    expect(mounts).toBe(1);
    await act(() => controller.apply('hi'));
    expect(screen.getByRole('button').textContent).toBe('Clear');
    // Heard at once: it answers the user's choice, and a status inserted with its text may not be read.
    expect(screen.getByRole('alert').textContent).toBe(t('ui_language_load_failed', [t('ui_language_hi'), 'HTTP 404']));
  });
});
