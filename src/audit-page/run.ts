/**
 * What the audit page does for the command line: find the tab of the page under
 * test, run the engine on it through the extension's real messaging (the same
 * requests the panel sends), and hand back the report with its text already
 * translated. Progress goes to a callback the command line exposes.
 */
import { runAudit, parseScenarios, AuditError, type AuditProgress, type AuditReport } from '../audit';
import { renderRow, type RenderedRow } from '../audit/render';
import { sourceDriver } from '../ui/data/audit-driver';
import type { RecordingSource } from '../ui/data/source';
import { t } from '../i18n/translate';

export interface PageRunOptions {
  scenarios: string[];
  profileId?: string;
  endpointPrefix?: string;
  timeScale?: number;
  socketWaitMs: number;
}

export type PageRunResult =
  | { ok: true; report: AuditReport; rows: RenderedRow[] }
  | { ok: false; kind: 'no-sockets' | 'bad-request' | 'failed'; message: string };

export async function runForCli(
  source: RecordingSource,
  opts: PageRunOptions,
  onProgress: (p: AuditProgress) => void,
): Promise<PageRunResult> {
  const parsed = parseScenarios(opts.scenarios);
  if (!parsed.ok) return { ok: false, kind: 'bad-request', message: t('cli_err_scenario', [parsed.bad]) };
  const driver = sourceDriver(source);
  try {
    const report = await runAudit(driver, {
      scenarios: parsed.scenarios,
      socketWaitMs: opts.socketWaitMs,
      onProgress,
      ...(opts.profileId !== undefined && { profileId: opts.profileId }),
      ...(opts.endpointPrefix !== undefined && { endpointPrefix: opts.endpointPrefix }),
      ...(opts.timeScale !== undefined && { timeScale: opts.timeScale }),
    });
    return { ok: true, report, rows: report.rows.map((r) => renderRow(t, r)) };
  } catch (e) {
    if (e instanceof AuditError)
      return { ok: false, kind: e.kind === 'no-sockets' ? 'no-sockets' : 'failed', message: t(e.text.id, e.text.subs) };
    return { ok: false, kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  } finally {
    driver.dispose();
  }
}
