import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { chain, conn, lifecycle, navigation, recordingOf, T0, URL_A, type ChainSpec } from './test-fixtures';
import type { Mark } from '../protocol/recording';
import type { Verdict } from './types';
import { t } from '../i18n/translate';

function verdictOf(
  spec: ChainSpec,
  opts: { profileId?: string; marks?: (closedAt: number) => Mark[]; now?: number } = {},
): Verdict {
  const probe = chain(spec);
  const c = chain(spec, opts.marks?.(probe.closedAt) ?? []);
  const v = analyzeRecording(c.recording, {
    now: opts.now ?? c.now,
    ...(opts.profileId && { profileId: opts.profileId }),
  }).verdictByClosure[c.triggerId];
  if (!v) throw new Error('no verdict');
  return v;
}

describe('worked examples (docs/verdicts.md)', () => {
  it.each<[string, ChainSpec, string, string]>([
    [
      '1.07, 1.07, 1.75, 3.89 s after 1012: fits (the waits grow)',
      { code: 1012, delays: [1.07, 1.07, 1.75, 3.89] },
      'fits',
      'restart.fits',
    ],
    [
      '1.01, 1.07, 1.29, 3.38, 6.22 s after 1013 (a real jittered client): fits',
      { code: 1013, delays: [1.01, 1.07, 1.29, 3.38, 6.22] },
      'fits',
      'overload.fits',
    ],
    [
      '1.07, 0.6, 1.2, 0.9, 1.1 s after 1013: no backoff at k = 5',
      { code: 1013, delays: [1.07, 0.6, 1.2, 0.9, 1.1] },
      'problem',
      'overload.no-backoff',
    ],
    [
      '1.07, 0.6, 1.2 s after 1013: three waits are not enough for "no backoff"',
      { code: 1013, delays: [1.07, 0.6, 1.2] },
      'fits',
      'overload.fits',
    ],
    // Failures that take 0.6 s each keep the five attempts more than 2 s apart: no storm.
    [
      '0.013, 0.072, 0.073, 0.09, 0.095 s after 1014: advice, no backoff (floor 0.25 s)',
      { code: 1014, delays: [0.013, 0.072, 0.073, 0.09, 0.095], failMs: 600 },
      'advice',
      'app-choice.no-backoff',
    ],
    [
      'the same waits with quick failures: five attempts within 2 s, a storm',
      { code: 1014, delays: [0.013, 0.072, 0.073, 0.09, 0.095], failMs: 50 },
      'problem',
      'storm',
    ],
  ])('%s', (_name, spec, level, rule) => {
    const v = verdictOf(spec);
    expect(v).toMatchObject({ level, rule, observedDelays: spec.delays, profileId: 'default' });
  });

  it.each<[string, ChainSpec, string]>([
    ['1, 2, 4 s after 1013: the waits grow', { code: 1013, delays: [1, 2, 4] }, 'verdict_backoff_fits'],
    [
      '1, 1, 1 s after 1013 (MQTT.js, reconnectPeriod 1 s)',
      { code: 1013, delays: [1, 1, 1] },
      'verdict_backoff_fits_ungrown',
    ],
    ['3, 3, 3, 3 s after 1006', { code: 1006, delays: [3, 3, 3, 3] }, 'verdict_backoff_fits_ungrown'],
    [
      '0, 0, 0 s after 1006 (no storm: three attempts)',
      { code: 1006, delays: [0, 0, 0] },
      'verdict_backoff_fits_ungrown',
    ],
    [
      'ten waits of 10 s after 1013',
      { code: 1013, delays: Array<number>(10).fill(10) },
      'verdict_backoff_fits_ungrown',
    ],
    ['1012, then 2, 2 s after its failed reconnect', { code: 1012, delays: [2, 2, 2] }, 'verdict_backoff_fits_ungrown'],
    [
      '0.1, 0.5, 0.3 s after 1006: 0.5 s is past 1.5 · 0.25 s',
      { code: 1006, delays: [0.1, 0.5, 0.3], failMs: 600 },
      'verdict_backoff_fits',
    ],
  ])('a fitting shape whose waits did not grow does not say they grow: %s', (_name, spec, id) => {
    const v = verdictOf(spec);
    expect(v.level).toBe('fits');
    expect(v.rule).toMatch(/\.fits$/);
    expect(v.text.id).toBe(id);
  });

  it('the worked 1012 example is judged by the backoff checks from k = 2 and reads as a sentence', () => {
    const v = verdictOf({ code: 1012, delays: [1.07, 1.07, 1.75, 3.89] });
    expect(v.text).toEqual({ id: 'verdict_backoff_fits', subs: ['1.07, 1.07, 1.75, 3.89 s'] });
    expect(t(v.text.id, v.text.subs)).toBe('The waits grow as a backoff should (1.07, 1.07, 1.75, 3.89 s).');
    expect(v.expected).toMatchObject({ minS: 1, maxS: 5 });
    expect(v.expected && t(v.expected.text.id, v.expected.text.subs)).toBe('1–5 s');
  });

  it('the 1013 example names the attempt and the threshold', () => {
    const v = verdictOf({ code: 1013, delays: [1.07, 0.6, 1.2, 0.9, 1.1] });
    expect(t(v.text.id, v.text.subs)).toBe(
      'No backoff: by attempt 5 the page had never waited 2 s and its waits were not growing (1.07, 0.60, 1.20, 0.90, 1.10 s). Wait longer after each failure.',
    );
    // Slow growth also holds from k = 4, reported beside the problem.
    expect(v.also?.map((a) => a.rule)).toEqual(['overload.slow-growth']);
  });
});

