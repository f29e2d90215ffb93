/** The current time, ticking: the recent window and pending waits move even when no event arrives. */
import { useEffect, useState } from 'react';

export const NOW_TICK_MS = 5_000;

export function useNow(clock: () => number, tickMs: number = NOW_TICK_MS): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const id = setInterval(() => setNow(clock()), tickMs);
    return () => clearInterval(id);
  }, [clock, tickMs]);
  return now;
}
