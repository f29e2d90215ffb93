/** Outages started and ended at the same moment: every blocking rule stays known to the storage, so it ends. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from './test-support';

/** Session rules as Chromium keeps them: an id already in use refuses the whole update. */
const rules = new Set<number>();
const browser = vi.hoisted(() => ({
  declarativeNetRequest: {
    getSessionRules: async () => [...rules].map((id) => ({ id })),
    updateSessionRules: async (u: { addRules?: { id: number }[]; removeRuleIds?: number[] }) => {
      await Promise.resolve();
      for (const r of u.addRules ?? [])
        if (rules.has(r.id)) throw new Error(`Rule with id ${r.id} does not have a unique ID.`);
      for (const id of u.removeRuleIds ?? []) rules.delete(id);
      for (const r of u.addRules ?? []) rules.add(r.id);
    },
  },
  alarms: { create: vi.fn(async () => undefined), clear: vi.fn(async () => true) },
  storage: { session: undefined as unknown as MemoryStorage },
}));
vi.mock('webextension-polyfill', () => ({ default: browser }));
const { endExpiredOutages, liftOutage, OUTAGE_ALARM, startOutage } = await import('./outage');

const NOW = 1_800_000_000_000;
const storedIds = async () =>
  ((await browser.storage.session.get(['outages'])).outages as { ruleId: number }[] | undefined)?.flatMap((o) => [
    o.ruleId,
    o.ruleId + 1,
  ]) ?? [];

beforeEach(() => {
  rules.clear();
  browser.storage.session = new MemoryStorage();
  browser.alarms.create.mockClear();
  browser.alarms.clear.mockClear();
  vi.useFakeTimers({ toFake: ['setTimeout'] });
});

describe('outages at the same moment', () => {
  it('two started together both block, and both are lifted at their end', async () => {
    const started = await Promise.allSettled([
      startOutage(1, 'ws://127.0.0.1/a', 20, NOW),
      startOutage(2, 'ws://127.0.0.1/b', 20, NOW),
    ]);
    expect(started.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect([...rules].sort()).toEqual((await storedIds()).sort());
    await endExpiredOutages(NOW + 21_000);
    expect([...rules]).toEqual([]);
  });

  it('one started while an expired one is lifted stays known, and is lifted at its end', async () => {
    await startOutage(1, 'ws://127.0.0.1/a', 1, NOW);
    await Promise.all([endExpiredOutages(NOW + 2_000), startOutage(1, 'ws://127.0.0.1/b', 20, NOW + 2_000)]);
    expect(rules.size).toBe(2);
    expect([...rules].sort()).toEqual((await storedIds()).sort());
    await endExpiredOutages(NOW + 23_000);
    expect([...rules]).toEqual([]);
  });
});

describe('an outage lifted before its end', () => {
  it('loses its rules and entry; the wake-up moves to the outage left, and is cleared with the last', async () => {
    const first = await startOutage(1, 'ws://127.0.0.1/a', 10, NOW);
    await startOutage(1, 'ws://127.0.0.1/b', 40, NOW);
    expect(browser.alarms.create).toHaveBeenLastCalledWith(OUTAGE_ALARM, { when: NOW + 10_050 });
    await liftOutage(first, NOW + 1_000);
    expect([...rules].sort()).toEqual((await storedIds()).sort());
    expect(rules.size).toBe(2);
    // The alarm was set for the lifted outage's end; it now wakes the worker for the one left.
    expect(browser.alarms.create).toHaveBeenLastCalledWith(OUTAGE_ALARM, { when: NOW + 40_050 });
    expect(browser.alarms.clear).not.toHaveBeenCalled();
    const [second] = await storedIds();
    await liftOutage(second!, NOW + 2_000);
    expect([...rules]).toEqual([]);
    expect(await storedIds()).toEqual([]);
    expect(browser.alarms.clear).toHaveBeenCalledWith(OUTAGE_ALARM);
  });

  it('an id no outage has changes nothing', async () => {
    await startOutage(1, 'ws://127.0.0.1/a', 10, NOW);
    await liftOutage(1, NOW);
    expect(rules.size).toBe(2);
    expect(await storedIds()).toHaveLength(2);
  });
});

describe('rules an update left behind', () => {
  it('are lifted when the worker starts: the update emptied the storage that named them', async () => {
    await startOutage(1, 'ws://127.0.0.1/a', 600, NOW);
    // An update or reload of the extension: storage.session is emptied, the session rules stay (Chromium).
    browser.storage.session = new MemoryStorage();
    rules.add(7); // not ours: another range
    await endExpiredOutages(NOW + 1_000);
    expect([...rules]).toEqual([7]);
  });

  it('leave an outage under way alone, and one started meanwhile', async () => {
    await startOutage(1, 'ws://127.0.0.1/a', 600, NOW);
    await Promise.all([endExpiredOutages(NOW + 1_000), startOutage(2, 'ws://127.0.0.1/b', 600, NOW + 1_000)]);
    expect(rules.size).toBe(4);
    expect([...rules].sort()).toEqual((await storedIds()).sort());
  });
});
