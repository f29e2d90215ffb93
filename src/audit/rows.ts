/** Turns what each scenario did into report rows, with the analysis core's verdict for each judged closure. */
import type { Analysis, Verdict } from '../analysis/types';
import { STALL_NOTICE_WINDOW_S } from '../analysis/stall';
import type { AuditReport, AuditRow, RowOutcome } from './types';

export interface EndpointResult {
  outcome: RowOutcome;
  closureId?: string;
  message?: string;
}

export interface ScenarioResult {
  scenario: string;
  /** A stall: judged by whether the page noticed it (analysis/stall.ts), not by a reconnect verdict. */
  stall?: boolean;
  endpoints: Map<string, EndpointResult>;
  /** Epoch ms until which handshakes are refused, when the scenario refuses them. */
  refusedUntil?: number;
  cancelled?: boolean;
}

/**
 * The verdict that judges a closure: its own episode's when it triggered one; when the page had not yet
 * recovered from an earlier closure, the closure continues that episode, and the episode's verdict holds.
 */
function judged(analysis: Analysis, closureId: string): { verdict?: Verdict; delaysS: number[] } {
  const own =
    analysis.episodes.find((e) => e.triggerId === closureId) ??
    analysis.episodes.find((e) => e.attemptIds.includes(closureId));
  const verdict = analysis.verdictByClosure[closureId] ?? own?.verdict;
  return { ...(verdict && { verdict }), delaysS: own?.delaysS ?? verdict?.observedDelays ?? [] };
}

/** A stall's result as a verdict: "noticed after N s" fits, "not noticed within 60 s" is advice (with why). */
function stallJudged(analysis: Analysis, connectionId: string): { verdict?: Verdict; delaysS: number[] } {
  const s = analysis.stalls?.[connectionId]?.at(-1);
  if (!s) return { delaysS: [] };
  const verdict: Verdict = {
    level: s.level,
    rule: `stall.${s.state}`,
    text: s.text,
    observedDelays: s.noticedAfterS !== undefined ? [s.noticedAfterS] : [],
    expected: { text: { id: 'audit_expected_stall', subs: [String(STALL_NOTICE_WINDOW_S)] } },
    profileId: analysis.profileId ?? '',
    ...(s.explanation && { also: [{ rule: 'stall.heartbeat', level: s.level, text: s.explanation }] }),
  };
  return { verdict, delaysS: verdict.observedDelays };
}

export function rowsFrom(results: readonly ScenarioResult[], analysis: Analysis): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const r of results) {
    for (const [endpoint, e] of r.endpoints) {
      const outcome: RowOutcome = r.cancelled && e.outcome !== 'recovered' && e.closureId ? 'cancelled' : e.outcome;
      const base = { endpoint, scenario: r.scenario, outcome, ...(e.message !== undefined && { message: e.message }) };
      if (!e.closureId) {
        rows.push({ ...base, level: 'not-run', delaysS: [] });
        continue;
      }
      const { verdict, delaysS } = r.stall ? stallJudged(analysis, e.closureId) : judged(analysis, e.closureId);
      rows.push({
        ...base,
        closureId: e.closureId,
        ...(verdict && { verdict }),
        level: verdict?.level ?? 'not-run',
        delaysS,
      });
    }
  }
  return rows;
}

/** How many rows are problems: the CLI's exit status and the panel's summary. */
export function problemCount(report: Pick<AuditReport, 'rows'>): number {
  return report.rows.filter((r) => r.level === 'problem').length;
}
