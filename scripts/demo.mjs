#!/usr/bin/env node
// npm run demo [-- --headless] [-- --no-build] [-- --update-docs] [-- --lang ar|hi|en]
// Builds the extension, starts a local server with scripted closures, and opens
// Chromium with Closeline on the demo page. Without a display (or with
// --headless) it runs the scenarios, prints what the extension recorded with its
// verdicts, and saves screenshots of the panel at the three DevTools sizes (light
// and dark), annotated ones for docs/reading-the-panel.md, and the popup.
// --lang picks the report's catalog and Chromium's UI language (so the panel's too).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { build } from 'vite';
import { launchChromium } from './lib/launch.mjs';
import { CHROME_DIST } from './lib/dist.mjs';
import { startDemoServer } from './demo/server.mjs';
import { takeScreenshots } from './demo/screenshots.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const headless = args.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const outDir = resolve(root, process.env.CLOSELINE_DEMO_OUT ?? '.demo-out');
const dist = process.env.CLOSELINE_DIST ? resolve(process.env.CLOSELINE_DIST) : CHROME_DIST;
const lang =
  args.find((a) => a.startsWith('--lang='))?.slice(7) ??
  (args.includes('--lang') ? (args[args.indexOf('--lang') + 1] ?? '') : 'en');
if (!/^[a-z]{2,3}$/.test(lang) || !existsSync(join(root, 'public/_locales', lang, 'messages.json'))) {
  console.error(
    `--lang ${lang}: no catalog public/_locales/${lang}/messages.json (languages: ${readdirSync(join(root, 'public/_locales')).join(', ')})`,
  );
  process.exit(2);
}

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
  build: {
    outDir: join(outDir, 'lib'),
    emptyOutDir: true,
    lib: { entry: join(root, 'scripts/demo/report.ts'), formats: ['es'], fileName: 'report' },
  },
});
const { report } = await import(join(outDir, 'lib/report.js'));
const catalog = JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8'));

const server = await startDemoServer();
const browser = await launchChromium({ dist, headless, devtools: !headless, lang });
console.log(`Demo page: ${server.url}  (${headless ? 'headless' : 'a Chromium window with DevTools'})`);

const page = await browser.context.newPage();
await page.goto(server.url);
if (!headless)
  await showPanel(browser.context, server.url, browser.extensionId).catch((e) =>
    console.log(`(Could not switch DevTools to the Closeline panel: ${e.message})`),
  );
await page.waitForFunction(() => window.demo, null, { timeout: 60_000 });
await page.evaluate(() => window.demo);

const recording = await readRecording(browser.worker, server.url);
console.log('');
for (const line of report(recording, { catalog, intlLocale: lang }, Date.now())) console.log(line);

if (headless) {
  const shots = join(outDir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  const written = await takeScreenshots(browser, recording.tabId, shots);
  console.log(`\nScreenshots in ${shots}:\n  ${written.join('\n  ')}`);
  // docs/screenshots/ shows English; the Arabic and Hindi ones come from test/e2e/languages.e2e.ts.
  if (args.includes('--update-docs') && lang === 'en') {
    mkdirSync(join(root, 'docs/screenshots'), { recursive: true });
    for (const f of written) copyFileSync(join(shots, f), join(root, 'docs/screenshots', f));
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
      if (
        connections.length &&
        connections.every((c) => c.events.some((e) => e.type === 'close') || c.events.some((e) => e.type === 'open'))
      )
        return rec;
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
        .evaluate(
          async ([url, id]) => {
            const SDK = await import('devtools://devtools/bundled/core/sdk/sdk.js');
            const target = SDK.TargetManager.TargetManager.instance().primaryPageTarget();
            if (!target || target.inspectedURL() !== url) return false;
            const UI = await import('devtools://devtools/bundled/ui/legacy/legacy.js');
            const view = UI.InspectorView.InspectorView.instance();
            if (!view.hasPanel(id)) return false;
            await view.showPanel(id);
            return true;
          },
          [pageUrl, panelId],
        )
        .catch(() => false);
      if (shown) return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no DevTools window showed the Closeline panel');
}
