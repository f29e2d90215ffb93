import { describe, expect, it, vi } from 'vitest';
import { createStaticSource } from './static-source';
import { conn, recordingOf } from '../../panel/fixtures/recording';
import { DEFAULT_SETTINGS } from '../../protocol/messages';

describe('createStaticSource', () => {
  const rec = recordingOf([conn({ id: 'a', code: 1000 })]);

  it('delivers its recording at once to each subscriber and is not live', () => {
    const src = createStaticSource(rec);
    const seen = vi.fn();
    src.subscribe(seen);
    expect(seen).toHaveBeenCalledExactlyOnceWith(rec);
    expect(src.live).toBe(false);
    expect(src.simulate).toBeUndefined();
  });

  it.each([
    [{}, DEFAULT_SETTINGS],
    [{ settings: { preserveLog: false } }, { ...DEFAULT_SETTINGS, preserveLog: false }],
  ])('starts from settings %j', async (opts, want) => {
    expect(await createStaticSource(rec, opts).getSettings()).toEqual(want);
  });

  it('keeps setting changes in memory', async () => {
    const src = createStaticSource(rec);
    await src.setSettings({ profileId: 'rfc6455' });
    expect((await src.getSettings()).profileId).toBe('rfc6455');
  });

  it.each([
    [undefined, 'capturing'],
    ['no-hook', 'no-hook'],
  ] as const)('reports status %s as %s', async (status, want) => {
    expect(await createStaticSource(rec, status ? { status } : {}).getStatus()).toBe(want);
  });
});
