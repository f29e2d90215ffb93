/**
 * Sorting the closures table: one key per column. Keys are numbers or strings
 * so one comparison serves every column; ties fall back to time, in the
 * same direction, so reversing a sort reverses the whole list.
 */
import type { VerdictLevel } from '../../analysis/types';
import type { ClosureRow } from './rows';

export type ColumnId = 'time' | 'url' | 'code' | 'reason' | 'clean' | 'initiator' | 'lifetime' | 'messages' | 'delay' | 'verdict';

export const COLUMN_IDS: readonly ColumnId[] = ['time', 'url', 'code', 'reason', 'clean', 'initiator', 'lifetime', 'messages', 'delay', 'verdict'];

export interface SortState {
  column: ColumnId;
  direction: 'asc' | 'desc';
}

/** Most severe first when sorted descending. */
export const VERDICT_SEVERITY: Record<VerdictLevel, number> = { problem: 5, advice: 4, pending: 3, inconclusive: 2, info: 1, fits: 0 };

const KEYS: Record<ColumnId, (r: ClosureRow) => number | string> = {
  time: (r) => r.closure.closedAt,
  url: (r) => r.connection.url,
  code: (r) => r.closure.code,
  reason: (r) => r.closure.reason,
  clean: (r) => (r.closure.wasClean ? 1 : 0),
  initiator: (r) => r.closure.initiator,
  // Never opened sorts below any real lifetime.
  lifetime: (r) => r.closure.lifetimeMs ?? -1,
  messages: (r) => r.connection.counters.sentMessages + r.connection.counters.receivedMessages,
  // No reconnect sorts after every delay.
  delay: (r) => r.closure.next?.delayS ?? Number.POSITIVE_INFINITY,
  verdict: (r) => (r.verdict ? VERDICT_SEVERITY[r.verdict.level] : -1),
};

export function sortRows(rows: readonly ClosureRow[], sort: SortState): ClosureRow[] {
  const key = KEYS[sort.column];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((r) => ({ r, k: key(r) }));
  keyed.sort((a, b) => {
    const c = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
    return (c !== 0 ? c : a.r.closure.closedAt - b.r.closure.closedAt) * sign;
  });
  return keyed.map((x) => x.r);
}
