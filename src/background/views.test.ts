import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, wrap, type Settings } from '../protocol/messages';
import { catalogTranslator, setTranslator } from '../i18n/translate';
import { localeCatalog } from '../test-support/locale-catalog';
import { MemoryStorage } from './test-support';

/** The polyfill as the background uses it: tabs.sendMessage to relays, DNR rules, storage.session. */
const browser = vi.hoisted(() => ({
  tabs: { sendMessage: vi.fn() },
  declarativeNetRequest: { updateSessionRules: vi.fn() },
  alarms: { create: vi.fn() },
  storage: {
    session: undefined as unknown as {
      get(k: string): Promise<Record<string, unknown>>;
      set(i: object): Promise<void>;
    },
  },
}));
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { Hub } = await import('./hub');
const { Persist } = await import('./persist');
const { SettingsStore } = await import('./settings-store');
const { handleViewRequest } = await import('./views');
const { endExpiredOutages, OUTAGE_ALARM, startOutage } = await import('./outage');
const { badSecondsText } = await import('./simulate');

const NOW = 1_800_000_000_000;
const counters = { sentMessages: 0, sentSize: 0, receivedMessages: 0, receivedSize: 0 };

const makeHub = (settings: Settings = DEFAULT_SETTINGS) =>
  new Hub({
    persist: new Persist(new MemoryStorage()),
    extensionVersion: '0.1.0',
    now: () => NOW,
    setTimer: () => undefined,
    settings: () => settings,
  });

function setup() {
  const hub = makeHub();
  const docId = hub.hello(
    { tabId: 4, frameId: 2, documentId: 'DOC', url: 'http://127.0.0.1/a' },
    { type: 'hello', docNonce: 'n', url: '', isTop: false },
  );
  const sock = (k: number, url = 'ws://127.0.0.1/s') => ({
    t: 'socket' as const,
    k,
    api: 'WebSocket' as const,
    url,
    protocols: [],
    at: NOW + k,
    stack: '',
  });
  hub.batch(
    4,
    docId,
    {
      type: 'batch',
      seq: 1,
      events: [
        ...[sock(3), sock(4), sock(5, 'ws://127.0.0.1/other'), sock(6)],
        // Open, as a server close or a stall needs (the background refuses them on a socket still connecting).
        ...[3, 4, 5, 6].map((k) => ({ t: 'open' as const, k, at: NOW + 2 + k, protocol: '', extensions: '' })),
      ],
      dropped: {},
    },
    () => undefined,
  );
  hub.batch(
    4,
    docId,
    {
      type: 'batch',
      seq: 2,
      events: [{ t: 'close', k: 6, at: NOW + 9, code: 1000, reason: '', wasClean: true, counters }],
      dropped: {},
    },
    () => undefined,
  );
  const area = new MemoryStorage();
  const settings = new SettingsStore(area as never);
  const ask = async (msg: unknown) => ((await handleViewRequest(wrap(msg), hub, settings)) as { msg: unknown }).msg;
  return { hub, settings, area, ask };
}

beforeEach(() => {
  browser.tabs.sendMessage.mockReset();
  browser.declarativeNetRequest.updateSessionRules.mockReset();
  browser.alarms.create.mockReset();
  browser.storage.session = new MemoryStorage() as never;
});

