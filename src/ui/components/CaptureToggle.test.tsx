import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installTestMessages } from '../../panel/fixtures/messages';
import type { Settings } from '../../protocol/messages';
import { CaptureToggle } from './CaptureToggle';

beforeAll(() => installTestMessages());
afterEach(cleanup);

const box = () => screen.getByTestId<HTMLInputElement>('capture-content');

describe('CaptureToggle', () => {
  it.each<[string, string, Record<string, boolean>, Record<string, boolean>]>([
    ['a site off by default, turned on: the choice is kept', 'app.example', {}, { 'app.example': true }],
    [
      'a site off by default, turned off again: its default, so no choice is kept',
      'app.example',
      { 'app.example': true },
      {},
    ],
    ['a local server, on by default, turned off: the choice is kept', 'localhost', {}, { localhost: false }],
    [
      'a local server turned on again: no choice is kept',
      'localhost',
      { localhost: false, 'b.example': true },
      { 'b.example': true },
    ],
  ])('%s', (_, site, contentCapture, stored) => {
    const onChange = vi.fn((_: Partial<Settings>) => Promise.resolve());
    render(<CaptureToggle site={site} settings={{ contentCapture }} onChange={onChange} />);
    fireEvent.click(box());
    expect(onChange).toHaveBeenCalledWith({ contentCapture: stored });
  });

  it('says why a change was refused, in a region there before it has anything to say', async () => {
    const reason = 'Closeline keeps your choice of message content for at most 1000 sites.';
    render(
      <CaptureToggle
        site="app.example"
        settings={{ contentCapture: {} }}
        onChange={() => Promise.reject(new Error(reason))}
      />,
    );
    const alert = screen.getByTestId('capture-content-error');
    expect([alert.getAttribute('role'), alert.textContent]).toEqual(['alert', '']);
    fireEvent.click(box());
    await waitFor(() => expect(alert.textContent).toBe(reason));
    // The box shows what is stored: the refused choice was never kept.
    expect(box().checked).toBe(false);
  });

  it("does not show one site's refusal beside another site's switch (the panel's detail keeps the switch when the row changes)", async () => {
    const reason = 'Closeline keeps your choice of message content for at most 1000 sites.';
    const refuse = () => Promise.reject(new Error(reason));
    const { rerender } = render(<CaptureToggle site="a.example" settings={{ contentCapture: {} }} onChange={refuse} />);
    const alert = screen.getByTestId('capture-content-error');
    fireEvent.click(box());
    await waitFor(() => expect(alert.textContent).toBe(reason));
    rerender(<CaptureToggle site="b.example" settings={{ contentCapture: {} }} onChange={refuse} />);
    expect(screen.getByTestId('capture-content-error').textContent).toBe('');
    // Back on the refused site, its reason still stands (nothing changed there).
    rerender(<CaptureToggle site="a.example" settings={{ contentCapture: {} }} onChange={refuse} />);
    expect(screen.getByTestId('capture-content-error').textContent).toBe(reason);
  });

  it('drops a refusal that comes back after the switch moved to another site', async () => {
    let refuse: (e: Error) => void = () => undefined;
    const pending = () => new Promise<void>((_, reject) => (refuse = reject));
    const { rerender } = render(
      <CaptureToggle site="a.example" settings={{ contentCapture: {} }} onChange={pending} />,
    );
    fireEvent.click(box());
    rerender(<CaptureToggle site="b.example" settings={{ contentCapture: {} }} onChange={pending} />);
    refuse(new Error('refused for a.example'));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByTestId('capture-content-error').textContent).toBe('');
  });

  it('takes no second change until the first is answered (each sends the whole map, made from what is shown)', async () => {
    let answer: () => void = () => undefined;
    const onChange = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)));
    render(<CaptureToggle site="app.example" settings={{ contentCapture: {} }} onChange={onChange} />);
    fireEvent.click(box());
    // Said to be disabled, not disabled: that would take the keyboard focus away from it.
    expect([box().getAttribute('aria-disabled'), box().disabled]).toEqual(['true', false]);
    fireEvent.click(box());
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(box().checked).toBe(false);
    answer();
    await waitFor(() => expect(box().getAttribute('aria-disabled')).toBeNull());
  });
});
