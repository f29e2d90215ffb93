/**
 * A site whose host name is one long run with no hyphen (a hash-named preview host, say) is named in
 * the popup's per-site switches whole, wrapped within the popup's width, not run off its edge.
 */
import { describe, expect, it } from 'vitest';
import { openPageWithClosedSocket, useBrowserAndServer } from './support/session';

const s = useBrowserAndServer();

describe('the popup on a site with a long host name', () => {
  it('wraps the host in its per-site switches within the popup', async () => {
    const host = 'a3f9a8c7d6e5b4a3f2e1d0c9b8a7f6e5d.previewsandbox.examplecloudhosting.localhost';
    const { page, tabId } = await openPageWithClosedSocket(s, '/long-host', host);
    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${tabId}`);
    const switches = popup.locator('label.pause, label.capture-toggle');
    await switches.first().waitFor();
    expect(await switches.count()).toBe(2);
    const overflow = await popup.evaluate(() => {
      const edge = document.querySelector('.popup')!.getBoundingClientRect().right;
      return [...document.querySelectorAll('label.pause, label.capture-toggle')].map((label) => {
        const text = document.createRange();
        text.selectNodeContents(label);
        return [
          label.textContent?.includes('examplecloudhosting') ?? false,
          text.getBoundingClientRect().right <= edge,
        ];
      });
    });
    expect(overflow).toEqual([
      [true, true],
      [true, true],
    ]);
    await Promise.all([popup.close(), page.close()]);
  });
});
