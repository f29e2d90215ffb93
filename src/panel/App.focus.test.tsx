/**
 * Where keyboard focus goes when something the user opened goes away: back to the control that opened
 * it, never to <body> (a screen reader then starts again from the top of the panel).
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSource } from '../test-support/fake-source';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { detail, grid, renderApp, chooseFile } from './fixtures/render-app';

afterEach(cleanup);

const closed = conn({ id: 'c', at: T0, code: 1000, reason: 'bye' });
const open = conn({ id: 'o', at: T0 + 2000, url: 'wss://rt.example/live' });
const rec = recordingOf([closed, open]);

/** Clicks a control the way a keyboard user presses it: focused first, so its removal would lose focus. */
function press(button: HTMLElement) {
  button.focus();
  fireEvent.click(button);
}

describe('focus after closing', () => {
  it('"Close details" returns focus to the table', async () => {
    renderApp(rec);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByText('bye'));
    press(within(detail()).getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('complementary', { name: 'Closure details' })).toBeNull();
    expect(document.activeElement).toBe(grid());
  });

  it.each([
    ['its × button', () => press(screen.getByRole('button', { name: 'Close help' }))],
    ['Esc', () => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' })],
  ])('help closed by %s returns focus to the ? button', async (_name, close) => {
    renderApp(rec);
    await screen.findByRole('grid');
    const help = screen.getByRole('button', { name: 'How to read this panel' });
    press(help);
    expect(document.activeElement?.id).toBe('help-title');
    close();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(help);
  });

  it('"Back to live" returns focus to the Import button', async () => {
    renderApp(rec);
    await screen.findByRole('grid');
    chooseFile(JSON.stringify(recordingOf([conn({ id: 'imp', code: 1012, reason: 'from file' })])));
    await screen.findByText('from file', {}, { timeout: 8000 });
    press(screen.getByRole('button', { name: 'Back to live' }));
    expect(await screen.findByText('bye')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Import' }));
  });

  it("the Reconnect check's Close returns focus to the button that opened it", async () => {
    renderApp(rec, {}, {}, { source: fakeSource(rec) });
    await screen.findByRole('grid');
    const opener = screen.getByTestId('audit-open');
    await act(async () => press(opener));
    press(within(screen.getByTestId('audit-section')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('audit-section')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("a simulated close moves focus to the closure's heading when the controls go away", async () => {
    const source = fakeSource(rec);
    renderApp(rec, {}, {}, { source });
    await screen.findByRole('grid');
    fireEvent.click(screen.getAllByTestId('closure-row').find((r) => r.getAttribute('data-open') === 'true')!);
    await act(async () => press(screen.getByTestId('simulate-close')));
    const now = structuredClone(open);
    now.events.push({ type: 'close', at: T0 + 5000, code: 1012, reason: '', wasClean: true, simulated: true });
    await act(async () => source.push(recordingOf([closed, now])));
    expect(screen.queryByTestId('simulate-close')).toBeNull();
    expect(document.activeElement).toBe(within(detail()).getByRole('heading', { level: 2 }));
  });
});

describe('focus when what holds it goes away with the data', () => {
  it('the recording cleared under the focused table (a reload without Preserve log) moves focus to the filter box', async () => {
    const source = fakeSource(rec);
    renderApp(rec, {}, {}, { source });
    await screen.findByRole('grid');
    grid().focus();
    await act(async () => source.push(recordingOf([])));
    expect(screen.queryByRole('grid')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
  });

  it('the detail gone with its connection (cleared, evicted) returns focus to the table, as Esc would', async () => {
    const source = fakeSource(rec);
    renderApp(rec, {}, {}, { source });
    await screen.findByRole('grid');
    fireEvent.click(screen.getByText('bye'));
    within(detail()).getByRole('button', { name: 'Close details' }).focus();
    await act(async () => source.push(recordingOf([open])));
    expect(screen.queryByRole('complementary', { name: 'Closure details' })).toBeNull();
    expect(document.activeElement).toBe(grid());
  });
});
