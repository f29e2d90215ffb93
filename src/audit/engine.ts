/**
 * The reconnect check's engine: for each scenario in turn, simulate it on every
 * open socket of each endpoint, wait until the page has reconnected and held
 * the connection for the profile's hold (or the scenario's bound passes), then
 * judge with the analysis core. Verdicts are the analysis core's, never re-derived here.
 */
import { analyzeRecording, getProfile } from '../analysis';
import type { Recording } from '../protocol/recording';
import { answerAt, openByEndpoint, type SocketFilter } from './observe';
import { rowsFrom, type ScenarioResult } from './rows';
import { scaled, type Scenario } from './scenarios';
import { AuditError, type AuditDriver, type AuditOptions, type AuditReport } from './types';

/** Added to the profile's hold so the analysis, on its own clock, also sees the connection as recovered. */
const HOLD_MARGIN_MS = 300;
const DEFAULT_POLL_MS = 250;

/** The sockets the options name: under the command line's prefix, of the panel's endpoint, or all. */
const filterOf = (opts: AuditOptions): SocketFilter => ({ prefix: opts.endpointPrefix, endpoint: opts.endpoint });

interface Ctx {
  driver: AuditDriver;
  opts: AuditOptions;
  holdMs: number;
  /** The profile's window for a first reconnect (with its tolerance): after it, "no reconnect" is certain. */
  silenceMs: number;
  pollMs: number;
  scenarios: Scenario[];
  endpoints: string[];
}

export async function runAudit(driver: AuditDriver, opts: AuditOptions): Promise<AuditReport> {
  const { profile } = getProfile(opts.profileId);
  const scale = opts.timeScale ?? 1;
  const ctx: Ctx = {
    driver,
    opts,
    holdMs: profile.terms.stableOpenS * 1000 + HOLD_MARGIN_MS,
    // Never scaled, like the hold: it is the profile's term, and a shorter wait leaves the verdict pending.
    silenceMs: (profile.terms.linkWindowS + profile.terms.toleranceS) * 1000 + HOLD_MARGIN_MS,
    pollMs: opts.pollMs ?? DEFAULT_POLL_MS,
    scenarios: opts.scenarios.map((s) => scaled(s, scale)),
    endpoints: [],
  };
  const startedAt = driver.now();
  const first = await waitForSockets(ctx);
  ctx.endpoints = [...openByEndpoint(first, filterOf(opts)).keys()];

  const results: ScenarioResult[] = [];
  let cancelled: AuditReport['cancelled'];
  for (let i = 0; i < ctx.scenarios.length; i++) {
    const scenario = ctx.scenarios[i] as Scenario;
    if (opts.signal?.aborted) {
      cancelled = { scenario: scenario.id, index: i + 1, outageLeftS: outageLeft(results, driver.now()) };
      break;
    }
    const result = await runScenario(ctx, scenario, i);
    results.push(result);
    if (result.cancelled) {
      cancelled = { scenario: scenario.id, index: i + 1, outageLeftS: outageLeft(results, driver.now()) };
      break;
    }
  }

  const recording = await driver.recording();
  const endedAt = driver.now();
  const analyze = opts.analyze ?? analyzeRecording;
  const analysis = analyze(recording, { profileId: opts.profileId, now: endedAt });
  opts.onProgress?.({
    phase: 'done',
    index: results.length,
    total: ctx.scenarios.length,
    leftMs: 0,
    totalLeftMs: 0,
    endpointsDone: 0,
    endpoints: ctx.endpoints.length,
  });
  return {
    profileId: analysis.profileId ?? profile.id,
    startedAt,
    endedAt,
    scenarios: ctx.scenarios.map((s) => s.id),
    endpoints: ctx.endpoints,
    rows: rowsFrom(results, analysis),
    ...(cancelled && { cancelled }),
    recording,
  };
}

async function waitForSockets(ctx: Ctx): Promise<Recording> {
  const { driver, opts } = ctx;
  const deadline = driver.now() + (opts.socketWaitMs ?? 0);
  for (;;) {
    const rec = await driver.recording();
    if (openByEndpoint(rec, filterOf(opts)).size > 0) return rec;
    const left = deadline - driver.now();
    if (left <= 0 || opts.signal?.aborted) {
      const waitedS = String(Math.round((opts.socketWaitMs ?? 0) / 1000));
      const only = opts.endpoint ?? opts.endpointPrefix;
      throw new AuditError(
        'no-sockets',
        only !== undefined
          ? { id: 'audit_err_no_sockets_prefix', subs: [only, waitedS] }
          : { id: 'audit_err_no_sockets', subs: [waitedS] },
      );
    }
    opts.onProgress?.({
      phase: 'waiting-for-sockets',
      index: 0,
      total: ctx.scenarios.length,
      leftMs: left,
      totalLeftMs: left,
      endpointsDone: 0,
      endpoints: 0,
    });
    await driver.wait(Math.min(ctx.pollMs, left), opts.signal);
  }
}

