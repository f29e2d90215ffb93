/**
 * The toolbar badge for one tab: how many closures are problems, and a title
 * naming the worst. Pure (no browser API): the service worker passes the
 * result to browser.action.setBadgeText / setTitle / setBadgeBackgroundColor.
 *
 * The title is one i18n message per kind of problem and per singular/plural,
 * rather than a sentence assembled from parts, because Chrome's i18n has no
 * plural rules and word order differs between languages.
 */
import type { ClosurePresentation } from '../analysis/present';
import type { Analysis, I18nText } from '../analysis/types';

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

export function badgeText(problems: number): string {
  if (problems <= 0) return '';
  return problems > BADGE_CAP ? `${BADGE_CAP}+` : String(problems);
}

/**
 * `worst` is the presentation of the summary's worst closure; `nameOf` words its code's name
 * (the catalog lookup stays with the caller, so this stays pure).
 */
export function badgeFor(
  analysis: Pick<Analysis, 'summary'>,
  worst: ClosurePresentation | undefined,
  nameOf: (code: ClosurePresentation) => string,
): Badge {
  const { problemCount } = analysis.summary;
  if (problemCount <= 0) return { text: '', title: null, color: QUIET_COLOR };
  const plural = problemCount === 1 ? 'one' : 'many';
  // The summary's worst is the most severe verdict; with problems present it is a problem.
  const title: I18nText = worst?.problemKind
    ? {
        id: `badge_title_${worst.problemKind}_${plural}`,
        subs: [String(problemCount), String(worst.code), nameOf(worst)],
      }
    : { id: `badge_title_count_${plural}`, subs: [String(problemCount)] };
  return { text: badgeText(problemCount), title, color: PROBLEM_COLOR };
}