describe('view requests: every field is checked, and a refusal names it', () => {
  it.each([
    [{ type: 'get-recording', tabId: -1 }, 'request.tabId'],
    [{ type: 'get-recording' }, 'request.tabId'],
    [{ type: 'clear', tabId: 1.5 }, 'request.tabId'],
    [{ type: 'simulate', tabId: 4, connectionId: 7, command: { kind: 'drop' } }, 'request.connectionId'],
    [{ type: 'simulate', tabId: 4, connectionId: 'c', scope: 'tab', command: { kind: 'drop' } }, 'request.scope'],
    [{ type: 'simulate', tabId: 4, connectionId: 'c', command: { kind: 'eval' } }, 'request.command.kind'],
    [
      { type: 'simulate', tabId: 4, connectionId: 'c', command: { kind: 'close', code: '1012' } },
      'request.command.code',
    ],
    [{ type: 'set-settings', settings: 'all' }, 'request.settings'],
  ])('%o → %s', async (req, field) => {
    const { ask } = setup();
    expect(await ask(req)).toEqual({
      type: 'error',
      message: `Closeline could not understand this request: ${field} is not valid.`,
    });
  });

  it('refuses what is not a view request at all', async () => {
    const { hub, settings } = setup();
    const answer = await handleViewRequest({ type: 'get-settings' }, hub, settings);
    expect(answer).toEqual(wrap({ type: 'error', message: 'Closeline could not understand this request.' }));
  });

  it('answers the well-formed ones', async () => {
    const { ask } = setup();
    expect(await ask({ type: 'get-recording', tabId: 4 })).toMatchObject({
      type: 'recording',
      recording: { tabId: 4 },
    });
    expect(await ask({ type: 'get-settings' })).toEqual({ type: 'settings', settings: DEFAULT_SETTINGS });
    expect(await ask({ type: 'clear', tabId: 4 })).toEqual({ type: 'ok' });
    expect(await ask({ type: 'get-recording', tabId: 4 })).toMatchObject({ recording: { connections: [] } });
  });

  it('status: a relay that answers the ping means capturing; no receiver and no recording means no hook', async () => {
    const { ask } = setup();
    browser.tabs.sendMessage.mockResolvedValueOnce(wrap({ type: 'pong' }));
    expect(await ask({ type: 'get-status', tabId: 9 })).toEqual({ type: 'status', status: 'capturing' });
    browser.tabs.sendMessage.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    expect(await ask({ type: 'get-status', tabId: 9 })).toEqual({ type: 'status', status: 'no-hook' });
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(9, wrap({ type: 'ping' }), { frameId: 0 });
  });

  it("status: no receiver in a tab whose connections are only a frame's (a page open across an update) is no hook", async () => {
    // Tab 4's connections are frame 2's; its top page never said hello to this build.
    const { hub, ask } = setup();
    browser.tabs.sendMessage.mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await ask({ type: 'get-status', tabId: 4 })).toEqual({ type: 'status', status: 'no-hook' });
    // A top document this build heard from, still there: a ping it missed says nothing of its hook.
    const top = hub.hello(
      { tabId: 4, frameId: 0, documentId: 'TOP', url: 'http://127.0.0.1/' },
      { type: 'hello', docNonce: 't', url: '', isTop: true },
    );
    expect(await ask({ type: 'get-status', tabId: 4 })).toEqual({ type: 'status', status: 'capturing' });
    // Gone (unloaded for good), it is not.
    hub.tabs.get(4)?.endDocument(top, NOW + 20, 'pagehide');
    expect(await ask({ type: 'get-status', tabId: 4 })).toEqual({ type: 'status', status: 'no-hook' });
  });

  it('status: a top relay that started in a loaded page (Firefox, at install) says the hook came late', async () => {
    const { ask } = setup();
    browser.tabs.sendMessage.mockResolvedValueOnce(wrap({ type: 'pong', late: true }));
    expect(await ask({ type: 'get-status', tabId: 9 })).toEqual({ type: 'status', status: 'late' });
    // Anything else in that field is no claim of lateness.
    browser.tabs.sendMessage.mockResolvedValueOnce(wrap({ type: 'pong', late: 'yes' }));
    expect(await ask({ type: 'get-status', tabId: 9 })).toEqual({ type: 'status', status: 'capturing' });
  });
});

describe('status of a paused site', () => {
  it("says paused when the tab's top page is on a paused site, and what it says otherwise when it is not", async () => {
    const hub = makeHub({ ...DEFAULT_SETTINGS, pausedSites: ['paused.example'] });
    const top = (tabId: number, url: string) =>
      hub.hello(
        { tabId, frameId: 0, documentId: `D${tabId}`, url },
        { type: 'hello', docNonce: 'n', url, isTop: true },
      );
    top(7, 'https://paused.example/app');
    top(8, 'https://other.example/app');
    const store = new SettingsStore(new MemoryStorage() as never);
    const ask = async (tabId: number) =>
      ((await handleViewRequest(wrap({ type: 'get-status', tabId }), hub, store)) as { msg: unknown }).msg;
    browser.tabs.sendMessage.mockResolvedValue(wrap({ type: 'pong' }));
    expect(await ask(7)).toEqual({ type: 'status', status: 'paused' });
    expect(await ask(8)).toEqual({ type: 'status', status: 'capturing' });
    // No hook in the tab: that is what it says, paused or not (a reload is what it needs first).
    browser.tabs.sendMessage.mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await ask(7)).toEqual({ type: 'status', status: 'no-hook' });
  });
});

describe('settings from views and storage keep a bad field at its current value', () => {
  it('stores good fields, ignores bad ones and unknown keys', async () => {
    const { ask, area } = setup();
    const patch = {
      recentMinutes: 30,
      redactQuery: 'no',
      pausedSites: ['a.test', 'a.test'],
      profileId: 'Bad Id',
      extra: 1,
    };
    const answer = (await ask({ type: 'set-settings', settings: patch })) as { settings: Settings };
    expect(answer.settings).toEqual({ ...DEFAULT_SETTINGS, recentMinutes: 30, pausedSites: ['a.test'] });
    expect(await area.get(['settings'])).toEqual({ settings: answer.settings });
  });

  it('a hand-written store is decoded field by field on load', async () => {
    const { settings, area } = setup();
    await area.set({
      settings: {
        recentMinutes: 0,
        preserveLog: false,
        contentCapture: { 'a.test': false, 'b.test': 'yes' },
        language: 'fr',
      },
    });
    expect(await settings.load()).toEqual({
      ...DEFAULT_SETTINGS,
      preserveLog: false,
      contentCapture: { 'a.test': false },
    });
  });
});

