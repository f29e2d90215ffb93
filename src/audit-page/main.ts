/**
 * Entry of the audit page the `closeline audit` command opens in the browser.
 * Thin: it exposes two calls on window for the command line; the work is in run.ts.
 */
import browser from 'webextension-polyfill';
import { createExtensionSource } from '../ui/data/extension-source';
import { setTranslator } from '../i18n/translate';
import { runForCli, type PageRunOptions } from './run';
import type { AuditProgress } from '../audit';

setTranslator((id, subs) => browser.i18n.getMessage(id, subs));

interface CliWindow {
  closelineAudit?: unknown;
  /** Exposed by the command line before it calls run(). */
  closelineAuditProgress?(p: AuditProgress): void;
}
const w = window as unknown as CliWindow;

w.closelineAudit = {
  /**
   * Opens the page under test in a new, active tab (visible, so its timers are not throttled) and returns
   * the tab's id: without the "tabs" permission the extension cannot look a tab up by its URL.
   */
  async openTab(url: string): Promise<number | null> {
    const tab = await browser.tabs.create({ url, active: true });
    return tab.id ?? null;
  },
  run: (tabId: number, opts: PageRunOptions) =>
    runForCli(createExtensionSource(tabId), opts, (p) => w.closelineAuditProgress?.(p)),
};
document.title = browser.i18n.getMessage('audit_title');
