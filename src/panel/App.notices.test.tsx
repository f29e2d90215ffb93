import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyDropped } from '../protocol/recording';
import { conn, recordingOf } from './fixtures/recording';
import { renderApp } from './fixtures/render-app';

afterEach(cleanup);

describe('notices', () => {
  it('explains what to do when nothing is recorded', async () => {
    renderApp(recordingOf([]));
    expect(await screen.findByText('No WebSocket connections recorded in this tab yet.')).toBeTruthy();
    expect(screen.getByText(/Reload the page/)).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('always states the worker gap', async () => {
    renderApp(recordingOf([conn({ id: 'a', code: 1000 })]));
    await screen.findByRole('grid');
    expect(screen.getByText(/inside web workers.*are not captured/)).toBeTruthy();
  });

  it.each([
    ['no-hook', /starts capturing when you reload it/],
    ['paused', /paused on this site/],
    ['late', /opened before then are not recorded/],
  ] as const)("shows a banner when the status is %s, announced by the panel's live region", async (status, text) => {
    renderApp(recordingOf([]), {}, { status });
    const banner = await waitFor(() => {
      const found = [...document.querySelectorAll('.banner')].find((b) => text.test(b.textContent ?? ''));
      if (!found) throw new Error('no banner yet');
      return found;
    });
    // One live region says it: the banner, inserted with its text, is none itself.
    expect(banner.getAttribute('role')).toBeNull();
    expect(screen.getByTestId('panel-announcer').textContent).toMatch(text);
  });

  it('shows no status banner while capturing, and announces nothing', async () => {
    renderApp(recordingOf([]));
    await screen.findByText('No WebSocket connections recorded in this tab yet.');
    expect(screen.queryByText(/starts capturing when you reload it/)).toBeNull();
    expect(screen.getByTestId('panel-announcer').textContent).toBe('');
  });

  it.each([
    [{ connectionsEvicted: 12 }, ['12 oldest connections removed to stay within the storage limit']],
    [
      { connectionsRateLimited: 3, eventsRejected: 2 },
      [
        '3 new connections not recorded: the page opened them faster than the rate limit',
        '2 messages from the page rejected as invalid or forged',
      ],
    ],
    [
      { fieldsTruncated: 1, marksEvicted: 4, eventsOverflowed: 5 },
      [
        '5 events lost because a buffer between the page and Closeline was full',
        '4 page lifecycle marks removed to stay within the limit',
        '1 long value (URL, reason, stack) shortened to its limit',
      ],
    ],
  ])('shows what was dropped, lost connections first: %j', async (counts, lines) => {
    renderApp(recordingOf([], { dropped: { ...emptyDropped(), ...counts } }));
    const heading = await screen.findByText('Some data was not recorded', { selector: 'h2' });
    const section = heading.closest('section');
    const items = section?.querySelectorAll('li') ?? [];
    expect([...items].map((li) => li.textContent)).toEqual(lines);
    // A labelled region to read at will; the panel's live region says its heading once, not each count.
    expect(section?.getAttribute('role')).toBeNull();
    expect(section?.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(screen.getByTestId('panel-dropped-announcer').textContent).toBe('Some data was not recorded');
    expect(screen.getByTestId('panel-announcer').textContent).toBe('');
  });

  it('announces the status and what was dropped in regions of their own', async () => {
    renderApp(recordingOf([], { dropped: { ...emptyDropped(), connectionsEvicted: 2 } }), {}, { status: 'paused' });
    await waitFor(() => expect(screen.getByTestId('panel-announcer').textContent).toMatch(/paused on this site/));
    expect(screen.getByTestId('panel-dropped-announcer').textContent).toBe('Some data was not recorded');
  });

  it('shows no dropped notice when nothing was dropped', async () => {
    renderApp(recordingOf([]));
    await screen.findByText('No WebSocket connections recorded in this tab yet.');
    expect(screen.queryByText(/Some data was not recorded/)).toBeNull();
    expect(screen.getByTestId('panel-announcer').textContent).toBe('');
    expect(screen.getByTestId('panel-dropped-announcer').textContent).toBe('');
  });

  it('marks simulated closures in the table', async () => {
    renderApp(
      recordingOf([
        conn({ id: 's', code: 1006, wasClean: false, simulated: true }),
        conn({ id: 'r', code: 1000, reason: 'real' }),
      ]),
    );
    await screen.findByRole('grid');
    expect(screen.getAllByText('simulated')).toHaveLength(1);
  });
});
