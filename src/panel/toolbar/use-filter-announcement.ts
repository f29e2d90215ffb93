/**
 * What the panel says about a filter's result: the count, once the user stops changing the filters for
 * a moment. The count on screen is no live region: read on every keystroke, and again whenever a live
 * connection came or went, it talked over the user's typing (and through a reconnect storm).
 */
import { useEffect, useState } from 'react';
import { useLatest } from '../../ui/hooks/use-latest';
import type { Filters } from '../model/filter-rows';

/** How long the filters stay unchanged before their result is announced. */
export const FILTER_ANNOUNCE_IDLE_MS = 1000;

/**
 * Empty until the filters change; then empty again at each change (so the same count after another edit
 * is a change to announce) and `text` once they rested. Live updates alone never change it.
 */
export function useFilterAnnouncement(filters: Filters, text: string): string {
  const [said, setSaid] = useState('');
  const latest = useLatest(text);
  const [first] = useState(filters);
  useEffect(() => {
    if (filters === first) return;
    setSaid('');
    const timer = setTimeout(() => setSaid(latest.current), FILTER_ANNOUNCE_IDLE_MS);
    return () => clearTimeout(timer);
  }, [filters, first, latest]);
  return said;
}
