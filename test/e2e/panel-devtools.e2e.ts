/**
 * Inside a real DevTools window, the Closeline panel shows the
 * closures the server caused (1012, then 1013), their explanations, and the
 * verdicts the page's reconnect timing earns — read from the panel's own DOM.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { clickInPanel, openCloselinePanel } from './support/devtools';
import { closeEventOf } from '../../src/protocol/recording';
import { t } from './support/english';

const s = useBrowserAndServer({ devtools: true });

let panel: Frame;
let pageUrl: string;

beforeAll(async () => {
  // Two services: after 1012 the page waits 2 s (fits 1–5 s); after 1013 it retries at once, in
  // its close handler (too soon: under 0.5 s). No timer for the retry that must be too soon: on a
  // loaded machine a timer can fire far later than asked, and 0.1 s left only 0.35 s of room.
  // Separate endpoints, so each closure starts its own episode.
  pageUrl = s.server.page(
    '/panel-e2e',
    `<!doctype html><script>
    const connect = (path, wait) => {
      const s = new WebSocket('${s.server.wsOrigin}' + path);
      s.onclose = () => (wait === 0 ? connect(path, wait) : setTimeout(() => connect(path, wait), wait));
    };
    connect('/restart', 2000);
    connect('/overload', 0);
  </script>`,
  );
  const page = await s.b.context.newPage();
  await page.goto(pageUrl);
  ({ panel } = await openCloselinePanel(s.b.context, pageUrl, s.b.extensionId));
}, 60_000);

const row = (code: number) =>
  panel.locator('.closures-row[data-id]', { has: panel.locator('.cell-code', { hasText: String(code) }) }).first();

describe('the Closeline panel in real DevTools', () => {
  it('shows 1012 and 1013 closures with explanations and the right verdicts', async () => {
    (await s.server.connectionTo('/restart')).ws.close(1012, 'Service restart');
    await s.server.connectionTo('/restart', 1);
    (await s.server.connectionTo('/overload')).ws.close(1013, 'Try again later');
    await s.server.connectionTo('/overload', 1);
    const rec = await waitForRecording(s.b.worker, pageUrl, (r) =>
      r.connections.filter((c) => closeEventOf(c)).length >= 2 && r.connections.length >= 4 ? r : undefined,
    );

    // 1012 → reconnected after 2 s: fits.
    await clickInPanel(panel, '[data-testid="closure-row"][data-code="1012"]');
    await expect.poll(() => row(1012).getAttribute('class')).toContain('row-fits');
    const detail = panel.locator('aside.detail');
    await detail.locator('.code-card').first().waitFor();
    expect(await detail.locator('.code-card').first().getAttribute('aria-label')).toBe(
      `1012 ${t('code_ws_1012_name')}`,
    );
    expect(await detail.textContent()).toContain(t('code_ws_1012_meaning'));
    expect(await detail.locator('.verdict-badge').first().getAttribute('class')).toContain('verdict-fits');
    expect(await detail.textContent()).toContain(t('code_ws_1012_name'));

    // 1013 → retried at once: a problem (too soon), explained, with the 1012/1013 comparison available.
    await expect.poll(() => row(1013).getAttribute('class'), { timeout: 10_000 }).toContain('row-problem');
    await clickInPanel(panel, '[data-testid="closure-row"][data-code="1013"]');
    await expect
      .poll(() => detail.locator('.code-card').first().getAttribute('aria-label'))
      .toBe(`1013 ${t('code_ws_1013_name')}`);
    expect(await detail.locator('.verdict-badge').first().getAttribute('class')).toContain('verdict-problem');
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain(t('code_ws_1013_meaning'));
    // The observed delay shown is the recorded one: from the 1013 close to the next socket's creation.
    const overload = rec.connections.filter((c) => c.url.endsWith('/overload'));
    const closedAt = closeEventOf(overload[0]!)?.at ?? NaN;
    const recorded = ((overload[1]?.createdAt ?? NaN) - closedAt) / 1000;
    const observed = /(\d+\.\d+) s/.exec(text.slice(text.indexOf(t('panel_verdict_observed'))))?.[1];
    expect(observed).toBe(recorded.toFixed(2));
    expect(Number(observed)).toBeLessThan(0.45);
  });
});
