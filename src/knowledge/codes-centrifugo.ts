/**
 * Centrifugo (and the Centrifuge library behind it). Its SDKs decide by range:
 * 3000–3499 and 4000–4499 reconnect, 3500–3999 and 4500–4999 are terminal.
 * The built-in codes below are from Centrifugo's documentation. 3000
 * "connection closed" is a server-side marker for metrics, not a code sent to
 * clients, so it is left to the range.
 *
 * Non-terminal codes are app-choice rather than restart/backoff: the official
 * SDKs reconnect with full-jitter backoff whose first wait can be under 0.5 s,
 * which a stricter rule would wrongly call "too soon".
 */
import { makeEntries } from './entry-builder';
import { SRC_CENTRIFUGE_RANGES, SRC_CENTRIFUGO } from './sources';
import type { CodeEntry, CodeRange } from './types';

export const CENTRIFUGO_PROTOCOL = 'centrifugo';
export const CENTRIFUGE_PROTOBUF_SUBPROTOCOL = 'centrifuge-protobuf';

const AUTO = 'code_cfg_reconnect_auto';
const TERMINAL = 'code_cfg_reconnect_terminal';

const reconnecting = (code: number, category: CodeEntry['category'] = 'application') =>
  ({ code, category, reconnect: 'app-choice', reconnectId: AUTO }) as const;
const terminal = (code: number, category: CodeEntry['category'] = 'application') =>
  ({ code, category, reconnect: 'do-not-resend', reconnectId: TERMINAL }) as const;

export const CENTRIFUGO_ENTRIES: readonly CodeEntry[] = makeEntries(CENTRIFUGO_PROTOCOL, 'code_cfg', SRC_CENTRIFUGO, [
  reconnecting(3001, 'restart'),
  reconnecting(3004, 'server-error'),
  reconnecting(3005, 'policy'),
  reconnecting(3006, 'policy'),
  reconnecting(3008),
  reconnecting(3009),
  reconnecting(3010),
  reconnecting(3011, 'restart'),
  reconnecting(3012),
  reconnecting(3013, 'overload'),
  terminal(3500, 'policy'),
  terminal(3501),
  terminal(3502, 'policy'),
  terminal(3503),
  terminal(3504, 'policy'),
  terminal(3505, 'policy'),
  terminal(3506),
  terminal(3507, 'policy'),
  terminal(3508),
  terminal(3509),
]);

const range = (from: number, to: number, reconnect: CodeRange['reconnect']): CodeRange => ({
  from,
  to,
  protocol: CENTRIFUGO_PROTOCOL,
  nameId: `code_range_cfg_${from}_${to}_name`,
  category: 'application',
  meaningId: `code_range_cfg_${from}_${to}_meaning`,
  reconnect,
  source: SRC_CENTRIFUGE_RANGES,
});

export const CENTRIFUGO_RANGES: readonly CodeRange[] = [
  range(3000, 3499, 'app-choice'),
  range(3500, 3999, 'do-not-resend'),
  range(4000, 4499, 'app-choice'),
  range(4500, 4999, 'do-not-resend'),
];
