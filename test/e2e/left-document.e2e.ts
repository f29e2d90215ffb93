/**
 * A page that answers a server's 1012 by reloading itself (as a dev server's client does once the server is
 * back) instead of reconnecting: that document is unloaded for good, so no attempt can ever answer the
 * closure. Its verdict must be the inconclusive "left", shown at once, not pending for the 60 s link window
 * and then blamed on a hidden tab. A page that goes into the back/forward cache instead may come back: its
 * wait still runs. Real Chromium with its cache on, a real server; the verdicts as the panel and the popup
 * show them.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeEventOf, type LifecycleMark, type Recording } from '../../src/protocol/recording';
import { waitForRecording } from './support/recording';
import { useBrowserAndServer } from './support/session';
import { t } from './support/english';

const s = useBrowserAndServer({ backForwardCache: true });

const en = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string }>;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The English "left" sentence with any wait in place of its $1 (a time the reload took, in s or ms). */
const leftSentence = new RegExp(en.verdict_left!.message.split('$1').map(escape).join('[\\d.,]+ m?s'));

/** The page's pagehide marks of the document `url` was loaded in, last load first. */
function pagehidesOf(rec: Recording, url: string): LifecycleMark[] {
  const docs = new Set(rec.marks.filter((m) => m.type === 'navigation' && m.url === url).map((m) => m.documentId));
  return rec.marks.filter(
    (m): m is LifecycleMark => m.type === 'lifecycle' && m.state === 'pagehide' && docs.has(m.documentId),
  );
}

async function openPanel(tabId: number): Promise<Page> {
  const panel = await s.b.context.newPage();
  await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${tabId}`);
  return panel;
}

describe('a wait whose document the page left', () => {
  it('a 1012 answered by a reload is judged "left" at once, in the panel and the popup', async () => {
    const url = s.server.page(
      '/reload-on-restart',
      `<!doctype html><title>reload on restart</title><script>
      // A dev server's client: when its server restarts, reload the page once the server answers again.
      const w = new WebSocket('${s.server.wsOrigin}/dev-server');
      w.onclose = (e) => { if (e.code === 1012) setTimeout(() => location.reload(), 300); };
      </script>`,
    );
    let closedAt = 0;
    // Only the first document's socket is closed; the reloaded document's stays open.
    void s.server.connectionTo('/dev-server').then((c) => {
      closedAt = Date.now();
      c.ws.close(1012, 'Service restart');
    });
    const page = await s.b.context.newPage();
    await page.goto(url);
    // The reloaded document's own socket: the reload happened.
    await s.server.connectionTo('/dev-server', 1);

    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => closeEventOf(c)?.code === 1012) && pagehidesOf(r, url).length > 0 ? r : undefined,
    );
    // A reload never enters the back/forward cache: the first document is gone for good.
    expect(pagehidesOf(rec, url).map((m) => m.persisted)).toEqual([false]);

    const panel = await openPanel(rec.tabId);
    const row = panel.locator('[data-testid="closure-row"][data-code="1012"]');
    // Well inside the 60 s window the old code kept this verdict pending for.
    await expect.poll(() => row.getAttribute('data-verdict'), { timeout: 15_000 }).toBe('inconclusive');
    expect(Date.now() - closedAt).toBeLessThan(30_000);
    await row.click();
    const verdict = panel.locator('[data-testid="detail-verdict"]');
    expect(await verdict.getAttribute('data-level')).toBe('inconclusive');
    const sentence = await panel.locator('[data-testid="detail-verdict-text"]').textContent();
    expect(sentence).toMatch(leftSentence);
    expect(sentence).not.toContain(en.verdict_throttled_hidden!.message.split('$1')[0]);
    await panel.close();

    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${rec.tabId}`);
    const item = popup.locator('.closures .closure', { has: popup.locator('.code', { hasText: '1012' }) });
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('level-inconclusive');
    expect(await item.locator('.sentence').textContent()).toMatch(leftSentence);
    await popup.close();
    await page.close();
  });

  it('a page that goes into the back/forward cache after a 1012 is not "left": its wait still runs', async () => {
    const a = s.server.page(
      '/cached-after-restart',
      `<!doctype html><title>cached</title><a id="next" href="/elsewhere">elsewhere</a><script>
      window.restartClose = new Promise((r) => { const w = new WebSocket('${s.server.wsOrigin}/cached-restart'); w.onclose = (e) => r(e.code); });
      </script>`,
      { cacheable: true },
    );
    const b = s.server.page('/elsewhere', '<!doctype html><title>elsewhere</title><p>elsewhere</p>', {
      cacheable: true,
    });
    void s.server.connectionTo('/cached-restart').then((c) => c.ws.close(1012, 'Service restart'));
    const page = await s.b.context.newPage();
    await page.goto(a);
    expect(await page.evaluate(() => (window as unknown as { restartClose: Promise<number> }).restartClose)).toBe(1012);
    await page.click('#next');
    await page.waitForURL(b);

    const rec = await waitForRecording(s.b.worker, a, (r) =>
      r.connections.some((c) => c.url.endsWith('/cached-restart') && closeEventOf(c)?.code === 1012) &&
      pagehidesOf(r, a).length > 0
        ? r
        : undefined,
    );
    // Into the cache, not unloaded: the premise of this test.
    expect(pagehidesOf(rec, a).map((m) => m.persisted)).toEqual([true]);

    const panel = await openPanel(rec.tabId);
    const row = panel.locator('[data-testid="closure-row"][data-code="1012"]');
    // The panel's first view already holds the pagehide mark: the wait is still running, as before.
    await row.waitFor();
    expect(await row.getAttribute('data-verdict')).toBe('pending');
    await row.click();
    const sentence = await panel.locator('[data-testid="detail-verdict-text"]').textContent();
    expect(sentence).not.toMatch(leftSentence);
    expect(sentence).toContain(t('verdict_pending', ['0']).split('0')[0]!);
    await panel.close();
    await page.close();
  });
});
