/**
 * Waits for a page's stored recording to settle without polling it from the
 * test process. Only the browser with the extension has a recording, so any
 * work spent waiting for it lands on that browser alone: a poll that read the
 * whole of storage.session over the DevTools protocol every 250 ms, for up to
 * six scenarios at once, loaded the with-extension browser (its worker, its
 * browser process, this process) while other scenarios' reconnect delays were
 * being measured against the browser without it. The wait now runs inside the
 * extension's service worker, woken by storage.onChanged (writes are batched,
 * so a few times a second at most), and the recording is read once at the end.
 */
import type { Worker } from 'playwright-core';
import type { Recording } from '../../../src/protocol/recording';
import { recordingFor } from '../../e2e/support/recording';

export interface SettledSpec {
  /** Connections of the page the recording must hold. */
  connections: number;
  /** The last one is open (the library reconnected) rather than closed. */
  lastOpen: boolean;
}

/** Resolves with the page's recording once it holds `connections` sockets and the last one is settled. */
export async function settledRecording(
  worker: Worker,
  pageUrl: string,
  spec: SettledSpec,
  timeoutMs = 15_000,
): Promise<Recording> {
  const settled = await worker.evaluate(
    ({ url, want, lastOpen, limit }) =>
      new Promise<boolean>((resolve) => {
        type Ev = { type: string };
        type Conn = { frameUrl: string; createdAt: number; events: Ev[] };
        let checking = false;
        let again = false;
        const finish = (ok: boolean) => {
          chrome.storage.onChanged.removeListener(onChanged);
          clearTimeout(timer);
          resolve(ok);
        };
        const check = async (): Promise<void> => {
          if (checking) return void (again = true);
          checking = true;
          const all = (await chrome.storage.session.get(null)) as Record<string, { c?: Conn[] }>;
          const conns = Object.values(all)
            .flatMap((v) => (Array.isArray(v?.c) ? v.c : []))
            .filter((c) => c.frameUrl === url)
            .sort((a, b) => a.createdAt - b.createdAt);
          const last = conns[conns.length - 1];
          const done =
            last && conns.length >= want && last.events.some((e) => e.type === (lastOpen ? 'open' : 'close'));
          checking = false;
          if (done) return finish(true);
          if (again) {
            again = false;
            void check();
          }
        };
        const onChanged = (_changes: unknown, area: string) => {
          if (area === 'session') void check();
        };
        const timer = setTimeout(() => finish(false), limit);
        chrome.storage.onChanged.addListener(onChanged);
        void check();
      }),
    { url: pageUrl, want: spec.connections, lastOpen: spec.lastOpen, limit: timeoutMs },
  );
  const r = await recordingFor(worker, pageUrl);
  if (!settled || !r) {
    throw new Error(
      `recording for ${pageUrl} did not settle in ${timeoutMs} ms; last: ${JSON.stringify(r)?.slice(0, 3000)}`,
    );
  }
  return r;
}
