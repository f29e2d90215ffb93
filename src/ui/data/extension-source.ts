/**
 * Live data for the panel and popup: a runtime port to the background that
 * re-subscribes by itself when the service worker restarts (the port
 * disconnects; the next snapshot replaces local state).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { isBackgroundPush, isViewResponse, wrap, VIEW_PORT_NAME, type Settings, type ViewRequest, type ViewResponse } from '../../protocol/messages';
import type { Recording } from '../../protocol/recording';
import { applyDelta } from './apply-delta';
import type { RecordingSource } from './source';
import { t } from '../i18n';

async function request(req: ViewRequest): Promise<ViewResponse> {
  const raw: unknown = await browser.runtime.sendMessage(wrap(req));
  if (!isViewResponse(raw)) throw new Error(t('ui_unexpected_answer'));
  if (raw.msg.type === 'error') throw new Error(raw.msg.message);
  return raw.msg;
}

export function createExtensionSource(tabId: number): RecordingSource {
  return {
    live: true,
    subscribe(onRecording) {
      let port: Runtime.Port | undefined;
      let current: Recording | undefined;
      let closed = false;
      let retry = 0;
      const connect = () => {
        if (closed) return;
        port = browser.runtime.connect({ name: VIEW_PORT_NAME });
        port.onMessage.addListener((raw: unknown) => {
          if (!isBackgroundPush(raw)) return;
          retry = 0;
          const m = raw.msg;
          if (m.type === 'snapshot') current = m.recording;
          else if (m.type === 'delta' && current) current = applyDelta(current, m.delta);
          else return;
          onRecording(current);
        });
        port.onDisconnect.addListener(() => {
          port = undefined;
          if (closed) return;
          // The worker stopped: come back with a short backoff (it restarts on connect).
          setTimeout(connect, Math.min(2000, 50 * 2 ** retry++));
        });
        port.postMessage(wrap({ type: 'subscribe', tabId }));
      };
      connect();
      return () => {
        closed = true;
        port?.disconnect();
      };
    },
    async clear() {
      await request({ type: 'clear', tabId });
    },
    async getSettings(): Promise<Settings> {
      const r = await request({ type: 'get-settings' });
      if (r.type !== 'settings') throw new Error(t('ui_unexpected_answer'));
      return r.settings;
    },
    async setSettings(patch) {
      const r = await request({ type: 'set-settings', settings: patch });
      if (r.type !== 'settings') throw new Error(t('ui_unexpected_answer'));
      return r.settings;
    },
    async simulate(connectionId, command, scope = 'connection') {
      await request({ type: 'simulate', tabId, connectionId, scope, command });
    },
    async getStatus() {
      const r = await request({ type: 'get-status', tabId });
      if (r.type !== 'status') throw new Error(t('ui_unexpected_answer'));
      return r.status;
    },
  };
}
