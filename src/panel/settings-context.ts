/** The extension's settings and their updater, for detail sections that offer a setting in place. */
import { createContext, useContext } from 'react';
import type { Settings } from '../protocol/messages';

export interface SettingsHandle {
  settings: Settings | null;
  /** Rejects with the reason for the user when the change is refused. */
  update(patch: Partial<Settings>): Promise<void>;
  /** The inspected tab is in a private window: its choices per site are not stored from here. */
  privateTab?: boolean;
}

export const SettingsContext = createContext<SettingsHandle>({ settings: null, update: () => Promise.resolve() });

export function useSettingsHandle(): SettingsHandle {
  return useContext(SettingsContext);
}
