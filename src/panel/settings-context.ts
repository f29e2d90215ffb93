/** The extension's settings and their updater, for detail sections that offer a setting in place. */
import { createContext, useContext } from 'react';
import type { Settings } from '../protocol/messages';

export interface SettingsHandle {
  settings: Settings | null;
  update(patch: Partial<Settings>): void;
}

export const SettingsContext = createContext<SettingsHandle>({ settings: null, update: () => undefined });

export function useSettingsHandle(): SettingsHandle {
  return useContext(SettingsContext);
}
