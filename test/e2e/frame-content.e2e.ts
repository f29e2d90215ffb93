/**
 * Message content is kept per site, and a frame whose URL names no site (about:blank written into by its
 * page, srcdoc, blob:) is its page's: on a local server (content kept by default) its last messages are
 * kept as the page's own are. A sandboxed frame's origin is opaque, no site's: nothing of its messages is kept.
 */
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../src/protocol/recording';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';

const s = useBrowserAndServer();

describe('message content of sockets in frames without a URL of their own', () => {
  it('is kept by the site of the page that made the frame', async () => {
    const ws = s.server.wsOrigin;
    // Sends its path, and closes once the server's echo of it came back.
    const socket = (path: string) =>
      `<script>{ const s = new WebSocket('${ws}${path}'); s.onopen = () => s.send('hi ${path}'); s.onmessage = () => s.close(4000); }</script>`;
    const attr = (html: string) => html.replace(/"/g, '&quot;');
    const literal = (html: string) => JSON.stringify(html).replace(/<\//g, '<\\/');
    const url = s.server.page(
      '/frame-content',
      `<!doctype html><body>${socket('/fc-top')}
      <iframe srcdoc="${attr(socket('/fc-srcdoc'))}"></iframe>
      <iframe sandbox="allow-scripts" srcdoc="${attr(socket('/fc-opaque'))}"></iframe>
      <script>
        const blank = document.body.appendChild(document.createElement('iframe'));
        blank.contentDocument.open();
        blank.contentDocument.write(${literal(socket('/fc-blank'))});
        blank.contentDocument.close();
        const blob = new Blob([${literal(socket('/fc-blob'))}], { type: 'text/html' });
        document.body.append(Object.assign(document.createElement('iframe'), { src: URL.createObjectURL(blob) }));
      </script></body>`,
    );
    const page = await s.b.context.newPage();
    await page.goto(url);
    const paths = ['/fc-top', '/fc-srcdoc', '/fc-blank', '/fc-blob', '/fc-opaque'];
    const closed = await waitForRecording(s.b.worker, url, (r) => {
      const byPath = paths.map((p) => r.connections.find((c) => c.url === ws + p));
      return byPath.every((c) => c?.events.some((e) => e.type === 'close')) && (byPath as Connection[]);
    });
    const texts = closed.map((c) => c.lastMessages?.map((m) => `${m.dir} ${m.text}`));
    expect(texts).toEqual([
      ['out hi /fc-top', 'in hi /fc-top'],
      ['out hi /fc-srcdoc', 'in hi /fc-srcdoc'],
      ['out hi /fc-blank', 'in hi /fc-blank'],
      ['out hi /fc-blob', 'in hi /fc-blob'],
      undefined,
    ]);
    await page.close();
  });
});
