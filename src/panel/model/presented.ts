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
import type { Analysis, Closure, Verdict } from '../../analysis/types';
import type { Connection, Recording } from '../../protocol/recording';

interface Entry {
  recording: Recording;
  presented: ReadonlyMap<string, ConnectionPresentation>;
}

/** By analysis (by recording when there is none); an entry counts only for the recording it was made from. */
const byOwner = new WeakMap<object, Entry>();

/** By connection object, with what else the presentation was made from. */
const byConnection = new WeakMap<Connection, { closure?: Closure; verdict?: Verdict; p: ConnectionPresentation }>();

export function presentedRecording(
  recording: Recording,
  analysis: Analysis | null | undefined,
): ReadonlyMap<string, ConnectionPresentation> {
  const owner = analysis ?? recording;
  const hit = byOwner.get(owner);
  if (hit && hit.recording === recording) return hit.presented;
  const closures = new Map<string, Closure>();
  for (const c of analysis?.closures ?? []) closures.set(c.connectionId, c);
  const memo = codeMemoFor(analysis ?? recording);
  const presented = new Map<string, ConnectionPresentation>();
  for (const c of recording.connections) {
    const closure = closures.get(c.id);
    const verdict = analysis?.verdictByClosure[c.id];
    const kept = byConnection.get(c);
    let p = kept?.p;
    if (!kept || kept.closure !== closure || kept.verdict !== verdict) {
      p = presentConnection(c, analysis ?? undefined, closure, memo);
      byConnection.set(c, { closure, verdict, p });
    }
    presented.set(c.id, p!);
  }
  byOwner.set(owner, { recording, presented });
  return presented;
}
