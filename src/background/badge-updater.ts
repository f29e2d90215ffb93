/**
 * Keeps the toolbar badge in step with each tab's recording: the count of
 * problem closures, and a tooltip naming the worst one. Analysis runs at most
 * once a second per tab (trailing), so a burst of closures costs one pass.
 *
 * The trailing pass waits on a timer, and the browser may stop the worker before
 * it fires: the recording is stored by then, but the badge the browser keeps
 * showing is the older one, and nothing draws it again until that tab's next
 * closure, which may never come. So a tab waiting on the timer is also named in
 * storage.session, and a starting worker draws the tabs it finds named there
 * once their recordings are loaded. Drawing every stored tab at each start would
 * be right too, but a worker starts again after every idle stop, and that would
 * cost an analysis of every open tab's recording each time; the marker costs a
 * small write per throttled burst, and a start draws only what a stop cut short.
 *
 * A verdict can also change with no event at all: a 1012 or 1013 the page never answers is
 * pending until the link window has passed, then a problem ("no reconnect"). The views judge
 * again on a clock; the badge looks again when the earliest pending verdict is due, so it never
 * counts fewer problems than the popup shows. An idle worker is stopped after 30 s without an
 * event or an extension API call, so a later due time is reached in steps, each a draw (an API
 * call); the tab stays named at the marker meanwhile, so a worker stopped anyway draws it at its
 * next start.
 */
import { analyzeRecording } from '../analysis';
import type { Settings } from '../protocol/messages';
import { presentClosure } from '../analysis/present';
import { pendingSettlesAt } from '../analysis/settle';
import { codeNameText } from '../i18n/code-name';
import { t } from '../i18n/translate';
import { tText } from '../i18n/numbers';
import { badgeFor } from './badge';
import type { StorageLike } from './persist';
import type { TabRecording } from './tab-recording';

export const INTERVAL_MS = 1000;
/** storage.session key: the tabs whose badge waits on the throttle (not a recording key, so Persist skips it). */
export const PENDING_KEY = 'badge:pending';
/** The longest wait before looking again at a tab with a pending verdict: under the worker's 30 s idle stop. */
export const SETTLE_STEP_MS = 25_000;

export interface DrawnBadge {
  text: string;
  color: string;
  title: string;
}

export interface BadgeUpdaterDeps {
  /** storage.session: outlives the worker, so the next one sees what was left undrawn. */
  storage: StorageLike;
  /** Sets one tab's badge, colour and tooltip; rejects when the tab is gone. */
  draw(tabId: number, badge: DrawnBadge): Promise<unknown>;
  now(): number;
  setTimer(fn: () => void, ms: number): void;
}

const isTabId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function badgeOf(tab: TabRecording, settings: Settings, now: number): DrawnBadge {
  return judgeBadge(tab, settings, now).badge;
}

/** The badge, and when it may change with no new event (undefined: not before the next one). */
function judgeBadge(tab: TabRecording, settings: Settings, now: number): { badge: DrawnBadge; settlesAt?: number } {
  const analysis = analyzeRecording(tab.recording, { profileId: settings.profileId, now });
  const worst = analysis.summary.worst;
  const worstConn = worst ? tab.get(worst.connectionId) : undefined;
  const worstClosure = worst && analysis.closures.find((c) => c.connectionId === worst.connectionId);
  const presented = worstConn && worstClosure ? presentClosure(worstConn, worstClosure, worst?.verdict) : undefined;
  const badge = badgeFor(analysis, presented, codeNameText);
  // Its count and code in the locale's digits, as the views write the numbers of the analysis's texts.
  const title = badge.title ? tText(badge.title) : t('actionTitle');
  const settlesAt = pendingSettlesAt(analysis);
  return { badge: { text: badge.text, color: badge.color, title }, ...(settlesAt !== undefined && { settlesAt }) };
}

export class BadgeUpdater {
  private readonly lastRun = new Map<number, number>();
  /** Tabs waiting on the throttle, with the settings of their latest update (a profile chosen meanwhile counts). */
  private readonly queued = new Map<number, { tab: TabRecording; settings: Settings }>();
  /** Tabs whose drawn badge may be behind their stored recording; mirrored at PENDING_KEY. */
  private readonly pending = new Set<number>();
  /** Tabs with a pending verdict, to be drawn again when it is due (or at the next step towards it). */
  private readonly settling = new Map<number, { tab: TabRecording; settings: Settings }>();
  /** Tabs whose look-again timer is set. */
  private readonly settleTimers = new Set<number>();
  /** Marker writes, one after another (concurrent set() calls of one key may land out of order). */
  private chain: Promise<void> = Promise.resolve();
  private writeQueued = false;
  private loaded: Promise<void> = Promise.resolve();

