/**
 * The toolbar badge for one tab: how many closures are problems, and a title
 * naming the worst. Pure (no browser API): the service worker passes the
 * result to browser.action.setBadgeText / setTitle / setBadgeBackgroundColor.
 *
 * The title is one plural family per kind of problem (src/i18n/plural.ts), rather
 * than a sentence assembled from parts, because word order differs between languages;
 * the member is chosen by the plural rules of the language in use (Arabic says
 * "مشكلتان" for 2 and "4 مشكلات" for 4, not one word for every count above one).
 */
import type { ClosurePresentation } from '../analysis/present';
import type { Analysis, I18nText } from '../analysis/types';
import { pluralId } from '../i18n/plural';

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
  // The summary's worst is the most severe verdict; with problems present it is a problem.
  const title: I18nText = worst?.problemKind
    ? {
        id: pluralId(`badge_title_${worst.problemKind}`, problemCount),
        subs: [String(problemCount), String(worst.code), nameOf(worst)],
      }
    : { id: pluralId('badge_title_count', problemCount), subs: [String(problemCount)] };
  return { text: badgeText(problemCount), title, color: PROBLEM_COLOR };
}
