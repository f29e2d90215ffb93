/**
 * A setting changed in one view reaches every other open view at once: the panel left open redacts (or
 * stops redacting) as the popup now says, and the popup left open shows the language and capture choice the
 * panel stored. Each view once read the settings only when it opened, so it went on showing, judging and
 * exporting by its old copy, and a per-site switch made from that copy undid the other view's choice.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { closeEventOf } from '../../src/protocol/recording';
import { SETTINGS_STORAGE_KEY, type Settings } from '../../src/protocol/messages';

const s = useBrowserAndServer();

describe('a setting changed in one view', () => {
  it('reaches the other open views, and a switch made there keeps it', async () => {
    const url = s.server.page(
      '/follow',
      `<!doctype html><script>const w = new WebSocket('${s.server.wsOrigin}/follow?token=hunter2'); w.onopen = () => w.close(1000);</script>`,
    );
    const page = await s.b.context.newPage();
    await page.goto(url);
    const { tabId } = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some(closeEventOf) ? r : undefined,
    );
    const panel = await s.b.context.newPage();
    await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${tabId}`);
    const row = panel.locator('[data-testid="closure-row"]').first();
    await row.waitFor();
    // Redacted by default.
    await expect.poll(() => row.textContent()).not.toContain('hunter2');
    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${tabId}`);
    const redact = popup.locator('[data-testid="redact-query"]');
    await expect.poll(() => redact.isChecked()).toBe(true);

    // The popup turns redaction off: the panel left open shows the query value as the popup now says.
    await redact.click();
    await expect.poll(() => redact.isChecked()).toBe(false);
    await expect.poll(() => row.textContent()).toContain('hunter2');
    // And on again: the panel (and what it would copy or export) redacts again.
    await redact.click();
    await expect.poll(() => row.textContent()).not.toContain('hunter2');

    // The panel picks a language: the popup's own select says so, not the choice it opened with.
    await panel.locator('[data-testid="language"]').selectOption('hi');
    await expect.poll(() => popup.locator('[data-testid="language"]').inputValue()).toBe('hi');
    await panel.locator('[data-testid="language"]').selectOption('auto');
    await expect.poll(() => popup.locator('[data-testid="language"]').inputValue()).toBe('auto');

    // Another context stores a message-content choice for another site; the panel's switch for this site,
    // made from the whole map it shows, keeps that choice (its old copy of the map had no such site).
    await s.b.worker.evaluate(async (key) => {
      const stored = (await chrome.storage.local.get(key))[key] as object;
      await chrome.storage.local.set({ [key]: { ...stored, contentCapture: { 'other.example': true } } });
    }, SETTINGS_STORAGE_KEY);
    await row.click();
    const panelCapture = panel.locator('[data-testid="capture-content"]');
    await panelCapture.waitFor();
    await expect.poll(() => panelCapture.isChecked()).toBe(true);
    await panelCapture.click();
    await expect.poll(() => panelCapture.isChecked()).toBe(false);
    const stored = await s.b.worker.evaluate(
      async (key) => ((await chrome.storage.local.get(key))[key] as Settings).contentCapture,
      SETTINGS_STORAGE_KEY,
    );
    expect(stored).toEqual({ 'other.example': true, '127.0.0.1': false });
    await Promise.all([panel.close(), popup.close(), page.close()]);
  });
});
