/**
 * Keeps the toolbar badge in step with each tab's recording: the count of
 * problem closures, and a tooltip naming the worst one. Analysis runs at most
 * once a second per tab (trailing), so a burst of closures costs one pass.
 */
import browser from 'webextension-polyfill';
import { analyzeRecording } from '../analysis';
import type { Settings } from '../protocol/messages';
import { presentClosure } from '../analysis/present';
import { codeNameText } from '../i18n/code-name';
import { t } from '../i18n/translate';
import { badgeFor } from './badge';
import type { TabRecording } from './tab-recording';

const INTERVAL_MS = 1000;
const lastRun = new Map<number, number>();
const queued = new Map<number, TabRecording>();

function apply(tab: TabRecording, settings: Settings): void {
  lastRun.set(tab.tabId, Date.now());
  const rec = tab.recording;
  const analysis = analyzeRecording(rec, { profileId: settings.profileId, now: Date.now() });
  const worst = analysis.summary.worst;
  const worstConn = worst ? tab.get(worst.connectionId) : undefined;
  const worstClosure = worst && analysis.closures.find((c) => c.connectionId === worst.connectionId);
  const presented = worstConn && worstClosure ? presentClosure(worstConn, worstClosure, worst?.verdict) : undefined;
  const badge = badgeFor(analysis, presented, codeNameText);
  const tabId = tab.tabId;
  const title = badge.title ? t(badge.title.id, badge.title.subs) : t('actionTitle');
  // The tab may have closed meanwhile: nothing to update then.
  void Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    browser.action.setTitle({ tabId, title }),
  ]).catch(() => undefined);
}

export function updateBadges(tabs: TabRecording[], settings: Settings): void {
  for (const tab of tabs) {
    const wait = (lastRun.get(tab.tabId) ?? 0) + INTERVAL_MS - Date.now();
    if (wait <= 0) {
      apply(tab, settings);
      continue;
    }
    if (queued.has(tab.tabId)) {
      queued.set(tab.tabId, tab);
      continue;
    }
    queued.set(tab.tabId, tab);
    setTimeout(() => {
      const latest = queued.get(tab.tabId);
      queued.delete(tab.tabId);
      if (latest) apply(latest, settings);
    }, wait);
  }
}

export function forgetBadge(tabId: number): void {
  lastRun.delete(tabId);
  queued.delete(tabId);
}
