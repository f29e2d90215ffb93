/**
 * Angular's stack in Firefox: zone.js (its browser bundle, loaded after the hook as Angular's polyfills load
 * it) and RxJS's webSocket subject, the same page and probe as in Chromium (zone-rxjs.e2e.ts), run in one
 * firefox-esr with the Firefox build and in one without it. The page must log the same in both (event
 * order, each handler once and in its zone, removeEventListener, a subclass, toString of the natives and of
 * a frame's), and the recording must hold every socket, who closed it and RxJS's backoff as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { launchFirefox, openExtensionPage, waitForStoredRecording, type LaunchedFirefox } from './support/firefox';
import { FIREFOX_SETUP_TIMEOUT_MS } from './support/firefox-session';
import { startServer, type TestServer } from './support/servers';
import { launchBoth } from '../conformance/support/both-sides';
import { closeEventOf, openEventOf, type Recording } from '../../src/protocol/recording';
import { analyzeRecording } from '../../src/analysis';

const bundle = (file: string) => readFileSync(new URL(`../../node_modules/${file}`, import.meta.url), 'utf8');
const zoneJs = bundle('zone.js/bundles/zone.umd.js');
const rxjsJs = bundle('rxjs/dist/bundles/rxjs.umd.js');
const probe = readFileSync(new URL('./zone-rxjs-probe.js', import.meta.url), 'utf8');

interface ProbeResult {
  log: unknown[];
  delays: [string, string, number][];
}
type ProbeApi = { zoneRxjsProbe(origin: string): Promise<ProbeResult>; zoneRxjsEnd(): Promise<ProbeResult> };

interface Run {
  server: TestServer;
  page: Page;
  url: string;
  up: ProbeResult;
  ended: ProbeResult;
  /** With the extension: the stored recording once every subject's socket was open, before the end. */
  rec?: Recording;
}

/** The page's run in one Firefox, with its own server answering each path as the Chromium test's does. */
async function run(ff: LaunchedFirefox, ext?: Page): Promise<Run> {
  const server = await startServer();
  const reasons: Record<number, string> = { 1008: 'Token expired', 1012: 'Service restart', 1013: 'Try again later' };
  for (const code of [1008, 1012, 1013])
    void server.connectionTo(`/zone-server-${code}`).then((c) => c.ws.close(code, reasons[code]));
  for (const i of [0, 1, 2]) void server.connectionTo('/rx-busy', i).then((c) => c.ws.close(1013, 'Busy'));
  // Dropped once the page has the socket open (its first message, sent from RxJS's open observer, not
  // echoed): dropped at the handshake, whether the page first saw it open was a race of the network's.
  void server.connectionTo('/rx-drop').then((c) => {
    c.ws.removeAllListeners('message');
    c.ws.once('message', () => c.ws.terminate());
  });
  const url = server.page(
    '/zone-app',
    `<!doctype html><html><head><script>${zoneJs}</script><script>${rxjsJs}</script><script>${probe}</script></head><body></body></html>`,
  );
  const page = await ff.browser.newPage();
  await page.goto(url);
  const up = await page.evaluate((o) => (window as unknown as ProbeApi).zoneRxjsProbe(o), server.wsOrigin);
  // Nine closed, and each subject's last socket open: judged before the end closes them.
  const rec =
    ext &&
    (await waitForStoredRecording(
      ext,
      url,
      (r) =>
        r.connections.length === 11 &&
        r.connections.filter((c) => closeEventOf(c)).length === 9 &&
        r.connections.every((c) => openEventOf(c)) &&
        r,
    ));
  const ended = await page.evaluate(() => (window as unknown as ProbeApi).zoneRxjsEnd());
  return { server, page, url, up, ended, rec };
}

let withExt: LaunchedFirefox;
let without: LaunchedFirefox;
let a: Run;
let b: Run;

beforeAll(async () => {
  [withExt, without] = await launchBoth(launchFirefox(), launchFirefox({ extension: false }));
  const ext = await openExtensionPage(withExt.browser, 'src/devtools/devtools.html');
  a = await run(withExt, ext);
  await ext.close();
  b = await run(without);
}, FIREFOX_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all([withExt?.close(), without?.close()]);
  await Promise.all([a?.server.close(), b?.server.close()]);
});

const path = (url: string) => new URL(url).pathname;

describe('zone.js and RxJS webSocket in Firefox', () => {
  it('the page sees the same with and without the extension', () => {
    // The probe ran as it does in Chromium: the server's 1012 in its handler's zone, RxJS's waits.
    expect(b.up.log).toContainEqual([
      'server 1012 onclose',
      'handler-1012',
      { code: 1012, reason: 'Service restart', wasClean: true, trusted: true },
      3,
    ]);
    expect(b.up.delays).toEqual([
      ['/rx-busy', 'repeat', 1000],
      ['/rx-busy', 'repeat', 2000],
      ['/rx-busy', 'repeat', 4000],
      ['/rx-drop', 'retry', 1000],
    ]);
    expect(a.up).toEqual(b.up);
    expect(a.ended).toEqual(b.ended);
  });

  it('records every socket, who closed it, and judges the RxJS waits', () => {
    const rec = a.rec!;
    const byId = new Map(rec.connections.map((c) => [c.id, c]));
    const later = Math.max(...rec.connections.map((c) => openEventOf(c)!.at)) + 61_000;
    const analysis = analyzeRecording(rec, { now: later });
    // In the order the sockets were made, which puts RxJS's two subjects' sockets in the order their
    // timers ran: compared as sorted lists.
    const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(
      sorted(
        analysis.closures.map((c) => [path(byId.get(c.connectionId)!.url), c.code, c.reason, c.wasClean, c.initiator]),
      ),
    ).toEqual(
      sorted([
        ['/zone-plain', 4000, 'page bye', true, 'page'],
        ['/zone-server-1008', 1008, 'Token expired', true, 'server'],
        ['/zone-server-1012', 1012, 'Service restart', true, 'server'],
        ['/zone-server-1013', 1013, 'Try again later', true, 'server'],
        ['/zone-sub', 1005, '', true, 'page'],
        ['/rx-busy', 1013, 'Busy', true, 'server'],
        ['/rx-busy', 1013, 'Busy', true, 'server'],
        ['/rx-busy', 1013, 'Busy', true, 'server'],
        ['/rx-drop', 1006, '', false, 'network-dropped'],
      ]),
    );
    const plain = rec.connections[0]!;
    const call = plain.events.find((e) => e.type === 'close-call');
    expect(call).toMatchObject({ code: 4000, reason: 'page bye', readyState: 1 });
    expect(plain.protocols).toEqual(['chat', 'other']);
    const busy = analysis.episodes.find((e) => path(byId.get(e.triggerId)!.url) === '/rx-busy')!;
    expect(busy).toMatchObject({ code: 1013, outcome: 'recovered' });
    expect(busy.verdict.level).toBe('fits');
    expect(busy.delaysS).toHaveLength(3);
    busy.delaysS.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual([1, 2, 4][i]! - 0.05);
      expect(d).toBeLessThan([1, 2, 4][i]! + 1.5);
    });
  });
});
