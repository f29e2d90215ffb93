import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../protocol/messages';
import { SETTINGS_LIMITS } from '../protocol/limits';
import { tooManyCaptureSites } from '../protocol/settings';

// The background's request handler imports the polyfill; nothing here reaches it.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const { settingsRequests } = await import('./test-settings-requests');

const CAP = SETTINGS_LIMITS.sites;
const choices = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}.example`, true]));

const setup = (contentCapture: Record<string, boolean>) => settingsRequests({ contentCapture });

describe('message-content choices for one site more than are kept', () => {
  it('are refused with the reason, and nothing is stored', async () => {
    const { ask, area, settings } = setup(choices(CAP));
    const patch = { contentCapture: { ...choices(CAP), 'one.more': true } };
    expect(await ask({ type: 'set-settings', settings: patch })).toEqual({
      type: 'error',
      message:
        "Closeline keeps your choice of message content for at most 1000 sites. To change it here, first set a site you changed before back to its default (from that site's popup, or the panel).",
    });
    expect(Object.keys(settings.current.contentCapture)).toHaveLength(CAP);
    expect(area.writes).toBe(0);
  });

  it('are stored up to the limit', async () => {
    const { ask } = setup(choices(CAP - 1));
    const next = { ...choices(CAP - 1), 'last.example': true };
    const answer = (await ask({ type: 'set-settings', settings: { contentCapture: next } })) as { settings: Settings };
    expect(answer.settings.contentCapture['last.example']).toBe(true);
    expect(Object.keys(answer.settings.contentCapture)).toHaveLength(CAP);
  });

  it.each<[string, unknown, boolean]>([
    ['no contentCapture', { preserveLog: true }, false],
    ['a list instead of a map', { contentCapture: [] }, false],
    ['entries that are no choice are not counted', { contentCapture: { ...choices(CAP), x: 'yes', '': true } }, false],
    ['one more than kept', { contentCapture: { ...choices(CAP), y: true } }, true],
    // Off is this site's default: the choice holds no place.
    ["one more that is its site's default", { contentCapture: { ...choices(CAP), y: false } }, false],
  ])('tooManyCaptureSites: %s', (_, patch, want) => expect(tooManyCaptureSites(patch)).toBe(want));
});
