/**
 * The devtools_page: registers the Closeline panel. The title comes from the
 * catalog; it is also part of the panel's id in DevTools
 * (chrome-extension://<id>Closeline), which the end-to-end tests rely on.
 */
import browser from 'webextension-polyfill';

// Root-relative paths: Chromium resolves these against the extension's root,
// Firefox against this page's URL (src/devtools/), where a bare path would miss.
const title = browser.i18n.getMessage('panelTitle');
void browser.devtools.panels.create(title, '/icons/icon-16.png', '/src/panel/panel.html');
