/**
 * What led to the close, in the real panel: the last messages before a 1008 on
 * a local origin; no content kept for a site that is not local (a local server
 * under another name, through a host-resolver rule); and simulated stalls, one
 * noticed by a heartbeat app and one not noticed by an app without heartbeats.
 * The per-site capture switch turns content capture on from the page's next load.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { openCloselinePanel } from './support/devtools';
import { waitForRecording } from './support/recording';
import { SETTINGS_STORAGE_KEY } from '../../src/protocol/messages';

const REMOTE = 'closeline-remote.example';
const s = useBrowserAndServer({ devtools: true, args: [`--host-resolver-rules=MAP ${REMOTE} 127.0.0.1`] });

// Opens one socket, says hello with a token, and logs what it receives.
const authPage = (ws: string) => `<!doctype html><script>
  window.seen = [];
  const s = new WebSocket('${ws}');
  s.onopen = () => s.send('hello {"token":"abc"}');
  s.onmessage = (e) => window.seen.push(e.data);
  s.onclose = (e) => window.seen.push('close:' + e.code);
</script>`;

async function openPanelAt(
  path: string,
  html: (wsOrigin: string) => string,
  host?: string,
): Promise<{ page: Page; panel: Frame; url: string }> {
  const local = s.server.page(path, html(host ? s.server.wsOrigin.replace('127.0.0.1', host) : s.server.wsOrigin));
  const url = host ? local.replace('127.0.0.1', host) : local;
  const page = await s.b.context.newPage();
  await page.goto(url);
  const { panel } = await openCloselinePanel(s.b.context, url, s.b.extensionId, 60_000);
  return { page, panel, url };
}

/**
 * Once the page has its hello echoed back, the server sends an error frame, then closes with 1008.
 * `skip` is how many earlier connections to `wsPath` (from earlier loads of the page) to pass over.
 */
async function rejectWithErrorFrame(page: Page, url: string, wsPath: string, skip = 0) {
  const conn = await s.server.connectionTo(wsPath, skip);
  await waitForRecording(
    s.b.worker,
    url,
    (r) => r.connections.filter((c) => c.url.endsWith(wsPath) && c.events.some((e) => e.type === 'open'))[skip],
  );
  await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length >= 1);
  conn.ws.send('{"error":"token expired","retry":false}');
  conn.ws.close(1008, 'policy');
}

async function selectClosure(panel: Frame, code: number) {
  const row = panel.locator(`[data-testid="closure-row"][data-code="${code}"]`);
  await row.first().waitFor({ timeout: 20_000 });
  await row.first().click();
  await panel.locator('[data-testid="detail-pane"]').waitFor();
}

describe('last messages before the close', () => {
  it('shows the error frame the server sent before closing 1008 (local origin: capture on by default)', async () => {
    const { page, panel, url } = await openPanelAt('/auth-local', (ws) => authPage(`${ws}/auth-local-ws`));
    await rejectWithErrorFrame(page, url, '/auth-local-ws');
    await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('close:1008'));
    await selectClosure(panel, 1008);
    const section = panel.locator('[data-testid="last-messages"]');
    // The hello, its echo, then the error frame, oldest first.
    await expect.poll(() => section.locator('[data-testid="last-message"]').count(), { timeout: 10_000 }).toBe(3);
    const items = section.locator('[data-testid="last-message"]');
    expect(await items.nth(0).getAttribute('data-dir')).toBe('out');
    expect(await items.nth(0).locator('pre').innerText()).toBe('hello {"token":"abc"}');
    expect(await items.nth(1).getAttribute('data-dir')).toBe('in');
    expect(await items.nth(2).getAttribute('data-dir')).toBe('in');
    // Pretty-printed JSON, shown left-to-right.
    expect(await items.nth(2).locator('pre').innerText()).toBe('{\n  "error": "token expired",\n  "retry": false\n}');
    expect(await items.nth(2).locator('pre').getAttribute('dir')).toBe('ltr');
    expect(await section.locator('[data-testid="capture-content"]').isChecked()).toBe(true);
    // The panel filter finds the closure by what the server said.
    const filter = panel.locator('[role="search"] input[type="search"]');
    await filter.fill('token expired');
    await expect.poll(() => panel.locator('[data-testid="closure-row"][data-code="1008"]').count()).toBe(1);
    await filter.fill('no such words anywhere');
    await expect.poll(() => panel.locator('[data-testid="closure-row"]').count()).toBe(0);
    await filter.fill('');
    await page.close();
  }, 150_000);

  it('keeps no content for a site that is not local, and says so; once turned on there, the next load keeps it', async () => {
    const { page, panel, url } = await openPanelAt('/auth-remote', (ws) => authPage(`${ws}/auth-remote-ws`), REMOTE);
    expect(url).toContain(REMOTE);
    await rejectWithErrorFrame(page, url, '/auth-remote-ws');
    await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('close:1008'));
    await selectClosure(panel, 1008);
    await panel.locator('[data-testid="last-messages-off"]').waitFor();
    expect(await panel.locator('[data-testid="last-messages"]').innerText()).not.toContain('token expired');
    const toggle = panel.locator('[data-testid="last-messages"] [data-testid="capture-content"]');
    expect(await toggle.isChecked()).toBe(false);
    const stored = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.find((c) => c.url.endsWith('/auth-remote-ws') && c.events.some((e) => e.type === 'close')),
    );
    expect(stored.lastMessages).toBeUndefined();
    expect(stored.counters).toMatchObject({ sentMessages: 1, receivedMessages: 2 });

    // The user turns capture on for this site in the panel; it applies from the page's next load.
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    // The switch flips at once; the page's next load reads what the background has stored.
    const storedSettings = () =>
      s.b.worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], SETTINGS_STORAGE_KEY);
    await expect.poll(storedSettings, { timeout: 10_000 }).toMatchObject({ contentCapture: { [REMOTE]: true } });
    await page.reload();
    await rejectWithErrorFrame(page, url, '/auth-remote-ws', 1);
    await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('close:1008'));
    const next = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.find(
        (c) => c.url.endsWith('/auth-remote-ws') && c.id !== stored.id && c.events.some((e) => e.type === 'close'),
      ),
    );
    await panel.locator(`[data-testid="closure-row"][data-id="${next.id}"]`).click();
    const section = panel.locator('[data-testid="last-messages"]');
    await expect.poll(() => section.locator('[data-testid="last-message"]').count(), { timeout: 10_000 }).toBe(3);
    expect(await section.locator('[data-testid="last-message"]').nth(0).locator('pre').innerText()).toBe(
      'hello {"token":"abc"}',
    );
    expect(await section.locator('[data-testid="last-message"]').nth(2).locator('pre').innerText()).toContain(
      '"error": "token expired"',
    );
    expect(await toggle.isChecked()).toBe(true);
    await page.close();
  }, 150_000);
});

/** A heartbeat app's socket and what its own onmessage received, with the time (the hook's clock). */
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
    expect(await quietResult.locator('[data-testid="stall-result-text"]').innerText()).toMatch(
      /^Not noticed within 8\.\d\d s/,
    );
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
