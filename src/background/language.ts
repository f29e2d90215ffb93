/**
 * The background's text (the toolbar tooltip, simulation and request errors) in the
 * language chosen in the settings, like the panel and popup: chrome.i18n follows the
 * browser's language and cannot switch, so the worker loads the chosen catalog with the
 * same controller as the views (src/i18n/locale.ts). Each stored change of the setting
 * switches it and has the tooltips drawn again. No browser API here: index.ts passes
 * in how to read the catalog files and how to redraw.
 */
import { createLocaleController, type LocaleDeps, type LocaleState } from '../i18n/locale';
import { t } from '../i18n/translate';
import type { LanguageSetting } from '../protocol/messages';

export interface BackgroundLanguageDeps extends Omit<LocaleDeps, 'root'> {
  /** The action's title for tabs the worker has not drawn a badge for (browser.action.setTitle without a tab). */
  setDefaultTitle(title: string): void;
  /** Draws every tab's badge and tooltip again. */
  redraw(): void;
}

export interface BackgroundLanguage {
  /** Applies the stored setting; does nothing when it is the one already applied. */
  apply(setting: LanguageSetting): Promise<LocaleState | undefined>;
}

export function createBackgroundLanguage(deps: BackgroundLanguageDeps): BackgroundLanguage {
  const locale = createLocaleController(deps);
  let current: LanguageSetting | undefined;
  return {
    async apply(setting) {
      if (setting === current) return undefined;
      // The first setting is the one a worker starts with: the tooltips the browser shows were drawn in
      // it by the worker before, so only a change draws them again (a start costs no analysis per tab).
      const changed = current !== undefined;
      current = setting;
      const state = await locale.apply(setting);
      // A later choice made meanwhile draws once its own catalog is in.
      if (setting !== current) return state;
      deps.setDefaultTitle(t('actionTitle'));
      if (changed) deps.redraw();
      return state;
    },
  };
}
