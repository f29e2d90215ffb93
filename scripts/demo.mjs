#!/usr/bin/env node
// npm run demo [-- --headless] [-- --no-build] [-- --update-docs]
// Builds the extension, starts a local server with scripted closures, and opens
// Chromium with Closeline on the demo page. Without a display (or with
// --headless) it runs the scenarios, prints what the extension recorded with its
// verdicts, and saves screenshots of the panel (light and dark) and the popup.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { build } from 'vite';
import { launchChromium } from './lib/launch.mjs';
import { CHROME_DIST } from './lib/dist.mjs';
import { startDemoServer } from './demo/server.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const headless = args.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const outDir = resolve(root, process.env.CLOSELINE_DEMO_OUT ?? '.demo-out');
const dist = CHROME_DIST;

if (!args.includes('--no-build')) {
  console.log('Building the extension…');
  const buildArgs = [join(root, 'scripts/build.mjs'), 'chrome', '--logLevel', 'warn'];
  execFileSync(process.execPath, buildArgs, { cwd: root, stdio: 'inherit' });
}
execFileSync(process.execPath, [join(root, 'scripts/check-chromium.mjs')], { stdio: 'inherit' });

// The report uses the same analysis code as the panel, bundled for Node.
await build({
  configFile: false,
  logLevel: 'warn',
  root,
  build: { outDir: join(outDir, 'lib'), emptyOutDir: true, lib: { entry: join(root, 'scripts/demo/report.ts'), formats: ['es'], fileName: 'report' } },
});
const { report } = await import(join(outDir, 'lib/report.js'));
const catalog = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8'));

const server = await startDemoServer();
const browser = await launchChromium({ dist, headless, devtools: !headless });
console.log(`Demo page: ${server.url}  (${headless ? 'headless' : 'a Chromium window with DevTools'})`);

const page = await browser.context.newPage();
await page.goto(server.url);
if (!headless) await showPanel(browser.context, server.url, browser.extensionId).catch((e) => console.log(`(Could not switch DevTools to the Closeline panel: ${e.message})`));
await page.waitForFunction(() => window.demo, null, { timeout: 60_000 });
await page.evaluate(() => window.demo);

const recording = await readRecording(browser.worker, server.url);
console.log(`\nWhat Closeline recorded (${recording.connections.length} connections):\n`);
for (const line of report(recording, catalog, Date.now())) console.log(line);

if (headless) {
  const shots = join(outDir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  const base = `chrome-extension://${browser.extensionId}/src`;
  const view = await browser.context.newPage();
  await view.setViewportSize({ width: 1280, height: 760 });
  for (const scheme of ['light', 'dark']) {
    await view.emulateMedia({ colorScheme: scheme });
    await view.goto(`${base}/panel/panel.html?tab=${recording.tabId}`);
    // Show the detail of the problem the demo provokes: the 1008 retried at once.
    const problem = view.locator('[data-testid="closure-row"][data-verdict="problem"]').first();
    await problem.waitFor({ timeout: 15_000 });
    await problem.click();
    await view.locator('[data-testid="detail-pane"]').waitFor();
    await view.screenshot({ path: join(shots, `panel-${scheme}.png`) });
  }
  await view.setViewportSize({ width: 380, height: 560 });
  await view.emulateMedia({ colorScheme: 'light' });
  await view.goto(`${base}/popup/popup.html?tab=${recording.tabId}`);
  await view.waitForLoadState('load');
  await view.screenshot({ path: join(shots, 'popup.png'), fullPage: true });
  console.log(`\nScreenshots: ${shots}/panel-light.png, panel-dark.png, popup.png`);
  if (args.includes('--update-docs')) {
    for (const f of ['panel-light.png', 'panel-dark.png', 'popup.png']) copyFileSync(join(shots, f), join(root, 'docs/screenshots', f));
    console.log('Copied them to docs/screenshots/.');
  }
  await browser.close();
  await server.close();
} else {
  console.log('\nThe browser stays open; press Ctrl+C to quit.');
  process.on('SIGINT', async () => {
    await browser.close();
    await server.close();
    process.exit(0);
  });
}

async function readRecording(worker, pageUrl) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const all = await worker.evaluate(() => chrome.storage.session.get(null));
    const metas = Object.entries(all).filter(([k]) => /^t\d+:meta$/.test(k));
    for (const [key, meta] of metas) {
      if (!meta.recording.marks.some((m) => m.type === 'navigation' && m.url === pageUrl)) continue;
      const tab = key.slice(0, key.indexOf(':'));
      const connections = Object.entries(all)
        .filter(([k]) => k.startsWith(`${tab}:c`))
        .flatMap(([, v]) => v.c)
        .sort((a, b) => a.createdAt - b.createdAt);
      const rec = { ...meta.recording, connections };
      if (connections.length && connections.every((c) => c.events.some((e) => e.type === 'close') || c.events.some((e) => e.type === 'open'))) return rec;
    }
    if (Date.now() > deadline) throw new Error('the extension recorded nothing for the demo page');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function showPanel(context, pageUrl, extensionId) {
  // DevTools names an extension panel by the extension's origin and the panel title without spaces.
  const panelId = `chrome-extension://${extensionId}Closeline`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const p of context.pages()) {
      if (!p.url().startsWith('devtools://')) continue;
      const shown = await p
        .evaluate(async ([url, id]) => {
          const SDK = await import('devtools://devtools/bundled/core/sdk/sdk.js');
          const target = SDK.TargetManager.TargetManager.instance().primaryPageTarget();
          if (!target || target.inspectedURL() !== url) return false;
          const UI = await import('devtools://devtools/bundled/ui/legacy/legacy.js');
          const view = UI.InspectorView.InspectorView.instance();
          if (!view.hasPanel(id)) return false;
          await view.showPanel(id);
          return true;
        }, [pageUrl, panelId])
        .catch(() => false);
      if (shown) return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no DevTools window showed the Closeline panel');
}