describe('1012 after a failed first reconnect', () => {
  it.each<[string, number[], string, string]>([
    ['too soon stays a problem whatever follows', [0.5, 2, 4, 8], 'problem', 'restart.too-soon'],
    ['constant waits after a good first delay: no backoff', [1.2, 1.2, 1.2, 1.2, 1.2], 'problem', 'restart.no-backoff'],
    ['two delays: backoff not judged yet (information)', [2, 3], 'info', 'restart.not-judged'],
    ['slow first delay, then growth: advice', [8, 12, 20], 'advice', 'restart.slow'],
  ])('%s', (_name, delays, level, rule) => {
    expect(verdictOf({ code: 1012, delays })).toMatchObject({ level, rule });
  });
});

describe('counted sentences name their plural family, the count first', () => {
  it.each<[string, number[], string, string[]]>([
    ['one wait: not judged, counting the waits it takes', [0.6], 'verdict_backoff_not_judged', ['3', '0.60 s']],
    [
      'six waits under the cap: low cap, counting the waits',
      [1, 2, 4, 8, 9, 9],
      'verdict_backoff_low_cap',
      ['6', '1.00, 2.00, 4.00, 8.00, 9.00, 9.00 s', '9.00 s', '10'],
    ],
  ])('%s', (_name, delays, id, subs) => {
    expect(verdictOf({ code: 1013, delays }).text).toEqual({ id, subs, plural: true });
  });

  it('a sentence that counts nothing stays a plain one', () => {
    expect(verdictOf({ code: 1012, delays: [2] }).text).toEqual({
      id: 'verdict_restart_fits',
      subs: expect.any(Array),
    });
  });
});

describe('tolerance (0.05 s in the page favour)', () => {
  it.each<[number, number, string]>([
    [1012, 0.96, 'restart.fits'],
    [1012, 0.94, 'restart.too-soon'],
    [1012, 5.04, 'restart.fits'],
    [1012, 5.06, 'restart.slow'],
    [1013, 0.46, 'overload.not-judged'],
    [1013, 0.44, 'overload.too-soon'],
  ])('%i with d1 = %f → %s', (code, d1, rule) => {
    expect(verdictOf({ code, delays: [d1] }).rule).toBe(rule);
  });
});

describe('storms', () => {
  it.each<[string, ChainSpec, string]>([
    ['5 attempts in 2 s after 1012', { code: 1012, delays: [0.3, 0.3, 0.3, 0.3, 0.3], failMs: 50 }, 'storm'],
    [
      '5 attempts 0.5 s apart are just within 2 s',
      { code: 1006, delays: [0.4, 0.4, 0.4, 0.4, 0.4], failMs: 80 },
      'storm',
    ],
    [
      '4 quick attempts are not a storm (slow growth; "no backoff" needs five)',
      { code: 1006, delays: [0, 0, 0, 0], failMs: 10 },
      'app-choice.slow-growth',
    ],
    [
      'page-initiated close loop is still a storm',
      { code: 1000, delays: [0, 0, 0, 0, 0], failMs: 5, pageClosed: true },
      'storm',
    ],
    [
      'a 1008 blind-retry loop is a storm first',
      { code: 1008, delays: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1], failMs: 20 },
      'storm',
    ],
  ])('%s', (_name, spec, rule) => {
    const v = verdictOf(spec);
    expect(v.rule).toBe(rule);
    if (rule === 'storm') expect(v.level).toBe('problem');
  });

  it('names the count and the span', () => {
    const v = verdictOf({ code: 1013, delays: [0, 0, 0, 0, 0, 0], failMs: 100 });
    expect(v.text).toEqual({ id: 'verdict_storm', subs: ['6', '0.50 s', '5', '2'], plural: true });
  });

  it('5 attempts spread just over 2 s are not a storm', () => {
    // Attempt starts 0.51 s apart: 2.04 s from first to fifth, outside the window (tolerance favours the page).
    expect(verdictOf({ code: 1006, delays: [0.5, 0.5, 0.5, 0.5, 0.5], failMs: 10 }).rule).not.toBe('storm');
  });
});

