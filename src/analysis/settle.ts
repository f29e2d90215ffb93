/**
 * When a live recording's verdicts next change with no new event: a wait still running (a
 * pending verdict) is judged once the link window has passed since the closure it follows
 * ("no reconnect" after 1012 or 1013 is then a problem). Views judge again on a clock; the
 * toolbar badge is drawn on events, so it asks this when to look again.
 */
import { getProfile } from './profiles';
import { linkWindowMs } from './link';
import type { Analysis } from './types';

/** Epoch ms at which the earliest pending verdict is judged, or undefined when none is pending. */
export function pendingSettlesAt(analysis: Pick<Analysis, 'episodes' | 'closures' | 'profileId'>): number | undefined {
  // Made on the first pending episode only: most analyses have none.
  let closedAt: Map<string, number> | undefined;
  let windowMs = 0;
  let at: number | undefined;
  for (let i = 0; i < analysis.episodes.length; i++) {
    const ep = analysis.episodes[i]!;
    if (ep.verdict.level !== 'pending') continue;
    if (!closedAt) {
      closedAt = new Map(analysis.closures.map((c) => [c.connectionId, c.closedAt]));
      windowMs = linkWindowMs(getProfile(analysis.profileId).profile.terms);
    }
    // The wait that runs follows the episode's last closure: its last failed attempt's, or the trigger's.
    const from = closedAt.get(ep.attemptIds[ep.attemptIds.length - 1] ?? ep.triggerId);
    if (from === undefined) continue;
    // Episodes hold a wait as running while now − closedAt ≤ the window: it is judged 1 ms later.
    const due = from + windowMs + 1;
    if (at === undefined || due < at) at = due;
  }
  return at;
}
