/**
 * Simulated outages: while one lasts, new WebSocket handshakes from
 * the tab to the endpoint are blocked by declarativeNetRequest session rules,
 * so the page sees the browser's own error and 1006, exactly as for a server
 * that is down. Rules are kept in storage.session with their end time, so a
 * restarted worker removes the ones whose time is up.
 */
import browser from 'webextension-polyfill';
import { withoutSockjsSession } from '../analysis/link';

const KEY = 'outages';
/** Rule ids for outages live in their own range, clear of any future static rules; each outage takes two. */
const FIRST_RULE_ID = 100_000;

interface Outage {
  ruleId: number;
  tabId: number;
  until: number;
}

/**
 * Runs the read-modify-write of the stored list and the rules one at a time. Two at once read the same list:
 * two outages took the same rule ids (the second refused, and its undo wrote the list without the first), or
 * lifting an expired one wrote back the list it read without the outage started meanwhile. Either way a rule
 * was left that no stored entry names, and it blocked the endpoint until the browser restarted.
 */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(run: () => Promise<T>): Promise<T> {
  const done = queue.then(run);
  queue = done.catch(() => undefined);
  return done;
}

async function stored(): Promise<Outage[]> {
  const got = await browser.storage.session.get(KEY);
  return Array.isArray(got[KEY]) ? (got[KEY] as Outage[]) : [];
}

/** A string matched literally inside a regular expression. */
const literal = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/**
 * The endpoint's filters: its ws:// or wss:// address, as Chromium's declarativeNetRequest sees a handshake,
 * and the same address with http:// or https://, as Firefox's does (a rule for ws:// alone blocks nothing
 * there). Each browser's rule for the other's form matches no WebSocket request. Regular expressions: the
 * endpoint is its scheme, host and path with any query, and a urlFilter's `^` after the path also matches
 * a `/`, which blocked every endpoint under it (`/ws/notifications` during an outage of `/ws`).
 */
export function endpointFilters(socketUrl: string): [string, string] {
  const u = new URL(socketUrl);
  const secure = u.protocol === 'wss:' || u.protocol === 'https:' ? 's' : '';
  const rest = `${literal(`//${u.host}`)}${pathFilter(u.pathname)}(\\?.*)?$`;
  return [`^ws${secure}:${rest}`, `^http${secure}:${rest}`];
}

const SOCKJS_TAIL = '/websocket';

/**
 * The path, matched literally; a SockJS session's (`‹base›/‹server id›/‹session id›/websocket`) with any two
 * ids: sockjs-client draws new ones for every connection, and the endpoint is the path without them (as the
 * analysis and the reconnect check name it), so an outage refuses the page's next session too.
 */
function pathFilter(path: string): string {
  const base = withoutSockjsSession(path);
  if (base === path) return literal(path);
  return `${literal(base.slice(0, -SOCKJS_TAIL.length))}/[0-9]{3}/[^/.?#]+${literal(SOCKJS_TAIL)}`;
}

/** The outage's rules: one per filter, with ids `ruleId` and `ruleId + 1`. */
export function outageRules(ruleId: number, tabId: number, socketUrl: string) {
  return endpointFilters(socketUrl).map((regexFilter, i) => ({
    id: ruleId + i,
    priority: 1,
    action: { type: 'block' as const },
    condition: { regexFilter, resourceTypes: ['websocket' as const], tabIds: [tabId] },
  }));
}

/** Both rule ids of each outage. */
const ruleIdsOf = (list: Outage[]) => list.flatMap((o) => [o.ruleId, o.ruleId + 1]);

/**
 * Stored before the rules are added: a rule the storage does not know of is never lifted (the worker may
 * stop before the outage ends). The area is shared with the recordings, which fill it to its quota on a
 * busy page; then the outage is refused with the browser's reason, and nothing blocks.
 */
export function startOutage(tabId: number, socketUrl: string, seconds: number, now = Date.now()): Promise<number> {
  return oneAtATime(() => addOutage(tabId, socketUrl, seconds, now));
}

