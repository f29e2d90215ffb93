/** Extension pages (panel, popup): one request/response handler and live subscriptions over a port. */
import browser, { type Runtime } from 'webextension-polyfill';
import { isRelayPong, isViewPortMessage, isViewRequest, wrap, type CaptureStatus, type ViewResponse } from '../protocol/messages';
import type { Hub } from './hub';
import type { SettingsStore } from './settings-store';
import { simulate } from './simulate';
import { t } from '../ui/i18n';

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
    const pong: unknown = await browser.tabs.sendMessage(tabId, wrap({ type: 'ping' }));
    if (isRelayPong(pong)) return 'capturing';
  } catch {
    // No receiver: the tab's pages predate the install (or cannot be scripted).
  }
  return hub.tabs.get(tabId)?.recording.connections.length ? 'capturing' : 'no-hook';
}

export async function handleViewRequest(raw: unknown, hub: Hub, settings: SettingsStore): Promise<unknown> {
  if (!isViewRequest(raw)) return wrap<ViewResponse>({ type: 'error', message: t('bg_bad_request') });
  const req = raw.msg;
  const validTab = (id: unknown): id is number => typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
  switch (req.type) {
    case 'get-recording':
      if (!validTab(req.tabId)) break;
      return wrap<ViewResponse>({ type: 'recording', recording: hub.recordingOf(req.tabId) });
    case 'clear':
      if (!validTab(req.tabId)) break;
      hub.clear(req.tabId);
      return wrap<ViewResponse>({ type: 'ok' });
    case 'get-settings':
      return wrap<ViewResponse>({ type: 'settings', settings: settings.current });
    case 'set-settings':
      return wrap<ViewResponse>({ type: 'settings', settings: await settings.update(req.settings) });
    case 'get-status':
      if (!validTab(req.tabId)) break;
      return wrap<ViewResponse>({ type: 'status', status: await captureStatus(req.tabId, hub) });
    case 'simulate': {
      if (!validTab(req.tabId) || typeof req.connectionId !== 'string' || typeof req.command !== 'object' || req.command === null) break;
      const error = await simulate(hub, req.tabId, req.connectionId, req.scope === 'endpoint' ? 'endpoint' : 'connection', req.command);
      return wrap<ViewResponse>(error ? { type: 'error', message: error } : { type: 'ok' });
    }
  }
  return wrap<ViewResponse>({ type: 'error', message: t('bg_bad_request') });
}
