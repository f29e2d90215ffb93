/**
 * A page on the test server whose sockets are made in frames with no address of their own, and one of
 * its own: each sends its path and closes once the server's echo of it came back. Shared by the
 * Chromium and Firefox tests of which frames' message content is kept.
 */
import type { Connection, Recording } from '../../../src/protocol/recording';

export const FRAME_CONTENT_PATHS = ['/fc-top', '/fc-srcdoc', '/fc-blank', '/fc-blob', '/fc-opaque'];

/**
 * The page's HTML. The about:blank frame is written into a task after it is made: Firefox runs content
 * scripts in a new about:blank frame only after the task that made it (docs/firefox.md).
 */
export function frameContentPage(wsOrigin: string): string {
  const socket = (path: string) =>
    `<script>{ const s = new WebSocket('${wsOrigin}${path}'); s.onopen = () => s.send('hi ${path}'); s.onmessage = () => s.close(4000); }</script>`;
  const attr = (html: string) => html.replace(/"/g, '&quot;');
  const literal = (html: string) => JSON.stringify(html).replace(/<\//g, '<\\/');
  return `<!doctype html><body>${socket('/fc-top')}
    <iframe srcdoc="${attr(socket('/fc-srcdoc'))}"></iframe>
    <iframe sandbox="allow-scripts" srcdoc="${attr(socket('/fc-opaque'))}"></iframe>
    <script>
      const blank = document.body.appendChild(document.createElement('iframe'));
      setTimeout(() => {
        blank.contentDocument.open();
        blank.contentDocument.write(${literal(socket('/fc-blank'))});
        blank.contentDocument.close();
      });
      const blob = new Blob([${literal(socket('/fc-blob'))}], { type: 'text/html' });
      document.body.append(Object.assign(document.createElement('iframe'), { src: URL.createObjectURL(blob) }));
    </script></body>`;
}

/** The connections to FRAME_CONTENT_PATHS in that order, once every one of them is closed. */
export function closedFrameSockets(r: Recording, wsOrigin: string): Connection[] | false {
  const byPath = FRAME_CONTENT_PATHS.map((p) => r.connections.find((c) => c.url === wsOrigin + p));
  return byPath.every((c) => c?.events.some((e) => e.type === 'close')) && (byPath as Connection[]);
}

/** What is kept of each one's last messages: the same-site frames' texts; nothing of the sandboxed one. */
export const lastTexts = (closed: Connection[]) => closed.map((c) => c.lastMessages?.map((m) => `${m.dir} ${m.text}`));

/** The site each names for its content choice: the page's where its own address names none; none when opaque. */
export const FRAME_SITES = [undefined, '127.0.0.1', '127.0.0.1', '127.0.0.1', undefined];

export const KEPT_TEXTS = [
  ['out hi /fc-top', 'in hi /fc-top'],
  ['out hi /fc-srcdoc', 'in hi /fc-srcdoc'],
  ['out hi /fc-blank', 'in hi /fc-blank'],
  ['out hi /fc-blob', 'in hi /fc-blob'],
  undefined,
];
