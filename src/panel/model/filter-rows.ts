/**
 * Filtering the table (and the timeline's highlight): free text plus exact
 * filters for status (open or closed), code, category, verdict level and frame.
 * Empty means any; a closure-only filter (code, category, verdict) hides open rows.
 */
import type { VerdictLevel } from '../../analysis/types';
import type { CodeCategory } from '../../knowledge/types';
import type { Row } from './rows';

export type RowState = 'open' | 'closed';

export interface Filters {
  text: string;
  state: RowState | null;
  code: number | null;
  category: CodeCategory | null;
  verdict: VerdictLevel | null;
  frameId: number | null;
}

export const NO_FILTERS: Filters = { text: '', state: null, code: null, category: null, verdict: null, frameId: null };

const needleOf = (f: Filters) => f.text.trim().toLowerCase();

export function filterRows<R extends Row>(rows: readonly R[], f: Filters): R[] {
  const needle = needleOf(f);
  const closureOnly = f.code !== null || f.category !== null || f.verdict !== null;
  return rows.filter((r) => {
    if (f.state !== null && f.state !== (r.kind === 'open' ? 'open' : 'closed')) return false;
    if (f.frameId !== null && r.connection.frameId !== f.frameId) return false;
    if (needle !== '' && !r.searchText.includes(needle)) return false;
    if (r.kind === 'open') return !closureOnly;
    return (
      (f.code === null || r.closure.code === f.code) &&
      (f.category === null || r.categories.includes(f.category)) &&
      (f.verdict === null || r.verdict?.level === f.verdict)
    );
  });
}

/** How many texts a filter memo keeps answers for (typing one query, then deleting it, needs one per length). */
const MEMO_TEXTS = 64;

/**
 * `filterRows` remembering its answers while only the text changes, for typing in the filter box.
 * A row that contains a text contains every part of it, so a longer text is looked for only among
 * the rows of the longest remembered text inside it (typing one more character looks at the rows
 * still shown, not at all 10,000), and a text asked before is answered at once (deleting what was
 * typed). What is remembered belongs to one list of rows and one setting of the other filters: a
 * new list (new data, another sort) or another filter starts afresh.
 */
export function createFilterMemo<R extends Row>(): (rows: readonly R[], f: Filters) => R[] {
  let forRows: readonly R[] | null = null;
  let forOthers = '';
  let byNeedle = new Map<string, R[]>();
  return (rows, f) => {
    const others = `${f.state}|${f.code}|${f.category}|${f.verdict}|${f.frameId}`;
    if (rows !== forRows || others !== forOthers) {
      forRows = rows;
      forOthers = others;
      byNeedle = new Map();
    }
    const needle = needleOf(f);
    const hit = byNeedle.get(needle);
    if (hit) return hit;
    // The longest remembered text inside this one; else every row.
    let from: readonly R[] = rows;
    let fromLength = -1;
    for (const [known, shown] of byNeedle) {
      if (known.length > fromLength && needle.includes(known)) {
        from = shown;
        fromLength = known.length;
      }
    }
    const out = filterRows(from, f);
    if (byNeedle.size >= MEMO_TEXTS) byNeedle.clear();
    byNeedle.set(needle, out);
    return out;
  };
}

export interface FilterOptions {
  codes: number[];
  categories: CodeCategory[];
  verdicts: VerdictLevel[];
  frames: { frameId: number; url: string }[];
}

/** Values present in the rows, so each select offers only what can match. */
export function filterOptions(rows: readonly Row[]): FilterOptions {
  const codes = new Set<number>();
  const categories = new Set<CodeCategory>();
  const verdicts = new Set<VerdictLevel>();
  const frames = new Map<number, string>();
  // Indexed: a for-of step allocates until V8 optimises the loop, and an import runs it over 10,000 rows.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!frames.has(r.connection.frameId)) frames.set(r.connection.frameId, r.connection.frameUrl);
    if (r.kind === 'open') continue;
    codes.add(r.closure.code);
    for (let j = 0; j < r.categories.length; j++) categories.add(r.categories[j]!);
    if (r.verdict) verdicts.add(r.verdict.level);
  }
  return {
    codes: [...codes].sort((a, b) => a - b),
    categories: [...categories].sort(),
    verdicts: [...verdicts].sort(),
    frames: [...frames].sort((a, b) => a[0] - b[0]).map(([frameId, url]) => ({ frameId, url })),
  };
}
