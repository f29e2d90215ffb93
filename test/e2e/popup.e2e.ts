/**
 * The toolbar popup for a tab that saw a 1008 retry loop and a 1012
 * restart shows the counts, names and verdicts, problems first, and the
 * toolbar badge counts the problem with a tooltip naming it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/session';
import { recordBlindRetryAndRestart } from './support/blind-retry-page';
import { stopServiceWorker } from './support/worker';
import type { Recording } from '../../src/protocol/recording';
import { t } from './support/english';

const s = useBrowserAndServer();

let rec: Recording;

beforeAll(async () => {
  // /policy: the server refuses with 1008 and the page retries at once, 4 times (a blind retry loop).
  // /restart: 1012 once, reconnected after 2 s (fits).
  rec = await recordBlindRetryAndRestart(s, '/popup-e2e', 2000, 20_000);
}, 60_000);

describe('the toolbar popup and badge', () => {
  it('shows closures by code with names, problems first, the verdicts, and what is open', async () => {
    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${rec.tabId}`);
    const groups = popup.locator('.groups .group');
    await groups.first().waitFor();
    expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['1008', '1012']);
    const first = groups.nth(0);
    expect(await first.locator('.name').textContent()).toBe(t('code_ws_1008_name'));
    // Counted as a user counts: one episode of 4 blind retries, not five 1008 closures.
    const blind = t('popup_group_label_times', [t('popup_short_blind_retry'), '4']);
    expect(await first.locator('.count').textContent()).toBe(t('popup_group_episodes_one', ['1', blind]));
    expect(await first.getAttribute('class')).toContain('has-problems');
    // Every code's name whole, beside its count or above it, never cut to make room for it.
    const cut = await groups.evaluateAll((els) =>
      els.flatMap((e) =>
        [...e.querySelectorAll<HTMLElement>('.name, .count')]
          .filter(
            (part) =>
              part.scrollWidth > part.clientWidth ||
              part.getBoundingClientRect().right > e.getBoundingClientRect().right + 1,
          )
          .map((part) => part.textContent),
      ),
    );
    expect(cut).toEqual([]);
    const fits = t('popup_group_label_times', [t('ui_verdict_fits').toLowerCase(), '1']);
    expect(await groups.nth(1).locator('.count').textContent()).toBe(t('popup_group_episodes_one', ['1', fits]));
    expect(await groups.nth(1).getAttribute('class')).not.toContain('has-problems');

    const latest = popup.locator('.closures .closure');
    expect(await latest.first().getAttribute('class')).toContain('level-problem');
    expect(await latest.first().locator('.code').textContent()).toBe('1008');
    expect(await latest.first().locator('.sentence').textContent()).toMatch(/1008/);
    const restartItem = popup.locator('.closures .closure', { has: popup.locator('.code', { hasText: '1012' }) });
    expect(await restartItem.getAttribute('class')).toContain('level-fits');

    expect(await popup.locator('#popup-open').textContent()).toBe(t('popup_open_heading', ['1']));
    // Exports and copies redact query values by default: the token is not shown in full.
    expect(await popup.locator('.closures').textContent()).not.toContain('token=expired');
    // The time reads as the panel shows it: the browser locale through Intl, with milliseconds.
    expect(await latest.first().locator('.when').textContent()).toMatch(/\d{2}:\d{2}:\d{2}[.,]\d{3}/);
    // Its live region is there, empty (nothing was lost), and takes no room: the popup loads the
    // visually-hidden style it shares with the panel.
    const announcer = popup.getByTestId('popup-dropped-announcer');
    expect(await announcer.getAttribute('role')).toBe('status');
    expect(await announcer.textContent()).toBe('');
    expect(await announcer.evaluate((el) => [getComputedStyle(el).position, el.getBoundingClientRect().width])).toEqual(
      ['absolute', 1],
    );
    // The two per-site switches under the heading are set alike: the same colour, their texts lined up.
    const switches = await popup.locator('label.pause, label.capture-toggle').evaluateAll((labels) =>
      labels.map((l) => {
        const text = document.createRange();
        text.selectNodeContents(l);
        text.setStartAfter(l.querySelector('input')!);
        return { colour: getComputedStyle(l).color, textStart: Math.round(text.getBoundingClientRect().left) };
      }),
    );
    expect(switches).toHaveLength(2);
    expect(switches[1]).toEqual(switches[0]);
    await popup.close();
  });

  it('sets the badge to the problem count with a tooltip naming the worst, also after a worker restart', async () => {
    const badge = () =>
      s.b.worker.evaluate(
        (tabId) => Promise.all([chrome.action.getBadgeText({ tabId }), chrome.action.getTitle({ tabId })]),
        rec.tabId,
      );
    await expect.poll(async () => (await badge())[0], { timeout: 10_000 }).toBe('1');
    const [, title] = await badge();
    expect(title).toContain('1008');
    expect(title).toContain(t('code_ws_1008_name'));

    // The popup reads the stored recording when the worker has just restarted.
    const helper = await s.b.context.newPage();
    await helper.goto('about:blank');
    await stopServiceWorker(s.b.context, helper, s.b.extensionId);
    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${rec.tabId}`);
    await popup.locator('.groups .group').first().waitFor();
    expect(await popup.locator('.groups .group').count()).toBe(2);
  });
});
