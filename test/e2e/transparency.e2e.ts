/**
 * The page cannot tell the hook is there. The same probe runs in
 * Chromium with and without the extension; every observable result must match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch } from './support/browser';
import { startServer, type TestServer } from './support/servers';
import { waitForRecording } from './support/recording';

const probe = readFileSync(new URL('./transparency-probe.js', import.meta.url), 'utf8');
let server: TestServer;
let pageUrl: string;

beforeAll(async () => {
  server = await startServer();
  pageUrl = server.page('/probe', `<!doctype html><html><head><script>${probe}</script></head><body></body></html>`);
});
afterAll(async () => server?.close());

async function runProbe(extension: boolean) {
  const b = await launch({ extension });
  try {
    const page = await b.context.newPage();
    await page.goto(pageUrl);
    const result = await page.evaluate(
      (url) => (window as unknown as { runProbe(u: string): Promise<unknown> }).runProbe(url),
      `${server.wsOrigin}/probe`,
    );
    if (extension) {
      // The socket made with the iframe's pristine constructor was captured as well.
      await waitForRecording(b.worker, pageUrl, (r) => r.connections.some((c) => c.url.endsWith('/probe-iframe')));
      // Sockets made while the page had Proxy trap names on Object.prototype were recorded as well.
      await waitForRecording(b.worker, pageUrl, (r) =>
        ['/probe-traps', '/probe-traps-sub'].every((end) => r.connections.some((c) => c.url.endsWith(end))),
      );
      // What the hook recorded of the calls made under index getters, in a close()'s valueOf, and with a
      // fractional code, is what the browser did.
      const rec = await waitForRecording(
        b.worker,
        pageUrl,
        (r) =>
          ['/probe-index', '/probe-valueof', '/probe-fraction'].every((end) =>
            r.connections.some((c) => c.url.endsWith(end) && c.events.some((e) => e.type === 'close')),
          ) && r,
      );
      const conn = (end: string) => rec.connections.find((c) => c.url.endsWith(end))!;
      const calls = (end: string) =>
        conn(end).events.flatMap((e) =>
          e.type === 'close-call' ? [{ code: e.code, reason: e.reason, readyState: e.readyState }] : [],
        );
      expect(conn('/probe-index').protocols).toEqual([]);
      expect(calls('/probe-index')).toEqual([{ code: undefined, reason: undefined, readyState: 0 }]);
      expect(calls('/probe-valueof')).toEqual([
        { code: 4001, reason: 'inner', readyState: 1 },
        { code: 4002, reason: 'outer', readyState: 2 },
      ]);
      expect(calls('/probe-fraction')).toEqual([{ code: 3001, reason: undefined, readyState: 1 }]);
      // The probe page is on 127.0.0.1, where message content capture is on by default: every check
      // here ran with the ring and its close-time serialisation in place (the probe's "hello" is kept).
      await waitForRecording(b.worker, pageUrl, (r) =>
        r.connections.some((c) => c.lastMessages?.some((m) => m.dir === 'out' && m.text === 'hello')),
      );
    }
    return result;
  } finally {
    await b.close();
  }
}

describe('transparency', () => {
  it('gives identical results with and without the extension', async () => {
    const [without, withExt] = [await runProbe(false), await runProbe(true)];
    expect(without).toMatchObject({ instanceof: true, ctor: true, name: 'WebSocket' });
    expect(withExt).toEqual(without);
  });
});
