/**
 * The view API from a view's side, over an injected transport (the extension's
 * runtime in extension-source.ts, a fake in tests): typed requests with a timeout
 * and an AbortSignal, whose errors say which request failed and how, and a live
 * subscription that re-subscribes by itself when the service worker restarts (the
 * port disconnects; the next snapshot replaces local state).
 */
import {
  isBackgroundPush,
  isViewResponse,
  wrap,
  VIEW_ANSWER_TYPE,
  VIEW_PORT_NAME,
  type ViewAnswer,
  type ViewPortMessage,
  type ViewRequestOf,
  type ViewRequestType,
} from '../../protocol/messages';
import type { Recording } from '../../protocol/recording';
import { applyDelta } from './apply-delta';
import type { RecordingSource } from './source';
import { t } from '../../i18n/translate';

/** The part of a runtime port a view uses. */
export interface ViewPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

export interface ViewTransport {
  /** One request, one answer (runtime.sendMessage). */
  send(message: unknown): Promise<unknown>;
  /** A port for pushes (runtime.connect). */
  connect(name: string): ViewPort;
}

/** Long enough for a simulation that starts an outage and reaches the page; short enough to tell the user. */
export const REQUEST_TIMEOUT_MS = 15_000;

export type ViewRequestFailure = 'refused' | 'unexpected' | 'timeout' | 'transport';

/** A request that did not get its answer: which request, and how it failed. */
export class ViewRequestError extends Error {
  constructor(
    readonly request: ViewRequestType,
    readonly failure: ViewRequestFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ViewRequestError';
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export type ViewRequester = <K extends ViewRequestType>(
  req: ViewRequestOf<K>,
  options?: RequestOptions,
) => Promise<ViewAnswer<K>>;

export function createRequester(transport: ViewTransport, defaults: { timeoutMs?: number } = {}): ViewRequester {
  return <K extends ViewRequestType>(req: ViewRequestOf<K>, options: RequestOptions = {}) =>
    new Promise<ViewAnswer<K>>((resolve, reject) => {
      const { signal } = options;
      const timeoutMs = options.timeoutMs ?? defaults.timeoutMs ?? REQUEST_TIMEOUT_MS;
      if (signal?.aborted) return reject(signal.reason);
      const fail = (failure: ViewRequestFailure, message: string) =>
        finish(() => reject(new ViewRequestError(req.type, failure, message)));
      const onAbort = () => finish(() => reject(signal?.reason));
      const timer = setTimeout(
        () => fail('timeout', t('ui_request_timeout', [req.type, String(Math.round(timeoutMs / 1000))])),
        timeoutMs,
      );
      let done = false;
      function finish(settle: () => void) {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        settle();
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      transport.send(wrap(req)).then(
        (raw) => {
          if (!isViewResponse(raw)) return fail('unexpected', t('ui_unexpected_answer'));
          const msg = raw.msg;
          if (msg.type === 'error')
            return fail('refused', typeof msg.message === 'string' ? msg.message : t('ui_unexpected_answer'));
          if (msg.type !== VIEW_ANSWER_TYPE[req.type]) return fail('unexpected', t('ui_unexpected_answer'));
          finish(() => resolve(msg as ViewAnswer<K>));
        },
        (e: unknown) => fail('transport', e instanceof Error ? e.message : String(e)),
      );
    });
}

/** How soon a view re-subscribes after its port dropped: 50 ms, doubling, at most 2 s. */
export const resubscribeDelayMs = (attempt: number) => Math.min(2000, 50 * 2 ** attempt);

/** A live RecordingSource for one tab over the view API. */
export function createLiveSource(
  tabId: number,
  transport: ViewTransport,
  options: { timeoutMs?: number } = {},
): RecordingSource {
  const request = createRequester(transport, options);
  return {
    live: true,
    subscribe(onRecording) {
      let port: ViewPort | undefined;
      let current: Recording | undefined;
      let closed = false;
      let retry = 0;
      const connect = () => {
        if (closed) return;
        const p = transport.connect(VIEW_PORT_NAME);
        port = p;
        p.onMessage.addListener((raw: unknown) => {
          if (!isBackgroundPush(raw)) return;
          retry = 0;
          const m = raw.msg;
          if (m.type === 'snapshot') current = m.recording;
          else if (m.type === 'delta' && current) current = applyDelta(current, m.delta);
          else return;
          onRecording(current);
        });
        p.onDisconnect.addListener(() => {
          if (port === p) port = undefined;
          if (closed) return;
          // The worker stopped: come back with a short backoff (it restarts on connect).
          setTimeout(connect, resubscribeDelayMs(retry++));
        });
        p.postMessage(wrap<ViewPortMessage>({ type: 'subscribe', tabId }));
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
    async getSettings() {
      return (await request({ type: 'get-settings' })).settings;
    },
    async setSettings(patch) {
      return (await request({ type: 'set-settings', settings: patch, tabId })).settings;
    },
    async simulate(connectionId, command, scope = 'connection') {
      await request({ type: 'simulate', tabId, connectionId, scope, command });
    },
    async getStatus() {
      return (await request({ type: 'get-status', tabId })).status;
    },
  };
}
