/**
 * The page is untrusted. Messages it forges on the public
 * postMessage channel, pretending to be the hook or the relay, are rejected
 * and counted, never stored.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';

const s = useBrowserAndServer();

describe('forged messages', () => {
  it('rejects and counts a forged hello with its own port and a forged oversized event', async () => {
    const url = s.server.page('/forge', '<!doctype html><p>forge</p>');
    const page = await s.b.context.newPage();
    await page.goto(url);
    const seenByPage = await page.evaluate(() => {
      // What the page's own listener receives, up to a closing message of its own: window messages
      // from one window arrive in the order they were posted, so no timer is needed.
      const seen: string[] = [];
      const received = new Promise<string[]>((resolve) =>
        window.addEventListener('message', (e: MessageEvent<Record<string, unknown>>) => {
          if (e.data.end === true) resolve(seen);
          else seen.push('__closeline_hook_hello__' in e.data ? 'hello' : String(e.data.source));
        }),
      );
      const ch = new MessageChannel();
      // A second "hello" carrying the page's own port, then garbage on that port.
      window.postMessage({ __closeline_hook_hello__: 1 }, '*', [ch.port2]);
      ch.port1.postMessage({
        t: 'socket',
        k: 1,
        api: 'WebSocket',
        url: 'wss://forged.example/' + 'x'.repeat(1e6),
        protocols: [],
        at: Date.now(),
        stack: '',
      });
      ch.port1.postMessage({
        t: 'close',
        k: 1,
        at: Date.now(),
        code: 1008,
        reason: 'y'.repeat(1e6),
        wasClean: true,
        counters: {},
      });
      // An event dressed as relay traffic.
      window.postMessage(
        {
          source: 'closeline',
          v: 1,
          msg: {
            type: 'batch',
            seq: 99,
            events: [{ t: 'close', k: 1, code: 1000, reason: 'z'.repeat(2e6) }],
            dropped: {},
          },
        },
        '*',
      );
      window.postMessage({ end: true }, '*');
      return received;
    });
    // The relay counts forgeries without swallowing them: the page's own listener still gets both, in order
    // (the real hook hands its port over a private event, not on this channel).
    expect(seenByPage).toEqual(['hello', 'closeline']);
    const rec = await waitForRecording(s.b.worker, url, (r) => (r.dropped.eventsRejected >= 2 ? r : undefined));
    expect(rec.dropped.eventsRejected).toBe(2);
    expect(rec.connections).toEqual([]);
    expect(JSON.stringify(rec)).not.toContain('forged.example');
  });
});