describe('throttled waits', () => {
  const hiddenDuring = (closedAt: number): Mark[] => [
    lifecycle(closedAt + 1_000, 'hidden'),
    lifecycle(closedAt + 15_000, 'visible'),
  ];
  it.each<[string, ChainSpec, (closedAt: number) => Mark[], string, string]>([
    [
      'a slow 1012 reconnect while hidden: inconclusive',
      { code: 1012, delays: [20] },
      hiddenDuring,
      'inconclusive',
      'restart.slow.throttled',
    ],
    [
      'no reconnect after 1013 while frozen: inconclusive',
      { code: 1013, delays: [] },
      (at) => [lifecycle(at + 5_000, 'frozen')],
      'inconclusive',
      'overload.no-reconnect.throttled',
    ],
    [
      'offline in an iframe document counts (same document)',
      { code: 1012, delays: [30] },
      (at) => [lifecycle(at - 100, 'offline', 'doc-1', 3), lifecycle(at + 29_000, 'online', 'doc-1', 3)],
      'inconclusive',
      'restart.slow.throttled',
    ],
    ['too soon still counts while hidden', { code: 1012, delays: [0.2] }, hiddenDuring, 'problem', 'restart.too-soon'],
    [
      'a storm still counts while hidden',
      { code: 1012, delays: [0, 0, 0, 0, 0], failMs: 5 },
      (at) => [lifecycle(at - 1, 'hidden')],
      'problem',
      'storm',
    ],
    [
      'hidden before the wait and visible again: judged',
      { code: 1012, delays: [20] },
      (at) => [lifecycle(at - 9_000, 'hidden'), lifecycle(at - 1_000, 'visible')],
      'advice',
      'restart.slow',
    ],
    [
      "the previous top document's pagehide does not count for the next one",
      { code: 1012, delays: [20] },
      (at) => [lifecycle(at - 9_000, 'pagehide', 'doc-0'), navigation(at - 8_000, 'doc-1')],
      'advice',
      'restart.slow',
    ],
    [
      'nor its hidden mark sent after the next document started',
      { code: 1012, delays: [20] },
      (at) => [navigation(at - 8_000, 'doc-1'), lifecycle(at - 7_000, 'hidden', 'doc-0')],
      'advice',
      'restart.slow',
    ],
    [
      'the new top document hidden from its start counts',
      { code: 1012, delays: [20] },
      (at) => [
        lifecycle(at - 9_000, 'pagehide', 'doc-0'),
        lifecycle(at - 8_500, 'hidden'),
        navigation(at - 8_000, 'doc-1'),
      ],
      'inconclusive',
      'restart.slow.throttled',
    ],
    [
      'a top document back from the back/forward cache is shown again',
      { code: 1012, delays: [20] },
      (at) => [lifecycle(at - 9_000, 'pagehide'), navigation(at - 8_000, 'doc-1')],
      'advice',
      'restart.slow',
    ],
    [
      "a wait in a document with no marks of its own counts the top document's of its time",
      { code: 1012, delays: [20] },
      (at) => [
        lifecycle(at - 9_000, 'pagehide', 'doc-0'),
        navigation(at - 8_000, 'doc-top'),
        lifecycle(at + 1_000, 'hidden', 'doc-top'),
      ],
      'inconclusive',
      'restart.slow.throttled',
    ],
    [
      'marks of another document do not count',
      { code: 1012, delays: [20] },
      (at) => [lifecycle(at + 1, 'hidden', 'other-doc', 7)],
      'advice',
      'restart.slow',
    ],
  ])('%s', (_name, spec, marks, level, rule) => {
    const v = verdictOf(spec, { marks });
    expect(v).toMatchObject({ level, rule });
  });

  it('says why, with the wait', () => {
    const v = verdictOf({ code: 1012, delays: [20] }, { marks: hiddenDuring });
    expect(t(v.text.id, v.text.subs)).toBe(
      'Inconclusive: the tab was hidden during this wait (20.00 s), and browsers slow down timers in hidden tabs.',
    );
  });
});

