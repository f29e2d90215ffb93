/**
 * Private windows: a choice per site (paused sites, message content) names the site and is stored on disk
 * with the settings (storage.local), so one made from a private tab's view would outlast the private
 * session. The background refuses it there with the reason; every other setting, and any change from a
 * normal tab, is stored as before.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogTranslator, setTranslator } from '../i18n/translate';
import type { Settings } from '../protocol/messages';
import { localeCatalog } from '../test-support/locale-catalog';

/** Tabs 7 and 8 are in a private window, 4 in a normal one; any other id is gone. */
const browser = vi.hoisted(() => ({
  tabs: {
    get: vi.fn((id: number) =>
      [4, 7, 8].includes(id) ? Promise.resolve({ id, incognito: id !== 4 }) : Promise.reject(new Error('No tab')),
    ),
  },
}));
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { settingsRequests } = await import('./test-settings-requests');
const en = localeCatalog('en');

beforeEach(() => setTranslator(catalogTranslator(en)));

const refusal = { type: 'error', message: en.bg_private_site_choice!.message };

describe('a choice per site from a private tab', () => {
  it.each<[string, Partial<Settings>, Partial<Settings>]>([
    ['pausing a site', { pausedSites: ['secret.example'] }, {}],
    ['keeping message content on a site', { contentCapture: { 'secret.example': true } }, {}],
    ['resuming a paused site', { pausedSites: [] }, { pausedSites: ['app.example'] }],
    ['setting a site back to its default', { contentCapture: {} }, { contentCapture: { 'app.example': true } }],
  ])('%s is refused with the reason, and nothing is written', async (_, patch, start) => {
    const { ask, area, settings } = settingsRequests(start);
    const before = settings.current;
    expect(await ask({ type: 'set-settings', settings: patch, tabId: 7 })).toEqual(refusal);
    expect(settings.current).toBe(before);
    expect(await area.get(null)).toEqual({});
  });

  it('is stored from a normal tab, and from a view about no tab', async () => {
    for (const tabId of [4, undefined]) {
      const { ask, area } = settingsRequests({});
      const answer = (await ask({ type: 'set-settings', settings: { pausedSites: ['app.example'] }, tabId })) as {
        type: string;
      };
      expect(answer.type).toBe('settings');
      expect(JSON.stringify(await area.get(null))).toContain('app.example');
    }
  });

  it('does not stop another setting from a private tab, sent with the site lists as they are stored', async () => {
    const start = { pausedSites: ['app.example'], contentCapture: { 'chat.example': true } };
    const { ask, settings } = settingsRequests(start);
    // A view sends the whole lists it shows; unchanged, they are no choice made here.
    const patch = {
      language: 'ar',
      redactQuery: false,
      pausedSites: ['app.example'],
      contentCapture: start.contentCapture,
    };
    const answer = (await ask({ type: 'set-settings', settings: patch, tabId: 8 })) as { type: string };
    expect(answer.type).toBe('settings');
    expect([settings.current.language, settings.current.redactQuery]).toEqual(['ar', false]);
  });

  it('is stored for a tab that is gone (not known to be private)', async () => {
    const { ask } = settingsRequests({});
    const answer = (await ask({ type: 'set-settings', settings: { pausedSites: ['a.example'] }, tabId: 99 })) as {
      type: string;
    };
    expect(answer.type).toBe('settings');
  });

  it('refuses a tab id that is no tab id, naming the field', async () => {
    const { ask } = settingsRequests({});
    const answer = (await ask({ type: 'set-settings', settings: {}, tabId: -1 })) as { type: string; message: string };
    expect(answer.type).toBe('error');
    expect(answer.message).toContain('request.tabId');
  });
});
