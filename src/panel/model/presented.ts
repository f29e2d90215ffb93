/**
 * Every connection's presentation (`presentRecording`), worked out once per analysis and recording:
 * the table's rows and the timeline's bars show the same closures, and each presenting all 10,000
 * of them was a good part of an import.
 */
import { presentRecording, type ConnectionPresentation } from '../../analysis/present';
import type { Analysis } from '../../analysis/types';
import type { Recording } from '../../protocol/recording';

interface Entry {
  recording: Recording;
  presented: ReadonlyMap<string, ConnectionPresentation>;
}

/** By analysis (by recording when there is none); an entry counts only for the recording it was made from. */
const byOwner = new WeakMap<object, Entry>();

export function presentedRecording(
  recording: Recording,
  analysis: Analysis | null | undefined,
): ReadonlyMap<string, ConnectionPresentation> {
  const owner = analysis ?? recording;
  const hit = byOwner.get(owner);
  if (hit && hit.recording === recording) return hit.presented;
  const presented = presentRecording(recording, analysis);
  byOwner.set(owner, { recording, presented });
  return presented;
}
