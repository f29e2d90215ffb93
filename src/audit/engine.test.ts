import { describe, expect, it } from 'vitest';
import { runAudit } from './engine';
import { FakePage, type Policy } from './fake-page';
import { parseScenarios } from './scenarios';
import { AuditError, type AuditProgress, type AuditReport } from './types';
import { problemCount } from './rows';

const WS = 'wss://app.test/live';
const CHAT = 'wss://app.test/chat?room=1';
const scenarios = (list: string) => {
  const p = parseScenarios(list);
  if (!p.ok) throw new Error(`bad scenarios ${p.bad}`);
  return p.scenarios;
};
const cells = (r: AuditReport) => r.rows.map((x) => `${x.scenario} ${x.outcome} ${x.level} ${x.verdict?.rule ?? '-'}`);

/** Reconnects after 1.5 s on 1012, gives up on 1008, else doubles from 1 s while handshakes fail. */
const fits: Policy = (code, failures) => (code === 1012 ? 1500 : code === 1008 ? null : 1000 * 2 ** failures);
const blind1008: Policy = (code, failures) => (code === 1008 ? 0 : fits(code, failures));
const constant1s: Policy = () => 1000;
const never: Policy = () => null;
const tooSoon: Policy = () => 100;

describe('runAudit on a SockJS page (new session ids in the URL of every connection)', () => {
  it('follows the page to its new session, as the verdict it reports does, scenario after scenario', async () => {
    let n = 100;
    const page = new FakePage(['wss://app.test/stomp/100/s100/websocket'], fits);
    page.nextUrl = () => `wss://app.test/stomp/${++n}/s${n}/websocket`;
    const report = await runAudit(page.driver(), { scenarios: scenarios('1012,1006') });
    expect(cells(report)).toEqual(['1012 recovered fits restart.fits', '1006 recovered info app-choice.not-judged']);
    // One endpoint, named as the glossary names it: without the session's two ids.
    expect(report.endpoints).toEqual(['wss://app.test/stomp/websocket']);
    // Each scenario acted on the socket open when it started: the first one, then the page's reconnect.
    expect(page.simulated.map((x) => x.id)).toEqual(['7:0:doc:1', '7:0:doc:2']);
  });
});

