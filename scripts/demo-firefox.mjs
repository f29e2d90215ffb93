#!/usr/bin/env node
// npm run demo:firefox [-- --no-build] [-- --update-docs]
// The demo's scenarios in headless firefox-esr with the Firefox build: prints
// how many closures Closeline recorded and saves a screenshot of the panel page
// (opened as an extension page: a script cannot open Firefox's DevTools) to
// .demo-out/screenshots/panel-firefox.png (and docs/screenshots/ with --update-docs).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchFirefox, openExtensionPage } from './lib/launch-firefox.mjs';
import { startDemoServer } from './demo/server.mjs';
import { ROOT } from './lib/dist.mjs';

const args = process.argv.slice(2);
const outDir = resolve(ROOT, process.env.CLOSELINE_DEMO_OUT ?? '.demo-out');
if (!args.includes('--no-build')) {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), 'firefox', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
execFileSync(process.execPath, [join(ROOT, 'scripts/check-firefox.mjs')], { stdio: 'inherit' });

const server = await startDemoServer();
const ff = await launchFirefox();
try {
  const page = await ff.browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.demo, { timeout: 60_000 });
  await page.evaluate(() => window.demo);

  const view = await openExtensionPage(ff.browser, 'src/popup/popup.html?tab=0');
  const tabId = await view.evaluate(async (url) => {
    const all = await globalThis.browser.storage.session.get(null);
    const meta = Object.entries(all).find(
      ([k, v]) => /^t\d+:meta$/.test(k) && v.recording.marks.some((m) => m.type === 'navigation' && m.url === url),
    );
    return meta ? meta[1].recording.tabId : null;
  }, server.url);
  if (tabId === null) throw new Error('Closeline recorded nothing for the demo page in Firefox');
  await view.close();

  const panel = await openExtensionPage(
    ff.browser,
    `src/panel/panel.html?tab=${tabId}`,
    'document.querySelector(\'[data-testid="closure-row"][data-verdict="problem"]\')',
  );
  await panel.setViewport({ width: 1280, height: 760 });
  const closures = await panel.$$eval('[data-testid="closure-row"][data-code]', (els) => els.length);
  console.log(`Closeline in Firefox recorded ${closures} closures on the demo page.`);
  // The same view as the Chromium screenshots: the detail of the 1008 retried at once.
  await panel.click('[data-testid="closure-row"][data-verdict="problem"]');
  await panel.waitForSelector('[data-testid="detail-pane"]');
  const shots = join(outDir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  await panel.screenshot({ path: join(shots, 'panel-firefox.png') });
  console.log(`Screenshot: ${join(shots, 'panel-firefox.png')}`);
  if (args.includes('--update-docs')) {
    copyFileSync(join(shots, 'panel-firefox.png'), join(ROOT, 'docs/screenshots/panel-firefox.png'));
    console.log('Copied it to docs/screenshots/.');
  }
} finally {
  await ff.close();
  await server.close();
}
