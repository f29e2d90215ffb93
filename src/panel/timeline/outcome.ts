/**
 * What colour a bar and its close marker get. The analysis' closure decides
 * when it has one; while analysis lags a live recording, the raw events give
 * the same answer without the inference.
 */
import { codeContextOf } from '../../analysis/code-context';
import type { Closure } from '../../analysis/types';
import { ALL_CATEGORIES } from '../../knowledge';
import type { CodeCategory } from '../../knowledge/types';
import { endOf, type Connection } from '../../protocol/recording';

export type Outcome = 'open' | 'clean' | 'page' | 'abnormal' | 'document';

export const OUTCOMES: readonly Outcome[] = ['open', 'clean', 'page', 'abnormal', 'document'];

export function outcomeOf(c: Connection, closure: Closure | undefined): Outcome {
  if (closure) {
    switch (closure.initiator) {
      case 'page':
        return 'page';
      case 'document':
        return 'document';
      case 'network-dropped':
      case 'network-never-opened':
        return 'abnormal';
      default:
        return closure.code === 1006 ? 'abnormal' : 'clean';
    }
  }
  const end = endOf(c);
  if (!end) return 'open';
  if (end.event.type === 'ended-with-document') return 'document';
  const closeCalledFirst = c.events.some((e) => e.type === 'close-call' && e.at <= end.at);
  if (closeCalledFirst) return 'page';
  return end.event.code === 1006 ? 'abnormal' : 'clean';
}

/** What the knowledge base resolves codes by: the same context the verdicts use. */
export { codeContextOf };

export const CODE_CATEGORIES: readonly CodeCategory[] = ALL_CATEGORIES;
