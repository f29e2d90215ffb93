// @vitest-environment node
/** A failed side fails the scenario only once the other side's run has ended too. */
import { describe, expect, it } from 'vitest';
import { bothSides, launchBoth } from './both-sides';

/** A run that ends when told, recording that it did. */
function run<T>() {
  let finish!: (v: T) => void;
  let fail!: (e: Error) => void;
  const state = { ended: false };
  const promise = new Promise<T>((res, rej) => {
    finish = res;
    fail = rej;
  }).finally(() => (state.ended = true));
  return { promise, finish, fail, state };
}

describe('bothSides', () => {
  it('gives both results when both runs end', async () => {
    expect(await bothSides(Promise.resolve(1), Promise.resolve(2))).toEqual([1, 2]);
  });

  it("rethrows one side's error only once the other run has ended", async () => {
    const withExt = run<number>();
    const without = run<number>();
    const both = bothSides(withExt.promise, without.promise);
    const error = new Error('with the extension: awaited the next socket');
    withExt.fail(error);
    let settled = false;
    both.catch(() => undefined).finally(() => (settled = true));
    // A turn of the event loop runs every reaction already due: Promise.all would have rejected by now.
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    without.finish(2);
    await expect(both).rejects.toBe(error);
    expect(without.state.ended).toBe(true);
  });

  it('reports both errors when both runs failed', async () => {
    const both = bothSides(
      Promise.reject(new Error('with the extension: awaited A')),
      Promise.reject(new Error('without the extension: awaited B')),
    );
    await expect(both).rejects.toThrow('with the extension: awaited A\nwithout the extension: awaited B');
  });
});

describe('launchBoth', () => {
  const browser = (name: string, closed: string[]) => ({ name, close: async () => void closed.push(name) });

  it('gives both browsers when both start', async () => {
    const closed: string[] = [];
    const [a, b] = await launchBoth(
      Promise.resolve(browser('with', closed)),
      Promise.resolve(browser('without', closed)),
    );
    expect([a.name, b.name, closed]).toEqual(['with', 'without', []]);
  });

  it.each([
    ['with', 'without'],
    ['without', 'with'],
  ])(
    'closes the browser that started when the one %s the extension did not, then fails with its error',
    async (failed, started) => {
      const closed: string[] = [];
      const error = new Error(`${failed}: firefox-esr did not start`);
      const ok = Promise.resolve(browser(started, closed));
      const bad = Promise.reject(error);
      const both = failed === 'with' ? launchBoth(bad, ok) : launchBoth(ok, bad);
      await expect(both).rejects.toBe(error);
      expect(closed).toEqual([started]);
    },
  );

  it('reports both errors when neither started', async () => {
    const both = launchBoth(Promise.reject(new Error('with: no')), Promise.reject(new Error('without: no')));
    await expect(both).rejects.toThrow('with: no\nwithout: no');
  });
});
