import { afterEach, describe, expect, it, vi } from 'vitest';
import { awaitEchoes, ECHOES_MS } from './echoes';

afterEach(() => vi.useRealTimers());

describe('awaitEchoes', () => {
  it('returns once the page has its echoes', async () => {
    await expect(
      awaitEchoes(
        () => Promise.resolve(3),
        () => Promise.resolve(3),
        3,
        'lib',
      ),
    ).resolves.toBeUndefined();
  });

  it('fails after its bound, naming the run and how many came', async () => {
    vi.useFakeTimers();
    const never = new Promise<number>(() => {});
    const result = awaitEchoes(
      () => never,
      () => Promise.resolve(1),
      3,
      'sockette after 1012',
    );
    const caught = result.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(ECHOES_MS - 1);
    let settled = false;
    void result.then(
      () => (settled = true),
      () => (settled = true),
    );
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(String(await caught)).toBe('Error: sockette after 1012: awaited 3 echo(es) for 15 s, but 1 came');
  });

  it('passes on the page failing (closed, crashed) as it is', async () => {
    const gone = new Error('Target page, context or browser has been closed');
    await expect(
      awaitEchoes(
        () => Promise.reject(gone),
        () => Promise.resolve(0),
        3,
        'lib',
      ),
    ).rejects.toBe(gone);
  });
});
