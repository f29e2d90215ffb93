/**
 * A Vite dev server's HMR socket, the socket almost every Closeline user has open: a real Vite (the
 * project's own, through its API) and its real client in Chromium, with the Closeline panel in a real
 * DevTools window. The socket is recorded open with its subprotocol, vite-hmr; a hot update is applied;
 * stopping the server drops the socket without a close frame (1006, "connection lost"), which is no
 * problem; started again, the page reloads by itself (Vite polls for the server from a shared worker,
 * which Closeline cannot see) and the new document's socket is recorded beside the old closure, which is
 * then judged at once (its document is gone for good).
 * Finally the same session without the extension: Vite's client and the page see exactly the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, type Launched } from './support/browser';
import { clickInPanel, openCloselinePanel } from './support/devtools';
import { waitForRecording } from './support/recording';
import { t } from './support/english';
import { consoleOf, pageLog, startViteApp, steps, type PageLog, type ViteApp } from './support/vite-app';
import { closeEventOf, openEventOf, type Connection, type Recording } from '../../src/protocol/recording';
import { analyzeRecording } from '../../src/analysis';
import { handshakeFromHar, type HandshakeEntry } from '../../src/panel/network/handshakes';
import { unrecordedHandshakes } from '../../src/panel/network/unrecorded';

let b: Launched;
let app: ViteApp;
let page: Page;
let panel: Frame;
let consoleLines: string[];
/** What the page saw in the run with Closeline, to compare with the run without. */
const withCloseline: { log?: PageLog; console?: string[]; disconnect?: unknown[] } = {};

beforeAll(async () => {
  app = await startViteApp();
  b = await launch({ devtools: true });
  page = await b.context.newPage();
  // The panel first: DevTools' network log keeps only what happens while it is open. A page of its own
  // to find it by: the browser's first tab is about:blank too.
  const waiting = 'data:text/html,<title>waiting for the dev server</title>';
  await page.goto(waiting);
  ({ panel } = await openCloselinePanel(b.context, waiting, b.extensionId));
  consoleLines = consoleOf(page);
  await steps.open(page, app);
}, 60_000);

afterAll(async () => {
  await b?.close();
  await app?.dispose();
});

/** Text as the user reads it: the bidi isolates around page strings left out. */
const plain = (s: string | null) => (s ?? '').replace(/[\u2066-\u2069]/g, '');
const hmrUrl = (c: Connection) => c.url.startsWith(`ws://127.0.0.1:${app.port}/?token=`);
const recording = (check: (r: Recording) => boolean) => waitForRecording(b.worker, app.url, (r) => check(r) && r);
const openRow = () => panel.locator('[data-testid="closure-row"][data-open="true"]');
const closedRow = () => panel.locator('[data-testid="closure-row"][data-code="1006"]');

interface HarEntry {
  request: { headers: { name: string; value: string }[] };
}
/** DevTools' network log of the inspected page, as the panel reads it. */
const harEntries = () =>
  panel.evaluate(() => new Promise<unknown[]>((resolve) => chrome.devtools.network.getHAR((h) => resolve(h.entries))));
/** The subprotocols the log's requests asked for: WebSocket handshakes' only. */
const requestedProtocols = (har: unknown[]) =>
  har.flatMap((e) =>
    (e as HarEntry).request.headers.filter((h) => /^sec-websocket-protocol$/i.test(h.name)).map((h) => h.value),
  );
/** What the panel's notice would name: handshakes in the log to URLs the recording has no socket to. */
const unrecorded = (har: unknown[], rec: Recording) =>
  unrecordedHandshakes({
    connections: rec.connections,
    entries: har.map(handshakeFromHar).filter((h): h is HandshakeEntry => h !== null),
    since: 0,
    now: Date.now() + 60_000,
  });

