/**
 * Discord Gateway close event codes. Discord's table marks 4004 and 4010–4014
 * as "do not reconnect"; the others allow reconnecting (resume, or start a new
 * session for 4007 and 4009). 4006 is not a gateway code (it exists only in the
 * voice gateway), so it is absent here.
 */
import { makeEntries } from './entry-builder';
import { SRC_DISCORD } from './sources';
import type { CodeEntry } from './types';

export const DISCORD_PROTOCOL = 'discord';

const RESUME = 'code_discord_reconnect_resume';
const NEW_SESSION = 'code_discord_reconnect_new_session';
const NEVER = 'code_discord_reconnect_never';

export const DISCORD_ENTRIES: readonly CodeEntry[] = makeEntries(DISCORD_PROTOCOL, 'code_discord', SRC_DISCORD, [
  { code: 4000, category: 'application', reconnect: 'app-choice', reconnectId: RESUME },
  { code: 4001, category: 'application', reconnect: 'app-choice', reconnectId: RESUME },
  { code: 4002, category: 'application', reconnect: 'app-choice', reconnectId: RESUME },
  { code: 4003, category: 'application', reconnect: 'app-choice', reconnectId: RESUME },
  { code: 4004, category: 'policy', reconnect: 'do-not-resend', reconnectId: NEVER },
  { code: 4005, category: 'application', reconnect: 'app-choice', reconnectId: RESUME },
  { code: 4007, category: 'application', reconnect: 'app-choice', reconnectId: NEW_SESSION },
  // Rate limited: reconnecting is allowed, but only slowly.
  { code: 4008, category: 'overload', reconnect: 'backoff' },
  { code: 4009, category: 'application', reconnect: 'app-choice', reconnectId: NEW_SESSION },
  { code: 4010, category: 'application', reconnect: 'do-not-resend', reconnectId: NEVER },
  { code: 4011, category: 'application', reconnect: 'do-not-resend', reconnectId: NEVER },
  { code: 4012, category: 'application', reconnect: 'do-not-resend', reconnectId: NEVER },
  { code: 4013, category: 'application', reconnect: 'do-not-resend', reconnectId: NEVER },
  { code: 4014, category: 'policy', reconnect: 'do-not-resend', reconnectId: NEVER },
]);

/** Codes Discord says must not be reconnected (exported for tests and docs). */
export const DISCORD_TERMINAL_CODES: readonly number[] = [4004, 4010, 4011, 4012, 4013, 4014];
