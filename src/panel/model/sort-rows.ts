/**
 * Sorting the connections table: one key per column. Keys are numbers or strings
 * so one comparison serves every column; ties fall back to time, in the
 * same direction, so reversing a sort reverses the whole list.
 */
import type { VerdictLevel } from '../../analysis/types';
import { rowTime, type ClosureRow, type Row } from './rows';

export type ColumnId =
  'time' | 'url' | 'code' | 'reason' | 'clean' | 'initiator' | 'lifetime' | 'messages' | 'delay' | 'verdict';

export const COLUMN_IDS: readonly ColumnId[] = [
  'time',
  'url',
  'code',
  'reason',
  'clean',
  'initiator',
  'lifetime',
  'messages',
  'delay',
  'verdict',
];

export interface SortState {
  column: ColumnId;
  direction: 'asc' | 'desc';
}

/** Most severe first when sorted descending. */
export const VERDICT_SEVERITY: Record<VerdictLevel, number> = {
  problem: 5,
  advice: 4,
  pending: 3,
  inconclusive: 2,
  info: 1,
  fits: 0,
};

const messageCount = (r: Row) => r.connection.counters.sentMessages + r.connection.counters.receivedMessages;

const CLOSURE_KEYS: Record<ColumnId, (r: ClosureRow) => number | string> = {
  time: (r) => r.closure.closedAt,
  url: (r) => r.connection.url,
  code: (r) => r.closure.code,
  reason: (r) => r.closure.reason,
  clean: (r) => (r.closure.wasClean ? 1 : 0),
  initiator: (r) => r.closure.initiator,
  // Never opened sorts below any real lifetime.
  lifetime: (r) => r.closure.lifetimeMs ?? -1,
  messages: (r) => messageCount(r),
  // No reconnect sorts after every delay.
  delay: (r) => r.closure.next?.delayS ?? Number.POSITIVE_INFINITY,
  verdict: (r) => (r.verdict ? VERDICT_SEVERITY[r.verdict.level] : -1),
};

/**
 * Open connections have no close facts yet: they sort as "not yet" — after
 * every code, lifetime and delay (still running), before every verdict.
 */
function openKey(r: Row, column: ColumnId): number | string {
  switch (column) {
    case 'time':
      return r.connection.createdAt;
    case 'url':
      return r.connection.url;
    case 'reason':
    case 'initiator':
      return '';
    case 'messages':
      return messageCount(r);
    case 'clean':
    case 'verdict':
      return -1;
    default:
      return Number.POSITIVE_INFINITY;
  }
}

const keyOf = (r: Row, column: ColumnId) => (r.kind === 'closure' ? CLOSURE_KEYS[column](r) : openKey(r, column));

export function sortRows<R extends Row>(rows: readonly R[], sort: SortState): R[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((r) => ({ r, k: keyOf(r, sort.column), at: rowTime(r) }));
  keyed.sort((a, b) => {
    const c = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
    return (c !== 0 ? c : a.at - b.at) * sign;
  });
  return keyed.map((x) => x.r);
}
