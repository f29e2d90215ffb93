/**
 * Issue 2: the recording survives the service worker being stopped, sockets
 * that outlive their document are closed out, navigations are marked (or clear
 * the log when preserve log is off), and closing the tab clears its recording.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Launched } from './support/browser';
import { startServer, type TestServer } from './support/servers';
import { recordingFor, waitForRecording } from './support/recording';
import { instanceId, stopServiceWorker } from './support/worker';
import { closeEventOf } from '../../src/protocol/recording';

let b: Launched;
let server: TestServer;

const opener = (ws: string) => `<script>window.open_ = (p) => new Promise((res) => { const s = new WebSocket('${ws}' + p); s.onopen = () => res(true); s.onclose = () => res(false); });</script>`;
type OpenFn = { open_(p: string): Promise<boolean> };

beforeAll(async () => {
  server = await startServer();
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('recording lifecycle', () => {
  it('keeps every closure across a service-worker stop and restart', async () => {
    const url = server.page('/sw', `<!doctype html>${opener(server.wsOrigin)}`);
    const page = await b.context.newPage();
    await page.goto(url);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/before-stop'));
    (await server.connectionTo('/before-stop')).ws.close(1012, 'restart');
    await waitForRecording(b.worker, url, (r) => r.connections.some((c) => c.url.endsWith('/before-stop') && closeEventOf(c)));
    const before = await instanceId(b.worker);

    await stopServiceWorker(b.context, page, b.extensionId);

    // The page keeps working while the worker is down; the relay wakes it with the new events.
    await page.evaluate(() => (window as unknown as OpenFn).open_('/after-stop'));
    (await server.connectionTo('/after-stop')).ws.close(1013, 'later');
    const rec = await waitForRecording(b.worker, url, (r) => (r.connections.some((c) => c.url.endsWith('/after-stop') && closeEventOf(c)) ? r : undefined));
    expect(await instanceId(b.worker)).not.toBe(before);
    const codes = rec.connections.map((c) => [c.url.slice(server.wsOrigin.length), closeEventOf(c)?.code]);
    expect(codes).toEqual([
      ['/before-stop', 1012],
      ['/after-stop', 1013],
    ]);
    await page.close();
  });

  it('closes out sockets still open when the document goes away, and marks the navigation', async () => {
    const first = server.page('/nav-a', `<!doctype html>${opener(server.wsOrigin)}`);
    const second = server.page('/nav-b', `<!doctype html><p>second</p>`);
    const page = await b.context.newPage();
    await page.goto(first);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/left-open'));
    const serverSide = await server.connectionTo('/left-open');
    await page.goto(second);
    // The browser tells the server the page went away.
    expect((await serverSide.closed).code).toBe(1001);
    const rec = await waitForRecording(b.worker, first, (r) =>
      r.marks.some((m) => m.type === 'navigation' && m.url === second) && r.connections.some((c) => c.events.some((e) => e.type === 'ended-with-document')) ? r : undefined,
    );
    const c = rec.connections.find((x) => x.url.endsWith('/left-open'));
    expect(c?.events.at(-1)).toMatchObject({ type: 'ended-with-document' });
    // Preserve log is on by default: the first page's connection is still there.
    expect(rec.marks.filter((m) => m.type === 'navigation').map((m) => (m.type === 'navigation' ? m.url : ''))).toEqual([first, second]);
    await page.close();
  });

  it('clears the log on navigation when preserve log is off', async () => {
    await b.worker.evaluate(() => chrome.storage.local.set({ settings: { preserveLog: false } }));
    const first = server.page('/np-a', `<!doctype html>${opener(server.wsOrigin)}`);
    const second = server.page('/np-b', `<!doctype html>${opener(server.wsOrigin)}`);
    const page = await b.context.newPage();
    await page.goto(first);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/np-socket'));
    (await server.connectionTo('/np-socket')).ws.close(1000);
    await waitForRecording(b.worker, first, (r) => r.connections.some((c) => c.url.endsWith('/np-socket') && closeEventOf(c)));
    await page.goto(second);
    const rec = await waitForRecording(b.worker, second, (r) => r);
    expect(rec.connections).toEqual([]);
    expect(rec.marks.filter((m) => m.type === 'navigation')).toHaveLength(1);
    await b.worker.evaluate(() => chrome.storage.local.set({ settings: { preserveLog: true } }));
    await page.close();
  });

  it('deletes the recording when the tab closes', async () => {
    const url = server.page('/closing', `<!doctype html>${opener(server.wsOrigin)}`);
    const page = await b.context.newPage();
    await page.goto(url);
    await page.evaluate(() => (window as unknown as OpenFn).open_('/closing-socket'));
    (await server.connectionTo('/closing-socket')).ws.close(1000);
    await waitForRecording(b.worker, url, (r) => r.connections.length === 1);
    await page.close();
    const deadline = Date.now() + 10_000;
    while ((await recordingFor(b.worker, url)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await recordingFor(b.worker, url)).toBeUndefined();
  });
});
