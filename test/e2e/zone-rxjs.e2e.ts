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
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, type Launched } from './support/browser';
import { startServer, type TestServer } from './support/servers';
import { waitForRecording } from './support/recording';
import { openExtensionPage, request } from './support/extension-page';
import { closeEventOf, openEventOf } from '../../src/protocol/recording';
import { analyzeRecording } from '../../src/analysis';

// Each package's own browser bundle, unmodified (their exports maps do not name these files).
const bundle = (file: string) => readFileSync(new URL(`../../node_modules/${file}`, import.meta.url), 'utf8');
const zoneJs = bundle('zone.js/bundles/zone.umd.js');
const rxjsJs = bundle('rxjs/dist/bundles/rxjs.umd.js');
const probe = readFileSync(new URL('./zone-rxjs-probe.js', import.meta.url), 'utf8');

interface ProbeResult {
  log: unknown[];
  /** [path, 'retry' | 'repeat', ms] for each wait RxJS was asked for. */
  delays: [string, string, number][];
}
type ProbeApi = {
  zoneRxjsProbe(origin: string): Promise<ProbeResult>;
  zoneRxjsEnd(): Promise<ProbeResult>;
  zoneRxjsAnswers(path: string): number;
  zoneRxjsOpen(path: string): Promise<ProbeResult>;
};

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
  // The server's side of each scenario, by path (see the probe).
  const reasons: Record<number, string> = { 1008: 'Token expired', 1012: 'Service restart', 1013: 'Try again later' };
  for (const code of [1008, 1012, 1013])
    void server.connectionTo(`/zone-server-${code}`).then((c) => c.ws.close(code, reasons[code]));
  for (const i of [0, 1, 2]) void server.connectionTo('/rx-busy', i).then((c) => c.ws.close(1013, 'Busy'));
  void server.connectionTo('/rx-drop').then((c) => c.ws.terminate());
  const b = await launch({ extension });
  const url = server.page(
    '/zone-app',
    `<!doctype html><html><head><script>${zoneJs}</script><script>${rxjsJs}</script><script>${probe}</script></head><body></body></html>`,
  );
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

const path = (url: string) => new URL(url).pathname;
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
    // Sanity of the probe itself: handlers in their zones, each once, the removed listener never.
    const entries = without.up.log.map((e) => (e as unknown[])[0]);
    expect(entries.filter((e) => e === 'plain onclose')).toHaveLength(1);
    expect(entries.filter((e) => e === 'plain onmessage')).toHaveLength(1);
    expect(entries).not.toContain('plain removed listener ran');
    expect(entries).not.toContain('plain replaced onmessage ran');
    expect(without.up.log).toContainEqual([
      'server 1012 onclose',
      'handler-1012',
      { code: 1012, reason: 'Service restart', wasClean: true, trusted: true },
      3,
    ]);
    expect(without.up.delays).toEqual([
      ['/rx-busy', 'repeat', 1000],
      ['/rx-busy', 'repeat', 2000],
      ['/rx-busy', 'repeat', 4000],
      ['/rx-drop', 'retry', 1000],
    ]);
    expect(run.up).toEqual(without.up);
  });

  it('records every socket, who closed it, and judges the RxJS waits', async () => {
    // Eight closed, and each subject's last socket open.
    const rec = await waitForRecording(
      run.b.worker,
      run.url,
      (r) =>
        r.connections.length === 11 &&
        r.connections.filter((c) => closeEventOf(c)).length === 9 &&
        r.connections.every((c) => openEventOf(c)) &&
        r,
    );
    const byId = new Map(rec.connections.map((c) => [c.id, c]));
    // Judged once every socket had time to hold and every wait window passed.
    const later = Math.max(...rec.connections.map((c) => openEventOf(c)!.at)) + 61_000;
    const a = analyzeRecording(rec, { now: later });
    expect(
      a.closures.map((c) => [path(byId.get(c.connectionId)!.url), c.code, c.reason, c.wasClean, c.initiator]),
    ).toEqual([
      ['/zone-plain', 4000, 'page bye', true, 'page'],
      ['/zone-server-1008', 1008, 'Token expired', true, 'server'],
      ['/zone-server-1012', 1012, 'Service restart', true, 'server'],
      ['/zone-server-1013', 1013, 'Try again later', true, 'server'],
      ['/zone-sub', 1005, '', true, 'page'],
      ['/rx-busy', 1013, 'Busy', true, 'server'],
      ['/rx-busy', 1013, 'Busy', true, 'server'],
      ['/rx-busy', 1013, 'Busy', true, 'server'],
      ['/rx-drop', 1006, '', false, 'network-dropped'],
    ]);
    // The page's close(4000, 'page bye') from its zone-wrapped onmessage, with its stack.
    const plain = rec.connections[0]!;
    const call = plain.events.find((e) => e.type === 'close-call');
    expect(call).toMatchObject({ code: 4000, reason: 'page bye', readyState: 1 });
    expect(call && 'stack' in call && call.stack).toContain('onmessage');
    expect(openEventOf(plain)).toMatchObject({ protocol: 'chat', extensions: '' });
    expect(plain.protocols).toEqual(['chat', 'other']);

    // RxJS's repeat after 1013: 1 s, 2 s, then 4 s, recovered, and that fits the recommendation; its retry after
    // the drop: 1 s, recovered. Each wait is at least what RxJS scheduled, and not much later.
    const episode = (p: string) => a.episodes.find((e) => path(byId.get(e.triggerId)!.url) === p)!;
    const busy = episode('/rx-busy');
    expect(busy).toMatchObject({ code: 1013, outcome: 'recovered' });
    expect(busy.verdict.level).toBe('fits');
    const drop = episode('/rx-drop');
    expect(drop).toMatchObject({ code: 1006, outcome: 'recovered' });
    for (const [ep, scheduled] of [
      [busy, [1, 2, 4]],
      [drop, [1]],
    ] as const) {
      expect(ep.delaysS).toHaveLength(scheduled.length);
      ep.delaysS.forEach((d, i) => {
        expect(d).toBeGreaterThanOrEqual(scheduled[i]! - 0.05);
        expect(d).toBeLessThan(scheduled[i]! + 1.5);
      });
    }
    // The server's 1012 and 1013 with no reconnect in 60 s are problems; the 1008 not retried fits.
    expect(episode('/zone-server-1012').verdict.level).toBe('problem');
    expect(episode('/zone-server-1013').verdict.level).toBe('problem');
    expect(episode('/zone-server-1008').verdict.level).toBe('fits');
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
