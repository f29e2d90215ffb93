/**
 * An export opened again shows what the panel showed before it: a socket's URL with its query redacted,
 * and, with "Include message content" ticked, its last messages as they were shown, redacted too. A kept
 * 1 KiB of a form-encoded message grows under redaction (each value becomes REDACTED).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { closeEventOf } from '../../src/protocol/recording';
import { t } from './support/english';

const s = useBrowserAndServer();
let panel: Page;

beforeAll(async () => {
  const form = Array.from({ length: 300 }, (_, i) => `f${i}=${i % 10}`).join('&');
  const url = s.server.page(
    '/round-trip',
    `<!doctype html><script>
    const ws = new WebSocket('${s.server.wsOrigin}/round-trip?token=s3cret');
    ws.onopen = () => ws.send(${JSON.stringify(form)});
    ws.onmessage = () => ws.close(4000, 'done');
  </script>`,
  );
  const page = await s.b.context.newPage();
  await page.goto(url);
  const { tabId } = await waitForRecording(s.b.worker, url, (r) =>
    r.connections.some((c) => closeEventOf(c) && c.lastMessages?.length === 2) ? r : undefined,
  );
  panel = await s.b.context.newPage();
  await panel.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${tabId}`);
}, 90_000);

/** The row's URL and the detail's last messages, as shown. */
async function shown(): Promise<{ url: string; messages: string[] }> {
  const row = panel.locator('[data-testid="closure-row"][data-code="4000"]');
  await row.click();
  const messages = panel.locator('[data-testid="last-message"]');
  await messages.first().waitFor();
  return { url: (await row.locator('.cell-url').textContent()) ?? '', messages: await messages.allTextContents() };
}

describe('an export opened again', () => {
  it('shows the URL and the last messages as the panel showed them before the export', async () => {
    const before = await shown();
    expect(before.url).toContain('token=REDACTED');
    expect(before.messages.join('')).toContain('f0=REDACTED&f1=REDACTED');
    await panel.getByTestId('export-content').check();
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: t('panel_export') }).click(),
    ]);
    await panel.getByTestId('import-input').setInputFiles((await download.path())!);
    const failed = panel.getByText(/^Import failed:/);
    await panel.getByText(t('panel_imported_viewing')).or(failed).first().waitFor();
    expect(await failed.allTextContents()).toEqual([]);
    expect(await shown()).toEqual(before);
  });
});
