/**
 * The checks of one scenario: the library behaves the same with and without
 * the extension; the recording matches what the browser's network stack saw
 * and what the library's source says it does; the verdict is the one its
 * delays earn.
 */
import { expect } from 'vitest';
import type { Library, LibraryConfig } from './libraries';
import { ECHOES_PER_OPEN } from './libraries';
import type { Scenario } from './scenarios';
import type { Observation } from './run-scenario';
import type { ScenarioResult } from './results';
import { judge, possibleVerdicts, scheduledVerdict, type Judged } from './judge';
import { timerRequests } from './scheduled';
import { openEventOf } from '../../../src/protocol/recording';
import { codeContextOf } from '../../../src/analysis/code-context';
import { detectProtocols } from '../../../src/knowledge';

/**
 * Timers never fire early; 50 ms covers the recording's millisecond clock, the page's and the
 * DevTools clocks, and the event order. Every wall-clock check is one-sided with this tolerance:
 * a stall of the shared machine only ever makes a measured wait longer, so it cannot fail them.
 */
export const EARLY_TOL_S = 0.05;
/**
 * Over all of a library's delays, the median of (with − without) stays within this much: the extension
 * delays most reconnects by no more. The median, not the mean: a library has 5 to 40 delays, and one
 * stall of a second on either side (seen on two shared cores, as often without the extension as with it
 * after the first reconnect) moved the mean of graphql-ws's five delays past 0.1 s in both directions.
 */
export const SYSTEMATIC_TOL_S = 0.1;
/** A difference this large in one delay is counted and shown (which side was slower), never failed on. */
export const STALL_S = 0.3;

export interface DelayShift {
  /** Delays compared (with and without). */
  n: number;
  median: number;
  mean: number;
  /** Delays at least STALL_S longer with the extension, and at least STALL_S shorter. */
  slower: number;
  faster: number;
}