describe('pending: a wait still running when the recording ends', () => {
  it.each<[string, ChainSpec, number, string, string]>([
    ['1012 closed 30 s ago with no attempt yet', { code: 1012, delays: [] }, 30_000, 'pending', 'restart.pending'],
    [
      '1008 closed 10 s ago: a blind retry may still come',
      { code: 1008, delays: [] },
      10_000,
      'pending',
      'terminal.pending',
    ],
    [
      'a failed 1013 attempt, waiting again',
      { code: 1013, delays: [1, 2], lastHolds: false },
      5_000,
      'pending',
      'overload.pending',
    ],
    [
      'a problem already certain stands',
      { code: 1013, delays: [0.1], lastHolds: false },
      5_000,
      'problem',
      'overload.too-soon',
    ],
    [
      'a page-initiated close expects nothing: never pending',
      { code: 1000, delays: [], pageClosed: true },
      5_000,
      'info',
      'none.no-reconnect',
    ],
    [
      'at 60 s + the tolerance an attempt could still link: pending',
      { code: 1012, delays: [] },
      60_050,
      'pending',
      'restart.pending',
    ],
    [
      'after 60 s + the tolerance it is a verdict',
      { code: 1012, delays: [] },
      60_051,
      'problem',
      'restart.no-reconnect',
    ],
  ])('%s', (_name, spec, tailMs, level, rule) => {
    const v = verdictOf({ ...spec, tailMs });
    expect(v).toMatchObject({ level, rule });
  });

  it('reports the elapsed time, in words as true of a live recording as of a saved one', () => {
    // The panel and popup show this while the recording goes on: it must not say the recording ended.
    const v = verdictOf({ code: 1012, delays: [], tailMs: 12_500 });
    expect(t(v.text.id, v.text.subs)).toBe('Waiting for a reconnect: none yet, 12.50 s since the close.');
  });

  it.each<[string, ChainSpec, number, string]>([
    [
      'no attempt yet',
      { code: 1013, delays: [] },
      12_500,
      'Waiting for a reconnect: none yet, 12.50 s since the close.',
    ],
    [
      'three attempts failed, the fourth wait running (a live recording of a backoff)',
      { code: 1013, delays: [1, 2, 4], lastHolds: false },
      3_000,
      'Waiting for the next attempt: 3.00 s since attempt 3 failed.',
    ],
    [
      'one 1006 attempt failed',
      { code: 1006, delays: [1], lastHolds: false },
      20_000,
      'Waiting for the next attempt: 20.00 s since attempt 1 failed.',
    ],
  ])('after attempts it does not say "none yet": %s', (_name, spec, tailMs, sentence) => {
    const v = verdictOf({ ...spec, tailMs });
    expect(v.level).toBe('pending');
    expect(t(v.text.id, v.text.subs)).toBe(sentence);
  });
});

describe('1008: the same request after a changed one, timed from the close', () => {
  /** A 1008 at T0 + 60 s, then attempts `afterS` seconds after the close, each refused 50 ms later but the last. */
  function afterClose(attempts: { afterS: number; url: string }[]): Verdict {
    const trigger = conn({ id: 't', createdAt: T0, url: URL_A, openAfter: 10, closeAfter: 60_000, code: 1008 });
    const closed = T0 + 60_000;
    const conns = attempts.map((a, i) =>
      conn({
        id: `a${i + 1}`,
        createdAt: closed + a.afterS * 1000,
        url: a.url,
        ...(i === attempts.length - 1 ? { openAfter: 20 } : { closeAfter: 50, error: true }),
      }),
    );
    const v = analyzeRecording(recordingOf([trigger, ...conns]), { now: closed + 200_000 }).verdictByClosure['t'];
    if (!v) throw new Error('no verdict');
    return v;
  }
  const NEW = `${URL_A}&token=new`;

  it.each<[string, { afterS: number; url: string }[], string, string]>([
    [
      'a changed request after 1 s, refused; the same one 2 s later: a blind retry 3.05 s after the close',
      [
        { afterS: 1, url: NEW },
        { afterS: 3.05, url: URL_A },
      ],
      'terminal.blind-retry',
      'Retried the same request 3.05 s after close code 1008: the server will refuse it again. Fix the cause (credentials, message, subprotocol) before retrying.',
    ],
    [
      'a changed request after 50 s, refused; the same one 20 s later, 70 s after the close: outside the 60 s',
      [
        { afterS: 50, url: NEW },
        { afterS: 70, url: URL_A },
      ],
      'terminal.changed-request',
      'Retried after 50.00 s with a changed URL or subprotocols after close code 1008.',
    ],
  ])('%s', (_name, attempts, rule, sentence) => {
    const v = afterClose(attempts);
    expect(v.rule).toBe(rule);
    expect(t(v.text.id, v.text.subs)).toBe(sentence);
  });
});

