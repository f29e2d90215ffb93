/**
 * Which columns the user hid and how wide they made the others, kept in the
 * panel's localStorage, and which columns fit the table's width. Pure except
 * for load/save; what comes back from storage is validated like any input.
 */
import { COLUMN_IDS, type ColumnId } from '../model/sort-rows';

export interface ColumnPrefs {
  hidden: ColumnId[];
  widths: Partial<Record<ColumnId, number>>;
}

export const DEFAULT_PREFS: ColumnPrefs = { hidden: [], widths: {} };
export const STORAGE_KEY = 'closeline.columns.v1';
export const MIN_WIDTH = 40;
export const MAX_WIDTH = 1200;

const isColumnId = (x: unknown): x is ColumnId =>
  typeof x === 'string' && (COLUMN_IDS as readonly string[]).includes(x);
export const clampWidth = (w: number) => Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));

/** Parses stored text; anything malformed falls back to the defaults, field by field. */
export function parsePrefs(text: string | null): ColumnPrefs {
  if (!text) return DEFAULT_PREFS;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_PREFS;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_PREFS;
  const r = raw as { hidden?: unknown; widths?: unknown };
  const hidden = Array.isArray(r.hidden) ? [...new Set(r.hidden.filter(isColumnId))] : [];
  const widths: ColumnPrefs['widths'] = {};
  if (typeof r.widths === 'object' && r.widths !== null) {
    for (const [k, v] of Object.entries(r.widths))
      if (isColumnId(k) && typeof v === 'number' && Number.isFinite(v)) widths[k] = clampWidth(v);
  }
  // Hiding every column would leave an empty table with no header to bring one back from.
  return { hidden: hidden.length >= COLUMN_IDS.length ? [] : hidden, widths };
}

export function loadPrefs(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ColumnPrefs {
  try {
    return parsePrefs(storage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return DEFAULT_PREFS;
  }
}

export function savePrefs(
  prefs: ColumnPrefs,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or unavailable: the choice lasts for this session only.
  }
}

export function toggleHidden(prefs: ColumnPrefs, id: ColumnId): ColumnPrefs {
  const hidden = prefs.hidden.includes(id) ? prefs.hidden.filter((h) => h !== id) : [...prefs.hidden, id];
  return hidden.length >= COLUMN_IDS.length ? prefs : { ...prefs, hidden };
}

export function setWidth(prefs: ColumnPrefs, id: ColumnId, width: number): ColumnPrefs {
  return { ...prefs, widths: { ...prefs.widths, [id]: clampWidth(width) } };
}

export interface FitColumn {
  id: ColumnId;
  width: number;
  grow?: boolean;
}

export interface Fitted<C extends FitColumn> {
  shown: C[];
  /** Columns the user wants but that do not fit the width: listed, never drawn cut off. */
  squeezed: ColumnId[];
}

/**
 * The columns to draw, in priority order: each wanted column while the sum of
 * widths fits `available` px. A column that does not fit is left out whole
 * (and named), so no header is ever cut off or pushed under the detail pane.
 * The first column is always drawn.
 */
export function fitColumns<C extends FitColumn>(
  columns: readonly C[],
  prefs: ColumnPrefs,
  available: number,
): Fitted<C> {
  const wanted = columns.filter((c) => !prefs.hidden.includes(c.id));
  const shown: C[] = [];
  const squeezed: ColumnId[] = [];
  let used = 0;
  for (const c of wanted) {
    const w = prefs.widths[c.id] ?? c.width;
    if (shown.length === 0 || used + w <= available) {
      shown.push({ ...c, width: w });
      used += w;
    } else squeezed.push(c.id);
  }
  return { shown, squeezed };
}

/** The CSS grid tracks: growing columns take the space left over, never less than their width. */
export function gridTemplate(columns: readonly FitColumn[]): string {
  const anyGrow = columns.some((c) => c.grow);
  return columns
    .map((c, i) => (c.grow || (!anyGrow && i === columns.length - 1) ? `minmax(${c.width}px, 1fr)` : `${c.width}px`))
    .join(' ');
}
