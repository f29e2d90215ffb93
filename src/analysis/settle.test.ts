import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { pendingSettlesAt } from './settle';
import { chain } from './test-fixtures';

describe('pendingSettlesAt', () => {
  it('is when an unanswered 1013 becomes "no reconnect": the window after its close, and not before', () => {
    const c = chain({ code: 1013, delays: [] });
    const at = pendingSettlesAt(analyzeRecording(c.recording, { now: c.closedAt + 5_000 }));
    expect(at).toBeDefined();
    const before = analyzeRecording(c.recording, { now: at! - 1 });
    expect(before.verdictByClosure[c.triggerId]?.level).toBe('pending');
    const after = analyzeRecording(c.recording, { now: at! });
    expect(after.verdictByClosure[c.triggerId]).toMatchObject({ level: 'problem', finding: 'no-reconnect' });
    expect(pendingSettlesAt(after)).toBeUndefined();
  });

  it("counts from the last failed attempt's close, not the trigger's", () => {
    const c = chain({ code: 1013, delays: [1, 2], lastHolds: false });
    const lastClose = analyzeRecording(c.recording, { now: c.closedAt }).closures.find(
      (x) => x.connectionId === c.attemptIds[1],
    )!.closedAt;
    const a = analyzeRecording(c.recording, { now: lastClose + 1_000 });
    expect(a.verdictByClosure[c.triggerId]?.level).toBe('pending');
    const at = pendingSettlesAt(a)!;
    expect(at).toBeGreaterThan(lastClose + 60_000);
    expect(analyzeRecording(c.recording, { now: at - 1 }).verdictByClosure[c.triggerId]?.level).toBe('pending');
    expect(analyzeRecording(c.recording, { now: at }).verdictByClosure[c.triggerId]?.level).not.toBe('pending');
  });

  it('is undefined when nothing is pending (a reconnect that held)', () => {
    const c = chain({ code: 1012, delays: [2] });
    expect(pendingSettlesAt(analyzeRecording(c.recording, { now: c.now }))).toBeUndefined();
  });
});
