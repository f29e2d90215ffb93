import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../analysis/types';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { detail, grid, renderApp, rowIds, settingsLoaded } from './fixtures/render-app';
import { STORAGE_KEY } from './table/column-prefs';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

const problem: Verdict = {
  level: 'problem',
  rule: 'terminal.blind-retry',
  text: { id: 'panel_test_verdict', subs: ['blind'] },
  observedDelays: [0.01],
  profileId: 'default',
};
const rec = recordingOf([
  conn({ id: 'a', at: T0, url: 'wss://rt.example/policy?token=s3cret', code: 1008, reason: 'Token expired' }),
  conn({
    id: 'b',
    at: T0 + 1000,
    url: 'wss://rt.example/restart',
    code: 1012,
    reason: 'deploy, key k0123456789abcdefghijk',
  }),
]);

const headerNames = () =>
  within(grid())
    .getAllByRole('columnheader')
    .map((h) => h.getAttribute('aria-label'));

describe('reading at a glance', () => {
  it('puts the endpoint, code, who closed and verdict first', async () => {
    renderApp(rec, { verdicts: { a: problem } });
    await screen.findByRole('grid');
    expect(headerNames().slice(0, 4)).toEqual(['Endpoint', 'Code', 'Closed by', 'Verdict']);
  });

  it('shows the path apart from the origin, so rows to one host differ where they differ', async () => {
    renderApp(rec, {}, { settings: { redactQuery: false } });
    await screen.findByRole('grid');
    await settingsLoaded();
    const cells = grid().querySelectorAll('.cell-url');
    expect(cells[0]?.querySelector('.url-origin')?.textContent).toBe('wss://rt.example');
    expect(cells[0]?.querySelector('.url-path')?.textContent).toBe('/policy?token=s3cret');
  });

  it('shows the verdict before the code explanation in the detail', async () => {
    renderApp(rec, { verdicts: { a: problem } });
    await screen.findByRole('grid');
    fireEvent.click(screen.getAllByText('Token expired')[0]!);
    const regions = within(detail())
      .getAllByRole('region')
      .map((r) => r.getAttribute('aria-label'));
    expect(regions.indexOf('Reconnect verdict')).toBeLessThan(regions.indexOf('What this code means'));
    expect(regions[0]).toBe('Reconnect verdict');
  });

  it.each([
    [true, ['token=REDACTED', 'deploy, key REDACTED'], ['s3cret', 'k0123456789']],
    [false, ['token=s3cret', 'deploy, key k0123456789abcdefghijk'], ['REDACTED']],
  ])(
    'redactQuery %s: the table and detail show %s, as the popup, copies and exports do',
    async (redactQuery, shown, hidden) => {
      renderApp(rec, {}, { settings: { redactQuery } });
      await screen.findByRole('grid');
      await settingsLoaded();
      fireEvent.click(screen.getAllByText('Token expired')[0]!);
      const text = `${grid().textContent} ${detail().textContent}`;
      for (const s of shown) expect(text).toContain(s);
      for (const s of hidden) expect(text).not.toContain(s);
      // The close reason's token, in the detail too.
      fireEvent.click(within(grid()).getAllByText(shown[1]!)[0]!);
      expect(detail().textContent).toContain(shown[1]);
    },
  );

  it('hides a column and remembers it', async () => {
    const first = renderApp(rec);
    await screen.findByRole('grid');
    fireEvent.click(within(screen.getByTestId('columns-menu')).getByRole('checkbox', { name: 'Reason' }));
    expect(headerNames()).not.toContain('Reason');
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}').hidden).toEqual(['reason']);
    first.unmount();
    renderApp(rec);
    await screen.findByRole('grid');
    expect(headerNames()).not.toContain('Reason');
    expect(headerNames()).toContain('Code');
  });

  it('resizes a column from the keyboard and remembers the width', async () => {
    renderApp(rec);
    await screen.findByRole('grid');
    const handle = screen.getByRole('separator', { name: 'Resize column Code' });
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    // happy-dom has no layout: the handle starts from the column's default width (130 px).
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}').widths).toEqual({ code: 146 });
    expect(screen.getByRole('separator', { name: 'Resize column Code' }).getAttribute('aria-valuenow')).toBe('146');
  });
});

describe('column choices after the panel is opened again', () => {
  const tracks = () => grid().style.getPropertyValue('--closures-columns');

  it('draws the resized width and leaves the hidden column out', async () => {
    const first = renderApp(rec);
    await screen.findByRole('grid');
    // happy-dom has no layout: the handle starts from the column's default width (130 px).
    expect(tracks()).toContain(' 130px ');
    fireEvent.keyDown(screen.getByRole('separator', { name: 'Resize column Code' }), { key: 'ArrowRight' });
    fireEvent.keyDown(screen.getByRole('separator', { name: 'Resize column Code' }), { key: 'ArrowRight' });
    fireEvent.click(within(screen.getByTestId('columns-menu')).getByRole('checkbox', { name: 'Reason' }));
    first.unmount();

    renderApp(rec);
    await screen.findByRole('grid');
    expect(headerNames()).not.toContain('Reason');
    expect(headerNames().slice(0, 2)).toEqual(['Endpoint', 'Code']);
    // The Code column (second track) is drawn at the stored width, and its handle says so.
    expect(tracks()).toMatch(/^minmax\(\d+px, 1fr\) 162px /);
    expect(screen.getByRole('separator', { name: 'Resize column Code' }).getAttribute('aria-valuenow')).toBe('162');
    expect(within(screen.getByTestId('columns-menu')).getByRole('checkbox', { name: 'Reason' })).toHaveProperty(
      'checked',
      false,
    );
  });
});

describe('keys', () => {
  it('/ focuses the filter, but not while typing in it', async () => {
    renderApp(rec);
    await screen.findByRole('grid');
    grid().focus();
    fireEvent.keyDown(grid(), { key: '/' });
    const box = screen.getByRole('searchbox');
    expect(document.activeElement).toBe(box);
    const typed = fireEvent.keyDown(box, { key: '/' });
    expect(typed).toBe(true);
  });

  it('↓ selects, Enter opens the detail, Esc closes it and returns to the table', async () => {
    renderApp(rec);
    await screen.findByRole('grid');
    grid().focus();
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    expect(grid().getAttribute('aria-activedescendant')).toBe('closure-row-b');
    fireEvent.keyDown(grid(), { key: 'Enter' });
    expect(detail().getAttribute('data-id')).toBe('b');
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(screen.queryByRole('complementary', { name: 'Closure details' })).toBeNull();
    expect(document.activeElement).toBe(grid());
    expect(rowIds()).toEqual(['a', 'b']);
  });

  it('the ? button opens help on levels, timeline marks, Simulate and keys; Esc closes it', async () => {
    renderApp(rec);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: 'How to read this panel' }));
    const help = screen.getByRole('dialog', { name: 'How to read this panel' });
    for (const heading of ['Verdict levels', 'Timeline marks', 'Simulate', 'Keys'])
      expect(within(help).getByText(heading)).toBeTruthy();
    for (const level of ['Problem', 'Advice', 'Fits', 'Info', 'Inconclusive', 'Pending'])
      expect(within(help).getByText(level)).toBeTruthy();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
