/**
 * Test support: a view's requests answered by the real request handler, over settings the test starts
 * from, with storage the test reads back. Imports the handler, which imports the polyfill: a test file
 * mocks 'webextension-polyfill' before importing this.
 */
import { DEFAULT_SETTINGS, wrap, type Settings } from '../protocol/messages';
import { Hub } from './hub';
import { Persist } from './persist';
import { SettingsStore } from './settings-store';
import { MemoryStorage } from './test-support';
import { handleViewRequest } from './views';

export function settingsRequests(start: Partial<Settings>) {
  const hub = new Hub({
    persist: new Persist(new MemoryStorage()),
    extensionVersion: '0.1.0',
    now: () => 0,
    setTimer: () => undefined,
    settings: () => DEFAULT_SETTINGS,
  });
  const area = new MemoryStorage();
  const settings = new SettingsStore(area as never);
  settings.current = { ...DEFAULT_SETTINGS, ...start };
  const ask = async (msg: unknown) => ((await handleViewRequest(wrap(msg), hub, settings)) as { msg: unknown }).msg;
  return { ask, area, settings };
}