describe('a Vite dev server, with Closeline in DevTools', () => {
  it("records the HMR socket, open, with Vite's subprotocol as the panel shows it", async () => {
    const rec = await recording((r) => r.connections.some((c) => hmrUrl(c) && openEventOf(c)));
    const hmr = rec.connections.filter(hmrUrl);
    expect(hmr).toHaveLength(1);
    expect(hmr[0]!.protocols).toEqual(['vite-hmr']);
    expect(openEventOf(hmr[0]!)?.protocol).toBe('vite-hmr');

    await openRow().waitFor();
    expect(await openRow().count()).toBe(1);
    await clickInPanel(panel, '[data-testid="closure-row"][data-open="true"]');
    const protocols = t('panel_detail_protocols', ['vite-hmr', 'vite-hmr']);
    await expect.poll(async () => plain(await panel.locator('.detail').textContent())).toContain(protocols);
  });

  it('lets the page apply a hot update', async () => {
    await steps.hotUpdate(page, app);
    expect(await pageLog(page)).toEqual([['module'], ['hot']]);
  });

  it('shows the stopped server as a 1006 the network lost: pending, then info, never a problem', async () => {
    withCloseline.disconnect = await steps.stopServer(page, app);
    // Vite's server.close() terminates its sockets without a close frame: the browser gives 1006.
    expect(withCloseline.disconnect).toEqual([
      'disconnect',
      true,
      '/',
      'vite-hmr',
      '',
      3,
      true,
      'close',
      1006,
      false,
      '',
    ]);

    await closedRow().waitFor();
    const row = closedRow();
    expect(plain(await row.locator('.cell-initiator').textContent())).toBe(
      t('panel_initiator_network_dropped') + t('panel_inferred_mark'),
    );
    // Nothing is expected after a 1006, and no reconnect can come from this document yet: pending.
    expect(await row.getAttribute('data-verdict')).toBe('pending');
    const rec = await recording((r) => r.connections.some((c) => hmrUrl(c) && closeEventOf(c)));
    const closed = rec.connections.find((c) => hmrUrl(c) && closeEventOf(c))!;
    expect(closeEventOf(closed)).toMatchObject({ code: 1006, wasClean: false, reason: '' });
    // Once the link window has passed without a reconnect in this document, it is info.
    const later = analyzeRecording(rec, { now: closeEventOf(closed)!.at + 61_000 });
    expect(later.verdictByClosure[closed.id]).toMatchObject({ level: 'info', finding: 'no-reconnect' });
    expect(later.summary.problemCount).toBe(0);
    await clickInPanel(panel, '[data-testid="closure-row"][data-code="1006"]');
    const verdict = panel.getByTestId('detail-verdict');
    await expect.poll(() => verdict.getAttribute('data-level')).toBe('pending');
    expect(await panel.getByTestId('detail-verdict-text').textContent()).toContain('Waiting for a reconnect: none yet');
  });

  it("polls for the server with sockets neither Closeline nor the page's DevTools sees; the footer says so", async () => {
    // Two of the shared worker's pings, a second apart: the first had time to reach DevTools' log.
    expect(await app.failedHandshakes(2)).toEqual(['vite-ping', 'vite-ping']);
    const har = await harEntries();
    expect(requestedProtocols(har)).toEqual(['vite-hmr']);
    const rec = await recording(() => true);
    expect(rec.connections.filter(hmrUrl)).toHaveLength(1);
    expect(unrecorded(har, rec)).toEqual([]);
    expect(await panel.locator('.footer-note').textContent()).toBe(t('panel_worker_gap'));
  });

  it("records the new document's socket when the page reloads for the restarted server, and keeps the closure", async () => {
    await steps.restartServer(page, app);
    const rec = await recording((r) => r.connections.filter((c) => hmrUrl(c) && openEventOf(c)).length === 2);
    const [first, second] = rec.connections.filter(hmrUrl);
    expect(second!.documentId).not.toBe(first!.documentId);
    expect(openEventOf(second!)?.protocol).toBe('vite-hmr');
    expect(closeEventOf(second!)).toBeUndefined();

    // Preserve log is on by default: the closure stays, and the new socket is open beside it.
    await expect.poll(() => openRow().count()).toBe(1);
    expect(await closedRow().count()).toBe(1);
    // The reload unloaded the old document for good (its pagehide not persisted), so no reconnect can come
    // from it: its 1006 is judged at once, info (the app's choice), not pending for the rest of the 60 s.
    await recording((r) =>
      r.marks.some(
        (m) =>
          m.type === 'lifecycle' &&
          m.documentId === first!.documentId &&
          m.state === 'pagehide' &&
          m.persisted === false,
      ),
    );
    await expect.poll(() => closedRow().getAttribute('data-verdict'), { timeout: 15_000 }).toBe('info');
    expect(Date.now() - closeEventOf(first!)!.at).toBeLessThan(60_000);
    expect(await panel.locator('[data-testid="closure-row"]').count()).toBe(2);
    // DevTools' log of the new document has its HMR handshake, a URL the recording has: none unrecorded.
    await expect.poll(async () => requestedProtocols(await harEntries())).toEqual(['vite-hmr']);
    expect(unrecorded(await harEntries(), rec)).toEqual([]);

    withCloseline.log = await pageLog(page);
    withCloseline.console = [...consoleLines];
    // The reload discarded the old document (its pagehide not persisted): it cannot come back to reconnect.
    expect(withCloseline.log).toEqual([['module'], ['hot'], withCloseline.disconnect, ['pagehide', false], ['module']]);
    expect(withCloseline.console).toContain('log: [vite] server connection lost. Polling for restart...');
  });
});

describe('the same session without Closeline', () => {
  it("looks the same to Vite's client and to the page", async () => {
    const plainApp = await startViteApp();
    const plainBrowser = await launch({ extension: false });
    try {
      const p = await plainBrowser.context.newPage();
      const lines = consoleOf(p);
      await steps.open(p, plainApp);
      await steps.hotUpdate(p, plainApp);
      const disconnect = await steps.stopServer(p, plainApp);
      await steps.restartServer(p, plainApp);
      expect(disconnect).toEqual(withCloseline.disconnect);
      expect(await pageLog(p)).toEqual(withCloseline.log);
      expect(lines).toEqual(withCloseline.console);
    } finally {
      await plainBrowser.close();
      await plainApp.dispose();
    }
  });
});
