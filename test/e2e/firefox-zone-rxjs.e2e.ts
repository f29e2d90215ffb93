/**
 * Angular's stack in Firefox: zone.js (its browser bundle, loaded after the hook as Angular's polyfills load
 * it) and RxJS's webSocket subject, the same page and probe as in Chromium (zone-rxjs.e2e.ts), run in one
 * firefox-esr with the Firefox build and in one without it. The page must log the same in both (event
 * order, each handler once and in its zone, removeEventListener, a subclass, toString of the natives and of
 * a frame's), and the recording must hold every socket, who closed it and RxJS's backoff as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, openExtensionPage, waitForStoredRecording, type LaunchedFirefox } from './support/firefox';
import { FIREFOX_SETUP_TIMEOUT_MS } from './support/firefox-session';
import { startServer, type TestServer } from './support/servers';
import {
  expectProbeRan,
  expectProbeRecorded,
  probeIsUp,
  serveZoneRxjsPage,
  type ProbeApi,
  type ProbeResult,
} from './support/zone-rxjs';
import { launchBoth } from '../conformance/support/both-sides';
import type { Recording } from '../../src/protocol/recording';

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
  const url = serveZoneRxjsPage(server);
  const page = await ff.browser.newPage();
  await page.goto(url);
  const up = await page.evaluate((o) => (window as unknown as ProbeApi).zoneRxjsProbe(o), server.wsOrigin);
  // Judged before the end closes each subject's last socket.
  const rec = ext && (await waitForStoredRecording(ext, url, probeIsUp));
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

describe('zone.js and RxJS webSocket in Firefox', () => {
  it('the page sees the same with and without the extension', () => {
    expectProbeRan(b.up);
    expect(a.up).toEqual(b.up);
    expect(a.ended).toEqual(b.ended);
  });

  it('records every socket, who closed it, and judges the RxJS waits', () => {
    expectProbeRecorded(a.rec!);
  });
});