describe('codes without a rule of their own', () => {
  it.each<[string, ChainSpec, string, string]>([
    ['1000 from the server, reconnected: info', { code: 1000, delays: [0.5] }, 'info', 'none.reconnected'],
    ['1002 blind retry: problem', { code: 1002, delays: [1] }, 'problem', 'terminal.blind-retry'],
    [
      '3003 with a changed URL: fits',
      { code: 3003, delays: [1], attemptUrl: () => `${URL_A}&token=new` },
      'fits',
      'terminal.changed-request',
    ],
    ['1011 with a good backoff: fits', { code: 1011, delays: [1, 2, 4, 8] }, 'fits', 'app-choice.fits'],
    [
      '4999 (private, unknown): app choice, no backoff is advice',
      { code: 4999, delays: [1, 1, 1, 1, 1] },
      'advice',
      'app-choice.no-backoff',
    ],
    [
      // 1006: the server never answered the page's close() (a code of the server's would make it the server's closure).
      '1006 the page closed itself: no expectation',
      { code: 1006, delays: [0.1], pageClosed: true },
      'info',
      'none.reconnected',
    ],
  ])('%s', (_name, spec, level, rule) => {
    expect(verdictOf(spec)).toMatchObject({ level, rule });
  });

  it('a socket that ended with its document gets the document verdict and no episode', () => {
    const r = recordingOf([conn({ id: 'd', createdAt: T0, openAfter: 5, documentEndAfter: 3_000 })]);
    const a = analyzeRecording(r, { now: T0 + 100_000 });
    expect(a.episodes).toEqual([]);
    expect(a.verdictByClosure['d']).toMatchObject({ level: 'info', rule: 'document' });
  });
});

describe('alternative profiles', () => {
  it.each<[string, string, ChainSpec, string, string]>([
    ['iana', '1012 after 3 s is too soon (5–30 s)', { code: 1012, delays: [3] }, 'problem', 'iana-restart.too-soon'],
    ['iana', '1012 after 12 s fits', { code: 1012, delays: [12] }, 'fits', 'iana-restart.fits'],
    ['iana', '1012 with no reconnect is allowed', { code: 1012, delays: [] }, 'info', 'iana-restart.no-reconnect'],
    [
      'iana',
      '1013 automatic reconnect: advice',
      { code: 1013, delays: [1, 2, 4] },
      'advice',
      'iana-overload.auto-reconnect',
    ],
    [
      'iana',
      '1013 moved to another host: fits',
      { code: 1013, delays: [1], attemptUrl: () => 'wss://backup.example.com/live' },
      'fits',
      'iana-overload.moved',
    ],
    ['iana', '1013 no reconnect: fits', { code: 1013, delays: [] }, 'fits', 'iana-overload.no-retry'],
    ['iana', '1008 is judged as in the default', { code: 1008, delays: [1] }, 'problem', 'terminal.blind-retry'],
    [
      'rfc6455',
      '1012 at 0.3 s, then doubling: fits (0–5 s first)',
      { code: 1012, delays: [0.3, 0.6, 1.2, 2.4, 4.8] },
      'fits',
      'rfc-reconnect.fits',
    ],
    ['rfc6455', '1006 first delay 7 s: advice', { code: 1006, delays: [7] }, 'advice', 'rfc-reconnect.slow'],
    [
      'rfc6455',
      '1006 constant 1 s: no backoff is a problem (SHOULD)',
      { code: 1006, delays: [1, 1, 1, 1, 1] },
      'problem',
      'rfc-reconnect.no-backoff',
    ],
    ['rfc6455', '1013 with no reconnect: allowed', { code: 1013, delays: [] }, 'info', 'rfc-reconnect.no-reconnect'],
  ])('%s: %s', (profileId, _name, spec, level, rule) => {
    expect(verdictOf(spec, { profileId })).toMatchObject({ level, rule, profileId });
  });

  it('an unknown profile id falls back to the default, flagged', () => {
    const c = chain({ code: 1012, delays: [2] });
    const a = analyzeRecording(c.recording, { now: c.now, profileId: 'nope' });
    expect(a).toMatchObject({ profileId: 'default', unknownProfileId: 'nope' });
    expect(a.verdictByClosure['t']).toMatchObject({ profileId: 'default', rule: 'restart.fits' });
  });
});
