/**
 * The toolbar badge for one tab: how many closures are problems, and a title
 * naming the worst. Pure (no browser API): the service worker passes the
 * result to browser.action.setBadgeText / setTitle / setBadgeBackgroundColor.
 *
 * The title is one i18n message per kind of problem and per singular/plural,
 * rather than a sentence assembled from parts, because Chrome's i18n has no
 * plural rules and word order differs between languages.
 */
import type { Analysis, I18nText, Verdict } from '../analysis/types';

export interface Badge {
  /** '' hides the badge. */
  text: string;
  /** null: keep the action's default title. */
  title: I18nText | null;
  color: string;
}

export const BADGE_CAP = 99;
export const PROBLEM_COLOR = '#c5221f';
export const QUIET_COLOR = '#5f6368';

/** Problem kinds with their own wording, keyed by the last segment of the verdict's rule id. */
const KINDS: Readonly<Record<string, string>> = {
  storm: 'storm',
  'too-soon': 'too_soon',
  'no-reconnect': 'no_reconnect',
  'no-backoff': 'no_backoff',
  'blind-retry': 'blind_retry',
};

/** "terminal.blind-retry" -> "blind_retry"; rules without their own wording -> "other". */
export function problemKind(verdict: Verdict): string {
  const last = verdict.rule.slice(verdict.rule.lastIndexOf('.') + 1);
  return KINDS[last] ?? 'other';
}

export function badgeText(problems: number): string {
  if (problems <= 0) return '';
  return problems > BADGE_CAP ? `${BADGE_CAP}+` : String(problems);
}

export function badgeFor(analysis: Analysis, nameOf: (code: number) => string): Badge {
  const { problemCount, worst } = analysis.summary;
  if (problemCount <= 0) return { text: '', title: null, color: QUIET_COLOR };
  const plural = problemCount === 1 ? 'one' : 'many';
  // The summary's worst is the most severe verdict; with problems present it is a problem.
  const title: I18nText =
    worst && worst.verdict.level === 'problem'
      ? { id: `badge_title_${problemKind(worst.verdict)}_${plural}`, subs: [String(problemCount), String(worst.code), nameOf(worst.code)] }
      : { id: `badge_title_count_${plural}`, subs: [String(problemCount)] };
  return { text: badgeText(problemCount), title, color: PROBLEM_COLOR };
}
