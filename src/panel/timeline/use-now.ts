/**
 * The current time for open bars. Ticks only while something is live (an open
 * socket or an ongoing period), so a finished or imported recording causes no
 * re-renders. An exported recording is frozen at its export time.
 */
import { useEffect, useState } from 'react';

export const LIVE_TICK_MS = 250;

export function useNow(live: boolean, frozenAt: number | undefined, clock: () => number): number {
  const [now, setNow] = useState(() => frozenAt ?? clock());
  useEffect(() => {
    if (frozenAt !== undefined || !live) return;
    setNow(clock());
    const id = setInterval(() => setNow(clock()), LIVE_TICK_MS);
    return () => clearInterval(id);
  }, [live, frozenAt, clock]);
  return frozenAt ?? now;
}
