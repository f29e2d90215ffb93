/**
 * React bindings to a RecordingSource. Each hook re-subscribes when the source
 * changes (live ↔ imported), so the views never mix two recordings.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaptureStatus, Settings } from '../../protocol/messages';
import type { Recording } from '../../protocol/recording';
import type { RecordingSource } from '../../ui/data/source';
import { useFollowedSettings } from '../../ui/data/use-followed-settings';

interface Gate {
  source: RecordingSource | null;
  latest: Recording | null;
  handed: Recording | null;
  waiting: boolean;
}

/**
 * The source's newest recording, handed to React one version at a time, and a callback the view
 * calls once it has shown a version. While the view has not shown the last version it got (its
 * deferred analysis and render still running), newer versions wait here and only the newest is handed
 * over next. A live page sends a delta every few milliseconds; handing each one over restarted the
 * deferred render every time, so nothing new was shown until the closures stopped. Nothing is
 * dropped: every version is in the newest one, which always follows.
 */
export function useRecording(
  source: RecordingSource,
): [Recording | null, (shown: Recording | null) => void, RecordingSource | null] {
  // The recording with the source it came from: a new source is subscribed in an effect, so for one
  // render the recording is still the last source's, and the view must judge it as that source's.
  const [state, setState] = useState<{ recording: Recording | null; from: RecordingSource | null }>({
    recording: null,
    from: null,
  });
  const gate = useRef<Gate>({ source: null, latest: null, handed: null, waiting: false });
  useEffect(() => {
    const g: Gate = { source, latest: null, handed: null, waiting: false };
    gate.current = g;
    setState({ recording: null, from: source });
    return source.subscribe((r) => {
      g.latest = r;
      if (g.waiting) return;
      g.waiting = true;
      g.handed = r;
      setState({ recording: r, from: source });
    });
  }, [source]);
  const shown = useCallback((r: Recording | null) => {
    const g = gate.current;
    if (!g.waiting || r !== g.handed) return;
    g.waiting = false;
    if (g.latest !== r) {
      g.waiting = true;
      g.handed = g.latest;
      setState({ recording: g.latest, from: g.source });
    }
  }, []);
  return [state.recording, shown, state.from];
}

/**
 * Settings and their updater. The update is shown at once (the checkbox answers without waiting); the
 * source's answer then wins. A refused update (the background's reason, e.g. a list at its limit) puts
 * back the settings the source has and rejects with that reason, for the control to show. A change stored
 * by another view is shown too (`useFollowedSettings`): the panel judges, redacts and exports by it.
 */
export function useSettings(source: RecordingSource): [Settings | null, (patch: Partial<Settings>) => Promise<void>] {
  const { settings, show, follow } = useFollowedSettings(source);
  const update = useCallback(
    (patch: Partial<Settings>) => {
      show(patch);
      // Put back before rejecting: the control then makes its next change from what is stored.
      return follow(source.setSettings(patch)).then(
        () => undefined,
        async (e: unknown) => {
          await follow(source.getSettings()).catch(() => undefined);
          throw e;
        },
      );
    },
    [source, show, follow],
  );
  return [settings, update];
}

export function useStatus(source: RecordingSource, recording: Recording | null): CaptureStatus | null {
  const [status, setStatus] = useState<CaptureStatus | null>(null);
  // Re-ask when the recording restarts or the top frame navigates (a reload may have installed the hook, or
  // given it the page from its start); with preserve log on, a reload does not restart the recording.
  const startedAt = recording?.startedAt;
  const navigatedAt = recording?.marks.findLast((m) => m.type === 'navigation' && m.frameId === 0)?.at;
  // And when the settings change: a site paused or resumed from the popup while the panel is open.
  const [settingsChanges, setSettingsChanges] = useState(0);
  useEffect(() => source.watchSettings?.(() => setSettingsChanges((n) => n + 1)), [source]);
  useEffect(() => {
    let live = true;
    source.getStatus().then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source, startedAt, navigatedAt, settingsChanges]);
  return status;
}
