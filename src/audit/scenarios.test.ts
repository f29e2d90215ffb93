import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIOS, parseScenarios, scaled } from './scenarios';

describe('parseScenarios', () => {
  it.each<[string, string[] | string]>([
    ['1012', ['1012']],
    ['1008,1012', ['1012', '1008']],
    [' 1013 , 1006 ', ['1013', '1006']],
    ['outage:30,1012,1012', ['1012', 'outage:30']],
    ['outage:600', ['outage:600']],
    ['1012,1000', '1000'],
    ['outage:0', 'outage:0'],
    ['outage:601', 'outage:601'],
    ['outage:2.5', 'outage:2.5'],
    ['stall:5,1008,outage:30,1012', ['1012', 'outage:30', 'stall:5', '1008']],
    ['stall:600', ['stall:600']],
    ['stall:0', 'stall:0'],
    ['stall:601', 'stall:601'],
    ['stall:1.5', 'stall:1.5'],
    ['', ''],
  ])('%s', (text, want) => {
    const got = parseScenarios(text);
    if (typeof want === 'string') expect(got).toEqual({ ok: false, bad: want });
    else expect(got.ok && got.scenarios.map((s) => s.id)).toEqual(want);
  });

  it('the defaults parse, in run order, with 1008 last', () => {
    const got = parseScenarios(DEFAULT_SCENARIOS);
    expect(got.ok && got.scenarios.map((s) => s.id)).toEqual(['1012', '1013', '1006', 'outage:30', '1008']);
    expect(got.ok && got.scenarios.map((s) => s.boundS)).toEqual([15, 45, 15, 45, 10]);
  });

  it('a stall is sent as a stall of that length, bounded by its length and 2 s for its end to be recorded', () => {
    const got = parseScenarios('stall:60');
    if (!got.ok) throw new Error('parse');
    expect(got.scenarios[0]).toMatchObject({
      command: { kind: 'stall', seconds: 60 },
      boundS: 62,
      label: { id: 'audit_scenario_stall', subs: ['60'] },
    });
    expect(got.scenarios[0]?.expectsReconnect).toBeUndefined();
    // Scaled, the stall itself shrinks with its bound (whole seconds, at least 1).
    expect([0.1, 0.001].map((x) => scaled(got.scenarios[0]!, x)).map((s) => [s.command, s.boundS])).toEqual([
      [{ kind: 'stall', seconds: 6 }, 8],
      [{ kind: 'stall', seconds: 1 }, 3],
    ]);
  });

  it('scales bounds and keeps refusals whole seconds of at least 1', () => {
    const got = parseScenarios('1013,outage:3');
    if (!got.ok) throw new Error('parse');
    expect(got.scenarios.map((s) => scaled(s, 0.1)).map((s) => [s.boundS, s.refuseS])).toEqual([
      [4.5, 2],
      [1.8, 1],
    ]);
  });
});
