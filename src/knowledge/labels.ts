/**
 * i18n ids for the names of protocols, categories and reconnect advice, so the
 * panel, popup and generated docs label them the same way.
 */
import type { CodeCategory, ReconnectAdvice } from './types';

export function protocolLabelId(protocol: string): string {
  return `code_proto_${protocol.replace(/[^A-Za-z0-9]/g, '_')}`;
}

export function categoryLabelId(category: CodeCategory): string {
  return `code_cat_${category.replace(/-/g, '_')}`;
}

export function adviceLabelId(advice: ReconnectAdvice): string {
  return `code_advice_${advice.replace(/-/g, '_')}`;
}

export const ALL_CATEGORIES: readonly CodeCategory[] = [
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

export const ALL_ADVICE: readonly ReconnectAdvice[] = ['restart', 'backoff', 'do-not-resend', 'app-choice', 'none'];
