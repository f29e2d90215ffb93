/**
 * The page cannot tell the hook is there. The same probe runs in
 * Chromium with and without the extension; every observable result must match.
 */
import { describe, expect, it } from 'vitest';
import { waitForRecording } from './support/recording';
import { useProbePage } from './support/probe-page';

const p = useProbePage('/probe', new URL('./transparency-probe.js', import.meta.url));

const runProbe = async (extension: boolean) =>
  (
    await p.run(
      extension,
      (page) =>
        page.evaluate(
          (url) => (window as unknown as { runProbe(u: string): Promise<unknown> }).runProbe(url),
          `${p.server.wsOrigin}/probe`,
        ),
      async (b) => {
        const pageUrl = p.pageUrl;
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
      },
    )
  ).result;

describe('transparency', () => {
  it('gives identical results with and without the extension', async () => {
    const [without, withExt] = [await runProbe(false), await runProbe(true)];
    expect(without).toMatchObject({ instanceof: true, ctor: true, name: 'WebSocket' });
    expect(withExt).toEqual(without);
  });
});
