/**
 * Re-renders the whole view when the language changes (render() builds fresh
 * elements, so component state such as the selection survives), and shows
 * why a chosen language could not be loaded.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { Banner } from '../components/Banner';
import { t } from '../../i18n/translate';
import type { LocaleController, LocaleState } from '../../i18n/locale';
import { LANGUAGE_NAME_IDS } from '../../i18n/languages';

const LocaleContext = createContext<LocaleState>({ lang: 'en', dir: 'ltr', intlLocale: 'en' });

/** Memoised components and memoised text read this, so they redraw in a new language. */
export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

export function LocaleRoot({ controller, render }: { controller: LocaleController; render(): ReactNode }) {
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  return (
    <LocaleContext.Provider value={state}>
      {state.failed ? (
        // An alert: it answers the user's own choice of language, and appears with its text in it.
        <Banner kind="warning" announce="alert">
          {t('ui_language_load_failed', [t(LANGUAGE_NAME_IDS[state.failed.lang]), state.failed.error])}
        </Banner>
      ) : null}
      {render()}
    </LocaleContext.Provider>
  );
}
