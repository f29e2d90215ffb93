import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../protocol/messages';
import type { Connection, LastMessage, Recording } from '../protocol/recording';
import { fakeSource } from '../test-support/fake-source';
import { conn, recordingOf } from './fixtures/recording';
import { chooseFile, detail, renderApp, settingsLoaded } from './fixtures/render-app';

afterEach(cleanup);

const withMessages = (c: Connection, lastMessages?: LastMessage[]): Connection =>
  lastMessages ? { ...c, lastMessages } : c;

function oneClosure(frameUrl: string, lastMessages?: LastMessage[]): Recording {
  return recordingOf([withMessages(conn({ id: 'c1', code: 1008, reason: 'policy', frameUrl }), lastMessages)]);
}

/** The panel over a live-like source, so a test reads back the settings patches the panel stored. */
function renderLive(rec: Recording, settings: Partial<Settings> = {}) {
  const source = fakeSource(rec, { settings });
  return { ...renderApp(rec, {}, {}, { source }), source };
}

async function openClosure() {
  await screen.findByRole('grid');
  fireEvent.click(screen.getAllByText('policy')[0]!);
  return within(detail()).getByTestId('last-messages');
}

describe('per-site content capture in the detail pane', () => {
  it.each([
    ['app.example', 'https://app.example/chat', false],
    ['localhost', 'http://localhost:3000/', true],
  ])(
    '%s: the switch shows the default, a click stores the flipped choice for that site, and a click back lets it go',
    async (site, url, on) => {
      const { source } = renderLive(oneClosure(url, on ? [] : undefined));
      const section = await openClosure();
      const box = await within(section).findByRole<HTMLInputElement>('checkbox', {
        name: `Keep the last messages' content on ${site}`,
      });
      expect(box.checked).toBe(on);
      fireEvent.click(box);
      await waitFor(() => expect(box.checked).toBe(!on));
      expect(source.settingsPatches).toEqual([{ contentCapture: { [site]: !on } }]);
      // The next change waits for the answer to the last.
      await waitFor(() => expect(box.getAttribute('aria-disabled')).toBeNull());
      fireEvent.click(box);
      await waitFor(() => expect(box.checked).toBe(on));
      // Back to the site's default: no choice is kept for it (it would hold one of the places kept).
      expect(source.settingsPatches.at(-1)).toEqual({ contentCapture: {} });
    },
  );

  it('keeps the choices made for other sites when it stores one', async () => {
    const { source } = renderLive(oneClosure('https://app.example/chat'), {
      contentCapture: { 'other.example': true, localhost: false },
    });
    const section = await openClosure();
    const box = await within(section).findByRole<HTMLInputElement>('checkbox', { name: /on app\.example$/ });
    await settingsLoaded();
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    expect(source.settingsPatches).toEqual([
      { contentCapture: { 'other.example': true, localhost: false, 'app.example': true } },
    ]);
  });

  it("a frame without an address of its own (about:blank) offers its page's site, whose choice kept its content", async () => {
    const rec = oneClosure('about:blank', [{ dir: 'in', at: 1, kind: 'text', size: 2, text: 'hi' }]);
    rec.connections[0]!.site = 'app.example';
    const { source } = renderLive(rec, { contentCapture: { 'app.example': true } });
    const section = await openClosure();
    const box = await within(section).findByRole<HTMLInputElement>('checkbox', {
      name: "Keep the last messages' content on app.example",
    });
    await settingsLoaded();
    expect([box.checked, box.disabled]).toEqual([true, false]);
    fireEvent.click(box);
    await waitFor(() => expect(source.settingsPatches).toEqual([{ contentCapture: {} }]));
  });
});

describe('export and "Include message content"', () => {
  const messages: LastMessage[] = [
    { dir: 'out', at: 1, kind: 'text', size: 14, text: 'hello room-42!' },
    { dir: 'in', at: 2, kind: 'binary', size: 2, hex: 'beef' },
  ];
  const exported = (saveFile: { mock: { calls: unknown[][] } }, call: number) =>
    (JSON.parse(saveFile.mock.calls[call]?.[1] as string) as Recording).connections[0]?.lastMessages;

  it('leaves the content out unless the box is ticked, and includes it once ticked', async () => {
    const { source, saveFile } = renderLive(oneClosure('http://localhost:3000/', messages));
    await screen.findByText('policy');
    await settingsLoaded();
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Include message content' });
    expect(box.checked).toBe(false);
    const exportButton = screen.getByRole('button', { name: 'Export' });

    fireEvent.click(exportButton);
    expect(saveFile).toHaveBeenCalledTimes(1);
    expect(saveFile.mock.calls[0]?.[1]).not.toContain('room-42');
    expect(saveFile.mock.calls[0]?.[1]).not.toContain('beef');
    expect(exported(saveFile, 0)).toEqual([
      { dir: 'out', at: 1, kind: 'text', size: 14 },
      { dir: 'in', at: 2, kind: 'binary', size: 2 },
    ]);

    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    expect(source.settingsPatches).toEqual([{ exportContent: true }]);
    fireEvent.click(exportButton);
    expect(saveFile).toHaveBeenCalledTimes(2);
    expect(exported(saveFile, 1)).toEqual(messages);
  });
});

describe('last messages of an imported file', () => {
  it("say the file holds none, without the live site's switch", async () => {
    const live = oneClosure('https://app.example/chat');
    renderLive(live);
    expect((await openClosure()).querySelector('input[type="checkbox"]')).not.toBeNull();
    const file = recordingOf([conn({ id: 'f1', code: 1008, reason: 'from file', frameUrl: 'https://app.example/' })]);
    chooseFile(JSON.stringify(file));
    fireEvent.click(await screen.findByText('from file', {}, { timeout: 8000 }));
    const section = within(detail()).getByTestId('last-messages');
    expect(within(section).getByTestId('last-messages-off').textContent).toBe(
      'This file holds no message content for this connection: it was exported without it, or content was not kept for its site.',
    );
    expect(section.querySelector('input[type="checkbox"]')).toBeNull();
  });
});

describe('per-site content capture for a tab in a private window', () => {
  it('shows the switch as stored, disabled, with the reason', async () => {
    const rec = oneClosure('https://app.example/chat');
    const source = fakeSource(rec, { privateTab: true });
    renderApp(rec, {}, {}, { source });
    const section = await openClosure();
    const note = await within(section).findByTestId('private-site-choice');
    expect(note.textContent).toMatch(/^Private window:/);
    const box = within(section).getByRole<HTMLInputElement>('checkbox', { name: /on app\.example$/ });
    expect([box.checked, box.disabled]).toEqual([false, true]);
    fireEvent.click(box);
    expect(source.settingsPatches).toEqual([]);
  });
});
