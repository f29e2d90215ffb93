/**
 * A page may patch any native after the hook installed. The same page wraps every native the hook
 * might call or read (and accessors on Object.prototype, Array.prototype and Error.prototype) with a
 * counter, in Chromium with and without the extension: the counts must be the same (no page code runs
 * inside the hook), and every socket is still recorded as the browser ended it.
 */
import { describe, expect, it } from 'vitest';
import { waitForRecording } from './support/recording';
import { useProbePage } from './support/probe-page';
import { closeEventOf } from '../../src/protocol/recording';

const p = useProbePage(
  '/patched-natives',
  new URL('./patched-natives-probe.js', import.meta.url),
  (source) => `<!doctype html><script>${source}</script>`,
);

const run = async (extension: boolean) => {
  const { result, recorded: rec } = await p.run(
    extension,
    (page) =>
      page.evaluate(
        (origin) => (window as unknown as { runPatchedNatives(o: string): Promise<unknown> }).runPatchedNatives(origin),
        p.server.wsOrigin,
      ),
    (b) =>
      waitForRecording(b.worker, p.pageUrl, (r) =>
        ['/patched-natives', '/patched-natives-refused', '/patched-natives-sub'].every((end) =>
          r.connections.some((c) => c.url.endsWith(end) && closeEventOf(c)),
        )
          ? r
          : undefined,
      ),
  );
  return { result, rec };
};

describe('a page that patches every native after the hook installed', () => {
  it('sees the same calls of its natives as without the extension, and every socket is recorded', async () => {
    const without = await run(false);
    const withExt = await run(true);
    expect(withExt.result).toEqual(without.result);
    // The counters count: the page's own calls are there.
    const { log, counts } = without.result as { log: string[]; counts: Record<string, number> };
    expect(log).toContain('first 4000 bye true');
    expect(counts).toMatchObject({ 'WebSocket.p.send': 6, 'WebSocket.p.close': 3, 'WebSocket.p.protocol get': 1 });
    const conn = (end: string) => withExt.rec!.connections.find((c) => c.url.endsWith(end))!;
    expect(closeEventOf(conn('/patched-natives'))).toMatchObject({ code: 4000, reason: 'bye', wasClean: true });
    expect(conn('/patched-natives').counters).toMatchObject({ sentMessages: 6, receivedMessages: 6 });
    expect(conn('/patched-natives').events.filter((e) => e.type === 'close-call')).toHaveLength(2);
    expect(conn('/patched-natives-refused').events.map((e) => e.type)).toEqual(['error', 'close']);
    expect(closeEventOf(conn('/patched-natives-sub'))).toMatchObject({ code: 4002, reason: 'sub' });
    expect(withExt.rec!.dropped.eventsRejected).toBe(0);
  });
});
