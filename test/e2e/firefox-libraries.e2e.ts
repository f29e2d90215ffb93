/**
 * Real client libraries in Firefox. The conformance suite runs them only in
 * Chromium; here three of them, bundled unmodified from node_modules by that
 * suite's bundler, on its test page and against its real servers, run in
 * firefox-esr with the Firefox build and in one without it, side by side with
 * the same seed. The server closes with a code and the library reconnects on
 * its own. The library must behave the same either way (draws, timers, closes,
 * errors, echoes), and the recording must hold every socket, the close event as
 * the page saw it, who closed, the counters, and the reconnect links and
 * verdict the Chromium run gives (conformance's judge and oracle).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefox, openExtensionPage, waitForStoredRecording, type LaunchedFirefox } from './support/firefox';
import { bundleLibraries } from '../conformance/support/bundle';
import { ECHOES_PER_OPEN, LIBRARIES, type Library } from '../conformance/support/libraries';
import type { LibraryId } from '../conformance/support/library-ids';
import { pageHtml, type PageHarness, type PageLog } from '../conformance/support/page';
import { startScenarioServer } from '../conformance/support/scenario-server';
import { scheduledDelays, timerRequests } from '../conformance/support/scheduled';
import { FIRST_SOCKET_MS, reconnectWaitMs } from '../conformance/support/scenarios';
import { bothSides, launchBoth } from '../conformance/support/both-sides';
import { awaitEchoes } from '../conformance/support/echoes';
import { judge } from '../conformance/support/judge';
import { EARLY_TOL_S } from '../conformance/support/check';
import { closeEventOf, type MessageCounters, type Recording } from '../../src/protocol/recording';

interface Case {
  id: LibraryId;
  /** Index into the library's conformance configurations. */
  config: number;
  code: number;
  reason: string;
  /** Handshakes answered with HTTP 503 after the close. */
  refuse: number;
  /**
   * The close-triggering connection's counters: one connect and three echoes in the library's protocol
   * (socket.io: its open and connect packets; graphql-ws: init, ack and a subscription per echo). Chromium
   * records the same numbers.
   */
  counters: Pick<MessageCounters, 'sentMessages' | 'receivedMessages'>;
}

// Short waits, so the file stays quick: reconnecting-websocket at a constant 1 s (through one refused
// handshake, so a failed attempt is recorded too), socket.io 0.5–1.5 s, graphql-ws 1.3–4 s.
const CASES: Case[] = [
  {
    id: 'reconnecting-websocket',
    config: 1,
    code: 1013,
    reason: 'try again later',
    refuse: 1,
    counters: { sentMessages: 3, receivedMessages: 3 },
  },
  {
    id: 'socket.io-client',
    config: 0,
    code: 1012,
    reason: 'service restart',
    refuse: 0,
    counters: { sentMessages: 4, receivedMessages: 5 },
  },
  {
    id: 'graphql-ws',
    config: 0,
    code: 1012,
    reason: 'service restart',
    refuse: 0,
    counters: { sentMessages: 5, receivedMessages: 7 },
  },
];

let withExt: LaunchedFirefox;
let without: LaunchedFirefox;
let ext: Page;
let bundles: Record<string, string>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'closeline-firefox-libraries-'));
  bundles = await bundleLibraries(dir, [...new Set(CASES.map((c) => c.id))]);
  [withExt, without] = await launchBoth(launchFirefox(), launchFirefox({ extension: false }));
  // An extension page to read storage.session from.
  ext = await openExtensionPage(withExt.browser, 'src/devtools/devtools.html');
}, 180_000);

