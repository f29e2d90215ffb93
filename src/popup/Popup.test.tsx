import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyDropped, type DroppedCounts } from '../protocol/recording';
import type { CaptureStatus, Settings } from '../protocol/messages';
import type { Recording } from '../protocol/recording';
import { fakeSource } from '../test-support/fake-source';
import { Popup } from './Popup';
import { catalogTranslator, setTranslator } from '../i18n/translate';
import { tPlural } from '../i18n/plural';
import { localeCatalog } from '../test-support/locale-catalog';
import { blindRetryLoop, MIN, recordingOf, sock, T0 } from './test-fixtures';
import { closeAt, connectionOf, openAt } from '../test-support/recordings';

afterEach(cleanup);

const NOW = T0 + 60 * MIN;
const clock = () => NOW;

function renderPopup(rec: Recording | undefined, opts: { settings?: Partial<Settings>; status?: CaptureStatus } = {}) {
  const source = fakeSource(rec, opts);
  render(<Popup source={source} clock={clock} />);
  return source;
}

/** Four routine 1000s (recent), one 1008 blind-retry loop of 3 (recent), one 1011 an hour ago. */
const busy = recordingOf([
  sock({ id: 'old', at: T0, code: 1011 }),
  ...blindRetryLoop(NOW - 10 * MIN, 3),
  ...[1, 2, 3, 4].map((i) => sock({ id: `n${i}`, at: NOW - 5 * MIN + i * 90_000, code: 1000 })),
  sock({ id: 'live', at: NOW - MIN }),
]);

const codesIn = (el: HTMLElement) =>
  within(el)
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('data-code'));

describe('Popup summary', () => {
  it('groups recent closures by code, problems before a more frequent code', async () => {
    renderPopup(busy);
    const section = await screen.findByRole('region', { name: 'Last 15 minutes' });
    expect(codesIn(section)).toEqual(['1008', '1000']);
    expect(within(section).getByText('Policy Violation')).toBeTruthy();
    // The loop is one episode (a trigger and 2 retries), not three closures; the routine closes are counted one by one.
    expect(within(section).getByText('1 episode: blind retry ×2')).toBeTruthy();
    expect(within(section).getByText('× 4')).toBeTruthy();
    expect(within(section).getByText('Problem')).toBeTruthy();
  });

  it.each([
    [5, ['1000']],
    [15, ['1008', '1000']],
    [90, ['1008', '1000', '1011']],
  ])('the recentMinutes setting (%i) sets the window', async (recentMinutes, codes) => {
    renderPopup(busy, { settings: { recentMinutes } });
    const section = await screen.findByRole('region', { name: `Last ${recentMinutes} minutes` });
    expect(codesIn(section)).toEqual(codes);
  });

  it('lists the latest closures with the problem first and its verdict sentence', async () => {
    renderPopup(busy);
    const section = await screen.findByRole('region', { name: 'Latest closures' });
    const rows = within(section).getAllByRole('listitem');
    expect(rows).toHaveLength(5);
    expect(rows[0]?.getAttribute('data-connection')).toBe('p0');
    expect(within(rows[0]!).getByText('Problem')).toBeTruthy();
    expect(within(rows[0]!).getByText(/Retried the same request .* after close code 1008/)).toBeTruthy();
    // Then newest first: the four 1000s, newest (n4) first.
    expect(rows.slice(1).map((r) => r.getAttribute('data-connection'))).toEqual(['n4', 'n3', 'n2', 'n1']);
  });

  it('shows the open connections with query values redacted', async () => {
    renderPopup(busy);
    const section = await screen.findByRole('region', { name: 'Open now: 1' });
    expect(within(section).getByText('wss://api.example.com/live?token=REDACTED')).toBeTruthy();
  });

  it('follows new recordings from the source', async () => {
    const source = renderPopup(recordingOf([sock({ id: 'a', at: NOW - MIN, code: 1000 })]));
    await screen.findByRole('region', { name: 'Last 15 minutes' });
    act(() =>
      source.push(
        recordingOf([sock({ id: 'a', at: NOW - MIN, code: 1000 }), sock({ id: 'b', at: NOW - MIN, code: 1013 })]),
      ),
    );
    expect(codesIn(screen.getByRole('region', { name: 'Last 15 minutes' }))).toEqual(['1000', '1013']);
  });

  it("names an episode's code by its trigger when only its failed attempts (1006) are recent", async () => {
    // A 1013 just before the window, then handshakes refused at growing waits, all within it.
    const start = NOW - 15 * MIN - 20_000;
    const attempts = [2, 6, 14, 30, 62].map((s, i) =>
      connectionOf({ id: `a${i}`, createdAt: start + s * 1000, events: [closeAt(start + s * 1000 + 50, 1006)] }),
    );
    const trigger = connectionOf({
      id: 't',
      createdAt: start - MIN,
      events: [openAt(start - MIN), closeAt(start, 1013)],
    });
    renderPopup(recordingOf([trigger, ...attempts]));
    const section = await screen.findByRole('region', { name: 'Last 15 minutes' });
    expect(codesIn(section)).toEqual(['1013']);
    expect(within(section).getByText('Try Again Later')).toBeTruthy();
    expect(within(section).queryByText('Abnormal Closure')).toBeNull();
  });
});

