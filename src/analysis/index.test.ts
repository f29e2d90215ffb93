// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { bigRecording, conn, recordingOf, T0 } from './test-fixtures';

describe('analyzeRecording', () => {
  // Speed is measured by `npm run bench` (ratios, not timed assertions); here only the result at scale.
  it('analyses 10,000 connections, linking every episode', () => {
    const recording = bigRecording();
    const now = T0 + 3_000_000;
    const first = analyzeRecording(recording, { now });
    expect(first.closures).toHaveLength(10_000);
    // Every trigger gets its own episode with its four attempts (nothing crosses endpoints or documents).
    const triggers = first.episodes.filter((e) => e.triggerId.match(/^t\d+$/));
    expect(triggers).toHaveLength(2_000);
    expect(triggers.every((e) => e.attemptIds.length === 4)).toBe(true);
  }, 60_000);

  it('sets each closure link and episode id', () => {
    const conns = [
      conn({ id: 'a', createdAt: T0, openAfter: 5, closeAfter: 20_000, code: 1012 }),
      conn({ id: 'b', createdAt: T0 + 22_000, openAfter: 5 }),
    ];
    const a = analyzeRecording(recordingOf(conns), { now: T0 + 100_000 });
    expect(a.closures).toEqual([
      expect.objectContaining({
        connectionId: 'a',
        next: { nextId: 'b', delayS: 2 },
        episodeId: 'ep:a',
        initiator: 'server',
      }),
    ]);
    expect(a.verdictByClosure['a']).toMatchObject({ level: 'fits', rule: 'restart.fits', observedDelays: [2] });
  });

  // Ids come from imported files, which anyone can write: an id named like a member of Object.prototype
  // must neither find that member as its verdict or stalls, nor replace the map's prototype ("__proto__").
  it('keys verdicts and stalls by any id, even one named like an Object.prototype member', () => {
    const ids = ['toString', 'constructor', '__proto__', 'level'];
    const conns = [conn({ id: 'trigger', createdAt: T0, openAfter: 5, closeAfter: 20_000, code: 1012 })];
    // Each attempt fails at once, so it is no trigger of its own and has no verdict.
    ids.forEach((id, i) =>
      conns.push(conn({ id, createdAt: T0 + 20_200 + i * 300, closeAfter: 10, code: 1006, wasClean: false })),
    );
    // One stalled socket, so that the analysis has stalls to look the others up in.
    const stalled = conn({ id: 'stalled', createdAt: T0 + 100_000, openAfter: 5 });
    stalled.events.push({ type: 'stall', at: T0 + 100_010, seconds: 5, simulated: true });
    conns.push(stalled);
    const a = analyzeRecording(recordingOf(conns), { now: T0 + 1_000_000 });
    expect(a.verdictByClosure['trigger']).toMatchObject({ level: 'problem' });
    expect(Object.keys(a.stalls ?? {})).toEqual(['stalled']);
    for (const id of ids) {
      expect(a.verdictByClosure[id]).toBeUndefined();
      expect(a.stalls?.[id]).toBeUndefined();
    }
    expect(Object.keys(a.verdictByClosure)).toEqual(['trigger']);
  });

  it('keeps the verdict of a trigger whose id is "__proto__" as its own entry', () => {
    const conns = [conn({ id: '__proto__', createdAt: T0, openAfter: 5, closeAfter: 20_000, code: 1012 })];
    const a = analyzeRecording(recordingOf(conns), { now: T0 + 1_000_000 });
    expect(Object.keys(a.verdictByClosure)).toEqual(['__proto__']);
    expect(a.verdictByClosure['level']).toBeUndefined();
  });
});
