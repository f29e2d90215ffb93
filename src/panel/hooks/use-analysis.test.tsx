import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAnalysis, type Analysed } from './use-analysis';
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
  });

  it('analyses an imported recording one-shot, at the time it was exported: it never has a next version', () => {
    const { services, oneShot, keeping } = spied();
    const seen: (Analysed | null)[] = [];
    render(<Probe rec={rec} services={services} live={false} seen={seen} />);
    expect(keeping).not.toHaveBeenCalled();
    expect(oneShot).toHaveBeenCalledWith(rec, { profileId: 'default', now: T0 + 5_000 });
    expect(seen.at(-1)?.recording).toBe(rec);
  });
});