describe('simulate: checked in the background, addressed by the stored socket number', () => {
  it('sends the hook command to the document that owns the socket, with its number', async () => {
    const { ask } = setup();
    browser.tabs.sendMessage.mockResolvedValue(true);
    const reason = 'é'.repeat(100);
    expect(
      await ask({
        type: 'simulate',
        tabId: 4,
        connectionId: '4:2:DOC:3',
        command: { kind: 'close', code: 1013, reason },
      }),
    ).toEqual({ type: 'ok' });
    const [tabId, message, target] = browser.tabs.sendMessage.mock.calls[0]!;
    expect([tabId, target]).toEqual([4, { frameId: 2, documentId: 'DOC' }]);
    const command = (
      message as { msg: { type: string; command: { t: string; k: number; code: number; reason: string } } }
    ).msg;
    expect(command.type).toBe('command');
    expect(command.command).toMatchObject({ t: 'simulate-close', k: 3, code: 1013 });
    expect(new TextEncoder().encode(command.command.reason).length).toBeLessThanOrEqual(123);
  });

  it('endpoint scope reaches every open socket to the endpoint in that document, not closed or other ones', async () => {
    const { ask } = setup();
    browser.tabs.sendMessage.mockResolvedValue(true);
    await ask({
      type: 'simulate',
      tabId: 4,
      connectionId: '4:2:DOC:3',
      scope: 'endpoint',
      command: { kind: 'stall', seconds: 5 },
    });
    const ks = browser.tabs.sendMessage.mock.calls.map(
      (c) => (c[1] as { msg: { command: { k: number } } }).msg.command.k,
    );
    expect(ks).toEqual([3, 4]);
  });

  it.each([
    [{ kind: 'close', code: 1006, reason: '' }, 'A server cannot send close code 1006'],
    [{ kind: 'outage', seconds: 601 }, 'An outage lasts from 1 to 600 seconds.'],
    [{ kind: 'stall', seconds: 0 }, 'A stall lasts from 1 to 600 seconds.'],
  ])('refuses %o with the rule', async (command, message) => {
    const { ask } = setup();
    const answer = (await ask({ type: 'simulate', tabId: 4, connectionId: '4:2:DOC:3', command })) as {
      type: string;
      message: string;
    };
    expect(answer.type).toBe('error');
    expect(answer.message).toContain(message);
    expect(browser.tabs.sendMessage).not.toHaveBeenCalled();
  });

  it.each<['outage' | 'stall', string, number, string]>([
    ['outage', 'en', 1, 'An outage lasts from 1 to 1 second.'],
    ['outage', 'en', 600, 'An outage lasts from 1 to 600 seconds.'],
    ['outage', 'ar', 0, 'تستمر مدة التوقف من 1 إلى 0 ثانية.'],
    ['outage', 'ar', 1, 'تستمر مدة التوقف ثانية واحدة.'],
    ['outage', 'ar', 2, 'تستمر مدة التوقف من ثانية إلى ثانيتين.'],
    ['outage', 'ar', 3, 'تستمر مدة التوقف من 1 إلى 3 ثوانٍ.'],
    ['outage', 'ar', 11, 'تستمر مدة التوقف من 1 إلى 11 ثانية.'],
    ['outage', 'ar', 600, 'تستمر مدة التوقف من 1 إلى 600 ثانية.'],
    ['outage', 'hi', 1, 'आउटेज 1 से 1 सेकंड तक चलता है।'],
    ['outage', 'hi', 600, 'आउटेज 1 से 600 सेकंड तक चलता है।'],
    ['stall', 'en', 1, 'A stall lasts from 1 to 1 second.'],
    ['stall', 'en', 600, 'A stall lasts from 1 to 600 seconds.'],
    ['stall', 'ar', 2, 'تستمر مدة الصمت من ثانية إلى ثانيتين.'],
    ['stall', 'ar', 3, 'تستمر مدة الصمت من 1 إلى 3 ثوانٍ.'],
    ['stall', 'ar', 600, 'تستمر مدة الصمت من 1 إلى 600 ثانية.'],
    ['stall', 'hi', 600, 'स्टॉल 1 से 600 सेकंड तक चलता है।'],
  ])('%s, %s: the longest, %i s, named and in the plural form the language gives it', (what, lang, max, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    try {
      expect(badSecondsText(max, what)).toBe(want);
    } finally {
      setTranslator(catalogTranslator(localeCatalog('en')));
    }
  });

  it('refuses a connection of another tab, a closed one, and says when the page did not answer', async () => {
    const { ask } = setup();
    const sim = (connectionId: string, tabId = 4) =>
      ask({ type: 'simulate', tabId, connectionId, command: { kind: 'drop' } });
    expect(await sim('4:2:DOC:3', 5)).toMatchObject({ message: expect.stringContaining('not in the inspected tab') });
    expect(await sim('4:2:DOC:6')).toMatchObject({ message: 'The connection is already closed.' });
    browser.tabs.sendMessage.mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await sim('4:2:DOC:3')).toMatchObject({ message: expect.stringContaining('did not answer') });
  });

  it('"close, then unavailable" that closed nothing lifts the outage it started', async () => {
    const { ask } = setup();
    browser.declarativeNetRequest.updateSessionRules.mockResolvedValue(undefined);
    browser.tabs.sendMessage.mockRejectedValue(new Error('Receiving end does not exist.'));
    const answer = await ask({
      type: 'simulate',
      tabId: 4,
      connectionId: '4:2:DOC:3',
      command: { kind: 'close-then-outage', code: 1013, reason: 'Try again later', seconds: 30 },
    });
    expect(answer).toMatchObject({ message: expect.stringContaining('did not answer') });
    // Started before the close (the page's reconnect must meet it), then lifted: nothing is left blocking.
    expect(browser.declarativeNetRequest.updateSessionRules.mock.calls.map(([u]) => Object.keys(u as object))).toEqual([
      ['addRules'],
      ['removeRuleIds'],
    ]);
    expect(browser.declarativeNetRequest.updateSessionRules).toHaveBeenLastCalledWith({
      removeRuleIds: [100_000, 100_001],
    });
    expect((await browser.storage.session.get('outages')).outages).toEqual([]);
  });

  it('an outage blocks the endpoint for the tab with a session rule, kept until its time is up', async () => {
    const { ask } = setup();
    browser.declarativeNetRequest.updateSessionRules.mockResolvedValue(undefined);
    // Taken before the outage starts (it ends 30 s after its own Date.now()), so a slow run cannot move
    // "29 s later" past the end.
    const t0 = Date.now();
    expect(
      await ask({ type: 'simulate', tabId: 4, connectionId: '4:2:DOC:3', command: { kind: 'outage', seconds: 30 } }),
    ).toEqual({ type: 'ok' });
    const [{ addRules }] = browser.declarativeNetRequest.updateSessionRules.mock.calls[0]!;
    // Firefox sees the handshake under its http:// address, Chromium under ws://: one rule for each.
    expect(addRules).toEqual([
      {
        id: 100_000,
        priority: 1,
        action: { type: 'block' },
        condition: { regexFilter: '^ws://127\\.0\\.0\\.1/s(\\?.*)?$', resourceTypes: ['websocket'], tabIds: [4] },
      },
      {
        id: 100_001,
        priority: 1,
        action: { type: 'block' },
        condition: { regexFilter: '^http://127\\.0\\.0\\.1/s(\\?.*)?$', resourceTypes: ['websocket'], tabIds: [4] },
      },
    ]);
    expect(browser.tabs.sendMessage).not.toHaveBeenCalled();
    // An alarm at the end wakes a worker the browser stopped meanwhile (its timer died with it).
    await vi.waitFor(() => expect(browser.alarms.create).toHaveBeenCalledTimes(1));
    const [name, { when }] = browser.alarms.create.mock.calls[0]! as [string, { when: number }];
    expect(name).toBe(OUTAGE_ALARM);
    expect(when).toBeGreaterThanOrEqual(t0 + 30_050);
    expect(when).toBeLessThanOrEqual(Date.now() + 30_050);
    await endExpiredOutages(t0 + 29_000);
    expect(browser.declarativeNetRequest.updateSessionRules).toHaveBeenCalledTimes(1);
    await endExpiredOutages(Date.now() + 30_001);
    expect(browser.declarativeNetRequest.updateSessionRules).toHaveBeenLastCalledWith({
      removeRuleIds: [100_000, 100_001],
    });
  });

  it('an outage the browser refuses is reported with its reason', async () => {
    browser.declarativeNetRequest.updateSessionRules.mockRejectedValue(new Error('Rule limit exceeded'));
    await expect(startOutage(4, 'ws://127.0.0.1/s', 5)).rejects.toThrow('Rule limit exceeded');
    const { ask } = setup();
    const answer = await ask({
      type: 'simulate',
      tabId: 4,
      connectionId: '4:2:DOC:3',
      command: { kind: 'outage', seconds: 5 },
    });
    expect(answer).toEqual({ type: 'error', message: 'The outage could not be started: Rule limit exceeded' });
  });
});
