/**
 * The devtools_page: registers the Closeline panel. The title comes from the
 * catalog; it is also part of the panel's id in DevTools
 * (chrome-extension://<id>Closeline), which the end-to-end tests rely on.
 */
import browser from 'webextension-polyfill';

void browser.devtools.panels.create(browser.i18n.getMessage('panelTitle'), 'icons/icon-16.png', 'src/panel/panel.html');
