/**
 * The one lifecycle field both decoders of marks check alike: a relay's (validate-hook-event.ts) and an
 * imported or stored recording's (validate-recording.ts).
 */
import { at, bool, fail, opt, type Obj } from './decode';
import type { LifecycleState } from './recording';

/**
 * A lifecycle mark's `persisted`: a boolean, and only on a pagehide, the one lifecycle event that has it
 * (PageTransitionEvent.persisted). Absent stays absent: marks from before it was recorded have none.
 */
export function persistedOf(o: Obj, state: LifecycleState, path: string): boolean | undefined {
  const persisted = opt(o, 'persisted', bool, path);
  if (persisted !== undefined && state !== 'pagehide')
    fail('only_with', at(path, 'persisted'), 'allowed only on a pagehide mark', [at(path, 'state'), 'pagehide']);
  return persisted;
}
