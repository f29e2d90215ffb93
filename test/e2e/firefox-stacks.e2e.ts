/**
 * Firefox writes stacks in its own format (`name@url:line:col`, no first line). The recording keeps
 * the page's frames of each socket's creation and close() call there too, and a getter a page put on
 * Error.prototype (where Firefox keeps `stack`) neither runs inside the hook nor writes what is recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/servers';
import { launchFirefox, openExtensionPage, waitForStoredRecording, type LaunchedFirefox } from './support/firefox';
import { closeEventOf } from '../../src/protocol/recording';

let ff: LaunchedFirefox;
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox();
}, 180_000);

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

describe('stacks in Firefox', () => {
  it("keep the page's frames, and no getter on Error.prototype runs or writes them", async () => {
    // The page's own script, so its frames carry the page's address.
    const url = server.page(
      '/firefox-stacks',
      `<!doctype html><script>
      window.run = async (wsUrl) => {
        const reads = [];
        for (const name of ['name', 'message', 'stack']) {
          const d = Object.getOwnPropertyDescriptor(Error.prototype, name);
          Object.defineProperty(Error.prototype, name, {
            configurable: true,
            get() {
              reads.push(name);
              // A stack of the page's invention, in the form the recording keeps.
              return name === 'stack' ? 'forgedFrame@https://forged.example/x.js:1:1\\n' : d && d.value;
            },
          });
        }
        function openFromPage() {
          return new WebSocket(wsUrl);
        }
        const ws = openFromPage();
        await new Promise((res) => (ws.onopen = res));
        function closeFromPage() {
          ws.close(4001, 'stacks');
        }
        closeFromPage();
        await new Promise((res) => (ws.onclose = res));
        return reads;
      };
      </script>`,
    );
    const page = await ff.browser.newPage();
    await page.goto(url);
    const reads = await page.evaluate(
      (wsUrl) => (window as unknown as { run(u: string): Promise<string[]> }).run(wsUrl),
      `${server.wsOrigin}/firefox-stacks`,
    );
    expect(reads).toEqual([]);
    const ext = await openExtensionPage(ff.browser, 'src/popup/popup.html?tab=0');
    const c = await waitForStoredRecording(ext, url, (r) =>
      r.connections.find((x) => x.url.endsWith('/firefox-stacks') && closeEventOf(x)),
    );
    expect(c.stack).toMatch(/^openFromPage@http:\/\/127\.0\.0\.1:\d+\/firefox-stacks:\d+:\d+$/m);
    const call = c.events.find((e) => e.type === 'close-call');
    expect(call && 'stack' in call ? call.stack : '').toMatch(/^closeFromPage@/m);
    expect(JSON.stringify(c)).not.toMatch(/forged|moz-extension/);
    expect(closeEventOf(c)).toMatchObject({ code: 4001, reason: 'stacks' });
  });
});
