/**
 * The close-code number space as RFC 6455 §7.4.2 and the IANA registry divide
 * it. Together the ranges cover 0–65535 (a close code is 16 bits) with no gap
 * or overlap; a test checks that.
 */
import { SRC_IANA, SRC_RFC6455_RANGES } from './sources';
import type { CodeCategory, CodeRange } from './types';

const range = (from: number, to: number, category: CodeCategory, key: string): CodeRange => ({
  from,
  to,
  nameId: `code_range_${key}_name`,
  category,
  meaningId: `code_range_${key}_meaning`,
  // No meaning known beyond the range: whether to reconnect is the app's choice.
  reconnect: 'app-choice',
  source: key === 'registered' ? SRC_IANA : SRC_RFC6455_RANGES,
});

export const STANDARD_RANGES: readonly CodeRange[] = [
  range(0, 999, 'invalid', 'unused'),
  // Every code here has its own entry; the range exists so the space has no gap.
  range(1000, 1015, 'reserved', 'defined'),
  range(1016, 2999, 'reserved', 'protocol'),
  range(3000, 3999, 'registered', 'registered'),
  range(4000, 4999, 'application', 'private'),
  range(5000, 65535, 'invalid', 'beyond'),
];

export function standardRangeOf(code: number): CodeRange | undefined {
  return STANDARD_RANGES.find((r) => code >= r.from && code <= r.to);
}
