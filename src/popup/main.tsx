/**
 * Popup entry: reads the environment (translator, tab id) and renders Popup.
 * Everything testable lives in Popup and the pure modules beside it.
 */
import { createRoot } from 'react-dom/client';
import browser from 'webextension-polyfill';
import { createExtensionSource } from '../ui/data/extension-source';
import { setTranslator, t } from '../i18n/translate';
import { LocaleRoot } from '../ui/locale/LocaleRoot';
import { CrashBoundary } from '../ui/components/CrashBoundary';
import { startLocale } from '../ui/locale/start';
import { Popup } from './Popup';
import { tabIdFromSearch } from './tab-id';
import '../ui/verdict-colors.css';
import '../ui/sr-only.css';
import './popup.css';
import '../ui/locale/locale.css';

// Until the chosen catalog is loaded (startLocale), and for a popup without a tab.
setTranslator((id, subs) => browser.i18n.getMessage(id, subs));
document.title = t('popup_heading');

async function currentTabId(): Promise<number | null> {
  const fromQuery = tabIdFromSearch(location.search);
  if (fromQuery !== null) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const root = createRoot(document.getElementById('root')!);
currentTabId().then(
  (tabId) => {
    if (tabId === null) root.render(<p className="notice warn">{t('popup_no_tab')}</p>);
    else {
      const source = createExtensionSource(tabId);
      void startLocale(source).then((locale) => {
        const popup = () => {
          document.title = t('popup_heading');
          return (
            <CrashBoundary>
              <Popup source={source} />
            </CrashBoundary>
          );
        };
        root.render(<LocaleRoot controller={locale} render={popup} />);
      });
    }
  },
  () => root.render(<p className="notice warn">{t('popup_no_tab')}</p>),
);
