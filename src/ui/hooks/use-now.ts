/**
 * The current time, ticking while `live`: pending waits, the popup's recent
 * window and open timeline bars move even when no event arrives. A finished
 * or imported recording is not live, so it causes no re-renders.
 */
import { useEffect, useState } from 'react';

/** How often live verdicts (and the popup's recent window) are judged again: a running wait turns into a verdict. */
export const VERDICT_REFRESH_MS = 5_000;

/** How often the timeline stretches open bars to the current time. */
export const OPEN_BAR_TICK_MS = 250;

export function useNow(clock: () => number, tickMs: number, live = true): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (!live) return;
    setNow(clock());
    const id = setInterval(() => setNow(clock()), tickMs);
    return () => clearInterval(id);
  }, [clock, tickMs, live]);
  return now;
}