  constructor(private readonly deps: BadgeUpdaterDeps) {}

  /**
   * Reads the tabs a stopped worker left undrawn. Called first thing at start, so no marker write of
   * this worker can overwrite them unread. Never rejects.
   */
  load(): Promise<void> {
    const run = this.chain.then(async () => {
      const raw = (await this.deps.storage.get([PENDING_KEY]).catch((): Record<string, unknown> => ({})))[PENDING_KEY];
      const ids = Array.isArray(raw) ? raw.filter(isTabId) : [];
      for (const id of ids) this.pending.add(id);
      // A value of another shape is replaced (or removed) rather than read at every start.
      if (raw !== undefined && ids.length !== (Array.isArray(raw) ? raw.length : -1)) this.store();
    });
    this.chain = this.loaded = run;
    return run;
  }

  /** Once the recordings are loaded: draws the tabs left undrawn; the others (closed meanwhile) are let go. */
  async restore(tabs: Map<number, TabRecording>, settings: Settings): Promise<void> {
    await this.loaded;
    const drawn: TabRecording[] = [];
    let gone = false;
    for (const id of this.pending) {
      const tab = tabs.get(id);
      if (tab) drawn.push(tab);
      else if (!this.queued.has(id)) gone = this.pending.delete(id);
    }
    if (gone) this.store();
    this.update(drawn, settings);
  }

  update(tabs: TabRecording[], settings: Settings): void {
    for (const tab of tabs) {
      const wait = (this.lastRun.get(tab.tabId) ?? 0) + INTERVAL_MS - this.deps.now();
      if (wait <= 0) {
        this.apply(tab, settings);
        continue;
      }
      const waiting = this.queued.has(tab.tabId);
      this.queued.set(tab.tabId, { tab, settings });
      if (waiting) continue;
      if (!this.pending.has(tab.tabId)) {
        this.pending.add(tab.tabId);
        this.store();
      }
      this.deps.setTimer(() => {
        const latest = this.queued.get(tab.tabId);
        this.queued.delete(tab.tabId);
        if (latest) this.apply(latest.tab, latest.settings);
      }, wait);
    }
  }

  forget(tabId: number): void {
    this.lastRun.delete(tabId);
    this.queued.delete(tabId);
    this.settling.delete(tabId);
    if (this.pending.delete(tabId)) this.store();
  }

  private apply(tab: TabRecording, settings: Settings): void {
    const tabId = tab.tabId;
    const now = this.deps.now();
    this.lastRun.set(tabId, now);
    const { badge, settlesAt } = judgeBadge(tab, settings, now);
    if (settlesAt !== undefined) this.settleLater(tab, settings, settlesAt - now);
    else this.settling.delete(tabId);
    // The tab may have closed meanwhile: nothing to update then. The marker goes once the browser has the
    // badge (a stop in between leaves it, and the next start draws the same badge again) and no verdict
    // of the tab is still pending.
    void this.deps
      .draw(tabId, badge)
      .catch(() => undefined)
      .then(() => {
        if (!this.queued.has(tabId) && !this.settling.has(tabId) && this.pending.delete(tabId)) this.store();
      });
  }

  private settleLater(tab: TabRecording, settings: Settings, dueInMs: number): void {
    const tabId = tab.tabId;
    this.settling.set(tabId, { tab, settings });
    if (!this.pending.has(tabId)) {
      this.pending.add(tabId);
      this.store();
    }
    // A timer already set fires no later than this one would: verdicts come due in the order of their closes.
    if (this.settleTimers.has(tabId)) return;
    this.settleTimers.add(tabId);
    this.deps.setTimer(
      () => {
        this.settleTimers.delete(tabId);
        const latest = this.settling.get(tabId);
        // Forgotten meanwhile, or a queued draw is coming that will look again itself.
        if (!latest || this.queued.has(tabId)) return;
        this.settling.delete(tabId);
        this.apply(latest.tab, latest.settings);
      },
      Math.max(0, Math.min(dueInMs, SETTLE_STEP_MS)),
    );
  }

  /** Writes the pending set as it is when the write runs; writes asked for meanwhile are one write. */
  private store(): void {
    if (this.writeQueued) return;
    this.writeQueued = true;
    this.chain = this.chain.then(async () => {
      this.writeQueued = false;
      const ids = [...this.pending];
      const { storage } = this.deps;
      await (ids.length ? storage.set({ [PENDING_KEY]: ids }) : storage.remove([PENDING_KEY])).catch(() => undefined);
    });
  }
}
