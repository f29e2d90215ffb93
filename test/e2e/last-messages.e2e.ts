/**
 * What led to the close, in the real panel: the last messages before a 1008 on
 * a local origin; no content kept for a site that is not local (a local server
 * under another name, through a host-resolver rule); and simulated stalls, one
 * noticed by a heartbeat app and one not noticed by an app without heartbeats.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServer } from './support/session';
import { openCloselinePanel } from './support/devtools';
import { waitForRecording } from './support/recording';

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

/** Once the page has its hello echoed back, the server sends an error frame, then closes with 1008. */
async function rejectWithErrorFrame(page: Page, url: string, wsPath: string) {
  const conn = await s.server.connectionTo(wsPath);
  await waitForRecording(s.b.worker, url, (r) =>
    r.connections.find((c) => c.url.endsWith(wsPath) && c.events.some((e) => e.type === 'open')),
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

  it('keeps no content for a site that is not local, and says so', async () => {
    const { page, panel, url } = await openPanelAt('/auth-remote', (ws) => authPage(`${ws}/auth-remote-ws`), REMOTE);
    expect(url).toContain(REMOTE);
    await rejectWithErrorFrame(page, url, '/auth-remote-ws');
    await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('close:1008'));
    await selectClosure(panel, 1008);
    await panel.locator('[data-testid="last-messages-off"]').waitFor();
    expect(await panel.locator('[data-testid="last-messages"]').innerText()).not.toContain('token expired');
    expect(await panel.locator('[data-testid="last-messages"] [data-testid="capture-content"]').isChecked()).toBe(
      false,
    );
    const stored = await waitForRecording(s.b.worker, url, (r) =>
      r.connections.find((c) => c.url.endsWith('/auth-remote-ws') && c.events.some((e) => e.type === 'close')),
    );
    expect(stored.lastMessages).toBeUndefined();
    expect(stored.counters).toMatchObject({ sentMessages: 1, receivedMessages: 2 });
    await page.close();
  }, 150_000);
});

// Two apps in one page. "beat" pings every 3 s and reconnects when a ping goes unanswered (the server echoes);
// "quiet" has no heartbeat and only logs what arrives, with the time.
const stallPage = (ws: string) => `<!doctype html><script>
  window.quiet = [];
  const now = () => performance.timeOrigin + performance.now();
  let answered = true;
  const beat = () => {
    const s = new WebSocket('${ws}/beat');
    s.onmessage = () => { answered = true; };
    const timer = setInterval(() => {
      if (!answered) { clearInterval(timer); s.close(4000, 'heartbeat missed'); beat(); return; }
      answered = false;
      s.send('ping');
    }, 3000);
  };
  beat();
  window.quietSocket = new WebSocket('${ws}/quiet');
  window.quietSocket.onmessage = (e) => window.quiet.push({ data: e.data, at: now() });
</script>`;

describe('simulate stall', () => {
  it('a heartbeat app notices the stall; an app without heartbeats does not, and gets its held messages after', async () => {
    const { page, panel, url } = await openPanelAt('/stall', stallPage);
    const quietServer = await s.server.connectionTo('/quiet');
    const outAt: number[] = [];
    quietServer.ws.on('message', (d) => String(d) === 'out1' && outAt.push(Date.now()));
    const openRows = panel.locator('[data-testid="closure-row"][data-open="true"]');
    await expect.poll(() => openRows.count(), { timeout: 20_000 }).toBe(2);

    const stall = async (endpoint: string) => {
      await panel.locator(`[data-testid="closure-row"][data-open="true"]:has-text("${endpoint}")`).first().click();
      await panel.locator('[data-testid="simulate-stall-seconds"]').fill('8');
      await panel.locator('[data-testid="simulate-stall"]').click();
      await expect
        .poll(() => panel.locator('[data-testid="simulate-result"]').getAttribute('data-state'), { timeout: 10_000 })
        .toBe('ok');
    };
    await stall('/beat');
    await stall('/quiet');
    const started = await waitForRecording(s.b.worker, url, (r) => {
      const q = r.connections.find((c) => c.url.endsWith('/quiet'));
      return q?.events.find((e) => e.type === 'stall');
    });
    // During the stall: the server sends to the quiet app, and the quiet app sends to the server.
    quietServer.ws.send('m1');
    quietServer.ws.send('m2');
    await page.evaluate(() => (window as unknown as { quietSocket: WebSocket }).quietSocket.send('out1'));

    // The quiet app: not noticed within the 8 s stall (too short to judge: info), held messages delivered in order.
    const quietRow = panel.locator('[data-testid="closure-row"][data-open="true"]:has-text("/quiet")').first();
    await quietRow.click();
    const quietResult = panel.locator('[data-testid="stall-result"]');
    await expect.poll(() => quietResult.getAttribute('data-state'), { timeout: 30_000 }).toBe('not-noticed');
    expect(await quietResult.getAttribute('data-level')).toBe('info');
    expect(await quietResult.locator('[data-testid="stall-result-text"]').innerText()).toMatch(
      /^Not noticed within 8\.\d\d s/,
    );
    // m1 and m2 at the stall's end, in order; then out1 went out and its echo came back.
    await page.waitForFunction(() => (window as unknown as { quiet: unknown[] }).quiet.length >= 3);
    const quiet = await page.evaluate(() => (window as unknown as { quiet: { data: string; at: number }[] }).quiet);
    expect(quiet.map((m) => m.data)).toEqual(['m1', 'm2', 'out1']);
    // Withheld until the stall's end, never before (a timer cannot fire early).
    for (const m of quiet) expect(m.at).toBeGreaterThanOrEqual(started.at + 8000 - 1);
    await expect.poll(() => outAt.length, { timeout: 10_000 }).toBe(1);
    expect(outAt[0]).toBeGreaterThanOrEqual(started.at + 8000 - 50);

    // The heartbeat app closed the silent socket (and opened a new one): noticed.
    await panel.locator('[role="search"] input[type="search"]').fill('/beat');
    const beatClosed = panel.locator('[data-testid="closure-row"][data-code="4000"]');
    await beatClosed.first().waitFor({ timeout: 20_000 });
    await beatClosed.first().click();
    const beatResult = panel.locator('[data-testid="stall-result"]');
    await expect.poll(() => beatResult.getAttribute('data-state'), { timeout: 10_000 }).toBe('noticed');
    expect(await beatResult.getAttribute('data-level')).toBe('fits');
    expect(await beatResult.locator('[data-testid="stall-result-text"]').innerText()).toMatch(
      /^Noticed after \d+\.\d\d s: the page (closed|opened)/,
    );
    await page.close();
  }, 150_000);
});
