/**
 * Standard close codes: RFC 6455 §7.4.1 (1000–1011, 1015) and the IANA
 * WebSocket Close Code Number registry (1012–1014, and the 3000-range codes
 * registered for general use: 3000, 3003, 3008).
 *
 * Reconnect advice follows the product's default profile
 * (docs/verdicts.md): 1012 restart, 1013 backoff, 1008 and the
 * "do not resend the same thing" codes do-not-resend, 1006/1011/1014/3008
 * app-choice, 1000/1001/1005 none.
 */
import { makeEntries } from './entry-builder';
import { SRC_IANA, SRC_RFC6455 } from './sources';
import type { CodeEntry } from './types';

export const WEBSOCKET_PROTOCOL = 'websocket';

export const RFC_ENTRIES: readonly CodeEntry[] = makeEntries(WEBSOCKET_PROTOCOL, 'code_ws', SRC_RFC6455, [
  { code: 1000, category: 'normal', reconnect: 'none', confusedWith: [1001] },
  { code: 1001, category: 'normal', reconnect: 'none', confusedWith: [1000] },
  { code: 1002, category: 'protocol-error', reconnect: 'do-not-resend' },
  { code: 1003, category: 'protocol-error', reconnect: 'do-not-resend', confusedWith: [1007, 1009] },
  // Reserved: no meaning is defined, so reconnecting is the app's choice.
  { code: 1004, category: 'reserved', reconnect: 'app-choice' },
  { code: 1005, category: 'abnormal', reconnect: 'none', neverOnWire: true, confusedWith: [1006] },
  { code: 1006, category: 'abnormal', reconnect: 'app-choice', neverOnWire: true, confusedWith: [1005] },
  { code: 1007, category: 'protocol-error', reconnect: 'do-not-resend', confusedWith: [1003, 1009] },
  { code: 1008, category: 'policy', reconnect: 'do-not-resend', confusedWith: [1012, 1013] },
  { code: 1009, category: 'protocol-error', reconnect: 'do-not-resend', confusedWith: [1003, 1007] },
  { code: 1010, category: 'protocol-error', reconnect: 'do-not-resend' },
  { code: 1011, category: 'server-error', reconnect: 'app-choice', confusedWith: [1014] },
  { code: 1012, category: 'restart', reconnect: 'restart', confusedWith: [1008, 1013], source: SRC_IANA },
  { code: 1013, category: 'overload', reconnect: 'backoff', confusedWith: [1008, 1012], source: SRC_IANA },
  { code: 1014, category: 'server-error', reconnect: 'app-choice', confusedWith: [1011], source: SRC_IANA },
  { code: 1015, category: 'abnormal', reconnect: 'app-choice', neverOnWire: true },
]);

/** IANA-registered codes in 3000–3999 meant for general use (not tied to one library). */
export const IANA_ENTRIES: readonly CodeEntry[] = makeEntries(WEBSOCKET_PROTOCOL, 'code_ws', SRC_IANA, [
  { code: 3000, category: 'policy', reconnect: 'do-not-resend' },
  { code: 3003, category: 'policy', reconnect: 'do-not-resend' },
  { code: 3008, category: 'registered', reconnect: 'app-choice' },
]);

export const STANDARD_ENTRIES: readonly CodeEntry[] = [...RFC_ENTRIES, ...IANA_ENTRIES];
