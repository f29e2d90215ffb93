/**
 * Simulated outages: while one lasts, new WebSocket handshakes from
 * the tab to the endpoint are blocked by a declarativeNetRequest session rule,
 * so the page sees the browser's own error and 1006, exactly as for a server
 * that is down. Rules are kept in storage.session with their end time, so a
 * restarted worker removes the ones whose time is up.
 */
import browser from 'webextension-polyfill';

const KEY = 'outages';
/** Rule ids for outages live in their own range, clear of any future static rules. */
const FIRST_RULE_ID = 100_000;

interface Outage {
  ruleId: number;
  tabId: number;
  endpoint: string;
  until: number;
}

async function stored(): Promise<Outage[]> {
  const got = await browser.storage.session.get(KEY);
  return Array.isArray(got[KEY]) ? (got[KEY] as Outage[]) : [];
}

/** The URL filter for an endpoint: its scheme, host and path, then a separator or the end. */
export function endpointFilter(socketUrl: string): string {
  const u = new URL(socketUrl);
  return `|${u.protocol}//${u.host}${u.pathname}^`;
}

/**
 * Stored before the rule is added: a rule the storage does not know of is never lifted (the worker may
 * stop before the outage ends). The area is shared with the recordings, which fill it to its quota on a
 * busy page; then the outage is refused with the browser's reason, and nothing blocks.
 */
export async function startOutage(tabId: number, socketUrl: string, seconds: number, now = Date.now()): Promise<void> {
  const list = await stored();
  const ruleId = Math.max(FIRST_RULE_ID - 1, ...list.map((o) => o.ruleId)) + 1;
  const endpoint = endpointFilter(socketUrl);
  await browser.storage.session.set({ [KEY]: [...list, { ruleId, tabId, endpoint, until: now + seconds * 1000 }] });
  try {
    await browser.declarativeNetRequest.updateSessionRules({
      addRules: [
        {
          id: ruleId,
          priority: 1,
          action: { type: 'block' },
          condition: { urlFilter: endpoint, resourceTypes: ['websocket'], tabIds: [tabId] },
        },
      ],
    });
  } catch (e) {
    // No rule: its entry would only be lifted for nothing (removing an unknown rule id is no error).
    await browser.storage.session.set({ [KEY]: list }).catch(() => undefined);
    throw e;
  }
  setTimeout(() => void endExpiredOutages(), seconds * 1000 + 50);
}

/** Removes the rules whose time is up (also called when the worker starts). */
export async function endExpiredOutages(now = Date.now()): Promise<void> {
  const list = await stored();
  const expired = list.filter((o) => o.until <= now);
  if (expired.length === 0) return;
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: expired.map((o) => o.ruleId) });
  await browser.storage.session.set({ [KEY]: list.filter((o) => o.until > now) });
  const next = Math.min(...list.filter((o) => o.until > now).map((o) => o.until));
  if (Number.isFinite(next)) setTimeout(() => void endExpiredOutages(), next - now + 50);
}
