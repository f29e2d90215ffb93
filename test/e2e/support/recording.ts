/**
 * Reads what the extension stored, from its service worker: the same
 * storage.session data a restarted worker reloads (the recording that survives).
 */
import type { Worker } from 'playwright-core';
import type { Connection, Recording } from '../../../src/protocol/recording';

export async function storedRecordings(worker: Worker): Promise<Recording[]> {
  return recordingsFromStorage(await worker.evaluate(() => chrome.storage.session.get(null)));
}

/** Reassembles recordings from storage.session's chunked keys (any browser's). */
export function recordingsFromStorage(all: Record<string, unknown>): Recording[] {
  const metas = new Map<number, { recording: Omit<Recording, 'connections'> }>();
  const conns = new Map<number, Connection[]>();
  for (const [key, value] of Object.entries(all)) {
    const m = /^t(\d+):(meta|c\d+)$/.exec(key);
    if (!m) continue;
    const tab = Number(m[1]);
    if (m[2] === 'meta') metas.set(tab, value as { recording: Omit<Recording, 'connections'> });
    else conns.set(tab, [...(conns.get(tab) ?? []), ...(value as { c: Connection[] }).c]);
  }
  return [...metas].map(
    ([tab, meta]) =>
      ({
        ...meta.recording,
        connections: (conns.get(tab) ?? []).sort((a, b) => a.createdAt - b.createdAt),
      }) as Recording,
  );
}

/** Whether `r` is the recording of the tab whose navigation marks or frames include `pageUrl`. */
export function isRecordingOf(r: Recording, pageUrl: string): boolean {
  return (
    r.marks.some((m) => m.type === 'navigation' && m.url === pageUrl) ||
    r.connections.some((c) => c.frameUrl === pageUrl)
  );
}

/** The recording of the tab whose navigation marks include `pageUrl`. */
export async function recordingFor(worker: Worker, pageUrl: string): Promise<Recording | undefined> {
  return (await storedRecordings(worker)).find((r) => isRecordingOf(r, pageUrl));
}

/** Polls the stored recording until `check` returns a value (events are awaited, not slept on). */
export async function waitForRecording<T>(
  worker: Worker,
  pageUrl: string,
  check: (r: Recording) => T | undefined | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: Recording | undefined;
  for (;;) {
    last = await recordingFor(worker, pageUrl);
    if (last) {
      const v = check(last);
      if (v !== undefined && v !== false) return v;
    }
    if (Date.now() > deadline)
      throw new Error(
        `recording for ${pageUrl} did not reach the expected state in ${timeoutMs} ms; last: ${JSON.stringify(last)?.slice(0, 4000)}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}
