/**
 * Opens the real Closeline panel inside a real DevTools window:
 * with PW_CHROMIUM_ATTACH_TO_OTHER=1 and --auto-open-devtools-for-tabs each tab
 * gets a DevTools page; we find the one inspecting our page, show the panel,
 * and return the panel's frame.
 *
 * A DevTools front end is a whole renderer: on a 2-core machine running other
 * browsers it was measured taking 8–31 s to connect to its page, hence the
 * generous wait (it returns as soon as the panel is there).
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';

export async function openCloselinePanel(
  context: BrowserContext,
  pageUrl: string,
  extensionId: string,
  timeoutMs = 50_000,
): Promise<{ devtools: Page; panel: Frame }> {
  const panelId = `chrome-extension://${extensionId}Closeline`;
  const deadline = Date.now() + timeoutMs;
  // What each DevTools page last answered, so a timeout says why.
  const seen = new Map<Page, string>();
  while (Date.now() < deadline) {
    for (const p of context.pages()) {
      if (!p.url().startsWith('devtools://')) continue;
      // A string, not a function: vitest rewrites import() inside test code, which would break in DevTools.
      const state = await p
        .evaluate(
          `(async () => {
            const SDK = await import('devtools://devtools/bundled/core/sdk/sdk.js');
            const target = SDK.TargetManager.TargetManager.instance().primaryPageTarget();
            if (!target) return 'no target';
            if (target.inspectedURL() !== ${JSON.stringify(pageUrl)}) return 'inspects ' + target.inspectedURL();
            const UI = await import('devtools://devtools/bundled/ui/legacy/legacy.js');
            const view = UI.InspectorView.InspectorView.instance();
            if (!view.hasPanel(${JSON.stringify(panelId)})) return 'no panel yet';
            await view.showPanel(${JSON.stringify(panelId)});
            return 'shown';
          })()`,
        )
        .catch((e: unknown) => `error ${String(e).split('\n')[0]}`);
      seen.set(p, String(state));
      if (state !== 'shown') continue;
      const frameDeadline = Date.now() + 10_000;
      while (Date.now() < frameDeadline) {
        const panel = p
          .frames()
          .find((f) => f.url().startsWith(`chrome-extension://${extensionId}/`) && f.url().includes('panel.html'));
        if (panel) return { devtools: p, panel };
        await p.waitForEvent('frameattached', { timeout: 1000 }).catch(() => undefined);
      }
      seen.set(p, 'shown, but no panel frame attached');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const report = [...seen.values()].join('; ') || 'no DevTools page at all';
  throw new Error(`no DevTools window showed the Closeline panel for ${pageUrl} (DevTools pages: ${report})`);
}
