/**
 * Simulation through the real messaging path (extension page → background →
 * relay → hook): a simulated server close, a simulated drop and a simulated
 * outage look to the page exactly like the real thing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { waitForRecording } from './support/recording';
import { openExtensionPage, request } from './support/extension-page';
import { closeEventOf, type Recording } from '../../src/protocol/recording';

const s = useBrowserAndServer();

let ext: Page;

// The page logs everything its own handlers see, in order.
const pageHtml = (ws: string) => `<!doctype html><script>
  window.seen = [];
  window.open_ = (name, path) => new Promise((resolve) => {
    const s = new WebSocket('${ws}' + path);
    const note = (src) => (e) => window.seen.push({ name, src, type: e.type, code: e.code, reason: e.reason, wasClean: e.wasClean, readyState: s.readyState, isTrusted: e.isTrusted });
    s.addEventListener('open', () => resolve(true));
    s.addEventListener('error', note('listener'));
    s.addEventListener('close', note('listener'));
    s.onclose = note('onclose');
    s.onerror = note('onerror');
    window[name] = s;
  });
</script>`;
type PageApi = {
  open_(n: string, p: string): Promise<boolean>;
  seen: {
    name: string;
    src: string;
    type: string;
    code?: number;
    reason?: string;
    wasClean?: boolean;
    readyState: number;
    isTrusted: boolean;
  }[];
};

async function connectionId(pageUrl: string, path: string): Promise<{ id: string; tabId: number }> {
  return waitForRecording(s.b.worker, pageUrl, (r: Recording) => {
    const c = r.connections.find((x) => x.url.endsWith(path) && x.events.some((e) => e.type === 'open'));
    return c ? { id: c.id, tabId: r.tabId } : undefined;
  });
}

beforeAll(async () => {
  ext = await openExtensionPage(s.b.context, s.b.extensionId);
});

describe('simulation from the extension', () => {
  let page: Page;
  let url: string;
  beforeAll(async () => {
    url = s.server.page('/sim', pageHtml(s.server.wsOrigin));
    page = await s.b.context.newPage();
    await page.goto(url);
  });

  it('simulates a server close: the page sees that code, clean, in listener order; the recording marks it simulated', async () => {
    await page.evaluate(() => (window as unknown as PageApi).open_('a', '/sim-close'));
    const serverSide = await s.server.connectionTo('/sim-close');
    const { id, tabId } = await connectionId(url, '/sim-close');
    expect(
      await request(ext, {
        type: 'simulate',
        tabId,
        connectionId: id,
        scope: 'connection',
        command: { kind: 'close', code: 1012, reason: 'Service restart' },
      }),
    ).toEqual({ type: 'ok' });
    await page.waitForFunction(() => (window as unknown as PageApi).seen.filter((s) => s.name === 'a').length >= 2);
    const seen = await page.evaluate(() => (window as unknown as PageApi).seen.filter((s) => s.name === 'a'));
    expect(seen).toEqual([
      {
        name: 'a',
        src: 'listener',
        type: 'close',
        code: 1012,
        reason: 'Service restart',
        wasClean: true,
        readyState: 3,
        isTrusted: false,
      },
      {
        name: 'a',
        src: 'onclose',
        type: 'close',
        code: 1012,
        reason: 'Service restart',
        wasClean: true,
        readyState: 3,
        isTrusted: false,
      },
    ]);
    // The server saw a client close: the simulation's documented trace.
    expect(await serverSide.closed).toEqual({ code: 1000, reason: 'Closeline simulation' });
    const c = await waitForRecording(s.b.worker, url, (r) => r.connections.find((x) => x.id === id && closeEventOf(x)));
    expect(closeEventOf(c)).toMatchObject({ code: 1012, reason: 'Service restart', wasClean: true, simulated: true });
    expect(c.events.some((e) => e.type === 'close-call')).toBe(false);
  });

  it('simulates a network drop after open: 1006, not clean, no error event', async () => {
    await page.evaluate(() => (window as unknown as PageApi).open_('b', '/sim-drop'));
    const { id, tabId } = await connectionId(url, '/sim-drop');
    expect(
      await request(ext, { type: 'simulate', tabId, connectionId: id, scope: 'connection', command: { kind: 'drop' } }),
    ).toEqual({ type: 'ok' });
    await page.waitForFunction(() => (window as unknown as PageApi).seen.filter((s) => s.name === 'b').length >= 2);
    const seen = await page.evaluate(() =>
      (window as unknown as PageApi).seen
        .filter((s) => s.name === 'b')
        .map((s) => `${s.src}:${s.type}:${s.code}:${s.wasClean}`),
    );
    expect(seen).toEqual(['listener:close:1006:false', 'onclose:close:1006:false']);
  });

  it('refuses codes a server cannot send, and connections of other tabs', async () => {
    await page.evaluate(() => (window as unknown as PageApi).open_('c', '/sim-bad'));
    const { id, tabId } = await connectionId(url, '/sim-bad');
    const bad = await request(ext, {
      type: 'simulate',
      tabId,
      connectionId: id,
      scope: 'connection',
      command: { kind: 'close', code: 1006, reason: '' },
    });
    expect(bad).toMatchObject({ type: 'error' });
    const otherTab = await request(ext, {
      type: 'simulate',
      tabId: tabId + 1,
      connectionId: id,
      scope: 'connection',
      command: { kind: 'drop' },
    });
    expect(otherTab).toMatchObject({
      type: 'error',
      message: "This connection is not in the inspected tab's recording.",
    });
    expect(await page.evaluate(() => (window as unknown as { c: WebSocket }).c.readyState)).toBe(1);
  });

  it('simulates "1013, then unavailable": new handshakes fail with the browser\'s own error and 1006 until the outage ends', async () => {
    const outageUrl = s.server.page(
      '/outage',
      `<!doctype html><script>
      window.attempts = [];
      const WS = '${s.server.wsOrigin}/sim-outage';
      let n = 0;
      const connect = () => {
        const s = new WebSocket(WS);
        const rec = { n: ++n, events: [] };
        window.attempts.push(rec);
        s.onopen = () => rec.events.push('open');
        s.onerror = (e) => rec.events.push('error:' + e.isTrusted);
        s.onclose = (e) => { rec.events.push('close:' + e.code + ':' + e.isTrusted); if (n < 8) setTimeout(connect, 250 * 2 ** (n - 1)); };
      };
      connect();
    </script>`,
    );
    const p2 = await s.b.context.newPage();
    await p2.goto(outageUrl);
    const { id, tabId } = await connectionId(outageUrl, '/sim-outage');
    expect(
      await request(ext, {
        type: 'simulate',
        tabId,
        connectionId: id,
        scope: 'endpoint',
        command: { kind: 'close-then-outage', code: 1013, reason: 'Try again later', seconds: 2 },
      }),
    ).toEqual({ type: 'ok' });
    // Attempts during the outage fail like a refused handshake; a later one opens again.
    await p2.waitForFunction(
      () =>
        (window as unknown as { attempts: { events: string[] }[] }).attempts.some(
          (a, i) => i > 0 && a.events.includes('open'),
        ),
      null,
      { timeout: 20_000 },
    );
    const attempts = await p2.evaluate(
      () => (window as unknown as { attempts: { n: number; events: string[] }[] }).attempts,
    );
    expect(attempts[0]?.events).toEqual(['open', 'close:1013:false']);
    const failed = attempts.slice(1, -1);
    expect(failed.length).toBeGreaterThan(0);
    for (const a of failed) expect(a.events).toEqual(['error:true', 'close:1006:true']);
    expect(attempts.at(-1)?.events).toEqual(['open']);
    // Exactly two server connections: the first socket and the one after the outage.
    expect(s.server.connections.filter((c) => c.path.startsWith('/sim-outage'))).toHaveLength(2);
    await p2.close();
  });
});
