import { useEffect } from 'react';
import { searchTextOf, type Row } from '../model/rows';

/** Rows made per look at the idle deadline (a text takes about a microsecond once the code is warm). */
const ROWS_PER_CHECK = 64;
/** Where the browser has no idle callbacks: the longest slice of a timer task. */
const SLICE_MS = 8;

/**
 * Makes the rows' filter texts (`searchTextOf`) while the page is idle, a slice at a time, after the
 * rows are shown. An import of 10,000 connections then paints without waiting for 10,000 texts, and
 * the filter's first keystroke finds them made (it makes any still missing itself). Rows kept from the
 * last build keep their texts, so a live update only makes those of its new rows.
 */
export function useIdleSearchTexts(rows: readonly Row[]): void {
  useEffect(() => {
    let next = 0;
    let handle: number | undefined;
    const idle = typeof requestIdleCallback === 'function';
    const work = (deadline?: IdleDeadline) => {
      const until = performance.now() + SLICE_MS;
      const more = () => (deadline ? deadline.timeRemaining() > 1 : performance.now() < until);
      do {
        const end = Math.min(rows.length, next + ROWS_PER_CHECK);
        for (; next < end; next++) searchTextOf(rows[next]!);
      } while (next < rows.length && more());
      if (next < rows.length) schedule();
      else handle = undefined;
    };
    const schedule = () => {
      handle = idle ? requestIdleCallback(work) : window.setTimeout(work, 0);
    };
    schedule();
    return () => {
      if (handle === undefined) return;
      if (idle) cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [rows]);
}