describe('runAudit against a fake page (verdicts come from the analysis core)', () => {
  it.each<[string, Policy, string, string[]]>([
    [
      'a page that fits every scenario',
      fits,
      '1012,1013,1008,1006,outage:30',
      [
        '1012 recovered fits restart.fits',
        '1013 recovered fits overload.fits',
        '1006 recovered info app-choice.not-judged',
        'outage:30 recovered fits app-choice.fits',
        // Silent for the 10 s bound: the profile waits its 60 s link window before "no retry" fits.
        '1008 no-attempt pending terminal.pending',
      ],
    ],
    ['a page that retries 1008 at once', blind1008, '1008', ['1008 recovered problem terminal.blind-retry']],
    ['a page without backoff after 1013', constant1s, '1013', ['1013 recovered problem overload.no-backoff']],
    ['a page that reconnects 0.1 s after 1012', tooSoon, '1012', ['1012 recovered problem restart.too-soon']],
    // No attempt by the 15 s bound: the engine waits out the profile's 60 s window, so the row is the
    // definite problem a CI run must fail on, never "pending".
    [
      'a page that never reconnects',
      never,
      '1012,1006',
      ['1012 no-attempt problem restart.no-reconnect', '1006 no-socket not-run -'],
    ],
    ['a page that never reconnects after 1013', never, '1013', ['1013 no-attempt problem overload.no-reconnect']],
  ])('%s', async (_name, policy, list, want) => {
    const page = new FakePage([WS], policy);
    const report = await runAudit(page.driver(), { scenarios: scenarios(list) });
    expect(cells(report)).toEqual(want);
    expect(report.endpoints).toEqual([WS]);
    expect(report.recording.connections.length).toBeGreaterThanOrEqual(1);
  });

  it.each<[string, number | null, string, string, string]>([
    [
      'a page with a 10 s heartbeat',
      10_000,
      'stall:60',
      'stall:60 recovered fits stall.noticed',
      'analysis_stall_noticed_closed 10.00 s',
    ],
    [
      'a page whose heartbeat takes 70 s',
      70_000,
      'stall:90',
      'stall:90 recovered advice stall.noticed',
      'analysis_stall_noticed_closed 70.00 s',
    ],
    [
      'a page without a heartbeat',
      null,
      'stall:60',
      'stall:60 no-attempt advice stall.not-noticed',
      'analysis_stall_not_noticed 60.00 s',
    ],
    [
      'a page without a heartbeat, short stall (not judged)',
      null,
      'stall:5',
      'stall:5 no-attempt info stall.not-noticed',
      'analysis_stall_not_noticed_short 5.00 s',
    ],
  ])('stall: %s', async (_name, heartbeatMs, list, want, sentence) => {
    const page = new FakePage([WS], fits);
    page.heartbeatMs = heartbeatMs;
    const report = await runAudit(page.driver(), { scenarios: scenarios(list) });
    expect(cells(report)).toEqual([want]);
    const row = report.rows[0]!;
    expect(row.closureId).toBe(page.simulated.find((s) => s.command.kind === 'stall')?.id);
    expect([row.verdict?.text.id, row.verdict?.text.subs?.[0]].join(' ')).toBe(sentence);
    expect(row.verdict?.expected?.text).toEqual({ id: 'audit_expected_stall', subs: ['60'] });
    // Advice says why heartbeats matter; a fitting or unjudged row does not.
    expect(row.verdict?.also?.[0]?.text.id).toBe(row.level === 'advice' ? 'analysis_stall_heartbeat_why' : undefined);
  });

  it('links each row to the closure it judged, and takes the delays from its episode', async () => {
    const page = new FakePage([WS], fits);
    const report = await runAudit(page.driver(), { scenarios: scenarios('1013') });
    const row = report.rows[0]!;
    expect(row.closureId).toBe(page.simulated.find((s) => s.command.kind === 'close')?.id);
    const closure = report.recording.connections.find((c) => c.id === row.closureId);
    expect(closure?.events.find((e) => e.type === 'close')).toMatchObject({ code: 1013 });
    expect(row.delaysS).toEqual([1, 2, 4, 8, 16]);
    expect(row.verdict?.observedDelays).toEqual([1, 2, 4, 8, 16]);
  });

  it('starts the refusal before the close, for the endpoint, then closes every open socket of it', async () => {
    const page = new FakePage([WS, WS, CHAT], fits);
    const report = await runAudit(page.driver(), { scenarios: scenarios('1013') });
    expect(page.simulated.map((s) => s.command.kind)).toEqual(['outage', 'close', 'close', 'outage', 'close']);
    expect(report.endpoints).toEqual([WS, 'wss://app.test/chat']);
    expect(report.rows.map((r) => `${r.endpoint} ${r.outcome}`)).toEqual([
      `${WS} recovered`,
      'wss://app.test/chat recovered',
    ]);
  });

  it('only touches sockets under the endpoint prefix', async () => {
    const page = new FakePage([WS, CHAT], fits);
    const report = await runAudit(page.driver(), {
      scenarios: scenarios('1012'),
      endpointPrefix: 'wss://app.test/chat',
    });
    expect(report.rows.map((r) => r.endpoint)).toEqual(['wss://app.test/chat']);
    expect(new Set(page.simulated.map((s) => s.id))).toEqual(new Set(['7:0:doc:2']));
  });

  it('with an endpoint chosen, touches that endpoint only, not every endpoint its URL begins', async () => {
    // The panel lists endpoints; the root one is the start of every other URL on its host.
    const root = 'wss://app.test/';
    const page = new FakePage([root, WS], fits);
    const report = await runAudit(page.driver(), { scenarios: scenarios('1012'), endpoint: root });
    expect(report.rows.map((r) => r.endpoint)).toEqual([root]);
    expect(new Set(page.simulated.map((s) => s.id))).toEqual(new Set(['7:0:doc:1']));
  });

  it("waits for a hold of the profile's 10 s before the next scenario, so each closure starts its own episode", async () => {
    const page = new FakePage([WS], fits);
    const report = await runAudit(page.driver(), { scenarios: scenarios('1012,1006') });
    const triggers = report.rows.map((r) => r.closureId);
    const opened = report.recording.connections
      .find((c) => c.id === triggers[1])!
      .events.find((e) => e.type === 'open')!.at;
    const closedAt = report.recording.connections
      .find((c) => c.id === triggers[1])!
      .events.find((e) => e.type === 'close')!.at;
    expect(closedAt - opened).toBeGreaterThanOrEqual(10_000);
    expect(report.rows.map((r) => r.verdict?.rule)).toEqual(['restart.fits', 'app-choice.not-judged']);
  });

  it('gives up at the bound, letting a reconnect already open finish its hold', async () => {
    // Reconnects 12 s after 1012: past the 15 s bound the new socket has been open 3 s; the engine waits for the hold.
    const page = new FakePage([WS], (code) => (code === 1012 ? 12_000 : null));
    const start = page.now;
    const report = await runAudit(page.driver(), { scenarios: scenarios('1012') });
    expect(cells(report)).toEqual(['1012 recovered advice restart.slow']);
    expect(page.now - start).toBeGreaterThan(22_000);
    expect(page.now - start).toBeLessThan(25_500);
  });

  it('scales bounds and refusals, never the hold', async () => {
    const page = new FakePage([WS], fits);
    const start = page.now;
    const report = await runAudit(page.driver(), { scenarios: scenarios('outage:30'), timeScale: 0.1 });
    expect(page.simulated[0]?.command).toEqual({ kind: 'outage', seconds: 3 });
    expect(report.rows[0]?.delaysS).toEqual([1, 2]);
    expect(report.rows[0]?.outcome).toBe('recovered');
    // 3 s of refusal, a reconnect at 3 s, then the full 10 s hold.
    expect(page.now - start).toBeGreaterThan(13_000);
  });

  it('fails with a clear error, never a pass, when the page has no open socket', async () => {
    const page = new FakePage([], fits);
    const run = runAudit(page.driver(), { scenarios: scenarios('1012'), socketWaitMs: 5000 });
    await expect(run).rejects.toBeInstanceOf(AuditError);
    await expect(runAudit(page.driver(), { scenarios: scenarios('1012') })).rejects.toMatchObject({
      kind: 'no-sockets',
      text: { id: 'audit_err_no_sockets' },
    });
    await expect(
      runAudit(new FakePage([WS], fits).driver(), { scenarios: scenarios('1012'), endpointPrefix: 'wss://other/' }),
    ).rejects.toMatchObject({
      text: { id: 'audit_err_no_sockets_prefix', subs: ['wss://other/', '0'] },
    });
    expect(page.now - 1_700_000_000_000).toBeGreaterThanOrEqual(5000);
  });

  it("reports a refused simulation with the background's reason", async () => {
    const page = new FakePage([WS], fits);
    page.refuseWith = 'This connection is already closed.';
    const report = await runAudit(page.driver(), { scenarios: scenarios('1012') });
    expect(report.rows).toEqual([
      {
        endpoint: WS,
        scenario: '1012',
        outcome: 'refused',
        level: 'not-run',
        delaysS: [],
        message: 'This connection is already closed.',
      },
    ]);
  });

  it('cancel: stops waiting, sends nothing more, and says what was done and what is still in effect', async () => {
    const page = new FakePage([WS], fits);
    const controller = new AbortController();
    const report = await runAudit(page.driver(), {
      scenarios: scenarios('1012,1013,1006'),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.scenario === '1013' && page.simulated.length === 3) controller.abort();
      },
    });
    expect(report.cancelled).toEqual({ scenario: '1013', index: 2, outageLeftS: 20 });
    expect(report.rows.map((r) => `${r.scenario} ${r.outcome}`)).toEqual(['1012 recovered', '1013 cancelled']);
    expect(page.simulated.map((s) => s.command.kind)).toEqual(['close', 'outage', 'close']);
  });

  it('progress: scenario n of m, time left never above the bound plus the hold, then done', async () => {
    const page = new FakePage([WS], fits);
    const seen: AuditProgress[] = [];
    await runAudit(page.driver(), { scenarios: scenarios('1012,1008'), onProgress: (p) => seen.push(p) });
    const running = seen.filter((p) => p.phase === 'running');
    expect(running.map((p) => `${p.index}/${p.total} ${p.scenario}`).filter((v, i, a) => a.indexOf(v) === i)).toEqual([
      '1/2 1012',
      '2/2 1008',
    ]);
    for (const p of running) expect(p.leftMs).toBeLessThanOrEqual(15_000 + 10_300);
    expect(running[0]!.totalLeftMs).toBeGreaterThan(running[0]!.leftMs);
    expect(seen.at(-1)?.phase).toBe('done');
  });

  it('counts problems for the exit status', async () => {
    const report = await runAudit(new FakePage([WS], blind1008).driver(), { scenarios: scenarios('1012,1008') });
    expect(problemCount(report)).toBe(1);
    expect(problemCount(await runAudit(new FakePage([WS], fits).driver(), { scenarios: scenarios('1012') }))).toBe(0);
  });
});
