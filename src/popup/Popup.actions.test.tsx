import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../protocol/messages';
import type { Recording } from '../protocol/recording';
import { fakeSource } from '../test-support/fake-source';
import { Popup } from './Popup';
import { blindRetryLoop, MIN, recordingOf, sock, T0 } from './test-fixtures';

const NOW = T0 + 60 * MIN;
const clock = () => NOW;

const rec = recordingOf([
  ...blindRetryLoop(NOW - 3 * MIN, 3),
  sock({ id: 'live', at: NOW - MIN, url: 'wss://api.example.com/live?token=s3cret' }),
]);

function renderPopup(recording: Recording, settings: Partial<Settings> = {}) {
  const source = fakeSource(recording, { settings, site: 'app.example.com' });
  const download = vi.fn<(fileName: string, text: string) => void>();
  render(<Popup source={source} clock={clock} download={download} />);
  return { source, download };
}

/** Settings load asynchronously: wait until the popup states the redaction it will apply. */
async function settled(redactQuery: boolean) {
  await screen.findByText(redactQuery ? /^Secrets .* are redacted here/ : /^Secrets .* are shown and kept/);
}

let writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;
beforeEach(() => {
  writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(cleanup);

describe('Copy summary', () => {
  it.each([
    [true, 'token=REDACTED', 's3cret'],
    [false, 'token=s3cret', 'REDACTED'],
  ])('redactQuery %s: copies the summary with %s', async (redactQuery, present, absent) => {
    renderPopup(rec, { redactQuery });
    await settled(redactQuery);
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await screen.findByText('Summary copied.');
    expect(writeText).toHaveBeenCalledTimes(1);
    const text = writeText.mock.calls[0]?.[0] ?? '';
    expect(text).toMatch(/^Closeline summary for app\.example\.com at /);
    expect(text).toContain('1008 Policy Violation: 1 episode: blind retry ×2');
    expect(text).toContain(present);
    expect(text).not.toContain(absent);
  });

  it('says so when the clipboard refuses', async () => {
    writeText.mockImplementation(() => Promise.reject(new Error('denied')));
    renderPopup(rec);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy summary' }));
    expect(await screen.findByText('Could not copy to the clipboard.')).toBeTruthy();
    expect(screen.queryByText('Summary copied.')).toBeNull();
  });
});

describe('Copy result announcement', () => {
  it('is said in a status region that is there, empty, before the click and keeps its node', async () => {
    renderPopup(rec);
    await settled(true);
    const region = screen.getByTestId('copy-result');
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await waitFor(() => expect(region.textContent).toBe('Summary copied.'));
    expect(screen.getByTestId('copy-result')).toBe(region);
  });

  it('empties the region at a second click, so the same result is a change again', async () => {
    let finish: () => void = () => undefined;
    renderPopup(rec);
    await settled(true);
    const region = screen.getByTestId('copy-result');
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await waitFor(() => expect(region.textContent).toBe('Summary copied.'));
    writeText.mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(region.textContent).toBe('');
    finish();
    await waitFor(() => expect(region.textContent).toBe('Summary copied.'));
  });
});

describe('Export recording', () => {
  it.each([
    // Each distinct value of the file has its own placeholder (REDACTED, REDACTED-2, …).
    [true, /^wss:\/\/api\.example\.com\/live\?token=REDACTED(-\d+)?$/],
    [false, /^wss:\/\/api\.example\.com\/live\?token=s3cret$/],
  ])('redactQuery %s: downloads the recording with url %s', async (redactQuery, url) => {
    const { download } = renderPopup(rec, { redactQuery });
    await settled(redactQuery);
    fireEvent.click(screen.getByRole('button', { name: 'Export recording' }));
    expect(download).toHaveBeenCalledTimes(1);
    const [fileName, json] = download.mock.calls[0] ?? ['', '{}'];
    expect(fileName).toBe(`closeline-app.example.com-${new Date(NOW).toISOString().slice(0, 10)}.json`);
    const doc = JSON.parse(json) as Recording;
    expect(doc.connections.find((c) => c.id === 'live')?.url).toMatch(url);
    expect(doc.exportedAt).toBe(NOW);
  });
});

describe('Pause toggle', () => {
  it.each<[string[], string[], RegExp | null]>([
    [[], ['app.example.com'], /paused on this site/],
    [['app.example.com', 'other.example'], ['other.example'], null],
  ])('pausedSites %j -> toggling stores %j', async (before, after, notice) => {
    const { source } = renderPopup(rec, { pausedSites: before });
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Pause recording on app.example.com' });
    await waitFor(() => expect(box.checked).toBe(before.includes('app.example.com')));
    // A status region there before the change says it; the notice, inserted with its text, is none itself.
    const announcer = screen.getByTestId('popup-status-announcer');
    expect(announcer.getAttribute('role')).toBe('status');
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(after.includes('app.example.com')));
    expect(source.settingsPatches).toEqual([{ pausedSites: after }]);
    if (notice) {
      const shown = await screen.findByText(notice, { selector: '.notice' });
      expect(shown.closest('[role], [aria-live]')).toBeNull();
      await waitFor(() => expect(announcer.textContent).toMatch(notice));
    } else {
      expect(announcer.textContent).toBe('');
    }
    expect(screen.getByTestId('popup-status-announcer')).toBe(announcer);
  });

  it('takes no second change until the first is answered, and stays focusable meanwhile', async () => {
    const source = fakeSource(rec, { settings: { pausedSites: [] }, site: 'app.example.com' });
    let answer: () => void = () => undefined;
    const calls: Partial<Settings>[] = [];
    const slow = {
      ...source,
      setSettings: (patch: Partial<Settings>) => {
        calls.push(patch);
        return new Promise<void>((resolve) => (answer = resolve)).then(() => source.setSettings(patch));
      },
    };
    render(<Popup source={slow} clock={clock} download={vi.fn()} />);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Pause recording on app.example.com' });
    fireEvent.click(box);
    // Said to be disabled, not disabled: a disabled box would drop the keyboard focus to the body.
    expect([box.getAttribute('aria-disabled'), box.disabled]).toEqual(['true', false]);
    fireEvent.click(box);
    expect(calls).toEqual([{ pausedSites: ['app.example.com'] }]);
    answer();
    await waitFor(() => expect(box.checked).toBe(true));
    await waitFor(() => expect(box.getAttribute('aria-disabled')).toBeNull());
  });

  it('says why when the change is refused (the list of paused sites is full), and the box stays as stored', async () => {
    const reason = 'Recording is already paused on 1000 sites.';
    const source = fakeSource(rec, { settings: { pausedSites: ['other.example'] }, site: 'app.example.com' });
    // As the view client rejects with the background's reason.
    const refusing = { ...source, setSettings: () => Promise.reject(new Error(reason)) };
    render(<Popup source={refusing} clock={clock} download={vi.fn()} />);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Pause recording on app.example.com' });
    // Rendered before it has anything to say, so the reason is announced when it comes.
    const alert = screen.getByTestId('popup-pause-error');
    expect([alert.getAttribute('role'), alert.textContent]).toEqual(['alert', '']);
    fireEvent.click(box);
    await waitFor(() => expect(alert.textContent).toBe(reason));
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-disabled')).toBeNull();
    expect(screen.getByTestId('popup-status-announcer').textContent).toBe('');
  });

  it('stays quiet when the change is stored but the status cannot be read right after', async () => {
    const source = fakeSource(rec, { settings: { pausedSites: [] }, site: 'app.example.com' });
    let reads = 0;
    // The first read (the popup opening) answers; the one after the change fails (the worker is busy).
    const flaky = {
      ...source,
      getStatus: () => (reads++ === 0 ? source.getStatus() : Promise.reject(new Error('timeout'))),
    };
    render(<Popup source={flaky} clock={clock} download={vi.fn()} />);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Pause recording on app.example.com' });
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    await waitFor(() => expect(box.getAttribute('aria-disabled')).toBeNull());
    expect(reads).toBe(2);
    expect(screen.getByTestId('popup-pause-error').textContent).toBe('');
  });

  it('is hidden when the page is not a web site', async () => {
    const file = recordingOf([sock({ id: 'a', at: NOW - MIN, code: 1000, frameUrl: 'file:///tmp/x.html' })]);
    renderPopup(file);
    await screen.findByRole('button', { name: 'Copy summary' });
    expect(screen.queryByRole('checkbox', { name: /Pause recording/ })).toBeNull();
  });
});

describe('Capture toggle', () => {
  it.each<[string, Settings['contentCapture'], boolean, Settings['contentCapture']]>([
    ['off by default on a site that is not local', {}, false, { 'app.example.com': true }],
    // Off is this site's default: the choice is let go, which frees its place among the sites kept.
    ['turned off again', { 'app.example.com': true, localhost: true }, true, { localhost: true }],
  ])("%s: clicking stores %j for the tab's site and flips the switch", async (_name, before, on, after) => {
    const { source } = renderPopup(rec, { contentCapture: before });
    const box = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: "Keep the last messages' content on app.example.com",
    });
    await waitFor(() => expect(box.checked).toBe(on));
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(!on));
    expect(source.settingsPatches).toEqual([{ contentCapture: after }]);
  });
});

