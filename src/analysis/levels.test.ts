/**
 * Verdict levels and what each verdict expected (docs/verdicts.md, "Levels"):
 * "not judged" and "no reconnect" where nothing is expected are info; a problem
 * already certain shows at once, only a verdict that could still change is
 * pending; every verdict carries an expected range or sentence; a make-before-
 * break replacement's first wait fits, saying so.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { bigRecording, chain, conn, recordingOf, T0, URL_A, type ChainSpec } from './test-fixtures';
import { profiles } from './profiles';
import type { Verdict } from './types';
import { t } from '../i18n/translate';

function verdictOf(spec: ChainSpec, profileId?: string): Verdict {
  const c = chain(spec);
  const v = analyzeRecording(c.recording, { now: c.now, ...(profileId && { profileId }) }).verdictByClosure[
    c.triggerId
  ];
  if (!v) throw new Error('no verdict');
  return v;
}

describe('"not judged" is information for every code', () => {
  it.each<[number, number[], string]>([
    [1012, [2, 3], 'restart.not-judged'],
    [1013, [1], 'overload.not-judged'],
    [1013, [1, 2], 'overload.not-judged'],
    [1006, [1, 2], 'app-choice.not-judged'],
    [4999, [1], 'app-choice.not-judged'],
  ])('%i after %j', (code, delays, rule) => {
    expect(verdictOf({ code, delays })).toMatchObject({ level: 'info', rule });
  });
});

describe('"no reconnect" where nothing is expected is information', () => {
  it.each<[number, boolean, string]>([
    [1000, false, 'none.no-reconnect'],
    [1001, false, 'none.no-reconnect'],
    [1006, false, 'app-choice.no-reconnect'],
    [1011, false, 'app-choice.no-reconnect'],
    [4321, false, 'app-choice.no-reconnect'],
    // A page's close() that the server never answered: 1006, with a rule of its own when the network drops.
    [1006, true, 'none.no-reconnect'],
  ])('%i (page closed it: %s)', (code, pageClosed, rule) => {
    expect(verdictOf({ code, delays: [], pageClosed })).toMatchObject({ level: 'info', rule });
  });
});

describe('pending only while the verdict could still change', () => {
  // The last attempt failed 5 s before the recording ended: the page may still try again.
  const running = { lastHolds: false, tailMs: 5_000 };
  it.each<[string, ChainSpec, string, string]>([
    ['too soon is certain', { code: 1012, delays: [0.2], ...running }, 'problem', 'restart.too-soon'],
    ['a storm is certain', { code: 1006, delays: [0, 0, 0, 0, 0], failMs: 5, ...running }, 'problem', 'storm'],
    ['a blind retry is certain', { code: 1008, delays: [1], ...running }, 'problem', 'terminal.blind-retry'],
    [
      'no backoff is certain',
      { code: 1013, delays: [1, 1, 1, 1, 1], failMs: 300, ...running },
      'problem',
      'overload.no-backoff',
    ],
    [
      'a fitting first wait could still turn into no backoff',
      { code: 1012, delays: [2, 2], ...running },
      'pending',
      'restart.pending',
    ],
    [
      'a changed request could still be followed by a blind retry',
      { code: 1008, delays: [1], attemptUrl: () => `${URL_A}&v=2`, ...running },
      'pending',
      'terminal.pending',
    ],
    [
      'advice could still become a problem',
      { code: 1013, delays: [1, 1, 1, 1], failMs: 300, ...running },
      'pending',
      'overload.pending',
    ],
    ['no expectation cannot change', { code: 1000, delays: [], tailMs: 5_000 }, 'info', 'none.no-reconnect'],
  ])('%s', (_name, spec, level, rule) => {
    expect(verdictOf(spec)).toMatchObject({ level, rule });
  });
});

describe('expected: on every verdict, a range where the rule has one, else a sentence', { timeout: 60_000 }, () => {
  it.each<[string, ChainSpec, { minS?: number; maxS?: number }, string]>([
    ['1012', { code: 1012, delays: [2] }, { minS: 1, maxS: 5 }, '1–5 s'],
    ['1013', { code: 1013, delays: [1, 2, 4] }, { minS: 0.5 }, 'at least 0.5 s (1 s with ±50 % jitter), then doubling'],
    ['1008', { code: 1008, delays: [1] }, {}, 'no retry with the same request'],
    ['1006', { code: 1006, delays: [] }, {}, "the app's choice; if it reconnects, back off"],
    ['1000', { code: 1000, delays: [1] }, {}, 'nothing: no reconnect is expected'],
    [
      "a storm keeps its rule's expectation",
      { code: 1006, delays: [0, 0, 0, 0, 0], failMs: 5 },
      {},
      "the app's choice; if it reconnects, back off",
    ],
  ])('%s', (_name, spec, range, sentence) => {
    const v = verdictOf(spec);
    expect(v.expected).toBeDefined();
    expect({ minS: v.expected?.minS, maxS: v.expected?.maxS }).toEqual({ minS: range.minS, maxS: range.maxS });
    expect(v.expected && t(v.expected.text.id, v.expected.text.subs)).toBe(sentence);
  });

  it.each(profiles.map((p) => p.id))(
    'every verdict of a large recording under %s has one, in the catalog',
    (profileId) => {
      const r = bigRecording();
      const a = analyzeRecording(r, { now: T0 + 3_600_000, profileId });
      const verdicts = Object.values(a.verdictByClosure);
      expect(verdicts.length).toBeGreaterThan(1000);
      for (const v of verdicts) {
        expect(v.expected, v.rule).toBeDefined();
        const text = v.expected ? t(v.expected.text.id, v.expected.text.subs) : '';
        expect(text, v.rule).not.toBe('');
        expect(text, v.rule).not.toBe(v.expected?.text.id);
      }
    },
  );

  it('a socket that ended with its document expects nothing', () => {
    const r = recordingOf([conn({ id: 'd', createdAt: T0, openAfter: 5, documentEndAfter: 3_000 })]);
    const v = analyzeRecording(r, { now: T0 + 100_000 }).verdictByClosure['d'];
    expect(v?.expected && t(v.expected.text.id, v.expected.text.subs)).toBe('nothing: the document went away');
  });
});

describe('overlapping: a replacement made before the close', () => {
  /**
   * A trigger closing at T0 + 60 s with `code`; the replacement made 2 s earlier, holding, or (given
   * `replacementFailsAfterMs`) opening only after 4 s and failing before it held 10 s; then `later` attempts.
   */
  function overlapping(code: number, replacementFailsAfterMs?: number, later: number[] = []): Verdict {
    const fails = replacementFailsAfterMs !== undefined && {
      openAfter: 4_000,
      closeAfter: replacementFailsAfterMs,
      code: 1006,
    };
    const conns = [
      conn({ id: 't', createdAt: T0, openAfter: 10, closeAfter: 60_000, code }),
      conn({ id: 'r', createdAt: T0 + 58_000, openAfter: 20, ...fails }),
    ];
    let end = T0 + 58_000 + (replacementFailsAfterMs ?? 0);
    later.forEach((d, i) => {
      const createdAt = end + d * 1000;
      conns.push(conn({ id: `a${i}`, createdAt, closeAfter: 300, error: true }));
      end = createdAt + 300;
    });
    const a = analyzeRecording(recordingOf(conns), { now: end + 120_000 });
    const v = a.verdictByClosure['t'];
    if (!v) throw new Error('no verdict');
    return v;
  }

  it.each<[number, string]>([
    [1012, 'restart.overlapping'],
    [1013, 'overload.overlapping'],
    [1006, 'app-choice.overlapping'],
    [1008, 'terminal.overlapping'],
  ])('%i: the first wait is not judged; it fits, saying so', (code, rule) => {
    const v = overlapping(code);
    expect(v).toMatchObject({ level: 'fits', rule, observedDelays: [0] });
    expect(t(v.text.id, v.text.subs)).toContain('before the server closed');
  });

  it('later waits are judged as usual', () => {
    // The replacement dies 10.5 s after the close, open 8.5 s; five flat 0.3 s waits follow.
    const v = overlapping(1013, 12_500, [0.3, 0.3, 0.3, 0.3, 0.3]);
    expect(v.observedDelays).toEqual([0, 0.3, 0.3, 0.3, 0.3, 0.3]);
    expect(v).toMatchObject({ level: 'problem', rule: 'overload.no-backoff' });
  });
});
