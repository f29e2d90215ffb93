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
});