describe('Settings', () => {
  it.each<[string, (el: HTMLElement) => void, Partial<Settings>, Partial<Settings>]>([
    [
      'turning redaction off',
      (el) => fireEvent.click(el.querySelector('[data-testid="redact-query"]') as HTMLElement),
      {},
      { redactQuery: false },
    ],
    [
      'turning redaction on',
      (el) => fireEvent.click(el.querySelector('[data-testid="redact-query"]') as HTMLElement),
      { redactQuery: false },
      { redactQuery: true },
    ],
    [
      'widening "recent" to an hour',
      (el) =>
        fireEvent.change(el.querySelector('[data-testid="recent-minutes"]') as HTMLElement, {
          target: { value: '60' },
        }),
      {},
      { recentMinutes: 60 },
    ],
  ])('%s stores %j', async (_name, act, before, patch) => {
    const { source } = renderPopup(rec, before);
    await settled(before.redactQuery ?? true);
    act(document.body);
    await waitFor(() => expect(source.settingsPatches).toEqual([patch]));
    if (patch.redactQuery !== undefined) await settled(patch.redactQuery);
  });

  it('keeps a stored "recent" window that is not one of the choices selectable', async () => {
    renderPopup(rec, { recentMinutes: 30 });
    const select = await screen.findByTestId<HTMLSelectElement>('recent-minutes');
    await waitFor(() => expect(select.value).toBe('30'));
    expect([...select.options].map((o) => o.value)).toEqual(['5', '15', '30', '60', '240']);
  });
});
