// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyzeRecording, createAnalyzer, type Analyzer } from './index';
import { closureFactsOf, closureOut, createAnalysisMemo, hasStall, linkKeysFor, sameData } from './analysis-memo';
import { linkKeysOf } from './link';
import { classify } from './classify';
import { conn, lifecycle, pagehide, recordingOf, T0 } from './test-fixtures';
import { liveSequence, type ChangeKind, type LiveStep } from '../test-support/live-sequence';
import type { Analysis, Closure, ReconnectLink } from './types';

/** Analyses every step with one analyzer and compares each with a from-scratch analysis, keys in order. */
function expectSameAsScratch(steps: readonly LiveStep[], analyze: Analyzer = createAnalyzer()): Analysis[] {
  return steps.map((s, i) => {
    const opts = { profileId: s.profileId, now: s.now };
    const kept = analyze(s.recording, opts);
    const scratch = analyzeRecording(s.recording, opts);
    expect(kept, `step ${i}: ${s.what}`).toStrictEqual(scratch);
    expect(JSON.stringify(kept), `step ${i}: ${s.what}`).toBe(JSON.stringify(scratch));
    return kept;
  });
}

const LINKING: ChangeKind[] = ['create', 'create', 'open', 'close', 'close', 'close-call', 'time'];

describe('an analyzer that keeps results between calls', () => {
  it.each<{ name: string; seed: number; steps: number; kinds?: ChangeKind[] }>([
    { name: 'every kind of change', seed: 1, steps: 300 },
    { name: 'every kind of change, another draw', seed: 2, steps: 300 },
    { name: 'every kind of change, a third draw', seed: 3, steps: 300 },
    { name: 'connections created, opened and closed (links, episodes, waits)', seed: 4, steps: 300, kinds: LINKING },
    { name: 'with eviction of the oldest', seed: 5, steps: 300, kinds: [...LINKING, 'evict'] },
    { name: 'with profile changes', seed: 6, steps: 200, kinds: [...LINKING, 'profile'] },
    { name: 'with lifecycle marks (throttled waits)', seed: 7, steps: 200, kinds: [...LINKING, 'mark', 'time'] },
    { name: 'with imports (every object new)', seed: 8, steps: 200, kinds: [...LINKING, 'import'] },
    { name: 'with stalls and document ends', seed: 9, steps: 200, kinds: [...LINKING, 'stall', 'document-end'] },
  ])('answers as a fresh analysis at every step: $name', ({ seed, steps, kinds }) => {
    expectSameAsScratch(liveSequence({ seed, steps, kinds }));
  });

  it('answers as a fresh analysis whatever order versions come in (older ones, the same one again)', () => {
    const steps = liveSequence({ seed: 11, steps: 120 });
    const shuffled = [...steps.slice(60), ...steps.slice(0, 60).reverse(), steps[30]!, steps[30]!];
    expectSameAsScratch(shuffled);
  });

  it('answers as a fresh analysis as "now" moves on and back over the same recording', () => {
    const steps = liveSequence({ seed: 12, steps: 80, kinds: LINKING });
    const last = steps.at(-1)!;
    const times = [0, 5_000, 59_000, 61_000, 120_000, 10_000, 0].map((d) => ({
      ...last,
      now: last.now + d,
      what: `now + ${d} ms`,
    }));
    expectSameAsScratch(times);
  });

  it('answers as a fresh analysis when marks arrive late or are evicted (a wait turns throttled and back)', () => {
    // A service restart with no reconnect: after the link window, a problem, unless the tab was hidden meanwhile.
    const dropped = conn({ id: 'a', createdAt: T0, openAfter: 5, closeAfter: 1_000, code: 1012 });
    const plain = recordingOf([dropped]);
    const hidden = recordingOf([dropped], [lifecycle(T0 + 2_000, 'hidden')]);
    const shown = recordingOf([dropped], [lifecycle(T0 + 2_000, 'hidden'), lifecycle(T0 + 3_000, 'visible')]);
    const now = T0 + 120_000;
    const steps = [plain, hidden, shown, { ...shown, marks: shown.marks.slice(1) }, plain].map((recording, i) => ({
      recording,
      now,
      profileId: 'default',
      what: `marks ${i}`,
    }));
    const rules = expectSameAsScratch(steps).map((a) => a.verdictByClosure['a']?.rule);
    expect(new Set(rules).size).toBeGreaterThan(1);
  });

  it("answers as a fresh analysis when the unload of the wait's document arrives, and when it is evicted", () => {
    // A service restart, then a reload 2 s later: pending until the unload is heard, then "left" at once.
    const dropped = conn({ id: 'a', createdAt: T0, openAfter: 5, closeAfter: 1_000, code: 1012 });
    const plain = recordingOf([dropped]);
    const left = recordingOf([dropped], [lifecycle(T0 + 2_000, 'hidden'), pagehide(T0 + 3_000, false)]);
    const cached = recordingOf([dropped], [pagehide(T0 + 3_000, true)]);
    const steps = [plain, left, cached, left, { ...left, marks: left.marks.slice(1) }, plain].map((recording, i) => ({
      recording,
      now: T0 + 5_000,
      profileId: 'default',
      what: `marks ${i}`,
    }));
    const rules = expectSameAsScratch(steps).map((a) => a.verdictByClosure['a']?.rule);
    expect(rules).toEqual([
      'restart.pending',
      'restart.no-reconnect.left',
      'restart.pending',
      'restart.no-reconnect.left',
      'restart.no-reconnect.left',
      'restart.pending',
    ]);
  });

  it('keeps the objects of closures, episodes and verdicts the update did not touch', () => {
    const a = conn({ id: 'a', createdAt: T0, openAfter: 5, closeAfter: 20_000, code: 1012 });
    const b = conn({ id: 'b', createdAt: T0 + 22_000, openAfter: 5 });
    const other = conn({
      id: 'x',
      createdAt: T0,
      url: 'wss://other.example/ws',
      openAfter: 5,
      closeAfter: 1_000,
      code: 1008,
    });
    const first = recordingOf([a, other, b]);
    const analyze = createAnalyzer();
    const now = T0 + 200_000;
    const before = analyze(first, { now });
    // b closes: a new object for b only.
    const closed = conn({ id: 'b', createdAt: T0 + 22_000, openAfter: 5, closeAfter: 30_000, code: 1006 });
    const after = analyze(recordingOf([a, other, closed]), { now });
    const closureOf = (an: Analysis, id: string) => an.closures.find((c) => c.connectionId === id);
    expect(closureOf(after, 'x')).toBe(closureOf(before, 'x'));
    expect(closureOf(after, 'a')).toBe(closureOf(before, 'a'));
    expect(after.verdictByClosure['x']).toBe(before.verdictByClosure['x']);
    expect(after.episodes.find((e) => e.id === 'ep:x')).toBe(before.episodes.find((e) => e.id === 'ep:x'));
    expect(closureOf(after, 'b')).toBeDefined();
    expect(after).toStrictEqual(analyzeRecording(recordingOf([a, other, closed]), { now }));
  });

  it('keeps a verdict judged again when it says the same (a wait still running, "now" moved on)', () => {
    // A page's own close: nothing is expected of a reconnect, so the verdict does not change as the wait runs.
    const a = conn({ id: 'a', createdAt: T0, openAfter: 5, closeCallAfter: 1_000, closeAfter: 1_002, code: 4000 });
    const analyze = createAnalyzer();
    const before = analyze(recordingOf([a]), { now: T0 + 2_000 });
    const after = analyze(recordingOf([a]), { now: T0 + 3_000 });
    expect(after.verdictByClosure['a']).toBe(before.verdictByClosure['a']);
    expect(after.closures[0]).toBe(before.closures[0]);
  });
});

