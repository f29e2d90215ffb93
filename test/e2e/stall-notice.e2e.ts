/**
 * Simulated stalls in the real panel: an app with a 10 s heartbeat notices a
 * silent connection within 10-20 s, and a frame held during the stall never
 * reaches it (the stall ended in its close); an app without heartbeats does not
 * notice, and gets the held messages, in order, at the stall's end.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { openPageWithPanel } from './support/panel-page';
import { waitForRecording } from './support/recording';

const s = useBrowserAndServer({ devtools: true });
const openPanelAt = (path: string, html: (wsOrigin: string) => string) => openPageWithPanel(s, path, html);

/** A message the app's own onmessage received, and when (the page's clock, the one the hook stamps events with). */
interface Seen {
  data: string;
  at: number;
}
const seenOf = (page: Page) => page.evaluate(() => (window as unknown as { seen: Seen[] }).seen);

// A heartbeat app, as heartbeat libraries work: every 10 s it checks that its last ping was answered
// (the server echoes each ping: that is its pong); if not, it closes the socket and reconnects, else
// it pings again. Everything its onmessage receives is logged with the time.
const beatPage = (ws: string) => `<!doctype html><script>
  window.seen = [];
  const now = () => performance.timeOrigin + performance.now();
  const connect = () => {
    const s = new WebSocket('${ws}/beat');
    let answered = true;
    s.onmessage = (e) => {
      window.seen.push({ data: e.data, at: now() });
      if (e.data === 'ping') answered = true;
    };
    const timer = setInterval(() => {
      if (!answered) { clearInterval(timer); s.close(4000, 'heartbeat missed'); connect(); return; }
      answered = false;
      s.send('ping');
    }, 10000);
  };
  connect();
</script>`;

// An app without heartbeats: it only logs what arrives, with the time.
const quietPage = (ws: string) => `<!doctype html><script>
  window.quiet = [];
  const now = () => performance.timeOrigin + performance.now();
  window.quietSocket = new WebSocket('${ws}/quiet');
  window.quietSocket.onmessage = (e) => window.quiet.push({ data: e.data, at: now() });
</script>`;

/** Starts a stall of `seconds` on the open socket to `endpoint` from the panel, as a user does. */
async function startStall(panel: Frame, endpoint: string, seconds: number) {
  await panel.locator(`[data-testid="closure-row"][data-open="true"]:has-text("${endpoint}")`).first().click();
  await panel.locator('[data-testid="simulate-stall-seconds"]').fill(String(seconds));
  await panel.locator('[data-testid="simulate-stall"]').click();
  await expect
    .poll(() => panel.locator('[data-testid="simulate-result"]').getAttribute('data-state'), { timeout: 10_000 })
    .toBe('ok');
}

