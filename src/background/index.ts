/**
 * Service worker entry. Listeners are registered synchronously (MV3 wakes the
 * worker for an event only if its listener exists at top level); each waits for
 * the stored state to load before acting.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { RELAY_PORT_NAME, VIEW_PORT_NAME } from '../protocol/messages';
import { Hub } from './hub';
import { Persist } from './persist';
import { SettingsStore } from './settings-store';
import { acceptRelay } from './relay-port';
import { acceptView, handleViewRequest } from './views';
import { BadgeUpdater } from './badge-updater';
import { setTranslator } from '../i18n/translate';
import { fetchCatalog } from '../i18n/locale';
import { endExpiredOutages, OUTAGE_ALARM } from './outage';
import { createBackgroundLanguage } from './language';

// The browser's language until the chosen catalog is loaded (a moment after start).
setTranslator((id, subs) => browser.i18n.getMessage(id, subs));
/** Draws every tab's badge again, once the stored state is read: what it says changed, not the tabs. */
function redrawBadges(): void {
  void ready.then(() => badges.update([...hub.tabs.values()], settings.current));
}
// The badge counts problems by the chosen profile, as the views do: another profile re-judges every tab,
// and an idle page sends nothing that would draw its badge again.
const settings = new SettingsStore(browser.storage.local, (before, after) => {
  if (before.profileId !== after.profileId) redrawBadges();
});
const persist = new Persist(browser.storage.session);
const badges = new BadgeUpdater({
  storage: browser.storage.session,
  draw: (tabId, { text, color, title }) =>
    Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setBadgeBackgroundColor({ tabId, color }),
      browser.action.setTitle({ tabId, title }),
    ]),
  now: () => Date.now(),
  setTimer: (fn, ms) => void setTimeout(fn, ms),
});
// Before anything can queue a badge: the tabs a stopped worker left undrawn are read first.
void badges.load();
const hub = new Hub({
  persist,
  extensionVersion: browser.runtime.getManifest().version,
  now: () => Date.now(),
  setTimer: (fn, ms) => void setTimeout(fn, ms),
  settings: () => settings.current,
  onTabsChanged: (tabs) => badges.update(tabs, settings.current),
});
const language = createBackgroundLanguage({
  uiLanguage: browser.i18n.getUILanguage(),
  loadCatalog: (lang) => fetchCatalog(browser.runtime.getURL(`_locales/${lang}/messages.json`)),
  fallback: (id, subs) => browser.i18n.getMessage(id, subs),
  setDefaultTitle: (title) => void browser.action.setTitle({ title }).catch(() => undefined),
  redraw: redrawBadges,
});
// Every request waits for this, so it never rejects: what could not be read is left out by the loaders
// themselves, and anything else they throw leaves the worker running on what it has. The text of the
// tooltip and of the errors views are sent is in the language chosen in the settings.
const ready = Promise.all([settings.load().then((s) => language.apply(s.language)), hub.load()]).then(
  () => undefined,
  (e: unknown) => console.error('Closeline: starting without stored state', e),
);
// A worker stopped within a tab's badge throttle left that badge behind its recording: draw it now.
void ready.then(() => badges.restore(hub.tabs, settings.current)).catch(() => undefined);
// A tab closed while a worker could not finish removing its recording left it stored: delete those.
void ready
  .then(() => browser.tabs.query({}))
  .then((open) => hub.removeClosedSinceStored(new Set(open.flatMap((t) => (t.id === undefined ? [] : [t.id])))))
  .catch(() => undefined);
// A worker stopped mid-outage leaves its blocking rule behind: lift the expired ones, now and when the
// outage's alarm wakes the worker (registered at once, so the alarm that started this worker reaches it).
void endExpiredOutages().catch(() => undefined);
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === OUTAGE_ALARM) void endExpiredOutages().catch(() => undefined);
});

/** Extension pages only: the panel, the popup, or one opened as a tab in tests. */
const fromExtensionPage = (url: string | undefined) =>
  typeof url === 'string' && url.startsWith(browser.runtime.getURL(''));

browser.runtime.onConnect.addListener((port) => {
  if (port.sender?.id !== browser.runtime.id) return port.disconnect();
  if (port.name === RELAY_PORT_NAME && port.sender.tab?.id !== undefined) acceptRelay(port, hub, ready);
  else if (port.name === VIEW_PORT_NAME && fromExtensionPage(port.sender.url)) acceptView(port, hub, ready);
  else port.disconnect();
});

browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id || !fromExtensionPage(sender.url)) return undefined;
  return ready.then(() => handleViewRequest(msg, hub, settings));
});

browser.storage.onChanged.addListener((changes, area) => {
  const change = changes[SettingsStore.KEY];
  if (area !== 'local' || !change) return;
  settings.onStored(change.newValue);
  void language.apply(settings.current.language);
});

browser.tabs.onRemoved.addListener((tabId) => {
  badges.forget(tabId);
  void ready.then(() => hub.removeTab(tabId));
});

// A discarded tab comes back under a new id: its recording and its badge go with it.
browser.tabs.onReplaced.addListener((addedTabId, removedTabId) => {
  badges.forget(removedTabId);
  void ready.then(() => hub.replaceTab(removedTabId, addedTabId));
});

// Test hook: a random id per worker instance proves a restart (an old handle reaches the new worker).
(globalThis as { __closelineInstance?: string }).__closelineInstance = Math.random().toString(36).slice(2);
// Benchmark hook: bytes written to storage so far (the soak checks they grow O(1) per closure).
(globalThis as { __closelineStorageStats?: Persist['stats'] }).__closelineStorageStats = persist.stats;
