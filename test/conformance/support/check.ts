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
import { judge, possibleVerdicts, type Judged } from './judge';

/** Timers never fire early; 50 ms covers the recording's clock and the event order. */
export const EARLY_TOL_S = 0.05;
/**
 * Two shared cores running many pages: a page's timer or event may be this
 * much late (stalls of 0.3 s were seen while other work ran on the machine).
 */
export const LATE_TOL_S = 0.4;
/** The same seeded library in two browsers: each delay (network stack's view) agrees within this much. */
export const SAME_TOL_S = 0.4;
/** Over all of a library's delays, the mean of (with − without) stays within this much: no systematic slowdown. */
export const SYSTEMATIC_TOL_S = 0.1;
/** The recording's delay (page events) and the network stack's view of it (event dispatch in between). */
export const NETWORK_TOL_S = 0.4;

/** Mean of (with − without) over every delay of every row; NaN when there are none. */
export function meanDelayShift(rows: readonly ScenarioResult[]): number {
  const diffs = rows.flatMap((r) => r.networkDelaysS.with.map((d, i) => d - (r.networkDelaysS.without[i] ?? NaN)));
  return diffs.reduce((a, b) => a + b, 0) / diffs.length;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function evaluate(config: LibraryConfig, s: Scenario, withExt: Observation, without: Observation, durationMs: number): { row: ScenarioResult; judged: Judged } {
  const judged = judge(withExt, s.code);
  const modelRanges = judged.rawDelays.map((_, i) => config.model.range(s.code, i + 1, judged.rawDelays.slice(0, i)));
  const v = judged.verdict;
  const p = judged.projected?.verdict;
  const row: ScenarioResult = {
    config: config.label,
    code: s.code,
    refusals: withExt.refusals,
    refused: { with: withExt.refused, without: without.refused },
    attempts: { with: withExt.attempts.length, without: without.attempts.length },
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

export function assertScenario(lib: Library, config: LibraryConfig, s: Scenario, withExt: Observation, without: Observation, j: Judged): void {
  const where = `${lib.id} (${config.label}) after ${s.code}`;
  const plan = config.model.plan(s.code, withExt.refusals);

  // 1. The library's observable behaviour is the same with and without the extension.
  // Same seed, same draws: checked, so a delay that differs below is timing, never a different draw.
  const before = `handshakes before the close: ${withExt.handshakesBefore} with, ${without.handshakesBefore} without`;
  expect(withExt.page.draws, `${where}: random numbers the library drew after the close, with vs without (${before})`).toEqual(without.page.draws);
  expect(withExt.attempts.length, `${where}: attempts with vs without the extension`).toBe(without.attempts.length);
  expect(withExt.reconnected, `${where}: reconnected with vs without`).toBe(without.reconnected);
  expect(withExt.refused, `${where}: handshakes refused with vs without`).toBe(without.refused);
  withExt.networkDelays.forEach((d, i) => {
    expect(Math.abs(d - (without.networkDelays[i] ?? NaN)), `${where}: network d${i + 1} with ${d} vs without ${without.networkDelays[i]}`).toBeLessThanOrEqual(SAME_TOL_S);
  });
  expect(withExt.page.closes, `${where}: closes the library reported`).toEqual(without.page.closes);
  expect(withExt.page.opens.length, `${where}: opens the library reported`).toBe(without.page.opens.length);
  expect(withExt.page.notes, `${where}: errors the library reported`).toEqual(without.page.notes);
  expect(withExt.page.received, `${where}: echoes delivered with vs without`).toBe(without.page.received);
  expect(withExt.page.received, `${where}: every echo delivered`).toBe(ECHOES_PER_OPEN * withExt.page.opens.length);

  // 2. The library did what its source says.
  expect(withExt.attempts.length, `${where}: attempts after the close, ${withExt.refusals} handshakes refused`).toBe(plan.attempts);
  expect(withExt.reconnected, `${where}: reconnected`).toBe(plan.accepted);
  j.rawDelays.forEach((d, i) => {
    const [lo, hi] = config.model.range(s.code, i + 1, j.rawDelays.slice(0, i));
    expect(d, `${where}: d${i + 1} = ${d.toFixed(3)} s, library range ${lo}–${hi} s`).toBeGreaterThanOrEqual(lo - EARLY_TOL_S);
    expect(d, `${where}: d${i + 1} = ${d.toFixed(3)} s, library range ${lo}–${hi} s`).toBeLessThanOrEqual(hi + LATE_TOL_S);
  });

  // 3. The recording holds every attempt, the close as the page saw it, and the browser's network timing.
  expect(j.connections.length, `${where}: connections recorded`).toBe(1 + withExt.attempts.length);
  const closure = j.analysis.closures.find((c) => c.connectionId === j.trigger.id);
  expect(closure?.code, `${where}: recorded close code`).toBe(s.code);
  expect(closure?.initiator, `${where}: who closed`).toBe(s.drop ? 'network-dropped' : 'server');
  j.rawDelays.forEach((d, i) => {
    expect(Math.abs(d - (withExt.networkDelays[i] ?? NaN)), `${where}: recorded d${i + 1} ${d} vs network stack ${withExt.networkDelays[i]}`).toBeLessThanOrEqual(NETWORK_TOL_S);
  });

  // 4. The analysis links every attempt into the episode, with those delays.
  expect(j.episode, `${where}: episode of the close`).toBeDefined();
  expect(j.episode?.attemptIds, `${where}: episode attempts`).toEqual(j.connections.slice(1).map((c) => c.id));
  (j.episode?.delaysS ?? []).forEach((d, i) => expect(d, `${where}: episode d${i + 1}`).toBeCloseTo(j.rawDelays[i] ?? NaN, 3));

  // 5. The verdict is the one these delays earn (docs/verdicts.md), and one this library can earn.
  expect(j.verdict?.level, `${where}: verdict ${JSON.stringify(j.verdict)} for delays [${j.rawDelays.map((d) => d.toFixed(3))}], expected ${JSON.stringify(j.expected)}`).toBe(j.expected.level);
  expect(j.expected.rules, `${where}: verdict rule`).toContain(j.verdict?.rule);
  expect([...possibleVerdicts(config.model, j.oracleInput)], `${where}: verdicts the library's model can earn`).toContain(j.verdict?.rule);
  if (j.projected) {
    expect(j.projected.verdict?.level, `${where}: verdict after 60 s of silence, expected ${JSON.stringify(j.projected.expected)}`).toBe(j.projected.expected.level);
    expect(j.projected.expected.rules, `${where}: rule after 60 s of silence`).toContain(j.projected.verdict?.rule);
  }
}
