/**
 * Page text without a break opportunity (a close reason of 123 bytes with no
 * space, behind bidi controls) wraps inside the detail pane instead of running
 * past its edge, and a long endpoint does not widen the Reconnect check's
 * choices past the panel. Real Chromium, the real server's close.
 */
import { describe, expect, it } from 'vitest';
import { closeEventOf } from '../../src/protocol/recording';
import { waitForRecording } from './support/recording';
import { useBrowserAndServer } from './support/session';

const s = useBrowserAndServer();
// Three bidi controls (3 bytes each in UTF-8) and 114 letters: 123 bytes, the most a close frame carries.
const REASON = `\u2067\u202B\u202D${'x'.repeat(114)}`;

describe('long page text in the detail pane', () => {
  it.each([
    ['docked right', 480, 900],
    ['docked bottom', 1280, 360],
  ])('%s (%i×%i): an unbroken close reason wraps within the pane', async (_name, width, height) => {
    const url = s.server.page(
      `/long-reason-${width}`,
      `<!doctype html><title>long reason</title><script>new WebSocket('${s.server.wsOrigin}/long-${width}');</script>`,
    );
    void s.server.connectionTo(`/long-${width}`).then((c) => c.ws.close(4000, REASON));
    const page = await s.b.context.newPage();
    await page.goto(url);
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => closeEventOf(c)?.reason === REASON) ? r : undefined,
    );
    const panel = await s.b.context.newPage();
    await panel.setViewportSize({ width, height });
    await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${rec.tabId}`);
    await panel.locator('[data-testid="closure-row"]').first().click();
    const pane = panel.locator('[data-testid="detail-pane"]');
    await pane.waitFor();
    const fit = await pane.evaluate((el) => {
      const dd = [...el.querySelectorAll('dd')].find((d) => (d.textContent ?? '').includes('xxxxxxxx'));
      if (!dd) return undefined;
      const box = el.getBoundingClientRect();
      const r = dd.getBoundingClientRect();
      return {
        inside: r.left >= box.left - 1 && r.right <= box.right + 1,
        overflow: dd.scrollWidth - dd.clientWidth,
        paneOverflow: el.scrollWidth - el.clientWidth,
      };
    });
    expect(fit).toBeDefined();
    expect(fit).toMatchObject({ inside: true, overflow: 0, paneOverflow: 0 });
    await panel.close();
    await page.close();
  });
});

describe('a long endpoint in the Reconnect check', () => {
  it.each([480, 320])('keeps every choice and Start within the panel (docked right, %i px)', async (width) => {
    // A path of 6,000 letters with no break point, as a page's generated URL can be.
    const path = `/${'a'.repeat(6000)}`;
    const url = s.server.page(
      `/long-endpoint-${width}`,
      `<!doctype html><title>long endpoint</title><script>new WebSocket('${s.server.wsOrigin}${path}');</script>`,
    );
    const page = await s.b.context.newPage();
    await page.goto(url);
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => c.events.some((e) => e.type === 'open')) ? r : undefined,
    );
    const panel = await s.b.context.newPage();
    await panel.setViewportSize({ width, height: 900 });
    await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${rec.tabId}`);
    await panel.locator('[data-testid="closure-row"]').first().waitFor();
    await panel.locator('[data-testid="audit-open"]').click();
    const section = panel.locator('[data-testid="audit-section"]');
    await section.waitFor();
    const outside = await section.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('input, select, button')]
        .filter((c) => (c.closest('label') ?? c).getBoundingClientRect().right > box.right + 1)
        .map((c) => c.getAttribute('data-testid') ?? c.tagName);
    });
    expect(outside).toEqual([]);
    expect(await section.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    await panel.close();
    await page.close();
  });
});

describe('a long endpoint in the detail pane', () => {
  it.each([
    ['an open connection: Simulate', 'open', '[data-testid="simulate-close"]'],
    ['a closure: its reason and what the code means', 'closed', '[data-testid="detail-explanation"] h3'],
  ])('%s still shows without scrolling the pane', async (_name, kind, selector) => {
    const path = `/${kind}-${'b'.repeat(6000)}`;
    const url = s.server.page(
      `/long-detail-${kind}`,
      `<!doctype html><title>long endpoint</title><script>new WebSocket('${s.server.wsOrigin}${path}');</script>`,
    );
    if (kind === 'closed') void s.server.connectionTo(`/${kind}-`).then((c) => c.ws.close(1012, 'deploy'));
    const page = await s.b.context.newPage();
    await page.goto(url);
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => (kind === 'closed' ? closeEventOf(c) : c.events.some((e) => e.type === 'open')))
        ? r
        : undefined,
    );
    const panel = await s.b.context.newPage();
    await panel.setViewportSize({ width: 1280, height: 760 });
    await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${rec.tabId}`);
    await panel.locator('[data-testid="closure-row"]').first().click();
    const pane = panel.locator('[data-testid="detail-pane"]');
    const target = pane.locator(selector).first();
    await target.waitFor();
    const [paneBox, box] = await Promise.all([pane.boundingBox(), target.boundingBox()]);
    expect(box!.y + box!.height, 'bottom of what the page pushed down').toBeLessThanOrEqual(
      paneBox!.y + paneBox!.height,
    );
    // The whole URL stays there to read: scrolled within its own box, which the keyboard reaches.
    expect(
      await pane
        .locator('.detail-url')
        .first()
        .evaluate((el) => el.textContent?.length),
    ).toBeGreaterThan(2000);
    await panel.close();
    await page.close();
  });
});
