/**
 * Opens the real Closeline panel inside a real DevTools window:
 * with PW_CHROMIUM_ATTACH_TO_OTHER=1 and --auto-open-devtools-for-tabs each tab
 * gets a DevTools page; we find the one inspecting our page, show the panel,
 * and return the panel's frame.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';

export async function openCloselinePanel(context: BrowserContext, pageUrl: string, extensionId: string, timeoutMs = 20_000): Promise<{ devtools: Page; panel: Frame }> {
  const panelId = `chrome-extension://${extensionId}Closeline`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const p of context.pages()) {
      if (!p.url().startsWith('devtools://')) continue;
      // A string, not a function: vitest rewrites import() inside test code, which would break in DevTools.
      const shown = await p
        .evaluate(
          `(async () => {
            const SDK = await import('devtools://devtools/bundled/core/sdk/sdk.js');
            const target = SDK.TargetManager.TargetManager.instance().primaryPageTarget();
            if (!target || target.inspectedURL() !== ${JSON.stringify(pageUrl)}) return false;
            const UI = await import('devtools://devtools/bundled/ui/legacy/legacy.js');
            const view = UI.InspectorView.InspectorView.instance();
            if (!view.hasPanel(${JSON.stringify(panelId)})) return false;
            await view.showPanel(${JSON.stringify(panelId)});
            return true;
          })()`,
        )
        .catch(() => false);
      if (!shown) continue;
      const frameDeadline = Date.now() + 10_000;
      while (Date.now() < frameDeadline) {
        const panel = p.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/`) && f.url().includes('panel.html'));
        if (panel) return { devtools: p, panel };
        await p.waitForEvent('frameattached', { timeout: 1000 }).catch(() => undefined);
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no DevTools window showed the Closeline panel for ${pageUrl}`);
}
