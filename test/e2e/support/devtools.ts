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

interface ClickCounter {
  counts: Map<string, number>;
  /** Resolves once a click on `selector` has arrived after `seen` had, or with false after `ms`. */
  arrived(selector: string, seen: number, ms: number): Promise<boolean>;
}

/**
 * Clicks the first element matching `selector` in a DevTools panel, and makes sure the click reached it.
 *
 * Mouse input for a panel goes to the DevTools window, which passes it on to the panel's out-of-process
 * frame. Playwright counts a click as done even when none of its events arrived in that frame, so a click
 * that went elsewhere looks just like a click the panel ignored (one CI run waited 30 s for a section its
 * button never opened, with nothing to tell which). Here the panel counts the trusted clicks that land on
 * or inside a matching element. Only when none arrived is the click repeated, and the log says so; a click
 * that arrived and did nothing is left for the test's own assertions to catch.
 */
export async function clickInPanel(panel: Frame, selector: string, tries = 3): Promise<void> {
  const seen = await panel.evaluate((sel) => {
    const w = window as unknown as { closelineClicks?: ClickCounter };
    if (!w.closelineClicks) {
      const counts = new Map<string, number>();
      const waiters = new Set<() => void>();
      addEventListener(
        'click',
        (e) => {
          if (!e.isTrusted || !(e.target instanceof Element)) return;
          for (const [s, n] of counts) if (e.target.closest(s)) counts.set(s, n + 1);
          for (const wake of waiters) wake();
        },
        true,
      );
      w.closelineClicks = {
        counts,
        arrived: (s, before, ms) =>
          new Promise((resolve) => {
            const check = () => {
              if ((counts.get(s) ?? 0) <= before) return;
              done(true);
            };
            const done = (ok: boolean) => {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(ok);
            };
            const timer = setTimeout(() => done(false), ms);
            waiters.add(check);
            check();
          }),
      };
    }
    if (!w.closelineClicks.counts.has(sel)) w.closelineClicks.counts.set(sel, 0);
    return w.closelineClicks.counts.get(sel)!;
  }, selector);
  for (let i = 1; i <= tries; i++) {
    await panel.locator(selector).first().click();
    const arrived = await panel.evaluate(
      ([sel, before]) =>
        (window as unknown as { closelineClicks: ClickCounter }).closelineClicks.arrived(sel, before, 2000),
      [selector, seen] as const,
    );
    if (arrived) return;
    console.warn(`click ${i} of ${tries} on ${selector} never reached the panel`);
  }
  throw new Error(`${tries} clicks on ${selector} never reached the panel`);
}
