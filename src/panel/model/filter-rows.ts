/**
 * Filtering the closures table (and the timeline's highlight): free text plus
 * exact filters for code, category, verdict level and frame. Empty means any.
 */
import type { VerdictLevel } from '../../analysis/types';
import type { CodeCategory } from '../../knowledge/types';
import type { ClosureRow } from './rows';

export interface Filters {
  text: string;
  code: number | null;
  category: CodeCategory | null;
  verdict: VerdictLevel | null;
  frameId: number | null;
}

export const NO_FILTERS: Filters = { text: '', code: null, category: null, verdict: null, frameId: null };

export function filterRows(rows: readonly ClosureRow[], f: Filters): ClosureRow[] {
  const needle = f.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (f.code === null || r.closure.code === f.code) &&
      (f.category === null || r.categories.includes(f.category)) &&
      (f.verdict === null || r.verdict?.level === f.verdict) &&
      (f.frameId === null || r.connection.frameId === f.frameId) &&
      (needle === '' || r.searchText.includes(needle)),
  );
}

export interface FilterOptions {
  codes: number[];
  categories: CodeCategory[];
  verdicts: VerdictLevel[];
  frames: { frameId: number; url: string }[];
}

/** Values present in the rows, so each select offers only what can match. */
export function filterOptions(rows: readonly ClosureRow[]): FilterOptions {
  const codes = new Set<number>();
  const categories = new Set<CodeCategory>();
  const verdicts = new Set<VerdictLevel>();
  const frames = new Map<number, string>();
  for (const r of rows) {
    codes.add(r.closure.code);
    r.categories.forEach((c) => categories.add(c));
    if (r.verdict) verdicts.add(r.verdict.level);
    if (!frames.has(r.connection.frameId)) frames.set(r.connection.frameId, r.connection.frameUrl);
  }
  return {
    codes: [...codes].sort((a, b) => a - b),
    categories: [...categories].sort(),
    verdicts: [...verdicts].sort(),
    frames: [...frames].sort((a, b) => a[0] - b[0]).map(([frameId, url]) => ({ frameId, url })),
  };
}
