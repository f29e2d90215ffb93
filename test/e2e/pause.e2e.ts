/**
 * Pausing a site from the toolbar popup: what the page does meanwhile is not recorded, the popup and the
 * panel both say the site is paused (the panel's table empty of it otherwise reads as "nothing
 * happened"), and resuming records again, which a panel left open says at once.
 */
import { describe, expect, it } from 'vitest';
import { openPageWithClosedSocket, useBrowserAndServer } from './support/session';
import { storedRecordings, waitForRecording } from './support/recording';
import { closeEventOf } from '../../src/protocol/recording';
import { t } from './support/english';

const s = useBrowserAndServer();

type OpenFn = { open_(p: string): Promise<void> };

describe('pausing a site', () => {
  it('records nothing while paused, says so in the popup and the panel, and records again once resumed', async () => {
    const url = s.server.page(
      '/pause',
      `<!doctype html><script>window.open_ = (p) => new Promise((res) => { const w = new WebSocket('${s.server.wsOrigin}' + p); w.onclose = () => res(); w.onopen = () => w.close(1000); });</script>`,
    );
    const page = await s.b.context.newPage();
    await page.goto(url);
    const opens = (p: string) => page.evaluate((path) => (window as unknown as OpenFn).open_(path), p);
    await opens('/before');
    const { tabId } = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => c.url.endsWith('/before') && closeEventOf(c)) ? r : undefined,
    );

    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${tabId}`);
    const toggle = popup.locator('label.pause input');
    // A controlled switch: it shows the stored setting once the worker has it, not at the click.
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await popup.locator('p.notice', { hasText: t('popup_paused') }).waitFor();

    // The panel opened on the paused tab says why its table gains nothing.
    const panel = await s.b.context.newPage();
    await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${tabId}`);
    await panel.locator('.banner-text', { hasText: t('panel_status_paused') }).waitFor();

    await opens('/while-paused');
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await expect.poll(() => popup.locator('p.notice', { hasText: t('popup_paused') }).count()).toBe(0);
    // The panel left open says so too: its banner would otherwise go on saying paused beside new rows.
    await expect.poll(() => panel.locator('.banner-text', { hasText: t('panel_status_paused') }).count()).toBe(0);
    await opens('/after');
    // Events reach the worker in order: once the later socket is recorded, the paused one never will be.
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => c.url.endsWith('/after') && closeEventOf(c)) ? r : undefined,
    );
    expect(rec.connections.map((c) => c.url.slice(s.server.wsOrigin.length))).toEqual(['/before', '/after']);
    await Promise.all([popup.close(), panel.close(), page.close()]);
  });

  it('can still be resumed from the popup after the paused tab’s recording was cleared', async () => {
    const { page, tabId } = await openPageWithClosedSocket(s, '/pause-clear');
    const popupUrl = `chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${tabId}`;
    const popup = await s.b.context.newPage();
    await popup.goto(popupUrl);
    await popup.locator('label.pause input').click();
    await popup.locator('p.notice', { hasText: t('popup_paused') }).waitFor();
    await popup.close();

    const panel = await s.b.context.newPage();
    await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${tabId}`);
    await panel.getByRole('button', { name: t('panel_clear') }).click();
    const connectionsOfTab = async () =>
      (await storedRecordings(s.b.worker)).find((r) => r.tabId === tabId)?.connections.length;
    await expect.poll(connectionsOfTab).toBe(0);

    // The page is the same and still paused: the popup says so, and keeps the switch that resumes it.
    const again = await s.b.context.newPage();
    await again.goto(popupUrl);
    await again.locator('p.notice', { hasText: t('popup_paused') }).waitFor();
    const toggle = again.locator('label.pause input');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => again.locator('p.notice', { hasText: t('popup_paused') }).count()).toBe(0);
    await Promise.all([again.close(), panel.close(), page.close()]);
  });

  it('keeps the keyboard on each per-site switch: Space turns it, and Space again turns it back', async () => {
    const { page, tabId } = await openPageWithClosedSocket(s, '/pause-keys');
    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${tabId}`);
    for (const box of [popup.locator('label.pause input'), popup.getByTestId('capture-content')]) {
      await box.focus();
      const before = await box.isChecked();
      // The change is stored while focus stays: a switch disabled meanwhile dropped it to the body, where the
      // second Space did nothing and a screen reader started again from the top.
      for (const shown of [!before, before]) {
        await popup.keyboard.press('Space');
        await expect.poll(() => box.isChecked()).toBe(shown);
        await expect.poll(() => box.getAttribute('aria-disabled')).toBeNull();
        expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
      }
    }
    await Promise.all([popup.close(), page.close()]);
  });
});
