import { describe, expect, it } from 'vitest';
import type { Analysis, TabSummary, Verdict, VerdictLevel } from '../analysis/types';
import { t } from '../i18n/translate';
import { badgeFor, badgeText, problemKind, PROBLEM_COLOR, QUIET_COLOR } from './badge';

function verdict(level: VerdictLevel, rule: string): Verdict {
  return { level, rule, text: { id: 'verdict_storm' }, observedDelays: [], profileId: 'default' };
}

function analysisWith(summary: Partial<TabSummary>): Analysis {
  return {
    closures: [],
    episodes: [],
    verdictByClosure: {},
    summary: { byCode: [], byCategory: {}, problemCount: 0, openNow: 0, ...summary },
    profileId: 'default',
  };
}

const names: Record<number, string> = { 1008: 'Policy Violation', 1013: 'Try Again Later', 1012: 'Service Restart' };
const nameOf = (code: number) => names[code] ?? `code ${code}`;

describe('badgeText', () => {
  it.each([
    [0, ''],
    [-1, ''],
    [1, '1'],
    [42, '42'],
    [99, '99'],
    [100, '99+'],
    [12345, '99+'],
  ])('%i problems -> %j', (n, text) => {
    expect(badgeText(n)).toBe(text);
  });
});

describe('problemKind', () => {
  it.each([
    ['storm', 'storm'],
    ['restart.too-soon', 'too_soon'],
    ['overload.no-reconnect', 'no_reconnect'],
    ['backoff.no-backoff', 'no_backoff'],
    ['overload.backoff.no-backoff', 'no_backoff'],
    ['terminal.blind-retry', 'blind_retry'],
    ['iana-overload.auto-reconnect', 'other'],
  ])('rule %s -> %s', (rule, kind) => {
    expect(problemKind(verdict('problem', rule))).toBe(kind);
  });
});

describe('badgeFor', () => {
  it('shows nothing and keeps the default title when no closure is a problem', () => {
    const worst = { connectionId: 'c1', code: 1013, verdict: verdict('advice', 'backoff.slow-growth') };
    expect(badgeFor(analysisWith({ problemCount: 0, worst }), nameOf)).toEqual({ text: '', title: null, color: QUIET_COLOR });
  });

  it.each([
    { count: 3, code: 1008, rule: 'terminal.blind-retry', title: '3 problems — worst: 1008 Policy Violation retried at once with the same request' },
    { count: 1, code: 1008, rule: 'terminal.blind-retry', title: '1 problem — worst: 1008 Policy Violation retried at once with the same request' },
    { count: 2, code: 1013, rule: 'overload.too-soon', title: '2 problems — worst: 1013 Try Again Later retried too soon' },
    { count: 5, code: 1012, rule: 'restart.no-reconnect', title: '5 problems — worst: 1012 Service Restart never reconnected' },
    { count: 150, code: 1013, rule: 'backoff.no-backoff', title: '150 problems — worst: 1013 Try Again Later retried without backing off' },
    { count: 7, code: 4000, rule: 'storm', title: '7 problems — worst: 4000 code 4000, then a reconnect storm' },
    { count: 1, code: 1013, rule: 'some-profile.other-rule', title: '1 problem — worst: 1013 Try Again Later' },
  ])('$count problems, worst $code by $rule', ({ count, code, rule, title }) => {
    const badge = badgeFor(analysisWith({ problemCount: count, worst: { connectionId: 'w', code, verdict: verdict('problem', rule) } }), nameOf);
    expect(badge.text).toBe(badgeText(count));
    expect(badge.color).toBe(PROBLEM_COLOR);
    expect(badge.title).not.toBeNull();
    // Rendering through the real catalog proves the id exists and the placeholders line up.
    expect(t(badge.title?.id ?? '', badge.title?.subs)).toBe(title);
  });

  it.each([
    [1, '1 WebSocket reconnect problem in this tab'],
    [4, '4 WebSocket reconnect problems in this tab'],
  ])('without a worst closure, %i problems are counted without naming one', (count, title) => {
    const badge = badgeFor(analysisWith({ problemCount: count }), nameOf);
    expect(badge.text).toBe(String(count));
    expect(t(badge.title?.id ?? '', badge.title?.subs)).toBe(title);
  });
});
