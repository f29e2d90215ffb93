/** The popup of a tab in a private window: its choices per site are not stored from there, nor its site named. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSource } from '../test-support/fake-source';
import { Popup } from './Popup';
import { blindRetryLoop, MIN, recordingOf, sock, T0 } from './test-fixtures';

const NOW = T0 + 60 * MIN;
const clock = () => NOW;
const rec = recordingOf([...blindRetryLoop(NOW - 3 * MIN, 3), sock({ id: 'live', at: NOW - MIN })]);

afterEach(cleanup);

function renderPopup(privateTab: boolean) {
  const source = fakeSource(rec, { settings: { pausedSites: [] }, site: 'app.example.com', privateTab });
  const download = vi.fn<(fileName: string, text: string) => void>();
  render(<Popup source={source} clock={clock} download={download} />);
  return { source, download };
}

describe('in a private window', () => {
  it('shows the stored choices per site but cannot change them, and says why', async () => {
    const { source } = renderPopup(true);
    const note = await screen.findByTestId('private-site-choice');
    expect(note.textContent).toMatch(/^Private window: choices for a site are not saved from here/);
    const pause = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Pause recording on app.example.com' });
    const content = screen.getByRole<HTMLInputElement>('checkbox', {
      name: "Keep the last messages' content on app.example.com",
    });
    expect([pause.disabled, content.disabled]).toEqual([true, true]);
    fireEvent.click(pause);
    fireEvent.click(content);
    expect(source.settingsPatches).toEqual([]);
  });

  it('exports under a name that leaves the site out (the download is listed in the normal history)', async () => {
    const { download } = renderPopup(true);
    await screen.findByTestId('private-site-choice');
    fireEvent.click(screen.getByRole('button', { name: 'Export recording' }));
    expect(download.mock.calls[0]?.[0]).toBe(`closeline-private-${new Date(NOW).toISOString().slice(0, 10)}.json`);
  });

  it('offers both switches in a normal window, with no such note', async () => {
    renderPopup(false);
    const pause = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Pause recording on app.example.com' });
    await screen.findByText(/^Secrets .* are redacted here/);
    expect(pause.disabled).toBe(false);
    expect(screen.queryByTestId('private-site-choice')).toBeNull();
  });
});
