import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { verdict } from './fixtures/analysis';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { detail, grid, renderApp, rowIds } from './fixtures/render-app';

const rec = recordingOf([
  conn({ id: 'a', at: T0, url: 'wss://rt.example/live', code: 1012, reason: 'deploy' }),
  conn({ id: 'b', at: T0 + 2000, url: 'wss://rt.example/live', code: 1008, reason: 'bad token', frameId: 3, frameUrl: 'https://w.example/' }),
  conn({ id: 'c', at: T0 + 4000, url: 'wss://other.example/', code: 1000, pageClosed: true }),
]);
const verdicts = { a: verdict('fits'), b: verdict('problem'), c: verdict('info') };

afterEach(cleanup);

describe('closures table', () => {
  it('lists closures in time order with their code names and verdicts', async () => {
    renderApp(rec, { verdicts });
    await screen.findByRole('grid');
    expect(rowIds()).toEqual(['a', 'b', 'c']);
    const first = within(grid()).getAllByRole('row')[1]!;
    expect(within(first).getByText('1012 Service Restart')).toBeTruthy();
    expect(within(first).getByText('Fits')).toBeTruthy();
  });

  it.each([
    ['Code', ['c', 'b', 'a'], ['a', 'b', 'c']],
    ['Verdict', ['a', 'c', 'b'], ['b', 'c', 'a']],
    ['Reason', ['c', 'b', 'a'], ['a', 'b', 'c']],
  ])('sorts by %s on click, reversed on a second click', async (column, asc, desc) => {
    renderApp(rec, { verdicts });
    const header = await screen.findByRole('columnheader', { name: column });
    fireEvent.click(within(header).getByRole('button'));
    expect(rowIds()).toEqual(asc);
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header).getByRole('button'));
    expect(rowIds()).toEqual(desc);
    expect(header.getAttribute('aria-sort')).toBe('descending');
  });

  it.each([
    ['text', () => fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'token' } }), ['b']],
    ['code', () => fireEvent.change(screen.getByLabelText('Code'), { target: { value: '1012' } }), ['a']],
    ['category', () => fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'normal' } }), ['c']],
    ['verdict', () => fireEvent.change(screen.getByLabelText('Verdict'), { target: { value: 'problem' } }), ['b']],
    ['frame', () => fireEvent.change(screen.getByLabelText('Frame'), { target: { value: '3' } }), ['b']],
  ])('filters by %s', async (_name, act, want) => {
    renderApp(rec, { verdicts });
    await screen.findByRole('grid');
    act();
    expect(rowIds()).toEqual(want);
    expect(screen.getByText(`${want.length} of 3 closures`)).toBeTruthy();
  });

  it('says so when the filters hide every closure', async () => {
    renderApp(rec, { verdicts });
    await screen.findByRole('grid');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'nothing like this' } });
    expect(screen.getByText('No closures match the filters.')).toBeTruthy();
  });

  it('selects a row on click and opens its detail', async () => {
    renderApp(rec, { verdicts });
    await screen.findByRole('grid');
    fireEvent.click(screen.getByText('bad token'));
    const row = within(grid()).getAllByRole('row')[2]!;
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(within(detail()).getByRole('heading', { level: 2 }).textContent).toBe('1008 Policy Violation');
  });

  it('moves the selection with arrow keys and opens the detail with Enter', async () => {
    renderApp(rec, { verdicts });
    const g = await screen.findByRole('grid');
    fireEvent.keyDown(g, { key: 'ArrowDown' });
    expect(g.getAttribute('aria-activedescendant')).toBe('closure-row-a');
    expect(screen.queryByRole('complementary')).toBeNull();
    fireEvent.keyDown(g, { key: 'ArrowDown' });
    fireEvent.keyDown(g, { key: 'End' });
    fireEvent.keyDown(g, { key: 'ArrowUp' });
    expect(g.getAttribute('aria-activedescendant')).toBe('closure-row-b');
    fireEvent.keyDown(g, { key: 'Enter' });
    const heading = within(detail()).getByRole('heading', { level: 2 });
    expect(heading.textContent).toBe('1008 Policy Violation');
    expect(document.activeElement).toBe(heading);
  });

  it('stays windowed at 10,000 closures', async () => {
    const many = recordingOf(Array.from({ length: 10_000 }, (_, i) => conn({ id: `s${i}`, at: T0 + i * 10, code: 1006, wasClean: false })));
    renderApp(many);
    const g = await screen.findByRole('grid');
    const rendered = within(g).getAllByRole('row').length - 1;
    expect(g.getAttribute('aria-rowcount')).toBe('10001');
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(60);
    fireEvent.keyDown(g, { key: 'End' });
    expect(g.getAttribute('aria-activedescendant')).toBe('closure-row-s9999');
    expect(document.getElementById('closure-row-s9999')).not.toBeNull();
  });
});
