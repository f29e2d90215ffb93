/** Extension pages (panel, popup): one request/response handler and live subscriptions over a port. */
import browser, { type Runtime } from 'webextension-polyfill';
import {
  isRelayPong,
  isViewPortMessage,
  isViewRequest,
  wrap,
  type BackgroundToDocument,
  type CaptureStatus,
  type ViewRequest,
  type ViewResponse,
} from '../protocol/messages';
import { decode } from '../protocol/decode';
import { viewRequest } from '../protocol/view-api';
import type { Hub } from './hub';
import type { SettingsStore } from './settings-store';
import { simulate } from './simulate';
import { t } from '../i18n/translate';
import { tPlural } from '../i18n/plural';
import { SETTINGS_LIMITS } from '../protocol/limits';
import { changesSiteChoices, tooManyCaptureSites, tooManyPausedSites } from '../protocol/settings';

export function acceptView(port: Runtime.Port, hub: Hub, ready: Promise<void>): void {
  let unsubscribe: (() => void) | undefined;
  port.onDisconnect.addListener(() => unsubscribe?.());
  port.onMessage.addListener((raw: unknown) => {
    if (!isViewPortMessage(raw)) return;
    const tabId = raw.msg.tabId;
    void ready.then(() => {
      unsubscribe?.();
      unsubscribe = hub.addView({ tabId, post: (m) => port.postMessage(wrap(m)) });
    });
  });
}

async function captureStatus(tabId: number, hub: Hub): Promise<CaptureStatus> {
  try {
    // The top document's relay: a frame's would answer as fast, and a frame made after the install has its
    // hook from its start even in a page that had it late.
    const pong: unknown = await browser.tabs.sendMessage(tabId, wrap<BackgroundToDocument>({ type: 'ping' }), {
      frameId: 0,
    });
    // Paused on the top page's site: the hook is there, but nothing it sends is recorded.
    if (isRelayPong(pong)) return hub.isPausedTab(tabId) ? 'paused' : pong.msg.late === true ? 'late' : 'capturing';
  } catch {
    // No receiver: the tab's top page predates the install or update (or cannot be scripted).
  }
  return recordsTop(hub, tabId) ? 'capturing' : 'no-hook';
}

/**
 * Whether the tab has connections and a top document that said hello to this build and is still there:
 * only then does a ping it did not answer say nothing of its hook. Connections alone do not: after an
 * update, a page keeps the scripts of the build before, cut off from this one (the update emptied
 * storage.session, so the documents held are this build's), while a frame it adds since has this build's
 * and is recorded.
 */
function recordsTop(hub: Hub, tabId: number): boolean {
  const tab = hub.tabs.get(tabId);
  if (!tab?.recording.connections.length) return false;
  return Object.values(tab.docs).some((d) => d.isTop && !d.gone);
}

/**
 * Whether a tab is in a private window (Chromium's incognito, Firefox's private browsing). `incognito` is
 * given without the "tabs" permission. A tab that is gone, or unknown, is not taken as private.
 */
async function isPrivateTab(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId)).incognito === true;
  } catch {
    return false;
  }
}

export async function handleViewRequest(raw: unknown, hub: Hub, settings: SettingsStore): Promise<unknown> {
  if (!isViewRequest(raw)) return wrap<ViewResponse>({ type: 'error', message: t('bg_bad_request') });
  const decoded = decode(viewRequest, raw.msg, 'request');
  if (!decoded.ok)
    return wrap<ViewResponse>({ type: 'error', message: t('bg_bad_request_field', [decoded.error.path]) });
  return wrap<ViewResponse>(await answer(decoded.value, hub, settings));
}

async function answer(req: ViewRequest, hub: Hub, settings: SettingsStore): Promise<ViewResponse> {
  switch (req.type) {
    case 'get-recording':
      return { type: 'recording', recording: hub.recordingOf(req.tabId) };
    case 'clear':
      hub.clear(req.tabId);
      return { type: 'ok' };
    case 'get-settings':
      return { type: 'settings', settings: settings.current };
    case 'set-settings':
      // Refused whole: stored without the newest site, the popup's box would just untick itself unexplained.
      if (tooManyPausedSites(req.settings))
        return { type: 'error', message: tPlural('bg_paused_sites_full', SETTINGS_LIMITS.sites) };
      if (tooManyCaptureSites(req.settings))
        return { type: 'error', message: tPlural('bg_capture_sites_full', SETTINGS_LIMITS.sites) };
      // A choice per site names the site, and settings are stored on disk: made from a private tab, it would
      // outlast the private session. Refused with the reason (the views also say so beside the switch).
      if (
        req.tabId !== undefined &&
        changesSiteChoices(req.settings, settings.current) &&
        (await isPrivateTab(req.tabId))
      )
        return { type: 'error', message: t('bg_private_site_choice') };
      return { type: 'settings', settings: await settings.update(req.settings) };
    case 'get-status':
      return { type: 'status', status: await captureStatus(req.tabId, hub) };
    case 'simulate': {
      const error = await simulate(hub, req.tabId, req.connectionId, req.scope, req.command);
      return error ? { type: 'error', message: error } : { type: 'ok' };
    }
  }
}
