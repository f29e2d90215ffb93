/**
 * The filter's result is announced once the user stops typing, through the panel's own live region;
 * the count on screen is no live region, so neither keystrokes nor live connections are read out.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSource } from '../test-support/fake-source';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { renderApp } from './fixtures/render-app';
import { FILTER_ANNOUNCE_IDLE_MS } from './toolbar/use-filter-announcement';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const rec = recordingOf([
  conn({ id: 'a', at: T0, code: 1012, reason: 'deploy' }),
  conn({ id: 'b', at: T0 + 2000, code: 1008, reason: 'bad token' }),
  conn({ id: 'c', at: T0 + 4000, code: 1000, reason: 'bye' }),
]);

const region = () => screen.getByTestId('panel-filter-announcer');

async function panel() {
  const source = fakeSource(rec);
  renderApp(rec, {}, {}, { source });
  await screen.findByRole('grid');
  // Timers faked only now: the panel's first render waits on real ones.
  vi.useFakeTimers();
  return source;
}

const type = (value: string) => fireEvent.change(screen.getByRole('searchbox'), { target: { value } });
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('filter result announcement', () => {
  it('is no live region on screen', async () => {
    await panel();
    const count = screen.getByText('3 of 3 connections');
    expect(count.closest('[aria-live]')).toBeNull();
    expect(count.closest('[role="status"]')).toBeNull();
  });

  it('says the count once, when typing has paused', async () => {
    await panel();
    expect(region().getAttribute('role')).toBe('status');
    for (const text of ['t', 'to', 'tok']) {
      type(text);
      wait(FILTER_ANNOUNCE_IDLE_MS - 1);
      expect(region().textContent).toBe('');
    }
    wait(1);
    expect(region().textContent).toBe('1 of 3 connections');
    // A next edit empties it first, so the same count said again is a change a screen reader reads.
    type('toke');
    expect(region().textContent).toBe('');
    wait(FILTER_ANNOUNCE_IDLE_MS);
    expect(region().textContent).toBe('1 of 3 connections');
  });

  it('says nothing when live connections change the count', async () => {
    const source = await panel();
    const d = conn({ id: 'd', at: T0 + 6000, code: 1000, reason: 'bye' });
    act(() => source.push(recordingOf([...rec.connections, d])));
    wait(FILTER_ANNOUNCE_IDLE_MS * 2);
    expect(screen.getByText('4 of 4 connections')).toBeTruthy();
    expect(region().textContent).toBe('');
    type('bye');
    wait(FILTER_ANNOUNCE_IDLE_MS);
    expect(region().textContent).toBe('2 of 4 connections');
    act(() =>
      source.push(recordingOf([...rec.connections, d, conn({ id: 'e', at: T0 + 8000, code: 1000, reason: 'bye' })])),
    );
    wait(FILTER_ANNOUNCE_IDLE_MS * 2);
    expect(screen.getByText('3 of 5 connections')).toBeTruthy();
    expect(region().textContent).toBe('2 of 4 connections');
  });
});
