/**
 * Angular's stack: zone.js (its browser bundle, loaded after the hook as Angular's polyfills load it: it
 * patches EventTarget's listener methods, WebSocket.prototype's on* properties and Function.prototype.toString)
 * and RxJS's webSocket subject reconnecting with retry and repeat. The page sees the same with and without
 * the extension (event order, each handler once and in the zone it was registered in, removeEventListener,
 * the socket's state, a subclass, how a frame's WebSocket prints in the parent), and Closeline records every
 * socket, who closed it and the reconnect waits as they were; the popup lists the closures and Simulate
 * reaches a subject's socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Launched } from './support/browser';
import { startServer, type TestServer } from './support/servers';
import { waitForRecording } from './support/recording';
import { openExtensionPage, request } from './support/extension-page';
import {
  expectProbeRan,
  expectProbeRecorded,
  probeIsUp,
  serveZoneRxjsPage,
  type ProbeApi,
  type ProbeResult,
} from './support/zone-rxjs';
import { closeEventOf, openEventOf } from '../../src/protocol/recording';
import { analyzeRecording } from '../../src/analysis';

/** One browser's run: the page, its server, and what the page logged when its subjects were up and at the end. */
interface Run {
  b: Launched;
  server: TestServer;
  page: Page;
  url: string;
  up: ProbeResult;
}

async function start(extension: boolean): Promise<Run> {
  const server = await startServer();
  const b = await launch({ extension });
  const url = serveZoneRxjsPage(server);
  const page = await b.context.newPage();
  await page.goto(url);
  const up = await page.evaluate((o) => (window as unknown as ProbeApi).zoneRxjsProbe(o), server.wsOrigin);
  return { b, server, page, url, up };
}

const end = (r: Run) => r.page.evaluate(() => (window as unknown as ProbeApi).zoneRxjsEnd());
const stop = async (r: Run | undefined) => {
  await r?.b.close();
  await r?.server.close();
};

let without: { up: ProbeResult; ended: ProbeResult };
let run: Run;

beforeAll(async () => {
  const w = await start(false);
  try {
    without = { up: w.up, ended: await end(w) };
  } finally {
    await stop(w);
  }
  run = await start(true);
}, 90_000);
afterAll(() => stop(run));

describe('zone.js and RxJS webSocket with Closeline', () => {
  it('the page sees the same with and without the extension', () => {
    expectProbeRan(without.up);
    expect(run.up).toEqual(without.up);
  });

  it('records every socket, who closed it, and judges the RxJS waits', async () => {
    expectProbeRecorded(await waitForRecording(run.b.worker, run.url, probeIsUp));
  });

  it("the popup lists the closures by code, with RxJS's waits judged", async () => {
    const rec = await waitForRecording(run.b.worker, run.url, (r) => r.connections.length === 11 && r);
    const popup = await run.b.context.newPage();
    await popup.goto(`chrome-extension://${run.b.extensionId}/src/popup/popup.html?tab=${rec.tabId}`);
    const groups = popup.locator('.groups .group');
    await groups.first().waitFor();
    // One group per code the page saw closed.
    expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')).sort())).toEqual([
      '1005',
      '1006',
      '1008',
      '1012',
      '1013',
      '4000',
    ]);
    const item = (end: string) => popup.locator('.closures .closure', { has: popup.locator('.url', { hasText: end }) });
    // RxJS's backoff after 1013 fits; its one retry after the drop is too few waits to judge.
    expect(await item('/rx-busy').getAttribute('class')).toContain('level-fits');
    expect(await item('/rx-busy').locator('.code').textContent()).toBe('1013');
    expect(await item('/rx-drop').getAttribute('class')).toContain('level-info');
    expect(await item('/rx-drop').locator('.code').textContent()).toBe('1006');
    await popup.close();
  });

  it("simulates a 1012 on a subject's socket: RxJS sees it once, in its zone, and repeats; recorded as simulated", async () => {
    await run.page.evaluate(() => (window as unknown as ProbeApi).zoneRxjsOpen('/rx-sim'));
    const rec = await waitForRecording(
      run.b.worker,
      run.url,
      (r) => r.connections.some((c) => c.url.endsWith('/rx-sim') && openEventOf(c)) && r,
    );
    const target = rec.connections.find((c) => c.url.endsWith('/rx-sim'))!;
    const ext = await openExtensionPage(run.b.context, run.b.extensionId);
    const next = run.server.connectionTo('/rx-sim', 1);
    expect(
      await request(ext, {
        type: 'simulate',
        tabId: rec.tabId,
        connectionId: target.id,
        scope: 'connection',
        command: { kind: 'close', code: 1012, reason: 'Service restart' },
      }),
    ).toEqual({ type: 'ok' });
    await next;
    // The server has the new socket before the page has its open event and the echo: ending the subject
    // earlier would unsubscribe a reconnect that had not answered yet.
    await run.page.waitForFunction(() => (window as unknown as ProbeApi).zoneRxjsAnswers('/rx-sim') === 2);
    // Ending every subject closes rx-busy's and rx-drop's sockets too: the page sees that as it did without.
    const ended = await end(run);
    const sim = (e: unknown) => String((e as unknown[])[0]).startsWith('/rx-sim');
    expect(ended.log.filter((e) => !sim(e))).toEqual(without.ended.log);
    expect(ended.delays.filter((d) => d[0] !== '/rx-sim')).toEqual(without.ended.delays);
    const seen = ended.log.filter(sim);
    expect(seen).toEqual([
      ['/rx-sim opened', 'rx', 'open', true],
      ['/rx-sim next', 'rx', { hi: 0, attempt: 0 }],
      ['/rx-sim closed', 'rx', { code: 1012, reason: 'Service restart', wasClean: true, trusted: false }],
      ['/rx-sim repeat', 'rx', 1],
      ['/rx-sim opened', 'rx', 'open', true],
      ['/rx-sim next', 'rx', { hi: 0, attempt: 1 }],
      ['/rx-sim unsubscribed'],
      ['/rx-sim closed', 'rx', { code: 1005, reason: '', wasClean: true, trusted: true }],
    ]);
    const after = await waitForRecording(
      run.b.worker,
      run.url,
      (r) => r.connections.filter((c) => c.url.endsWith('/rx-sim') && closeEventOf(c)).length === 2 && r,
    );
    const sims = after.connections.filter((c) => c.url.endsWith('/rx-sim'));
    expect(closeEventOf(sims[0]!)).toMatchObject({ code: 1012, reason: 'Service restart', simulated: true });
    const a = analyzeRecording(after, { now: Date.now() });
    const closure = a.closures.find((c) => c.connectionId === sims[0]!.id)!;
    expect(closure).toMatchObject({ simulated: true });
    expect(closure.next?.delayS).toBeGreaterThanOrEqual(0.95);
  });
});
