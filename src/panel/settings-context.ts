/** The extension's settings and their updater, for detail sections that offer a setting in place. */
import { createContext, useContext } from 'react';
import type { Settings } from '../protocol/messages';

export interface SettingsHandle {
  settings: Settings | null;
  /** Rejects with the reason for the user when the change is refused. */
  update(patch: Partial<Settings>): Promise<void>;
}

export const SettingsContext = createContext<SettingsHandle>({ settings: null, update: () => Promise.resolve() });

export function useSettingsHandle(): SettingsHandle {
  return useContext(SettingsContext);
}
