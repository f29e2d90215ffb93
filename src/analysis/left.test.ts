/**
 * A wait whose document was unloaded for good (its pagehide with persisted false: a reload, a navigation
 * away) before the page reconnected in it: docs/verdicts.md, "Waits a document left". Reconnects link only
 * within one document, so that wait is over: judged at once, never pending for the rest of the window,
 * and "no reconnect" cannot stand on it. A back/forward-cache pagehide, and one from a file written before
 * `persisted` was recorded, are judged as they always were.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRecording } from './index';
import { chain, lifecycle, navigation, pagehide, type ChainSpec } from './test-fixtures';
import type { Mark } from '../protocol/recording';
import { pendingSettlesAt } from './settle';
import { t } from '../i18n/translate';

function judged(spec: ChainSpec, marks: (closedAt: number) => Mark[], nowAfterCloseS: number) {
  const probe = chain(spec);
  const c = chain(spec, marks(probe.closedAt));
  const a = analyzeRecording(c.recording, { now: c.closedAt + nowAfterCloseS * 1000 });
  const verdict = a.verdictByClosure[c.triggerId];
  if (!verdict) throw new Error('no verdict');
  return { verdict, analysis: a, episode: a.episodes.find((e) => e.triggerId === c.triggerId) };
}

describe('a wait its document left for good', () => {
  const leftAt3s = (at: number) => [pagehide(at + 3_000, false)];
  it.each<[string, ChainSpec, (closedAt: number) => Mark[], number, string, string]>([
    [
      '1012, then a reload 3 s later: inconclusive at once, not pending',
      { code: 1012, delays: [] },
      leftAt3s,
      4,
      'inconclusive',
      'restart.no-reconnect.left',
    ],
    [
      '1012, then the back/forward cache 3 s later (persisted): pending, as before',
      { code: 1012, delays: [] },
      (at) => [pagehide(at + 3_000, true)],
      4,
      'pending',
      'restart.pending',
    ],
    [
      '… and after the window, inconclusive as throttled (the cached page may come back)',
      { code: 1012, delays: [] },
      (at) => [pagehide(at + 3_000, true)],
      61,
      'inconclusive',
      'restart.no-reconnect.throttled',
    ],
    [
      '1012, then a pagehide from a file without persisted: pending, as before',
      { code: 1012, delays: [] },
      (at) => [lifecycle(at + 3_000, 'pagehide')],
      4,
      'pending',
      'restart.pending',
    ],
    [
      '… and after the window, inconclusive as throttled, as before',
      { code: 1012, delays: [] },
      (at) => [lifecycle(at + 3_000, 'pagehide')],
      61,
      'inconclusive',
      'restart.no-reconnect.throttled',
    ],
    [
      '1013 retried twice too soon, then a reload: the too-soon problem stands',
      { code: 1013, delays: [0.1, 0.1], lastHolds: false },
      leftAt3s,
      4,
      'problem',
      'overload.too-soon',
    ],
    [
      '1006, then a reload: no reconnect is the app’s choice, info at once (never downgraded)',
      { code: 1006, delays: [] },
      leftAt3s,
      4,
      'info',
      'app-choice.no-reconnect',
    ],
    [
      '1013, then a reload: inconclusive at once',
      { code: 1013, delays: [] },
      leftAt3s,
      4,
      'inconclusive',
      'overload.no-reconnect.left',
    ],
    [
      '1008, then a reload: no retry can come any more, fits at once',
      { code: 1008, delays: [] },
      leftAt3s,
      4,
      'fits',
      'terminal.no-retry',
    ],
    [
      '1012 with a failed reconnect after 2 s, then a reload: judged at once on its wait',
      { code: 1012, delays: [2], lastHolds: false },
      (at) => [pagehide(at + 5_000, false)],
      6,
      'fits',
      'restart.fits',
    ],
    [
      'hidden first, then a reload: the reload is why the wait ended',
      { code: 1012, delays: [] },
      (at) => [lifecycle(at + 1_000, 'hidden'), pagehide(at + 3_000, false)],
      4,
      'inconclusive',
      'restart.no-reconnect.left',
    ],
    [
      'a reload after the window had passed: the wait was over already, no reconnect',
      { code: 1012, delays: [] },
      (at) => [pagehide(at + 70_000, false)],
      71,
      'problem',
      'restart.no-reconnect',
    ],
    [
      'another document unloaded (a frame): this wait still runs',
      { code: 1012, delays: [] },
      (at) => [pagehide(at + 3_000, false, 'doc-frame', 2)],
      4,
      'pending',
      'restart.pending',
    ],
    [
      'the previous top document unloaded, before this one started: not this wait',
      { code: 1012, delays: [] },
      (at) => [pagehide(at - 9_000, false, 'doc-0'), navigation(at - 8_000, 'doc-1')],
      4,
      'pending',
      'restart.pending',
    ],
    [
      // The relay stamps pagehide with the wall clock, the hook its events with the page's own: a close
      // heard just before the unload can be stamped a little after it.
      'the unload stamped a few ms before the close: left at once',
      { code: 1012, delays: [] },
      (at) => [pagehide(at - 4, false)],
      1,
      'inconclusive',
      'restart.no-reconnect.left',
    ],
  ])('%s', (_name, spec, marks, nowS, level, rule) => {
    expect(judged(spec, marks, nowS).verdict).toMatchObject({ level, rule });
  });

  it('says when the page left, and that the wait cannot be judged', () => {
    const { verdict } = judged({ code: 1012, delays: [] }, leftAt3s, 4);
    expect(verdict.finding).toBe('left');
    expect(t(verdict.text.id, verdict.text.subs)).toBe(
      'Inconclusive: the page left this document 3.00 s after the close (a reload, a navigation away, or its frame removed) before it reconnected in it, so the wait cannot be judged.',
    );
  });

  it('settles nothing later: no pending verdict is left to judge, and the episode has ended', () => {
    const { analysis, episode } = judged({ code: 1012, delays: [] }, leftAt3s, 4);
    expect(pendingSettlesAt(analysis)).toBeUndefined();
    // Not 'gave-up': the page did not stop trying, its document went away.
    expect(episode?.outcome).toBe('left');
  });
});
