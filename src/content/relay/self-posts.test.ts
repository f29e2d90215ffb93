import { describe, expect, it } from 'vitest';
import { watchSelfPosts } from './self-posts';

/** A message event whose `data` reads are counted; `eventPhase` 0 once its dispatch has ended. */
function fakeEvent(data: unknown, eventPhase = 0) {
  const e = {
    reads: 0,
    eventPhase,
    get data() {
      e.reads++;
      return data;
    },
  };
  return e;
}
type Fake = ReturnType<typeof fakeEvent>;

function setup(held = 4) {
  const timers: (() => void)[] = [];
  let forged = 0;
  const on = watchSelfPosts({
    isForged: (d) => (d as { forged?: unknown }).forged === true,
    onForged: () => forged++,
    setTimer: (fn) => timers.push(fn),
    held,
  });
  return {
    post: (e: Fake) => on(e as unknown as MessageEvent),
    runTimers: () => timers.splice(0).forEach((fn) => fn()),
    timers,
    forged: () => forged,
  };
}

describe('watchSelfPosts', () => {
  it('reads no data until its timer, then counts the forgeries once, with one timer per run of messages', () => {
    const s = setup();
    const later = fakeEvent({ forged: false });
    const events = [fakeEvent({ forged: true }), fakeEvent('text'), fakeEvent(null), later];
    events.slice(0, 3).forEach(s.post);
    expect(events.map((e) => e.reads)).toEqual([0, 0, 0, 0]);
    expect(s.timers).toHaveLength(1);
    s.runTimers();
    expect(s.forged()).toBe(1);
    expect(events.map((e) => e.reads)).toEqual([1, 1, 1, 0]);
    s.post(later);
    expect(s.timers).toHaveLength(1);
    s.runTimers();
    expect(s.forged()).toBe(1);
    s.runTimers();
    expect(events.map((e) => e.reads)).toEqual([1, 1, 1, 1]);
  });

  it('at its bound checks the events already dispatched at once, so a flood is never all held', () => {
    const s = setup(4);
    const events = Array.from({ length: 10 }, (_, i) => fakeEvent({ forged: i % 2 === 0 }));
    events.forEach(s.post);
    // The 5th event found 4 held and checked them; the 9th found 4 more.
    expect(events.map((e) => e.reads)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    expect(s.forged()).toBe(4);
    s.runTimers();
    expect(events.map((e) => e.reads)).toEqual(Array(10).fill(1));
    expect(s.forged()).toBe(5);
  });

  it('at its bound leaves an event still being dispatched (a page listener dispatching another) for the timer', () => {
    const s = setup(2);
    const outer = fakeEvent({ forged: true }, 2);
    const done = fakeEvent({ forged: true });
    const inner = fakeEvent('inner', 2);
    [outer, done, inner].forEach(s.post);
    expect([outer.reads, done.reads, inner.reads]).toEqual([0, 1, 0]);
    outer.eventPhase = 0;
    inner.eventPhase = 0;
    s.runTimers();
    expect([outer.reads, done.reads, inner.reads]).toEqual([1, 1, 1]);
    expect(s.forged()).toBe(2);
  });
});
