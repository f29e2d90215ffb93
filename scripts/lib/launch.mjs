// Launches Debian's Chromium with the built extension loaded, in a fresh profile.
// Shared by the e2e tests (through test/e2e/support/browser.ts), the demo and the benchmarks.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync, readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, INSTALL_HINT } from '../chromium-path.mjs';
import { CHROME_DIST } from './dist.mjs';

export const CHROMIUM_ARGS = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
];

/**
 * The profiles of browsers not yet closed. Each goes whatever happens: when its launch fails, on close(),
 * and when the process exits without close() (on Ctrl-C Playwright closes the browser, then exits with 130).
 */
const profiles = new Set();
process.on('exit', () => {
  for (const dir of profiles) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A browser still writing to it (killed only now, by Playwright's own exit handler): nothing more to do.
    }
  }
});

/**
 * The browser's process id, from the `SingletonLock` link Chromium keeps in its profile while it runs
 * (`<host>-<pid>`); undefined when there is none to read.
 */
function browserPid(dir) {
  try {
    const pid = Number(/-(\d+)$/.exec(readlinkSync(join(dir, 'SingletonLock')))?.[1]);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

const running = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Removes a profile once its browser has exited. A browser closed by a signal handler (Playwright's, on
 * Ctrl-C or SIGTERM) is still exiting when close() returns, writing what it saves at shutdown: a folder
 * removed then failed (ENOTEMPTY) or was made again and left behind. Waits at most `waitMs`; what still
 * cannot be removed is left to the exit handler.
 */
async function removeProfile(dir, pid, waitMs = 10_000) {
  for (let waited = 0; pid !== undefined && waited < waitMs && running(pid); waited += 50) await sleep(50);
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    profiles.delete(dir);
  } catch {
    // Still in `profiles`: removed again as the process exits.
  }
}

/**
 * `dist` defaults to the Chromium build (dist/chrome/).
 * `backForwardCache` keeps the browser's back/forward cache on (Playwright turns it off by default).
 * `scrollbars` shows scrollbars that take room, as DevTools has them on Linux and Windows (Playwright hides them).
 * @param {{ dist?: string, extension?: boolean, devtools?: boolean, headless?: boolean, args?: string[], executablePath?: string, lang?: string, backForwardCache?: boolean, scrollbars?: boolean }} opts
 */
export async function launchChromium(opts = {}) {
  const executablePath = opts.executablePath ?? findChromium();
  if (!executablePath) throw new Error(`No Chromium found. Install it: ${INSTALL_HINT}`);
  const withExtension = opts.extension !== false;
  const dist = opts.dist ?? CHROME_DIST;
  if (withExtension && !existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`${dist} has no manifest.json: run \`npm run build\` first`);
  }
  // Without this variable, Playwright lists no DevTools windows among the pages.
  if (opts.devtools) process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';
  const dir = mkdtempSync(join(tmpdir(), 'closeline-'));
  const args = [...CHROMIUM_ARGS, ...(opts.args ?? [])];
  if (withExtension) args.push(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`);
  if (opts.devtools) args.push('--auto-open-devtools-for-tabs');
  // The browser's UI language: --lang alone is ignored on Linux, where Chromium reads LANGUAGE.
  const env = opts.lang ? { ...process.env, LANGUAGE: opts.lang } : undefined;
  if (opts.lang) args.push(`--lang=${opts.lang}`);
  profiles.add(dir);
  let context;
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath,
      headless: opts.headless !== false,
      args,
      viewport: null,
      ...(env && { env }),
      // Playwright hides scrollbars and disables the back/forward cache by default; a test that needs
      // either as a user's browser has it asks for it.
      ignoreDefaultArgs: [
        ...(opts.backForwardCache ? ['--disable-back-forward-cache'] : []),
        ...(opts.scrollbars ? ['--hide-scrollbars'] : []),
      ],
    });
  } catch (e) {
    await removeProfile(dir, browserPid(dir));
    throw e;
  }
  const pid = browserPid(dir);
  const close = async () => {
    await context.close().catch(() => undefined);
    await removeProfile(dir, pid);
  };
  if (!withExtension) return { context, extensionId: '', worker: undefined, close };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    return { context, extensionId, worker, close };
  } catch (e) {
    await close();
    throw e;
  }
}
