/** Per-tab summary for the popup and the badge: problems first. */
import type { Connection } from '../protocol/recording';
import type { Closure, TabSummary, Verdict, VerdictLevel } from './types';

const RANK: Record<VerdictLevel, number> = { problem: 5, advice: 4, inconclusive: 3, pending: 2, fits: 1, info: 0 };

export function summarize(
  connections: readonly Connection[],
  closures: readonly Closure[],
  verdictByClosure: Readonly<Record<string, Verdict>>,
): TabSummary {
  const byCode = new Map<number, { code: number; count: number; problems: number }>();
  let problemCount = 0;
  let worst: TabSummary['worst'];
  let worstAt = -Infinity;
  // Indexed: a for-of step allocates until V8 optimises the loop (docs/ARCHITECTURE.md, "Loops an import runs").
  for (let i = 0; i < closures.length; i++) {
    const c = closures[i]!;
    const row = byCode.get(c.code) ?? { code: c.code, count: 0, problems: 0 };
    row.count++;
    const verdict = verdictByClosure[c.connectionId];
    if (verdict?.level === 'problem') {
      row.problems++;
      problemCount++;
    }
    byCode.set(c.code, row);
    if (!verdict) continue;
    const rank = RANK[verdict.level];
    const worstRank = worst ? RANK[worst.verdict.level] : -1;
    // Most severe wins; among equals the latest, which is what the user just saw.
    if (rank > worstRank || (rank === worstRank && c.closedAt >= worstAt)) {
      worst = { connectionId: c.connectionId, code: c.code, verdict };
      worstAt = c.closedAt;
    }
  }
  const rows = [...byCode.values()].sort((a, b) => b.problems - a.problems || b.count - a.count || a.code - b.code);
  return {
    byCode: rows,
    problemCount,
    ...(worst && { worst }),
    openNow: connections.length - closures.length,
  };
}