function outageLeft(results: ScenarioResult[], now: number): number {
  const until = Math.max(0, ...results.map((r) => r.refusedUntil ?? 0));
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/** Upper bound of the time the scenarios after `i` may take (for the progress bar). */
function laterMs(ctx: Ctx, i: number): number {
  return ctx.scenarios.slice(i + 1).reduce((sum, s) => sum + s.boundS * 1000 + ctx.holdMs, 0);
}

async function runScenario(ctx: Ctx, scenario: Scenario, i: number): Promise<ScenarioResult> {
  const { driver, opts } = ctx;
  const rec = await driver.recording();
  const before = new Set(rec.connections.map((c) => c.id));
  const open = openByEndpoint(rec, filterOf(opts));
  const result: ScenarioResult = {
    scenario: scenario.id,
    endpoints: new Map(),
    ...(scenario.command.kind === 'stall' && { stall: true }),
  };
  const triggerAt = driver.now();
  for (const endpoint of ctx.endpoints) {
    const conns = open.get(endpoint) ?? [];
    if (conns.length === 0) {
      result.endpoints.set(endpoint, { outcome: 'no-socket' });
      continue;
    }
    try {
      if (scenario.refuseS !== undefined) {
        // First, so the page's immediate reconnect already meets the refusal.
        await driver.simulate((conns[0] as { id: string }).id, { kind: 'outage', seconds: scenario.refuseS });
        result.refusedUntil = Math.max(result.refusedUntil ?? 0, driver.now() + scenario.refuseS * 1000);
      }
      for (const c of conns) await driver.simulate(c.id, scenario.command);
      result.endpoints.set(endpoint, { outcome: 'no-attempt', closureId: (conns[0] as { id: string }).id });
    } catch (e) {
      result.endpoints.set(endpoint, { outcome: 'refused', message: e instanceof Error ? e.message : String(e) });
    }
  }

  const watched = [...result.endpoints].filter(([, r]) => r.closureId !== undefined).map(([ep]) => ep);
  const boundMs = scenario.boundS * 1000;
  for (;;) {
    const now = driver.now();
    const current = await driver.recording();
    let done = 0;
    let holding = 0;
    let holdLeft = 0;
    let silent = 0;
    for (const ep of watched) {
      const a = answerAt(current, ep, before, now, ctx.holdMs);
      const r = result.endpoints.get(ep) as NonNullable<ReturnType<typeof result.endpoints.get>>;
      if (a.kind === 'recovered') {
        r.outcome = 'recovered';
        done++;
      } else if (a.kind !== 'none') r.outcome = 'not-recovered';
      else silent++;
      if (a.kind === 'holding') {
        holding++;
        holdLeft = Math.max(holdLeft, ctx.holdMs - a.heldMs);
      }
    }
    const elapsed = now - triggerAt;
    // A page expected to reconnect that has not tried yet is given the profile's whole window.
    const awaitingFirst = scenario.expectsReconnect === true && silent > 0 && elapsed < ctx.silenceMs;
    // Past the bound, a reconnect already open may finish its hold; nothing else is waited for.
    const finished =
      done === watched.length ||
      (elapsed >= boundMs && !awaitingFirst && (holding === 0 || elapsed >= boundMs + ctx.holdMs));
    if (finished) return result;
    const base = elapsed < boundMs ? Math.max(boundMs - elapsed, holdLeft) : holdLeft;
    // The wait for a first attempt shows only once the bound has passed without one.
    const leftMs = awaitingFirst && elapsed >= boundMs ? Math.max(base, ctx.silenceMs - elapsed) : base;
    opts.onProgress?.({
      phase: 'running',
      index: i + 1,
      total: ctx.scenarios.length,
      scenario: scenario.id,
      leftMs,
      totalLeftMs: leftMs + laterMs(ctx, i),
      endpointsDone: done,
      endpoints: watched.length,
    });
    if (opts.signal?.aborted) {
      result.cancelled = true;
      return result;
    }
    await driver.wait(Math.min(ctx.pollMs, Math.max(1, leftMs)), opts.signal);
    if (opts.signal?.aborted) {
      result.cancelled = true;
      return result;
    }
  }
}
