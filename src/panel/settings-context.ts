/** The extension's settings and their updater, for detail sections that offer a setting in place. */
import { createContext, useContext, useEffect, useState } from 'react';
import type { Settings } from '../protocol/messages';

export interface SettingsHandle {
  settings: Settings | null;
  /** Rejects with the reason for the user when the change is refused. */
  update(patch: Partial<Settings>): Promise<void>;
  /** The inspected tab is in a private window: its choices per site are not stored from here. */
  privateTab?: boolean;
}

export const SettingsContext = createContext<SettingsHandle>({ settings: null, update: () => Promise.resolve() });

/** Whether the source's tab is in a private window (false until known, and for a source that cannot say). */
export function usePrivateTab(source: { isPrivate?(): Promise<boolean> }): boolean {
  const [privateTab, setPrivateTab] = useState(false);
  useEffect(() => {
    let live = true;
    source.isPrivate?.().then(
      (p) => live && setPrivateTab(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source]);
  return privateTab;
}

export function useSettingsHandle(): SettingsHandle {
  return useContext(SettingsContext);
}
