/**
 * Message content is kept per site, and a frame whose URL names no site (about:blank written into by its
 * page, srcdoc, blob:) is its page's: on a local server (content kept by default) its last messages are
 * kept as the page's own are. A sandboxed frame's origin is opaque, no site's: nothing of its messages is
 * kept. Firefox: firefox-frame-content.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { closedFrameSockets, FRAME_SITES, frameContentPage, KEPT_TEXTS, lastTexts } from './support/frame-content-page';

const s = useBrowserAndServer();

describe('message content of sockets in frames without a URL of their own', () => {
  it('is kept by the site of the page that made the frame', async () => {
    const url = s.server.page('/frame-content', frameContentPage(s.server.wsOrigin));
    const page = await s.b.context.newPage();
    await page.goto(url);
    const closed = await waitForRecording(s.b.worker, url, (r) => closedFrameSockets(r, s.server.wsOrigin));
    expect(lastTexts(closed)).toEqual(KEPT_TEXTS);
    expect(closed.map((c) => c.site)).toEqual(FRAME_SITES);
    await page.close();
  });
});