describe('facts per connection object', () => {
  const c = conn({ id: 'a', createdAt: T0, openAfter: 10, closeAfter: 500, code: 1012 });

  it('are worked out once and kept by a memo for a series of analyses', () => {
    const memo = createAnalysisMemo();
    const closure = closureFactsOf(memo, c);
    const keys = linkKeysFor(memo, c);
    expect(closure).toEqual(classify(c));
    expect(keys).toEqual(linkKeysOf(c));
    expect(hasStall(memo, c)).toBe(false);
    expect(closureFactsOf(memo, c)).toBe(closure);
    expect(linkKeysFor(memo, c)).toBe(keys);
  });

  it('are worked out anew and kept nowhere by a one-shot memo (its analysis asks for each once)', () => {
    const memo = createAnalysisMemo({ oneShot: true });
    expect(memo.byConnection).toBeNull();
    const closure = closureFactsOf(memo, c);
    const keys = linkKeysFor(memo, c);
    expect(closure).toEqual(classify(c));
    expect(keys).toEqual(linkKeysOf(c));
    expect(closureFactsOf(memo, c)).not.toBe(closure);
    expect(linkKeysFor(memo, c)).not.toBe(keys);
    const stalled = conn({ id: 'b', createdAt: T0, openAfter: 10 });
    stalled.events.push({ type: 'stall', at: T0 + 20, seconds: 5, simulated: true });
    expect([hasStall(memo, c), hasStall(memo, stalled)]).toEqual([false, true]);
  });
});

describe('sameData', () => {
  it.each<{ a: unknown; b: unknown; same: boolean }>([
    { a: { x: 1, y: [1, 2] }, b: { x: 1, y: [1, 2] }, same: true },
    { a: { x: 1, y: [1, 2] }, b: { x: 1, y: [1, 3] }, same: false },
    { a: { x: 1, y: 2 }, b: { y: 2, x: 1 }, same: false },
    { a: { x: undefined }, b: {}, same: false },
    { a: [1], b: { 0: 1 }, same: false },
    { a: null, b: {}, same: false },
    { a: Number.NaN, b: Number.NaN, same: true },
    { a: 'a', b: 'a', same: true },
  ])('$a and $b: $same', ({ a, b, same }) => {
    expect(sameData(a, b)).toBe(same);
  });
});

describe('closureOut', () => {
  const base = classify(conn({ id: 'a', createdAt: T0, openAfter: 10, closeAfter: 500, code: 1012 }))!;
  const link = { nextId: 'b', delayS: 2 } as ReconnectLink;

  it.each<[string, ReconnectLink | undefined, string | undefined]>([
    ['with a link and an episode', link, 'ep-a'],
    ['with neither', undefined, undefined],
  ])('reports every field classify gave, in its order, then the link and the episode: %s', (_, next, episodeId) => {
    const out = closureOut(createAnalysisMemo(), new Map(), base, next, episodeId);
    expect(Object.keys(out)).toEqual([...Object.keys(base), 'next', 'episodeId']);
    for (const k of Object.keys(base)) expect(out[k as keyof Closure]).toBe(base[k as keyof Closure]);
    expect([out.next, out.episodeId]).toEqual([next, episodeId]);
  });
});
