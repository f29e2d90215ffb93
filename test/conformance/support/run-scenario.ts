/**
 * Runs one library × configuration × scenario in one browser (with or without
 * the extension) against its own server, and returns what was observed: the
 * server's view (handshakes, times), the page's view (what the library
 * reported, echoes delivered) and, with the extension, the stored recording.
 */
import type { Launched } from '../../e2e/support/browser';
import { waitForRecording } from '../../e2e/support/recording';
import type { Recording } from '../../../src/protocol/recording';
import { closeEventOf, openEventOf } from '../../../src/protocol/recording';
import { startScenarioServer, type Handshake } from './scenario-server';
import { pageHtml, type PageLog } from './page';
import { ECHOES_PER_OPEN, type Library, type LibraryConfig } from './libraries';
import { QUIET_S, refusalsFor, worstCaseS, type Scenario } from './scenarios';

export interface Observation {
  pageUrl: string;
  refusals: number;
  closeSentAt: number;
  /** Handshakes after the trigger, refused or not. */
  attempts: Handshake[];
  /** Server-side delays: trigger close (or the refusal before) to each handshake, seconds. */
  serverDelays: number[];
  /** Whether an attempt after the refusals was accepted. */
  reconnected: boolean;
  page: PageLog;
  recording?: Recording;
  /** When the observation ended (the analysis's "now"). */
  endedAt: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
type Win = { __h: PageLog };

export async function runScenario(b: Launched, lib: Library, config: LibraryConfig, s: Scenario, bundle: string, seed: number): Promise<Observation> {
  const server = await startScenarioServer((http) => lib.backend(http));
  const page = await b.context.newPage();
  try {
    server.script('/lib.js', bundle);
    const path = `/${lib.id}/${config === lib.configs[0] ? 'default' : 'custom'}/${s.code}`;
    const pageUrl = server.page(path, pageHtml(lib, config, server, seed, `${lib.id} ${config.label} ${s.code}`));
    await page.goto(pageUrl);
    const first = await server.socket(1);
    await page.waitForFunction((n) => (window as unknown as Win).__h.received >= n, ECHOES_PER_OPEN);

    const refusals = refusalsFor(config.model, s);
    server.refuseNext(refusals);
    const before = server.handshakes.length;
    const closeSentAt = Date.now();
    if (s.drop) first.terminate();
    else first.close(s.code, s.reason);

    let reconnected = false;
    if (config.model.reconnectsAfter(s.code)) {
      // Wait for the accepted reconnect, bounded by the model's worst case (a library
      // that does not reconnect then fails the attempt-count assertion, not a timeout).
      const limitMs = (worstCaseS(config.model, s.code, refusals + 1) + 5) * 1000;
      reconnected = await Promise.race([server.socket(2).then(() => true), sleep(limitMs).then(() => false)]);
      if (reconnected) await page.waitForFunction((n) => (window as unknown as Win).__h.received >= n, 2 * ECHOES_PER_OPEN);
    } else {
      // Nothing to await: absence of an attempt is only seen by watching for a while.
      await sleep(QUIET_S * 1000);
    }
    const attempts = server.handshakes.slice(before);
    const serverDelays = attempts.map((h, i) => (h.at - (i === 0 ? closeSentAt : (attempts[i - 1] as Handshake).at)) / 1000);
    const log = await page.evaluate(() => {
      const h = (window as unknown as Win).__h;
      return { opens: h.opens, closes: h.closes, sent: h.sent, received: h.received, notes: h.notes };
    });
    let recording: Recording | undefined;
    if (b.worker) {
      // Every construction the server saw (plus the first) is in the recording, the last one open if it was accepted.
      recording = await waitForRecording(b.worker, pageUrl, (r) => {
        const conns = r.connections.filter((c) => c.frameUrl === pageUrl);
        const last = conns[conns.length - 1];
        return conns.length >= 1 + attempts.length && conns[0] && closeEventOf(conns[0]) && (!reconnected || (last && openEventOf(last))) ? r : undefined;
      });
    }
    return { pageUrl, refusals, closeSentAt, attempts, serverDelays, reconnected, page: log, recording, endedAt: Date.now() };
  } finally {
    await page.close().catch(() => undefined);
    await server.close();
  }
}
