/**
 * The popup's data from its RecordingSource: the live recording, the settings
 * and whether the page has the hook. Components below only get plain values.
 */
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type CaptureStatus, type Settings } from '../protocol/messages';
import type { Recording } from '../protocol/recording';
import type { RecordingSource } from '../ui/data/source';

export interface PopupData {
  recording: Recording | undefined;
  settings: Settings;
  status: CaptureStatus | undefined;
  updateSettings(patch: Partial<Settings>): Promise<void>;
}

export function usePopupData(source: RecordingSource): PopupData {
  const [recording, setRecording] = useState<Recording>();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [status, setStatus] = useState<CaptureStatus>();

  useEffect(() => {
    let live = true;
    const unsubscribe = source.subscribe((r) => {
      if (live) setRecording(r);
    });
    // A failed read keeps the defaults: the popup still shows the recording.
    source.getSettings().then(
      (s) => live && setSettings(s),
      () => {},
    );
    source.getStatus().then(
      (s) => live && setStatus(s),
      () => {},
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [source]);

  const updateSettings = useCallback(
    async (patch: Partial<Settings>) => {
      setSettings(await source.setSettings(patch));
      // Pausing a site changes the tab's capture status. A status that cannot be read now is no refusal
      // of the change (which is stored): the update still resolves.
      await source.getStatus().then(setStatus, () => undefined);
    },
    [source],
  );

  return { recording, settings, status, updateSettings };
}
