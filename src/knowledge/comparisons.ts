/**
 * "X vs Y" for codes people confuse. Each comparison's bullets and
 * when-to-use lines are i18n ids named `cmp_<a>_<b>[_<c>]_…`.
 */
import type { Comparison } from './types';

const comparison = (codes: number[], differences: number): Comparison => {
  const key = codes.join('_');
  return {
    id: codes.join('-vs-'),
    codes,
    titleId: `cmp_${key}_title`,
    differenceIds: Array.from({ length: differences }, (_, i) => `cmp_${key}_diff${i + 1}`),
    useWhenIds: codes.map((c) => `cmp_${key}_use_${c}`),
  };
};

export const COMPARISONS: readonly Comparison[] = [
  comparison([1008, 1012], 3),
  comparison([1008, 1013], 3),
  comparison([1012, 1013], 3),
  comparison([1000, 1001], 3),
  comparison([1005, 1006], 3),
  comparison([1003, 1007, 1009], 3),
  comparison([1011, 1014], 3),
];

export function comparisonsFor(code: number): Comparison[] {
  return COMPARISONS.filter((c) => c.codes.includes(code));
}
