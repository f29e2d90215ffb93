/**
 * Simulation from the real panel in real DevTools: for a page using
 * reconnecting-websocket and for a hand-written page, simulate 1012, 1008 and
 * 1013 + an outage with the panel's own controls, then check what the page's
 * handlers observed and the verdict the panel shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { useBrowserAndServer } from './support/session';
import { clickInPanel, openCloselinePanel } from './support/devtools';
import { waitForRecording } from './support/recording';
import { closeEventOf } from '../../src/protocol/recording';

const s = useBrowserAndServer({ devtools: true });

const rwsIife = readFileSync(
  new URL('../../node_modules/reconnecting-websocket/dist/reconnecting-websocket-iife.min.js', import.meta.url),
  'utf8',
);

// Both pages log what their own handlers see: event type, code, reason, wasClean.
const LOG = `window.seen = []; const note = (e) => window.seen.push(e.type === 'close' ? e.type + ':' + e.code + ':' + e.reason + ':' + e.wasClean : e.type);`;

const pages = {
  // Hand-written: 2 s after 1012, at once after 1008 (a blind retry), doubling from 1 s after anything else.
  'hand-written': (ws: string) => `<!doctype html><script>${LOG}
    let failures = 0;
    const connect = () => {
      const s = new WebSocket('${ws}/hand');
      s.addEventListener('open', (e) => { note(e); failures = 0; });
      s.addEventListener('error', note);
      s.addEventListener('close', (e) => {
        note(e);
        const wait = e.code === 1012 ? 2000 : e.code === 1008 ? 0 : 1000 * 2 ** failures++;
        setTimeout(connect, wait);
      });
    };
    connect();
  </script>`,
  // reconnecting-websocket (cap 10 s; it ignores close codes), growing ×2 rather than its default ×1.3 so
  // the outage's verdict does not depend on the first wait, and starting at 2 s rather than its default
  // random draw in 1–5 s: a draw near 5 s plus a timer fired late on a loaded machine would make the 1012's
  // wait "slow" (over 5 s), a verdict this test has no say over.
  'reconnecting-websocket': (ws: string) => `<!doctype html><script>${rwsIife}</script><script>${LOG}
    const rws = new ReconnectingWebSocket('${ws}/rws', [], {
      reconnectionDelayGrowFactor: 2,
      minReconnectionDelay: 2000,
    });
    rws.addEventListener('open', note);
    rws.addEventListener('error', note);
    rws.addEventListener('close', note);
  </script>`,
};

async function simulate(panel: Frame, action: () => Promise<void>) {
  const open = '[data-testid="closure-row"][data-open="true"]';
  await panel.locator(open).first().waitFor({ timeout: 20_000 });
  await clickInPanel(panel, open);
  await panel.locator('[data-testid="simulate-section"]').waitFor();
  await action();
  await expect
    .poll(() => panel.locator('[data-testid="simulate-result"]').getAttribute('data-state'), { timeout: 10_000 })
    .toBe('ok');
}

async function simulateClose(panel: Frame, code: number, reason: string) {
  await simulate(panel, async () => {
    await panel.locator('[data-testid="simulate-code"]').fill(String(code));
    await panel.locator('[data-testid="simulate-reason"]').fill(reason);
    await clickInPanel(panel, '[data-testid="simulate-close"]');
  });
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: string[] }).seen.slice());
const verdictOf = (panel: Frame, code: number) =>
  panel.locator(`[data-testid="closure-row"][data-code="${code}"]`).first().getAttribute('data-verdict');

// Each scenario gets a fresh document with an empty log: a closure within 10 s of the previous one's reconnect
// would continue that episode (docs/verdicts.md, "Episode") instead of starting its own.
// What the page's own handlers see for a refused handshake: the browser's error then 1006 for a
// hand-written page; reconnecting-websocket answers the error with its own close (1000) first.
const refusedShape: Record<keyof typeof pages, string[]> = {
  'hand-written': ['error', 'close:1006::false'],
  'reconnecting-websocket': ['close:1000::true', 'error'],
};

describe.each(Object.entries(pages) as [keyof typeof pages, (typeof pages)[keyof typeof pages]][])(
  'simulation from the panel: %s page',
  (name, html) => {
    // One tab and one DevTools window for the whole describe: a DevTools front end is a whole
    // renderer, slow to start on a loaded machine, so each scenario navigates the same tab instead.
    let tab: { page: Page; panel: Frame };
    beforeAll(async () => {
      await s.b.worker.evaluate(() => chrome.storage.local.set({ settings: { preserveLog: false } }));
      const url = s.server.page(`/sim-${name}-start`, '<!doctype html><p>start</p>');
      const page = await s.b.context.newPage();
      await page.goto(url);
      const { panel } = await openCloselinePanel(s.b.context, url, s.b.extensionId);
      tab = { page, panel };
    });
    afterAll(async () => {
      await tab?.page.close();
    });

    let n = 0;
    async function freshPage(): Promise<{ page: Page; panel: Frame }> {
      const { page, panel } = tab;
      // A new document with the hook clears the panel (preserve log is off here): wait for that, so no
      // row of the previous scenario can be taken for this one's.
      await page.goto(s.server.page(`/sim-${name}-before-${n + 1}`, '<!doctype html><p>next</p>'));
      await panel.locator('[data-testid="closure-row"]').first().waitFor({ state: 'detached', timeout: 15_000 });
      await page.goto(s.server.page(`/sim-${name}-${++n}`, html(s.server.wsOrigin)));
      return { page, panel };
    }

    it('1012: the page sees a clean 1012 and its reconnect after 1–5 s fits', async () => {
      const { page, panel } = await freshPage();
      await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('open'));
      await simulateClose(panel, 1012, 'Service restart');
      await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length >= 3, null, {
        timeout: 15_000,
      });
      expect(await seen(page)).toEqual(['open', 'close:1012:Service restart:true', 'open']);
      await expect.poll(() => verdictOf(panel, 1012), { timeout: 15_000 }).toBe('fits');
      expect(
        await panel.locator('[data-testid="closure-row"][data-code="1012"]').first().getAttribute('data-simulated'),
      ).toBe('true');
    });

    it('1008: a retry with the same request is a problem (blind retry)', async () => {
      const { page, panel } = await freshPage();
      await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('open'));
      await simulateClose(panel, 1008, 'Token expired');
      await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length >= 3, null, {
        timeout: 15_000,
      });
      expect(await seen(page)).toEqual(['open', 'close:1008:Token expired:true', 'open']);
      await expect.poll(() => verdictOf(panel, 1008), { timeout: 15_000 }).toBe('problem');
      await clickInPanel(panel, '[data-testid="closure-row"][data-code="1008"]');
      expect(await panel.locator('[data-testid="detail-verdict"]').getAttribute('data-level')).toBe('problem');
    });

    it('1013 + outage: retries fail like refused handshakes until the outage ends, and the backoff is judged', async () => {
      const { page, panel } = await freshPage();
      await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('open'));
      // The panel's one-click scenario: the outage starts with the close itself, so the page's first
      // retry always meets it, however long the clicks took (two separate actions would race the
      // outage's clock against the machine's load). It lasts 20 s, past these libraries' first waits.
      await simulate(panel, () => clickInPanel(panel, '[data-testid="simulate-1013-outage"]'));
      await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.slice(1).includes('open'), null, {
        timeout: 60_000,
      });
      const events = (await seen(page)).slice(1);
      expect(events[0]).toBe('close:1013::true');
      const failed = events.slice(1, -1);
      expect(failed.length).toBeGreaterThanOrEqual(2);
      expect(failed.length % 2).toBe(0);
      for (let i = 0; i < failed.length; i += 2) expect(failed.slice(i, i + 2)).toEqual(refusedShape[name]);
      expect(events.at(-1)).toBe('open');
      // The recording holds the browser's truth for each refused attempt: error, then 1006, never opened.
      const rec = await waitForRecording(s.b.worker, page.url(), (r) =>
        r.connections.filter((c) => closeEventOf(c)?.code === 1006).length === failed.length / 2 ? r : undefined,
      );
      for (const c of rec.connections.filter((x) => closeEventOf(x)?.code === 1006)) {
        expect(c.events.some((e) => e.type === 'open')).toBe(false);
        expect(c.events.find((e) => e.type === 'error')).toBeDefined();
        expect(closeEventOf(c)).toMatchObject({ wasClean: false });
      }
      // Each refused attempt and the final open are waits after the 1013: with fewer than three the
      // backoff's shape is not judged (info); with three or more these libraries' growing waits fit.
      const waits = failed.length / 2 + 1;
      await expect.poll(() => verdictOf(panel, 1013), { timeout: 15_000 }).toBe(waits >= 3 ? 'fits' : 'info');
    }, 120_000);
  },
);
