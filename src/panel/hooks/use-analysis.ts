import { useDeferredValue, useEffect, useMemo } from 'react';
import type { Analysis } from '../../analysis/types';
import type { Recording } from '../../protocol/recording';
import type { PanelServices } from '../services';
import { useNow, VERDICT_REFRESH_MS } from '../../ui/hooks/use-now';

/** The time an imported recording is judged at: when it was exported, else its last fact. */
export function staticNow(rec: Recording): number {
  if (rec.exportedAt !== undefined) return rec.exportedAt;
  let last = rec.startedAt;
  // Indexed: a for-of step allocates until V8 optimises the loop (docs/ARCHITECTURE.md, "Loops an import runs").
  const connections = rec.connections;
  for (let i = 0; i < connections.length; i++) {
    const events = connections[i]!.events;
    for (let j = 0; j < events.length; j++) last = Math.max(last, events[j]!.at);
  }
  return last;
}

export interface Analysed {
  /** The recording this analysis was computed from (may lag the newest by a render). */
  recording: Recording;
  analysis: Analysis;
  /** The live source's recording, whose next version keeps most objects of this one; false for an imported file. */
  live: boolean;
}

/**
 * `live` says whether `recording` is the live source's (else an imported file's); the two are deferred
 * together, so a recording is always judged as what it is. `onShown` is told each recording once the
 * render that analysed it has committed.
 */
export function useAnalysis(
  recording: Recording | null,
  services: PanelServices,
  profileId: string,
  live: boolean,
  onShown?: (rec: Recording | null) => void,
): Analysed | null {
  const input = useMemo(() => ({ rec: recording, live }), [recording, live]);
  // Deferred: a burst of closures must not block typing in the filter box. An imported file never
  // changes, so it is analysed in the render that brings it: deferring it only painted the panel's old
  // state once more and split the work into slices.
  const deferred = useDeferredValue(input);
  const { rec, live: recLive } = input.live ? deferred : input;
  useEffect(() => onShown?.(rec), [rec, onShown]);
  const tick = useNow(Date.now, VERDICT_REFRESH_MS, recLive);
  // One analyzer per panel and services: each live version costs what changed since the last. An
  // imported file never changes, so it is analysed one-shot: nothing is kept for a next version.
  const analyzeLive = useMemo(() => services.createAnalyzer?.() ?? services.analyze, [services]);
  return useMemo(() => {
    if (!rec) return null;
    const now = recLive ? Math.max(tick, Date.now()) : staticNow(rec);
    const analyze = recLive ? analyzeLive : services.analyze;
    return { recording: rec, analysis: analyze(rec, { profileId, now }), live: recLive };
  }, [rec, analyzeLive, services, profileId, recLive, tick]);
}
