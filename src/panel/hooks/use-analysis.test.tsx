import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { staticNow, useAnalysis, type Analysed } from './use-analysis';
import { fakeAnalysis, testServices } from '../fixtures/analysis';
import { conn, recordingOf, T0 } from '../fixtures/recording';
import type { PanelServices } from '../services';
import type { Recording } from '../../protocol/recording';

afterEach(cleanup);

function Probe(props: { rec: Recording; services: PanelServices; live: boolean; seen: (Analysed | null)[] }) {
  props.seen.push(useAnalysis(props.rec, props.services, 'default', props.live));
  return null;
}

/** Services whose two analyzers say who answered: the one-shot `analyze`, or the one that keeps results. */
function spied() {
  const oneShot = vi.fn((rec: Recording) => fakeAnalysis(rec));
  const keeping = vi.fn((rec: Recording) => fakeAnalysis(rec));
  const createAnalyzer = vi.fn(() => keeping);
  const services: PanelServices = { ...testServices(), analyze: oneShot, createAnalyzer };
  return { services, oneShot, keeping };
}

describe('useAnalysis', () => {
  const rec = recordingOf([conn({ id: 'a', code: 1012 })], { exportedAt: T0 + 5_000 });

  it('analyses a live recording with the analyzer that keeps results for its next version', () => {
    const { services, oneShot, keeping } = spied();
    const seen: (Analysed | null)[] = [];
    render(<Probe rec={rec} services={services} live seen={seen} />);
    expect(keeping).toHaveBeenCalled();
    expect(oneShot).not.toHaveBeenCalled();
    expect(seen.at(-1)?.analysis.closures.map((c) => c.connectionId)).toEqual(['a']);
    expect(seen.at(-1)?.live).toBe(true);
  });

  it('analyses an imported recording one-shot, at the time it was exported: it never has a next version', () => {
    const { services, oneShot, keeping } = spied();
    const seen: (Analysed | null)[] = [];
    render(<Probe rec={rec} services={services} live={false} seen={seen} />);
    expect(keeping).not.toHaveBeenCalled();
    expect(oneShot).toHaveBeenCalledWith(rec, { profileId: 'default', now: T0 + 5_000 });
    expect(seen.at(-1)?.recording).toBe(rec);
    expect(seen.at(-1)?.live).toBe(false);
  });

  const next = recordingOf([conn({ id: 'b', code: 1013 })], { exportedAt: T0 + 9_000 });
  const idsOf = (a: Analysed | null) => a?.analysis.closures.map((c) => c.connectionId);

  it('keeps showing the last live analysis while a new live version is analysed in a deferred render', () => {
    const { services } = spied();
    const seen: (Analysed | null)[] = [];
    const view = render(<Probe rec={rec} services={services} live seen={seen} />);
    const before = seen.length;
    view.rerender(<Probe rec={next} services={services} live seen={seen} />);
    // The urgent render still returns the old analysis; the deferred one brings the new version.
    expect(seen.slice(before).map(idsOf)).toEqual([['a'], ['b']]);
  });

  it('analyses an imported file in the render that brings it: no render shows the old data once more', () => {
    const { services } = spied();
    const seen: (Analysed | null)[] = [];
    const view = render(<Probe rec={rec} services={services} live seen={seen} />);
    const before = seen.length;
    view.rerender(<Probe rec={next} services={services} live={false} seen={seen} />);
    const after = seen.slice(before);
    expect(after.length).toBeGreaterThan(0);
    for (const a of after) expect(a?.recording).toBe(next);
  });
});

describe('staticNow', () => {
  // A connection made at `at` opens 10 ms later and closes 1,000 ms after that.
  const late = conn({ id: 'late', at: T0 + 5_000, code: 1000 });
  const early = conn({ id: 'early', code: 1012 });
  const lateEnd = T0 + 5_000 + 10 + 1_000;
  it.each([
    ['the export time, when the file has one', [early, late], { exportedAt: T0 + 99_000 }, T0 + 99_000],
    ['else the latest event, in the last connection', [early, late], {}, lateEnd],
    ['else the latest event, in the first connection', [late, early], {}, lateEnd],
    // Events out of order (as a hand-made file may have them): the latest is not the last one.
    ['else the latest event, wherever it is', [early, { ...late, events: [...late.events].reverse() }], {}, lateEnd],
  ] as const)('%s', (_, connections, extra, expected) => {
    expect(staticNow(recordingOf([...connections], extra as { exportedAt?: number }))).toBe(expected);
  });

  it('is the start of a recording without events', () => {
    const rec = recordingOf([]);
    expect(staticNow(rec)).toBe(rec.startedAt);
  });
});
