import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../protocol/messages';
import { SETTINGS_LIMITS } from '../protocol/limits';
import { MemoryStorage } from './test-support';

// The background's request handler imports the polyfill; nothing here reaches it.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const { sanitizeSettings, SettingsStore } = await import('./settings-store');
const { settingsRequests } = await import('./test-settings-requests');
const { Hub } = await import('./hub');
const { Persist } = await import('./persist');

const CAP = SETTINGS_LIMITS.sites;
const sites = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `s${from + i}.test`);

afterEach(() => vi.restoreAllMocks());

describe('pausedSites read from storage', () => {
  it('keeps every good entry and leaves out (and counts) only the bad ones', () => {
    const dropped: [string, number][] = [];
    const stored = { pausedSites: ['a.test', 5, 'x'.repeat(SETTINGS_LIMITS.hostChars + 1), null, 'b.test', 'a.test'] };
    const read = sanitizeSettings(stored, DEFAULT_SETTINGS, (field, n) => dropped.push([field, n]));
    expect(read.pausedSites).toEqual(['a.test', 'b.test']);
    expect(dropped).toEqual([['pausedSites', 3]]);
  });

  it('keeps the first sites up to the limit of a longer hand-written list, and counts the rest', () => {
    const dropped: number[] = [];
    const read = sanitizeSettings({ pausedSites: sites(CAP + 2) }, DEFAULT_SETTINGS, (_, n) => dropped.push(n));
    expect(read.pausedSites).toEqual(sites(CAP));
    expect(dropped).toEqual([2]);
  });

  it('keeps the current sites when the value is no list, and counts nothing for a clean one', () => {
    const dropped = vi.fn();
    const base = { ...DEFAULT_SETTINGS, pausedSites: ['a.test'] };
    expect(sanitizeSettings({ pausedSites: 'a.test' }, base, dropped).pausedSites).toEqual(['a.test']);
    expect(sanitizeSettings({ pausedSites: ['b.test'] }, base, dropped).pausedSites).toEqual(['b.test']);
    expect(dropped).not.toHaveBeenCalled();
  });

  it('says at start how many stored entries were left out', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const area = new MemoryStorage();
    await area.set({ settings: { pausedSites: ['a.test', { host: 'b.test' }] } });
    expect((await new SettingsStore(area as never).load()).pausedSites).toEqual(['a.test']);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Closeline: 1 stored entries of the pausedSites setting/));
  });
});

describe('pausing one site more than the limit', () => {
  const setup = (pausedSites: string[]) => settingsRequests({ pausedSites });

  it('is refused with the reason, and nothing is stored', async () => {
    const { ask, area, settings } = setup(sites(CAP));
    expect(await ask({ type: 'set-settings', settings: { pausedSites: [...sites(CAP), 'one.more'] } })).toEqual({
      type: 'error',
      message:
        'Recording is already paused on 1000 sites, the most Closeline keeps. To pause it here, first resume ' +
        'recording on a site you paused before (from its popup).',
    });
    expect(settings.current.pausedSites).toEqual(sites(CAP));
    expect(area.writes).toBe(0);
  });

  it('is stored up to the limit, repeats counted once', async () => {
    const { ask } = setup(sites(CAP - 1));
    const next = [...sites(CAP - 1), 'last.test', 'last.test'];
    const answer = (await ask({ type: 'set-settings', settings: { pausedSites: next } })) as { settings: Settings };
    expect(answer.settings.pausedSites).toEqual([...sites(CAP - 1), 'last.test']);
  });
});

describe('pausedSites that no page of the popup could have paused', () => {
  /** Whether a tab whose top page is at `url` is paused, with the paused sites read from `stored`. */
  const pausedAt = (stored: unknown[], url: string) => {
    const settings = sanitizeSettings({ pausedSites: stored }, DEFAULT_SETTINGS);
    const hub = new Hub({
      persist: new Persist(new MemoryStorage()),
      extensionVersion: '0.1.0',
      now: () => 1000,
      setTimer: () => undefined,
      settings: () => settings,
    });
    hub.hello({ tabId: 4, frameId: 0, documentId: 'DOC1', url }, { type: 'hello', docNonce: 'n', url, isTop: true });
    return hub.isPausedTab(4);
  };

  it('an empty name pauses nothing (it matched every file:, data: and about: page, which the popup cannot resume)', () => {
    expect(pausedAt([''], 'file:///site/index.html')).toBe(false);
    expect(pausedAt([''], 'about:blank')).toBe(false);
    const dropped: number[] = [];
    expect(
      sanitizeSettings({ pausedSites: ['', 'a.test'] }, DEFAULT_SETTINGS, (_, n) => dropped.push(n)).pausedSites,
    ).toEqual(['a.test']);
    expect(dropped).toEqual([1]);
  });

  it('a name written in capitals pauses its site, as a page’s host name is always lower case', () => {
    expect(pausedAt(['Paused.Example'], 'http://paused.example/app')).toBe(true);
    expect(sanitizeSettings({ pausedSites: ['A.test', 'a.test'] }, DEFAULT_SETTINGS).pausedSites).toEqual(['a.test']);
  });
});
