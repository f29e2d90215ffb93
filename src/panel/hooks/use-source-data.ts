/**
 * React bindings to a RecordingSource. Each hook re-subscribes when the source
 * changes (live ↔ imported), so the views never mix two recordings.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CaptureStatus, Settings } from '../../protocol/messages';
import type { Recording } from '../../protocol/recording';
import type { RecordingSource } from '../../ui/data/source';

export function useRecording(source: RecordingSource): Recording | null {
  const [recording, setRecording] = useState<Recording | null>(null);
  useEffect(() => {
    setRecording(null);
    return source.subscribe(setRecording);
  }, [source]);
  return recording;
}

export function useSettings(source: RecordingSource): [Settings | null, (patch: Partial<Settings>) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    source.getSettings().then((s) => live && setSettings(s), () => undefined);
    return () => {
      live = false;
    };
  }, [source]);
  const update = useCallback(
    (patch: Partial<Settings>) => {
      // Optimistic, so the checkbox answers at once; the source's answer then wins.
      setSettings((s) => (s ? { ...s, ...patch } : s));
      source.setSettings(patch).then(setSettings, () => undefined);
    },
    [source],
  );
  return [settings, update];
}

export function useStatus(source: RecordingSource, recording: Recording | null): CaptureStatus | null {
  const [status, setStatus] = useState<CaptureStatus | null>(null);
  // Re-ask when the recording restarts (a reload may have installed the hook).
  const startedAt = recording?.startedAt;
  useEffect(() => {
    let live = true;
    source.getStatus().then((s) => live && setStatus(s), () => undefined);
    return () => {
      live = false;
    };
  }, [source, startedAt]);
  return status;
}
