/**
 * What led to the close, in the real panel: the last messages before a 1008 on
 * a local origin; no content kept for a site that is not local (a local server
 * under another name, through a host-resolver rule) until the user turns the
 * per-site switch on, from the page's next load. Stalls: stall-notice.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { openPageWithPanel } from './support/panel-page';
import { waitForRecording } from './support/recording';
import { SETTINGS_STORAGE_KEY } from '../../src/protocol/messages';

const REMOTE = 'closeline-remote.example';
const s = useBrowserAndServer({ devtools: true, args: [`--host-resolver-rules=MAP ${REMOTE} 127.0.0.1`] });

// Opens one socket, says hello with a token, and logs what it receives.
const authPage = (ws: string) => `<!doctype html><script>
  window.seen = [];
  const s = new WebSocket('${ws}');
  s.onopen = () => s.send('hello {"token":"abc"}');
  s.onmessage = (e) => window.seen.push(e.data);
  s.onclose = (e) => window.seen.push('close:' + e.code);
</script>`;

const REFUSED_KEY = 'k0123456789abcdefghijk';

const openPanelAt = (path: string, html: (wsOrigin: string) => string, host?: string) =>
  openPageWithPanel(s, path, html, host);

/**
 * Once the page has its hello echoed back, the server sends an error frame, then closes with 1008.
 * `skip` is how many earlier connections to `wsPath` (from earlier loads of the page) to pass over.
 */
async function rejectWithErrorFrame(page: Page, url: string, wsPath: string, skip = 0) {
  const conn = await s.server.connectionTo(wsPath, skip);
  await waitForRecording(
    s.b.worker,
    url,
    (r) => r.connections.filter((c) => c.url.endsWith(wsPath) && c.events.some((e) => e.type === 'open'))[skip],
  );
  await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length >= 1);
  conn.ws.send('{"error":"token expired","retry":false}');
  // A server that echoes the refused key in its reason, as some do.
  conn.ws.close(1008, `policy: key ${REFUSED_KEY}`);
}

async function selectClosure(panel: Frame, code: number) {
  const row = panel.locator(`[data-testid="closure-row"][data-code="${code}"]`);
  await row.first().waitFor({ timeout: 20_000 });
  await row.first().click();
  await panel.locator('[data-testid="detail-pane"]').waitFor();
}

describe('last messages before the close', () => {
  it('shows the error frame the server sent before closing 1008 (local origin: capture on by default)', async () => {
    const { page, panel, url } = await openPanelAt('/auth-local', (ws) => authPage(`${ws}/auth-local-ws`));
    await rejectWithErrorFrame(page, url, '/auth-local-ws');
    await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('close:1008'));
    await selectClosure(panel, 1008);
    const section = panel.locator('[data-testid="last-messages"]');
    // The hello, its echo, then the error frame, oldest first.
    await expect.poll(() => section.locator('[data-testid="last-message"]').count(), { timeout: 10_000 }).toBe(3);
    const items = section.locator('[data-testid="last-message"]');
    expect(await items.nth(0).getAttribute('data-dir')).toBe('out');
    // Redaction is on by default: the token the page sent reads REDACTED, its field's name stays.
    expect(await items.nth(0).locator('pre').innerText()).toBe('hello {"token":"REDACTED"}');
    expect(await items.nth(1).getAttribute('data-dir')).toBe('in');
    expect(await items.nth(2).getAttribute('data-dir')).toBe('in');
    // Pretty-printed JSON, shown left-to-right.
    expect(await items.nth(2).locator('pre').innerText()).toBe('{\n  "error": "token expired",\n  "retry": false\n}');
    expect(await items.nth(2).locator('pre').getAttribute('dir')).toBe('ltr');
    expect(await section.locator('[data-testid="capture-content"]').isChecked()).toBe(true);
    // The close reason's key is redacted too, in the detail; its words stay.
    const detail = await panel.locator('[data-testid="detail-pane"]').innerText();
    expect(detail).toContain('policy: key REDACTED');
    expect(detail).not.toContain(REFUSED_KEY);
    // The panel filter finds the closure by what the server said.
    const filter = panel.locator('[role="search"] input[type="search"]');
    await filter.fill('token expired');
    await expect.poll(() => panel.locator('[data-testid="closure-row"][data-code="1008"]').count()).toBe(1);
    // And the filter matches the reason as shown: the key's own text finds nothing.
    await filter.fill('key redacted');
    await expect.poll(() => panel.locator('[data-testid="closure-row"][data-code="1008"]').count()).toBe(1);
    await filter.fill(REFUSED_KEY);
    await expect.poll(() => panel.locator('[data-testid="closure-row"]').count()).toBe(0);
    await filter.fill('no such words anywhere');
    await expect.poll(() => panel.locator('[data-testid="closure-row"]').count()).toBe(0);
    await filter.fill('');
    await page.close();
  }, 150_000);

  it('keeps no content for a site that is not local, and says so; once turned on there, the next load keeps it', async () => {
    const { page, panel, url } = await openPanelAt('/auth-remote', (ws) => authPage(`${ws}/auth-remote-ws`), REMOTE);
    expect(url).toContain(REMOTE);
    await rejectWithErrorFrame(page, url, '/auth-remote-ws');
    await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('close:1008'));
    await selectClosure(panel, 1008);
    await panel.locator('[data-testid="last-messages-off"]').waitFor();
    expect(await panel.locator('[data-testid="last-messages"]').innerText()).not.toContain('token expired');
    const toggle = panel.locator('[data-testid="last-messages"] [data-testid="capture-content"]');
    expect(await toggle.isChecked()).toBe(false);
    const stored = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.find((c) => c.url.endsWith('/auth-remote-ws') && c.events.some((e) => e.type === 'close')),
    );
    expect(stored.lastMessages).toBeUndefined();
    expect(stored.counters).toMatchObject({ sentMessages: 1, receivedMessages: 2 });

    // The user turns capture on for this site in the panel; it applies from the page's next load.
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    // The switch flips at once; the page's next load reads what the background has stored.
    const storedSettings = () =>
      s.b.worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], SETTINGS_STORAGE_KEY);
    await expect.poll(storedSettings, { timeout: 10_000 }).toMatchObject({ contentCapture: { [REMOTE]: true } });
    await page.reload();
    await rejectWithErrorFrame(page, url, '/auth-remote-ws', 1);
    await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('close:1008'));
    const next = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.find(
        (c) => c.url.endsWith('/auth-remote-ws') && c.id !== stored.id && c.events.some((e) => e.type === 'close'),
      ),
    );
    await panel.locator(`[data-testid="closure-row"][data-id="${next.id}"]`).click();
    const section = panel.locator('[data-testid="last-messages"]');
    await expect.poll(() => section.locator('[data-testid="last-message"]').count(), { timeout: 10_000 }).toBe(3);
    expect(await section.locator('[data-testid="last-message"]').nth(0).locator('pre').innerText()).toBe(
      'hello {"token":"REDACTED"}',
    );
    expect(await section.locator('[data-testid="last-message"]').nth(2).locator('pre').innerText()).toContain(
      '"error": "token expired"',
    );
    expect(await toggle.isChecked()).toBe(true);
    await page.close();
  }, 150_000);
});
