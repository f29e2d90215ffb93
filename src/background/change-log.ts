/**
 * What a tab's recording changed since storage and the views last looked: which
 * connections, chunks and marks, and whether it was replaced whole. Persist
 * writes from it and views push from it, so both see the same changes.
 */
import type { Mark } from '../protocol/recording';

/** What changed since the last drain, for storage and for views. */
export interface ChangeLog {
  connections: Set<string>;
  evicted: string[];
  /** Storage chunks whose content changed. */
  chunks: Set<number>;
  marks: Mark[];
  /** The whole recording was replaced (cleared, or navigation without preserve log). */
  reset: boolean;
  meta: boolean;
}

export function emptyLog(): ChangeLog {
  return { connections: new Set(), evicted: [], chunks: new Set(), marks: [], reset: false, meta: false };
}

/**
 * One log for two drains in a row (views were told of both; storage gets both at
 * once). Storage writes chunks as they are now, so a union of chunks suffices;
 * marks and evictions keep their order.
 */
export function mergeChangeLog(earlier: ChangeLog, later: ChangeLog): ChangeLog {
  return {
    connections: new Set([...earlier.connections, ...later.connections]),
    evicted: [...earlier.evicted, ...later.evicted],
    chunks: new Set([...earlier.chunks, ...later.chunks]),
    marks: [...earlier.marks, ...later.marks],
    reset: earlier.reset || later.reset,
    meta: earlier.meta || later.meta,
  };
}
