import { afterEach, describe, expect, it } from 'vitest';
import { presentCode, problemKindOf, type ClosurePresentation } from '../analysis/present';
import type { Analysis, Closure, TabSummary, Verdict, VerdictLevel } from '../analysis/types';
import { codeNameText } from '../i18n/code-name';
import { catalogTranslator, setTranslator, t } from '../i18n/translate';
import { localeCatalog } from '../test-support/locale-catalog';
import { badgeFor, badgeText, PROBLEM_COLOR, QUIET_COLOR } from './badge';

function verdict(level: VerdictLevel, rule: string): Verdict {
  const finding = rule.slice(rule.lastIndexOf('.') + 1);
  return { level, rule, finding, text: { id: 'verdict_storm' }, observedDelays: [], profileId: 'default' };
}

/** The worst closure as the presentation model gives it (no subprotocol, no URL). */
function presented(code: number, v: Verdict): ClosurePresentation {
  const closure: Closure = {
    connectionId: 'w',
    code,
    reason: '',
    wasClean: true,
    closedAt: 0,
    initiator: 'server',
    inferred: false,
    simulated: false,
  };
  const kind = problemKindOf(v);
  return {
    ...presentCode(code, {}),
    connectionId: 'w',
    closure,
    verdict: v,
    level: v.level,
    outcome: 'clean',
    closedByLabelId: 'panel_initiator_server',
    ...(kind && { problemKind: kind }),
  };
}

function analysisWith(summary: Partial<TabSummary>): Analysis {
  return {
    closures: [],
    episodes: [],
    verdictByClosure: {},
    summary: { byCode: [], problemCount: 0, openNow: 0, ...summary },
    profileId: 'default',
  };
}

/** The real wording: the catalog's names through the one name function. */
const nameOf = codeNameText;

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

describe('badgeFor', () => {
  it('shows nothing and keeps the default title when no closure is a problem', () => {
    const v = verdict('advice', 'backoff.slow-growth');
    const worst = { connectionId: 'c1', code: 1013, verdict: v };
    expect(badgeFor(analysisWith({ problemCount: 0, worst }), presented(1013, v), nameOf)).toEqual({
      text: '',
      title: null,
      color: QUIET_COLOR,
    });
  });

  it.each([
    {
      count: 3,
      code: 1008,
      rule: 'terminal.blind-retry',
      title: '3 problems — worst: 1008 Policy Violation retried with the same request',
    },
    {
      count: 1,
      code: 1008,
      rule: 'terminal.blind-retry',
      title: '1 problem — worst: 1008 Policy Violation retried with the same request',
    },
    {
      count: 2,
      code: 1013,
      rule: 'overload.too-soon',
      title: '2 problems — worst: 1013 Try Again Later retried too soon',
    },
    {
      count: 5,
      code: 1012,
      rule: 'restart.no-reconnect',
      title: '5 problems — worst: 1012 Service Restart with no reconnect in time',
    },
    {
      count: 150,
      code: 1013,
      rule: 'backoff.no-backoff',
      title: '150 problems — worst: 1013 Try Again Later retried without backing off',
    },
    {
      count: 7,
      code: 4000,
      rule: 'storm',
      title: '7 problems — worst: 4000 one of: Unknown error, then a reconnect storm',
    },
    { count: 1, code: 1013, rule: 'some-profile.other-rule', title: '1 problem — worst: 1013 Try Again Later' },
  ])('$count problems, worst $code by $rule', ({ count, code, rule, title }) => {
    const v = verdict('problem', rule);
    const badge = badgeFor(
      analysisWith({ problemCount: count, worst: { connectionId: 'w', code, verdict: v } }),
      presented(code, v),
      nameOf,
    );
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
    const badge = badgeFor(analysisWith({ problemCount: count }), undefined, nameOf);
    expect(badge.text).toBe(String(count));
    expect(t(badge.title?.id ?? '', badge.title?.subs)).toBe(title);
  });
});

describe('badgeFor in the language in use', () => {
  afterEach(() => setTranslator(catalogTranslator(localeCatalog('en'))));

  // The count picks the family member by that language's plural rules: Arabic has six forms, not "one" and "many".
  it.each<[string, number, string, string]>([
    ['ar', 1, 'مشكلة واحدة في إعادة', 'مشكلة واحدة — الأسوأ: 1008 '],
    ['ar', 2, 'مشكلتان في إعادة', 'مشكلتان — الأسوأ: 1008 '],
    ['ar', 4, '4 مشكلات في إعادة', '4 مشكلات — الأسوأ: 1008 '],
    ['ar', 10, '10 مشكلات في إعادة', '10 مشكلات — الأسوأ: 1008 '],
    ['ar', 11, '11 مشكلة في إعادة', '11 مشكلة — الأسوأ: 1008 '],
    ['ar', 100, '100 مشكلة في إعادة', '100 مشكلة — الأسوأ: 1008 '],
    ['hi', 1, 'इस टैब में 1 WebSocket रीकनेक्ट समस्या', '1 समस्या — सबसे गंभीर: 1008 '],
    ['hi', 3, 'इस टैब में 3 WebSocket रीकनेक्ट समस्याएँ', '3 समस्याएँ — सबसे गंभीर: 1008 '],
    ['en', 2, '2 WebSocket reconnect problems in this tab', '2 problems — worst: 1008 '],
  ])('%s, %i problems', (lang, count, countTitle, worstTitle) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    const plain = badgeFor(analysisWith({ problemCount: count }), undefined, nameOf).title;
    expect(t(plain?.id ?? '', plain?.subs)).toMatch(new RegExp(`^${countTitle}`));
    const v = verdict('problem', 'terminal.blind-retry');
    const named = badgeFor(
      analysisWith({ problemCount: count, worst: { connectionId: 'w', code: 1008, verdict: v } }),
      presented(1008, v),
      nameOf,
    ).title;
    expect(t(named?.id ?? '', named?.subs).startsWith(worstTitle)).toBe(true);
  });
});
