/**
 * A frame with no address of its own (about:blank, srcdoc, blob:) is its page's site, by the port's
 * origin where the browser gives one and by the relay's hello where it does not. Its last messages
 * are kept on a local server as the page's own are; a sandboxed frame's are not. Chromium:
 * frame-content.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import { openExtensionPage, waitForStoredRecording } from './support/firefox';
import { useFirefoxAndServer } from './support/firefox-session';
import { closedFrameSockets, FRAME_SITES, frameContentPage, KEPT_TEXTS, lastTexts } from './support/frame-content-page';

const s = useFirefoxAndServer();

describe('Closeline in Firefox: message content of sockets in frames without a URL of their own', () => {
  it('is kept by the site of the page that made the frame', async () => {
    const url = s.server.page('/frame-content', frameContentPage(s.server.wsOrigin));
    const ext = await openExtensionPage(s.ff.browser, 'src/devtools/devtools.html');
    const page = await s.ff.browser.newPage();
    await page.goto(url);
    const closed = await waitForStoredRecording(ext, url, (r) => closedFrameSockets(r, s.server.wsOrigin));
    expect(lastTexts(closed)).toEqual(KEPT_TEXTS);
    expect(closed.map((c) => c.site)).toEqual(FRAME_SITES);
  });
});
