import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyDropped, type Recording } from '../protocol/recording';
import { createStaticSource } from '../ui/data/static-source';
import type { RecordingSource } from '../ui/data/source';
import { App } from './App';
import { fakeAnalysis, testServices } from './fixtures/analysis';
import { installTestMessages } from './fixtures/messages';
import { parseRecording } from '../protocol/validate-recording';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { renderApp, rowIds, settingsLoaded, chooseFile } from './fixtures/render-app';
import type { PanelServices } from './services';

afterEach(cleanup);

const live = recordingOf([
  conn({ id: 'live1', code: 1000, url: 'wss://rt.example/ws?token=s3cret', reason: 'live one' }),
]);
const other = recordingOf([conn({ id: 'imp1', code: 1012, reason: 'from file' }), conn({ id: 'imp2', code: 1013 })]);

/** A chosen file whose reading the test finishes: `finish()` hands the browser's read its text. */
function chooseHeldFile(text: string, name: string) {
  const file = new File([text], name, { type: 'application/json' });
  let finish = () => {};
  file.text = () => new Promise<string>((resolve) => (finish = () => resolve(text)));
  const input = screen.getByTestId('import-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  return { finish: () => finish(), bytes: file.size };
}

const importButton = () => screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement;

describe('import', () => {
  it('says which file it is importing, and its size, until the file is shown', async () => {
    renderApp(live);
    await screen.findByText('live one');
    // The live region that announces it is there, empty, before the file is chosen.
    const announcer = screen.getByTestId('panel-announcer');
    expect(announcer.getAttribute('role')).toBe('status');
    expect(announcer.textContent).toBe('');
    const text = JSON.stringify(other);
    const held = chooseHeldFile(text, 'big \u202Erecording.json');
    const pending = await screen.findByTestId('import-pending');
    // Sized as the panel sizes messages: a small file in bytes or KB, never "0.0 MB".
    expect(held.bytes).toBeLessThan(1024 * 1024);
    const notice = `Importing big U+202Erecording.json (${(held.bytes / 1024).toFixed(1)} KB)…`;
    expect(pending.textContent).toBe(notice);
    expect(pending.querySelector('bdi')?.getAttribute('dir')).toBe('auto');
    // Announced by the region that was already there, not by a second one inserted with the banner.
    expect(pending.querySelector('[role="status"]')).toBeNull();
    expect(screen.getByTestId('panel-announcer')).toBe(announcer);
    expect(announcer.textContent).toBe(notice);
    expect(announcer.querySelector('bdi')?.getAttribute('dir')).toBe('auto');
    // The button stays as it was (disabling it would drop the keyboard focus on it); a second file
    // chosen meanwhile replaces this one.
    expect(importButton().disabled).toBe(false);
    expect(rowIds()).toEqual(['live1']); // nothing changes before the file is read and checked
    held.finish();
    expect(await screen.findByText('from file', {}, { timeout: 8000 })).toBeTruthy();
    expect(screen.queryByTestId('import-pending')).toBeNull();
    // The same region then says what is shown instead.
    expect(screen.getByTestId('panel-announcer')).toBe(announcer);
    expect(announcer.textContent).toBe("You are viewing an imported file, not this tab's live recording.");
  });

  it('ends the importing notice with the error when the file is refused', async () => {
    renderApp(live);
    await screen.findByText('live one');
    chooseHeldFile('{"format": "closeline-rec', 'broken.json').finish();
    expect((await screen.findByRole('alert')).textContent).toMatch(/not valid JSON/);
    expect(screen.queryByTestId('import-pending')).toBeNull();
    // The alert says it; the live region goes back to what it said before (nothing, while capturing).
    expect(screen.getByTestId('panel-announcer').textContent).toBe('');
    // The next file's import starts without the last one's refusal.
    const next = chooseHeldFile(JSON.stringify(other), 'good.json');
    await screen.findByTestId('import-pending');
    expect(screen.queryByRole('alert')).toBeNull();
    next.finish();
    expect(await screen.findByText('from file', {}, { timeout: 8000 })).toBeTruthy();
  });

  it('shows the file chosen last when an earlier one finishes reading after it', async () => {
    renderApp(live);
    await screen.findByText('live one');
    const first = chooseHeldFile(JSON.stringify(recordingOf([conn({ id: 'old1', reason: 'first file' })])), 'a.json');
    const second = chooseHeldFile(JSON.stringify(other), 'b.json');
    second.finish();
    expect(await screen.findByText('from file', {}, { timeout: 8000 })).toBeTruthy();
    // act() returns once the read's promise and what React does with its result are done.
    await act(async () => first.finish());
    expect(rowIds()).toEqual(['imp1', 'imp2']);
    expect(screen.queryByText('first file')).toBeNull();
  });

  it('shows an imported file like live data, with a way back', async () => {
    renderApp(live);
    await screen.findByText('live one');
    chooseFile(JSON.stringify(other));
    expect(await screen.findByText('from file', {}, { timeout: 8000 })).toBeTruthy();
    expect(rowIds()).toEqual(['imp1', 'imp2']);
    const banner = screen.getByText(/viewing an imported file/, { selector: '.banner-text' });
    // Said by the panel's live region; the banner is none of its own.
    expect(banner.closest('.banner')?.getAttribute('role')).toBeNull();
    expect(screen.getByTestId('panel-announcer').textContent).toBe(banner.textContent);
    expect((screen.getByRole('button', { name: 'Clear' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Back to live' }));
    expect(await screen.findByText('live one')).toBeTruthy();
    expect(screen.queryByText(/viewing an imported file/)).toBeNull();
    expect(screen.getByTestId('panel-announcer').textContent).toBe('');
  });

  it("never shows or announces the live tab's losses over an imported file, even for a render", async () => {
    const lossy = recordingOf([conn({ id: 'live1', code: 1000, reason: 'live one' })], {
      dropped: { ...emptyDropped(), connectionsEvicted: 3 },
    });
    renderApp(lossy);
    await screen.findByText('live one');
    const region = screen.getByTestId('panel-dropped-announcer');
    expect(region.textContent).toBe('Some data was not recorded');
    // Every state of the panel's DOM while the file replaces the live data: the dropped notice and the
    // announcement of the live tab's losses must be gone by the time the imported banner is there.
    const wrong: string[] = [];
    const seen = new MutationObserver(() => {
      if (!document.querySelector('.banner-text')?.textContent?.includes('viewing an imported file')) return;
      if (region.textContent !== '') wrong.push(`announced: ${region.textContent}`);
      if (document.querySelector('.dropped-notice')) wrong.push('notice shown');
    });
    seen.observe(document.body, { childList: true, subtree: true, characterData: true });
    chooseFile(JSON.stringify(other));
    expect(await screen.findByText('from file', {}, { timeout: 8000 })).toBeTruthy();
    seen.disconnect();
    expect(wrong).toEqual([]);
    expect(screen.getByTestId('panel-dropped-announcer')).toBe(region);
    // Back to live, the loss is the shown recording's again.
    fireEvent.click(screen.getByRole('button', { name: 'Back to live' }));
    await waitFor(() => expect(region.textContent).toBe('Some data was not recorded'));
  });

  it('says once, in the announcer, that an imported file is empty: the empty state is no second region', async () => {
    renderApp(live);
    await screen.findByText('live one');
    const region = screen.getByTestId('panel-announcer');
    // Every polite region's text in every DOM state while the empty file replaces the live data: the
    // announcer's text must never be the viewing text alone while the panel already shows the file as
    // empty, or the emptiness would never be said.
    const wrong: string[] = [];
    const seen = new MutationObserver(() => {
      if (!document.querySelector('.banner-text')?.textContent?.includes('viewing an imported file')) return;
      if (document.querySelector('.empty-state') && !region.textContent?.includes('has no closures'))
        wrong.push(`announced: ${region.textContent}`);
    });
    seen.observe(document.body, { childList: true, subtree: true, characterData: true });
    chooseFile(JSON.stringify(recordingOf([])));
    expect(await screen.findByText('The imported recording has no closures.', {}, { timeout: 8000 })).toBeTruthy();
    seen.disconnect();
    expect(wrong).toEqual([]);
    expect(region.textContent).toBe(
      "You are viewing an imported file, not this tab's live recording. The imported recording has no closures.",
    );
    const empty = document.querySelector('.empty-state');
    expect(empty?.getAttribute('role')).toBeNull();
    expect(empty?.closest('[role="status"], [aria-live]')).toBeNull();
    // A file with connections is not announced as empty.
    chooseFile(JSON.stringify(other));
    expect(await screen.findByText('from file', {}, { timeout: 8000 })).toBeTruthy();
    expect(region.textContent).toBe("You are viewing an imported file, not this tab's live recording.");
  });

  it.each([
    ['malformed JSON', '{"format": "closeline-rec', /not valid JSON/],
    ['wrong format', JSON.stringify({ ...other, format: 'har' }), /not a Closeline recording/],
    ['wrong version', JSON.stringify({ ...other, version: 9 }), /format version 9/],
    [
      'bad field',
      JSON.stringify({ ...other, connections: [{ ...other.connections[0], url: 42 }] }),
      /\$\.connections\[0\]\.url must be text/,
    ],
  ])('on %s shows the error and changes nothing', async (_name, text, message) => {
    renderApp(live);
    await screen.findByText('live one');
    chooseFile(text);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(message);
    expect(alert.textContent).toMatch(/Nothing was changed/);
    expect(rowIds()).toEqual(['live1']);
    expect(screen.queryByText(/viewing an imported file/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('leaves out a connection whose socket closed before it was made, naming the event, and shows the rest', async () => {
    // Such a file (edited, or forged) once made the analysis take the socket as its own reconnect, forever.
    renderApp(live);
    await screen.findByText('live one');
    const early = JSON.parse(JSON.stringify(other)) as Recording;
    const c = early.connections[0]!;
    c.events[c.events.length - 1]!.at = c.createdAt - 1000;
    chooseFile(JSON.stringify(early));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      '1 connection in this file could not be read and was left out. The first: Invalid recording: ' +
        "$.connections[0].events[1].at is earlier than its connection's createdAt (an event cannot come before " +
        'its socket was made). Verdicts next to what was left out may differ from those of the whole recording.' +
        'Dismiss',
    );
    await waitFor(() => expect(rowIds()).toEqual(['imp2']));
    expect(screen.queryByText('live one')).toBeNull();
    // Dismissed, it stays gone; back to live, nothing of the file is left.
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('import-left-out')).toBeNull();
    expect(rowIds()).toEqual(['imp2']);
  });

  it('says what a file lost only while that file is shown', async () => {
    renderApp(live);
    await screen.findByText('live one');
    const bad = JSON.parse(JSON.stringify(other)) as { connections: Record<string, unknown>[]; marks: unknown[] };
    bad.connections[1]!.url = 7;
    bad.marks = [{ type: 'lifecycle' }, { type: 'navigation' }];
    chooseFile(JSON.stringify(bad));
    expect((await screen.findByTestId('import-left-out')).textContent).toMatch(
      /^1 connection in this file could not be read and was left out\. 2 page events \(navigations or lifecycle marks\) could not be read and were left out\. The first: Invalid recording: \$\.connections\[1\]\.url must be text\./,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back to live' }));
    expect(await screen.findByText('live one')).toBeTruthy();
    expect(screen.queryByTestId('import-left-out')).toBeNull();
    // A good file after it says nothing was left out.
    chooseFile(JSON.stringify(other));
    await waitFor(() => expect(rowIds()).toEqual(['imp1', 'imp2']));
    expect(screen.queryByTestId('import-left-out')).toBeNull();
  });

  it('refuses a file none of whose connections can be read, and keeps the live view', async () => {
    renderApp(live);
    await screen.findByText('live one');
    const early = JSON.parse(JSON.stringify(other)) as Recording;
    for (const c of early.connections) c.events[c.events.length - 1]!.at = c.createdAt - 1000;
    chooseFile(JSON.stringify(early));
    expect((await screen.findByRole('alert')).textContent).toContain(
      "Import failed: Invalid recording: $.connections[0].events[1].at is earlier than its connection's createdAt",
    );
    expect(screen.getByText('live one')).toBeTruthy();
    expect(screen.queryByTestId('import-left-out')).toBeNull();
  });

  it("isolates what the notice quotes from the file (a connection's id), its controls shown", async () => {
    renderApp(live);
    await screen.findByText('live one');
    const id = '\u202Eevil';
    chooseFile(JSON.stringify({ ...other, connections: [0, 1].map((i) => ({ ...other.connections[i], id })) }));
    const alert = await screen.findByRole('alert');
    const bdi = alert.querySelector('bdi')!;
    expect([bdi.getAttribute('dir'), bdi.textContent]).toEqual(['ltr', 'U+202Eevil']);
    expect(alert.textContent).not.toContain('\u202E');
  });

  it('judges each recording as what it is while switching to a file and back: the file one-shot, live data live', async () => {
    installTestMessages();
    const ids = (rec: Recording) => rec.connections.map((c) => c.id).join(',');
    const oneShot = vi.fn((rec: Recording) => fakeAnalysis(rec));
    const keeping = vi.fn((rec: Recording) => fakeAnalysis(rec));
    const services: PanelServices = { ...testServices(), analyze: oneShot, createAnalyzer: () => keeping };
    const source: RecordingSource = { ...createStaticSource(live), live: true };
    render(<App source={source} services={services} saveFile={vi.fn()} />);
    await screen.findByText('live one');
    chooseFile(JSON.stringify(other));
    expect(await screen.findByText('from file', {}, { timeout: 8000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to live' }));
    expect(await screen.findByText('live one')).toBeTruthy();
    // Before, the first render after each switch judged the other source's recording the new way.
    expect(new Set(oneShot.mock.calls.map(([rec]) => ids(rec)))).toEqual(new Set(['imp1,imp2']));
    expect(new Set(keeping.mock.calls.map(([rec]) => ids(rec)))).toEqual(new Set(['live1']));
  });
});

describe('export', () => {
  it.each([
    [true, 'wss://rt.example/ws?token=REDACTED'],
    [false, 'wss://rt.example/ws?token=s3cret'],
  ])('saves closeline-<host>-<date>.json (redactQuery %s)', async (redactQuery, url) => {
    const { saveFile } = renderApp(live, {}, { settings: { redactQuery } });
    await screen.findByText('live one');
    await settingsLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(saveFile).toHaveBeenCalledOnce();
    const [name, text] = saveFile.mock.calls[0] as [string, string];
    expect(name).toBe('closeline-app.example-2024-05-09.json');
    expect(JSON.parse(text).connections[0].url).toBe(url);
  });
});

describe('export of an imported file', () => {
  // An imported file is judged at the moment it was exported (its `exportedAt`, else its last fact): a
  // verdict still waiting then (pending) stays so. Saved again with the moment of this second export, it
  // would be judged years later when opened, and say something else.
  it.each([
    ['with', { exportedAt: T0 + 30_000 }],
    ['without', {}],
  ])('gives back the file it read, judged at the same moment (%s exportedAt)', async (_name, patch) => {
    const { saveFile } = renderApp(live, {}, { settings: { redactQuery: false } });
    await screen.findByText('live one');
    await settingsLoaded();
    const file = recordingOf([conn({ id: 'imp1', code: 1012, reason: 'from file' })], patch);
    const text = JSON.stringify(file);
    chooseFile(text);
    expect(await screen.findByText('from file', {}, { timeout: 8000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const [, saved] = saveFile.mock.calls[0] as [string, string];
    const read = parseRecording(text);
    // The copy names the profile that judged what the panel showed.
    expect(parseRecording(saved)).toEqual(
      read.ok && { ...read, recording: { ...read.recording, profileId: 'default' } },
    );
  });
});

describe('settings', () => {
  it('binds preserve log and the profile to the source settings', async () => {
    const { source } = renderApp(live, {}, { settings: { preserveLog: true } });
    const box = (await screen.findByRole('checkbox', { name: 'Preserve log' })) as HTMLInputElement;
    await waitFor(() => expect(box.checked).toBe(true));
    fireEvent.click(box);
    await waitFor(async () => expect((await source.getSettings()).preserveLog).toBe(false));
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: 'rfc6455' } });
    await waitFor(async () => expect((await source.getSettings()).profileId).toBe('rfc6455'));
    expect(box.checked).toBe(false);
  });

  it('binds query redaction, which the next export then follows', async () => {
    const { source, saveFile } = renderApp(live, {}, { settings: { redactQuery: true } });
    const box = (await screen.findByRole('checkbox', { name: 'Redact secrets' })) as HTMLInputElement;
    await waitFor(() => expect(box.checked).toBe(true));
    fireEvent.click(box);
    await waitFor(async () => expect((await source.getSettings()).redactQuery).toBe(false));
    await waitFor(() => expect(box.checked).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const [, text] = saveFile.mock.calls[0] as [string, string];
    expect(JSON.parse(text).connections[0].url).toBe('wss://rt.example/ws?token=s3cret');
  });

  it('an export says which profile judged it; a file judged by another says so while it is shown', async () => {
    const { source, saveFile } = renderApp(live, {}, { settings: { profileId: 'rfc6455' } });
    await waitFor(() => expect((screen.getByLabelText('Profile') as HTMLSelectElement).value).toBe('rfc6455'));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const [, text] = saveFile.mock.calls[0] as [string, string];
    expect(JSON.parse(text).profileId).toBe('rfc6455');
    // Opened where another profile is chosen: its verdicts are this panel's, and the banner says whose they were.
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: 'default' } });
    await waitFor(async () => expect((await source.getSettings()).profileId).toBe('default'));
    chooseFile(text);
    const note = await screen.findByTestId('imported-profile', {}, { timeout: 8000 });
    expect(note.textContent).toBe(
      'It was exported judged by the profile RFC 6455 §7.2.3; here the profile Closeline default judges it.',
    );
    // Judged by the profile chosen now, nothing is said.
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: 'rfc6455' } });
    await waitFor(async () => expect((await source.getSettings()).profileId).toBe('rfc6455'));
    await waitFor(() => expect(screen.queryByTestId('imported-profile')).toBeNull());
  });
});
