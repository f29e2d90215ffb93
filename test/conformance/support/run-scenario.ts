/**
 * Runs one library × configuration × scenario in one browser (with or without
 * the extension) against its own server, and returns what was observed: the
 * server's view (handshakes, times), the page's view (what the library
 * reported, echoes delivered) and, with the extension, the stored recording.
 */
import { awaitEchoes } from './echoes';
import type { Launched } from '../../e2e/support/browser';
import { settledRecording } from './wait-recording';
import { networkDelays, watchNetwork, type NetSocket } from './network-log';
import type { Recording } from '../../../src/protocol/recording';
import { startScenarioServer, type Handshake } from './scenario-server';
import { pageHtml, type PageHarness, type PageLog } from './page';
import { ECHOES_PER_OPEN, type Library, type LibraryConfig } from './libraries';
import { earliestAttempts, scheduledDelays } from './scheduled';
import { FIRST_SOCKET_MS, QUIET_S, reconnectWaitMs, refusalsFor, type Scenario } from './scenarios';

export interface Observation {
  pageUrl: string;
  /** Handshakes the page needed before the close (1 unless connecting first failed and was retried). */
  handshakesBefore: number;
  /** Handshakes the server was set to refuse after the close, and how many it did refuse. */
  refusals: number;
  refused: number;
  closeSentAt: number;
  /** When the server saw the trigger connection end (closing handshake done, or dropped). */
  serverClosedAt: number;
  /** Handshakes after the trigger, refused or not. */
  attempts: Handshake[];
  /** The delay the library asked for before each attempt (its setTimeout), seconds: exact, no timing noise. */
  scheduledS: number[];
  /** Per attempt behind a timer: epoch ms when the library asked for it plus its delay (none sooner is allowed). */
  earliestAt: number[];
  /** Delays as Chromium saw them (DevTools protocol: previous socket closed to next handshake sent), seconds. */
  networkDelays: number[];
  /** The network log itself (DevTools timestamps). */
  sockets: NetSocket[];
  /** Whether an attempt after the refusals was accepted. */
  reconnected: boolean;
  page: PageLog;
  recording?: Recording;
  /** When the observation ended (the analysis's "now"). */
  endedAt: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
type Win = { __h: PageHarness };
const echoes = (n: number) => (window as unknown as Win).__h.echoes(n);

export async function runScenario(
  b: Launched,
  lib: Library,
  config: LibraryConfig,
  s: Scenario,
  bundle: string,
  seed: number,
): Promise<Observation> {
  const where = `${lib.id} (${config.label}), scenario ${s.code}, ${b.worker ? 'with' : 'without'} the extension`;
  const server = await startScenarioServer((http) => lib.backend(http));
  const page = await b.context.newPage();
  const net = await watchNetwork(b.context, page);
  const received = () => page.evaluate(() => (window as unknown as Win).__h.received);
  try {
    server.script('/lib.js', bundle);
    const path = `/${lib.id}/${config === lib.configs[0] ? 'default' : 'custom'}/${s.code}`;
    const pageUrl = server.page(path, pageHtml(lib, config, server, seed, `${lib.id} ${config.label} ${s.code}`));
    await page.goto(pageUrl);
    const first = await server.socket(1, FIRST_SOCKET_MS);
    if (!first) {
      throw new Error(
        `${where}: awaited the library's first socket for ${FIRST_SOCKET_MS / 1000} s after its page loaded, but ${server.handshakes.length} handshake(s) came and none was accepted`,
      );
    }
    await awaitEchoes(() => page.evaluate(echoes, ECHOES_PER_OPEN), received, ECHOES_PER_OPEN, where);

    // Same jitter after the close in both browsers, whatever connecting first cost each of them.
    await page.evaluate(
      (n) => (window as unknown as { __reseed(n: number): void }).__reseed(n),
      (seed ^ 0x5bd1e995) >>> 0,
    );
    // A library whose reconnect comes from a poll armed before the close is closed at a set point of its cycle.
    if (lib.closeWhen) await page.evaluate(lib.closeWhen);
    const handshakesBefore = server.handshakes.length;

    const refusals = refusalsFor(config.model, s);
    server.refuseNext(refusals);
    const before = server.handshakes.length;
    const closeSentAt = Date.now();
    if (s.drop) first.terminate();
    else first.close(s.code, s.reason);

    const serverClosedAt = await first.closed;

    // Await what the library's source says it does, bounded by the model's worst case. A library that
    // does otherwise (or a hook that keeps it from it) fails here, naming what was awaited and what came,
    // rather than on the logs it left unsettled or on the test's timeout.
    const plan = config.model.plan(s.code, refusals);
    const limitMs = reconnectWaitMs(config.model, s.code, plan.attempts);
    const missed = (what: string) =>
      new Error(
        `${where}: awaited ${what} for ${limitMs / 1000} s after the close (its model's worst case for ${plan.attempts} attempt(s), ${refusals} refused, plus a loaded machine's slack), but ${server.handshakes.length - before} handshake(s) came and ${server.sockets.length - 1} were accepted`,
      );
    let reconnected = false;
    if (plan.accepted) {
      if (!(await server.socket(2, limitMs))) throw missed("the library's next socket, accepted by the server,");
      reconnected = true;
      await awaitEchoes(() => page.evaluate(echoes, 2 * ECHOES_PER_OPEN), received, 2 * ECHOES_PER_OPEN, where);
    } else {
      if (plan.attempts > 0 && !(await server.handshakesReach(before + plan.attempts, limitMs)))
        throw missed(`the library's ${plan.attempts} handshake(s)`);
      // Nothing to await: that no further attempt comes is only seen by watching for a while.
      await sleep(QUIET_S * 1000);
      reconnected = server.sockets.length > 1;
    }
    const attempts = server.handshakes.slice(before);
    const log = await page.evaluate(() => {
      const h = (window as unknown as Win).__h;
      return {
        opens: h.opens,
        closes: h.closes,
        closedAt: h.closedAt,
        sent: h.sent,
        received: h.received,
        notes: h.notes,
        draws: h.draws,
        timers: h.timers,
        closedPerf: h.closedPerf,
        timeOrigin: performance.timeOrigin,
      };
    });
    let recording: Recording | undefined;
    if (b.worker) {
      // Every construction the server saw (plus the first) is in the recording, the last one open if it was accepted.
      recording = await settledRecording(b.worker, pageUrl, {
        connections: 1 + attempts.length,
        lastOpen: reconnected,
      });
    }
    const refused = attempts.filter((h) => h.refused).length;
    const sockets = await net.settled(1 + attempts.length, reconnected);
    const timerless = config.model.timerless;
    const policy = {
      immediate: config.model.immediate(s.code),
      other: lib.otherTimers,
      ...(timerless && { timerless: (k: number) => timerless(s.code, k) }),
    };
    const scheduledS = scheduledDelays(log.timers, attempts.length, policy);
    const earliestAt = earliestAttempts(log.timers, log.timeOrigin, policy, attempts.length);
    return {
      pageUrl,
      scheduledS,
      earliestAt,
      handshakesBefore,
      refusals,
      refused,
      closeSentAt,
      serverClosedAt,
      attempts,
      networkDelays: networkDelays(sockets),
      sockets,
      reconnected,
      page: log,
      recording,
      endedAt: Date.now(),
    };
  } finally {
    await net.detach();
    await page.close().catch(() => undefined);
    await server.close();
  }
}
