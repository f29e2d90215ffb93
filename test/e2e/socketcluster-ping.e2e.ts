/**
 * socketcluster-client, unmodified (its own browser build), against a server that answers its handshake but
 * never pings: when the ping timeout the server gave runs out, the client closes the socket itself with 4000
 * and opens the next one on a zero-delay timer, before the server's answer to its close frame has ended the
 * old one. Closeline must record each close as the page's, with 4000, and take the socket made after that
 * close() as its next attempt, made at once: not as a make-before-break replacement, nor skip it for the one
 * after. Real Chromium, a real server.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeEventOf, openEventOf } from '../../src/protocol/recording';
import { analyzeRecording } from '../../src/analysis';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';

const s = useBrowserAndServer();
const clientJs = readFileSync(
  new URL('../../node_modules/socketcluster-client/socketcluster-client.min.js', import.meta.url),
  'utf8',
);
/** Handshakes answered with a 1 s ping timeout (and no ping) before one answered with socketcluster's 20 s. */
const SILENT = 3;

describe('socketcluster-client closing on its ping timeout', () => {
  it('records the page closing with 4000 and links each reconnect made right after the close() call', async () => {
    for (let i = 0; i <= SILENT; i++) {
      void s.server.connectionTo('/socketcluster/', i).then((c) => {
        c.ws.removeAllListeners('message');
        c.ws.on('message', (data) => {
          const text = String(data);
          if (text === '') return;
          const p = JSON.parse(text) as { event?: string; cid?: number };
          if (p.event !== '#handshake') return;
          const pingTimeout = i < SILENT ? 1000 : 20_000;
          c.ws.send(JSON.stringify({ rid: p.cid, data: { id: `sc-${i}`, pingTimeout, isAuthenticated: false } }));
        });
      });
    }
    const port = new URL(s.server.origin).port;
    const url = s.server.page(
      '/socketcluster-ping',
      `<!doctype html><script type="module">
      import { create } from 'data:text/javascript;base64,${Buffer.from(clientJs).toString('base64')}';
      window.closes = [];
      const socket = create({ hostname: '127.0.0.1', port: ${port} });
      (async () => { for await (const e of socket.listener('disconnect')) window.closes.push(e.code); })();
      </script>`,
    );
    const page = await s.b.context.newPage();
    await page.goto(url);
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.length === SILENT + 1 &&
      r.connections.slice(0, SILENT).every((c) => closeEventOf(c)) &&
      openEventOf(r.connections[SILENT]!)
        ? r
        : undefined,
    );
    // The client's own view: three closes of its own, each with its ping timeout's code.
    expect(await page.evaluate(() => (window as unknown as { closes: number[] }).closes)).toEqual([4000, 4000, 4000]);

    const conns = [...rec.connections].sort((a, b) => a.createdAt - b.createdAt);
    const analysis = analyzeRecording(rec, { profileId: 'default', now: Date.now() });
    for (let i = 0; i < SILENT; i++) {
      const closure = analysis.closures.find((c) => c.connectionId === conns[i]!.id);
      expect(closure, `closure ${i + 1}`).toMatchObject({ code: 4000, initiator: 'page', wasClean: true });
      // Its next attempt is the socket made at once after its close() call, before its close event.
      expect(closure?.next?.nextId, `next attempt of closure ${i + 1}`).toBe(conns[i + 1]!.id);
      expect(closure?.next?.label, `link of closure ${i + 1}`).toBeUndefined();
      expect(closure?.next?.delayS, `wait after closure ${i + 1}`).toBeLessThan(0.5);
      // A close the page made: nothing is expected of what follows.
      expect(analysis.verdictByClosure[closure!.connectionId]?.level ?? 'info').toBe('info');
    }
    await page.close();
  });
});
