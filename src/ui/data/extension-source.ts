/**
 * The views' one way into the browser for their data: the view API over the
 * extension's runtime (requests by runtime.sendMessage, pushes over the port
 * "closeline-view"). Everything else lives in view-client.ts, tested with a fake.
 */
import browser from 'webextension-polyfill';
import { createLiveSource, type ViewTransport } from './view-client';
import type { RecordingSource } from './source';
import { SETTINGS_STORAGE_KEY } from '../../protocol/messages';

export const runtimeTransport: ViewTransport = {
  send: (message) => browser.runtime.sendMessage(message),
  connect: (name) => browser.runtime.connect({ name }),
};

export function createExtensionSource(tabId: number): RecordingSource {
  return { ...createLiveSource(tabId, runtimeTransport), watchSettings, isPrivate: () => isPrivateTab(tabId) };
}

/** `incognito` is given without the "tabs" permission; a tab that cannot be read is not said to be private. */
function isPrivateTab(tabId: number): Promise<boolean> {
  return browser.tabs.get(tabId).then(
    (tab) => tab.incognito === true,
    () => false,
  );
}

/** The settings are stored by the background (storage.local), whichever view asked for the change. */
function watchSettings(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_STORAGE_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
