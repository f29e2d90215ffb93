import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { verdict } from './fixtures/analysis';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { detail, grid, renderApp, rowIds } from './fixtures/render-app';

const rec = recordingOf([
  conn({ id: 'a', at: T0, url: 'wss://rt.example/live', code: 1012, reason: 'deploy' }),
  conn({
    id: 'b',
    at: T0 + 2000,
    url: 'wss://rt.example/live',
    code: 1008,
    reason: 'bad token',
    frameId: 3,
    frameUrl: 'https://w.example/',
  }),
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

  // The header's buttons and handles take their own keys: the grid's row keys must leave them alone,
  // or Enter (which a button turns into its click) never sorts, and Home or End moves the selection.
  it.each(['Enter', ' ', 'Home', 'End', 'PageDown', 'ArrowDown'])(
    'leaves "%s" on a header button or resize handle to it',
    async (key) => {
      renderApp(rec, { verdicts });
      await screen.findByRole('grid');
      fireEvent.click(screen.getByText('bad token'));
      const header = screen.getByRole('columnheader', { name: 'Code' });
      for (const target of [within(header).getByRole('button'), within(header).getByRole('separator')]) {
        target.focus();
        expect(fireEvent.keyDown(target, { key }), `${key} on ${target.className} not cancelled`).toBe(true);
        expect(grid().getAttribute('aria-activedescendant')).toBe('closure-row-b');
        expect(document.activeElement).toBe(target);
      }
    },
  );

  it.each([
    ['text', () => fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'token' } }), ['b']],
    [
      'code',
      () => fireEvent.change(screen.getByLabelText('Code', { selector: 'select' }), { target: { value: '1012' } }),
      ['a'],
    ],
    ['category', () => fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'normal' } }), ['c']],
    [
      'verdict',
      () =>
        fireEvent.change(screen.getByLabelText('Verdict', { selector: 'select' }), { target: { value: 'problem' } }),
      ['b'],
    ],
    ['frame', () => fireEvent.change(screen.getByLabelText('Frame'), { target: { value: '3' } }), ['b']],
  ])('filters by %s', async (_name, act, want) => {
    renderApp(rec, { verdicts });
    await screen.findByRole('grid');
    act();
    expect(rowIds()).toEqual(want);
    expect(screen.getByText(`${want.length} of 3 connections`)).toBeTruthy();
  });

  it('updates the row elements on screen in place when a filter or sort changes which rows they show', async () => {
    renderApp(rec, { verdicts });
    await screen.findByRole('grid');
    const before = within(grid()).getAllByRole('row').slice(1);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'token' } });
    const filtered = within(grid()).getAllByRole('row').slice(1);
    expect(filtered.map((r) => r.dataset.id)).toEqual(['b']);
    expect(filtered[0]).toBe(before[0]);
    expect(within(filtered[0]!).getByText('1008 Policy Violation')).toBeTruthy();
    expect(filtered[0]!.id).toBe('closure-row-b');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '' } });
    const all = within(grid()).getAllByRole('row').slice(1);
    expect(all[0]).toBe(before[0]);
    const header = screen.getByRole('columnheader', { name: 'Code' });
    fireEvent.click(within(header).getByRole('button'));
    const sorted = within(grid()).getAllByRole('row').slice(1);
    expect(sorted.map((r) => r.dataset.id)).toEqual(['c', 'b', 'a']);
    sorted.forEach((row, i) => expect(row).toBe(all[i]));
    expect(sorted[0]!.getAttribute('data-code')).toBe('1000');
  });

  it("gives a pointed row's cells the tooltips of the row it shows now, also when a filter replaces it", async () => {
    renderApp(rec, { verdicts });
    await screen.findByRole('grid');
    const first = within(grid()).getAllByRole('row')[1]!;
    const codeTip = () => first.querySelector('.cell-code')!.getAttribute('title');
    expect(codeTip()).toBeNull();
    fireEvent.mouseEnter(first);
    expect(codeTip()).toBe(first.querySelector('.cell-code')!.textContent);
    const was = codeTip();
    // The same row element now shows another connection, under a pointer that has not moved.
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'token' } });
    expect(first.dataset.id).toBe('b');
    expect(codeTip()).toBe('1008 Policy Violation');
    expect(codeTip()).not.toBe(was);
    fireEvent.mouseLeave(first);
    expect(codeTip()).toBeNull();
  });

  it("gives the selected row's cells their tooltips, which are their descriptions for a screen reader", async () => {
    renderApp(rec, { verdicts });
    const g = await screen.findByRole('grid');
    const rows = () => within(grid()).getAllByRole('row').slice(1);
    const code = (r: HTMLElement) => r.querySelector('.cell-code')!;
    // Each row's code cell's tooltip: its own text on the active row, none on the others.
    const tips = () => rows().map((r) => code(r).getAttribute('title'));
    const only = (i: number) => rows().map((r, j) => (j === i ? code(r).textContent : null));
    expect(tips()).toEqual([null, null, null]);
    fireEvent.keyDown(g, { key: 'ArrowDown' });
    expect(tips()).toEqual(only(0));
    fireEvent.keyDown(g, { key: 'ArrowDown' });
    expect(tips()).toEqual(only(1));
    expect(tips()[1]).toMatch(/^10\d\d /);
    expect(g.getAttribute('aria-activedescendant')).toBe(rows()[1]!.id);
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
    const many = recordingOf(
      Array.from({ length: 10_000 }, (_, i) => conn({ id: `s${i}`, at: T0 + i * 10, code: 1006, wasClean: false })),
    );
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

  it('stripes and places each row by its place in the whole list, wherever the window of rows starts', async () => {
    const many = recordingOf(
      Array.from({ length: 10_000 }, (_, i) => conn({ id: `s${i}`, at: T0 + i * 10, code: 1006, wasClean: false })),
    );
    renderApp(many);
    const g = await screen.findByRole('grid');
    const placed = () =>
      screen.getAllByTestId('closure-row').map((r) => {
        const index = Number(r.getAttribute('aria-rowindex')) - 2;
        return [index, r.classList.contains('row-alt'), r.style.top];
      });
    const expected = (rows: ReturnType<typeof placed>) =>
      rows.map(([i]) => [i, Number(i) % 2 === 1, `${Number(i) * 21}px`]);
    const first = placed();
    expect(first[0]?.[0]).toBe(0);
    expect(first).toEqual(expected(first));
    fireEvent.keyDown(g, { key: 'End' });
    fireEvent.keyDown(g, { key: 'ArrowUp' });
    const last = placed();
    expect(last.at(-1)?.[0]).toBe(9_999);
    expect(last).toEqual(expected(last));
  });

  it('scrolls to follow the selection, and leaves the scrolling to the user until the selection moves', async () => {
    const many = recordingOf(
      Array.from({ length: 10_000 }, (_, i) => conn({ id: `s${i}`, at: T0 + i * 10, code: 1006, wasClean: false })),
    );
    renderApp(many);
    const g = await screen.findByRole('grid');
    const body = g.querySelector<HTMLElement>('.closures-body')!;
    // Without layout the viewport is taken as 600 px; rows are 21 px: the last row's bottom at the view's bottom.
    fireEvent.keyDown(g, { key: 'End' });
    expect(body.scrollTop).toBe(10_000 * 21 - 600);
    body.scrollTop = 0;
    fireEvent.scroll(body);
    expect(document.getElementById('closure-row-s0')).not.toBeNull();
    expect(document.getElementById('closure-row-s9999')).toBeNull();
    // The selected row is out of the DOM: the grid names no active row rather than one that is not there.
    expect(g.getAttribute('aria-activedescendant')).toBeNull();
    expect(body.scrollTop).toBe(0);
    fireEvent.keyDown(g, { key: 'ArrowUp' });
    expect(g.getAttribute('aria-activedescendant')).toBe('closure-row-s9998');
    expect(body.scrollTop).toBe(9_999 * 21 - 600);
    expect(document.getElementById('closure-row-s9998')).not.toBeNull();
  });

  it("states each row's code, verdict and simulated mark in data attributes", async () => {
    const sim = recordingOf([...rec.connections, conn({ id: 's', at: T0 + 6000, code: 1013, simulated: true })]);
    renderApp(sim, { verdicts: { ...verdicts, s: verdict('advice') } });
    await screen.findByRole('grid');
    const rows = screen.getAllByTestId('closure-row');
    expect(
      rows.map((r) => [
        r.getAttribute('data-id'),
        r.getAttribute('data-code'),
        r.getAttribute('data-verdict'),
        r.getAttribute('data-simulated'),
      ]),
    ).toEqual([
      ['a', '1012', 'fits', null],
      ['b', '1008', 'problem', null],
      ['c', '1000', 'info', null],
      ['s', '1013', 'advice', 'true'],
    ]);
    expect(within(rows[3]!).getByText('simulated')).toBeTruthy();
  });

  describe('open connections', () => {
    const withOpen = recordingOf([...rec.connections, conn({ id: 'o', at: T0 + 3000, url: 'wss://rt.example/live' })]);
    const connecting = conn({ id: 'k', at: T0 + 3500 });
    connecting.events = [];
    withOpen.connections.push(connecting);

    it('lists them among the closures, marked open or connecting, with no code', async () => {
      renderApp(withOpen, { verdicts });
      await screen.findByRole('grid');
      // Open rows sit at their creation time: o (T0+3000) comes before b's close (T0+3010).
      expect(rowIds()).toEqual(['a', 'o', 'b', 'k', 'c']);
      const open = screen.getAllByTestId('closure-row').filter((r) => r.getAttribute('data-open') === 'true');
      expect(
        open.map((r) => [
          r.getAttribute('data-id'),
          r.getAttribute('data-code'),
          within(r).getByText(/open|connecting/).textContent,
        ]),
      ).toEqual([
        ['o', null, 'open'],
        ['k', null, 'connecting'],
      ]);
    });

    it.each([
      ['open', ['o', 'k']],
      ['closed', ['a', 'b', 'c']],
    ])('filters by status: %s', async (state, want) => {
      renderApp(withOpen, { verdicts });
      await screen.findByRole('grid');
      fireEvent.change(screen.getByLabelText('Status'), { target: { value: state } });
      expect(rowIds()).toEqual(want);
      expect(screen.getByText(`${want.length} of 5 connections`)).toBeTruthy();
    });

    it("shows an open connection's detail, without simulation controls on a recording that is not live", async () => {
      renderApp(withOpen, { verdicts });
      await screen.findByRole('grid');
      fireEvent.click(screen.getByText('open'));
      const pane = screen.getByTestId('detail-pane');
      expect(pane.getAttribute('data-open')).toBe('true');
      expect(within(pane).getByText(/^Open since /)).toBeTruthy();
      expect(within(pane).queryByTestId('simulate-section')).toBeNull();
    });
  });

  it('isolates a hostile URL, reason and moved-to host in the cells, their tooltips and the frame choice', async () => {
    const rlo = '\u202E';
    const hostile = recordingOf([
      conn({
        id: 'h',
        at: T0,
        url: `wss://a.example/${rlo}sj.txt`,
        code: 4000,
        reason: `${rlo}oc.elgoog//:sptth`,
        frameId: 2,
        frameUrl: `https://a.example/${rlo}f`,
      }),
      conn({ id: 'n', at: T0 + 5000, url: `wss://${rlo}b.example/` }),
    ]);
    renderApp(hostile, { next: { h: { nextId: 'n', delayS: 2, label: 'moved', movedTo: `${rlo}b.example` } } });
    await screen.findByRole('grid');
    const row = grid().querySelector('[data-id="h"]')!;
    const cell = (id: string) => row.querySelector(`.cell-${id}`)!;
    const bdis = (id: string) =>
      [...cell(id).querySelectorAll('bdi')].map((b) => [b.getAttribute('dir'), b.textContent]);
    expect(bdis('url')).toEqual([
      ['ltr', 'wss://a.example'],
      ['ltr', '/U+202Esj.txt'],
    ]);
    expect(bdis('reason')).toEqual([['auto', 'U+202Eoc.elgoog//:sptth']]);
    expect(bdis('delay')).toEqual([['ltr', 'U+202Eb.example']]);
    expect(cell('delay').textContent).toBe('2.00 s → U+202Eb.example');
    expect(row.textContent).not.toContain(rlo);
    // Tooltips are made for the row under the pointer only (a keystroke need not make every cell's).
    expect(row.querySelector('[title]')).toBeNull();
    fireEvent.mouseEnter(row);
    // Native tooltips take only text: the page's part is isolated in characters, its controls spelled out.
    expect(cell('url').getAttribute('title')).toBe('\u2066wss://a.example/[U+202E]sj.txt\u2069');
    expect(cell('reason').getAttribute('title')).toBe('\u2068[U+202E]oc.elgoog//:sptth\u2069');
    expect(cell('delay').getAttribute('title')).toBe('2.00 s → \u2066[U+202E]b.example\u2069');
    fireEvent.mouseLeave(row);
    expect(row.querySelector('[title]')).toBeNull();
    const frame = within(screen.getByLabelText('Frame')).getByRole('option', { name: /a\.example/ });
    expect(frame.textContent).toContain('\u2066https://a.example/[U+202E]f\u2069');
    expect(frame.textContent).not.toContain(rlo);
  });
});