afterAll(async () => {
  await Promise.all([withExt?.close(), without?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Win = { __h: PageHarness; __reseed(n: number): void };

interface Run {
  pageUrl: string;
  page: PageLog;
  /** Handshakes after the close, refused or not. */
  attempts: number;
  closeSentAt: number;
  endedAt: number;
  /** The page's errors, with the server's address taken out (each run has its own port). */
  errors: string[];
  recording?: Recording;
}

/** One scenario in one Firefox, as conformance's runScenario runs it in Chromium. */
async function run(ff: LaunchedFirefox, lib: Library, c: Case, seed: number): Promise<Run> {
  const config = lib.configs[c.config]!;
  const where = `${lib.id} after ${c.code}, ${ff === withExt ? 'with' : 'without'} the extension`;
  const server = await startScenarioServer((http) => lib.backend(http));
  const page = await ff.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    server.script('/lib.js', bundles[lib.id]!);
    const pageUrl = server.page(`/${lib.id}/${c.code}`, pageHtml(lib, config, server, seed, `${lib.id} ${c.code}`));
    await page.goto(pageUrl);
    const first = await server.socket(1, FIRST_SOCKET_MS);
    if (!first) {
      throw new Error(
        `${where}: awaited the library's first socket for ${FIRST_SOCKET_MS / 1000} s after its page loaded, but ${server.handshakes.length} handshake(s) came and none was accepted`,
      );
    }
    const received = () => page.evaluate(() => (window as unknown as Win).__h.received);
    const echoes = (n: number) =>
      awaitEchoes(() => page.evaluate((k) => (window as unknown as Win).__h.echoes(k), n), received, n, where);
    await echoes(ECHOES_PER_OPEN);
    await page.evaluate((n) => (window as unknown as Win).__reseed(n), (seed ^ 0x5bd1e995) >>> 0);
    const before = server.handshakes.length;
    server.refuseNext(c.refuse);
    const closeSentAt = Date.now();
    first.close(c.code, c.reason);
    // Bounded as the conformance suite bounds it, so a library that never opens its next socket fails the
    // test with what was awaited, and this run still closes its page and server while its test runs.
    const plan = config.model.plan(c.code, c.refuse);
    const limitMs = reconnectWaitMs(config.model, c.code, plan.attempts);
    if (!(await server.socket(2, limitMs))) {
      throw new Error(
        `${where}: awaited the library's next socket, accepted by the server, for ${limitMs / 1000} s after the close (its model's worst case for ${plan.attempts} attempt(s), ${c.refuse} refused, plus a loaded machine's slack), but ${server.handshakes.length - before} handshake(s) came and ${server.sockets.length - 1} were accepted`,
      );
    }
    await echoes(2 * ECHOES_PER_OPEN);
    const log = await page.evaluate(() => {
      const h = (window as unknown as Win).__h;
      const { opens, closes, closedAt, sent, received, notes, draws, timers, closedPerf } = h;
      return {
        opens,
        closes,
        closedAt,
        sent,
        received,
        notes,
        draws,
        timers,
        closedPerf,
        timeOrigin: performance.timeOrigin,
      };
    });
    const attempts = server.handshakes.length - before;
    let recording: Recording | undefined;
    if (ff === withExt) {
      // Every socket the server saw, the last one open.
      recording = await waitForStoredRecording(ext, pageUrl, (r) => {
        const conns = r.connections.filter((x) => x.frameUrl === pageUrl);
        return conns.length === 1 + attempts && conns[conns.length - 1]!.events.some((e) => e.type === 'open') && r;
      });
    }
    const host = new URL(server.origin).host;
    return {
      pageUrl,
      page: log,
      attempts,
      closeSentAt,
      endedAt: Date.now(),
      errors: errors.map((e) => e.replaceAll(host, '<server>')),
      recording,
    };
  } finally {
    await page.close().catch(() => undefined);
    await server.close();
  }
}

describe('real client libraries in Firefox, with and without Closeline', () => {
  it.each(CASES)('$id: the server closes with $code, the library reconnects', async (c) => {
    const lib = LIBRARIES[c.id];
    const config = lib.configs[c.config]!;
    const where = `${c.id} after ${c.code}`;
    const seed = 20_261_205 + c.code;
    const [a, b] = await bothSides(run(withExt, lib, c, seed), run(without, lib, c, seed));

    // 1. The library behaves the same with and without the extension. (A refused handshake is an error
    // Firefox reports on the page either way.)
    expect(a.errors, `${where}: page errors`).toEqual(b.errors);
    expect(a.errors, `${where}: page errors`).toHaveLength(c.refuse);
    expect(a.page.draws, `${where}: random numbers drawn after the close`).toEqual(b.page.draws);
    expect(timerRequests(a.page.timers, lib.clockTimers), `${where}: timers asked for`).toEqual(
      timerRequests(b.page.timers, lib.clockTimers),
    );
    const policy = { immediate: config.model.immediate(c.code), other: lib.otherTimers };
    const scheduled = scheduledDelays(a.page.timers, a.attempts, policy);
    expect(scheduled, `${where}: delays scheduled`).toEqual(scheduledDelays(b.page.timers, b.attempts, policy));
    expect(a.attempts, `${where}: attempts`).toBe(b.attempts);
    expect(a.attempts, `${where}: attempts`).toBe(1 + c.refuse);
    expect(a.page.closes, `${where}: closes the library reported`).toEqual(b.page.closes);
    expect(a.page.notes, `${where}: errors the library reported`).toEqual(b.page.notes);
    expect(a.page.opens.length, `${where}: opens`).toBe(2);
    expect(b.page.opens.length, `${where}: opens without`).toBe(2);
    expect(a.page.received, `${where}: echoes delivered`).toBe(2 * ECHOES_PER_OPEN);
    expect(b.page.received, `${where}: echoes delivered without`).toBe(2 * ECHOES_PER_OPEN);

    // 2. The recording: every socket, the close event, who closed, the counters.
    const j = judge({ ...a, reconnected: true }, c.code);
    expect(j.connections, `${where}: connections recorded`).toHaveLength(1 + a.attempts);
    const url = j.trigger.url;
    for (const conn of j.connections) expect(conn.url, `${where}: every attempt to the same URL`).toBe(url);
    expect(closeEventOf(j.trigger), `${where}: close event`).toMatchObject({
      code: c.code,
      reason: c.reason,
      wasClean: true,
    });
    expect(j.trigger.counters, `${where}: counters`).toMatchObject(c.counters);
    const closures = new Map(j.analysis.closures.map((x) => [x.connectionId, x]));
    expect(closures.get(j.trigger.id)?.initiator, `${where}: who closed`).toBe('server');
    const failed = j.connections.slice(1, -1);
    for (const f of failed) {
      expect(closures.get(f.id), `${where}: a refused handshake`).toMatchObject({
        code: 1006,
        wasClean: false,
        initiator: 'network-never-opened',
      });
    }
    // reconnecting-websocket closes the failed socket itself, as it does in Chromium.
    if (c.id === 'reconnecting-websocket')
      for (const f of failed) expect(f.events.map((e) => e.type)).toEqual(['error', 'close-call', 'close']);

    // 3. Each closure links to the next attempt, one episode holds them, and its verdict is the one its delays earn.
    j.connections.slice(0, -1).forEach((conn, i) => {
      const next = closures.get(conn.id)?.next;
      expect(next?.nextId, `${where}: link from socket ${i + 1}`).toBe(j.connections[i + 1]!.id);
      expect(next?.delayS, `${where}: delay ${i + 1}`).toBeCloseTo(j.rawDelays[i]!, 3);
      expect(j.rawDelays[i], `${where}: delay ${i + 1} vs scheduled`).toBeGreaterThanOrEqual(
        scheduled[i]! - EARLY_TOL_S,
      );
    });
    expect(j.episode?.attemptIds, `${where}: episode attempts`).toEqual(j.connections.slice(1).map((x) => x.id));
    expect(j.verdict?.level, `${where}: verdict for [${j.rawDelays}]`).toBe(j.expected.level);
    expect(j.expected.rules, `${where}: verdict rule`).toContain(j.verdict?.rule);
  });
});
