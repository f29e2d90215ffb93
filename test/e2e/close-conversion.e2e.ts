/**
 * close() with arguments whose conversion throws, has side effects or gives what the browser rejects: a
 * WebSocket's code and reason, a WebSocketStream's options. The same probe runs in Chromium with and
 * without the extension: the errors (kind, name, message, the page's own or not), the page's conversion
 * calls in order, and the socket's state must match, and the hook records only the call that closed.
 */
import { describe, expect, it } from 'vitest';
import { waitForRecording } from './support/recording';
import { useProbePage } from './support/probe-page';
import { closeEventOf } from '../../src/protocol/recording';

const p = useProbePage('/close-conversion', new URL('./close-conversion-probe.js', import.meta.url));

const runProbe = async (extension: boolean) =>
  (
    await p.run(
      extension,
      (page) =>
        page.evaluate(
          (url) => (window as unknown as { runCloseProbe(u: string): Promise<unknown> }).runCloseProbe(url),
          `${p.server.wsOrigin}/close-conversion-ws`,
        ),
      async (b) => {
        // Every call the browser rejected left no trace: one close() call each, the one that closed, with what
        // the browser took (a reason made of undefined is the text "undefined").
        const rec = await waitForRecording(
          b.worker,
          p.pageUrl,
          (r) => r.connections.filter((c) => closeEventOf(c)).length === 2 && r,
        );
        const calls = (end: string) =>
          rec.connections
            .find((c) => c.url.endsWith(end))!
            .events.flatMap((e) => (e.type === 'close-call' ? [{ code: e.code, reason: e.reason }] : []));
        expect(calls('/close-conversion-ws')).toEqual([{ code: 4000, reason: 'undefined' }]);
        expect(calls('/close-conversion-ws-stream')).toEqual([{ code: 4000, reason: 'bye' }]);
      },
    )
  ).result;

describe('close() argument conversion', () => {
  it('throws, converts and records as the browser does without the extension', async () => {
    const [without, withExt] = [await runProbe(false), await runProbe(true)];
    // The probe ran: its last calls closed both sockets, and the errors are the browser's own.
    expect(without).toMatchObject({ ws: { closed: [4000, 'undefined'] }, stream: { closed: [4000, 'bye'] } });
    expect(JSON.stringify(without)).toContain("Failed to execute 'close' on 'WebSocket'");
    expect(withExt).toEqual(without);
  });
});
