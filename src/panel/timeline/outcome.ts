/**
 * What colour a bar and its close marker get. The analysis' closure decides
 * when it has one; while analysis lags a live recording, the raw events give
 * the same answer without the inference.
 */
import type { Closure } from '../../analysis/types';
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

/**
 * The close code's category, by the RFC 6455 / IANA ranges (the same buckets
 * as the knowledge base's CodeCategory). Kept local because the marker colour
 * needs only the range, not the protocol-specific entry.
 */
export function codeCategory(code: number): CodeCategory {
  switch (code) {
    case 1000:
    case 1001:
      return 'normal';
    case 1002:
    case 1003:
    case 1007:
    case 1009:
    case 1010:
      return 'protocol-error';
    case 1008:
    case 3000:
    case 3003:
      return 'policy';
    case 1011:
    case 1014:
      return 'server-error';
    case 1012:
      return 'restart';
    case 1013:
      return 'overload';
    case 1005:
    case 1006:
    case 1015:
      return 'abnormal';
  }
  if (code < 1000 || code >= 5000) return 'invalid';
  if (code < 3000) return 'reserved';
  if (code < 4000) return 'registered';
  return 'application';
}

export const CODE_CATEGORIES: readonly CodeCategory[] = [
  'normal',
  'protocol-error',
  'policy',
  'server-error',
  'restart',
  'overload',
  'abnormal',
  'reserved',
  'invalid',
  'registered',
  'application',
];
