/**
 * The popup's data from its RecordingSource: the live recording, the settings
 * and whether the page has the hook. Components below only get plain values.
 */
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type CaptureStatus, type Settings } from '../protocol/messages';
import type { Recording } from '../protocol/recording';
import type { RecordingSource } from '../ui/data/source';
import { useFollowedSettings } from '../ui/data/use-followed-settings';
import { usePrivateTab } from '../ui/data/use-private-tab';

export interface PopupData {
  recording: Recording | undefined;
  settings: Settings;
  status: CaptureStatus | undefined;
  /** The tab is in a private window: its choices per site are not stored from here. */
  privateTab: boolean;
  updateSettings(patch: Partial<Settings>): Promise<void>;
}

export function usePopupData(source: RecordingSource): PopupData {
  const [recording, setRecording] = useState<Recording>();
  // Followed: a change stored by another view (the panel, open meanwhile) is shown here too.
  const { settings, follow } = useFollowedSettings(source);
  const [status, setStatus] = useState<CaptureStatus>();
  const privateTab = usePrivateTab(source);

  useEffect(() => {
    let live = true;
    const unsubscribe = source.subscribe((r) => {
      if (live) setRecording(r);
    });
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
      await follow(source.setSettings(patch));
      // Pausing a site changes the tab's capture status. A status that cannot be read now is no refusal
      // of the change (which is stored): the update still resolves.
      await source.getStatus().then(setStatus, () => undefined);
    },
    [source, follow],
  );

  // A failed read keeps the defaults: the popup still shows the recording.
  return { recording, settings: settings ?? DEFAULT_SETTINGS, status, privateTab, updateSettings };
}
