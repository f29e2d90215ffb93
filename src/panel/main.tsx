/**
 * Panel entry: wires browser APIs to the App. Everything testable lives in
 * App and entry-context.ts; this file only reads the environment.
 */
import { createRoot } from 'react-dom/client';
import browser from 'webextension-polyfill';
import { createExtensionSource } from '../ui/data/extension-source';
import { setTranslator, t } from '../i18n/translate';
import { LocaleRoot } from '../ui/locale/LocaleRoot';
import { startLocale } from '../ui/locale/start';
import { App } from './App';
import { resolveTabId, resolveTheme } from './entry-context';
import { createHandshakeFeed } from './network/devtools-network';
import { realServices } from './real-services';
import '../ui/verdict-colors.css';
import '../ui/sr-only.css';
import './panel.css';
import '../ui/locale/locale.css';
import { CrashBoundary } from '../ui/components/CrashBoundary';

// Until the chosen catalog is loaded (startLocale), and for a panel without a tab.
setTranslator((id, subs) => browser.i18n.getMessage(id, subs));

// Outside DevTools (the panel opened as a tab) browser.devtools is absent.
const devtools = (browser as Partial<typeof browser>).devtools;
const inDevtools = devtools?.inspectedWindow !== undefined;

function applyTheme(): void {
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  document.documentElement.dataset.theme = resolveTheme(
    inDevtools ? devtools?.panels.themeName : undefined,
    prefersDark,
  );
}
applyTheme();
// Firefox reports theme switches; Chromium reloads the panel instead.
devtools?.panels.onThemeChanged?.addListener(applyTheme);
if (!inDevtools) window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);

// openResource is Chromium's (Firefox's devtools.panels lacks it, and so do the
// polyfill's types): ask for it, never assume it. Without it stacks are plain text.
const nativePanels = (globalThis as { chrome?: typeof chrome }).chrome?.devtools?.panels;
const openResource =
  inDevtools && typeof nativePanels?.openResource === 'function'
    ? (url: string, line: number) => {
        // DevTools' lines are 0-based; stacks print 1-based.
        void chrome.devtools.panels.openResource(url, Math.max(0, line - 1), 0);
      }
    : undefined;

// Refused handshakes' HTTP status: only DevTools' network data has it.
const handshakes = inDevtools && devtools?.network ? createHandshakeFeed(devtools.network) : undefined;

const root = createRoot(document.getElementById('root')!);
const tabId = resolveTabId(inDevtools ? devtools?.inspectedWindow.tabId : undefined, location.search);
if (tabId === null) {
  root.render(<p className="empty-state">{t('panel_no_tab')}</p>);
} else {
  const source = createExtensionSource(tabId);
  void startLocale(source).then((locale) => {
    const app = () => {
      document.title = t('panelTitle');
      return (
        <CrashBoundary>
          <App source={source} services={realServices} openResource={openResource} handshakes={handshakes} />
        </CrashBoundary>
      );
    };
    root.render(<LocaleRoot controller={locale} render={app} />);
  });
}
