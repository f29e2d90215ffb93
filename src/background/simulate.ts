/**
 * Routes a simulation request from the panel to the hook of the document that
 * owns the socket. Checked here (the connection exists in that tab and is open,
 * the code is one a server may send), again in the relay, and in the hook.
 */
import browser from 'webextension-polyfill';
import {
  wrap,
  type BackgroundToDocument,
  type HookCommand,
  type SimulateCommand,
  type SimulateScope,
} from '../protocol/messages';
import { endOf, endpointOf, openEventOf, type Connection } from '../protocol/recording';
import { closeReason, isOutageSeconds, isServerSendableCode, isStallSeconds } from '../protocol/commands';
import { MAX_OUTAGE_SECONDS, MAX_STALL_SECONDS } from '../protocol/limits';
import type { Hub } from './hub';
import { liftOutage, startOutage } from './outage';
import { t } from '../i18n/translate';
import { pluralId } from '../i18n/plural';

const ended = (c: Connection) => endOf(c) !== undefined;
/** A stall began and has not ended (each stall ends, delivered or dropped, before the next may begin). */
const stalling = (c: Connection) =>
  c.events.reduce((n, e) => (e.type === 'stall' ? n + 1 : e.type === 'stall-end' ? n - 1 : n), 0) > 0;

/**
 * Why the hook would ignore this command on this connection, which it does without a word (the relay answers
 * only that it passed the command on): undefined when it acts. A server closes or stalls only an open
 * connection; a socket the page is closing (its close() reached the browser) takes no simulation.
 */
export function notSimulatable(c: Connection, kind: SimulateCommand['kind']): string | undefined {
  if (kind === 'outage') return undefined;
  if (ended(c)) return t('bg_sim_already_closed');
  if (c.events.some((e) => e.type === 'close-call' && e.readyState >= 0 && e.readyState < 2)) {
    return t('bg_sim_closing');
  }
  if (kind !== 'drop' && !openEventOf(c)) return t('bg_sim_not_open');
  // The hook runs one stall at a time on a socket: a second is ignored while the first lasts.
  if (kind === 'stall' && stalling(c)) return t('bg_sim_stalling');
  return undefined;
}

async function send(c: Connection, tabId: number, command: HookCommand): Promise<boolean> {
  try {
    const message = wrap<BackgroundToDocument>({ type: 'command', command });
    const ok: unknown = await browser.tabs.sendMessage(tabId, message, {
      frameId: c.frameId,
      documentId: c.documentId,
    });
    return ok === true;
  } catch {
    return false;
  }
}

/** Why a length was refused, naming what it was for: its noun agrees with the longest allowed, in the language in use. */
export function badSecondsText(maxSeconds: number, what: 'outage' | 'stall'): string {
  const id = what === 'stall' ? 'bg_sim_bad_stall_seconds' : 'bg_sim_bad_seconds';
  return t(pluralId(id, maxSeconds), [String(maxSeconds)]);
}

/** Returns undefined on success, else the reason for the user (from the catalog). */
export async function simulate(
  hub: Hub,
  tabId: number,
  connectionId: string,
  scope: SimulateScope,
  cmd: SimulateCommand,
): Promise<string | undefined> {
  const tab = hub.tabs.get(tabId);
  const conn = tab?.get(connectionId);
  if (!tab || !conn) return t('bg_sim_no_connection');
  const code = 'code' in cmd ? cmd.code : undefined;
  if ((cmd.kind === 'close' || cmd.kind === 'close-then-outage') && !isServerSendableCode(code))
    return t('bg_sim_bad_code', [String(code)]);
  if ((cmd.kind === 'outage' || cmd.kind === 'close-then-outage') && !isOutageSeconds(cmd.seconds)) {
    return badSecondsText(MAX_OUTAGE_SECONDS, 'outage');
  }
  if (cmd.kind === 'stall' && !isStallSeconds(cmd.seconds)) return badSecondsText(MAX_STALL_SECONDS, 'stall');
  const sameEndpoint = (c: Connection) =>
    endpointOf(c.url) === endpointOf(conn.url) && c.documentId === conn.documentId;
  const refused = notSimulatable(conn, cmd.kind);
  const targets =
    scope === 'endpoint'
      ? tab.recording.connections.filter((c) => sameEndpoint(c) && !notSimulatable(c, cmd.kind))
      : refused
        ? []
        : [conn];
  // Checked before an outage starts: "close, then unavailable" with nothing to close would only block.
  if (cmd.kind !== 'outage' && targets.length === 0) return refused ?? t('bg_sim_already_closed');
  let outage: number | undefined;
  if (cmd.kind === 'outage' || cmd.kind === 'close-then-outage') {
    try {
      outage = await startOutage(tabId, conn.url, cmd.seconds);
    } catch (e) {
      return t('bg_sim_outage_failed', [e instanceof Error ? e.message : String(e)]);
    }
    if (cmd.kind === 'outage') return undefined;
  }
  let delivered = 0;
  for (const c of targets) {
    // The hook knows a socket by its number; a connection stored without one cannot be addressed.
    const k = c.socketNumber;
    if (k === undefined) continue;
    const command: HookCommand =
      cmd.kind === 'drop'
        ? { t: 'simulate-drop', k }
        : cmd.kind === 'stall'
          ? { t: 'simulate-stall', k, seconds: cmd.seconds }
          : {
              t: 'simulate-close',
              k,
              code: code as number,
              reason: closeReason('reason' in cmd ? cmd.reason : '', 'reason'),
            };
    if (await send(c, tabId, command)) delivered++;
  }
  if (delivered) return undefined;
  // "Close, then unavailable" that closed nothing: its outage, started first so the page's reconnect meets
  // it, would only block the endpoint for its whole time (a page loaded in the tab meanwhile too).
  if (outage !== undefined) await liftOutage(outage).catch(() => undefined);
  return t('bg_sim_no_answer');
}