/** (with − without) over every wall-clock delay of every row; NaN statistics when there are none. */
export function delayShift(rows: readonly ScenarioResult[]): DelayShift {
  const diffs = rows.flatMap((r) => r.networkDelaysS.with.map((d, i) => d - (r.networkDelaysS.without[i] ?? NaN)));
  const sorted = [...diffs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 ? (sorted[Math.floor(mid)] as number) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return {
    n: diffs.length,
    median,
    mean: diffs.reduce((a, b) => a + b, 0) / diffs.length,
    slower: diffs.filter((d) => d >= STALL_S).length,
    faster: diffs.filter((d) => d <= -STALL_S).length,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function evaluate(
  config: LibraryConfig,
  s: Scenario,
  withExt: Observation,
  without: Observation,
  durationMs: number,
): { row: ScenarioResult; judged: Judged } {
  const judged = judge(withExt, s.code);
  const sched = withExt.scheduledS;
  const modelRanges = sched.map((_, i) => config.model.range(s.code, i + 1, sched.slice(0, i)));
  const v = judged.verdict;
  const p = judged.projected?.verdict;
  const row: ScenarioResult = {
    config: config.label,
    code: s.code,
    refusals: withExt.refusals,
    refused: { with: withExt.refused, without: without.refused },
    attempts: { with: withExt.attempts.length, without: without.attempts.length },
    scheduledS: sched.map(round),
    delaysS: judged.rawDelays.map(round),
    networkDelaysS: { with: withExt.networkDelays.map(round), without: without.networkDelays.map(round) },
    modelRanges: modelRanges.map(([a, b]) => [round(a), round(b)]),
    modelSummary: config.model.summary,
    echoes: { with: withExt.page.received, without: without.page.received },
    verdict: v ? { level: v.level, rule: v.rule } : null,
    ...(judged.projected && { projected: p ? { level: p.level, rule: p.rule } : null }),
    durationMs,
    passed: false,
  };
  return { row, judged };
}

export function assertScenario(
  lib: Library,
  config: LibraryConfig,
  s: Scenario,
  withExt: Observation,
  without: Observation,
  j: Judged,
): void {
  const where = `${lib.id} (${config.label}) after ${s.code}`;
  const plan = config.model.plan(s.code, withExt.refusals);

  // 1. The library's observable behaviour is the same with and without the extension. Everything the
  // library decides is compared exactly: the random numbers it drew, every timer it asked for (so every
  // delay it scheduled), its attempts, closes, errors and echoes. Only how late the machine ran those
  // timers is wall-clock, and that is compared over all scenarios (delayShift), not per delay.
  const before = `handshakes before the close: ${withExt.handshakesBefore} with, ${without.handshakesBefore} without`;
  expect(
    withExt.page.draws,
    `${where}: random numbers the library drew after the close, with vs without (${before})`,
  ).toEqual(without.page.draws);
  const timersMsg = `${where}: timers the page asked for after the close, with vs without`;
  const compared = (o: Observation) => o.page.timers.filter((t) => !lib.queueTimers?.(t) && !lib.heartbeatTimers?.(t));
  expect(timerRequests(compared(withExt), lib.clockTimers, lib.raceTimers), timersMsg).toEqual(
    timerRequests(compared(without), lib.clockTimers, lib.raceTimers),
  );
  expect(withExt.scheduledS, `${where}: delays the library scheduled, with vs without`).toEqual(without.scheduledS);
  expect(withExt.attempts.length, `${where}: attempts with vs without the extension`).toBe(without.attempts.length);
  expect(withExt.reconnected, `${where}: reconnected with vs without`).toBe(without.reconnected);
  expect(withExt.refused, `${where}: handshakes refused with vs without`).toBe(without.refused);
  expect(withExt.page.closes, `${where}: closes the library reported`).toEqual(without.page.closes);
  expect(withExt.page.opens.length, `${where}: opens the library reported`).toBe(without.page.opens.length);
  expect(withExt.page.notes, `${where}: errors the library reported`).toEqual(without.page.notes);
  expect(withExt.page.received, `${where}: echoes delivered with vs without`).toBe(without.page.received);
  expect(withExt.page.received, `${where}: every echo delivered`).toBe(ECHOES_PER_OPEN * withExt.page.opens.length);
  for (const [side, o] of [
    ['with', withExt],
    ['without', without],
  ] as const) {
    // No handshake leaves sooner than the library's timer allows (measured from when it asked for the timer,
    // which may be before the close event: socket.io asks on the failed handshake's error).
    o.earliestAt.forEach((at, i) => {
      const sent = (o.sockets[i + 1]?.wallTime ?? NaN) * 1000;
      const msg = `${where}: handshake ${i + 1} ${side} the extension ${((sent - at) / 1000).toFixed(3)} s after its timer allowed`;
      expect(sent, msg).toBeGreaterThanOrEqual(at - EARLY_TOL_S * 1000);
    });
  }

  // 2. The library did what its source says: as many attempts, each after a delay in the source's range (exact).
  expect(withExt.attempts.length, `${where}: attempts after the close, ${withExt.refusals} handshakes refused`).toBe(
    plan.attempts,
  );
  expect(withExt.reconnected, `${where}: reconnected`).toBe(plan.accepted);
  expect(
    withExt.scheduledS.length,
    `${where}: one scheduled delay per attempt ${JSON.stringify(withExt.page.timers)}`,
  ).toBe(plan.attempts);
  withExt.scheduledS.forEach((d, i) => {
    const [lo, hi] = config.model.range(s.code, i + 1, withExt.scheduledS.slice(0, i));
    const msg = `${where}: scheduled d${i + 1} = ${d} s, library range ${lo}–${hi} s`;
    expect(d, msg).toBeGreaterThanOrEqual(lo - 0.001);
    expect(d, msg).toBeLessThanOrEqual(hi + 0.001);
  });

  // 3. The recording holds every attempt, the close as the page saw it, and delays that fit what happened:
  // never shorter than the library scheduled, never longer than the browser saw (the page constructs before
  // the handshake is sent, and sees the close or the failure after the browser does: network-log.ts).
  expect(j.connections.length, `${where}: connections recorded`).toBe(1 + withExt.attempts.length);
  const closure = j.analysis.closures.find((c) => c.connectionId === j.trigger.id);
  expect(closure?.code, `${where}: recorded close code`).toBe(s.code);
  expect(closure?.initiator, `${where}: who closed`).toBe(s.drop ? 'network-dropped' : 'server');
  j.rawDelays.forEach((d, i) => {
    const msg = `${where}: recorded d${i + 1} ${d} s, scheduled ${withExt.scheduledS[i]} s, network stack ${withExt.networkDelays[i]} s`;
    expect(d, msg).toBeLessThanOrEqual((withExt.networkDelays[i] ?? NaN) + EARLY_TOL_S);
  });
  withExt.earliestAt.forEach((at, i) => {
    const created = j.connections[i + 1]?.createdAt ?? NaN;
    const msg = `${where}: recorded attempt ${i + 1} ${((created - at) / 1000).toFixed(3)} s after its timer allowed`;
    expect(created, msg).toBeGreaterThanOrEqual(at - EARLY_TOL_S * 1000);
  });

  // The subprotocol the server negotiated, and what it establishes for the socket's codes (a name two
  // protocols share must not give one of them the other's codes).
  if (lib.subprotocol) {
    for (const c of j.connections.filter((conn) => openEventOf(conn))) {
      expect(openEventOf(c)?.protocol, `${where}: negotiated subprotocol of ${c.id}`).toBe(lib.subprotocol.negotiated);
      expect(detectProtocols(codeContextOf(c)), `${where}: protocols established for ${c.id}`).toEqual(
        lib.subprotocol.establishes,
      );
    }
  }

  // 4. The analysis links every attempt into the episode, with those delays.
  expect(j.episode, `${where}: episode of the close`).toBeDefined();
  expect(j.episode?.attemptIds, `${where}: episode attempts`).toEqual(j.connections.slice(1).map((c) => c.id));
  (j.episode?.delaysS ?? []).forEach((d, i) =>
    expect(d, `${where}: episode d${i + 1}`).toBeCloseTo(j.rawDelays[i] ?? NaN, 3),
  );

  // 5. The verdict is the one the recorded delays earn (docs/verdicts.md), and the one the library's own
  // schedule earns is one its model can earn. (A timer run late can move a recorded delay across a
  // threshold: the extension judges what happened, so that is checked against the oracle, not the model.)
  expect(
    j.verdict?.level,
    `${where}: verdict ${JSON.stringify(j.verdict)} for delays [${j.rawDelays.map((d) => d.toFixed(3))}], expected ${JSON.stringify(j.expected)}`,
  ).toBe(j.expected.level);
  expect(j.expected.rules, `${where}: verdict rule`).toContain(j.verdict?.rule);
  const asScheduled = scheduledVerdict(j, withExt.scheduledS);
  const possible = [...possibleVerdicts(config.model, j.oracleInput)];
  const msg = `${where}: verdict ${JSON.stringify(asScheduled)} for the scheduled delays, one the model can earn (${possible})`;
  expect(
    asScheduled.rules.some((r) => possible.includes(r)),
    msg,
  ).toBe(true);
  if (j.projected) {
    expect(
      j.projected.verdict?.level,
      `${where}: verdict after 60 s of silence, expected ${JSON.stringify(j.projected.expected)}`,
    ).toBe(j.projected.expected.level);
    expect(j.projected.expected.rules, `${where}: rule after 60 s of silence`).toContain(j.projected.verdict?.rule);
  }
}
