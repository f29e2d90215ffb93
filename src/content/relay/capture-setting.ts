/**
 * Tells the hook whether to keep message content for this document's site. The
 * choice lives in the background's settings store (storage.local); the relay
 * reads it at start and on every change, so the hook learns it within a few
 * milliseconds of document_start without a round trip to the worker. Until then
 * the hook keeps messages only in its ring and sends no content with a close.
 */
import browser from 'webextension-polyfill';
import { captureContentFor, sanitizeCaptureMap } from '../../protocol/capture-policy';
import type { HookCommand } from '../../protocol/messages';

const SETTINGS_KEY = 'settings';

/** `host`: the document's site for content choices (capture-policy.ts `contentSiteOf`). */
export function watchCaptureSetting(host: string, post: (cmd: HookCommand) => void): { portReady(): void } {
  let on: boolean | undefined;
  let ready = false;
  const tell = () => {
    if (ready && on !== undefined) post({ t: 'capture', k: 0, on });
  };
  const update = (stored: unknown) => {
    const map = sanitizeCaptureMap((stored as { contentCapture?: unknown } | undefined)?.contentCapture) ?? {};
    const next = captureContentFor(host, { contentCapture: map });
    if (next === on) return;
    on = next;
    tell();
  };
  browser.storage.local.get(SETTINGS_KEY).then(
    (got) => update(got[SETTINGS_KEY]),
    () => update(undefined),
  );
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'local' && change) update(change.newValue);
  });
  return {
    portReady() {
      ready = true;
      tell();
    },
  };
}
