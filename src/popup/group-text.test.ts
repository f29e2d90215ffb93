import { afterEach, describe, expect, it } from 'vitest';
import { catalogTranslator, setTranslator, t } from '../i18n/translate';
import { profiles } from '../analysis/profiles';
import { problemKindOf } from '../analysis/present';
import { localeCatalog } from '../test-support/locale-catalog';
import type { Verdict } from '../analysis/types';
import { groupText, shortVerdict } from './group-text';
import type { CodeGroup } from './summary-model';
import { closure, T0 } from './test-fixtures';

const v = (level: Verdict['level'], textId: string): Verdict => ({
  level,
  rule: 'r',
  text: { id: textId },
  observedDelays: [],
  profileId: 'default',
});
const blind = v('problem', 'verdict_terminal_blind_retry');
const group = (episodes: CodeGroup['episodes'], lone: number): CodeGroup => ({
  code: 1008,
  episodes,
  lone,
  problems: 0,
  latest: closure('x', 1008, T0),
});

describe('groupText', () => {
  it.each<[string, CodeGroup, string]>([
    ['one episode', group([{ verdict: blind, attempts: 4 }], 0), '1 episode: blind retry ×4'],
    [
      'episodes judged alike add up',
      group(
        [
          { verdict: blind, attempts: 4 },
          { verdict: blind, attempts: 2 },
        ],
        0,
      ),
      '2 episodes: blind retry ×6',
    ],
    [
      'different verdicts are listed',
      group(
        [
          { verdict: blind, attempts: 1 },
          { verdict: v('fits', 'verdict_terminal_changed_request'), attempts: 1 },
        ],
        0,
      ),
      '2 episodes: blind retry ×1, changed request ×1',
    ],
    ['closures only', group([], 3), '× 3'],
    ['both', group([{ verdict: blind, attempts: 4 }], 2), '1 episode: blind retry ×4 · 2 more closed'],
  ])('%s', (_name, g, want) => {
    expect(groupText(g)).toBe(want);
  });

  it('words a storm the same whether or not sockets opened beside the chain were counted in it', () => {
    expect(shortVerdict(v('problem', 'verdict_storm_parallel'))).toBe(shortVerdict(v('problem', 'verdict_storm')));
    expect(shortVerdict(v('problem', 'verdict_storm'))).not.toBe('problem');
  });

  it("words every profile's problems as the toolbar badge's tooltip names their kind", () => {
    // Every finding of every profile (the storm's, each rule's, the common ones), as the analysis sets it.
    const findings: { level: Verdict['level']; id: string; textId: string }[] = [];
    const walk = (o: unknown) => {
      if (!o || typeof o !== 'object') return;
      const f = o as Record<string, unknown>;
      if (typeof f.id === 'string' && typeof f.level === 'string' && typeof f.textId === 'string')
        findings.push({ level: f.level as Verdict['level'], id: f.id, textId: f.textId });
      Object.values(o).forEach(walk);
    };
    profiles.forEach(walk);
    const problems = findings.filter((f) => f.level === 'problem');
    expect(problems.length).toBeGreaterThan(5);
    for (const f of problems) {
      const verdict = { ...v('problem', f.textId), finding: f.id };
      const kind = problemKindOf(verdict);
      if (kind === undefined || kind === 'other') continue;
      expect([f.textId, shortVerdict(verdict)]).toEqual([f.textId, t(`popup_short_${kind}`)]);
    }
  });

  it('falls back to the level name for a sentence without a short form', () => {
    expect(shortVerdict(v('advice', 'verdict_some_future_rule'))).toBe('advice');
  });
});

describe('groupText counts the closures outside episodes in the plural form of the language', () => {
  afterEach(() => setTranslator(catalogTranslator(localeCatalog('en'))));
  it.each<[string, number, string]>([
    ['en', 1, '1 more closed'],
    ['ar', 1, 'اتصال مُغلق آخر'],
    ['ar', 2, 'اتصالان مُغلقان آخران'],
    ['ar', 3, '3 اتصالات مُغلقة أخرى'],
    ['ar', 11, '11 اتصالًا مُغلقًا آخر'],
    ['ar', 100, '100 اتصال مُغلق آخر'],
    ['hi', 1, '1 और बंद हुआ'],
    ['hi', 2, '2 और बंद हुए'],
  ])('%s, %i', (lang, lone, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    expect(groupText(group([{ verdict: blind, attempts: 4 }], lone)).endsWith(want)).toBe(true);
  });
});
