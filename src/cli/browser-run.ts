/**
 * The browser half of `closeline audit`: headless Chromium with the built
 * extension, the audit page (an extension page, so everything goes through the
 * extension's real messaging and checks), the page under test in a visible tab,
 * then the engine run by the audit page while progress comes back here.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/launch.mjs';
import type { AuditProgress } from '../audit/types';
import type { PageRunOptions, PageRunResult } from '../audit-page/run';
import { AUDIT_PAGE } from './paths';
import type { Translate } from './args';

/** A failure that is the browser's or the page's, not the page's reconnect behaviour: exit status 2. */
export class RunError extends Error {}

export interface BrowserRunOptions {
  url: string;
  extensionDir: string;
  executablePath: string;
  /** The browser's UI language, the one the audit page translates the report card into: the CLI's own. */
  lang: string;
  run: PageRunOptions;
  onProgress(p: AuditProgress): void;
  t: Translate;
}

interface AuditPageApi {
  openTab(url: string): Promise<number | null>;
  run(tabId: number, opts: PageRunOptions): Promise<PageRunResult>;
}

const PAGE_LOAD_MS = 30_000;

export async function runInBrowser(o: BrowserRunOptions): Promise<PageRunResult> {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  try {
    browser = await launchChromium({
      dist: o.extensionDir,
      executablePath: o.executablePath,
      headless: true,
      lang: o.lang,
    });
  } catch (e) {
    throw launchError(e, o);
  }
  try {
    const auditPage = await browser.context.newPage();
    await auditPage.exposeFunction('closelineAuditProgress', (p: AuditProgress) => o.onProgress(p));
    await auditPage.goto(`chrome-extension://${browser.extensionId}/${AUDIT_PAGE}`);
    await auditPage.waitForFunction(
      () => (window as unknown as { closelineAudit?: unknown }).closelineAudit !== undefined,
    );
    const [target, tabId] = await Promise.all([
      // Playwright hands over the tab once its first answer has come: a server that never answers is the page's.
      browser.context.waitForEvent('page', { timeout: PAGE_LOAD_MS }).catch((e: unknown) => {
        throw isTimeout(e) ? new RunError(o.t('cli_err_page', [o.url, timeoutText(o)])) : e;
      }),
      auditPage.evaluate(
        (url) => (window as unknown as { closelineAudit: AuditPageApi }).closelineAudit.openTab(url),
        o.url,
      ),
    ]);
    if (tabId === null) throw new RunError(o.t('cli_err_tab', [o.url]));
    await checkLoaded(target, o);
    return await auditPage.evaluate(
      ([id, opts]) => (window as unknown as { closelineAudit: AuditPageApi }).closelineAudit.run(id, opts),
      [tabId, o.run] as const,
    );
  } catch (e) {
    if (e instanceof RunError) throw e;
    throw new RunError(o.t('cli_err_browser', [e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)]));
  } finally {
    await browser.close();
  }
}

/**
 * A browser that did not start. A program that is not Chromium (a wrong --chromium) starts and exits at once,
 * which Playwright reports only as a closed browser: its exit code, from the launch log, says more.
 */
function launchError(e: unknown, o: BrowserRunOptions): RunError {
  // Playwright colours its launch log: drop the escapes before quoting a line of it.
  // eslint-disable-next-line no-control-regex
  const text = (e instanceof Error ? e.message : String(e)).replace(/\u001b\[[0-9;]*m/g, '');
  const exitCode = /<process did exit: exitCode=(\d+)/.exec(text)?.[1];
  if (exitCode !== undefined) {
    // A real Chromium that cannot start (missing libraries, say) writes why to its error output, which the
    // launch log keeps as "[err]" lines: the last one tells a broken Chromium from a program that is none.
    const said = [...text.matchAll(/\[err\] *(.*\S)/g)].at(-1)?.[1];
    const detail = said ? ` (${o.t('cli_err_launch_said', [said])})` : '';
    return new RunError(o.t('cli_err_launch_exit', [o.executablePath, exitCode, detail]));
  }
  const first = (text.split('\n')[0] ?? '').replace(/^browserType\.\w+: /, '');
  return new RunError(o.t('cli_err_launch', [o.executablePath, first]));
}

/** The page must load: a refused connection, a DNS failure or an HTTP error is a page error, never a pass. */
async function checkLoaded(page: Page, o: BrowserRunOptions): Promise<void> {
  let failure: string | undefined;
  page.on('requestfailed', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) failure ??= r.failure()?.errorText ?? 'failed';
  });
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame() && r.status() >= 400)
      failure ??= o.t('cli_err_page_status', [o.url, String(r.status())]);
  });
  // The document, not every image and script of it: a subresource that never answers (a third-party script on
  // an offline CI runner, say) holds up the load event but not the page's sockets.
  await page.waitForLoadState('domcontentloaded', { timeout: PAGE_LOAD_MS }).catch((e: unknown) => {
    failure ??= isTimeout(e) ? timeoutText(o) : e instanceof Error ? e.message.split('\n')[0] : String(e);
  });
  // A navigation that failed before the tab could be watched (a refused connection, an unknown host, a missing
  // file) left no event, only Chromium's error page, which names the reason.
  if (!failure && page.url().startsWith('chrome-error://')) failure = `net::${await errorPageCode(page)}`;
  if (!failure) {
    // The tab may have had its answer before the listeners above existed: the page's own timing entry has it too.
    const status = await page
      .evaluate(
        () =>
          (
            performance.getEntriesByType('navigation')[0] as
              (PerformanceNavigationTiming & { responseStatus?: number }) | undefined
          )?.responseStatus ?? 0,
      )
      .catch(() => 0);
    if (status >= 400) failure = o.t('cli_err_page_status', [o.url, String(status)]);
  }
  if (failure) throw new RunError(o.t('cli_err_page', [o.url, failure]));
}

/** The code Chromium's error page shows ("ERR_CONNECTION_REFUSED"), or ERR_FAILED when it names none. */
async function errorPageCode(page: Page): Promise<string> {
  const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
  return /\bERR_[A-Z0-9_]+\b/.exec(text)?.[0] ?? 'ERR_FAILED';
}

const isTimeout = (e: unknown) => e instanceof Error && e.name === 'TimeoutError';
const timeoutText = (o: BrowserRunOptions) => o.t('cli_err_page_timeout', [String(PAGE_LOAD_MS / 1000)]);
