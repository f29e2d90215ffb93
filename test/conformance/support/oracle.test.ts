/** The oracle against the worked examples and reference table of docs/verdicts.md. */
import { describe, expect, it } from 'vitest';
import { expectedVerdict, isStorm, requestUrl } from './oracle';

const at = (delays: number[]) => {
  let t = 0;
  return delays.map((d) => (t += d * 1000 + 20));
};
const run = (code: number, delays: number[], trailing: 'none' | 'running' | 'expired' = 'none', same = true) =>
  expectedVerdict({ code, delays, attemptsAt: at(delays), sameRequest: delays.map(() => same), trailing });

describe('oracle: the examples of docs/verdicts.md', () => {
  it.each([
    ['1012 worked example', 1012, [1.07, 1.07, 1.75, 3.89], 'fits', 'restart.fits'],
    ['1013 worked example: a real jittered client', 1013, [1.01, 1.07, 1.29, 3.38, 6.22], 'fits', 'overload.fits'],
    ['1013 worked example: no backoff at k = 5', 1013, [1.07, 0.6, 1.2, 0.9, 1.1], 'problem', 'overload.no-backoff'],
    ['1013 three flat waits are too few for no backoff', 1013, [1.07, 0.6, 1.2], 'fits', 'overload.fits'],
    ['1012 constant 1 s (first reconnect holds)', 1012, [1], 'fits', 'restart.fits'],
    ['1012 two waits: not judged', 1012, [2, 3], 'info', 'restart.not-judged'],
    ['1013 one wait: not judged', 1013, [1], 'info', 'overload.not-judged'],
    ['1013 constant 1 s, 4 waits: slow growth', 1013, [1, 1, 1, 1], 'advice', 'overload.slow-growth'],
    ['1013 constant 1 s, 5 waits', 1013, [1, 1, 1, 1, 1], 'problem', 'overload.no-backoff'],
    ['1008 any retry with the same request', 1008, [1.3], 'problem', 'terminal.blind-retry'],
    ['1006 constant 1 s', 1006, [1, 1, 1, 1, 1], 'advice', 'app-choice.no-backoff'],
    ['1012 first wait 0.6 s', 1012, [0.6], 'problem', 'restart.too-soon'],
    ['1012 first wait 7 s', 1012, [7], 'advice', 'restart.slow'],
    ['1013 doubling from 1 s, cap 5 s, 7 delays', 1013, [1, 2, 4, 5, 5, 5, 5], 'advice', 'overload.low-cap'],
    ['1013 2^k + jitter', 1013, [1.5, 3.2, 5.1, 9.9], 'fits', 'overload.fits'],
    ['1006 2^k + jitter', 1006, [1.5, 3.2, 5.1, 9.9], 'fits', 'app-choice.fits'],
    ['1000 reconnect at once', 1000, [0.01], 'info', 'none.reconnected'],
    ['1006 one reconnect: shape not judged', 1006, [2.5], 'info', 'app-choice.not-judged'],
    ['0 ms loop', 1013, [0, 0, 0, 0, 0], 'problem', 'storm'],
  ])('%s', (_name, code, delays, level, rule) => {
    const v = run(code, delays);
    expect(v.level).toBe(level);
    expect(v.rules).toContain(rule);
  });

  it.each([
    [1012, 'expired', 'problem', 'restart.no-reconnect'],
    [1012, 'running', 'pending', 'restart.pending'],
    [1013, 'expired', 'problem', 'overload.no-reconnect'],
    [1008, 'expired', 'fits', 'terminal.no-retry'],
    [1008, 'running', 'pending', 'terminal.pending'],
    [1006, 'expired', 'info', 'app-choice.no-reconnect'],
    [1000, 'running', 'info', 'none.no-reconnect'],
  ] as const)('no reconnect after %i with the wait %s', (code, trailing, level, rule) => {
    expect(run(code, [], trailing)).toEqual({ level, rules: [rule] });
  });

  it('1014 worked example: a tiny first wait hides no loop (floor 0.25 s); within 2 s it is a storm', () => {
    const delays = [0.013, 0.072, 0.073, 0.09, 0.095];
    let t = 0;
    const slow = delays.map((d) => (t += d * 1000 + 600));
    const v = expectedVerdict({
      code: 1014,
      delays,
      attemptsAt: slow,
      sameRequest: delays.map(() => true),
      trailing: 'none',
    });
    expect(v.level).toBe('advice');
    expect(v.rules).toContain('app-choice.no-backoff');
    expect(run(1014, delays)).toEqual({ level: 'problem', rules: ['storm'] });
  });

  it('a 1008 retry with a changed request fits', () => {
    expect(run(1008, [1], 'none', false)).toEqual({ level: 'fits', rules: ['terminal.changed-request'] });
  });

  it.each([
    [[0, 400, 800, 1200, 1600], true],
    [[0, 490, 980, 1470, 1950], true],
    [[0, 500, 1000, 1500, 2000], false],
    [[0, 250, 500, 750], false],
  ])('storm over %j is %s', (times, storm) => {
    expect(isStorm(times)).toBe(storm);
  });
});

describe('oracle: the request a retry is compared by', () => {
  it.each([
    [
      'a new SockJS session is the same request',
      'ws://h:1/sockjs/237/42ceiz2v/websocket',
      'ws://h:1/sockjs/662/qbboivja/websocket',
      true,
    ],
    ['a SockJS session at the root of the host', 'ws://h:1/000/a/websocket', 'ws://h:1/999/b/websocket', true],
    ['another query is another request', 'ws://h:1/s/237/a/websocket?t=1', 'ws://h:1/s/662/b/websocket?t=2', false],
    ['another base is another request', 'ws://h:1/a/237/x/websocket', 'ws://h:1/b/237/x/websocket', false],
    [
      "a two-digit id is an app's own path",
      'ws://h:1/rooms/42/abc/websocket',
      'ws://h:1/rooms/43/abc/websocket',
      false,
    ],
    ['a dotted session id is no SockJS session', 'ws://h:1/x/237/a.b/websocket', 'ws://h:1/x/238/a.c/websocket', false],
    ['a path that goes on after websocket', 'ws://h:1/237/abc/websocket/x', 'ws://h:1/238/abd/websocket/x', false],
  ])('%s', (_name, a, b, same) => {
    expect(requestUrl(a) === requestUrl(b)).toBe(same);
  });
});
