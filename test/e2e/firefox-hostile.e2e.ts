/**
 * Hostile pages in Firefox, where the engine and the DOM differ from Chromium's in what the hook
 * relies on:
 * - at its target, an event reaches capture listeners before the others (Chromium keeps the order
 *   they were added in): a page's capture listener that stops an event must not keep it from the hook;
 * - a page that wraps every native with a counter (patched-natives-probe.js) sees the same calls with
 *   and without the extension, as in Chromium;
 * - Firefox writes stacks in its own format (`name@url:line:col`, no first line): the recording keeps
 *   the page's frames of each socket's creation and close() call there too, and a getter a page put on
 *   Error.prototype (where Firefox keeps `stack`) neither runs inside the hook nor writes what is recorded.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  launchFirefox,
  openExtensionPage,
  requestView,
  waitForStoredRecording,
  type LaunchedFirefox,
} from './support/firefox';
import { useFirefoxAndServer } from './support/firefox-session';
import { closeEventOf } from '../../src/protocol/recording';

const s = useFirefoxAndServer();

const patchedNatives = readFileSync(new URL('./patched-natives-probe.js', import.meta.url), 'utf8');

describe('hostile pages in Firefox', () => {
  it('runs no page code when the page patched every native after the hook installed', async () => {
    const url = s.server.page('/ff-patched-natives', `<!doctype html><script>${patchedNatives}</script>`);
    const run = async (browser: LaunchedFirefox['browser']) => {
      const page = await browser.newPage();
      await page.goto(url);
      return page.evaluate(
        (origin) => (window as unknown as { runPatchedNatives(o: string): Promise<unknown> }).runPatchedNatives(origin),
        s.server.wsOrigin,
      );
    };
    const bare = await launchFirefox({ extension: false });
    let without: unknown;
    try {
      without = await run(bare.browser);
    } finally {
      await bare.close();
    }
    const withExt = await run(s.ff.browser);
    expect(withExt).toEqual(without);
    expect((without as { counts: Record<string, number> }).counts).toMatchObject({ 'WebSocket.p.send': 6 });
    const ext = await openExtensionPage(s.ff.browser, 'src/popup/popup.html?tab=0');
    const rec = await waitForStoredRecording(ext, url, (r) =>
      ['/patched-natives', '/patched-natives-refused', '/patched-natives-sub'].every((end) =>
        r.connections.some((c) => c.url.endsWith(end) && closeEventOf(c)),
      )
        ? r
        : undefined,
    );
    const first = rec.connections.find((c) => c.url.endsWith('/patched-natives'))!;
    expect(closeEventOf(first)).toMatchObject({ code: 4000, reason: 'bye', wasClean: true });
    expect(first.counters).toMatchObject({ sentMessages: 6, receivedMessages: 6 });
  });

  it("records open, error and close when the page's capture listeners stop them, and a simulation replaces the close they see", async () => {
    const url = s.server.page('/firefox-capture', '<!doctype html><p>capture</p>');
    const page = await s.ff.browser.newPage();
    await page.goto(url);
    await page.evaluate((origin) => {
      const w = window as unknown as Record<string, unknown>;
      const seen: string[] = [];
      w.seen = seen;
      // Added before the page's own listeners can be: capture listeners that stop every event.
      const stopAll = (ws: WebSocket, how: 'stopImmediatePropagation' | 'stopPropagation') => {
        for (const type of ['open', 'error', 'close'])
          ws.addEventListener(
            type,
            (e) => {
              seen.push(`${type}${e.type === 'close' ? ` ${(e as CloseEvent).code}` : ''}`);
              e[how]();
            },
            true,
          );
        return ws;
      };
      w.byServer = stopAll(new WebSocket(`${origin}/ff-capture-server`), 'stopImmediatePropagation');
      w.byPage = stopAll(new WebSocket(`${origin}/ff-capture-page`), 'stopPropagation');
      w.refused = stopAll(new WebSocket('ws://127.0.0.1:1/ff-capture-refused'), 'stopImmediatePropagation');
      w.simulated = stopAll(new WebSocket(`${origin}/ff-capture-sim`), 'stopImmediatePropagation');
    }, s.server.wsOrigin);
    const byServer = await s.server.connectionTo('/ff-capture-server');
    await s.server.connectionTo('/ff-capture-page');
    await s.server.connectionTo('/ff-capture-sim');
    byServer.ws.close(4001, 'server');
    await page.evaluate(() => (window as unknown as Record<string, WebSocket>).byPage!.close(4002, 'page'));
    const ext = await openExtensionPage(s.ff.browser, 'src/popup/popup.html?tab=0');
    const open = await waitForStoredRecording(
      ext,
      url,
      (r) =>
        r.connections.some((c) => c.url.endsWith('/ff-capture-sim') && c.events.some((e) => e.type === 'open')) && r,
    );
    const sim = open.connections.find((c) => c.url.endsWith('/ff-capture-sim'))!;
    const command = { kind: 'close', code: 1012, reason: 'sim' } as const;
    const reply = await requestView(ext, {
      type: 'simulate',
      tabId: open.tabId,
      connectionId: sim.id,
      scope: 'connection',
      command,
    });
    expect(reply).toEqual({ type: 'ok' });
    const rec = await waitForStoredRecording(ext, url, (r) =>
      ['/ff-capture-server', '/ff-capture-page', '/ff-capture-refused', '/ff-capture-sim'].every((end) =>
        r.connections.some((c) => c.url.endsWith(end) && closeEventOf(c)),
      )
        ? r
        : undefined,
    );
    const conn = (end: string) => rec.connections.find((c) => c.url.endsWith(end))!;
    expect(conn('/ff-capture-server').events.map((e) => e.type)).toEqual(['open', 'close']);
    expect(closeEventOf(conn('/ff-capture-server'))).toMatchObject({ code: 4001, reason: 'server' });
    expect(closeEventOf(conn('/ff-capture-page'))).toMatchObject({ code: 4002, reason: 'page' });
    expect(conn('/ff-capture-refused').events.map((e) => e.type)).toEqual(['error', 'close']);
    expect(closeEventOf(conn('/ff-capture-sim'))).toMatchObject({ code: 1012, reason: 'sim', simulated: true });
    // The page saw the simulated close only, not the real one the hook swallowed.
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.filter((x) => x.startsWith('close'))).toEqual(
      expect.arrayContaining(['close 4001', 'close 4002', 'close 1006', 'close 1012']),
    );
    expect(seen.filter((x) => x.startsWith('close'))).toHaveLength(4);
  });

  it("keep the page's frames, and no getter on Error.prototype runs or writes them", async () => {
    // The page's own script, so its frames carry the page's address.
    const url = s.server.page(
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
    const page = await s.ff.browser.newPage();
    await page.goto(url);
    const reads = await page.evaluate(
      (wsUrl) => (window as unknown as { run(u: string): Promise<string[]> }).run(wsUrl),
      `${s.server.wsOrigin}/firefox-stacks`,
    );
    expect(reads).toEqual([]);
    const ext = await openExtensionPage(s.ff.browser, 'src/popup/popup.html?tab=0');
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
