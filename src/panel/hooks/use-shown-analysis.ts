/**
 * What the panel shows of an analysis: judged on the real recording (a blind retry is "the same URL, query
 * included"), shown as the redaction setting says, so the panel, popup, copied text and exports redact
 * alike. The recording's URLs, stacks, subprotocols and reasons are redacted, and so are the closures'
 * reasons, which the table and detail read from the analysis. Only a live recording's redacted connections
 * and closures are kept for its next version.
 */
import { useMemo, useState } from 'react';
import { createRecordingRedactor } from '../../protocol/redact';
import { createClosureRedactor } from '../model/redact-closures';
import type { Analysed } from './use-analysis';

export function useShownAnalysis(judged: Analysed | null, redact: boolean): Analysed | null {
  const [recordingOf] = useState(createRecordingRedactor);
  const [analysisOf] = useState(createClosureRedactor);
  return useMemo(
    () =>
      judged && redact
        ? {
            ...judged,
            recording: recordingOf(judged.recording, judged.live),
            analysis: analysisOf(judged.analysis, judged.live),
          }
        : judged,
    [judged, redact, recordingOf, analysisOf],
  );
}
