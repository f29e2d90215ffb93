/**
 * The reconnect check's driver over a live RecordingSource: the recording as the
 * background last pushed it, simulations through the source's real request path,
 * and the page's wall clock (the recording's timestamps are on it too).
 */
import type { AuditDriver } from '../../audit/types';
import type { Recording } from '../../protocol/recording';
import type { RecordingSource } from './source';
import { t } from '../../i18n/translate';

export interface DisposableDriver extends AuditDriver {
  dispose(): void;
}

export function waitMs(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export function sourceDriver(source: RecordingSource, now: () => number = Date.now): DisposableDriver {
  let latest: Recording | undefined;
  let waiters: ((r: Recording) => void)[] = [];
  const unsubscribe = source.subscribe((r) => {
    latest = r;
    for (const w of waiters) w(r);
    waiters = [];
  });
  return {
    recording: () => (latest ? Promise.resolve(latest) : new Promise((resolve) => waiters.push(resolve))),
    async simulate(connectionId, command) {
      if (!source.simulate) throw new Error(t('ui_unexpected_answer'));
      await source.simulate(connectionId, command, 'connection');
    },
    now,
    wait: waitMs,
    dispose: unsubscribe,
  };
}
