import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulateCommand } from '../protocol/messages';
import { verdict } from './fixtures/analysis';
import { fakeSource } from '../test-support/fake-source';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { renderApp } from './fixtures/render-app';

afterEach(cleanup);

const closed = conn({ id: 'c', at: T0, code: 1000 });
const open = conn({ id: 'o', at: T0 + 2000, url: 'wss://rt.example/live' });
const rec = recordingOf([closed, open]);

async function openLiveRow(source = fakeSource(rec)) {
  renderApp(rec, { verdicts: { c: verdict('info') } }, {}, { source });
  await screen.findByRole('grid');
  const row = screen.getAllByTestId('closure-row').find((r) => r.getAttribute('data-open') === 'true')!;
  fireEvent.click(row);
  return { source, pane: screen.getByTestId('detail-pane') };
}

const field = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const type = (id: string, value: string) => fireEvent.change(field(id), { target: { value } });
const click = async (id: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(id));
  });
};

describe('simulation controls', () => {
  it.each<[string, () => void, string, SimulateCommand, 'connection' | 'endpoint']>([
    [
      'close with the default code',
      () => undefined,
      'simulate-close',
      { kind: 'close', code: 1012, reason: '' },
      'connection',
    ],
    [
      'close with a chosen code and reason',
      () => {
        type('simulate-code', '4001');
        type('simulate-reason', 'token expired');
      },
      'simulate-close',
      { kind: 'close', code: 4001, reason: 'token expired' },
      'connection',
    ],
    [
      'close on every open connection to the endpoint',
      () => fireEvent.change(field('simulate-scope'), { target: { value: 'endpoint' } }),
      'simulate-close',
      { kind: 'close', code: 1012, reason: '' },
      'endpoint',
    ],
    ['network drop', () => undefined, 'simulate-drop', { kind: 'drop' }, 'connection'],
    [
      'outage of a chosen length',
      () => type('simulate-outage-seconds', '45'),
      'simulate-outage',
      { kind: 'outage', seconds: 45 },
      'connection',
    ],
    // The scenario ignores the form: one click must work whatever it holds.
    [
      '1013 then a 20 s outage',
      () => type('simulate-code', 'nonsense'),
      'simulate-1013-outage',
      { kind: 'close-then-outage', code: 1013, reason: '', seconds: 20 },
      'connection',
    ],
  ])('%s', async (_name, fill, button, command, scope) => {
    const { source } = await openLiveRow();
    fill();
    await click(button);
    expect(source.simulate.mock.calls).toEqual([['o', command, scope]]);
    const result = screen.getByTestId('simulate-result');
    expect(result.getAttribute('role')).toBe('status');
    expect(result.getAttribute('data-state')).toBe('ok');
    expect(result.textContent).toBe(`Done: ${screen.getByTestId(button).textContent}.`);
  });

  it('labels the outage button with the chosen length and names common codes', async () => {
    await openLiveRow();
    type('simulate-outage-seconds', '7');
    expect(screen.getByTestId('simulate-outage').textContent).toBe('Simulate outage for 7 s');
    type('simulate-code', '1013');
    expect(screen.getByText('Try Again Later')).toBeTruthy();
    const options = [...document.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['1000', '1001', '1008', '1011', '1012', '1013', '1014']);
  });

  it("shows the extension's reason when the simulation is refused", async () => {
    const source = fakeSource(rec);
    source.simulate.mockRejectedValueOnce(new Error('the connection is already closed'));
    await openLiveRow(source);
    await click('simulate-drop');
    const result = screen.getByTestId('simulate-result');
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toBe('Could not simulate (Simulate network drop): the connection is already closed');
  });

  it('holds the buttons while a request is on its way, keeping the focus where it was', async () => {
    const source = fakeSource(rec);
    let answer: () => void = () => undefined;
    source.simulate.mockImplementationOnce(() => new Promise<void>((resolve) => (answer = resolve)));
    await openLiveRow(source);
    const stall = screen.getByTestId('simulate-stall') as HTMLButtonElement;
    stall.focus();
    await click('simulate-stall');
    expect(screen.getByTestId('simulate-result').getAttribute('data-state')).toBe('pending');
    // Said to be disabled, not disabled: a disabled button would drop the keyboard focus to the body.
    expect(screen.getByTestId('simulate-drop').getAttribute('aria-disabled')).toBe('true');
    expect(stall.disabled).toBe(false);
    expect(document.activeElement).toBe(stall);
    // A second press meanwhile sends nothing.
    await click('simulate-drop');
    expect(source.simulate).toHaveBeenCalledTimes(1);
    await act(async () => answer());
    expect(screen.getByTestId('simulate-drop').getAttribute('aria-disabled')).toBeNull();
    expect(document.activeElement).toBe(stall);
  });

  it.each(['999', '1004', '1005', '1006', '1015', '2999', '5000', '1012.5', 'abc', ''])(
    'refuses code "%s": a server cannot send it',
    async (code) => {
      const { source } = await openLiveRow();
      type('simulate-code', code);
      expect(screen.getByRole('alert').textContent).toBe('A server can only send 1000–1003, 1007–1014 or 3000–4999.');
      expect(field('simulate-code').getAttribute('aria-invalid')).toBe('true');
      expect((screen.getByTestId('simulate-close') as HTMLButtonElement).disabled).toBe(true);
      await click('simulate-close');
      expect(source.simulate).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['123 ASCII bytes', 'a'.repeat(123), null],
    ['124 ASCII bytes', 'a'.repeat(124), 'The reason is 124 bytes in UTF-8; a close frame allows at most 123.'],
    ['61 two-byte letters (122 bytes)', 'é'.repeat(61), null],
    [
      '62 two-byte letters (124 bytes)',
      'é'.repeat(62),
      'The reason is 124 bytes in UTF-8; a close frame allows at most 123.',
    ],
    ['31 emoji (124 bytes)', '😀'.repeat(31), 'The reason is 124 bytes in UTF-8; a close frame allows at most 123.'],
  ])('checks the reason in UTF-8 bytes: %s', async (_name, reason, error) => {
    await openLiveRow();
    type('simulate-reason', reason);
    expect(screen.queryByRole('alert')?.textContent ?? null).toBe(error);
    expect((screen.getByTestId('simulate-close') as HTMLButtonElement).disabled).toBe(error !== null);
  });

  it.each(['0', '601', '1.5', '-3', ''])('refuses an outage of "%s" seconds', async (seconds) => {
    await openLiveRow();
    type('simulate-outage-seconds', seconds);
    expect(screen.getByRole('alert').textContent).toBe('Enter whole seconds from 1 to 600.');
    expect((screen.getByTestId('simulate-outage') as HTMLButtonElement).disabled).toBe(true);
  });

  it('follows the connection into its simulated closure and keeps the outcome', async () => {
    const { source } = await openLiveRow();
    await click('simulate-close');
    const now = structuredClone(open);
    now.events.push({ type: 'close', at: T0 + 5000, code: 1012, reason: '', wasClean: true, simulated: true });
    await act(async () => source.push(recordingOf([closed, now])));
    const pane = screen.getByTestId('detail-pane');
    expect(pane.getAttribute('data-open')).toBeNull();
    expect(within(pane).getByRole('heading', { level: 2 }).textContent).toBe('1012 Service Restartsimulated');
    expect(within(pane).getByTestId('simulate-result').textContent).toBe('Done: Simulate close.');
    expect(within(pane).queryByTestId('simulate-section')).toBeNull();
    const row = screen.getAllByTestId('closure-row').find((r) => r.getAttribute('data-id') === 'o')!;
    expect([row.getAttribute('data-code'), row.getAttribute('data-simulated'), row.getAttribute('data-open')]).toEqual([
      '1012',
      'true',
      null,
    ]);
  });

  it("names an open connection's endpoint in its heading, isolated as page text", async () => {
    const other = conn({ id: 'o2', at: T0 + 3000, url: 'wss://rt.example/chat?token=abc#x' });
    const two = recordingOf([closed, open, other]);
    renderApp(two, {}, {}, { source: fakeSource(two) });
    await screen.findByRole('grid');
    const rows = screen.getAllByTestId('closure-row').filter((r) => r.getAttribute('data-open') === 'true');
    const heading = () => within(screen.getByTestId('detail-pane')).getByRole('heading', { level: 2 });
    const texts = rows.map((row) => {
      fireEvent.click(row);
      return heading().textContent;
    });
    // Heading navigation tells the sockets apart: by endpoint (no query or fragment), not just "open".
    expect(texts).toEqual(['open wss://rt.example/live', 'open wss://rt.example/chat']);
    expect(heading().querySelector('bdi')?.textContent).toBe('wss://rt.example/chat');
  });

  it('offers no controls on a closed connection', async () => {
    renderApp(rec, { verdicts: { c: verdict('info') } }, {}, { source: fakeSource(rec) });
    await screen.findByRole('grid');
    fireEvent.click(screen.getAllByTestId('closure-row')[0]!);
    const pane = screen.getByTestId('detail-pane');
    expect(within(pane).getByTestId('detail-verdict').getAttribute('data-level')).toBe('info');
    expect(within(pane).getByTestId('detail-explanation')).toBeTruthy();
    expect(within(pane).queryByTestId('simulate-section')).toBeNull();
  });
});
