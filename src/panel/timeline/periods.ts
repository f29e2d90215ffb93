/**
 * Hidden, frozen and offline periods from the lifecycle marks. They are shaded
 * on the timeline because they explain "inconclusive" verdicts: the browser
 * throttles timers in those states, so a slow reconnect may not be the page's fault.
 */
import type { EpochMs, LifecycleState, Mark } from '../../protocol/recording';

export type PeriodKind = 'hidden' | 'frozen' | 'offline';

export interface Period {
  kind: PeriodKind;
  fromMs: EpochMs;
  /** null while the period is still going on. */
  toMs: EpochMs | null;
}

const STARTS: Partial<Record<LifecycleState, PeriodKind>> = { hidden: 'hidden', frozen: 'frozen', offline: 'offline' };
const ENDS: Partial<Record<LifecycleState, PeriodKind[]>> = {
  visible: ['hidden'],
  resumed: ['frozen'],
  online: ['offline'],
  // The document is gone: whatever it was in ends with it.
  pagehide: ['hidden', 'frozen', 'offline'],
};

/** Periods per document, then merged per kind across documents (a hidden tab hides all its frames). */
export function lifecyclePeriods(marks: readonly Mark[]): Period[] {
  const open = new Map<string, EpochMs>();
  const raw: Period[] = [];
  for (const m of marks) {
    if (m.type !== 'lifecycle') continue;
    const doc = `${m.frameId}|${m.documentId}`;
    const starts = STARTS[m.state];
    if (starts && !open.has(`${doc}|${starts}`)) open.set(`${doc}|${starts}`, m.at);
    for (const kind of ENDS[m.state] ?? []) {
      const key = `${doc}|${kind}`;
      const from = open.get(key);
      if (from === undefined) continue;
      raw.push({ kind, fromMs: from, toMs: m.at });
      open.delete(key);
    }
  }
  for (const [key, from] of open)
    raw.push({ kind: key.slice(key.lastIndexOf('|') + 1) as PeriodKind, fromMs: from, toMs: null });
  return mergePeriods(raw);
}

function mergePeriods(periods: Period[]): Period[] {
  const end = (p: Period) => p.toMs ?? Infinity;
  const sorted = [...periods].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.fromMs - b.fromMs));
  const out: Period[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && last.kind === p.kind && p.fromMs <= end(last)) {
      if (end(p) > end(last)) last.toMs = p.toMs;
    } else {
      out.push({ ...p });
    }
  }
  return out;
}