describe('Popup notices', () => {
  it('explains how to get data when nothing is recorded', async () => {
    renderPopup(recordingOf([]));
    expect(await screen.findByText(/reload the page to record its connections from the beginning/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Latest closures' })).toBeNull();
    // Nothing to export yet, as in the panel; the summary (which says so) can still be copied.
    expect((screen.getByRole('button', { name: 'Export recording' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Copy summary' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('on a paused site with nothing recorded, says it is paused, not that a reload would record', async () => {
    renderPopup(recordingOf([]), { status: 'paused' });
    expect(await screen.findByText('Recording is paused on this site.', { selector: '.notice' })).toBeTruthy();
    expect(screen.queryByText(/reload the page to record/)).toBeNull();
  });

  it('offers the export once the tab has a connection', async () => {
    renderPopup(busy);
    const button = await screen.findByRole('button', { name: 'Export recording' });
    expect((button as HTMLButtonElement).disabled).toBe(false);
  });

  it('status late -> a notice that connections opened before the install are not recorded, announced', async () => {
    renderPopup(recordingOf([]), { status: 'late' });
    const [notice, announced] = await screen.findAllByText(/opened before then are not recorded/);
    expect(notice!.className).toBe('notice');
    expect(announced).toBe(screen.getByTestId('popup-status-announcer'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each<[CaptureStatus, RegExp | null]>([
    ['no-hook', /starts capturing when you reload it. Pages the browser keeps extensions out of/],
    ['capturing', null],
  ])('status %s -> reload notice %s', async (status, text) => {
    renderPopup(recordingOf([]), { status });
    await screen.findByRole('heading', { name: 'WebSocket closures in this tab' });
    if (text) {
      expect((await screen.findByRole('alert')).textContent).toMatch(text);
      expect(screen.queryByText(/record its connections from the beginning/)).toBeNull();
    } else {
      await screen.findByText(/record its connections from the beginning/);
      expect(screen.queryByRole('alert')).toBeNull();
    }
  });

  it.each<[Partial<DroppedCounts>, string[]]>([
    [{}, []],
    [{ connectionsEvicted: 12 }, ['12 oldest connections removed to stay within the storage limit']],
    [
      { eventsRejected: 2, connectionsRateLimited: 3 },
      [
        '3 new connections not recorded: the page opened them faster than the rate limit',
        '2 messages from the page rejected as invalid or forged',
      ],
    ],
  ])('dropped %j -> notice lines %j', async (patch, lines) => {
    renderPopup(recordingOf(busy.connections, { dropped: { ...emptyDropped(), ...patch } }));
    await screen.findByRole('region', { name: 'Latest closures' });
    // A labelled region to read at will, no live region: its heading is said by the popup's announcer.
    const notice = screen.queryByRole('region', { name: 'Some data was not recorded' });
    const announcer = screen.getByTestId('popup-dropped-announcer');
    if (lines.length === 0) {
      expect(notice).toBeNull();
      expect(announcer.textContent).toBe('');
    } else {
      expect(notice!.getAttribute('role')).toBeNull();
      expect(notice!.closest('[role="status"], [aria-live]')).toBeNull();
      expect(
        within(notice!)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(lines);
      expect(announcer.textContent).toBe('Some data was not recorded');
    }
  });

  it('announces losses that start while it is open once, by a region there before the data, not at each eviction', async () => {
    const source = renderPopup(undefined);
    // There while the popup still loads, so that a screen reader knows it before anything is said.
    const announcer = screen.getByTestId('popup-dropped-announcer');
    expect(announcer.getAttribute('role')).toBe('status');
    expect(announcer.textContent).toBe('');
    await act(async () => source.push(busy));
    await screen.findByRole('region', { name: 'Latest closures' });
    expect(announcer.textContent).toBe('');
    const evicted = (n: number) =>
      act(async () =>
        source.push(recordingOf(busy.connections, { dropped: { ...emptyDropped(), connectionsEvicted: n } })),
      );
    const said: string[] = [];
    const seen = new MutationObserver(() => said.push(announcer.textContent ?? ''));
    seen.observe(announcer, { childList: true, subtree: true, characterData: true });
    await evicted(1);
    await evicted(2);
    await evicted(3);
    seen.disconnect();
    expect(await screen.findByText('3 oldest connections removed to stay within the storage limit')).toBeTruthy();
    // Once: the counts change in the notice, not in the region.
    expect(said).toEqual(['Some data was not recorded']);
    expect(screen.getByTestId('popup-dropped-announcer')).toBe(announcer);
  });
});

describe('Popup counts in the plural form of its language', () => {
  afterEach(() => setTranslator(catalogTranslator(localeCatalog('en'))));

  it.each<[string, number, string, string]>([
    ['en', 1, 'Last 1 minute', 'No closures in the last 1 minute.'],
    ['en', 5, 'Last 5 minutes', 'No closures in the last 5 minutes.'],
    ['ar', 1, 'آخر دقيقة', 'لا توجد عمليات إغلاق في آخر دقيقة.'],
    ['ar', 2, 'آخر دقيقتين', 'لا توجد عمليات إغلاق في آخر دقيقتين.'],
    ['ar', 5, 'آخر 5 دقائق', 'لا توجد عمليات إغلاق في آخر 5 دقائق.'],
    ['ar', 15, 'آخر 15 دقيقة', 'لا توجد عمليات إغلاق في آخر 15 دقيقة.'],
    ['ar', 55, 'آخر 55 دقيقة', 'لا توجد عمليات إغلاق في آخر 55 دقيقة.'],
    ['hi', 5, 'पिछले 5 मिनट', 'पिछले 5 मिनट में कोई क्लोज़र नहीं।'],
  ])('%s, a %i-minute window: heading, empty text and its option', async (lang, recentMinutes, heading, none) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    // Its one closure is an hour old: outside every window tested here.
    renderPopup(recordingOf([sock({ id: 'old', at: T0, code: 1011 })]), { settings: { recentMinutes } });
    const section = await screen.findByRole('region', { name: heading });
    expect(within(section).getByText(none)).toBeTruthy();
    const options = [...screen.getByTestId<HTMLSelectElement>('recent-minutes').options].map((o) => o.textContent);
    expect(options).toContain(tPlural('popup_minutes_option', recentMinutes));
  });

  it.each<[string, string[]]>([
    ['en', ['5 minutes', '15 minutes', '60 minutes', '240 minutes']],
    ['ar', ['5 دقائق', '15 دقيقة', '60 دقيقة', '240 دقيقة']],
    ['hi', ['5 मिनट', '15 मिनट', '60 मिनट', '240 मिनट']],
  ])('%s: the window choices', async (lang, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    renderPopup(busy);
    const select = await screen.findByTestId<HTMLSelectElement>('recent-minutes');
    expect([...select.options].map((o) => o.textContent)).toEqual(want);
  });
});
