/**
 * The recording survives the service worker being stopped (and so does a badge
 * update the stop cut short), sockets that outlive their document are closed out,
 * navigations are marked (or clear the log when preserve log is off), a discarded
 * tab keeps its recording under its new id, and closing the tab clears its recording.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { recordingFor, waitForRecording } from './support/recording';
import { instanceId, stopServiceWorker } from './support/worker';
import { openExtensionPage, request } from './support/extension-page';
import { closeEventOf } from '../../src/protocol/recording';

const s = useBrowserAndServer();

const opener = (ws: string) =>
  `<script>window.open_ = (p) => new Promise((res) => { const s = new WebSocket('${ws}' + p); s.onopen = () => res(true); s.onclose = () => res(false); });</script>`;
type OpenFn = { open_(p: string): Promise<boolean> };

describe('recording lifecycle', () => {
  it('keeps every closure across a service-worker stop and restart', async () => {
    const url = s.server.page('/sw', `<!doctype html>${opener(s.server.wsOrigin)}`);
    const page = await s.b.context.newPage();
    await page.goto(url);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/before-stop'));
    (await s.server.connectionTo('/before-stop')).ws.close(1012, 'restart');
    await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => c.url.endsWith('/before-stop') && closeEventOf(c)),
    );
    const before = await instanceId(s.b.worker);

    await stopServiceWorker(s.b.context, page, s.b.extensionId);

    // The page keeps working while the worker is down; the relay wakes it with the new events.
    await page.evaluate(() => (window as unknown as OpenFn).open_('/after-stop'));
    (await s.server.connectionTo('/after-stop')).ws.close(1013, 'later');
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => c.url.endsWith('/after-stop') && closeEventOf(c)) ? r : undefined,
    );
    expect(await instanceId(s.b.worker)).not.toBe(before);
    const codes = rec.connections.map((c) => [c.url.slice(s.server.wsOrigin.length), closeEventOf(c)?.code]);
    expect(codes).toEqual([
      ['/before-stop', 1012],
      ['/after-stop', 1013],
    ]);
    await page.close();
  });

  it('starts again after a stop whatever it finds stored: a value of another shape costs only itself', async () => {
    const url = s.server.page('/junk', `<!doctype html>${opener(s.server.wsOrigin)}`);
    const page = await s.b.context.newPage();
    await page.goto(url);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/kept'));
    (await s.server.connectionTo('/kept')).ws.close(1012, 'restart');
    const { tabId } = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => c.url.endsWith('/kept') && closeEventOf(c)) ? r : undefined,
    );
    // What a bug or an older build might leave: a chunk that is no list, and a tab whose meta is no recording.
    // Either made the restarted worker's start throw, and every request then waited on it for good.
    // And a connection of another shape inside the tab's stored chunk: left out, and counted for the user.
    await s.b.worker.evaluate(async (tab) => {
      const key = `t${tab}:c0`;
      const chunk = (await chrome.storage.session.get(key))[key] as { n: number[]; c: unknown[] };
      await chrome.storage.session.set({
        [key]: { n: [...chunk.n, 99], c: [...chunk.c, { id: 'not a connection' }] },
        [`t${tab}:c999`]: { n: [1], c: 'junk' },
        't999999:meta': { recording: 5 },
      });
    }, tabId);
    await stopServiceWorker(s.b.context, page, s.b.extensionId);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/after-junk'));
    (await s.server.connectionTo('/after-junk')).ws.close(1013, 'later');
    // The restarted worker removes what it could not read (the test reads storage itself).
    await expect
      .poll(async () => (await s.b.worker.evaluate(() => chrome.storage.session.get(null)))[`t${tabId}:c999`])
      .toBeUndefined();
    // And writes the chunk again without the connection it could not read, so no later start counts it again.
    await expect
      .poll(async () =>
        JSON.stringify((await s.b.worker.evaluate(() => chrome.storage.session.get(null)))[`t${tabId}:c0`]),
      )
      .not.toContain('not a connection');
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => c.url.endsWith('/after-junk') && closeEventOf(c)) ? r : undefined,
    );
    expect(rec.connections.map((c) => [c.url.slice(s.server.wsOrigin.length), closeEventOf(c)?.code])).toEqual([
      ['/kept', 1012],
      ['/after-junk', 1013],
    ]);
    expect(rec.dropped.connectionsUnreadable).toBe(1);
    const keys = await s.b.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
    expect(keys.filter((k) => k.startsWith('t999999:'))).toEqual([]);
    // The popup says what was lost.
    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${tabId}`);
    await expect
      .poll(() => popup.getByRole('region', { name: 'Some data was not recorded' }).textContent())
      .toContain('1 stored connection could not be read back when the extension restarted, and was left out');
    await popup.close();
    await page.close();
  });

  it('draws the badge a stop cut short: a problem stored within the throttle second shows after the restart', async () => {
    // The badge is read from an extension page: that reaches the action's state without starting the worker.
    const ext = await openExtensionPage(s.b.context, s.b.extensionId);
    // The stop must land within the throttle second that the first badge starts. On a loaded machine the
    // steps before it (the close, the store, reading it back) can take longer, and then the worker rightly
    // drew the second problem before the stop: such a round shows nothing about a stop cut short, so it is
    // run again on a new tab, a few times at most.
    let cutShort = 0;
    for (let round = 1; round <= 3 && !cutShort; round++) {
      // Each policy socket is refused with 1008 and retried at once with the same request: a blind retry,
      // one problem each.
      const url = s.server.page(
        `/badge-stop-${round}`,
        `<!doctype html><script>
        const policy = (p, again) => { const w = new WebSocket('${s.server.wsOrigin}' + p); w.onclose = () => again && policy(p, false); };
        policy('/r${round}/policy-a', true);
        policy('/r${round}/policy-b', true);
        </script>`,
      );
      const page = await s.b.context.newPage();
      await page.goto(url);
      const [a, b] = await Promise.all([
        s.server.connectionTo(`/r${round}/policy-a`),
        s.server.connectionTo(`/r${round}/policy-b`),
      ]);
      const { tabId } = await waitForRecording(s.b.worker, url, (r) => r);
      const badge = () => ext.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
      // The first problem is drawn: that starts the tab's throttle second.
      a.ws.close(1008, 'Token expired');
      await expect.poll(badge, { timeout: 10_000, interval: 10 }).toBe('1');
      b.ws.close(1008, 'Token expired');
      await waitForRecording(
        s.b.worker,
        url,
        (r) => r.connections.filter((c) => c.url.endsWith('/policy-b')).length === 2,
      );
      await stopServiceWorker(s.b.context, page, s.b.extensionId);
      const afterStop = await badge();
      if (afterStop !== '2') {
        // The second problem was stored, but the stop came before the end of the second: nothing drew it.
        expect(afterStop).toBe('1');
        cutShort = round;
        // Whatever starts the worker next draws it (a request from the extension page); the page stays quiet.
        expect(await request(ext, { type: 'get-settings' })).toMatchObject({ type: 'settings' });
        await expect.poll(badge, { timeout: 10_000 }).toBe('2');
      }
      await page.close();
    }
    expect(cutShort, 'in no round did the stop come within the throttled badge update').toBeGreaterThan(0);
    await ext.close();
  });

  it('closes out sockets still open when the document goes away, and marks the navigation', async () => {
    const first = s.server.page('/nav-a', `<!doctype html>${opener(s.server.wsOrigin)}`);
    const second = s.server.page('/nav-b', `<!doctype html><p>second</p>`);
    const page = await s.b.context.newPage();
    await page.goto(first);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/left-open'));
    const serverSide = await s.server.connectionTo('/left-open');
    await page.goto(second);
    // The browser tells the server the page went away.
    expect((await serverSide.closed).code).toBe(1001);
    const rec = await waitForRecording(s.b.worker, first, (r) =>
      r.marks.some((m) => m.type === 'navigation' && m.url === second) &&
      r.connections.some((c) => c.events.some((e) => e.type === 'ended-with-document'))
        ? r
        : undefined,
    );
    const c = rec.connections.find((x) => x.url.endsWith('/left-open'));
    expect(c?.events.at(-1)).toMatchObject({ type: 'ended-with-document' });
    // Preserve log is on by default: the first page's connection is still there.
    expect(rec.marks.filter((m) => m.type === 'navigation').map((m) => (m.type === 'navigation' ? m.url : ''))).toEqual(
      [first, second],
    );
    await page.close();
  });

  it('marks a navigation where the new document started, before its first socket, however late the worker hears', async () => {
    const first = s.server.page('/start-a', `<!doctype html>${opener(s.server.wsOrigin)}`);
    // The new page's first script opens a socket at once: the worker hears of the document a round trip later.
    const second = s.server.page(
      '/start-b',
      `<!doctype html><script>new WebSocket('${s.server.wsOrigin}/start-first');</script><p>second</p>`,
    );
    const page = await s.b.context.newPage();
    await page.goto(first);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/start-left'));
    await s.server.connectionTo('/start-left');
    await page.goto(second);
    const rec = await waitForRecording(s.b.worker, first, (r) =>
      r.marks.some((m) => m.type === 'navigation' && m.url === second) &&
      r.connections.some((c) => c.url.endsWith('/start-first')) &&
      r.connections.some((c) => c.url.endsWith('/start-left') && c.events.some((e) => e.type === 'ended-with-document'))
        ? r
        : undefined,
    );
    const mark = rec.marks.find((m) => m.type === 'navigation' && m.url === second)!;
    const firstSocket = rec.connections.find((c) => c.url.endsWith('/start-first'))!;
    const left = rec.connections.find((c) => c.url.endsWith('/start-left'))!;
    // On the timeline the navigation line comes before the new page's socket, and the old page's socket ends by it
    // (at its pagehide, or at the new document's start).
    expect(mark.at).toBeLessThanOrEqual(firstSocket.createdAt);
    expect(left.events.find((e) => e.type === 'ended-with-document')?.at).toBeLessThanOrEqual(mark.at);
    await page.close();
  });

  it('clears the log on navigation when preserve log is off', async () => {
    await s.b.worker.evaluate(() => chrome.storage.local.set({ settings: { preserveLog: false } }));
    const first = s.server.page('/np-a', `<!doctype html>${opener(s.server.wsOrigin)}`);
    const second = s.server.page('/np-b', `<!doctype html>${opener(s.server.wsOrigin)}`);
    const page = await s.b.context.newPage();
    await page.goto(first);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/np-socket'));
    (await s.server.connectionTo('/np-socket')).ws.close(1000);
    await waitForRecording(s.b.worker, first, (r) =>
      r.connections.some((c) => c.url.endsWith('/np-socket') && closeEventOf(c)),
    );
    await page.goto(second);
    const rec = await waitForRecording(s.b.worker, second, (r) => r);
    expect(rec.connections).toEqual([]);
    expect(rec.marks.filter((m) => m.type === 'navigation')).toHaveLength(1);
    await s.b.worker.evaluate(() => chrome.storage.local.set({ settings: { preserveLog: true } }));
    await page.close();
  });

  it('keeps the recording of a tab the browser discards, under the id the tab has then', async () => {
    const url = s.server.page('/discarded', `<!doctype html>${opener(s.server.wsOrigin)}`);
    const page = await s.b.context.newPage();
    await page.goto(url);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/before-discard'));
    (await s.server.connectionTo('/before-discard')).ws.close(1012, 'restart');
    const { tabId } = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.some((c) => closeEventOf(c)?.code === 1012) ? r : undefined,
    );
    // Discarded as the browser does under memory pressure, while another tab is in front. The tab stays
    // in its window (a click brings it back, loaded again) under a new id: the old one is never removed.
    const other = await s.b.context.newPage();
    await other.bringToFront();
    const newId = await s.b.worker.evaluate(async (id) => (await chrome.tabs.discard(id))?.id, tabId);
    expect(newId).not.toBe(tabId);
    await s.b.worker.evaluate((id) => chrome.tabs.reload(id), newId!);
    // Loaded again: its navigation is marked in the same recording, under the new id.
    const rec = await waitForRecording(s.b.worker, url, (r) =>
      r.tabId === newId && r.marks.filter((m) => m.type === 'navigation').length === 2 ? r : undefined,
    );
    expect(rec.connections.map((c) => [c.url.slice(s.server.wsOrigin.length), closeEventOf(c)?.code])).toEqual([
      ['/before-discard', 1012],
    ]);
    // Nothing is left stored under the old id.
    const keys = await s.b.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
    expect(keys.filter((k) => k.startsWith(`t${tabId}:`))).toEqual([]);
    // The popup of the tab, as the user opens it there, lists the closure from before the discard.
    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${newId}`);
    await popup.locator('.closures .closure .code', { hasText: '1012' }).waitFor();
    await Promise.all([popup.close(), other.close()]);
  });

  it('deletes the recording when the tab closes', async () => {
    const url = s.server.page('/closing', `<!doctype html>${opener(s.server.wsOrigin)}`);
    const page = await s.b.context.newPage();
    await page.goto(url);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/closing-socket'));
    (await s.server.connectionTo('/closing-socket')).ws.close(1000);
    await waitForRecording(s.b.worker, url, (r) => r.connections.length === 1);
    await page.close();
    const deadline = Date.now() + 10_000;
    while ((await recordingFor(s.b.worker, url)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await recordingFor(s.b.worker, url)).toBeUndefined();
  });
});
