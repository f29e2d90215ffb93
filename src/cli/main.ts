/**
 * `closeline audit <url>`: the reconnect check in CI. Exit status 0 when nothing
 * is a problem, 1 when something is, 2 on usage, browser or page errors (a page
 * with no socket is one: a check that checked nothing never passes).
 */
import { existsSync, writeFileSync } from 'node:fs';
import catalog from '../../public/_locales/en/messages.json';
import { findChromium, CANDIDATES, INSTALL_HINT } from '../../scripts/chromium-path.mjs';
import { catalogTranslator } from '../i18n/translate';
import type { AuditProgress } from '../audit/types';
import { parseArgs, usage, type CliOptions, type Translate } from './args';
import { RunError, runInBrowser } from './browser-run';
import { extensionDir, isBuilt, packageRoot } from './paths';
import { toJUnit } from './junit';
import { reportJson } from './report-json';
import { withShownEndpoints } from './shown-endpoints';
import { droppedLines, formatTable, progressBar, summaryLine } from './table';
import { unwritable } from './writable';

/**
 * The language of the catalog above: counted text follows its plural rules, and the browser runs in it, so
 * the verdicts the audit page translates are in it too (not in the language of the machine's locale).
 */
const CATALOG_LOCALE = 'en';

export const EXIT = { ok: 0, problems: 1, error: 2 } as const;

interface Io {
  out(line: string): void;
  err(text: string): void;
  errIsTty: boolean;
  /** The signal that asked the process to stop (Playwright closes the browser on it), if one did. */
  stoppedBy?(): NodeJS.Signals | undefined;
}

/** 128 + the signal's number, as a shell reports a process a signal stopped. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGTERM: 143 };

export async function main(argv: readonly string[], io: Io, cliFileUrl: string): Promise<number> {
  const t: Translate = catalogTranslator(catalog);
  const parsed = parseArgs(argv, t);
  if (parsed.kind === 'help') {
    io.out(usage(t));
    return EXIT.ok;
  }
  if (parsed.kind === 'error') {
    io.err(`${t('cli_err_usage', [parsed.message])}\n`);
    return EXIT.error;
  }
  const o = parsed.options;
  const fail = (message: string) => {
    io.err(`closeline: ${message}\n`);
    return EXIT.error;
  };
  const dir = extensionDir(packageRoot(cliFileUrl));
  if (!isBuilt(dir)) return fail(t('cli_err_not_built', [dir]));
  const chromium = o.chromiumPath ?? findChromium();
  if (!chromium || !existsSync(chromium)) {
    const where = o.chromiumPath ?? process.env.CHROMIUM_PATH ?? CANDIDATES.join(', ');
    return fail(t('cli_err_chromium', [where, INSTALL_HINT]));
  }

  for (const path of [o.jsonPath, o.junitPath]) {
    const why = path === undefined ? undefined : unwritable(path);
    if (why !== undefined) return fail(t('cli_err_write', [path as string, why]));
  }

  io.err(`${t('cli_opening', [o.url, chromium])}\n`);
  const progress = progressPrinter(io, t);
  let result;
  try {
    result = await runInBrowser({
      url: o.url,
      extensionDir: dir,
      executablePath: chromium,
      lang: CATALOG_LOCALE,
      t,
      onProgress: progress.update,
      run: {
        scenarios: o.scenarios,
        profileId: o.profileId,
        socketWaitMs: o.socketWaitS * 1000,
        timeScale: o.timeScale,
        ...(o.endpointPrefix !== undefined && { endpointPrefix: o.endpointPrefix }),
      },
    });
  } catch (e) {
    progress.end();
    // The browser closed because the job was stopped: say so, rather than blame Chromium.
    const signal = io.stoppedBy?.();
    if (signal) {
      io.err(`closeline: ${t('cli_stopped', [signal])}\n`);
      return SIGNAL_EXIT[signal] ?? EXIT.error;
    }
    if (e instanceof RunError) return fail(e.message);
    throw e;
  }
  progress.end();
  if (!result.ok) return fail(result.message);

  const { report, rows } = withShownEndpoints(result.report, result.rows);
  for (const line of formatTable(rows, t)) io.out(line);
  const problems = rows.filter((r) => r.level === 'problem').length;
  io.out(summaryLine(problems, rows.length, report.profileId, t, CATALOG_LOCALE));
  // The panel and popup say when the recording lost data; so does the report judged on it.
  for (const line of droppedLines(report.recording.dropped, t, CATALOG_LOCALE)) io.out(line);

  const written = writeReports(o, report, rows, t);
  if (written.error) return fail(written.error);
  for (const f of written.files) io.err(`${t('cli_wrote', [f])}\n`);
  return problems ? EXIT.problems : EXIT.ok;
}

function writeReports(
  o: CliOptions,
  report: Extract<Awaited<ReturnType<typeof runInBrowser>>, { ok: true }>['report'],
  rows: Extract<Awaited<ReturnType<typeof runInBrowser>>, { ok: true }>['rows'],
  t: Translate,
): { files: string[]; error?: string } {
  const files: string[] = [];
  const write = (path: string, text: string) => {
    try {
      writeFileSync(path, text);
      files.push(path);
      return undefined;
    } catch (e) {
      return t('cli_err_write', [path, e instanceof Error ? e.message : String(e)]);
    }
  };
  if (o.jsonPath) {
    const error = write(o.jsonPath, reportJson(o.url, report, rows));
    if (error) return { files, error };
  }
  if (o.junitPath) {
    const error = write(
      o.junitPath,
      toJUnit(
        { url: o.url, profileId: report.profileId, startedAt: report.startedAt, endedAt: report.endedAt, rows },
        t,
      ),
    );
    if (error) return { files, error };
  }
  return { files };
}

/** A bar redrawn in place on a terminal; on a log (CI), a line per scenario and at most one every 5 s. */
function progressPrinter(io: Io, t: Translate) {
  let scenario = '';
  let maxLeft = 1;
  let lastLine = 0;
  let drawn = false;
  return {
    update(p: AuditProgress) {
      if (p.phase === 'done') return;
      if (p.phase === 'waiting-for-sockets') {
        if (!drawn) io.err(`${t('cli_waiting')}\n`);
        drawn = true;
        return;
      }
      const changed = p.scenario !== scenario;
      if (changed) {
        scenario = p.scenario ?? '';
        maxLeft = Math.max(1, p.leftMs);
      }
      maxLeft = Math.max(maxLeft, p.leftMs);
      const fraction = (p.index - 1 + (1 - p.leftMs / maxLeft)) / Math.max(1, p.total);
      const text = t('cli_progress', [
        progressBar(fraction),
        String(p.index),
        String(p.total),
        scenario,
        String(Math.ceil(p.leftMs / 1000)),
      ]);
      if (io.errIsTty) io.err(`\r${text}\u001b[K`);
      else if (changed || Date.now() - lastLine >= 5000) {
        io.err(`${text}\n`);
        lastLine = Date.now();
      }
      drawn = true;
    },
    end() {
      if (io.errIsTty && drawn) io.err('\n');
    },
  };
}
