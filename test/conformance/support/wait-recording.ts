/**
 * Polls the stored recording (test/e2e/support/recording.ts reads it) at a
 * gentle pace: a conformance browser holds ten busy pages, and a tight poll
 * would add timing noise to the very delays being measured.
 */
import type { Worker } from 'playwright-core';
import type { Recording } from '../../../src/protocol/recording';
import { recordingFor } from '../../e2e/support/recording';

export async function pollRecording<T>(worker: Worker, pageUrl: string, check: (r: Recording) => T | undefined, timeoutMs = 15_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await recordingFor(worker, pageUrl);
    const v = r && check(r);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`recording for ${pageUrl} did not settle in ${timeoutMs} ms; last: ${JSON.stringify(r)?.slice(0, 3000)}`);
    await new Promise((res) => setTimeout(res, everyMs));
  }
}