/** Lifts one outage before its end (by the rule id startOutage gave): one that turned out to serve no purpose. */
export function liftOutage(ruleId: number, now = Date.now()): Promise<void> {
  return oneAtATime(() => lift((o) => o.ruleId === ruleId, now));
}

async function addOutage(tabId: number, socketUrl: string, seconds: number, now: number): Promise<number> {
  const list = await stored();
  const ruleId = Math.max(FIRST_RULE_ID - 2, ...list.map((o) => o.ruleId)) + 2;
  await browser.storage.session.set({ [KEY]: [...list, { ruleId, tabId, until: now + seconds * 1000 }] });
  try {
    await browser.declarativeNetRequest.updateSessionRules({ addRules: outageRules(ruleId, tabId, socketUrl) });
  } catch (e) {
    // No rule (the browser adds all or none): its entry would only be lifted for nothing.
    await browser.storage.session.set({ [KEY]: list }).catch(() => undefined);
    throw e;
  }
  wakeAt(Math.min(...list.map((o) => o.until), now + seconds * 1000), now);
  return ruleId;
}

/** The alarm that wakes a stopped worker when an outage is due to end. */
export const OUTAGE_ALARM = 'closeline-outage-end';

/**
 * Runs endExpiredOutages when the earliest outage ends. A timer dies with the worker, which the browser
 * stops after about 30 s without events: a page that gave up retrying sends none, and the rule then stayed
 * until something else woke the worker, blocking the endpoint well past the outage (a reload's first socket
 * too). The alarm wakes the worker; the timer keeps the end on time while it is awake (alarms of a packed
 * extension fire 30 s after they are set at the earliest).
 */
function wakeAt(until: number, now: number): void {
  setTimeout(() => void endExpiredOutages(), until - now + 50);
  // No alarm (the permission or API missing): the timer and the next start still lift the rule.
  void Promise.resolve()
    .then(() => browser.alarms.create(OUTAGE_ALARM, { when: until + 50 }))
    .catch(() => undefined);
}

/**
 * Removes the rules whose time is up (also called when the worker starts), and any rule of ours no stored
 * outage names: an update or reload of the extension empties storage.session and its alarms, but Chromium
 * keeps the session rules, which then blocked the endpoint until the browser restarted.
 */
export function endExpiredOutages(now = Date.now()): Promise<void> {
  return oneAtATime(() => lift((o) => o.until <= now, now, true));
}

/**
 * The ids of our rules that no stored outage names. Never one of an outage being started: each is stored
 * before its rules are added, and both run one at a time with this.
 */
async function strayRuleIds(list: Outage[]): Promise<number[]> {
  const known = new Set(ruleIdsOf(list));
  // Rules that cannot be listed are left as they were: the stored outages are still lifted.
  const rules = await Promise.resolve()
    .then(() => browser.declarativeNetRequest.getSessionRules())
    .catch(() => []);
  return rules.map((r) => r.id).filter((id) => id >= FIRST_RULE_ID && !known.has(id));
}

/**
 * Removes the rules of the outages `ends` picks (and, with `strays`, the rules no outage names), then
 * forgets them, and sets the wake-up for the earliest outage left, or clears it when none is left (an alarm
 * for a lifted outage would only wake the worker).
 */
async function lift(ends: (o: Outage) => boolean, now: number, strays = false): Promise<void> {
  const list = await stored();
  const ending = list.filter(ends);
  const orphans = strays ? await strayRuleIds(list) : [];
  if (orphans.length > 0) await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: orphans });
  if (ending.length === 0) return;
  const left = list.filter((o) => !ends(o));
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: ruleIdsOf(ending) });
  await browser.storage.session.set({ [KEY]: left });
  if (left.length > 0) wakeAt(Math.min(...left.map((o) => o.until)), now);
  else
    void Promise.resolve()
      .then(() => browser.alarms.clear(OUTAGE_ALARM))
      .catch(() => undefined);
}
