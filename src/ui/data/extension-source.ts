/**
 * The views' one way into the browser for their data: the view API over the
 * extension's runtime (requests by runtime.sendMessage, pushes over the port
 * "closeline-view"). Everything else lives in view-client.ts, tested with a fake.
 */
import browser from 'webextension-polyfill';
import { createLiveSource, type ViewTransport } from './view-client';
import type { RecordingSource } from './source';

export const runtimeTransport: ViewTransport = {
  send: (message) => browser.runtime.sendMessage(message),
  connect: (name) => browser.runtime.connect({ name }),
};

export function createExtensionSource(tabId: number): RecordingSource {
  return createLiveSource(tabId, runtimeTransport);
}
