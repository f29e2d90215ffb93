/**
 * Every connection's presentation (what `presentRecording` gives), worked out once per analysis and
 * recording: the table's rows and the timeline's bars show the same closures, and each presenting all
 * 10,000 of them was a good part of an import.
 *
 * Across versions of a live recording, a connection's presentation is also kept by the connection
 * object, with the closure and verdict it was made from: the next version replaces only the
 * connections that changed, and the analysis keeps the closures and verdicts it did not change, so a
 * version presents only what changed.
 */
import { codeMemoFor, presentConnection, type ConnectionPresentation } from '../../analysis/present';
import type { Analysis, Closure } from '../../analysis/types';
import type { Connection, Recording } from '../../protocol/recording';

interface Entry {
  recording: Recording;
  presented: ReadonlyMap<string, ConnectionPresentation>;
}

/** By analysis (by recording when there is none); an entry counts only for the recording it was made from. */
const byOwner = new WeakMap<object, Entry>();

/**
 * By connection object. A presentation holds the closure and verdict it was made from, so it is its own
 * cache entry (one object less per connection, for the collector).
 */
const byConnection = new WeakMap<Connection, ConnectionPresentation>();

export function presentedRecording(
  recording: Recording,
  analysis: Analysis | null | undefined,
  /**
   * False for a one-shot analysis (an imported file): its closures and verdicts are new objects in every
   * analysis, so no presentation kept by connection could be used again.
   */
  keepByConnection = true,
): ReadonlyMap<string, ConnectionPresentation> {
  const owner = analysis ?? recording;
  const hit = byOwner.get(owner);
  if (hit && hit.recording === recording) return hit.presented;
  const closures = new Map<string, Closure>();
  const list = analysis?.closures ?? [];
  // Indexed: a for-of step allocates until V8 optimises the loop (docs/ARCHITECTURE.md, "Loops an import runs").
  for (let i = 0; i < list.length; i++) closures.set(list[i]!.connectionId, list[i]!);
  const memo = codeMemoFor(analysis ?? recording);
  const presented = new Map<string, ConnectionPresentation>();
  const connections = recording.connections;
  for (let i = 0; i < connections.length; i++) {
    const c = connections[i]!;
    const closure = closures.get(c.id);
    const verdict = analysis?.verdictByClosure[c.id];
    let p = keepByConnection ? byConnection.get(c) : undefined;
    // A connection that ended after this analysis is presented from classify's facts: that presentation
    // is made anew each time (the closure in it is not the analysis's), which only lasts a render.
    if (!p || p.closure?.closure !== closure || p.closure?.verdict !== verdict) {
      p = presentConnection(c, analysis ?? undefined, closure, memo);
      if (keepByConnection) byConnection.set(c, p);
    }
    presented.set(c.id, p);
  }
  byOwner.set(owner, { recording, presented });
  return presented;
}