describe('simulate stall', () => {
  it('an app with a 10 s heartbeat notices a 30 s stall within 10–20 s; the frame held meanwhile never reaches it', async () => {
    const { page, panel, url } = await openPanelAt('/stall-beat', beatPage);
    const beatServer = await s.server.connectionTo('/beat');
    const openRow = panel.locator('[data-testid="closure-row"][data-open="true"]:has-text("/beat")');
    await expect.poll(() => openRow.count(), { timeout: 20_000 }).toBe(1);
    // Start the stall mid-way between two pings (3–5 s after a pong), so the expected reaction (about
    // 15 s) sits well inside the range and neither timer jitter nor a pong in flight decides the result.
    await page.waitForFunction(
      () => {
        const last = (window as unknown as { seen: Seen[] }).seen.at(-1);
        const since = last ? performance.timeOrigin + performance.now() - last.at : 0;
        return since >= 3000 && since <= 5000;
      },
      undefined,
      { polling: 100, timeout: 40_000 },
    );
    await startStall(panel, '/beat', 30);
    const started = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.find((c) => c.url.endsWith('/beat'))?.events.find((e) => e.type === 'stall'),
    );
    // The server sends while the connection is silent: the hook holds the frame from the page.
    beatServer.ws.send('news');

    // The app's next ping goes unanswered (it never left the browser), so at the following check it
    // closes the socket and reconnects: the panel says when.
    await panel.locator('[role="search"] input[type="search"]').fill('/beat');
    const beatClosed = panel.locator('[data-testid="closure-row"][data-code="4000"]');
    await beatClosed.first().waitFor({ timeout: 40_000 });
    await beatClosed.first().click();
    const result = panel.locator('[data-testid="stall-result"]');
    await expect.poll(() => result.getAttribute('data-state'), { timeout: 10_000 }).toBe('noticed');
    expect(await result.getAttribute('data-level')).toBe('fits');
    const text = await result.locator('[data-testid="stall-result-text"]').innerText();
    const noticed = /^Noticed after (\d+\.\d\d) s: the page closed/.exec(text);
    expect(noticed, text).not.toBeNull();
    expect(Number(noticed?.[1])).toBeGreaterThanOrEqual(10);
    expect(Number(noticed?.[1])).toBeLessThanOrEqual(20);

    // The frame reached the browser (the hook counted it and the panel lists it among the last
    // messages), but the stall ended in the close, so it was dropped: one held each way.
    const items = panel.locator('[data-testid="last-messages"] [data-testid="last-message"][data-dir="in"]');
    await expect.poll(() => items.last().locator('pre').innerText(), { timeout: 10_000 }).toBe('news');
    const closed = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.find((c) => c.url.endsWith('/beat') && c.events.some((e) => e.type === 'stall-end')),
    );
    expect(closed.events.find((e) => e.type === 'stall-end')).toMatchObject({
      outcome: 'dropped',
      heldIn: 1,
      heldOut: 1,
    });
    // Past the stall's planned end, the reconnected socket has pongs again, and the page's own
    // onmessage never got the held frame: only pongs, on either socket.
    const plannedEnd = started.at + 30_000;
    await page.waitForFunction(
      (end) => (window as unknown as { seen: Seen[] }).seen.some((m) => m.at > end),
      plannedEnd,
      {
        polling: 100,
        timeout: 40_000,
      },
    );
    const seen = await seenOf(page);
    expect(seen.map((m) => m.data)).not.toContain('news');
    expect(new Set(seen.map((m) => m.data))).toEqual(new Set(['ping']));
    await page.close();
  }, 180_000);

  it('an app without heartbeats does not notice, and gets its held messages after', async () => {
    const { page, panel, url } = await openPanelAt('/stall-quiet', quietPage);
    const quietServer = await s.server.connectionTo('/quiet');
    const outAt: number[] = [];
    quietServer.ws.on('message', (d) => String(d) === 'out1' && outAt.push(Date.now()));
    const openRows = panel.locator('[data-testid="closure-row"][data-open="true"]:has-text("/quiet")');
    await expect.poll(() => openRows.count(), { timeout: 20_000 }).toBe(1);
    await startStall(panel, '/quiet', 8);
    const started = await waitForRecording(s.b.worker, url, (r) => {
      const q = r.connections.find((c) => c.url.endsWith('/quiet'));
      return q?.events.find((e) => e.type === 'stall');
    });
    // During the stall: the server sends to the quiet app, and the quiet app sends to the server.
    quietServer.ws.send('m1');
    quietServer.ws.send('m2');
    await page.evaluate(() => (window as unknown as { quietSocket: WebSocket }).quietSocket.send('out1'));

    // Not noticed within the 8 s stall (too short to judge: info), held messages delivered in order.
    const quietResult = panel.locator('[data-testid="stall-result"]');
    await expect.poll(() => quietResult.getAttribute('data-state'), { timeout: 30_000 }).toBe('not-noticed');
    expect(await quietResult.getAttribute('data-level')).toBe('info');
    // The stall's length as measured: 8 s asked, more when the hook's timer for its end fired late.
    const within = /^Not noticed within (\d+\.\d\d) s/.exec(
      await quietResult.locator('[data-testid="stall-result-text"]').innerText(),
    );
    expect(Number(within?.[1])).toBeGreaterThanOrEqual(8);
    // m1 and m2 at the stall's end, in order; then out1 went out and its echo came back.
    await page.waitForFunction(() => (window as unknown as { quiet: unknown[] }).quiet.length >= 3);
    const quiet = await page.evaluate(() => (window as unknown as { quiet: Seen[] }).quiet);
    expect(quiet.map((m) => m.data)).toEqual(['m1', 'm2', 'out1']);
    // Withheld until the stall's end, never before (a timer cannot fire early).
    for (const m of quiet) expect(m.at).toBeGreaterThanOrEqual(started.at + 8000 - 1);
    await expect.poll(() => outAt.length, { timeout: 10_000 }).toBe(1);
    expect(outAt[0]).toBeGreaterThanOrEqual(started.at + 8000 - 50);
    await page.close();
  }, 150_000);
});
